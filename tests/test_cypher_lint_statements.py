"""Every Cypher statement of the Neo4j backend passes Neo4j's official linter,
and the backend runs no Cypher that is not in the linted registry.

The linter (tools/cypher-lint, @neo4j-cypher/language-support) checks syntax
and semantics against Neo4j 5, reports undeclared parameters as errors and
unknown labels / relationship types as warnings. Each statement is linted in
the production namespace and in a test namespace, with its own parameters
declared with realistic values built by the backend's own row builders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from graph import cypher
from graph.cypher import Namespace
from graph.model import Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation, Source
from graph.neo4j_store import CHUNK, PAGE, entity_row, name_rows, relation_props, relation_row, source_row
from tests.cypher_lint_runner import ERROR, WARNING, lint_statements, node_available

REPO = Path(__file__).resolve().parents[1]
BACKEND = REPO / "graph" / "neo4j_store.py"
NAMESPACES = (Namespace(), Namespace("_t0a1b2c3d4e5f"))

# Warnings we accept, as (statement name, message substring). Empty on purpose:
# add an entry only with a comment saying why the warning is harmless.
ALLOWED_WARNINGS: set[tuple[str, str]] = set()

CYPHER_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|DETACH|DELETE|REMOVE|SET|DROP)\b")


def _examples() -> dict[str, Any]:
    """Parameter values as the backend builds them, from real domain models."""
    source = Source(id="doc-a", title="Document A", published="2018-06")
    entity = Entity(
        id="place:kanagawa",
        type=EntityType.PLACE,
        kind="region",
        names=(Name(text="神奈川県", lang=Lang.JA, kind=NameKind.PRIMARY), Name(text="Kanagawa", lang=Lang.EN)),
    )
    record = EntityRecord(entity=entity, sources=("doc-a",))
    relation = Relation(
        id="rel:0123456789abcdef",
        type="party_to",
        source="place:kanagawa",
        target="agreement:mou",
        valid_from="2018-05-08",
        evidence=(Evidence(source="doc-a", locator="section 2", confidence=0.9),),
    )
    return {
        "upsert_sources": {"rows": [source_row(source)]},
        "upsert_entities": {"rows": [entity_row(record)]},
        "create_names": {"rows": name_rows(entity)},
        "delete_moved_relations": {"rows": [relation_row(relation)]},
        "upsert_relations": {"rows": [relation_row(relation)]},
        "upsert_judgements": {"rows": [{"pair": "a\x1fb", "left": "a", "right": "b", "data": "{}"}]},
        "upsert_review_items": {"rows": [{"key": "doc-a#a", "entity": "a", "source": "doc-a", "data": "{}"}]},
        "update_relations": {"rows": [{"id": relation.id, "props": relation_props(relation)}]},
        "set_entity_claims": {"rows": [{"id": "place:kanagawa", "claims": '{"doc-a": "{}"}'}]},
        "set_relation_claims": {"rows": [{"id": relation.id, "claims": None}]},
        "_by_name": {
            "ids": ["place:kanagawa", "agreement:mou"],
            "frontier": ["place:kanagawa"],
            "source": "doc-a",
            "key": "神奈川县",
            "type": "place",
            "id": "place:kanagawa",
            "min_confidence": 0.75,
            "types": ["party_to", "works_for"],
            "direction": "both",
            "as_of": "2020-06-01",
            "after": "",
            "limit": PAGE,
            "epoch": "5f1c0e2a9b7d4c3e",
            "index": "kizuna_names",
            "query": "神奈川",
            "seconds": 300,
            "names": cypher.GDS_NAMES["procedures"],
            "graph": "kizuna_ties_5f1c0e2a9b7d4c3e",
            "samples": 100,
            "seed": 0,
            "entity": "organisation:0123456789abcdef",
            "keys": ["doc-a#organisation:0123456789abcdef"],
            "merged": "place:kanagawa-2",
            "survivor": "place:kanagawa",
            "undone": False,
            "data": "{}",
            "prefix": "神奈",
            "start": 40,
        },
    }


def example_params(stmt: cypher.Statement) -> dict[str, Any]:
    examples = _examples()
    by_name = examples["_by_name"]
    if stmt.name in examples:
        return dict(examples[stmt.name])
    params = {p: by_name[p] for p in stmt.params}
    if stmt.name == "delete_namespace_chunk":
        params["limit"] = CHUNK
    if stmt.name in ("version", "bump_version"):
        params["key"] = cypher.STORE_KEY
    return params


def _lint_inputs() -> list[dict[str, Any]]:
    inputs = []
    for ns in NAMESPACES:
        for stmt in cypher.STATEMENTS.values():
            params = example_params(stmt)
            assert set(params) == set(stmt.params), stmt.name
            inputs.append({"name": f"{stmt.name}{ns.suffix}", "query": stmt.render(ns), "params": params})
    return inputs


@pytest.mark.slow
@pytest.mark.skipif(not node_available(), reason="`node` is not installed, so the Cypher linter cannot run")
def test_every_statement_lints_clean() -> None:
    inputs = _lint_inputs()
    schema = {
        "labels": [label for ns in NAMESPACES for label in ns.labels],
        "relationshipTypes": [t for ns in NAMESPACES for t in ns.relationship_types],
        "propertyKeys": sorted(
            {"id", "type", "data", "sources", "names_text", "exists_from", "exists_to", "key", "text", "entity",
             "epoch", "seq",
             "published_day", "pair", "left", "right", "entity", "merged", "survivor", "undone",
             *relation_props(Relation(id="r", type="met_with", source="a", target="b",
                                                       evidence=(Evidence(source="s"),)))}
        ),
        # Graph Data Science (brokers) is a plugin: its procedures and functions are declared, nothing else.
        **cypher.GDS_NAMES,
    }
    results = lint_statements(inputs, schema)
    assert [r["name"] for r in results] == [i["name"] for i in inputs]  # every statement, every namespace
    assert len(results) == len(cypher.STATEMENTS) * len(NAMESPACES)
    problems = []
    for result in results:
        base = result["name"]
        for ns in NAMESPACES:
            if ns.suffix and base.endswith(ns.suffix):
                base = base[: -len(ns.suffix)]
        for d in result["diagnostics"]:
            allowed = d["severity"] == WARNING and any(
                base == name and text in d["message"] for name, text in ALLOWED_WARNINGS
            )
            if d["severity"] in (ERROR, WARNING) and not allowed:
                problems.append(f"{result['name']}: {d['severityName']}: {d['message']}")
    assert problems == []


@pytest.mark.slow
def test_the_linter_would_catch_a_broken_statement() -> None:
    """The lint test is only worth something if the same inputs flag real mistakes."""
    if not node_available():
        pytest.skip("`node` is not installed, so the Cypher linter cannot run")
    stmt = cypher.RESOLVE
    ns = NAMESPACES[0]
    broken = [
        {"name": "missing_param", "query": stmt.render(ns), "params": {"key": "x"}},
        {"name": "typo", "query": stmt.render(ns).replace("RETURN", "RETRUN"), "params": example_params(stmt)},
        {"name": "unknown_label", "query": stmt.render(ns).replace(":Entity", ":Entiti"), "params": example_params(stmt)},
    ]
    schema = {"labels": ns.labels, "relationshipTypes": ns.relationship_types}
    diags = {r["name"]: {d["severity"] for d in r["diagnostics"]} for r in lint_statements(broken, schema)}
    assert diags == {"missing_param": {ERROR}, "typo": {ERROR}, "unknown_label": {WARNING}}


# -- nothing escapes the registry ---------------------------------------------------------
def _docstring_nodes(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_backend_has_no_cypher_outside_the_registry() -> None:
    tree = ast.parse(BACKEND.read_text(encoding="utf-8"))
    docstrings = _docstring_nodes(tree)
    suspicious = []
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        if is_text and CYPHER_WORDS.search(node.value):
            suspicious.append((node.lineno, node.value))
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if CYPHER_WORDS.search(text):
                suspicious.append((node.lineno, text))
    assert suspicious == []


def test_only_the_run_helper_talks_to_the_driver() -> None:
    tree = ast.parse(BACKEND.read_text(encoding="utf-8"))
    runs = []
    used = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        for node in ast.walk(fn):
            is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if is_call and node.func.attr in ("run", "execute_query", "query"):
                runs.append((fn.name, ast.unparse(node)))
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "cypher":
                used.add(node.attr)
    # One call site, running the registered statement's pre-rendered text.
    assert runs == [("_run", "tx.run(self._texts[stmt.name], params)")]
    helpers = {"STATEMENTS", "STORE_KEY", "SCHEMA", "DROP_SCHEMA", "GDS_NAMES"}
    constants = {name for name, value in vars(cypher).items() if isinstance(value, cypher.Statement)}
    assert used - helpers <= constants, used - helpers - constants
    # Every registered statement is run by the backend (none is linted but dead).
    registered_by_constant = {value.name for name, value in vars(cypher).items() if isinstance(value, cypher.Statement)}
    run_names = {getattr(cypher, n).name for n in used - helpers}
    run_names |= {s.name for s in cypher.SCHEMA} | {s.name for s in cypher.DROP_SCHEMA}
    assert run_names == set(cypher.STATEMENTS)
    assert registered_by_constant <= set(cypher.STATEMENTS)


def test_registry_is_what_gets_linted() -> None:
    names = {i["name"] for i in _lint_inputs()}
    assert names == {f"{s}{ns.suffix}" for s in cypher.STATEMENTS for ns in NAMESPACES}
