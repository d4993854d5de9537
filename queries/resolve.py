"""Search and name resolution: turn what a user typed into one entity.

Names match on ``graph.names.name_key`` (width, case, spacing, punctuation and
variant characters folded: 遼寧省 = 辽宁省, 沢 = 澤), always on the *whole* key,
so 静岡県 never resolves to 静岡県立大学. Near misses — substrings included —
only ever appear as ranked suggestions (rapidfuzz WRatio on the keys).
"""

from __future__ import annotations

import threading
from collections.abc import Collection

from rapidfuzz import fuzz, process

from graph.errors import AmbiguousName, UnknownEntity
from graph.model import Entity, EntityType
from graph.names import name_key
from graph.store import Store
from queries.results import EntityRef, SearchHit

SUGGESTION_CUTOFF = 50.0

_names_cache: dict[str, list[tuple[str, str, str]]] = {}
_names_lock = threading.Lock()


def _names(store: Store) -> list[tuple[str, str, str]]:
    version = f"{store.backend}:{store.version()}"
    with _names_lock:
        found = _names_cache.get(version)
    if found is None:
        found = sorted(store.iter_names())
        with _names_lock:
            _names_cache.clear()
            _names_cache[version] = found
    return found


def _types(types: Collection[EntityType | str] | None) -> frozenset[EntityType] | None:
    return frozenset(EntityType(t) for t in types) if types else None


def search(
    store: Store, text: str, limit: int = 10, types: Collection[EntityType | str] | None = None
) -> list[SearchHit]:
    """Entities whose names are nearest to ``text``, whole-name matches first."""
    key = name_key(text)
    wanted = _types(types)
    best: dict[str, tuple[float, bool, str]] = {}  # entity id -> (score, exact, matched text)
    direct = store.get_entity(text.strip())
    if direct is not None:
        best[direct.entity.id] = (100.0, True, direct.entity.id)
    if key:
        names = _names(store)
        for name_key_, entity_id, name_text in names:
            if name_key_ == key:
                best[entity_id] = (100.0, True, name_text)
        keys = [n[0] for n in names]
        for _, score, pos in process.extract(
            key, keys, scorer=fuzz.WRatio, limit=max(50, limit * 10), score_cutoff=SUGGESTION_CUTOFF
        ):
            _, entity_id, name_text = names[pos]
            old = best.get(entity_id)
            if old is None or (not old[1] and score > old[0]):
                best[entity_id] = (float(score), False, name_text)
    records = store.get_entities(sorted(best))
    kept = sorted(
        (i for i, rec in records.items() if wanted is None or rec.entity.type in wanted),
        key=lambda i: (not best[i][1], -round(best[i][0], 1), len(best[i][2]), i),
    )
    return [
        SearchHit(entity=EntityRef.of(records[i].entity), matched=best[i][2], score=round(best[i][0], 1),
                  exact=best[i][1])
        for i in kept[:limit]
    ]


def resolve_entity(store: Store, text: str, types: Collection[EntityType | str] | None = None) -> Entity:
    """The one entity with id or whole name ``text``.

    Raises ``AmbiguousName`` (``extra["candidates"]``: ``EntityRef`` models) when
    several entities carry the name, ``UnknownEntity`` (``extra["suggestions"]``:
    ``SearchHit`` models) when none does.
    """
    wanted = _types(types)
    record = store.get_entity(text.strip())
    if record is not None and (wanted is None or record.entity.type in wanted):
        return record.entity
    matches = [e for e in store.resolve(text) if wanted is None or e.type in wanted]
    if not matches:  # an id merged away resolves to the entity it lives on as
        survivor = store.merged_into(text.strip())
        moved = store.get_entity(survivor) if survivor else None
        if moved is not None and (wanted is None or moved.entity.type in wanted):
            return moved.entity
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        candidates = [EntityRef.of(e) for e in matches]
        listed = "; ".join(f"{c.id} ({c.name_en})" for c in candidates)
        raise AmbiguousName(f"{text!r} names {len(matches)} entities: {listed}", candidates=candidates)
    suggestions = search(store, text, limit=5, types=types)
    hint = ""
    if suggestions:
        hint = "; did you mean " + ", ".join(f"{s.entity.name_en} ({s.entity.id})" for s in suggestions[:3]) + "?"
    kind = "/".join(sorted(t.value for t in wanted)) + " " if wanted else ""
    raise UnknownEntity(f"no {kind}entity is called {text!r}{hint}", suggestions=suggestions)
