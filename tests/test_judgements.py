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
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries.brokers import brokers
from queries.neighbourhood import neighbourhood
from queries.partners import sector_partners
from queries.paths import introduction_paths
from tests.actor_reading import Actors

JUDGEMENTS = Path(__file__).parent / "judgements" / "introductions.yaml"
SET = yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8"))


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
def test_partners(q: dict[str, Any], seed: EmbeddedStore) -> None:
    result = sector_partners(seed, q["sector"], q["origin"])
    found = {p.entity.id for p in result.partners}
    assert set(q["expect"]["includes"]) <= found, found


@pytest.mark.parametrize("q", SET["neighbours"], ids=[q["id"] for q in SET["neighbours"]])
def test_neighbours(q: dict[str, Any], seed: EmbeddedStore) -> None:
    result = neighbourhood(seed, q["center"], radius=q["radius"], entity_types=q["types"])
    found = {n.entity.id for n in result.nodes}
    assert set(q["expect"]["includes"]) <= found, found


@pytest.mark.parametrize("q", SET["brokers"], ids=[q["id"] for q in SET["brokers"]])
def test_brokers(q: dict[str, Any], seed: EmbeddedStore) -> None:
    between = (q["between"][0], q["between"][1]) if "between" in q else None
    result = brokers(seed, between=between)
    ranked = [x.entity.id for x in result.brokers]
    expect = q["expect"]
    assert not set(ranked) & set(expect["excludes"]), ranked
    if expect.get("empty"):
        assert ranked == []
    if "in_top3" in expect:
        assert set(ranked[:3]) & set(expect["in_top3"]), ranked
