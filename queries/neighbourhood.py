"""The neighbourhood of an entity: everything within 1–3 relations, filtered and capped.

Traversal is breadth first and only continues through entities that pass the
filters, so the answer is always connected. Two caps keep a supernode (a
country, a national agency) from exploding an answer: at most
``max_per_node`` relations are followed from any one entity (the strongest
first: tie strength x confidence, context relations last) and at most
``max_nodes`` entities are returned. Whatever a cap leaves out is listed in
``truncations`` and sets ``truncated``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from graph.dates import earliest, latest
from graph.model import EntityType
from graph.registry import RELATION_TYPES
from graph.rows import RelationRow, gc_paused
from graph.store import Store
from queries.errors import InvalidQuery
from queries.index import GraphIndex, get_index
from queries.resolve import resolve_entity
from queries.results import EdgeRef, EntityRef, NeighbourhoodResult, NodeRef, RelationRef, Truncation
from queries.ties import ALL_TYPES, Decay, TieFilter, relation_strength

MAX_RADIUS = 3


def _overlaps(rel: RelationRow, start: dt.date | None, end: dt.date | None) -> bool:
    if start is not None and rel.valid_to is not None and latest(rel.valid_to) < start:
        return False
    return not (end is not None and rel.valid_from is not None and earliest(rel.valid_from) > end)


def _sectors_of(index: GraphIndex, entity_id: str) -> set[str]:
    return {
        other
        for rel_id, other in index.adjacency.get(entity_id, ())
        if index.relations[rel_id].type == "focuses_on" and index.relations[rel_id].source == entity_id
    }


HUB_DEGREE = 64  # nodes with more relations keep their ranked list between queries


class _Ranked:
    """Each node's relations in the order the fan-out cap keeps them: ties before
    context, stronger first, then by id. A hub's list (tens of thousands of
    relations on a big graph) is ranked once per reference day and shared."""

    def __init__(self, index: GraphIndex, reference: dt.date) -> None:
        self.index = index
        self.reference = reference
        self.factor = Decay(index.sources, reference)
        self._hubs: dict[str, list[tuple[float, str, RelationRow]]] = {}

    @classmethod
    def of(cls, index: GraphIndex, reference: dt.date) -> _Ranked:
        key = f"ranked:{reference.isoformat()}"
        found = index.memo.get(key)
        if not isinstance(found, _Ranked):
            found = index.memo[key] = cls(index, reference)
        return found

    def warm(self) -> int:
        """Rank every hub now (the API's warm-up), so no query pays for one; returns how many."""
        hubs = [n for n, adj in self.index.adjacency.items() if len(adj) > HUB_DEGREE and n not in self._hubs]
        for node in hubs:
            self(node)
        return len(hubs)

    def __call__(self, node: str) -> list[tuple[float, str, RelationRow]]:
        found = self._hubs.get(node)
        if found is not None:
            return found
        relations = self.index.relations
        with gc_paused(long_lived=True):
            items = [
                (relation_strength(relations[rel_id], self.factor, self.reference), other, relations[rel_id])
                for rel_id, other in self.index.adjacency.get(node, ())
            ]
            items.sort(key=lambda c: (not RELATION_TYPES[c[2].type].tie, -c[0], c[2].id))
        if len(items) > HUB_DEGREE:
            self._hubs[node] = items
        return items


def warm_neighbourhoods(index: GraphIndex) -> int:
    """Rank the relations of every hub for today's reference date; returns the number of hubs."""
    return _Ranked.of(index, dt.date.today()).warm()


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
    index = get_index(store)
    rule = TieFilter(types=types, min_confidence=min_confidence)
    reference = date_to or dt.date.today()
    ranked = _Ranked.of(index, reference)
    unfiltered = (
        types == ALL_TYPES and not min_confidence and date_from is None and date_to is None
        and wanted_types is None and wanted_kinds is None and wanted_sectors is None
    )

    def passes(entity_id: str) -> bool:
        e = index.entities[entity_id]
        if wanted_types is not None and e.type not in wanted_types:
            return False
        if wanted_kinds is not None and e.kind not in wanted_kinds:
            return False
        return wanted_sectors is None or bool(_sectors_of(index, entity_id) & wanted_sectors)

    distance: dict[str, int] = {center.id: 0}
    edges: dict[str, EdgeRef] = {}
    truncations: list[Truncation] = []
    frontier = [center.id]
    for depth in range(1, radius + 1):
        nxt: list[str] = []
        for node in frontier:
            candidates: list[tuple[float, str, RelationRow]] = []
            ranked_here = ranked(node)
            for strength, other, rel in ranked_here:
                if rule.relation_usable(rel, index.sources) is None or not _overlaps(rel, date_from, date_to):
                    continue
                if other not in distance and not passes(other):
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
                    nxt.append(other)
                if rel_id not in edges:
                    edges[rel_id] = EdgeRef(relation=RelationRef.of(rel, strength), tie=RELATION_TYPES[rel.type].tie)
            if skipped:
                truncations.append(Truncation(entity=node, omitted=skipped, why="node cap"))
        frontier = nxt
    nodes = tuple(
        NodeRef(entity=EntityRef.of(index.entities[i]), distance=d)
        for i, d in sorted(distance.items(), key=lambda x: (x[1], x[0]))
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
