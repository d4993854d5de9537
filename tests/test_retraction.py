"""Retracting a source removes everything it said: each entity and relation is
rebuilt from what the remaining sources asserted (every backend)."""

from __future__ import annotations

from typing import Any

from graph.model import Batch, Lang
from graph.store import Store
from ingest.format import parse_fact_file, to_batch


def batch(**sections: Any) -> Batch:
    return to_batch(parse_fact_file({"kizuna": 1, **sections}, "<test>"), "<test>")


S1 = batch(
    sources=[{"id": "s1", "title": "First note"}],
    defaults={"source": "s1"},
    entities=[
        {"id": "org:acme", "type": "organisation", "kind": "company", "name": {"en": "Acme"}},
        {"id": "person:hana", "type": "person", "name": {"en": "Hana Sato"}},
    ],
    relations=[{"type": "works_for", "source": "person:hana", "target": "org:acme", "role": "engineer"}],
)
S2 = batch(
    sources=[{"id": "s2", "title": "Second note"}],
    defaults={"source": "s2"},
    entities=[
        {"id": "org:acme", "type": "organisation", "kind": "company", "name": {"en": "Acme", "ja": "アクメ"},
         "aliases": ["Acme Holdings"], "description": "Said only by s2.", "url": "https://acme.example"},
        {"id": "person:hana", "type": "person", "name": {"en": "Hana Sato"}},
        {"id": "person:only-s2", "type": "person", "name": {"en": "Only Second"}},
    ],
    relations=[{"type": "works_for", "source": "person:hana", "target": "org:acme", "role": "engineer",
                "valid_from": "2019", "valid_to": "2021"}],
)


def test_retraction_rebuilds_entities_and_relations_from_the_other_sources(store: Store) -> None:
    store.write(S1)
    store.write(S2)
    acme = store.get_entity("org:acme")
    assert acme is not None and acme.entity.description == "Said only by s2."
    (rel,) = store.relations_citing("s1")
    assert rel.valid_from == "2019" and rel.sources == ("s1", "s2")

    result = store.retract_source("s2")

    acme = store.get_entity("org:acme")
    assert acme is not None
    assert acme.sources == ("s1",)
    assert acme.entity.description is None and acme.entity.url is None
    assert {n.text for n in acme.entity.names} == {"Acme"}
    assert acme.entity.name(Lang.JA) == "Acme"
    assert store.resolve("Acme Holdings") == [] and store.resolve("アクメ") == []
    (rel,) = store.relations_citing("s1")
    assert (rel.role, rel.valid_from, rel.valid_to) == ("engineer", None, None)
    assert rel.sources == ("s1",)
    assert store.get_entity("person:only-s2") is None
    assert result.entities_removed == 1 and result.relations_kept == 1
    assert store.get_sources(["s2"]) == []
    assert store.check() == []


def test_a_later_assertion_by_the_remaining_source_still_wins(store: Store) -> None:
    store.write(S2)
    store.write(S1)
    store.retract_source("s2")
    (rel,) = store.relations_citing("s1")
    assert rel.role == "engineer" and rel.valid_from is None
    hana = store.get_entity("person:hana")
    assert hana is not None and hana.sources == ("s1",)


def test_retracting_both_sources_leaves_nothing(store: Store) -> None:
    store.write(S1)
    store.write(S2)
    store.retract_source("s2")
    store.retract_source("s1")
    assert store.get_entities(["org:acme", "person:hana", "person:only-s2"]) == {}
    assert store.check() == []
