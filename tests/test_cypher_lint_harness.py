"""Checks that the Cypher lint harness (tools/cypher-lint) itself works."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cypher_lint_runner import ERROR, WARNING, lint_statements, node_available

pytestmark = [
    pytest.mark.slow,  # node starts per statement batch
    pytest.mark.skipif(not node_available(), reason="`node` is not installed, so the Cypher linter cannot run"),
]

SCHEMA: dict[str, Any] = {
    "labels": ["Entity"],
    "relationshipTypes": ["TIE"],
    "propertyKeys": ["id", "props", "names_text"],
}

VALID = [
    {
        "name": "upsert",
        "query": "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props",
        "params": {"rows": [{"id": "e1", "props": {"name": "x"}}]},
    },
    {
        "name": "constraint",
        "query": "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
        "params": {},
    },
    {
        "name": "fulltext_index",
        "query": "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.names_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
        "params": {},
    },
    {
        "name": "fulltext_query",
        "query": "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score "
        "RETURN node.id, score LIMIT $limit",
        "params": {"q": "x", "limit": 10},
    },
    {
        "name": "path",
        "query": "MATCH p = (a:Entity {id:$a})-[:TIE*1..6]-(b:Entity {id:$b}) RETURN p LIMIT 10",
        "params": {"a": "e1", "b": "e2"},
    },
    {
        "name": "delete",
        "query": "MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n",
        "params": {"ids": ["e1"]},
    },
]


def _by_name(results: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {r["name"]: r["diagnostics"] for r in results}


def test_valid_statements_lint_clean() -> None:
    results = lint_statements(VALID, SCHEMA)
    assert [r["name"] for r in results] == [s["name"] for s in VALID]
    assert _by_name(results) == {s["name"]: [] for s in VALID}


def test_problems_are_reported() -> None:
    statements: list[dict[str, Any]] = [
        {"name": "syntax", "query": "MATCH (n:Entity RETURN n", "params": {}},
        {"name": "undeclared_param", "query": "MATCH (n:Entity {id: $nope}) RETURN n", "params": {}},
        {"name": "unknown_procedure", "query": "CALL db.index.fulltext.queryNodez('i', 'q') YIELD node RETURN node"},
        {"name": "unknown_label", "query": "MATCH (n:Ghost) RETURN n", "params": {}},
    ]
    diags = _by_name(lint_statements(statements, SCHEMA))

    assert any(d["severity"] == ERROR and "Invalid input" in d["message"] for d in diags["syntax"])
    assert [(d["severity"], d["message"]) for d in diags["undeclared_param"]] == [
        (ERROR, "Parameter $nope is not defined.")
    ]
    assert [d["severity"] for d in diags["unknown_procedure"]] == [ERROR]
    assert [d["severity"] for d in diags["unknown_label"]] == [WARNING]
    offsets = diags["undeclared_param"][0]["offsets"]
    assert statements[1]["query"][offsets["start"] : offsets["end"]] == "$nope"
