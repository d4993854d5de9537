"""Placing each extracted entity against the store: matched, new or uncertain.

Order of evidence, strongest first:

1. a recorded judgement on (this extracted id, a stored id) — a person already
   answered; "different" rules the candidate out for good;
2. a gazetteer hit on a stored entity, or a whole-name key match in the store
   (any name or alias, any script: keys fold ja / zh-Hans / zh-Hant variants,
   width and case; abbreviations are stored names too) — *matched*;
3. an organisation named exactly like a governing place, or like its
   government (遼寧省, 遼寧省政府, 神奈川県庁) — *matched* to the place, which is
   the one entity that also acts as its government;
4. close stored names of the same type (rapidfuzz ratio on the keys, blocked
   by type and the key's first two characters, read through the store's name
   index) — *uncertain*, with the ranked candidates, for a person to decide;
5. otherwise *new*.

A name key shared by several stored entities is uncertain too: the store
cannot say which one the document means.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz, process

from graph.ids import entity_id
from graph.model import Entity, EntityType
from graph.names import name_key
from graph.review import Candidate, Verdict
from graph.store import Store
from ingest.extract.gazetteer import GazEntry, Gazetteer

UNCERTAIN_SCORE = 88.0  # rapidfuzz ratio on name keys from which a stored name is worth asking about
MIN_FUZZY_KEY = 4  # shorter keys are too short to be near anything meaningfully
MAX_CANDIDATES = 5
BLOCK_PREFIX = 2  # near names must share their first two folded characters (the block read from the store)
_GOVERNMENT = re.compile(r"(人民政府|政府|庁舎|県庁|府庁|都庁|道庁|庁|役所|役場)$")
_PLACE_SUFFIX = {"県庁": "県", "府庁": "府", "都庁": "都", "道庁": "道", "役所": "", "役場": ""}


class Status(StrEnum):
    MATCHED = "matched"
    NEW = "new"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Resolution:
    id: str  # the stored id when matched; the entity's own id when new or uncertain
    status: Status
    score: float | None = None
    matched_name: str | None = None  # the stored name that matched
    candidates: tuple[Candidate, ...] = ()
    type: EntityType | None = None  # set when the match changes the type (an organisation -> its place)


@dataclass
class _NameIndex:
    """Stored names by entity type, for fuzzy blocking."""

    keys: dict[str, list[str]] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)


class StoreResolver:
    """Resolves a run's extracted entities against one store (or none: everything is new)."""

    def __init__(self, gaz: Gazetteer, store: Store | None) -> None:
        self.gaz = gaz
        self.store = store
        self.seen: dict[tuple[str, str], Resolution] = {}  # (type, name key) -> earlier in this run
        self._blocks: dict[str, _NameIndex] = {}
        self._stored: dict[str, Entity | None] = {}

    def stored(self, ident: str) -> Entity | None:
        """The stored entity ``ident`` (cached for the run)."""
        if self.store is None:
            return None
        if ident not in self._stored:
            record = self.store.get_entity(ident)
            self._stored[ident] = record.entity if record is not None else None
        return self._stored[ident]

    # -- the decision ------------------------------------------------------------------
    def resolve(self, etype: EntityType, names: Sequence[str], entry: GazEntry | None) -> Resolution:
        if entry is None:
            entry = next((e for e in map(self.gaz.lookup, names) if e is not None and e.type is etype), None)
        own = entry.id if entry is not None else entity_id(etype.value, names[0])
        for name in names:
            hit = self.seen.get((etype.value, name_key(name)))
            if hit is not None:
                return hit
        found = self._decide(etype, names, entry, own)
        for name in names:
            self.seen.setdefault((etype.value, name_key(name)), found)
        return found

    def _decide(self, etype: EntityType, names: Sequence[str], entry: GazEntry | None, own: str) -> Resolution:
        if entry is not None and entry.stored:
            return Resolution(entry.id, Status.MATCHED, 100.0, names[0])
        if self.store is None:
            return Resolution(own, Status.NEW)
        judged = self.store.judgements([own])
        different = {j.other(own) for j in judged if j.verdict is Verdict.DIFFERENT}
        for j in judged:
            if j.verdict is Verdict.SAME:
                target = self.store.merged_into(j.other(own)) or j.other(own)
                record = self.store.get_entity(target)
                if record is not None:
                    return Resolution(target, Status.MATCHED, 100.0, f"judged same by {j.user}",
                                      type=record.entity.type)
        lookups = list(dict.fromkeys([*names, *(n.text for n in entry.names)] if entry else names))
        exact = self._exact(etype, lookups, different)
        if len(exact) == 1:
            (ident, text), = exact.items()
            return Resolution(ident, Status.MATCHED, 100.0, text)
        if len(exact) > 1:
            candidates = tuple(Candidate(id=i, name=t, score=100.0) for i, t in sorted(exact.items()))
            return Resolution(own, Status.UNCERTAIN, 100.0, candidates=candidates)
        if etype is EntityType.ORGANISATION:
            place = self._government_of(names, different)
            if place is not None:
                return place
        if entry is not None:  # geography or a general body the store does not hold yet
            return Resolution(own, Status.NEW)
        candidates = self._fuzzy(etype, names, different)
        if candidates:
            return Resolution(own, Status.UNCERTAIN, candidates[0].score, candidates=candidates)
        return Resolution(own, Status.NEW)

    # -- evidence ----------------------------------------------------------------------
    def _exact(self, etype: EntityType, names: Sequence[str], ruled_out: set[str]) -> dict[str, str]:
        assert self.store is not None
        found: dict[str, str] = {}
        for name in names:
            for entity in self.store.resolve(name, etype):
                if entity.id not in ruled_out:
                    found.setdefault(entity.id, name)
        return found

    def _government_of(self, names: Sequence[str], ruled_out: set[str]) -> Resolution | None:
        """The governing place an organisation's name names (a province acting as its government)."""
        assert self.store is not None
        for name in names:
            forms = [name]
            match = _GOVERNMENT.search(name)
            if match:
                forms.append(name[: match.start()] + _PLACE_SUFFIX.get(match.group(1), ""))
            for form in forms:
                if not name_key(form):
                    continue
                places = [e for e in self.store.resolve(form, EntityType.PLACE)
                          if e.is_governing_place and e.id not in ruled_out]
                if len(places) == 1:
                    return Resolution(places[0].id, Status.MATCHED, 100.0, form, type=EntityType.PLACE)
        return None

    def _fuzzy(self, etype: EntityType, names: Sequence[str], ruled_out: set[str]) -> tuple[Candidate, ...]:
        """Close stored names of the same type, blocked on the first folded characters of the key."""
        assert self.store is not None
        best: dict[str, Candidate] = {}
        for name in names:
            key = name_key(name)
            if len(key) < MIN_FUZZY_KEY:
                continue
            block = self._block(key[:BLOCK_PREFIX])
            keys = block.keys.get(etype.value, [])
            for _match, score, pos in process.extract(
                key, keys, scorer=fuzz.ratio, limit=MAX_CANDIDATES * 2, score_cutoff=UNCERTAIN_SCORE
            ):
                ident = block.ids[etype.value][pos]
                if ident in ruled_out:
                    continue
                old = best.get(ident)
                if old is None or score > old.score:
                    best[ident] = Candidate(id=ident, name=block.texts[etype.value][pos], score=round(float(score), 1))
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.id))
        return tuple(ranked[:MAX_CANDIDATES])

    def _block(self, prefix: str) -> _NameIndex:
        """Stored names whose key starts with ``prefix``, by entity type (cached for the run)."""
        found = self._blocks.get(prefix)
        if found is None:
            assert self.store is not None
            rows = self.store.names_with_prefix(prefix)
            types = {i: str(r.type) for i, r in self.store.entity_rows(sorted({r[1] for r in rows})).items()}
            found = _NameIndex()
            for key, ident, text in rows:
                etype = types.get(ident)
                if etype is None or etype == EntityType.SECTOR:
                    continue
                found.keys.setdefault(etype, []).append(key)
                found.ids.setdefault(etype, []).append(ident)
                found.texts.setdefault(etype, []).append(text)
            self._blocks[prefix] = found
        return found
