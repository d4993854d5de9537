"""``kizuna export --format neo4j-admin``: the files parse against Neo4j's documented import header format
and hold the same graph the Neo4j backend would write."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from graph.cypher import Namespace
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation, Source
from graph.names import name_key
from graph.neo4j_admin import import_command, write_import_files
from ingest.load import load_files, seed_path

# Neo4j operations manual, "Import header format": <name>:<field_type>; the special field types, with an
# optional ID space in brackets; property types, arrays marked with [].
SPECIAL = re.compile(r"^(?P<name>[^:]*):(?P<kind>ID|START_ID|END_ID)(?:\((?P<group>[A-Za-z0-9_]+)\))?$|"
                     r"^(?P<bare>):(?P<other>LABEL|TYPE|IGNORE)$")
PROPERTY = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?P<type>int|long|float|double|boolean|byte|short|char|"
                      r"string|point|date|localtime|time|localdatetime|datetime|duration)(?P<array>\[\])?)?$")
CONVERT = {"long": int, "int": int, "double": float, "float": float, "string": str}


def parse_header(header: list[str]) -> list[dict[str, str | None]]:
    fields = []
    for column in header:
        special = SPECIAL.match(column)
        if special:
            kind = special["kind"] or special["other"]
            fields.append({"kind": kind, "name": special["name"] or None, "group": special["group"]})
            continue
        prop = PROPERTY.match(column)
        assert prop, f"column {column!r} is not in the import header format"
        fields.append({"kind": "property", "name": prop["name"], "type": prop["type"] or "string",
                       "array": "[]" if prop["array"] else None})
    return fields


def read(path: Path) -> tuple[list[dict[str, str | None]], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=",", quotechar='"'))
    return parse_header(rows[0]), rows[1:]


def typed(field: dict[str, str | None], cell: str) -> object:
    if cell == "":
        return None
    convert = CONVERT[field["type"] or "string"]
    return [convert(v) for v in cell.split(";")] if field["array"] else convert(cell)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, tuple[list, list]], list]:
    folder = tmp_path_factory.mktemp("admin")
    with EmbeddedStore(folder / "s.sqlite") as store:
        load_files(store, [seed_path()])
        batch = store.export()
    files = write_import_files(batch, folder / "import", Namespace("_kz1"))
    return batch, {f.path.name: read(f.path) for f in files}, files


def test_every_file_follows_the_documented_header_format(exported) -> None:
    _, tables, files = exported
    ids: dict[str, set[str]] = {}
    for f in files:
        fields, rows = tables[f.path.name]
        kinds = Counter(field["kind"] for field in fields)
        if f.kind == "nodes":
            assert kinds["ID"] == 1 and kinds["LABEL"] == 1, f.path.name
            assert not kinds["START_ID"] and not kinds["TYPE"], f.path.name
            (id_field,) = [i for i, field in enumerate(fields) if field["kind"] == "ID"]
            group = fields[id_field]["group"]
            values = [row[id_field] for row in rows]
            assert len(set(values)) == len(values), f"{f.path.name}: node ids repeat"
            ids.setdefault(group, set()).update(values)
        else:
            assert kinds["START_ID"] == kinds["END_ID"] == kinds["TYPE"] == 1, f.path.name
            assert not kinds["ID"] and not kinds["LABEL"], f.path.name
        assert f.rows == len(rows) > 0
        for row in rows:
            assert len(row) == len(fields), f"{f.path.name}: a row has {len(row)} fields for {len(fields)} columns"
            for field, cell in zip(fields, row, strict=True):
                if field["kind"] == "property":
                    typed(field, cell)  # every value converts to its declared type
    for f in files:  # every relationship end is a node of the named ID space
        fields, rows = tables[f.path.name]
        for i, field in enumerate(fields):
            if field["kind"] in ("START_ID", "END_ID"):
                missing = {row[i] for row in rows} - ids[field["group"]]
                assert not missing, f"{f.path.name}: {field['kind']} not among the nodes: {sorted(missing)[:3]}"


def test_the_files_hold_the_graph_the_neo4j_backend_writes(exported) -> None:
    batch, tables, _ = exported
    names = Namespace("_kz1").names

    def records(name: str) -> list[dict[str, object]]:
        fields, rows = tables[name]
        return [{(f["name"] or f["kind"]): typed(f, c) if f["kind"] == "property" else c
                 for f, c in zip(fields, row, strict=True)} for row in rows]

    entities = records("entities.csv")
    assert {e["LABEL"] for e in entities} == {names["Entity"]}
    assert [Entity.model_validate_json(str(e["data"])) for e in entities] == [r.entity for r in batch.entities]
    assert [e["sources"] for e in entities] == [sorted(r.sources) or None for r in batch.entities]
    multi = next(r.entity for r in batch.entities if len(r.entity.names) > 1)
    assert next(e["names_text"] for e in entities if e["id"] == multi.id) == "\n".join(n.text for n in multi.names)
    sources = records("sources.csv")
    assert [Source.model_validate_json(str(s["data"])) for s in sources] == batch.sources
    relations = records("relations.csv")
    assert {r["TYPE"] for r in relations} == {names["REL"]}
    assert [Relation.model_validate_json(str(r["data"])) for r in relations] == batch.relations
    for row, rel in zip(relations, batch.relations, strict=True):
        assert (row["START_ID"], row["END_ID"], row["type"]) == (rel.source, rel.target, rel.type)
        assert row["confidence"] == rel.confidence
        assert row["ev_confidence"] == [e.confidence for e in rel.evidence]
        assert row["ev_source"] == [e.source for e in rel.evidence]
    name_nodes = records("names.csv")
    expected = {(r.entity.id, n.text) for r in batch.entities for n in r.entity.names}
    assert {(str(n["entity"]), str(n["text"])) for n in name_nodes} == expected
    assert all(n["key"] == name_key(str(n["text"])) for n in name_nodes)
    has_name = records("has_name.csv")
    by_id = {n["ID"]: n for n in name_nodes}
    assert all(by_id[h["END_ID"]]["entity"] == h["START_ID"] for h in has_name)
    assert len(has_name) == len(name_nodes)


def test_the_import_command_names_every_file(exported) -> None:
    _, _, files = exported
    command = import_command(files)
    assert command.startswith("neo4j-admin database import full neo4j --multiline-fields=true")
    assert all(f"--{f.kind}={f.path}" in command for f in files)


def test_kizuna_export_format_neo4j_admin(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.app import app

    store = tmp_path / "s.sqlite"
    with EmbeddedStore(store) as opened:
        load_files(opened, [seed_path()])
        relations = opened.stats().relation_total
    result = CliRunner().invoke(app, ["export", "--format", "neo4j-admin", "-o", str(tmp_path / "out"),
                                      "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"]["relations.csv"] == relations
    assert report["command"].startswith("neo4j-admin database import full")
    assert (tmp_path / "out" / "entities.csv").exists()
