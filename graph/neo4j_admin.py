"""CSV files for ``neo4j-admin database import full``: Neo4j's bulk path, millions of relationships a minute.

The files hold exactly the graph the Neo4j backend writes itself (the layout in
``graph.cypher``, the rows of ``graph.neo4j_store``), so the imported database
is a Kizuna store: ``kizuna`` pointed at it creates the constraints and indexes
on first connection and answers as it would after ``kizuna copy``.

Header format (Neo4j operations manual, "Import header format"): each column is
``<name>:<type>``; ``:ID(<group>)`` names a node, ``:START_ID(<group>)`` and
``:END_ID(<group>)`` a relationship's ends, ``:LABEL`` and ``:TYPE`` the labels
and relationship type; property types are ``string`` (the default), ``long``,
``double``…, with ``[]`` for arrays whose items are separated by ``;``. Fields
are comma-separated and double-quoted where needed (a quote inside is doubled).
Entity name lists contain line breaks: the import needs ``--multiline-fields=true``.
"""

from __future__ import annotations

import csv
import secrets
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.cypher import STORE_KEY, Namespace
from graph.model import Batch
from graph.neo4j_store import entity_row, name_rows, relation_props, source_row

ARRAY_DELIMITER = ";"


@dataclass(frozen=True)
class ImportFile:
    """One CSV file and how the import command takes it."""

    path: Path
    kind: str  # "nodes" or "relationships"
    rows: int


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    return str(value)


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(v) for v in row])
            count += 1
    return count


_REL_PROPS = (
    ("id", "string"), ("type", "string"), ("data", "string"), ("confidence", "double"), ("sources", "string[]"),
    ("role", "string"), ("valid_from", "string"), ("valid_to", "string"), ("from_day", "string"),
    ("to_day", "string"), ("ev_source", "string[]"), ("ev_confidence", "double[]"),
)


def write_import_files(batch: Batch, folder: Path, namespace: Namespace | None = None) -> list[ImportFile]:
    """Write the graph of ``batch`` (a store's ``export()``) as import files in ``folder``."""
    names = (namespace or Namespace()).names
    folder.mkdir(parents=True, exist_ok=True)
    files: list[ImportFile] = []

    def add(name: str, kind: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        path = folder / name
        files.append(ImportFile(path, kind, _write(path, header, rows)))

    add("sources.csv", "nodes", ["id:ID(Source)", "data", "published_day", ":LABEL"],
        ((r["id"], r["data"], r["published_day"], names["Source"]) for r in map(source_row, batch.sources)))
    add("entities.csv", "nodes",
        ["id:ID(Entity)", "type", "data", "sources:string[]", "names_text", "exists_from", "exists_to", ":LABEL"],
        ((r["id"], r["type"], r["data"], r["sources"], r["names_text"], r["exists_from"], r["exists_to"],
          names["Entity"])
         for r in map(entity_row, batch.entities)))
    name_list = [n for record in batch.entities for n in name_rows(record.entity)]
    # A name node's import id is its position (not kept as a property): name texts may hold any character.
    add("names.csv", "nodes", [":ID(Name)", "key", "text", "entity", ":LABEL"],
        ((i, n["key"], n["text"], n["entity"], names["Name"]) for i, n in enumerate(name_list)))
    add("has_name.csv", "relationships", [":START_ID(Entity)", ":END_ID(Name)", ":TYPE"],
        ((n["entity"], i, names["HAS_NAME"]) for i, n in enumerate(name_list)))
    add("relations.csv", "relationships",
        [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *(f"{p}:{t}" for p, t in _REL_PROPS)],
        ((rel.source, rel.target, names["REL"], *(props[p] for p, _ in _REL_PROPS))
         for rel, props in ((rel, {"id": rel.id, **relation_props(rel)}) for rel in batch.relations)))
    # The version record: a fresh epoch, so no cache mistakes the imported database for an older one.
    add("meta.csv", "nodes", [":ID(Meta)", "key", "epoch", "seq:long", ":LABEL"],
        [(0, STORE_KEY, secrets.token_hex(8), 1, names["Meta"])])
    return files


def import_command(files: Sequence[ImportFile], database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command line that imports ``files`` into a new database."""
    parts = ["neo4j-admin database import full", database, "--multiline-fields=true",
             f"--array-delimiter={ARRAY_DELIMITER!r}"]
    parts += [f"--{f.kind}={shlex.quote(str(f.path))}" for f in files]
    return " ".join(parts)
