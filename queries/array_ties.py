"""The whole tie graph of a big embedded store, read from arrays instead of held as networkx objects.

Why: a networkx tie graph of a million relations holds a dict per node, a dict per edge and a
row per relation with its evidence: about 750 MB in every process that serves the store. The
same graph is already on disk as arrays: the view snapshot (``queries.snapshot``: every
relation's ends, type and evidence, adjacency in relation-id order) and the search arrays
(``queries.search_file``: each tie's half steps, step weight and each node's hub penalty, for
the default filter and today). ``ArrayTieGraph`` answers what walks ask of a tie graph from
them: a node's neighbours are listed when a walk reads them, an edge's relations and strength
are made when a walk reads them, and both are kept in bounded caches. Walks and searches see
the nodes, neighbours (in the whole graph's order), weights and relations of the whole tie
graph, so their answers are identical; nothing is reached frontier by frontier.

Only the default filter (introduction ties, no date, no confidence floor) is held this way: it
is the one the search arrays are built for. Other filters grow their tie graph from the view.
``tie_snapshot`` gives brokers the same ties as an igraph graph with their lengths, computed
column by column from the snapshot with the same arithmetic as ``relation_strength``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast, overload

import networkx as nx
import numpy as np

from graph.model import EntityType
from graph.registry import MEETING_POINTS, TIE_TYPES
from graph.rows import EntityRow, RelationRow
from queries import ranking
from queries.ties import (
    MIN_STRENGTH,
    Decay,
    Snapshot,
    TieFilter,
    TieGraph,
    edge_attributes,
    relation_strength,
    type_strength,
)

if TYPE_CHECKING:
    from queries.search import TieArrays
    from queries.snapshot import Array, SnapshotView

WEIGHT_KEY = "step_weight"  # as ``queries.paths.WEIGHT_KEY``: a tie's -log(strength) as a step
NEIGHBOUR_CACHE = 400_000  # neighbour entries kept listed; beyond it the cache starts again
EDGE_CACHE = 200_000  # edges whose data is kept made
_TYPES = list(EntityType)


class _EdgeData(dict[str, Any]):
    """An edge's data: half steps, step cost and step weight at once; ``weight`` and ``info`` (its
    relations, strongest first) made on first read."""

    def __init__(self, graph: ArrayGraph, i: int, j: int, values: dict[str, Any]) -> None:
        super().__init__(values)
        self._graph, self._ends = graph, (i, j)

    def __missing__(self, key: str) -> Any:
        if key not in ("weight", "info"):
            raise KeyError(key)
        self.update(self._graph.attributes(*self._ends))
        return self[key]


class _Neighbours(Mapping[str, _EdgeData]):
    """One node's neighbours in the whole graph's order (by the lowest id of the relations joining
    them), each with its edge data."""

    def __init__(self, graph: ArrayGraph, i: int, ids: list[str], others: list[int], edges: list[int],
                 relations: Array, ends: Array) -> None:
        self._graph, self._i = graph, i
        self._ids = ids
        self._at = {n: (j, e) for n, j, e in zip(ids, others, edges, strict=True)}
        # The node's ties (relation indices) grouped by their other end, in relation-id order within one.
        by_end = np.argsort(ends, kind="stable")
        self._relations, self._ends = relations[by_end], ends[by_end]

    def relations_to(self, j: int) -> Array:
        """Indices of the node's ties whose other end is ``j``, in relation-id order."""
        lo, hi = np.searchsorted(self._ends, [j, j + 1])
        return self._relations[lo:hi]

    def __getitem__(self, node: str) -> _EdgeData:
        j, e = self._at[node]
        return self._graph.edge_data(self._i, j, e)

    def __contains__(self, node: object) -> bool:
        return node in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _Adjacency(Mapping[str, _Neighbours]):
    def __init__(self, graph: ArrayGraph) -> None:
        self._graph = graph

    def __getitem__(self, node: str) -> _Neighbours:
        i = self._graph.view._index(node)
        if i is None:
            raise KeyError(node)
        return self._graph.neighbours(i)

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self._graph.view._index(node) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._graph)

    def __len__(self) -> int:
        return len(self._graph)


class _Edges:
    def __init__(self, adjacency: _Adjacency) -> None:
        self._adj = adjacency

    def __getitem__(self, pair: tuple[str, str]) -> _EdgeData:
        return self._adj._graph.edge(*pair)


class ArrayGraph:
    """The read side of ``networkx.Graph`` that walks use (membership, iteration, ``adj``/``_adj``,
    ``[node]``, ``edges[u, v]``, ``degree``, ``has_edge``, ``number_of_edges``) over the arrays."""

    def __init__(self, view: SnapshotView, arrays: TieArrays, reference: dt.date) -> None:
        self.view, self.arrays, self.reference = view, arrays, reference
        a = view.a
        self._tie = view._type_mask(TIE_TYPES)
        meeting = [_TYPES.index(t) for t in MEETING_POINTS]
        self.meeting: Array = np.isin(a["entity_type"], meeting)
        self._decay = Decay(view.get_sources(view._source_ids), reference)
        self._neighbours: dict[int, _Neighbours] = {}
        self.meeting_of: dict[str, bool] = {}  # whether a listed neighbour is a meeting point (walks ask often)
        self._listed = 0
        self._edges: dict[tuple[int, int], _EdgeData] = {}
        self._adj = self.adj = _Adjacency(self)
        self.edges = _Edges(self._adj)

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self.view._index(node) is not None

    def __iter__(self) -> Iterator[str]:
        return (raw.decode("ascii") for raw in self.view.a["entity_id"].tolist())

    def __len__(self) -> int:
        return len(self.view.a["entity_id"])

    def __getitem__(self, node: str) -> _Neighbours:
        return self._adj[node]

    def degree(self, node: str) -> int:
        i = self.view._index(node)
        if i is None:
            raise KeyError(node)
        ptr = self.arrays.ptr
        return int(ptr[i + 1] - ptr[i])

    def has_edge(self, u: str, v: str) -> bool:
        return u in self._adj and v in self._adj[u]

    def number_of_edges(self) -> int:
        return len(self.arrays.nbr) // 2

    def neighbours(self, i: int) -> _Neighbours:
        found = self._neighbours.get(i)
        if found is not None:
            return found
        a = self.view.a
        ptr = a["adjacency_ptr"]
        relations = a["adjacency"][ptr[i] : ptr[i + 1]]  # in relation-id order
        relations = relations[self._tie[a["relation_type"][relations]]]
        ends = a["relation_ends"][relations]
        others = np.where(ends[:, 0] == i, ends[:, 1], ends[:, 0])
        unique, first = np.unique(others, return_index=True)
        ordered = unique[np.argsort(first)]
        # Each neighbour's edge in the search arrays (the same ties, listed in their own order).
        lo, hi = int(self.arrays.ptr[i]), int(self.arrays.ptr[i + 1])
        listed = self.arrays.nbr[lo:hi]
        sorter = np.argsort(listed, kind="stable")
        edges = lo + sorter[np.searchsorted(listed, ordered, sorter=sorter)]
        ids = [raw.decode("ascii") for raw in a["entity_id"][ordered].tolist()]
        found = _Neighbours(self, i, ids, ordered.tolist(), edges.tolist(), relations, others)
        if self._listed > NEIGHBOUR_CACHE:
            self._neighbours.clear()  # bounded: lists asked for again are made again
            self.meeting_of.clear()
            self._listed = 0
        self.meeting_of.update(zip(ids, self.meeting[ordered].tolist(), strict=True))
        self.view._positions.update(zip(ids, ordered.tolist(), strict=True))  # their ids are looked up next
        self._neighbours[i] = found
        self._listed += len(ids)
        return found

    def edge(self, u: str, v: str) -> _EdgeData:
        """The data of edge u-v, found in u's row of the search arrays (no neighbour list made)."""
        i, j = self.view._index(u), self.view._index(v)
        if i is None or j is None:
            raise KeyError((u, v))
        found = self._edges.get((i, j) if i <= j else (j, i))
        if found is not None:
            return found
        lo, hi = int(self.arrays.ptr[i]), int(self.arrays.ptr[i + 1])
        hits = np.flatnonzero(self.arrays.nbr[lo:hi] == j)
        if not len(hits):
            raise KeyError((u, v))
        return self.edge_data(i, j, lo + int(hits[0]))

    def _between(self, i: int, j: int) -> Array:
        """Indices of the ties joining i and j, in relation-id order."""
        listed = self._neighbours.get(i)
        if listed is not None:
            return listed.relations_to(j)
        a = self.view.a
        ptr = a["adjacency_ptr"]
        relations: Array = a["adjacency"][ptr[i] : ptr[i + 1]]
        ends = a["relation_ends"][relations]
        keep = self._tie[a["relation_type"][relations]] & (np.where(ends[:, 0] == i, ends[:, 1], ends[:, 0]) == j)
        found: Array = relations[keep]
        return found

    def edge_data(self, i: int, j: int, e: int) -> _EdgeData:
        key = (i, j) if i <= j else (j, i)
        found = self._edges.get(key)
        if found is None:
            if len(self._edges) > EDGE_CACHE:
                self._edges.clear()
            arrays = self.arrays
            found = self._edges[key] = _EdgeData(self, i, j, {
                "half": 1 if self.meeting[i] or self.meeting[j] else 2,
                ranking.STEPS_KEY: int(arrays.cost[e]),
                WEIGHT_KEY: float(arrays.weight[e]),
            })
        return found

    def attributes(self, i: int, j: int) -> dict[str, object]:
        """``weight``, ``half`` and ``info`` of the edge i-j as the whole tie graph builds them."""
        rows = self.view._relations(self._between(i, j))
        meeting = bool(self.meeting[i] or self.meeting[j])
        strengths = [(rel, relation_strength(rel, self._decay, self.reference, meeting)) for rel in rows]
        return edge_attributes(strengths, meeting)


    def _pair_relations(self, pairs: list[tuple[str, str]]) -> tuple[Array, list[tuple[int, int]]]:
        """The ties of each pair (relation indices, id order within a pair) and each pair's (start, count)
        in them. A pair is looked up from an end whose neighbours are listed already (else the end with
        fewer ties), all pairs of one end at once."""
        index, listed, ptr = self.view._index, self._neighbours, self.arrays.ptr
        groups: dict[int, tuple[list[int], list[int]]] = {}
        for p, (u, v) in enumerate(pairs):
            i = index(u)
            near = listed.get(i) if i is not None else None
            if near is not None and v in near._at:  # (the other end's index is at hand)
                j: int | None = near._at[v][0]
            else:
                j = index(v)
            if i is None or j is None:
                raise KeyError((u, v))
            if near is None and (j in listed or int(ptr[j + 1] - ptr[j]) < int(ptr[i + 1] - ptr[i])):
                i, j = j, i
            positions, others = groups.setdefault(i, ([], []))
            positions.append(p)
            others.append(j)
        spans: list[tuple[int, int]] = [(0, 0)] * len(pairs)
        picked: list[Array] = []
        total = 0
        for i, (positions, others) in groups.items():
            found = self.neighbours(i)
            ends = np.asarray(others)
            lo, hi = np.searchsorted(found._ends, ends, "left"), np.searchsorted(found._ends, ends, "right")
            lengths = hi - lo
            picked.append(found._relations[np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
                                           + np.arange(int(lengths.sum()))])
            for p, count in zip(positions, lengths.tolist(), strict=True):
                spans[p] = (total, count)
                total += count
        return (np.concatenate(picked) if picked else np.zeros(0, dtype=np.int64)), spans

    def relation_facts(
        self, pairs: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[set[str], set[str], set[str]]]:
        """(relation ids, source ids, relation types) of each edge in ``pairs``, read from the columns."""
        pairs = list(pairs)
        picked, spans = self._pair_relations(pairs)
        view, a = self.view, self.view.a
        ids = [raw.decode("ascii") for raw in a["relation_id"][picked].tolist()]
        types = [view._rel_types[code] for code in a["relation_type"][picked].tolist()]
        ev_ptr = a["evidence_ptr"]
        starts, lengths = ev_ptr[picked], ev_ptr[picked + 1] - ev_ptr[picked]
        items = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
        sources = [view._source_ids[code] for code in a["evidence_source"][items].tolist()]
        bounds = [0, *np.cumsum(lengths).tolist()]
        return {pair: (set(ids[start : start + count]), set(sources[bounds[start] : bounds[start + count]]),
                       set(types[start : start + count]))
                for pair, (start, count) in zip(pairs, spans, strict=True)}


class _Entities(Mapping[str, EntityRow]):
    """Every entity of the snapshot (with no date every entity is usable), rows made when read."""

    def __init__(self, view: SnapshotView) -> None:
        self._view = view

    def __getitem__(self, entity_id: str) -> EntityRow:
        i = self._view._index(entity_id)
        if i is None:
            raise KeyError(entity_id)
        return self._view._entity(i)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self._view._index(entity_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (raw.decode("ascii") for raw in self._view.a["entity_id"].tolist())

    def __len__(self) -> int:
        return len(self._view.a["entity_id"])


class ArrayTieGraph(TieGraph):
    """The whole tie graph of the default filter over the snapshot and the search arrays."""

    def __init__(self, view: SnapshotView, arrays: TieArrays, reference: dt.date) -> None:
        graph = ArrayGraph(view, arrays, reference)
        # The walks read a tie graph through the networkx read API and a mapping of entities:
        # both are answered from the arrays (the types name what they stand in for).
        super().__init__(cast(dict[str, EntityRow], _Entities(view)), dict(graph._decay.sources),
                         cast(nx.Graph, graph), reference)
        self.array_graph = graph
        self.memo["ties"] = graph.number_of_edges()
        self.memo["search"] = arrays

    def relation_facts(
        self, pairs: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[set[str], set[str], set[str]]]:
        return self.array_graph.relation_facts(pairs)

    def is_meeting(self, node: str) -> bool:
        found = self.array_graph.meeting_of.get(node)
        if found is not None:
            return found
        i = self.array_graph.view._index(node)
        if i is None:
            raise KeyError(node)
        return bool(self.array_graph.meeting[i])


def array_tie_graph(view: SnapshotView, rule: TieFilter) -> ArrayTieGraph | None:
    """The view's whole tie graph for ``rule`` from arrays, one per view and day; None unless ``rule``
    is the default filter and the store is big enough to have search arrays."""
    from queries.search_file import default_rule

    if rule != default_rule() or view.store_path is None:
        return None
    day = dt.date.today()
    found = view.memo.get("array_tie_graph")
    if isinstance(found, tuple) and found[0] == day:
        return cast(ArrayTieGraph, found[1])
    from queries.paths import ARRAY_SEARCH_MIN_TIES
    from queries.search_file import search_arrays

    arrays = search_arrays(view, view.store_path, ARRAY_SEARCH_MIN_TIES)
    if arrays is None:
        return None
    tg = ArrayTieGraph(view, arrays, day)
    view.memo["array_tie_graph"] = (day, tg)
    return tg


def relation_strengths(view: SnapshotView, relations: Array, half: Array, decay: Decay) -> Array:
    """``relation_strength`` of each relation (``half``: as one half of a meeting step), column by column
    with the same floating-point operations: each relation's type strength times its best evidence
    (confidence times the age decay of its document, the square root of it for a half)."""
    a = view.a
    key = f"decay:{decay.reference.isoformat()}"
    factor = view.memo.get(key)
    if not isinstance(factor, np.ndarray):  # one number per source document and day
        factor = view.memo[key] = np.array([decay(s) for s in view._source_ids] or [1.0], dtype=np.float64)
    ev_ptr = a["evidence_ptr"]
    starts, lengths = ev_ptr[relations], ev_ptr[relations + 1] - ev_ptr[relations]
    offsets = np.cumsum(lengths) - lengths
    items = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
    item_factor = factor[a["evidence_source"][items]]
    item_factor = np.where(np.repeat(half, lengths), np.sqrt(item_factor), item_factor)
    value = a["evidence_confidence"][items] * item_factor
    best = np.zeros(len(relations), dtype=np.float64)
    has = lengths > 0
    if has.any():
        best[has] = np.maximum(0.0, np.maximum.reduceat(value, offsets[has]))
    type_of = np.array([type_strength(t) for t in view._rel_types] or [0.0])
    found: Array = np.maximum(MIN_STRENGTH, type_of[a["relation_type"][relations]] * best)
    return found


class RankedRelations(Sequence[tuple[float, str, RelationRow]]):
    """One node's relations as (strength, other end, relation) in a given order, kept as indices and
    strengths; rows made a few at a time as they are read (a hub's list is read from its start)."""

    CHUNK = 32

    def __init__(self, view: SnapshotView, node: str, relations: Array, strengths: Array) -> None:
        self._view, self._node = view, node
        self._relations, self._strengths = relations, strengths

    def __len__(self) -> int:
        return len(self._relations)

    @overload
    def __getitem__(self, k: int) -> tuple[float, str, RelationRow]: ...

    @overload
    def __getitem__(self, k: slice) -> list[tuple[float, str, RelationRow]]: ...

    def __getitem__(
        self, k: int | slice
    ) -> tuple[float, str, RelationRow] | list[tuple[float, str, RelationRow]]:
        if isinstance(k, slice):
            return self._made(self._relations[k], self._strengths[k])
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        return self._made(self._relations[k : k + 1 or None], self._strengths[k : k + 1 or None])[0]

    def __iter__(self) -> Iterator[tuple[float, str, RelationRow]]:
        for start in range(0, len(self), self.CHUNK):
            end = start + self.CHUNK
            yield from self._made(self._relations[start:end], self._strengths[start:end])

    def _made(self, relations: Array, strengths: Array) -> list[tuple[float, str, RelationRow]]:
        node = self._node
        return [(strength, rel.target if rel.source == node else rel.source, rel)
                for strength, rel in zip(strengths.tolist(), self._view._relations(relations), strict=True)]


def ranked_relations(
    view: SnapshotView, nodes: Sequence[str], types: Collection[str], reference: dt.date
) -> dict[str, RankedRelations]:
    """Each node's relations of ``types`` with their strengths on ``reference``, ties before context,
    stronger first, then by id (the order the neighbourhood's fan-out cap keeps them)."""
    a = view.a
    index = [(node, i) for node in nodes if (i := view._index(node)) is not None]
    ptr = a["adjacency_ptr"]
    where = np.array([i for _, i in index], dtype=np.int64)
    starts, lengths = ptr[where], ptr[where + 1] - ptr[where]
    relations = a["adjacency"][np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
                               + np.arange(int(lengths.sum()))].astype(np.int64)
    owner = np.repeat(np.arange(len(index)), lengths)
    keep = view._type_mask(types)[a["relation_type"][relations]]
    relations, owner = relations[keep], owner[keep]
    strength = relation_strengths(view, relations, np.zeros(len(relations), dtype=bool),
                                  Decay(view.get_sources(view._source_ids), reference))
    context = ~view._type_mask(TIE_TYPES)[a["relation_type"][relations]]
    order = np.lexsort((relations, -strength, context, owner))
    relations, strength, owner = relations[order], strength[order], owner[order]
    bounds = np.searchsorted(owner, np.arange(len(index) + 1))
    found = {node: RankedRelations(view, node, relations[lo:hi], strength[lo:hi])
             for (node, _), lo, hi in zip(index, bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)}
    return {node: found.get(node, RankedRelations(view, node, relations[:0], strength[:0])) for node in nodes}


def tie_snapshot(tg: ArrayTieGraph) -> tuple[Snapshot, list[float]]:
    """The tied nodes and ties as igraph (``queries.ties.snapshot`` of the whole tie graph: nodes in
    id order, edges in networkx's order) and each tie's length ``1 - ln(strength)`` as brokers count it.

    Strengths come column by column: each relation's type strength times its best evidence
    (confidence times age decay, the square root of it for a half of a meeting step), the strongest
    relation of each pair deciding, with the same floating-point operations as ``relation_strength``.
    """
    import igraph as ig

    graph = tg.array_graph
    view, a = graph.view, graph.view.a
    relations = np.flatnonzero(graph._tie[a["relation_type"]])
    ends = a["relation_ends"][relations].astype(np.int64)
    u, v = ends[:, 0], ends[:, 1]
    half = graph.meeting[u] | graph.meeting[v]
    strength = relation_strengths(view, relations, half, graph._decay)
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    # One edge per pair: its strongest relation decides; edges in the order networkx lists them
    # (by lower end, then by the first relation joining the pair).
    order = np.lexsort((relations, hi, lo))
    lo, hi, strength, first_rel = lo[order], hi[order], strength[order], relations[order]
    new = np.ones(len(lo), dtype=bool)
    new[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    heads = np.flatnonzero(new)
    pair_lo, pair_hi, pair_first = lo[heads], hi[heads], first_rel[heads]
    pair_strength = np.maximum.reduceat(strength, heads) if len(heads) else strength[:0]
    listed = np.lexsort((pair_first, pair_lo))
    pair_lo, pair_hi, pair_strength = pair_lo[listed], pair_hi[listed], pair_strength[listed]
    count = len(a["entity_id"])
    tied = np.zeros(count, dtype=bool)
    tied[pair_lo] = True
    tied[pair_hi] = True
    position = np.cumsum(tied) - 1
    nodes = [raw.decode("ascii") for raw in a["entity_id"][tied].tolist()]
    lengths_out = [1.0 + -math.log(s) for s in pair_strength.tolist()]
    # Edges handed over one pair at a time: a list of a million pairs would cost a hundred megabytes.
    edges = zip(position[pair_lo].tolist(), position[pair_hi].tolist(), strict=True)
    snap = Snapshot(nodes, {n: i for i, n in enumerate(nodes)}, ig.Graph(n=len(nodes), edges=edges))
    return snap, lengths_out
