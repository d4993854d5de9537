"""Against a live Neo4j (NEO4J_URI set): the pushdown hooks answer exactly what
``queries.index.GraphIndex`` answers on the same data, full-text search works on
CJK names, and a test store leaves nothing behind. Skipped (with the reason
shown by ``pytest -rs``) when no server is configured."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest

from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.registry import CONTEXT_TYPES, TIE_TYPES
from graph.rows import GraphRows
from ingest.load import load_files, seed_path
from queries.index import GraphIndex

URI = os.environ.get("NEO4J_URI") or os.environ.get("NEO4J_URL")
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not URI, reason="Neo4j backend: no live server here; set NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD)"),
]


def _credentials() -> tuple[str, str, str]:
    assert URI
    return URI, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, GraphIndex]]:
    from graph.neo4j_store import Neo4jStore

    neo = Neo4jStore.for_tests(*_credentials())
    try:
        load_files(neo, [seed_path()])
        with EmbeddedStore(tmp_path_factory.mktemp("emb") / "e.sqlite") as emb:
            load_files(emb, [seed_path()])
            assert neo.export().model_dump() == emb.export().model_dump()
            yield neo, GraphIndex.from_batch("embedded", emb.export())
    finally:
        neo.close()


def test_tie_subgraph_matches_the_index(loaded: tuple[object, GraphIndex]) -> None:
    neo, index = loaded
    ids = sorted(index.entities)
    for start in [[i] for i in ids[::3]] + [ids[:5], ids]:
        for hops in (0, 1, 3):
            for types in (TIE_TYPES, TIE_TYPES | CONTEXT_TYPES):
                for as_of in (None, dt.date(2017, 1, 1), dt.date(2020, 6, 1)):
                    for min_conf in (0.0, 0.75):
                        got = neo.tie_subgraph(start, hops, types, as_of, min_conf)  # type: ignore[attr-defined]
                        want = index.tie_subgraph(start, hops, types, as_of, min_conf)
                        assert GraphRows.of(got) == want, (start, hops, as_of, min_conf)


def test_region_members_match_the_index(loaded: tuple[object, GraphIndex]) -> None:
    neo, index = loaded
    for place, entity in index.entities.items():
        if entity.type is EntityType.PLACE:
            got = neo.region_members(place)  # type: ignore[attr-defined]
            assert list(got.items()) == list(index.region_members(place).items()), place
    assert neo.region_members("place:nowhere") == {}  # type: ignore[attr-defined]


def test_fulltext_finds_cjk_parts_of_names(loaded: tuple[object, GraphIndex]) -> None:
    neo, index = loaded
    target = next(e for e in index.entities.values() if e.name("ja").startswith("神奈川"))
    hits = [e.id for e, _ in neo.search_names("神奈川")]  # type: ignore[attr-defined]
    assert target.id in hits
    assert isinstance(neo.search_names('"(* AND'), list)  # type: ignore[attr-defined]  # escaped: no Lucene error


def test_test_store_leaves_nothing_behind() -> None:
    from neo4j import GraphDatabase

    from graph.neo4j_store import Neo4jStore

    uri, user, password = _credentials()
    store = Neo4jStore.for_tests(uri, user, password)
    load_files(store, [seed_path()])
    labels = store.namespace.labels
    store.close()
    with GraphDatabase.driver(uri, auth=(user, password)) as driver:
        left, _, _ = driver.execute_query(
            "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n", labels=labels
        )
        schema, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS names")
    assert left[0]["n"] == 0
    assert [n for n in schema[0]["names"] if n.endswith(store.namespace.suffix)] == []
