"""Countries and regions found over a snapshot's arrays: the same as ``Geography`` finds through view calls,
on the seed, on a synthetic graph and on awkward shapes (several places above one, a located_in cycle,
people placed only through employers and parent bodies, nothing above at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation, Source
from ingest.load import load_files, seed_path
from queries.array_geo import ArrayGeography
from queries.geo import Geography
from queries.snapshot import SnapshotView, load_or_build


def _answers(geo: Geography, ids: list[str]) -> list[tuple[str | None, ...]]:
    return [(geo.country(i), geo.region(i), geo.continent(i), geo.iso(geo.country(i))) for i in ids]


def _compare(store: EmbeddedStore) -> dict[str, tuple[str | None, ...]]:
    view = load_or_build(store.path, store.version())
    assert isinstance(view, SnapshotView)
    ids = [raw.decode("ascii") for raw in view.a["entity_id"].tolist()]
    lean = Geography.of(view)
    assert isinstance(lean, ArrayGeography)
    lean.locate_all([*ids[: len(ids) // 2], "nobody", "ünicode"])  # half found at once, half one by one
    asked = [*ids, "nobody", "x" * 500]
    found = _answers(lean, asked)
    assert found == _answers(Geography(view), asked)
    return dict(zip(asked, found, strict=True))


def test_seed_and_synthetic_places_are_found_as_through_the_view(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [seed_path()])
        seed = _compare(store)
        assert seed["place:kanagawa"][0] == "place:japan"
        for batch in SyntheticGraph(4_000, seed=3, batch_size=2_000).batches():
            store.write(batch)
        found = _compare(store)
    assert sum(1 for answer in found.values() if answer[0] is not None) > len(found) // 2
    assert sum(1 for answer in found.values() if answer[1] not in (None, answer[0])) > 100


def _place(i: str, kind: str) -> Entity:
    return Entity(id=f"place:{i}", type=EntityType.PLACE, kind=kind,
                  names=(Name(text=i, lang=Lang.EN, kind=NameKind.PRIMARY),))


def _org(i: str) -> Entity:
    return Entity(id=f"org:{i}", type=EntityType.ORGANISATION, kind="company",
                  names=(Name(text=i, lang=Lang.EN, kind=NameKind.PRIMARY),))


def _person(i: str) -> Entity:
    return Entity(id=f"person:{i}", type=EntityType.PERSON, names=(Name(text=i, lang=Lang.EN, kind=NameKind.PRIMARY),))


def _rel(kind: str, source: str, target: str) -> Relation:
    return Relation(id=relation_id(kind, source, target), type=kind, source=source, target=target,
                    evidence=(Evidence(source="doc", confidence=1.0),))


@pytest.mark.parametrize("order", ["as_listed", "reversed"])
def test_awkward_shapes_are_found_as_through_the_view(tmp_path: Path, order: str) -> None:
    places = [_place("aland", "country"), _place("bland", "country"), _place("north", "region"),
              _place("south", "region"), _place("twin", "city"), _place("loop1", "city"), _place("loop2", "city"),
              _place("lone", "city")]
    orgs = [_org("hq"), _org("unit"), _org("nowhere"), _org("looped")]
    people = [_person("p1"), _person("p2"), _person("p3")]
    relations = [
        _rel("located_in", "place:north", "place:aland"),
        _rel("located_in", "place:south", "place:bland"),
        _rel("located_in", "place:twin", "place:north"),  # a city in two regions (of two countries)
        _rel("located_in", "place:twin", "place:south"),
        _rel("located_in", "place:loop1", "place:loop2"),  # a cycle with nothing above it
        _rel("located_in", "place:loop2", "place:loop1"),
        _rel("located_in", "org:hq", "place:twin"),
        _rel("part_of", "org:unit", "org:hq"),  # placed only through its parent body
        _rel("located_in", "org:looped", "place:loop1"),
        _rel("works_for", "person:p1", "org:unit"),
        _rel("works_for", "person:p2", "org:nowhere"),
        _rel("works_for", "person:p3", "org:looped"),
        _rel("works_for", "person:p3", "org:hq"),
    ]
    if order == "reversed":
        relations.reverse()
    with EmbeddedStore(tmp_path / "g.sqlite") as store:
        store.write(Batch(sources=[Source(id="doc", title="Doc")], entities=[EntityRecord(entity=e) for e in (*places, *orgs, *people)],
                          relations=relations))
        found = _compare(store)
    assert found["place:twin"][0] in ("place:aland", "place:bland")
    assert found["person:p1"][:2] == found["org:hq"][:2] == found["place:twin"][:2]
    assert found["person:p2"][0] is None and found["place:loop1"][0] is None and found["place:lone"][0] is None
    assert found["person:p3"][:2] == found["org:hq"][:2]
