"""Deterministic ids: the same fact always gets the same id, so reloading is safe."""

from __future__ import annotations

import hashlib

from graph.names import name_key


def digest(*parts: str | None) -> str:
    """A short stable hash of its parts (``None`` and "" differ)."""
    text = "\x1f".join("\x00" if p is None else p for p in parts)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def entity_id(type_name: str, name: str) -> str:
    """The id of an entity known only by its type and primary name."""
    return f"{type_name}:{digest(type_name, name_key(name))}"


def relation_id(type_name: str, source: str, target: str, role: str | None = None) -> str:
    """Relations are identified by what they say, not by who said it.

    Symmetric relations get one id whichever way round they are written.
    """
    from graph.registry import relation_type

    if relation_type(type_name).symmetric and target < source:
        source, target = target, source
    return f"rel:{digest(type_name, source, target, role)}"
