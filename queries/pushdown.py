"""Hooks through which a backend may run the expensive part of a query natively.

Query semantics live in ``queries``; what a backend can push down is
*candidate extraction*: the filtered tie subgraph within a hop radius of some
entities (paths, partners, brokers) and the member set of a region. Ranking,
diversity and explanations always run here in Python on what the hook returns,
and the exact filter (``queries.ties.TieFilter``) is applied again, so a backend
may return a superset but never a different answer.

A store that implements a protocol below (structurally: just the method) is
asked through it; any other store is served by ``queries.index.GraphIndex``,
built from ``store.rows()`` and cached by ``store.version()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Protocol, runtime_checkable

from graph.model import Batch
from graph.rows import GraphRows
from graph.store import Store
from queries.index import get_index
from queries.ties import TieFilter, TieGraph


@runtime_checkable
class SupportsTieSubgraph(Protocol):
    def tie_subgraph(
        self,
        ids: Sequence[str],
        hops: int,
        types: Collection[str],
        as_of: dt.date | None,
        min_confidence: float,
    ) -> Batch:
        """Entities within ``hops`` steps of any of ``ids`` (a step is a tie between
        actors, or two ties through an agreement or event) over relations of
        ``types`` valid on ``as_of`` with confidence at least ``min_confidence``
        (evidence published later still counts); plus every such relation among them and the
        sources they cite. ``hops=0`` with many ids gives their induced subgraph.
        Semantics: ``queries.index.GraphIndex.tie_subgraph``."""
        ...


@runtime_checkable
class SupportsRegionMembers(Protocol):
    def region_members(self, place_id: str) -> dict[str, str]:
        """{entity id: why} for everything inside a place.
        Semantics: ``queries.index.GraphIndex.region_members``."""
        ...


def tie_subgraph(
    store: Store,
    ids: Sequence[str],
    hops: int,
    types: Collection[str],
    as_of: dt.date | None,
    min_confidence: float,
) -> GraphRows:
    """Candidate extraction, natively when the store can, else from the index."""
    if isinstance(store, SupportsTieSubgraph):
        return GraphRows.of(store.tie_subgraph(ids, hops, types, as_of, min_confidence))
    return get_index(store).tie_subgraph(ids, hops, types, as_of, min_confidence)


def path_candidates(store: Store, ids: Sequence[str], hops: int, rule: TieFilter) -> TieGraph:
    """The weighted tie graph a path search runs on.

    A native backend extracts the hop-limited candidate subgraph; the
    in-memory fallback hands out its cached whole graph instead (cheaper than
    extracting per query). Both give the same paths, since the search prunes
    to nodes on some A-B walk within the hop limit, all of which lie inside
    the extracted radius.
    """
    if isinstance(store, SupportsTieSubgraph):
        batch = store.tie_subgraph(ids, hops, rule.types, rule.as_of, rule.min_confidence)
        return TieGraph.of_batch(batch, rule)
    return get_index(store).tie_graph(rule)


def region_members(store: Store, place_id: str) -> dict[str, str]:
    if isinstance(store, SupportsRegionMembers):
        return store.region_members(place_id)
    return get_index(store).region_members(place_id)
