"""Which relations count as ties for a query, and how strong each one is.

Filter (``TieFilter``)
    Only *introduction ties* (``graph.registry.TIE_TYPES``) count by default;
    context relations (``located_in``, ``focuses_on``) only on request, since
    sharing a city or a sector is not an introduction. With an as-of date a
    relation must be valid that day (``graph.dates.valid_on``), and agreements
    signed and events starting after it do not exist yet. The date asks which
    ties *held* then, judged on everything known now: a 2020 document telling
    of a 1983 friendship agreement is evidence for 1983. ``min_confidence``
    applies to the strongest evidence.

Strength (``relation_strength``)
    ``registry strength of the type x best over evidence of (confidence x age decay)``.
    Age decay halves the weight of a piece of evidence every
    ``HALF_LIFE_YEARS`` (6) years, counted from the document's publication to
    the as-of date (or today); undated evidence counts as one half-life old.
    Context relations, when allowed, have strength ``CONTEXT_STRENGTH`` (0.1).

Meeting points
    Agreements and events are meeting
    points: ``A -party_to-> MOU <-party_to- B`` is *one* step whose strength is
    the product of its two halves; each half carries the square root of its
    age decay, so the step decays once, like a direct tie (two co-signatories:
    1.0 x decay; two speakers at one webinar: 0.5 x 0.5 x decay). Hops are
    counted in such steps.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from graph.dates import earliest, latest, valid_on
from graph.model import Batch, Entity, EntityType, Relation, Source
from graph.registry import CONTEXT_TYPES, MEETING_POINTS, RELATION_TYPES, TIE_TYPES

HALF_LIFE_YEARS = 6.0
UNDATED_AGE_YEARS = HALF_LIFE_YEARS
CONTEXT_STRENGTH = 0.1
MIN_STRENGTH = 1e-6  # floor so that -log stays finite

MEETING_TYPES = MEETING_POINTS
ACTOR_TYPES = frozenset({EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE})
ALL_TYPES = TIE_TYPES | CONTEXT_TYPES


def type_strength(type_name: str) -> float:
    rt = RELATION_TYPES[type_name]
    return rt.strength if rt.tie else CONTEXT_STRENGTH


def decay(published: str | None, reference: dt.date) -> float:
    """Weight of evidence published on ``published`` as seen on ``reference``."""
    age = UNDATED_AGE_YEARS if published is None else max(0.0, (reference - latest(published)).days / 365.25)
    return float(0.5 ** (age / HALF_LIFE_YEARS))


@dataclass(frozen=True)
class TieFilter:
    """The relation and entity filter shared by every query and every backend."""

    types: frozenset[str] = TIE_TYPES
    as_of: dt.date | None = None
    min_confidence: float = 0.0

    def entity_usable(self, entity: Entity) -> bool:
        """Agreements not yet signed and events not yet started do not exist on ``as_of``."""
        if self.as_of is None:
            return True
        if entity.type is EntityType.AGREEMENT and entity.signed and earliest(entity.signed) > self.as_of:
            return False
        return not (entity.type is EntityType.EVENT and entity.start and earliest(entity.start) > self.as_of)

    def relation_usable(self, relation: Relation, sources: Mapping[str, Source]) -> Relation | None:
        """The relation with only the evidence usable on ``as_of``, or None."""
        if relation.type not in self.types:
            return None
        if self.as_of is not None and not valid_on(relation.valid_from, relation.valid_to, self.as_of):
            return None
        if relation.confidence < self.min_confidence:
            return None
        return relation


def relation_strength(
    relation: Relation, sources: Mapping[str, Source], reference: dt.date, half: bool = False
) -> float:
    """Type strength x the best (confidence x age decay) over the evidence.

    ``half``: the relation is one half of a meeting step (it touches an
    agreement or event) and carries half the age decay (its square root), so a
    meeting step, the product of its two halves, decays once like a direct tie.
    """
    best = 0.0
    for e in relation.evidence:
        src = sources.get(e.source)
        factor = decay(src.published if src else None, reference)
        best = max(best, e.confidence * (math.sqrt(factor) if half else factor))
    return max(MIN_STRENGTH, type_strength(relation.type) * best)


@dataclass
class EdgeInfo:
    """All usable relations between two nodes; the strongest decides."""

    relations: list[tuple[Relation, float]] = field(default_factory=list)

    @property
    def strength(self) -> float:
        return max(s for _, s in self.relations)


@dataclass
class TieGraph:
    """A filtered, weighted tie graph (undirected) built from a candidate batch.

    Edge attribute ``weight`` is ``-log(strength)``, so the shortest path is the
    strongest chain; ``half`` is the hop cost in half steps (1 for an edge
    touching a meeting point, 2 otherwise).
    """

    entities: dict[str, Entity]
    sources: dict[str, Source]
    graph: nx.Graph
    edges: dict[frozenset[str], EdgeInfo]
    reference: dt.date

    @classmethod
    def build(cls, batch: Batch, rule: TieFilter, reference: dt.date | None = None) -> TieGraph:
        reference = reference or rule.as_of or dt.date.today()
        sources = {s.id: s for s in batch.sources}
        entities = {r.entity.id: r.entity for r in batch.entities if rule.entity_usable(r.entity)}
        edges: dict[frozenset[str], EdgeInfo] = {}
        for raw in batch.relations:
            if raw.source not in entities or raw.target not in entities:
                continue
            rel = rule.relation_usable(raw, sources)
            if rel is None:
                continue
            key = frozenset((rel.source, rel.target))
            half = entities[rel.source].type in MEETING_TYPES or entities[rel.target].type in MEETING_TYPES
            strength = relation_strength(rel, sources, reference, half)
            edges.setdefault(key, EdgeInfo()).relations.append((rel, strength))
        graph = nx.Graph()
        graph.add_nodes_from(sorted(entities))
        for key, info in sorted(edges.items(), key=lambda kv: sorted(kv[0])):
            info.relations.sort(key=lambda rs: (-rs[1], rs[0].id))
            u, v = sorted(key)
            meeting = entities[u].type in MEETING_TYPES or entities[v].type in MEETING_TYPES
            graph.add_edge(u, v, weight=-math.log(info.strength), half=1 if meeting else 2)
        return cls(entities, sources, graph, edges, reference)

    def is_meeting(self, node: str) -> bool:
        return self.entities[node].type in MEETING_TYPES

    def half_steps(self, path: list[str]) -> int:
        """Hop cost of a node path in half steps (endpoint meeting points count a whole step)."""
        total = sum(int(self.graph.edges[u, v]["half"]) for u, v in itertools.pairwise(path))
        if len(path) > 1:
            total += int(self.is_meeting(path[0])) + int(self.is_meeting(path[-1]))
        return total

    def hops(self, path: list[str]) -> int:
        return self.half_steps(path) // 2

    def distances(self, start: str, cutoff_half: int | None = None) -> dict[str, int]:
        """Half-step distance from ``start`` to every reachable node."""
        lengths: dict[str, int] = nx.single_source_dijkstra_path_length(
            self.graph, start, cutoff=cutoff_half, weight="half"
        )
        return lengths
