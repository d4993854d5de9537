"""Response models: the API's contract, kept apart from the domain model.

The domain may grow fields without changing what clients see. Every entity
reference carries ``name`` (in the language asked for) plus both ``name_ja``
and ``name_en``, so a client never has to ask twice.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Entity, Evidence, Lang, Relation, Source
from graph.registry import RELATION_TYPES
from graph.rows import EntityRow

T = TypeVar("T")
DisplayLang = Literal["ja", "en"]


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


class EntityRef(Out):
    """A compact, bilingual reference to an entity."""

    id: str
    type: str
    kind: str | None = None
    name: str = Field(description="Display name in the requested language (lang / Accept-Language).")
    name_ja: str
    name_en: str


class SearchHitOut(Out):
    entity: EntityRef
    matched: str | None = Field(None, description="The name or alias that matched `q` (null when listing).")
    score: float | None = Field(None, description="100 = the whole name matches; lower = a near match.")
    exact: bool = Field(False, description="True when `q` is the entity's id or one of its whole names.")


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


# -- query results (mirrors of queries.results, with display names) ----------------


class QueryOut(BaseModel):
    """Query results may grow fields; the API shows the ones declared here."""

    model_config = ConfigDict(extra="ignore")


class SourceRefOut(QueryOut):
    id: str
    title: str
    url: str | None = None
    published: str | None = None


class RelationRefOut(QueryOut):
    id: str
    type: str
    source: str
    target: str
    role: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    confidence: float
    strength: float = Field(description="Registry strength x confidence x evidence-age decay.")
    sources: list[str]


class StepOut(QueryOut):
    start: EntityRef
    end: EntityRef
    via: EntityRef | None = Field(None, description="The agreement or event both ends take part in, if any.")
    relations: list[RelationRefOut]
    strength: float
    date: str | None = None
    text: str = Field(description="Why this step holds, in the display language.")
    text_en: str
    text_ja: str
    sources: list[SourceRefOut] = Field(description="The documents behind this step.")


class IntroductionPathOut(QueryOut):
    rank: int
    strength: float = Field(description="Product of the step strengths (1.0 = strongest).")
    hops: int
    nodes: list[EntityRef]
    steps: list[StepOut]


class PathsOut(QueryOut):
    source: EntityRef
    target: EntityRef
    paths: list[IntroductionPathOut]
    options: dict[str, Any]
    reason_code: str | None = Field(
        None, description="Why no path was found: disconnected, only_context, filtered_out, beyond_hop_limit."
    )
    reason: str | None = None
    shortest_hops: int | None = None
    candidates_examined: int


class NodeOut(QueryOut):
    entity: EntityRef
    distance: int = Field(description="Steps from the centre.")


class EdgeOut(QueryOut):
    relation: RelationRefOut
    tie: bool = Field(description="An introduction tie (else context: located_in, focuses_on).")


class TruncationOut(QueryOut):
    entity: str
    omitted: int = Field(description="Relations left out at this entity.")
    why: str


class NeighbourhoodOut(QueryOut):
    center: EntityRef
    radius: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="True when a cap left something out; `truncations` says where.")
    truncations: list[TruncationOut]
    options: dict[str, Any]


class RegionMemberOut(QueryOut):
    entity: EntityRef
    why: str
    country: str | None = None


class RegionTieOut(QueryOut):
    member: EntityRef
    other: EntityRef
    via: EntityRef | None = None
    relation_types: list[str]
    relations: list[str]
    other_is_member: bool
    cross_border: bool
    member_country: str | None = None
    other_country: str | None = None
    sources: list[str]


class AggregateTieOut(QueryOut):
    a: str
    b: str
    a_name: str
    b_name: str
    ties: int
    agreements: list[str]


class RegionOut(QueryOut):
    place: EntityRef
    aggregate: Literal["region", "country"] | None = Field(
        None, description="Set when only the per-region or per-country pair counts were asked for."
    )
    members: list[RegionMemberOut]
    ties: list[RegionTieOut]
    region_pairs: list[AggregateTieOut]
    country_pairs: list[AggregateTieOut]
    truncated: bool
    options: dict[str, Any]


class BrokerOut(QueryOut):
    entity: EntityRef
    score: float = Field(description="Betweenness, normalised so the largest is 1.0.")
    raw: float
    country: str | None = None
    degree: int


class BrokersOut(QueryOut):
    brokers: list[BrokerOut]
    mode: str
    sources_label: str | None = None
    targets_label: str | None = None
    sampled: bool
    samples: int | None = None
    nodes: int
    edges: int
    options: dict[str, Any]


class PartnerOut(QueryOut):
    entity: EntityRef
    strength: float
    hops: int
    focus: list[str] = Field(description='"direct", or the agreements/events through which it focuses on the sector.')
    path: IntroductionPathOut


class PartnersOut(QueryOut):
    origin: EntityRef
    sector: EntityRef
    partners: list[PartnerOut]
    candidates: int
    unreachable: int
    options: dict[str, Any]


# -- converters ---------------------------------------------------------------


def with_display_names(value: Any, lang: DisplayLang) -> Any:
    """Add the display ``name`` to every entity reference in a query result dict."""
    if isinstance(value, dict):
        out = {k: with_display_names(v, lang) for k, v in value.items()}
        if "name_ja" in out and "name_en" in out and "id" in out and "name" not in out:
            out["name"] = out["name_ja"] if lang == "ja" else out["name_en"]
        if "text_ja" in out and "text_en" in out and "text" not in out:
            out["text"] = out["text_ja"] if lang == "ja" else out["text_en"]
        return out
    if isinstance(value, list | tuple):
        return [with_display_names(v, lang) for v in value]
    return value


def ref(entity: Entity | EntityRow, lang: DisplayLang) -> EntityRef:
    return EntityRef(
        id=entity.id,
        type=entity.type.value,
        kind=entity.kind,
        name=entity.name(Lang(lang)),
        name_ja=entity.name(Lang.JA),
        name_en=entity.name(Lang.EN),
    )


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
        other=ref(other, lang),
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
        source=ref(source, lang),
        target=ref(target, lang),
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
