"""The neighbourhood of an entity: everything within 1–3 relations, filtered and capped.

Traversal is breadth first along the relations asked for (type, dates,
confidence); the entity filters (type, kind, sector) choose what is shown,
not where the walk goes: "people within two steps of a district" are found
through the district's bureau. Each entity that passes is shown with the
chain that reached it (those on the way have ``matched`` false), so the
answer is always connected. Two caps keep a supernode (a
country, a national agency) from exploding an answer: at most
``max_per_node`` relations are followed from any one entity (the strongest
first: tie strength x confidence, context relations last) and at most
``max_nodes`` entities are returned. Whatever a cap leaves out is listed in
``truncations`` and sets ``truncated``.

Each level is a few view calls over its frontier (``queries.view``): the
frontier's relations, the rows of the entities at their other ends and, when
a sector filter is given, those entities' sectors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Protocol, runtime_checkable

from graph.dates import earliest, latest
from graph.model import EntityType, Source
from graph.registry import RELATION_TYPES
from graph.rows import EntityRow, RelationRow, gc_paused
from graph.store import Store
from queries.errors import InvalidQuery
from queries.resolve import resolve_entity
from queries.results import EdgeRef, EntityRef, NeighbourhoodResult, NodeRef, RelationRef, Truncation
from queries.ties import ALL_TYPES, Decay, TieFilter, relation_strength
from queries.view import GraphView, view_of

MAX_RADIUS = 3


def _overlaps(rel: RelationRow, start: dt.date | None, end: dt.date | None) -> bool:
    if start is not None and rel.valid_to is not None and latest(rel.valid_to) < start:
        return False
    return not (end is not None and rel.valid_from is not None and earliest(rel.valid_from) > end)


def _sectors_of(view: GraphView, entity_ids: list[str]) -> dict[str, set[str]]:
    sectors: dict[str, set[str]] = {i: set() for i in entity_ids}
    for node, rel in view.adjacent(entity_ids, ("focuses_on",), "out"):
        sectors[node].add(rel.target)
    return sectors


HUB_DEGREE = 64  # nodes with more relations keep their ranked list between queries

Ranked = Sequence[tuple[float, str, RelationRow]]  # (strength, other end, relation) in fan-out order


@runtime_checkable
class RanksRelations(Protocol):
    """A view that ranks a node's relations itself (a snapshot, over its arrays: ``queries.array_ties``),
    in the same order and with the same strengths, keeping a hub's list compact."""

    def ranked_relations(self, nodes: list[str], types: Collection[str], reference: dt.date) -> dict[str, Ranked]: ...


class _Ranked:
    """Each node's relations in the order the fan-out cap keeps them: ties before
    context, stronger first, then by id. A hub's list (tens of thousands of
    relations on a big graph) is ranked once per reference day and kept as
    long as the view is."""

    def __init__(self, view: GraphView, reference: dt.date) -> None:
        self.view = view
        self.reference = reference
        self.sources: dict[str, Source] = {}
        self.factor = Decay(self.sources, reference)
        self._hubs: dict[str, Ranked] = {}

    @classmethod
    def of(cls, view: GraphView, reference: dt.date) -> _Ranked:
        key = f"ranked:{reference.isoformat()}"
        found = view.memo.get(key)
        if not isinstance(found, _Ranked):
            found = view.memo[key] = cls(view, reference)
        return found

    def warm(self, nodes: list[str]) -> int:
        """Rank the hubs among ``nodes`` now (the API's warm-up), so no query pays for one; returns how many."""
        return len([n for n, items in self.rank([n for n in nodes if n not in self._hubs]).items()
                    if len(items) > HUB_DEGREE])

    def rank(self, frontier: list[str]) -> dict[str, Ranked]:
        """The ranked relations of every frontier node (one view call for those not cached)."""
        found = {n: self._hubs[n] for n in frontier if n in self._hubs}
        todo = [n for n in dict.fromkeys(frontier) if n not in found]
        if not todo:
            return found
        if isinstance(self.view, RanksRelations):
            for node, items in self.view.ranked_relations(todo, ALL_TYPES, self.reference).items():
                found[node] = items
                if len(items) > HUB_DEGREE:
                    self._hubs[node] = items
            return found
        with gc_paused(long_lived=True):
            adjacent = self.view.adjacent(todo, ALL_TYPES)
            cited = {e.source for _, rel in adjacent for e in rel.evidence} - self.sources.keys()
            if cited:
                self.sources.update(self.view.get_sources(sorted(cited)))
            made: dict[str, list[tuple[float, str, RelationRow]]] = {node: [] for node in todo}
            for node, rel in adjacent:
                other = rel.target if rel.source == node else rel.source
                made[node].append((relation_strength(rel, self.factor, self.reference), other, rel))
            for node, items in made.items():
                items.sort(key=lambda c: (not RELATION_TYPES[c[2].type].tie, -c[0], c[2].id))
                found[node] = items
                if len(items) > HUB_DEGREE:
                    self._hubs[node] = items
        return found


def warm_neighbourhoods(view: GraphView, hubs: list[str] | None = None) -> int:
    """Rank the relations of every hub (``hubs``, else the index's nodes of more than ``HUB_DEGREE``
    relations) for today's reference date; returns the number of hubs."""
    if hubs is None:
        from queries.index import GraphIndex

        hubs = [n for n, adj in view.adjacency.items() if len(adj) > HUB_DEGREE] if isinstance(view, GraphIndex) else []
    return _Ranked.of(view, dt.date.today()).warm(hubs)


def neighbourhood(
    store: Store,
    entity: str,
    *,
    radius: int = 1,
    entity_types: Collection[str] | None = None,
    kinds: Collection[str] | None = None,
    relation_types: Collection[str] | None = None,
    sectors: Collection[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    min_confidence: float = 0.0,
    max_nodes: int = 100,
    max_per_node: int = 25,
) -> NeighbourhoodResult:
    """Entities and relations within ``radius`` of ``entity`` (id or name)."""
    if not 1 <= radius <= MAX_RADIUS:
        raise InvalidQuery(f"radius must be between 1 and {MAX_RADIUS} (got {radius})")
    if max_nodes < 1 or max_per_node < 1:
        raise InvalidQuery("max_nodes and max_per_node must be at least 1")
    types = frozenset(relation_types) if relation_types else ALL_TYPES
    unknown = types - ALL_TYPES
    if unknown:
        raise InvalidQuery(
            f"unknown relation type(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(ALL_TYPES))}"
        )
    wanted_types = frozenset(EntityType(t) for t in entity_types) if entity_types else None
    wanted_kinds = frozenset(kinds) if kinds else None
    wanted_sectors = frozenset(s if s.startswith("sector:") else f"sector:{s}" for s in sectors) if sectors else None
    center = resolve_entity(store, entity)
    view = view_of(store)
    rule = TieFilter(types=types, min_confidence=min_confidence)
    reference = date_to or dt.date.today()
    ranked = _Ranked.of(view, reference)
    unfiltered = types == ALL_TYPES and not min_confidence and date_from is None and date_to is None

    rows: dict[str, EntityRow] = view.get_entities([center.id])
    sector_of: dict[str, set[str]] = {}
    entity_filter = wanted_types is not None or wanted_kinds is not None or wanted_sectors is not None

    def passes(entity_id: str) -> bool:
        if not entity_filter:
            return True
        e = rows[entity_id]
        if wanted_types is not None and e.type not in wanted_types:
            return False
        if wanted_kinds is not None and e.kind not in wanted_kinds:
            return False
        return wanted_sectors is None or bool(sector_of[entity_id] & wanted_sectors)

    distance: dict[str, int] = {center.id: 0}
    reached_by: dict[str, tuple[str, str]] = {}  # node -> (the node it was reached from, relation id)
    edges: dict[str, EdgeRef] = {}
    truncations: list[Truncation] = []
    frontier = [center.id]
    for depth in range(1, radius + 1):
        nxt: list[str] = []
        ranked_level = ranked.rank(frontier)
        for node in frontier:
            candidates: list[tuple[float, str, RelationRow]] = []
            ranked_here = ranked_level[node]
            for strength, other, rel in ranked_here:
                if rule.relation_usable(rel, ranked.sources) is None or not _overlaps(rel, date_from, date_to):
                    continue
                candidates.append((strength, other, rel))
                if unfiltered and len(candidates) == max_per_node:
                    break  # with no filter every relation counts: the rest is known without looking
            total = len(ranked_here) if unfiltered else len(candidates)
            if total > max_per_node:
                truncations.append(Truncation(entity=node, omitted=total - max_per_node, why="fan-out cap"))
                candidates = candidates[:max_per_node]
            skipped = 0
            for strength, other, rel in candidates:
                rel_id = rel.id
                if other not in distance:
                    if len(distance) >= max_nodes:
                        skipped += 1
                        continue
                    distance[other] = depth
                    reached_by[other] = (node, rel_id)
                    nxt.append(other)
                if rel_id not in edges:
                    edges[rel_id] = EdgeRef(relation=RelationRef.of(rel, strength), tie=RELATION_TYPES[rel.type].tie)
            if skipped:
                truncations.append(Truncation(entity=node, omitted=skipped, why="node cap"))
        frontier = nxt
    rows.update(view.get_entities(sorted(distance.keys() - rows.keys())))
    if wanted_sectors is not None:
        sector_of.update(_sectors_of(view, sorted(distance.keys() - sector_of.keys())))
    # The filters choose what is shown, not where the walk goes: the walk passes through
    # anything, and each entity that passes is shown with the chain that reached it.
    matched = {i for i in distance if i == center.id or passes(i)}
    shown = set(matched)
    chain: set[str] = set()
    for node in matched:
        while node in reached_by:
            node, rel_id = reached_by[node]
            chain.add(rel_id)
            shown.add(node)
    if entity_filter:
        edges = {rid: e for rid, e in edges.items()
                 if rid in chain or (e.relation.source in matched and e.relation.target in matched)}
    nodes = tuple(
        NodeRef(entity=EntityRef.of(rows[i]), distance=d, matched=i in matched)
        for i, d in sorted(distance.items(), key=lambda x: (x[1], x[0]))
        if i in shown
    )
    return NeighbourhoodResult(
        center=EntityRef.of(center),
        radius=radius,
        nodes=nodes,
        edges=tuple(sorted(edges.values(), key=lambda e: e.relation.id)),
        truncated=bool(truncations),
        truncations=tuple(truncations),
        options={
            "entity_types": sorted(t.value for t in wanted_types) if wanted_types else None,
            "kinds": sorted(wanted_kinds) if wanted_kinds else None,
            "relation_types": sorted(types),
            "sectors": sorted(wanted_sectors) if wanted_sectors else None,
            "date_from": date_from.isoformat() if date_from else None,
            "date_to": date_to.isoformat() if date_to else None,
            "min_confidence": min_confidence,
            "max_nodes": max_nodes,
            "max_per_node": max_per_node,
        },
    )
