"""Result types of every query: frozen dataclasses that the CLI prints and the
HTTP API maps onto its response models.

Each result carries everything a reader needs without another store call:
both names (ja and en) of every entity, the relation ids and the source
documents (id, title, url, published) behind every tie. ``to_dict()`` gives a
JSON-ready structure (tuples become lists, ``None`` stays ``null``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from graph.model import Entity, Lang, Relation, Source
from graph.rows import EntityRow, RelationRow


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


class ToDict:
    """Mixin: a JSON-serialisable view of a dataclass result."""

    def to_dict(self) -> dict[str, Any]:
        plain = _plain(self)
        assert isinstance(plain, dict)
        return plain


@dataclasses.dataclass(frozen=True)
class EntityRef(ToDict):
    id: str
    type: str
    kind: str | None
    name_en: str
    name_ja: str

    @classmethod
    def of(cls, entity: Entity | EntityRow) -> EntityRef:
        return cls(entity.id, entity.type.value, entity.kind, entity.name(Lang.EN), entity.name(Lang.JA))

    def label(self) -> str:
        """``English (日本語)`` or just one name when both are the same."""
        return self.name_en if self.name_en == self.name_ja else f"{self.name_en} ({self.name_ja})"


@dataclasses.dataclass(frozen=True)
class SourceRef(ToDict):
    id: str
    title: str
    url: str | None
    published: str | None

    @classmethod
    def of(cls, source: Source) -> SourceRef:
        return cls(source.id, source.title, source.url, source.published)


@dataclasses.dataclass(frozen=True)
class RelationRef(ToDict):
    """One stored relation as used by a query (evidence already filtered by as-of)."""

    id: str
    type: str
    source: str
    target: str
    role: str | None
    valid_from: str | None
    valid_to: str | None
    confidence: float
    strength: float  # type strength x confidence x evidence-age decay
    sources: tuple[str, ...]

    @classmethod
    def of(cls, relation: Relation | RelationRow, strength: float) -> RelationRef:
        return cls(
            relation.id,
            relation.type,
            relation.source,
            relation.target,
            relation.role,
            relation.valid_from,
            relation.valid_to,
            relation.confidence,
            round(strength, 6),
            relation.sources,
        )


# -- introduction paths ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Step(ToDict):
    """One step of an introduction: a direct tie, or two parties meeting at an
    agreement or event (``via``)."""

    start: EntityRef
    end: EntityRef
    via: EntityRef | None  # the agreement or event both ends take part in
    relations: tuple[RelationRef, ...]
    strength: float
    date: str | None  # the agreement's signing, the event's start, or the tie's validity
    text_en: str
    text_ja: str
    sources: tuple[SourceRef, ...]


@dataclasses.dataclass(frozen=True)
class IntroductionPath(ToDict):
    rank: int
    strength: float  # product of the step strengths (1.0 = strongest)
    hops: int  # number of steps
    nodes: tuple[EntityRef, ...]  # every node in order, meeting points included
    steps: tuple[Step, ...]


@dataclasses.dataclass(frozen=True)
class PathResult(ToDict):
    source: EntityRef
    target: EntityRef
    paths: tuple[IntroductionPath, ...]
    options: dict[str, Any]
    reason_code: str | None  # None when paths were found; see queries.paths.NO_PATH_REASONS
    reason: str | None
    shortest_hops: int | None  # fewest steps of any path under the filters, ignoring the hop limit
    candidates_examined: int


# -- neighbourhood --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class NodeRef(ToDict):
    entity: EntityRef
    distance: int


@dataclasses.dataclass(frozen=True)
class EdgeRef(ToDict):
    relation: RelationRef
    tie: bool  # an introduction tie (else context: located_in, focuses_on)


@dataclasses.dataclass(frozen=True)
class Truncation(ToDict):
    entity: str
    omitted: int  # relations left out at this entity
    why: str  # "fan-out cap" or "node cap"


@dataclasses.dataclass(frozen=True)
class NeighbourhoodResult(ToDict):
    center: EntityRef
    radius: int
    nodes: tuple[NodeRef, ...]
    edges: tuple[EdgeRef, ...]
    truncated: bool
    truncations: tuple[Truncation, ...]
    options: dict[str, Any]


# -- region -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class RegionMember(ToDict):
    entity: EntityRef
    why: str  # "the place itself", "located in <place>", "works for <member>", ...
    country: str | None  # country entity id


@dataclasses.dataclass(frozen=True)
class RegionTie(ToDict):
    member: EntityRef
    other: EntityRef
    via: EntityRef | None  # agreement or event when the tie is a shared one
    relation_types: tuple[str, ...]
    relations: tuple[str, ...]
    other_is_member: bool
    cross_border: bool
    member_country: str | None
    other_country: str | None
    sources: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class AggregateTie(ToDict):
    a: str  # entity id of a region or country (a <= b)
    b: str
    a_name: str
    b_name: str
    ties: int
    agreements: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class RegionResult(ToDict):
    place: EntityRef
    members: tuple[RegionMember, ...]
    ties: tuple[RegionTie, ...]
    region_pairs: tuple[AggregateTie, ...]
    country_pairs: tuple[AggregateTie, ...]
    truncated: bool
    options: dict[str, Any]


# -- brokers ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Broker(ToDict):
    entity: EntityRef
    score: float  # betweenness (normalised to the largest score = 1.0)
    raw: float  # betweenness as computed (pair counts, see queries.brokers)
    country: str | None
    degree: int


@dataclasses.dataclass(frozen=True)
class BrokerResult(ToDict):
    brokers: tuple[Broker, ...]
    mode: str  # "all", "cross-border" or "between"
    sources_label: str | None
    targets_label: str | None
    sampled: bool
    samples: int | None
    nodes: int
    edges: int
    options: dict[str, Any]


# -- partners -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Partner(ToDict):
    entity: EntityRef
    strength: float
    hops: int
    focus: tuple[str, ...]  # "direct" or the agreement/event ids through which it focuses on the sector
    path: IntroductionPath


@dataclasses.dataclass(frozen=True)
class PartnerResult(ToDict):
    origin: EntityRef
    sector: EntityRef
    partners: tuple[Partner, ...]
    candidates: int  # entities focusing on the sector at all
    unreachable: int  # of those, not reachable within the hop limit
    options: dict[str, Any]


# -- search ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SearchHit(ToDict):
    entity: EntityRef
    matched: str  # the name or alias that matched
    score: float  # 100 = the whole name matches
    exact: bool
