"""Checks on the shape of parsed fact-file content, made before any record is validated.

Parsers accept much that a fact file never needs: nesting thousands deep,
YAML aliases that expand a few hundred bytes into gigabytes, text with NUL or
unpaired surrogates (which no store can encode). These checks are linear in
the content and name the limit (``graph.limits``) or the place that breaks it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from graph.limits import MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH

LINE_KEY = "__line__"  # set by the YAML and CSV readers so errors can name lines

# Unpaired surrogates cannot be encoded as UTF-8; C0 controls other than tab and
# line breaks (NUL, ESC...) and DEL have no place in names or descriptions.
_BAD_CHARACTER = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


class ShapeError(ValueError):
    """Content breaks a limit; ``line`` is set when the place is known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def json_depth(text: str) -> int:
    """How deeply a JSON text nests, found without parsing it (brackets outside strings)."""
    depth = deepest = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_json_depth(text: str) -> None:
    if json_depth(text) > MAX_NESTING_DEPTH:
        raise ShapeError(f"nesting is deeper than {MAX_NESTING_DEPTH} levels (MAX_NESTING_DEPTH)")


def check_yaml_nesting(depth: int, mark: Any) -> None:
    """Called by the YAML composer for each collection it opens."""
    if depth > MAX_NESTING_DEPTH:
        raise ShapeError(f"nesting is deeper than {MAX_NESTING_DEPTH} levels (MAX_NESTING_DEPTH)", mark.line + 1)


def check_alias_expansion(root: yaml.Node) -> None:
    """Refuse a composed YAML document whose aliases expand beyond ``MAX_ALIAS_EXPANSION``
    nodes, nest deeper than ``MAX_NESTING_DEPTH`` once expanded, or refer to themselves.

    Sizes are memoised per node, so the walk costs the written size, not the expanded one.
    """
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded nodes, expanded depth)
    open_nodes: set[int] = set()

    def walk(node: yaml.Node, depth: int) -> tuple[int, int]:
        known = sizes.get(id(node))
        if known is not None:
            if depth + known[1] - 1 > MAX_NESTING_DEPTH:
                raise ShapeError(
                    f"an alias nests the file deeper than {MAX_NESTING_DEPTH} levels (MAX_NESTING_DEPTH)",
                    node.start_mark.line + 1,
                )
            return known
        if id(node) in open_nodes:
            raise ShapeError("a YAML alias refers to the collection that contains it", node.start_mark.line + 1)
        if depth > MAX_NESTING_DEPTH:
            raise ShapeError(f"nesting is deeper than {MAX_NESTING_DEPTH} levels (MAX_NESTING_DEPTH)",
                             node.start_mark.line + 1)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        open_nodes.add(id(node))
        total, deepest = 1, 0
        for child in children:
            size, child_depth = walk(child, depth + 1)
            total += size
            deepest = max(deepest, child_depth)
        open_nodes.discard(id(node))
        sizes[id(node)] = (total, deepest + 1)
        return total, deepest + 1

    expanded, _ = walk(root, 1)
    if expanded - len(sizes) > MAX_ALIAS_EXPANSION:
        raise ShapeError(
            f"YAML aliases expand the file by {expanded - len(sizes):,} nodes; "
            f"the limit is {MAX_ALIAS_EXPANSION:,} (MAX_ALIAS_EXPANSION)"
        )


def check_text(data: Any) -> None:
    """Every key and string must be encodable, printable text (tab and line breaks allowed).

    Walks without recursion; the error names the path (``entities[3].name.en``) and line.
    """
    stack: list[tuple[Any, str, int | None]] = [(data, "", None)]
    while stack:
        node, path, line = stack.pop()
        if isinstance(node, dict):
            line = node.get(LINE_KEY, line)
            for key, value in node.items():
                if key == LINE_KEY:
                    continue
                if isinstance(key, str):
                    _check_string(key, f"{path}.{key}".lstrip(".") + " (key)", line)
                stack.append((value, f"{path}.{key}".lstrip("."), line))
        elif isinstance(node, list):
            stack.extend((value, f"{path}[{index}]", line) for index, value in enumerate(node))
        elif isinstance(node, str):
            _check_string(node, path or "the file", line)


def _check_string(text: str, path: str, line: int | None) -> None:
    bad = _BAD_CHARACTER.search(text)
    if bad:
        what = "an unpaired surrogate" if "\ud800" <= bad.group() <= "\udfff" else "a control character"
        raise ShapeError(f"field {path!r} holds {what} (U+{ord(bad.group()):04X})", line)
