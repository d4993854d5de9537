"""The judgement set (tests/judgements/introductions.yaml): questions written from reading the
seed documents, each with the answer a reader expects, asked of the seed graph.

An answer's *intermediaries* are read here from the stored graph, independently of how the
query words its result: the nodes of a path other than meeting points and other than the two
ends' own actors. An actor is a body with its units (``part_of`` chains up to a body that is
not a country) and the people who work only for that body or its units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.embedded import EmbeddedStore
from graph.model import Batch, EntityType
from ingest.load import load_files, seed_path
from queries.brokers import brokers
from queries.neighbourhood import neighbourhood
from queries.partners import sector_partners
from queries.paths import introduction_paths

JUDGEMENTS = Path(__file__).parent / "judgements" / "introductions.yaml"
SET = yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8"))
MEETINGS = {EntityType.AGREEMENT, EntityType.EVENT}
# Until the ranking (steps as users see them, hubs, places, time) lands, many answers differ.
PENDING = pytest.mark.xfail(strict=False, reason="introduction ranking not yet in place")


@dataclass(frozen=True)
class Actors:
    """Which stored nodes belong to one actor, read from part_of and works_for."""

    types: dict[str, EntityType]
    kinds: dict[str, str | None]
    parents: dict[str, set[str]]
    employers: dict[str, set[str]]

    @classmethod
    def of(cls, graph: Batch) -> Actors:
        types = {r.entity.id: r.entity.type for r in graph.entities}
        kinds = {r.entity.id: r.entity.kind for r in graph.entities}
        parents: dict[str, set[str]] = {}
        employers: dict[str, set[str]] = {}
        for rel in graph.relations:
            if rel.type == "part_of" and kinds.get(rel.target) != "country":
                parents.setdefault(rel.source, set()).add(rel.target)
            if rel.type == "works_for" and kinds.get(rel.target) != "country":
                employers.setdefault(rel.source, set()).add(rel.target)
        return cls(types, kinds, parents, employers)

    def roots(self, node: str) -> set[str]:
        """The top bodies a node belongs to (itself when it is part of nothing)."""
        if self.types.get(node) is EntityType.PERSON:
            found: set[str] = set()
            for employer in self.employers.get(node, ()):
                found |= self.roots(employer)
            return found if len(found) == 1 else {node}
        seen, frontier, tops = {node}, [node], set()
        while frontier:
            nxt = []
            for n in frontier:
                ups = self.parents.get(n, set())
                if not ups:
                    tops.add(n)
                for up in ups - seen:
                    seen.add(up)
                    nxt.append(up)
            frontier = nxt
        return tops

    def own(self, end: str, node: str) -> bool:
        return node == end or bool(self.roots(end) & self.roots(node))

    def intermediaries(self, ids: list[str]) -> list[str]:
        a, b = ids[0], ids[-1]
        return [n for n in ids[1:-1] if self.types[n] not in MEETINGS and not self.own(a, n) and not self.own(b, n)]

    def meetings(self, ids: list[str]) -> set[str]:
        return {n for n in ids if self.types[n] in MEETINGS}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("judgements")) / "seed.sqlite")
    load_files(store, [seed_path()])
    yield store
    store.close()


@pytest.fixture(scope="module")
def actors(seed: EmbeddedStore) -> Actors:
    return Actors.of(seed.export())


def _ids(path: Any) -> list[str]:
    return [n.id for n in path.nodes]


def _ask(seed: EmbeddedStore, q: dict[str, Any], k: int) -> Any:
    as_of = dt.date.fromisoformat(q["as_of"]) if q.get("as_of") else None
    return introduction_paths(seed, q["source"], q["target"], k=k, as_of=as_of)


def test_the_set_is_large_enough_and_every_question_cites_a_document() -> None:
    questions = SET["questions"]
    assert len(questions) >= 30
    assert len({q["id"] for q in questions}) == len(questions)
    for q in [*questions, *SET["partners"], *SET["neighbours"], *SET["brokers"]]:
        assert q["reason"][:3] in {"000", "001", "002", "003", "004"}, q["id"]


@pytest.mark.parametrize("q", SET["questions"], ids=[q["id"] for q in SET["questions"]])
@PENDING
def test_introduction(q: dict[str, Any], seed: EmbeddedStore, actors: Actors) -> None:
    expect = q["expect"]
    first = _ask(seed, q, 1)
    wide = _ask(seed, q, 3)
    if expect.get("no_path"):
        assert not first.paths and not wide.paths, [_ids(p) for p in wide.paths]
        return
    assert first.paths, first.reason
    assert _ids(first.paths[0]) == _ids(wide.paths[0]), "the first answer depends on k"
    best = _ids(first.paths[0])
    between = actors.intermediaries(best)
    if expect.get("direct"):
        assert between == [], best
    if "via_any" in expect:
        assert set(between) & set(expect["via_any"]), best
    if "meeting_any" in expect:
        assert actors.meetings(best) & set(expect["meeting_any"]), best
    if "not_meeting" in expect:
        assert not actors.meetings(best) & set(expect["not_meeting"]), best
    if "max_steps" in expect:
        assert first.paths[0].hops <= expect["max_steps"], best
    for path in wide.paths:
        assert not set(actors.intermediaries(_ids(path))) & set(expect.get("avoid", ())), _ids(path)


@pytest.mark.parametrize("q", SET["partners"], ids=[q["id"] for q in SET["partners"]])
@PENDING
def test_partners(q: dict[str, Any], seed: EmbeddedStore) -> None:
    result = sector_partners(seed, q["sector"], q["origin"])
    found = {p.entity.id for p in result.partners}
    assert set(q["expect"]["includes"]) <= found, found


@pytest.mark.parametrize("q", SET["neighbours"], ids=[q["id"] for q in SET["neighbours"]])
@PENDING
def test_neighbours(q: dict[str, Any], seed: EmbeddedStore) -> None:
    result = neighbourhood(seed, q["center"], radius=q["radius"], entity_types=q["types"])
    found = {n.entity.id for n in result.nodes}
    assert set(q["expect"]["includes"]) <= found, found


@pytest.mark.parametrize("q", SET["brokers"], ids=[q["id"] for q in SET["brokers"]])
@PENDING
def test_brokers(q: dict[str, Any], seed: EmbeddedStore) -> None:
    a, b = q["between"]
    result = brokers(seed, between=(a, b))
    ranked = [x.entity.id for x in result.brokers]
    assert not set(ranked) & set(q["expect"]["excludes"]), ranked
    assert set(ranked[:3]) & set(q["expect"]["in_top3"]), ranked
