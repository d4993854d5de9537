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

from graph.model import Entity, Relation
from graph.registry import RELATION_TYPES
from queries.entity import (
    EntityDetail,
    EvidenceOut,
    NameOut,
    RelationOut,
    SourceOut,
    attributes,
    evidence_out,
    relation_label,
    relation_out,
    source_out,
)
from queries.results import DisplayLang, EntityRef

T = TypeVar("T")
__all__ = [
    "DisplayLang", "EntityDetail", "EntityRef", "EvidenceOut", "NameOut", "RelationOut", "SourceOut", "attributes",
    "evidence_out", "relation_label", "relation_out", "source_out",
]


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


