"""Which relations count as ties for a query, and how strong each one is.

Filter (``TieFilter``)
    Only *introduction ties* (``graph.registry.TIE_TYPES``) count by default;
    context relations (``located_in``, ``focuses_on``) only on request, since
    sharing a city or a sector is not an introduction. With an as-of date a
    relation must be valid that day (``graph.dates.valid_on``), and agreements
    signed and events starting after it do not exist yet, nor do organisations
    and places founded after it or dissolved before it. The date asks which
    ties *held* then, judged on everything known now: a 2020 document telling
    of a 1983 friendship agreement is evidence for 1983. A tie with no start
    date holds on the date only if a document published by then tells of it
    (an undated alumni tie first documented in 2019 is not assumed for 2005);
    ``queries.steps`` words such ties "undated, documented 2019". ``min_confidence``
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

Whole or grown (``tie_network``)
    A view holding the whole graph hands out its complete ``TieGraph``
    (cached per filter); a big embedded store's view hands out the whole graph of the
    default filter read from arrays (``queries.array_ties``). Any other view gets a ``GrownTieGraph``: it starts
    empty and a walk calls ``reach(frontier)`` before reading the adjacency of
    those nodes, which asks the view for their ties (one call per frontier).
    Both hold the same nodes, edges, weights and neighbour order for every
    reached node, so a walk gives the same answer on either.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from graph.dates import earliest, latest, valid_on
from graph.model import Batch, Entity, EntityType, Relation, Source
from graph.registry import CONTEXT_TYPES, MEETING_POINTS, RELATION_TYPES, TIE_TYPES
from graph.rows import EntityRow, GraphRows, RelationRow, gc_paused

if TYPE_CHECKING:
    import igraph as ig

    from queries.view import GraphView

HALF_LIFE_YEARS = 6.0
AS_OF_HELP = (
    "Only ties that held on this date: dated ties valid then, ties without a date only if documented by "
    "then; agreements signed and events started by then; organisations and places established by then "
    "and not yet dissolved."
)
UNDATED_AGE_YEARS = HALF_LIFE_YEARS
CONTEXT_STRENGTH = 0.1
MIN_STRENGTH = 1e-6  # floor so that -log stays finite

ACTOR_TYPES = frozenset({EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE})
ALL_TYPES = TIE_TYPES | CONTEXT_TYPES


def type_strength(type_name: str) -> float:
    rt = RELATION_TYPES[type_name]
    return rt.strength if rt.tie else CONTEXT_STRENGTH


def decay(published: str | None, reference: dt.date) -> float:
    """Weight of evidence published on ``published`` as seen on ``reference``."""
    age = UNDATED_AGE_YEARS if published is None else max(0.0, (reference - latest(published)).days / 365.25)
    return float(0.5 ** (age / HALF_LIFE_YEARS))


Rel = TypeVar("Rel", Relation, RelationRow)


@dataclass(frozen=True)
class TieFilter:
    """The relation and entity filter shared by every query and every backend."""

    types: frozenset[str] = TIE_TYPES
    as_of: dt.date | None = None
    min_confidence: float = 0.0

    def entity_usable(self, entity: Entity | EntityRow) -> bool:
        """Agreements not yet signed, events not yet started, and organisations or places not yet founded or
        already dissolved do not exist on ``as_of``. Partial dates count at their widest (founded "2007"
        exists from 2007-01-01; dissolved "2019-03" still exists on 2019-03-31), as relation validity does.
        An event that has ended stays a meeting point: those who met there still know each other."""
        if self.as_of is None:
            return True
        if entity.type is EntityType.AGREEMENT:
            return not (entity.signed and earliest(entity.signed) > self.as_of)
        if entity.start and earliest(entity.start) > self.as_of:
            return False
        return entity.type is EntityType.EVENT or not (entity.end and latest(entity.end) < self.as_of)

    def absence(self, entity: Entity | EntityRow) -> str | None:
        """Why ``entity`` does not exist on ``as_of`` ("founded 2007, after 2005-01-01"); None when it does."""
        if self.as_of is None or self.entity_usable(entity):
            return None
        if entity.type is EntityType.AGREEMENT:
            return f"signed {entity.signed}, after {self.as_of}"
        if entity.start and earliest(entity.start) > self.as_of:
            started = "held from" if entity.type is EntityType.EVENT else "founded"
            return f"{started} {entity.start}, after {self.as_of}"
        return f"dissolved {entity.end}, before {self.as_of}"

    def relation_usable(self, relation: Rel, sources: Mapping[str, Source]) -> Rel | None:
        """The relation if it counts under this filter, else None."""
        if relation.type not in self.types:
            return None
        if self.as_of is not None and not valid_on(relation.valid_from, relation.valid_to, self.as_of):
            return None
        if self.min_confidence and relation.confidence < self.min_confidence:
            return None
        return relation


def documented_by(relation: Relation | RelationRow, sources: Mapping[str, Source], day: dt.date) -> bool:
    """Whether some evidence of the relation was published by ``day`` (a document without a date
    counts: nothing says it came later). A tie with no start date that only later documents tell
    of is not assumed to have held on ``day``."""
    for e in relation.evidence:
        src = sources.get(e.source)
        if src is None or src.published is None or earliest(src.published) <= day:
            return True
    return False


class Decay:
    """Age decay per source document, computed once per source (a graph build asks a million times)."""

    def __init__(self, sources: Mapping[str, Source], reference: dt.date) -> None:
        self.sources = sources
        self.reference = reference
        self._cache: dict[str, float] = {}

    def __call__(self, source_id: str) -> float:
        found = self._cache.get(source_id)
        if found is None:
            src = self.sources.get(source_id)
            found = self._cache[source_id] = decay(src.published if src else None, self.reference)
        return found


def relation_strength(
    relation: Relation | RelationRow, sources: Mapping[str, Source] | Decay, reference: dt.date, half: bool = False
) -> float:
    """Type strength x the best (confidence x age decay) over the evidence.

    ``half``: the relation is one half of a meeting step (it touches an
    agreement or event) and carries half the age decay (its square root), so a
    meeting step, the product of its two halves, decays once like a direct tie.
    """
    factor_of = sources if isinstance(sources, Decay) else Decay(sources, reference)
    best = 0.0
    for e in relation.evidence:
        factor = factor_of(e.source)
        best = max(best, e.confidence * (math.sqrt(factor) if half else factor))
    return max(MIN_STRENGTH, type_strength(relation.type) * best)


@dataclass(slots=True)
class EdgeInfo:
    """All usable relations between two nodes, strongest first; the strongest decides."""

    relations: list[tuple[RelationRow, float]]
    strength: float


@dataclass(frozen=True)
class Snapshot:
    """The tied part of a tie graph (nodes with at least one tie) as an igraph graph, for whole-graph counting."""

    nodes: list[str]
    index: dict[str, int]
    graph: ig.Graph


def snapshot(tg: TieGraph) -> Snapshot:
    """Taken once per tie graph (the cached whole graph is shared by every query)."""
    import igraph as ig  # only brokers count over the whole graph: other commands never load igraph

    if tg.snapshot is None:
        with gc_paused(long_lived=True):
            nodes = [n for n in tg.graph if tg.graph.degree(n) > 0]
            index = {n: i for i, n in enumerate(nodes)}
            edges = [(index[u], index[v]) for u, v in tg.graph.edges()]
            tg.snapshot = Snapshot(nodes, index, ig.Graph(n=len(nodes), edges=edges))
    return tg.snapshot


def edge_attributes(rels: list[tuple[RelationRow, float]], meeting: bool) -> dict[str, object]:
    """Attributes of the edge made by all usable relations between two nodes (sorted here, strongest first)."""
    if len(rels) > 1:
        rels.sort(key=lambda rs: (-rs[1], rs[0].id))
    strength = rels[0][1]
    return {"weight": -math.log(strength), "half": 1 if meeting else 2, "info": EdgeInfo(rels, strength)}


@dataclass
class TieGraph:
    """A filtered, weighted tie graph (undirected).

    Edge attributes: ``weight`` is ``-log(strength)``, so the lightest path is the
    strongest chain; ``half`` is the hop cost in half steps (1 for an edge
    touching a meeting point, 2 otherwise); ``info`` is the ``EdgeInfo``.
    """

    entities: dict[str, EntityRow]
    sources: dict[str, Source]
    graph: nx.Graph
    reference: dt.date
    snapshot: Snapshot | None = field(default=None, repr=False)
    # Structures queries derive from this graph (actor membership), kept as long as it is.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, rows: GraphRows, rule: TieFilter, reference: dt.date | None = None) -> TieGraph:
        """Built from rows in relation-id order, so every backend yields the same graph."""
        reference = reference or rule.as_of or dt.date.today()
        sources = {s.id: s for s in rows.sources}
        factor = Decay(sources, reference)
        entities = {e.id: e for e in rows.entities if rule.entity_usable(e)}
        meeting = {i for i, e in entities.items() if e.type in MEETING_POINTS}
        edges: dict[tuple[str, str], list[tuple[RelationRow, float]]] = {}
        ordered = rows.relations
        if any(a.id > b.id for a, b in itertools.pairwise(ordered)):
            ordered = sorted(ordered, key=lambda r: r.id)
        usable = rule.relation_usable
        for rel in ordered:
            u, v = rel.source, rel.target
            if u not in entities or v not in entities or usable(rel, sources) is None:
                continue
            if rule.as_of is not None and rel.valid_from is None and not documented_by(rel, sources, rule.as_of):
                continue  # undated, and only later documents tell of it
            strength = relation_strength(rel, factor, reference, u in meeting or v in meeting)
            key = (u, v) if u < v else (v, u)
            found = edges.get(key)
            if found is None:
                edges[key] = [(rel, strength)]
            else:
                found.append((rel, strength))
        graph = nx.Graph()
        graph.add_nodes_from(sorted(entities))
        graph.add_edges_from(
            (u, v, edge_attributes(rels, u in meeting or v in meeting)) for (u, v), rels in edges.items()
        )
        return cls(entities, sources, graph, reference)

    @classmethod
    def of_batch(cls, batch: Batch, rule: TieFilter, reference: dt.date | None = None) -> TieGraph:
        return cls.build(GraphRows.of(batch), rule, reference)

    def reach(self, nodes: Iterable[str]) -> None:
        """Make the adjacency of ``nodes`` complete (always so in a whole tie graph)."""

    def edge(self, u: str, v: str) -> EdgeInfo:
        info: EdgeInfo = self.graph.edges[u, v]["info"]
        return info

    def relation_facts(
        self, pairs: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[set[str], set[str], set[str]]]:
        """(relation ids, source ids, relation types) of each edge in ``pairs``: what a walk that lists
        many edges but not their strengths reads, asked for together."""
        found = {}
        for u, v in pairs:
            rels = [rel for rel, _ in self.edge(u, v).relations]
            found[(u, v)] = ({rel.id for rel in rels}, {e.source for rel in rels for e in rel.evidence},
                             {rel.type for rel in rels})
        return found

    def is_meeting(self, node: str) -> bool:
        return self.entities[node].type in MEETING_POINTS

    def half_steps(self, path: list[str]) -> int:
        """Hop cost of a node path in half steps (endpoint meeting points count a whole step)."""
        total = sum(int(self.graph.edges[u, v]["half"]) for u, v in itertools.pairwise(path))
        if len(path) > 1:
            total += int(self.is_meeting(path[0])) + int(self.is_meeting(path[-1]))
        return total

    def hops(self, path: list[str]) -> int:
        return self.half_steps(path) // 2


class GrownTieGraph(TieGraph):
    """The tie graph of a view that answers frontier by frontier, grown as walks reach nodes.

    ``reach(nodes)`` asks the view for the ties of the nodes not reached yet
    (one ``ties`` call), the rows of their new neighbours and the sources their
    relations cite, then orders each reached node's neighbours as the whole
    graph does (by the lowest id of the relations joining them), so searches
    break ties between equal paths the same way on every backend.
    """

    def __init__(self, view: GraphView, rule: TieFilter, reference: dt.date | None = None) -> None:
        super().__init__({}, {}, nx.Graph(), reference or rule.as_of or dt.date.today())
        self.view = view
        self.rule = rule
        self.reached: set[str] = set()
        self._unusable: set[str] = set()
        self._decay = Decay(self.sources, self.reference)

    def _known(self, ids: Collection[str]) -> None:
        """Load rows of entities not seen yet; usable ones become nodes."""
        new = [i for i in ids if i not in self.entities and i not in self._unusable]
        if not new:
            return
        rows = self.view.get_entities(new)
        for i in new:
            row = rows.get(i)
            if row is not None and self.rule.entity_usable(row):
                self.entities[i] = row
                self.graph.add_node(i)
            else:
                self._unusable.add(i)

    def reach(self, nodes: Iterable[str]) -> None:
        todo = [n for n in dict.fromkeys(nodes) if n not in self.reached]
        if not todo:
            return
        self._known(todo)
        frontier = [n for n in todo if n in self.entities]
        self.reached.update(todo)
        if not frontier:
            return
        rule = self.rule
        found = self.view.ties(frontier, rule.types, rule.as_of, rule.min_confidence)
        self._known({rel.target if rel.source == node else rel.source for node, rel in found})
        cited = {e.source for _, rel in found for e in rel.evidence} - self.sources.keys()
        if cited:
            self.sources.update(self.view.get_sources(sorted(cited)))
        pairs: dict[tuple[str, str], list[RelationRow]] = {}
        for node, rel in found:
            other = rel.target if rel.source == node else rel.source
            if other not in self.entities:
                continue
            if rule.as_of is not None and rel.valid_from is None and not documented_by(rel, self.sources, rule.as_of):
                continue  # (the view filters on dates and confidence; publication is judged here)
            pairs.setdefault((node, other), []).append(rel)
        first: dict[str, dict[str, str]] = {}  # node -> {neighbour: lowest relation id}
        for (node, other), rels in pairs.items():
            first.setdefault(node, {})[other] = min(r.id for r in rels)
            if self.graph.has_edge(node, other):
                continue  # built when the other end was reached (it saw the same relations)
            meeting = self.is_meeting(node) or self.is_meeting(other)
            strengths = [(r, relation_strength(r, self._decay, self.reference, meeting)) for r in rels]
            self.graph.add_edge(node, other, **edge_attributes(strengths, meeting))
        adjacency = self.graph._adj  # reorder in place: the data dicts are shared with the other ends
        for node, order in first.items():
            here = adjacency[node]
            ordered = sorted(here.items(), key=lambda kv: order[kv[0]])
            here.clear()
            here.update(ordered)


def tie_network(view: GraphView, rule: TieFilter, seeds: Iterable[str] = ()) -> TieGraph:
    """The tie graph under ``rule``: the view's whole one when it holds it, else one grown from ``seeds``."""
    from queries.view import HoldsTieArrays, WholeTieGraph

    if isinstance(view, WholeTieGraph):
        return view.tie_graph(rule)
    if isinstance(view, HoldsTieArrays):
        found = view.array_tie_graph(rule)
        if found is not None:
            return found
    tg = GrownTieGraph(view, rule)
    tg.reach(seeds)
    return tg
