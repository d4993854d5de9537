"""Reading fact files (YAML, JSON, CSV) into validated ``FactFile`` objects.

get (this module) -> transform (``format.to_batch``, pure) -> load (``load``).
YAML records remember their line so errors can point at it. CSV is for bulk
tables: the header decides whether a file holds sources, entities or relations.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidFile
from ingest.format import FactFile, parse_fact_file
from ingest.shape import LINE_KEY, ShapeError, check_alias_expansion, check_json_depth, check_text, check_yaml_nesting

SUFFIXES = (".yaml", ".yml", ".json", ".csv")
_LIST_COLUMNS = {"aliases", "abbreviations", "sectors", "sources", "renewed"}
_NAME_COLUMNS = {"name_ja": "ja", "name_en": "en", "name_zh": "zh", "name_romaji": "romaji"}


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's first line, refuses duplicate
    keys, and checks nesting and alias expansion before building any object."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        opens = self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if opens:
            self._depth += 1
            check_yaml_nesting(self._depth, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        try:
            node = super().compose_node(parent, index)
        finally:
            if opens:
                self._depth -= 1
        return node

    def compose_document(self) -> yaml.Node | None:
        node = super().compose_document()
        if node is not None:
            check_alias_expansion(node)
        return node


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            key = loader.construct_object(key_node)
            if key in seen:
                raise ShapeError(f"key {key!r} appears twice in one mapping", key_node.start_mark.line + 1)
            seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


def yaml_error(origin: str, exc: yaml.YAMLError) -> InvalidFile:
    """One line naming the file, line and column: PyYAML's own message spans several lines."""
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return InvalidFile(f"{origin}: {where}not valid YAML: {getattr(exc, 'problem', exc)}")


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ShapeError(f"key {key!r} appears twice in one object")
        mapping[key] = value
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: the model decides how precise a date is.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _csv_records(text: str, origin: str) -> dict[str, Any]:
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    if {"type", "source", "target"} <= header:
        section = "relations"
    elif "title" in header and "id" in header:
        section = "sources"
    elif "type" in header and header & set(_NAME_COLUMNS):
        section = "entities"
    else:
        raise InvalidFile(
            f"{origin}: cannot tell what the CSV holds from its header {sorted(header)}; "
            "relations need type,source,target; sources need id,title; entities need type and name_ja/name_en/..."
        )
    records = []
    for row in reader:
        record: dict[str, Any] = {LINE_KEY: reader.line_num}
        names: dict[str, str] = {}
        for column, value in row.items():
            if column is None:
                raise InvalidFile(f"{origin}: line {reader.line_num}: more values than header columns")
            value = (value or "").strip()
            if not value:
                continue
            if column in _NAME_COLUMNS:
                names[_NAME_COLUMNS[column]] = value
            elif column in _LIST_COLUMNS:
                record[column] = [v.strip() for v in value.split("|") if v.strip()]
            elif column == "evidence_source":
                record["evidence"] = value
            elif column == "confidence":
                record[column] = value
            else:
                record[column] = value
        if names:
            record["name"] = names
        records.append(record)
    return {section: records}


def read_fact_file(path: str | Path) -> FactFile:
    """Read and validate one file; any problem raises ``InvalidFile`` naming it."""
    path = Path(path)
    origin = str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidFile(f"{origin}: unsupported file type {path.suffix!r}; use {', '.join(SUFFIXES)}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidFile(f"{origin}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InvalidFile(f"{origin}: not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise InvalidFile(f"{origin}: cannot read: {exc.strerror}") from None
    return parse_text(text, path.suffix.lower(), origin)


def parse_text(text: str, suffix: str, origin: str) -> FactFile:
    """Parse file content given its type (".yaml", ".json" or ".csv").

    A byte-order mark (as spreadsheet programs write) is dropped; limits on
    nesting, alias expansion and text are checked before records are validated.
    """
    data: Any
    text = text.removeprefix("\ufeff")
    try:
        if suffix in (".yaml", ".yml"):
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
        elif suffix == ".json":
            check_json_depth(text)
            data = json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
        elif suffix == ".csv":
            data = _csv_records(text, origin)
        else:
            raise InvalidFile(f"{origin}: unsupported file type {suffix!r}")
        check_text(data)
    except ShapeError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise InvalidFile(f"{origin}: {where}{exc.message}") from None
    except yaml.YAMLError as exc:
        raise yaml_error(origin, exc) from None
    except json.JSONDecodeError as exc:
        raise InvalidFile(f"{origin}: line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4,300 digits
        raise InvalidFile(f"{origin}: cannot be read: {str(exc).split(';')[0]}") from None
    except csv.Error as exc:
        raise InvalidFile(f"{origin}: not valid CSV: {exc}") from None
    return parse_fact_file(data, origin)
