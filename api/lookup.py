"""Turning a path or query value (an id, or a name in ja/en) into an entity.

The rules (whole-name match, suggestions, candidates) live in
``queries.resolve``; this module only adds the display language to what the
errors carry, so a 404/409 problem is as bilingual as a 200.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel

from api.models import DisplayLang
from graph.errors import AmbiguousName, KizunaError, UnknownEntity
from graph.model import Entity, EntityType
from graph.store import Store
from queries.resolve import resolve_entity


def resolve(
    store: Store, text: str, lang: DisplayLang = "en", types: Collection[EntityType | str] | None = None
) -> Entity:
    """The entity with id ``text``, else the one entity named ``text``.

    Raises ``UnknownEntity`` (404, with suggestions) or ``AmbiguousName``
    (409, with candidates).
    """
    try:
        return resolve_entity(store, text, types)
    except (UnknownEntity, AmbiguousName) as exc:
        localise_error(exc, lang)
        raise


def localise_error(exc: KizunaError, lang: DisplayLang) -> None:
    """Render the result models an error carries (suggestions, candidates) in ``lang``."""

    def dumped(value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(mode="json", context={"lang": lang})
        if isinstance(value, list | tuple):
            return [dumped(v) for v in value]
        return value

    exc.extra = {k: dumped(v) for k, v in exc.extra.items()}
