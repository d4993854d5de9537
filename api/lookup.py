"""Turning a path or query value (an id, or a name in ja/en) into an entity.

The rules (whole-name match, suggestions, candidates) live in
``queries.resolve``; this module only adds the display language to what the
errors carry, so a 404/409 problem is as bilingual as a 200.
"""

from __future__ import annotations

from collections.abc import Collection

from api.models import DisplayLang, with_display_names
from graph.errors import AmbiguousName, UnknownEntity
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
        exc.extra = {k: with_display_names(v, lang) for k, v in exc.extra.items()}
        raise
