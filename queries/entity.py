"""One entity as users look it up: names, type-specific fields, sources and relations both ways.

The one result model of ``kizuna show --json`` and ``GET /entities/{id}``:
both call ``entity_detail``, so a client reads the same document from either.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Entity, Evidence, Relation, Source
from graph.registry import RELATION_TYPES
from graph.store import Store
from queries.results import DisplayLang, EntityRef


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NameOut(_Out):
    text: str
    lang: str
    kind: str


class EvidenceOut(_Out):
    source: str
    locator: str | None = None
    asserted_by: str
    confidence: float
    quote: str | None = None


class SourceOut(_Out):
    id: str
    title: str
    url: str | None = None
    published: str | None = None
    file: str | None = None
    lang: str | None = None
    publisher: str | None = None


class RelationOut(_Out):
    """A relation seen from one entity: ``direction`` says which way it points."""

    id: str
    type: str
    label: str = Field(description="The relation's reading in the display language.")
    tie: bool = Field(description="True when the relation could carry an introduction; False for context.")
    direction: Literal["out", "in"]
    other: EntityRef
    role: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    confidence: float
    evidence: list[EvidenceOut]


class EntityDetail(EntityRef):
    names: list[NameOut]
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="Type-specific fields that are set (iso_code, signed, start, url...)."
    )
    sources: list[SourceOut]
    relations: list[RelationOut]


def evidence_out(e: Evidence) -> EvidenceOut:
    return EvidenceOut(**e.model_dump(mode="json"))


def source_out(s: Source) -> SourceOut:
    return SourceOut(**s.model_dump(mode="json"))


def relation_label(type_name: str, lang: DisplayLang) -> str:
    rt = RELATION_TYPES.get(type_name)
    if rt is None:
        return type_name
    return rt.label_ja if lang == "ja" else rt.label_en


def relation_out(relation: Relation, other: Entity, outgoing: bool, lang: DisplayLang) -> RelationOut:
    rt = RELATION_TYPES.get(relation.type)
    return RelationOut(
        id=relation.id,
        type=relation.type,
        label=relation_label(relation.type, lang),
        tie=bool(rt and rt.tie),
        direction="out" if outgoing else "in",
        other=EntityRef.of(other),
        role=relation.role,
        valid_from=relation.valid_from,
        valid_to=relation.valid_to,
        confidence=relation.confidence,
        evidence=[evidence_out(e) for e in relation.evidence],
    )


ATTRIBUTE_FIELDS = ("iso_code", "signed", "renewed", "status", "purpose", "start", "end", "description", "url")


def attributes(entity: Entity) -> dict[str, Any]:
    data = entity.model_dump(mode="json", include=set(ATTRIBUTE_FIELDS), exclude_none=True)
    return {k: v for k, v in data.items() if v not in ((), [])}


def entity_detail(store: Store, entity: Entity, lang: DisplayLang = "en") -> EntityDetail:
    """``entity`` with its names, fields, the sources that name it and every relation touching it.

    Ties come before context relations, then by type and the other end's id, so
    the order is the same on every backend and in every run.
    """
    record = store.get_entity(entity.id)
    sources = store.get_sources(list(record.sources)) if record else []
    relations = [relation_out(n.relation, n.entity, n.outgoing, lang) for n in store.neighbours(entity.id)]
    relations.sort(key=lambda r: (not r.tie, r.type, r.other.id))
    return EntityDetail(
        **EntityRef.of(entity).model_dump(exclude_computed_fields=True),
        names=[NameOut(text=n.text, lang=n.lang.value, kind=n.kind.value) for n in entity.names],
        attributes=attributes(entity),
        sources=[source_out(s) for s in sources],
        relations=relations,
    )
