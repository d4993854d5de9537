"""Against a live Neo4j (NEO4J_URI set): every read-view call answers exactly what
the embedded view (``queries.index.GraphIndex``) answers on the same data, so
do whole queries; full-text search works on CJK names, and a test store leaves
nothing behind. Skipped (with the reason shown by ``pytest -rs``) when no
server is configured."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.registry import CONTEXT_TYPES, TIE_TYPES
from ingest.load import load_files, seed_path
from queries.brokers import brokers
from queries.index import GraphIndex
from queries.neighbourhood import neighbourhood
from queries.paths import introduction_paths
from queries.region import region_network

URI = os.environ.get("NEO4J_URI") or os.environ.get("NEO4J_URL")
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not URI, reason="Neo4j backend: no live server here; set NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD)"),
]


def _credentials() -> tuple[str, str, str]:
    assert URI
    return URI, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, GraphIndex, Path]]:
    from graph.neo4j_store import Neo4jStore

    neo = Neo4jStore.for_tests(*_credentials())
    try:
        load_files(neo, [seed_path()])
        path = tmp_path_factory.mktemp("emb") / "e.sqlite"
        with EmbeddedStore(path) as emb:
            load_files(emb, [seed_path()])
            assert neo.export().model_dump() == emb.export().model_dump()
            yield neo, GraphIndex.from_batch("embedded", emb.export()), path
    finally:
        neo.close()


def test_view_calls_match_the_embedded_view(loaded: tuple[object, GraphIndex, Path]) -> None:
    neo, index, _ = loaded
    view = neo.view()  # type: ignore[attr-defined]
    ids = sorted(index.entities)
    frontiers = [[i] for i in ids[::3]] + [ids[:5], ids]
    for frontier in frontiers:
        assert view.get_entities(frontier) == index.get_entities(frontier)
        for direction in ("out", "in", "both"):
            for types in (TIE_TYPES, CONTEXT_TYPES, frozenset({"located_in"})):
                assert view.adjacent(frontier, types, direction) == index.adjacent(frontier, types, direction)
        for types in (TIE_TYPES, TIE_TYPES | CONTEXT_TYPES):
            for as_of in (None, dt.date(2017, 1, 1), dt.date(2020, 6, 1)):
                for min_conf in (0.0, 0.75):
                    got = view.ties(frontier, types, as_of, min_conf)
                    assert got == index.ties(frontier, types, as_of, min_conf), (frontier, as_of, min_conf)
    assert view.places("country") == index.places("country")
    assert view.entity_page(EntityType.PLACE, 2, 5) == index.entity_page(EntityType.PLACE, 2, 5)
    for as_of in (None, dt.date(2017, 1, 1)):
        got = sorted(t for page in view.tie_pages(TIE_TYPES, as_of, 0.0) for t in page)
        want = sorted(t for page in index.tie_pages(TIE_TYPES, as_of, 0.0) for t in page)
        assert {frozenset((u, v)) for u, _, v, _ in got} == {frozenset((u, v)) for u, _, v, _ in want}


def test_queries_match_the_embedded_store(loaded: tuple[object, GraphIndex, Path]) -> None:
    neo, index, path = loaded
    actors = sorted(i for i, e in index.entities.items() if e.type in (EntityType.ORGANISATION, EntityType.PLACE))
    with EmbeddedStore(path) as emb:
        for a, b in zip(actors[::4], actors[2::4], strict=False):
            for options in ({}, {"k": 1}, {"as_of": dt.date(2019, 1, 1)}):
                want = introduction_paths(emb, a, b, **options).model_dump(mode="json")  # type: ignore[arg-type]
                assert introduction_paths(neo, a, b, **options).model_dump(mode="json") == want  # type: ignore[arg-type]
            assert neighbourhood(neo, a, radius=2).model_dump(mode="json") == neighbourhood(emb, a, radius=2).model_dump(mode="json")  # type: ignore[arg-type]
        for place in [i for i, e in index.entities.items() if e.type is EntityType.PLACE][:10]:
            assert region_network(neo, place).model_dump(mode="json") == region_network(emb, place).model_dump(mode="json")  # type: ignore[arg-type]
        assert brokers(neo, cross_border=True).model_dump(mode="json") == brokers(emb, cross_border=True).model_dump(mode="json")  # type: ignore[arg-type]
        # Plain betweenness: counted by Graph Data Science when the server has it (raw scores may then
        # differ by a constant factor), else from the streamed tie pages; the ranking is the same.
        got, want = brokers(neo), brokers(emb)  # type: ignore[arg-type]
        assert [(b.entity.id, b.score, b.degree) for b in got.brokers] == [
            (b.entity.id, b.score, b.degree) for b in want.brokers]
        assert (got.nodes, got.edges) == (want.nodes, want.edges)


def test_fulltext_finds_cjk_parts_of_names(loaded: tuple[object, GraphIndex, Path]) -> None:
    neo, index, _ = loaded
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


def test_lifetimes_match_the_embedded_view() -> None:
    """Organisations and places outside their lifetime are left out by VIEW_TIES as by the embedded view."""
    from graph.neo4j_store import Neo4jStore
    from tests.test_lifetimes import lifetime_batch

    neo = Neo4jStore.for_tests(*_credentials())
    try:
        neo.write(lifetime_batch())
        index = GraphIndex.from_batch("embedded", lifetime_batch())
        view = neo.view()
        ids = sorted(index.entities)
        for as_of in (None, dt.date(2005, 1, 1), dt.date(2012, 1, 1), dt.date(2018, 1, 1), dt.date(2021, 1, 1)):
            for frontier in [[i] for i in ids] + [ids]:
                got = sorted(view.ties(frontier, TIE_TYPES, as_of, 0.0))
                assert got == sorted(index.ties(frontier, TIE_TYPES, as_of, 0.0)), (frontier, as_of)
            pages = {frozenset((u, v)) for page in view.tie_pages(TIE_TYPES, as_of, 0.0) for u, _, v, _ in page}
            assert pages == {frozenset((u, v)) for page in index.tie_pages(TIE_TYPES, as_of, 0.0)
                             for u, _, v, _ in page}, as_of
    finally:
        neo.close()
