"""The read view: the few bounded operations every query walk is written against.

Queries never read a store wholesale. Each walk (path search, diversity
rounds, region membership, neighbourhood, geography, partners) asks a
``GraphView`` for what touches its current frontier, so a backend answers
each call with work proportional to the frontier and its result:

=================================  ===============================================================
operation                          answers
=================================  ===============================================================
``get_entities(ids)``              entity rows by id (missing ids left out)
``get_sources(ids)``               source records by id
``adjacent(frontier, types, d)``   (frontier node, relation) for relations of ``types`` touching
                                   the frontier, ``d`` = out / in / both, each node's relations in
                                   relation-id order, nodes in frontier order
``ties(frontier, types, ...)``     the same, restricted to relations usable under a tie filter
                                   (valid on ``as_of``, confidence at least ``min_confidence``)
                                   whose other end exists on ``as_of``
``places(kind)``                   places of one kind (``country``: the country overview, groups)
``entity_page(type, start, n)``    one page of entities in id order, and how many there are
``tie_pages(types, ...)``          every usable tie as (id, type) ends, a page at a time: only
                                   brokers (betweenness) need the whole tie graph
=================================  ===============================================================

Implementations: the embedded backend's snapshot (``queries.snapshot``: arrays
persisted beside the store, memory-mapped, rebuilt when the store's version
changes), the in-memory index (``queries.index.GraphIndex``, built once per store
version, for any other store) and the Neo4j backend (``graph.neo4j_store.Neo4jView``,
one parameterised Cypher statement per call). ``memo`` keeps structures that
walks derive (geography, ranked hub relations) for as long as the view lives.

A view that already holds the whole graph in memory may also hand out its
complete tie graph (``WholeTieGraph``); walks then read adjacency directly
instead of asking frontier by frontier, with the same answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from graph.model import EntityType, Source
from graph.rows import EntityRow, RelationRow
from graph.store import Store

if TYPE_CHECKING:
    from queries.array_ties import ArrayTieGraph
    from queries.ties import TieFilter, TieGraph

Direction = Literal["out", "in", "both"]
# (source id, source type, target id, target type) of one usable tie
TieEnds = tuple[str, EntityType, str, EntityType]


@runtime_checkable
class GraphView(Protocol):
    """Bounded reads over one version of a store (see the module table)."""

    memo: dict[str, Any]

    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]: ...

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]: ...

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: Direction = "both"
    ) -> list[tuple[str, RelationRow]]: ...

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]: ...

    def places(self, kind: str) -> list[EntityRow]: ...

    def entity_page(self, type: EntityType | None, start: int, limit: int) -> tuple[int, list[EntityRow]]: ...

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> Iterator[list[TieEnds]]: ...


@runtime_checkable
class WholeTieGraph(Protocol):
    """A view holding the whole graph in memory: its complete tie graph per filter, cached."""

    def tie_graph(self, rule: TieFilter) -> TieGraph: ...


@runtime_checkable
class HoldsTieArrays(Protocol):
    """A view whose whole tie graph under the default filter is read from arrays (``queries.array_ties``:
    a big embedded store), with no networkx graph held."""

    def array_tie_graph(self, rule: TieFilter) -> ArrayTieGraph | None: ...

    def built_tie_graph(self, rule: TieFilter) -> TieGraph: ...


@runtime_checkable
class CountsBetweenness(Protocol):
    """A view whose server counts betweenness itself (Neo4j with Graph Data Science installed).

    Returns ({id: (type, score)}, tied nodes, ties), exact up to ``exact_limit`` nodes, else
    from ``samples`` seeded sources; None when the server cannot count it after all.
    """

    def betweenness(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float, samples: int, seed: int,
        exact_limit: int,
    ) -> tuple[dict[str, tuple[EntityType, float]], int, int] | None: ...


@runtime_checkable
class SupportsView(Protocol):
    """A store that answers the view natively (Neo4j)."""

    def view(self) -> GraphView: ...


# Below this many relations the in-memory index builds in a fraction of a second: a small store
# needs no snapshot file (nor numpy loaded to read one).
SNAPSHOT_MIN_RELATIONS = 20_000


def view_of(store: Store) -> GraphView:
    """The store's own view if it has one; for an embedded store of ``SNAPSHOT_MIN_RELATIONS`` or more,
    the snapshot of its current version (``queries.snapshot``: mapped from beside the store, built when
    missing); else the cached in-memory index."""
    if isinstance(store, SupportsView):
        return store.view()
    from graph.embedded import EmbeddedStore

    if isinstance(store, EmbeddedStore) and store.relation_count_hint() >= SNAPSHOT_MIN_RELATIONS:
        from queries.snapshot import embedded_view

        return embedded_view(store.path, store.version())
    from queries.index import get_index

    return get_index(store)
