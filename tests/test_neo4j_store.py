"""The Neo4j backend's Python side, checked without a server.

What runs here: identifier validation, the statement registry, parameter
building (model -> rows) and row -> model conversion, connection errors
against a real (unreachable) address, and the read view's row handling
(relation rows rebuilt from statement columns in the embedded view's order).
The walks over the view live in ``queries`` and are the same on both
backends; whether the VIEW_* Cypher selects exactly what the embedded view
selects is checked against a live server (tests/test_neo4j_live.py).
"""

from __future__ import annotations

import datetime as dt
import inspect
import random
from typing import Any

import pytest
from pydantic import SecretStr

from graph import cypher
from graph.cypher import Namespace
from graph.dates import valid_on
from graph.embedded import EmbeddedStore, _dump
from graph.errors import StoreUnavailable
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source
from graph.names import name_key
from graph.neo4j_store import (
    Neo4jStore,
    Neo4jView,
    entity_row,
    exists_from,
    exists_to,
    fresh_test_namespace,
    lucene_escape,
    name_rows,
    record_from_row,
    redact_uri,
    relation_props,
    relation_row,
    retracted,
    source_row,
)
from graph.registry import CONTEXT_TYPES, TIE_TYPES
from graph.settings import Settings
from ingest.load import load_files, seed_path
from queries.index import GraphIndex
from queries.ties import TieFilter
from queries.view import GraphView, SupportsView, WholeTieGraph


@pytest.fixture(scope="module")
def seed_batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    with EmbeddedStore(tmp_path_factory.mktemp("seed") / "seed.sqlite") as store:
        load_files(store, [seed_path()])
        return store.export()


@pytest.fixture(scope="module")
def index(seed_batch: Batch) -> GraphIndex:
    return GraphIndex.from_batch("seed", seed_batch)


# -- identifiers and the registry -----------------------------------------------------
@pytest.mark.parametrize("suffix", ["", "_t0", "_tabc123def456", "_" + "a" * 24])
def test_namespace_accepts_safe_suffixes(suffix: str) -> None:
    ns = Namespace(suffix)
    assert ns.names["Entity"] == f"Entity{suffix}"
    assert all(name.isidentifier() for name in ns.labels + ns.relationship_types)


@pytest.mark.parametrize(
    "suffix", ["t0", "_T0", "_a b", "_a`b", "_a)-[:X]-(b", "_" + "a" * 25, "_ä", "_", "_a;DROP"]
)
def test_namespace_rejects_anything_else(suffix: str) -> None:
    with pytest.raises(ValueError, match="invalid namespace suffix"):
        Namespace(suffix)


def test_statements_declare_exactly_the_parameters_they_use() -> None:
    for ns in (Namespace(), Namespace("_t1")):
        for stmt in cypher.STATEMENTS.values():
            text = stmt.render(ns)
            assert cypher.params_in(text) == set(stmt.params), stmt.name
            assert "%" not in text, stmt.name


def test_rendering_only_renames_namespace_identifiers() -> None:
    plain, test_ns = Namespace(), Namespace("_tx9")
    for stmt in cypher.STATEMENTS.values():
        a, b = stmt.render(plain), stmt.render(test_ns)
        for old in ("Entity", "Source", "Name", "KizunaMeta", "REL", "HAS_NAME"):
            b = b.replace(f"{old}_tx9", old)
        b = b.replace("_tx9", "")  # index and constraint names
        assert a == b, stmt.name


def test_a_statement_runs_only_with_its_declared_parameters() -> None:
    store = Neo4jStore(driver=None, uri="bolt://localhost:7687", database="neo4j")
    with pytest.raises(TypeError, match="statement resolve takes"):
        store._run(None, cypher.RESOLVE, key="x")  # 'type' missing: refused before anything runs
    forged = cypher.Statement("resolve", "MATCH (n) DETACH DELETE n", ("key", "type"))
    with pytest.raises(TypeError, match="not a registered statement"):
        store._run(None, forged, key="x", type=None)


# -- connection errors (a real driver against addresses nobody listens on) ----------------
def test_unreachable_server_names_the_uri_never_the_password() -> None:
    settings = Settings(neo4j_password=SecretStr("pa55-w0rd"), neo4j_user="kizuna")
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore.connect("bolt://127.0.0.1:9", settings)
    message = caught.value.message
    assert "bolt://127.0.0.1:9" in message and "kizuna" in message
    assert "pa55-w0rd" not in message and "pa55-w0rd" not in repr(caught.value.__cause__)


def test_password_in_the_uri_is_never_echoed() -> None:
    settings = Settings(neo4j_password=SecretStr("other"))
    for uri in ("neo4j://bob:hunter22@127.0.0.1:9", "bolt://bob:hunter22@127.0.0.1:9", "bolt://bob:hunter22@h:port"):
        with pytest.raises(StoreUnavailable) as caught:
            Neo4jStore.connect(uri, settings)
        assert "hunter22" not in caught.value.message, uri


def test_redact_uri() -> None:
    assert redact_uri("neo4j+s://user:secret@db.example.org:7687/x?y=1") == "neo4j+s://db.example.org:7687/x"
    assert redact_uri("bolt://localhost") == "bolt://localhost"
    assert "secret" not in redact_uri("bolt://u:secret@h:notaport")


def test_lucene_escape_makes_user_text_literal() -> None:
    assert lucene_escape("神奈川") == "神奈川"
    assert lucene_escape('a+b (c) "d" e* f? g:h ~i') == r'a\+b \(c\) \"d\" e\* f\? g\:h \~i'
    assert lucene_escape("cats AND dogs") == 'cats "AND" dogs'
    assert lucene_escape("   ") == ""


# -- rows: models <-> parameters ----------------------------------------------------------
def _plain(value: Any) -> bool:
    """Only values the Bolt protocol carries as-is (no driver-side conversion surprises)."""
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def test_entity_rows_round_trip_and_match_the_embedded_json(seed_batch: Batch) -> None:
    for record in seed_batch.entities:
        row = entity_row(record)
        assert _plain(row)
        assert row["data"] == _dump(record.entity)  # the same text as the embedded store
        assert record_from_row(row["data"], list(reversed(row["sources"]))) == record
        names = name_rows(record.entity)
        assert [n["text"] for n in names] == list(dict.fromkeys(n.text for n in record.entity.names))
        assert all(n["key"] == name_key(n["text"]) and n["entity"] == record.entity.id for n in names)
        assert row["names_text"].split("\n") == [n.text for n in record.entity.names]


def _lifetimes() -> list[Entity]:
    """Organisations and places with founding and ending dates, and an event that has ended."""
    names = (Name(text="x"),)
    return [
        Entity(id="org:young", type=EntityType.ORGANISATION, kind="agency", names=names, start="2020-04"),
        Entity(id="org:gone", type=EntityType.ORGANISATION, kind="company", names=names, start="2001", end="2018-06"),
        Entity(id="place:new-district", type=EntityType.PLACE, kind="district", names=names, start="2007"),
        Entity(id="event:past", type=EntityType.EVENT, kind="meeting", names=names, start="2016-11", end="2016-11"),
    ]


@pytest.mark.parametrize("day", [dt.date(2005, 1, 1), dt.date(2018, 6, 30), dt.date(2018, 7, 1), dt.date(2019, 1, 1),
                                 dt.date(2020, 4, 1)])
def test_exists_from_and_to_agree_with_the_tie_filter(seed_batch: Batch, day: dt.date) -> None:
    """The Neo4j properties decide existence on a day exactly as ``TieFilter.entity_usable`` does."""
    seen = set()
    rule = TieFilter(as_of=day)
    for entity in [r.entity for r in seed_batch.entities] + _lifetimes():
        first, last = exists_from(entity), exists_to(entity)
        if first is not None or last is not None:
            seen.add(entity.type)
        in_cypher = (first is None or first <= day.isoformat()) and (last is None or last >= day.isoformat())
        assert in_cypher == rule.entity_usable(entity), (entity.id, day)
    assert {EntityType.AGREEMENT, EntityType.EVENT, EntityType.ORGANISATION, EntityType.PLACE} <= seen


def test_an_organisation_exists_from_its_founding_to_its_end() -> None:
    young, gone, district, past = _lifetimes()
    assert (exists_from(young), exists_to(young)) == ("2020-04-01", None)
    assert (exists_from(gone), exists_to(gone)) == ("2001-01-01", "2018-06-30")
    assert exists_from(district) == "2007-01-01"
    assert (exists_from(past), exists_to(past)) == ("2016-11-01", None)  # an ended event stays a meeting point
    assert entity_row(EntityRecord(entity=gone))["exists_to"] == "2018-06-30"


def test_source_rows(seed_batch: Batch) -> None:
    for source in seed_batch.sources:
        row = source_row(source)
        assert _plain(row) and Source.model_validate_json(row["data"]) == source
    assert source_row(Source(id="s", title="t", published="2018-05"))["published_day"] == "2018-05-01"
    assert source_row(Source(id="s", title="t"))["published_day"] is None


def test_relation_rows_round_trip(seed_batch: Batch) -> None:
    for rel in seed_batch.relations:
        row = relation_row(rel)
        assert _plain(row)
        props = row["props"]
        assert Relation.model_validate_json(props["data"]) == rel and props["data"] == _dump(rel)
        assert props["ev_source"] == [e.source for e in rel.evidence]
        assert props["ev_confidence"] == [e.confidence for e in rel.evidence]
        assert props["confidence"] == rel.confidence and props["sources"] == list(rel.sources)
        assert set(props) == {"type", "data", "confidence", "sources", "role", "valid_from", "valid_to",
                              "from_day", "to_day", "ev_source", "ev_confidence"}  # None values unset a property


def _cypher_valid_on(props: dict[str, Any], day: dt.date) -> bool:
    """TIE_EXPAND's as-of predicate, evaluated on the stored properties."""
    iso = day.isoformat()
    return (props["from_day"] is None or props["from_day"] <= iso) and (props["to_day"] is None or props["to_day"] >= iso)


@pytest.mark.parametrize(
    ("valid_from", "valid_to"),
    [(None, None), ("2018", None), (None, "2019-06"), ("2018-05-08", "2018-05-08"), ("2016-02", "2020"),
     ("2019-12-31", None), (None, "2020-02")],
)
def test_stored_validity_days_mean_valid_on(valid_from: str | None, valid_to: str | None) -> None:
    rel = Relation(id="r", type="met_with", source="a", target="b", valid_from=valid_from, valid_to=valid_to,
                   evidence=(Evidence(source="s"),))
    props = relation_props(rel)
    day = dt.date(2015, 12, 1)
    while day < dt.date(2021, 3, 1):
        assert _cypher_valid_on(props, day) == valid_on(valid_from, valid_to, day), day
        day += dt.timedelta(days=13)
    for edge in ("2016-01-31", "2016-02-01", "2018-05-07", "2018-05-08", "2018-05-09", "2019-06-30", "2019-07-01",
                 "2020-02-29", "2020-03-01", "2020-12-31", "2021-01-01"):
        d = dt.date.fromisoformat(edge)
        assert _cypher_valid_on(props, d) == valid_on(valid_from, valid_to, d), edge


def test_retracted_keeps_other_sources() -> None:
    rel = Relation(id="r", type="met_with", source="a", target="b",
                   evidence=(Evidence(source="x", confidence=0.5), Evidence(source="y", locator="p. 2")))
    kept = retracted(rel, "y")
    assert kept is not None and kept.sources == ("x",) and kept.confidence == 0.5
    assert relation_props(kept)["ev_source"] == ["x"]
    assert retracted(kept, "x") is None
    assert retracted(rel, "z") == rel


# -- the read view: rows back from the VIEW_* statements --------------------------------
def _view_rows(index: GraphIndex, frontier: list[str], rng: random.Random) -> list[dict[str, Any]]:
    """What VIEW_ADJACENT returns for a frontier (its columns), in a shuffled order (Cypher promises none)."""
    rows = [
        {"node": node, "id": rel.id, "type": rel.type, "source": rel.source, "target": rel.target,
         "ev_source": [e.source for e in rel.evidence], "ev_confidence": [e.confidence for e in rel.evidence],
         "valid_from": rel.valid_from, "valid_to": rel.valid_to, "role": rel.role}
        for node, rel in index.adjacent(frontier, TIE_TYPES | CONTEXT_TYPES)
    ]
    rng.shuffle(rows)
    return rows


def test_view_rows_come_back_in_the_index_order(index: GraphIndex) -> None:
    """Relation rows rebuilt from the statement's columns, ordered by frontier then relation id,
    equal what the embedded view returns for the same frontier."""
    rng = random.Random(3)
    ids = sorted(index.entities)
    for _ in range(30):
        frontier = rng.sample(ids, 4)
        got = Neo4jView._in_frontier_order(frontier, _view_rows(index, frontier, rng))
        assert got == index.adjacent(frontier, TIE_TYPES | CONTEXT_TYPES)


def test_store_answers_the_read_view() -> None:
    store = Neo4jStore(driver=None, uri="bolt://localhost:7687", database="neo4j")
    view = store.view()
    assert isinstance(store, SupportsView) and isinstance(view, GraphView)
    assert not isinstance(view, WholeTieGraph)  # walks grow their tie graph frontier by frontier
    for name in ("get_entities", "get_sources", "adjacent", "ties", "places", "entity_page", "tie_pages"):
        mine = inspect.signature(getattr(Neo4jView, name))
        theirs = inspect.signature(getattr(GraphView, name))
        assert list(mine.parameters) == list(theirs.parameters), name


def test_seed_statements_cover_every_written_property(seed_batch: Batch) -> None:
    """Every property the row builders write is read back or filtered on by some statement."""
    written = set(entity_row(seed_batch.entities[0])) | set(source_row(seed_batch.sources[0]))
    written |= set(relation_props(seed_batch.relations[0])) | {"key", "text", "entity"}
    texts = " ".join(s.template for s in cypher.STATEMENTS.values())
    unused = {p for p in written if f".{p}" not in texts and f"{p}:" not in texts}
    # role / valid_from / valid_to are kept for people browsing the graph in Neo4j Browser.
    assert unused <= {"role", "valid_from", "valid_to"}, unused


def test_test_stores_get_fresh_valid_namespaces() -> None:
    names = {fresh_test_namespace().suffix for _ in range(200)}
    assert len(names) == 200 and all(n.startswith("_t") for n in names)
    with pytest.raises(StoreUnavailable, match="bolt://127.0.0.1:9"):
        Neo4jStore.for_tests("bolt://127.0.0.1:9", "neo4j", "x")


@pytest.mark.slow  # waits out timeouts / runs a fuzz pass
def test_reads_and_writes_on_a_lost_server_raise_store_unavailable() -> None:
    """A store whose server went away (real driver, nothing listening) fails cleanly, naming the URI."""
    from neo4j import GraphDatabase

    # Managed transactions retry for max_transaction_retry_time (30 s by default) first.
    driver = GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "pa55-w0rd"), max_transaction_retry_time=0.2)
    store = Neo4jStore(driver, "bolt://neo4j:pa55-w0rd@127.0.0.1:9", "neo4j")
    assert store.uri == "bolt://127.0.0.1:9"
    for call in (store.ping, store.stats, store.version, lambda: store.get_entities(["x"]),
                 lambda: store.view().ties(["x"], TIE_TYPES, None, 0.0),
                 lambda: store.write(Batch(sources=[Source(id="s", title="t")]))):
        with pytest.raises(StoreUnavailable, match=r"bolt://127\.0\.0\.1:9") as caught:
            call()
        assert "pa55-w0rd" not in caught.value.message
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreUnavailable, match="closed"):
        store.ping()
