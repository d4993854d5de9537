"""The in-memory graph index: the fallback when a store cannot push a query down.

Built once from ``store.rows()`` (compact rows, not validated models: a million
relations fit in a few hundred megabytes) and cached by ``store.version()``, so
a changed store is re-read on the next query and an unchanged one never is. It
answers the candidate-extraction hooks of ``queries.pushdown`` with exactly the
semantics a native backend must implement.
"""

from __future__ import annotations

import datetime as dt
import heapq
import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import Batch, EntityType, Source
from graph.rows import EntityRow, GraphRows, RelationRow, gc_paused
from graph.store import Store
from queries.ties import MEETING_TYPES, TieFilter, TieGraph

_CACHE_SIZE = 4


@dataclass
class GraphIndex:
    """Every entity, relation and source of one store version (as rows), with adjacency."""

    version: str
    entities: dict[str, EntityRow]
    relations: dict[str, RelationRow]
    sources: dict[str, Source]
    adjacency: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id -> [(relation id, other id)]
    _tie_graphs: OrderedDict[tuple[TieFilter, dt.date], TieGraph] = field(default_factory=OrderedDict, repr=False)
    # Structures derived by query modules (geography, ordered adjacency), kept as long as this version is.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_rows(cls, version: str, rows: GraphRows) -> GraphIndex:
        index = cls(
            version=version,
            entities={e.id: e for e in rows.entities},
            relations={r.id: r for r in rows.relations},
            sources={s.id: s for s in rows.sources},
        )
        adjacency = index.adjacency
        for rel in rows.relations:
            adjacency.setdefault(rel.source, []).append((rel.id, rel.target))
            adjacency.setdefault(rel.target, []).append((rel.id, rel.source))
        return index

    @classmethod
    def from_batch(cls, version: str, batch: Batch) -> GraphIndex:
        return cls.from_rows(version, GraphRows.of(batch))

    def rows(self) -> GraphRows:
        return GraphRows(list(self.sources.values()), list(self.entities.values()), list(self.relations.values()))

    def tie_graph(self, rule: TieFilter) -> TieGraph:
        """The whole weighted tie graph under ``rule``, built once per rule and day.

        Paths prune it to the hop limit themselves, so the embedded backend
        skips per-query candidate extraction. Callers must not mutate it.
        """
        key = (rule, rule.as_of or dt.date.today())
        with _lock:
            found = self._tie_graphs.get(key)
        if found is not None:
            return found
        with _build_lock:
            with _lock:
                found = self._tie_graphs.get(key)
            if found is not None:
                return found
            with gc_paused(long_lived=True):
                found = TieGraph.build(self.rows(), rule, key[1])
            with _lock:
                self._tie_graphs[key] = found
                while len(self._tie_graphs) > _CACHE_SIZE:
                    self._tie_graphs.popitem(last=False)
        return found

    def entity(self, entity_id: str) -> EntityRow | None:
        return self.entities.get(entity_id)

    # -- candidate extraction (the pushdown fallbacks) ---------------------------
    def tie_subgraph(
        self,
        ids: Sequence[str],
        hops: int,
        types: Collection[str],
        as_of: dt.date | None,
        min_confidence: float,
    ) -> GraphRows:
        """Entities within ``hops`` steps of any of ``ids`` and the usable relations among them.

        A step is one relation between actors, or two relations through an
        agreement or event (entering one costs half a step, leaving it the other
        half). Only relations of ``types`` that are valid on ``as_of``, still
        have evidence published by then and reach ``min_confidence`` count.
        """
        rule = TieFilter(types=frozenset(types), as_of=as_of, min_confidence=min_confidence)
        limit = 2 * hops  # in half steps
        dist: dict[str, int] = {i: 0 for i in ids if i in self.entities and rule.entity_usable(self.entities[i])}
        heap = [(0, i) for i in sorted(dist)]
        usable: dict[str, RelationRow | None] = {}
        while heap:
            d, node = heapq.heappop(heap)
            if d > dist[node]:
                continue
            here = self.entities[node]
            for rel_id, other in self.adjacency.get(node, ()):
                other_entity = self.entities[other]
                cost = 1 if (here.type in MEETING_TYPES or other_entity.type in MEETING_TYPES) else 2
                if d + cost > limit or d + cost >= dist.get(other, limit + 1):
                    continue
                if rel_id not in usable:
                    usable[rel_id] = rule.relation_usable(self.relations[rel_id], self.sources)
                if usable[rel_id] is None:
                    continue
                if not rule.entity_usable(other_entity):
                    continue
                dist[other] = d + cost
                heapq.heappush(heap, (d + cost, other))
        members = set(dist)
        relations = [
            self.relations[rel_id]
            for node in sorted(members)
            for rel_id, other in self.adjacency.get(node, ())
            if other in members and node < other
        ]
        relations = [r for r in (rule.relation_usable(r, self.sources) for r in relations) if r is not None]
        relations = list({r.id: r for r in relations}.values())
        cited = {s for r in relations for s in r.sources}
        return GraphRows(
            sources=[self.sources[s] for s in sorted(cited) if s in self.sources],
            entities=[self.entities[i] for i in sorted(members)],
            relations=relations,
        )

    def linked(self, a: str, b: str) -> bool:
        """Whether any chain of relations at all joins a and b (bidirectional BFS:
        it stops where the two searches meet, or when the smaller side runs out)."""
        if a == b:
            return a in self.entities
        seen = ({a}, {b})
        frontier = ([a], [b])
        while frontier[0] and frontier[1]:
            side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
            nxt: list[str] = []
            for node in frontier[side]:
                for _, other in self.adjacency.get(node, ()):
                    if other in seen[1 - side]:
                        return True
                    if other not in seen[side]:
                        seen[side].add(other)
                        nxt.append(other)
            frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
        return False

    def region_members(self, place_id: str) -> dict[str, str]:
        """Entities inside a place: sub-places and organisations/events located there
        (through ``located_in`` chains), organisations that are part of a member and
        have no location of their own, and people working for any member.

        Returns {entity id: why} (the place itself included).
        """
        if place_id not in self.entities:
            return {}
        why: dict[str, str] = {place_id: "the place itself"}
        frontier = [place_id]
        while frontier:  # located_in closure, downwards
            nxt = []
            for node in frontier:
                for rel_id, other in self.adjacency.get(node, ()):
                    rel = self.relations[rel_id]
                    if rel.type == "located_in" and rel.target == node and other not in why:
                        why[other] = f"located in {node}"
                        nxt.append(other)
            frontier = nxt
        frontier = [i for i in why if self.entities[i].type in (EntityType.PLACE, EntityType.ORGANISATION)]
        while frontier:  # unlocated departments of members
            nxt = []
            for node in frontier:
                for rel_id, other in self.adjacency.get(node, ()):
                    rel = self.relations[rel_id]
                    if rel.type == "part_of" and rel.target == node and other not in why:
                        located = any(self.relations[r].type == "located_in" and self.relations[r].source == other
                                      for r, _ in self.adjacency.get(other, ()))
                        if not located:
                            why[other] = f"part of {node}"
                            nxt.append(other)
            frontier = nxt
        for node in list(why):
            if self.entities[node].type not in (EntityType.PLACE, EntityType.ORGANISATION):
                continue
            for rel_id, other in self.adjacency.get(node, ()):
                rel = self.relations[rel_id]
                if rel.type == "works_for" and rel.target == node and other not in why:
                    why[other] = f"works for {node}"
        return why


_cache: OrderedDict[str, GraphIndex] = OrderedDict()
_lock = threading.Lock()
_build_lock = threading.RLock()  # one build at a time (index or tie graph): they are big


def get_index(store: Store) -> GraphIndex:
    """The index of the store's current version (built at most once per version).

    Builds are serialised: a second caller (the API's warm-up and a first
    request, say) waits for the build under way instead of making a second
    copy of a graph that may take gigabytes.
    """
    version = f"{store.backend}:{id(store) if store.backend == 'abstract' else ''}:{store.version()}"
    with _lock:
        found = _cache.get(version)
        if found is not None:
            _cache.move_to_end(version)
            return found
    with _build_lock:
        with _lock:
            found = _cache.get(version)
        if found is not None:
            return found
        with gc_paused(long_lived=True):
            index = GraphIndex.from_rows(version, store.rows())
        with _lock:
            _cache[version] = index
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return index


def clear_cache() -> None:
    with _lock:
        _cache.clear()
