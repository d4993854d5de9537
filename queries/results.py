"""Result models of every query: one typed shape for the CLI's ``--json``, the HTTP responses and the views.

Each result carries everything a reader needs without another store call:
both names (ja and en) of every entity, the relation ids and the source
documents (id, title, url, published) behind every tie. The display fields
(an entity's ``name``, a step's ``text``) are derived from the ja/en pair and
follow the serialisation context: ``model_dump(mode="json", context={"lang": "ja"})``
answers in Japanese, no context in English.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, computed_field, field_serializer

from graph.model import Entity, Lang, Relation, Source
from graph.rows import EntityRow, RelationRow

DisplayLang = Literal["ja", "en"]


def display_lang(info: SerializationInfo) -> DisplayLang:
    """The language asked for in the serialisation context (English without one)."""
    context = info.context
    return "ja" if isinstance(context, dict) and context.get("lang") == "ja" else "en"


class Result(BaseModel):
    """Base of every result model: immutable, and no field that is not declared."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class EntityRef(Result):
    """A compact, bilingual reference to an entity."""

    id: str
    type: str
    kind: str | None = None
    name_ja: str
    name_en: str

    @computed_field(description="Display name in the requested language (lang / Accept-Language).")  # type: ignore[prop-decorator]
    @property
    def name(self) -> str:
        return self.name_en

    @field_serializer("name")
    def _name_in(self, name: str, info: SerializationInfo) -> str:
        return self.name_ja if display_lang(info) == "ja" else self.name_en

    @classmethod
    def of(cls, entity: Entity | EntityRow) -> EntityRef:
        if isinstance(entity, EntityRow):  # names at hand: results list thousands of rows
            return cls(id=entity.id, type=entity.type.value, kind=entity.kind, name_en=entity.name_en,
                       name_ja=entity.name_ja)
        return cls(id=entity.id, type=entity.type.value, kind=entity.kind, name_en=entity.name(Lang.EN),
                   name_ja=entity.name(Lang.JA))

    def label(self) -> str:
        """``English (日本語)`` or just one name when both are the same."""
        return self.name_en if self.name_en == self.name_ja else f"{self.name_en} ({self.name_ja})"


class SourceRef(Result):
    id: str
    title: str
    url: str | None = None
    published: str | None = None

    @classmethod
    def of(cls, source: Source) -> SourceRef:
        return cls(id=source.id, title=source.title, url=source.url, published=source.published)


class RelationRef(Result):
    """One stored relation as used by a query (evidence already filtered by as-of)."""

    id: str
    type: str
    source: str
    target: str
    role: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    confidence: float
    strength: float = Field(description="Registry strength x confidence x evidence-age decay.")
    sources: tuple[str, ...]

    @classmethod
    def of(cls, relation: Relation | RelationRow, strength: float) -> RelationRef:
        return cls(
            id=relation.id,
            type=relation.type,
            source=relation.source,
            target=relation.target,
            role=relation.role,
            valid_from=relation.valid_from,
            valid_to=relation.valid_to,
            confidence=relation.confidence,
            strength=round(strength, 6),
            sources=tuple(relation.sources),
        )


# -- introduction paths ---------------------------------------------------------


class Step(Result):
    """One step of an introduction: a direct tie, or two parties meeting at an agreement or event (``via``)."""

    start: EntityRef
    end: EntityRef
    via: EntityRef | None = Field(None, description="The agreement or event both ends take part in, if any.")
    relations: tuple[RelationRef, ...]
    strength: float
    date: str | None = Field(None, description="The agreement's signing, the event's start, or the tie's validity.")
    text_en: str
    text_ja: str
    sources: tuple[SourceRef, ...] = Field(description="The documents behind this step.")
    kind: str = Field("tie", description="tie, meeting (both ends at one agreement or event) or located_in "
                                          "(a place's own organisation, at a path's end).")
    inferred: bool = Field(False, description="The step rests on inferred evidence only (confidence below 0.8).")

    @computed_field(description="Why this step holds, in the display language.")  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        return self.text_en

    @field_serializer("text")
    def _text_in(self, text: str, info: SerializationInfo) -> str:
        return self.text_ja if display_lang(info) == "ja" else self.text_en


class IntroductionPath(Result):
    rank: int
    strength: float = Field(description="Ranking strength: the ties' strengths times each intermediary's hub "
                                        "factor (queries.ranking; 1.0 = strongest).")
    hops: int = Field(description="Steps as the user sees them; moves inside one actor are none.")
    nodes: tuple[EntityRef, ...] = Field(description="Every node in order, meeting points and units included.")
    steps: tuple[Step, ...]
    label: str = Field("", description="strong (>= 0.3), medium (>= 0.02) or weak (queries.ranking).")
    weakest_step: int | None = Field(None, description="1-based index of the weakest step.")
    inferred: bool = Field(False, description="Some step rests on inferred evidence only.")
    summary_en: str = Field("", description="The actors in order, each with its unit and staff.")
    summary_ja: str = ""
    same_actor: bool = Field(False, description="Both ends belong to one actor (a body and its own unit or "
                                                "staff): no introduction is needed; the path has no steps.")
    note_en: str = Field("", description="For a path without steps: that both ends are in the same actor.")
    note_ja: str = ""


class PathResult(Result):
    source: EntityRef
    target: EntityRef
    paths: tuple[IntroductionPath, ...]
    options: dict[str, Any]
    reason_code: str | None = Field(
        None, description="Why no path was found: disconnected, only_context, only_country, filtered_out, "
                          "beyond_hop_limit."
    )
    reason: str | None = None
    shortest_hops: int | None = Field(
        None, description="Fewest steps of any path under the filters, ignoring the hop limit."
    )
    candidates_examined: int


# -- neighbourhood --------------------------------------------------------------


class NodeRef(Result):
    entity: EntityRef
    distance: int = Field(description="Steps from the centre.")
    matched: bool = Field(True, description="Passes the entity filters (false: shown as the way to one that does).")


class EdgeRef(Result):
    relation: RelationRef
    tie: bool = Field(description="An introduction tie (else context: located_in, focuses_on).")


class Truncation(Result):
    entity: str
    omitted: int = Field(description="Relations left out at this entity.")
    why: str = Field(description='"fan-out cap" or "node cap".')


class NeighbourhoodResult(Result):
    center: EntityRef
    radius: int
    nodes: tuple[NodeRef, ...]
    edges: tuple[EdgeRef, ...]
    truncated: bool = Field(description="True when a cap left something out; `truncations` says where.")
    truncations: tuple[Truncation, ...]
    options: dict[str, Any]


# -- region -----------------------------------------------------------------------


class RegionMember(Result):
    entity: EntityRef
    why: str = Field(description='"the place itself", "located in <place>", "works for <member>", ...')
    country: str | None = Field(None, description="Country entity id.")


class RegionTie(Result):
    member: EntityRef
    other: EntityRef
    via: EntityRef | None = Field(None, description="The agreement or event when the tie is a shared one.")
    relation_types: tuple[str, ...]
    relations: tuple[str, ...]
    other_is_member: bool
    cross_border: bool
    member_country: str | None = None
    other_country: str | None = None
    sources: tuple[str, ...]


class AggregateTie(Result):
    a: str = Field(description="Entity id of a region or country (a <= b); region pairs never hold a country.")
    b: str
    a_name: str
    b_name: str
    ties: int = Field(description="Relationships, not pairs: one per agreement or event, one per direct tie.")
    agreements: tuple[str, ...] = Field(description="Agreement ids.")
    agreement_names: tuple[str, ...] = Field((), description="The same agreements by name (English).")
    relationships: tuple[str, ...] = Field((), description="What the count counts, by name.")


class RegionResult(Result):
    place: EntityRef
    aggregate: Literal["region", "country"] | None = Field(
        None, description="Set when only the per-region or per-country pair counts were asked for."
    )
    members: tuple[RegionMember, ...]
    ties: tuple[RegionTie, ...]
    region_pairs: tuple[AggregateTie, ...]
    country_pairs: tuple[AggregateTie, ...]
    truncated: bool
    options: dict[str, Any]

    def pairs_only(self, level: Literal["region", "country"]) -> RegionResult:
        """The aggregate view: only the pair counts of ``level``, no members or ties."""
        return self.model_copy(update={
            "aggregate": level, "members": (), "ties": (),
            "country_pairs" if level == "region" else "region_pairs": (),
        })


# -- brokers ------------------------------------------------------------------------


class Broker(Result):
    entity: EntityRef
    score: float = Field(description="Betweenness, normalised so the largest is 1.0.")
    raw: float = Field(description="Betweenness as computed (pair counts, see queries.brokers).")
    country: str | None = None
    degree: int


class BrokerResult(Result):
    brokers: tuple[Broker, ...]
    mode: str = Field(description='"all", "cross-border" or "between".')
    sources_label: str | None = None
    targets_label: str | None = None
    sampled: bool
    samples: int | None = None
    nodes: int
    edges: int
    options: dict[str, Any]


# -- partners -------------------------------------------------------------------------


class Partner(Result):
    entity: EntityRef
    strength: float
    hops: int
    focus: tuple[str, ...] = Field(
        description='"direct", or the agreements/events through which it focuses on the sector.'
    )
    path: IntroductionPath


class PartnerResult(Result):
    origin: EntityRef
    sector: EntityRef
    partners: tuple[Partner, ...]
    candidates: int = Field(description="Entities focusing on the sector at all.")
    unreachable: int = Field(description="Of those, not reachable within the hop limit.")
    options: dict[str, Any]


# -- search ---------------------------------------------------------------------------


class SearchHit(Result):
    entity: EntityRef
    matched: str | None = Field(None, description="The name or alias that matched `q` (null when listing).")
    score: float | None = Field(None, description="100 = the whole name matches; lower = a near match.")
    exact: bool = Field(False, description="True when `q` is the entity's id or one of its whole names.")
