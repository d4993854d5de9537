"""The in-memory graph index: the embedded backend's read view (``queries.view``).

Built once from ``store.rows()`` (compact rows, not validated models: a million
relations fit in a few hundred megabytes) and cached by ``store.version()``, so
a changed store is re-read on the next query and an unchanged one never is.
Holding the whole graph, it also hands walks its complete tie graph per filter
(``tie_graph``), so a path search reads adjacency directly.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import Batch, EntityType, Source
from graph.rows import EntityRow, GraphRows, RelationRow, gc_paused
from graph.store import Store
from queries.ties import TieFilter, TieGraph
from queries.view import Direction, TieEnds

_CACHE_SIZE = 4


@dataclass
class GraphIndex:
    """Every entity, relation and source of one store version (as rows), with adjacency."""

    version: str
    entities: dict[str, EntityRow]
    relations: dict[str, RelationRow]
    sources: dict[str, Source]
    adjacency: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id -> [(relation id, other id)]
    # id -> ids of the relations it is the source of: upward walks (geography) skip a city's thousands of
    # incoming relations
    outgoing: dict[str, list[str]] = field(default_factory=dict)
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
        adjacency, outgoing = index.adjacency, index.outgoing
        for rel in rows.relations:
            adjacency.setdefault(rel.source, []).append((rel.id, rel.target))
            adjacency.setdefault(rel.target, []).append((rel.id, rel.source))
            outgoing.setdefault(rel.source, []).append(rel.id)
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

    # -- the read view (queries.view.GraphView) --------------------------------------
    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]:
        entities = self.entities
        return {i: entities[i] for i in ids if i in entities}

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        sources = self.sources
        return {i: sources[i] for i in ids if i in sources}

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: Direction = "both"
    ) -> list[tuple[str, RelationRow]]:
        relations = self.relations
        found: list[tuple[str, RelationRow]] = []
        if direction == "out":
            for node in frontier:
                for rel_id in self.outgoing.get(node, ()):
                    rel = relations[rel_id]
                    if rel.type in types:
                        found.append((node, rel))
            return found
        for node in frontier:
            for rel_id, _ in self.adjacency.get(node, ()):
                rel = relations[rel_id]
                if rel.type in types and (direction == "both" or rel.target == node):  # "in"
                    found.append((node, rel))
        return found

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]:
        rule = TieFilter(frozenset(types), as_of, min_confidence)
        entities, sources = self.entities, self.sources
        return [
            (node, rel)
            for node, rel in self.adjacent(frontier, rule.types)
            if rule.relation_usable(rel, sources) is not None
            and rule.entity_usable(entities[rel.target if rel.source == node else rel.source])
        ]

    def places(self, kind: str) -> list[EntityRow]:
        return sorted(
            (e for e in self.entities.values() if e.type is EntityType.PLACE and e.kind == kind), key=lambda e: e.id
        )

    def entity_page(self, type: EntityType | None, start: int, limit: int) -> tuple[int, list[EntityRow]]:
        key = f"ids:{type.value if type else '*'}"
        ids = self.memo.get(key)
        if ids is None:
            ids = self.memo[key] = sorted(i for i, e in self.entities.items() if type is None or e.type is type)
        return len(ids), [self.entities[i] for i in ids[start : start + limit]]

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> Iterator[list[TieEnds]]:
        tg = self.tie_graph(TieFilter(frozenset(types), as_of, min_confidence))
        entities = tg.entities
        yield [(u, entities[u].type, v, entities[v].type) for u, v in tg.graph.edges()]


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
