"""Response models of the resources (entities, sources, jobs, stats) kept apart from the domain model.

Query answers are not mirrored here: routes answer with the query's own result
model (``queries.results``). Every entity reference is ``queries.results.EntityRef``:
``name`` (in the language asked for) plus both ``name_ja`` and ``name_en``, so
a client never has to ask twice.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from graph.model import Entity, Evidence, Relation, Source
from graph.registry import RELATION_TYPES
from queries.results import DisplayLang, EntityRef

T = TypeVar("T")
__all__ = ["DisplayLang", "EntityRef"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """RFC 9457 problem details; extension members (suggestions, candidates, errors) may follow."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "https://kizuna.example/problems/unknown-entity",
                    "title": "Unknown entity",
                    "status": 404,
                    "detail": "no entity is named 'Kanagawa Prefectur'",
                    "instance": "/entities/Kanagawa%20Prefectur",
                    "suggestions": [{"id": "place:kanagawa", "name": "Kanagawa Prefecture"}],
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    request_id: str | None = None


class NameOut(Out):
    text: str
    lang: str
    kind: str


class EvidenceOut(Out):
    source: str
    locator: str | None = None
    asserted_by: str
    confidence: float
    quote: str | None = None


class SourceOut(Out):
    id: str
    title: str
    url: str | None = None
    published: str | None = None
    file: str | None = None
    lang: str | None = None
    publisher: str | None = None


class RelationOut(Out):
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


class Page(Out, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(None, description="Pass as `cursor` to get the next page; null on the last page.")
    total: int = Field(description="Matches in all pages.")


class StatementOut(Out):
    """A relation read on its own: ``source`` <label> ``target``."""

    id: str
    type: str
    label: str
    tie: bool
    source: EntityRef
    target: EntityRef
    role: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    confidence: float
    evidence: list[EvidenceOut]


class SourceDetail(SourceOut):
    entities: list[EntityRef] = Field(description="Entities the source's relations touch.")
    relations: list[StatementOut] = Field(description="Relations this source gives evidence for.")


class RetractOut(Out):
    source: str
    relations_removed: int
    relations_kept: int = Field(description="Relations still supported by other sources.")
    entities_removed: int


class WriteOut(Out):
    entities: int
    relations: int
    sources: int


class StatsOut(Out):
    backend: str
    version: str
    entities: dict[str, int]
    relations: dict[str, int]
    sources: int
    entity_total: int
    relation_total: int


class HealthOut(Out):
    status: Literal["ok"]


class ReadyOut(Out):
    status: Literal["ready"]
    backend: str
    query_index: Literal["building", "ready", "on-demand"] = Field(
        description="The in-memory query index: still being built by the start-up warm-up, built, or built by "
        "the first query that needs it (warm-up off, or a backend that answers natively)."
    )


class JobOut(Out):
    id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    created: str
    finished: str | None = None
    result: dict[str, Any] | None = None
    error: str | None = None


def in_lang(model: BaseModel, lang: DisplayLang) -> JSONResponse:
    """The response body for ``model``, its display fields (``name``, ``text``) in ``lang``.

    Every response that holds an entity reference goes out through here: the
    display language is a serialisation choice of the one result model
    (``queries.results``), so the route's ``response_model`` documents it and
    this renders it.
    """
    return JSONResponse(model.model_dump(mode="json", context={"lang": lang}))


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


def statement_out(relation: Relation, source: Entity, target: Entity, lang: DisplayLang) -> StatementOut:
    rt = RELATION_TYPES.get(relation.type)
    return StatementOut(
        id=relation.id,
        type=relation.type,
        label=relation_label(relation.type, lang),
        tie=bool(rt and rt.tie),
        source=EntityRef.of(source),
        target=EntityRef.of(target),
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
