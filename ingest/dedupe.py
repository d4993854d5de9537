"""Finding entities the store holds twice, and deciding about them.

Candidate pairs come from blocking, never from comparing everything with
everything: names are grouped by entity type and folded name key (exact
duplicates: score 100) and by type and the key's first characters, inside
which rapidfuzz scores every pair. Pairs someone already judged are left out,
so a decision is asked for once. Deciding "same" merges (``graph.merge``:
undoable, every old id kept resolvable); "different" and "unsure" are
recorded as judgements only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz

from graph.errors import NotFound
from graph.merge import merge_entities
from graph.model import EntityType
from graph.review import Judgement, MergeRecord, Verdict, pair_key
from graph.store import Store

MIN_SCORE = 90.0
PREFIX = 2  # characters of the folded key that put two names in one block
MAX_BLOCK = 300  # names per block compared pairwise (bigger blocks are too generic to say anything)


@dataclass(frozen=True)
class Pair:
    """Two stored entities that may be one, with the names that suggested it."""

    left: str
    right: str
    type: str
    left_name: str
    right_name: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def candidate_pairs(store: Store, min_score: float = MIN_SCORE, limit: int = 100,
                    types: set[EntityType] | None = None) -> list[Pair]:
    """Likely duplicates, best first; pairs with a judgement are left out."""
    rows = list(store.iter_names())
    kinds = {i: r.type for i, r in store.entity_rows(sorted({r[1] for r in rows})).items()}
    blocks: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for key, ident, text in rows:
        etype = kinds.get(ident)
        if etype is None or etype is EntityType.SECTOR or (types and etype not in types) or not key:
            continue
        blocks[(etype.value, key[:PREFIX])].append((key, ident, text))
    best: dict[tuple[str, str], Pair] = {}
    for (etype_value, _prefix), names in blocks.items():
        if len(names) > MAX_BLOCK:
            names = _exact_only(names)
        for i, (key_a, id_a, text_a) in enumerate(names):
            for key_b, id_b, text_b in names[i + 1:]:
                if id_a == id_b:
                    continue
                score = 100.0 if key_a == key_b else float(fuzz.ratio(key_a, key_b))
                if score < min_score:
                    continue
                a, b = sorted((id_a, id_b))
                names_ab = (text_a, text_b) if a == id_a else (text_b, text_a)
                old = best.get((a, b))
                if old is None or score > old.score:
                    best[(a, b)] = Pair(a, b, etype_value, names_ab[0], names_ab[1], round(score, 1))
    judged = {j.key for j in store.judgements(sorted({i for pair in best for i in pair}))
              if j.verdict is not Verdict.UNSURE}
    pairs = [p for p in best.values() if pair_key(p.left, p.right) not in judged]
    pairs.sort(key=lambda p: (-p.score, p.left, p.right))
    return pairs[:limit]


def _exact_only(names: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Of an oversized block, only the names whose whole key occurs more than once."""
    counts: dict[str, set[str]] = defaultdict(set)
    for key, ident, _text in names:
        counts[key].add(ident)
    return [n for n in names if len(counts[n[0]]) > 1]


def judge_pair(store: Store, left: str, right: str, verdict: Verdict, user: str = "kizuna") -> MergeRecord | None:
    """Record a decision on a pair; "same" merges ``right`` into ``left`` (the survivor)."""
    if verdict is Verdict.SAME:
        return merge_entities(store, left, right, user=user)
    for ident in (left, right):
        if store.get_entity(ident) is None:
            raise NotFound(f"no stored entity has id {ident!r}")
    store.add_judgements([Judgement(left=left, right=right, verdict=verdict, user=user)])
    return None
