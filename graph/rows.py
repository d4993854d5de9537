"""Compact read-only rows: the whole graph in a form cheap enough to hold at a million relations.

Why rows: a validated pydantic ``Relation`` costs about 1.8 kB and tens of
microseconds to parse, so indexing a whole store through ``export()`` takes
minutes and gigabytes. Whole-graph indexes (``queries.index``) hold these
slotted rows instead: the fields queries traverse and rank on, plus each
entity's display names. Full records are still fetched from the store for
whatever a result shows in detail.

``EntityRow`` and ``RelationRow`` answer the attribute reads that queries make
of ``Entity`` and ``Relation`` (type, kind, dates, names, evidence), so code
written against those protocols takes either. Rows are named tuples: built
in well under a microsecond each (frozen dataclasses take several).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from graph.model import GOVERNING_PLACE_KINDS, Batch, Entity, EntityType, Lang, Relation, Source

_GOVERNING = frozenset(k.value for k in GOVERNING_PLACE_KINDS)


class EntityRow(NamedTuple):
    id: str
    type: EntityType
    kind: str | None
    name_en: str
    name_ja: str
    signed: str | None = None
    start: str | None = None
    iso_code: str | None = None
    end: str | None = None  # an organisation's or place's end (``queries.ties.TieFilter``); an event's last day

    def name(self, lang: Lang | str = Lang.EN) -> str:
        """The display name (``Entity.name`` for en and ja; other languages fall back to English)."""
        return self.name_ja if Lang(lang) is Lang.JA else self.name_en

    @property
    def is_governing_place(self) -> bool:
        return self.type is EntityType.PLACE and self.kind in _GOVERNING

    @classmethod
    def of(cls, entity: Entity) -> EntityRow:
        return cls(
            entity.id, entity.type, entity.kind, entity.name(Lang.EN), entity.name(Lang.JA),
            entity.signed, entity.start, entity.iso_code, entity.end,
        )


class EvidenceRow(NamedTuple):
    source: str
    confidence: float


class RelationRow(NamedTuple):
    id: str
    type: str
    source: str
    target: str
    evidence: tuple[EvidenceRow, ...]
    valid_from: str | None = None
    valid_to: str | None = None
    role: str | None = None

    @property
    def confidence(self) -> float:
        return max(e.confidence for e in self.evidence)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({e.source for e in self.evidence}))

    @classmethod
    def of(cls, rel: Relation) -> RelationRow:
        evidence = tuple(EvidenceRow(e.source, e.confidence) for e in rel.evidence)
        return cls(rel.id, rel.type, rel.source, rel.target, evidence, rel.valid_from, rel.valid_to, rel.role)


@dataclass
class GraphRows:
    """One consistent snapshot of a store as rows."""

    sources: list[Source] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)

    @classmethod
    def of(cls, batch: Batch) -> GraphRows:
        return cls(
            sources=list(batch.sources),
            entities=[EntityRow.of(r.entity) for r in batch.entities],
            relations=[RelationRow.of(r) for r in batch.relations],
        )


@contextmanager
def gc_paused(long_lived: bool = False) -> Iterator[None]:
    """Build a big structure without the cyclic collector rescanning it.

    Creating millions of rows, tuples and dicts triggers collections whose
    cost grows with the heap: building the index of a million relations took
    two and a half times longer with the collector on. Nothing built here forms
    reference cycles, so pausing it loses nothing. ``long_lived``: afterwards
    move everything alive into the collector's permanent generation
    (``gc.freeze``), so later full collections skip the index instead of
    pausing a query for half a second; plain reference counting still frees
    it when the cache drops it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if long_lived:
            gc.freeze()
        if was_enabled:
            gc.enable()
