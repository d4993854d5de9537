"""Judgements, the review queue and merges: what people decided about identity.

Modelled on nomenklatura's resolver: a decision is a *judgement* on a pair of
entity ids — same, different or unsure — with who made it and when. The
judgements are kept in the store beside the graph, so a question answered once
(is the 遼寧省政府 of this document the stored 遼寧省?) is never asked again,
by the same document re-ingested or by another one.

A *review item* is an extracted entity the resolver could not place: it waits
here, with its ranked candidates and the facts that depend on it, instead of
entering the graph. A *merge* folds one stored entity into another; its record
keeps the graph as it was before, so every old id stays resolvable to the
survivor and the merge can be undone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field

from graph.model import Batch, EntityType, Frozen, Name


class Verdict(StrEnum):
    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def pair_key(a: str, b: str) -> str:
    """One key per unordered pair of ids (a judgement holds both ways)."""
    return "\x1f".join(sorted((a, b)))


class Judgement(Frozen):
    """A person's (or a rule's) decision on whether two ids name one thing."""

    left: str  # the id being placed (an extracted entity, or the entity merged away)
    right: str  # the id it was compared with (a stored entity, or the survivor)
    verdict: Verdict
    user: str = "kizuna"
    at: str = Field(default_factory=now)

    @property
    def key(self) -> str:
        return pair_key(self.left, self.right)

    def other(self, ident: str) -> str:
        return self.right if ident == self.left else self.left


class Candidate(Frozen):
    """A stored entity an extracted one may be, with the score that suggested it."""

    id: str
    name: str
    score: float


class ReviewItem(Frozen):
    """An extracted entity waiting for a decision, and the facts that wait with it."""

    entity: str  # the id the entity gets if it is kept as new
    source: str  # the document (source id) it was extracted from
    document: str  # the document's file name, for people
    type: EntityType
    names: tuple[Name, ...]
    start: int | None = None  # character span of its first mention
    end: int | None = None
    candidates: tuple[Candidate, ...] = ()
    record: dict[str, Any] = Field(default_factory=dict)  # its fact-file entity record
    relations: list[dict[str, Any]] = Field(default_factory=list)  # fact-file relations touching it
    created: str = Field(default_factory=now)

    @property
    def key(self) -> str:
        return f"{self.source}#{self.entity}"


class MergeRecord(Frozen):
    """One merge, with the graph as it was before it, so it can be undone."""

    id: str
    survivor: str
    merged: str
    user: str = "kizuna"
    at: str = Field(default_factory=now)
    before: Batch  # both entities and every relation the merge touched, as they were
    after_relations: tuple[str, ...] = ()  # relation ids the merge wrote
    undone: bool = False
