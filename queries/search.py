"""The fewest-step search over a whole tie graph held as integer arrays.

Why: the search in ``queries.ranking.fewest_steps_dag`` walks a dict-of-dicts graph one
neighbour at a time. Moving inside an actor costs no step, so reaching a big body settles
all its units and staff at once and a frontier of a million-relation graph holds tens of
thousands of ties; in Python that is a tenth of a second per question. Here the same
search runs level by level over CSR arrays (numpy), a whole frontier per operation.

It answers exactly what ``fewest_steps_dag`` answers — the union of all a–b paths with
the fewest half steps, and that number — under the same rules (ends, passable nodes,
usable edges, seed moves from an end); ``tests/test_search_kernel.py`` checks both on
every pair of the seed and of a synthetic graph. It serves views that hold the whole tie
graph; a tie graph grown frontier by frontier (Neo4j, a cold snapshot) keeps the
dict-based search, which asks the view only for what it visits.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from queries import ranking

Array = npt.NDArray[Any]
_FAR = np.int32(2**30)


@dataclass(frozen=True)
class TieArrays:
    """A tie graph as CSR arrays: ``nbr[ptr[i]:ptr[i+1]]`` are node i's neighbours in the
    graph's own order, ``cost`` each edge's half steps (0 inside one actor, 1 into or out of
    a meeting point, 2 a direct tie); ``blocked`` marks nodes that never stand between the
    ends (countries)."""

    ids: Sequence[str]
    index: Mapping[str, int]
    ptr: Array
    nbr: Array
    cost: Array
    weight: Array  # each edge's -log(strength) as a step
    penalty: Array  # each node's hub penalty as an intermediary (0 for meeting points)
    rank: Array  # each node's place in id order
    blocked: Array

    @classmethod
    def build(
        cls, ids: list[str], edges: Iterable[tuple[str, str, int, float]], penalty: Callable[[str], float],
        blocked: Callable[[str], bool],
    ) -> TieArrays:
        """From a graph's nodes, its edges once each as (u, v, half steps, weight) and each node's
        hub penalty. Compact columns while reading: a million edges stay a few dozen megabytes."""
        index = {n: i for i, n in enumerate(ids)}
        us, vs, costs, weights = array("q"), array("q"), array("b"), array("d")
        for source, target, half_steps, step_weight in edges:
            us.append(index[source])
            vs.append(index[target])
            costs.append(half_steps)
            weights.append(step_weight)
        u, v = np.frombuffer(us, dtype=np.int64), np.frombuffer(vs, dtype=np.int64)
        ends = np.concatenate((u, v))
        order = np.argsort(ends, kind="stable")
        ptr = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(ends, minlength=len(ids)), out=ptr[1:])
        cost = np.frombuffer(costs, dtype=np.int8)
        weight = np.frombuffer(weights, dtype=np.float64)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
        return cls(
            ids, index, ptr, np.concatenate((v, u))[order].astype(np.int32), np.concatenate((cost, cost))[order],
            np.concatenate((weight, weight))[order],
            np.fromiter((penalty(n) for n in ids), dtype=np.float64, count=len(ids)), rank,
            np.fromiter((blocked(n) for n in ids), dtype=bool, count=len(ids)),
        )

    def gather(self, nodes: Array) -> tuple[Array, Array]:
        """(position of each edge's source in ``nodes``, edge index) for every edge of ``nodes``."""
        starts = self.ptr[nodes]
        lengths = self.ptr[nodes + 1] - starts
        owner = np.repeat(np.arange(len(nodes)), lengths)
        return owner, self.edges_of(starts, lengths)

    def edges_of(self, starts: Array, lengths: Array) -> Array:
        """Edge indices of the CSR rows starting at ``starts`` with ``lengths`` (one pass each)."""
        shift = starts - (np.cumsum(lengths) - lengths)
        return np.repeat(shift, lengths) + np.arange(int(lengths.sum()))

    def passable(self, countries: bool, closed: Sequence[int] = ()) -> Array:
        """Which nodes may stand between the ends: not countries (unless ``countries``), not ``closed``."""
        found = np.ones(len(self.ids), dtype=bool) if countries else ~self.blocked
        found[list(closed)] = False
        return found

    def edge_positions(self, pairs: Sequence[tuple[str, str]]) -> Array:
        """Edge indices (both directions) of node pairs that are edges."""
        found: list[int] = []
        for u, v in pairs:
            iu, iv = self.index.get(u), self.index.get(v)
            if iu is None or iv is None:
                continue
            for x, y in ((iu, iv), (iv, iu)):
                lo, hi = int(self.ptr[x]), int(self.ptr[x + 1])
                found.extend((lo + np.flatnonzero(self.nbr[lo:hi] == y)).tolist())
        return np.asarray(found, dtype=np.int64)


@dataclass
class Union:
    """The union of all fewest-step paths between two nodes, as the search left it."""

    arrays: TieArrays
    a: int
    b: int
    total: int  # half steps of every path in it
    x: Array  # its node pairs, each once, lower index first
    y: Array
    edge: Array  # the edge index of each pair (-1: a seed move, no graph edge)
    nodes: Array  # its nodes, in index order
    level: Array  # each node's half steps from a on every path through it (aligned with ``nodes``)
    levels: Array | None = field(default=None, repr=False)  # ``level`` by node index, made when first asked

    def level_of(self, nodes: Array) -> Array:
        if self.levels is None:  # looked up by index: the union may hold tens of thousands of nodes
            self.levels = np.full(len(self.arrays.ids), -1, dtype=np.int64)
            self.levels[self.nodes] = self.level
        return self.levels[nodes]

    def pairs(self) -> list[tuple[str, str]]:
        ids = self.arrays.ids
        return sorted((ids[x], ids[y]) for x, y in zip(self.x.tolist(), self.y.tolist(), strict=True))

    def free(
        self, own: Callable[[str], bool], at_ends: bool, prime: Callable[[list[str]], None] | None = None
    ) -> set[int]:
        """Nodes of the union that would carry a hub penalty but are ``own`` (the ends' actors).

        ``at_ends``: nothing was closed, so every member of an end's actor is reached from that end
        at no step (level 0 or the last level) and only those nodes need asking."""
        nodes = self.nodes[self.arrays.penalty[self.nodes] > 0]
        if at_ends:
            at = self.level_of(nodes)
            nodes = nodes[(at == 0) | (at == self.total)]
        ids = self.arrays.ids
        asked = nodes.tolist()
        if prime is not None:  # ``own`` of them all answered together first
            prime([ids[n] for n in asked])
        return {n for n in asked if own(ids[n])}

    def best(
        self, free: Collection[int], move_weight: Callable[[int, int], float], limit: int
    ) -> list[tuple[float, list[str]]]:
        """The ``limit`` strongest paths in the union, in the stable order: ``queries.ranking.ranked``
        on arrays.

        An edge weighs its ``weight`` plus half the hub penalty of each end; nodes in ``free``
        (the ends' own actors) carry none. A seed move (no graph edge) is a whole step weighing
        ``move_weight(x, y)``.
        """
        arrays = self.arrays
        x, y, index = self.x, self.y, self.edge
        level_x, level_y = self.level_of(x), self.level_of(y)
        tie = index >= 0
        weight = np.zeros(len(x), dtype=np.float64)
        cost = np.full(len(x), 2, dtype=np.int64)
        px, py = arrays.penalty[x], arrays.penalty[y]
        if len(free):
            zero = np.fromiter(free, dtype=np.int64, count=len(free))
            px = np.where(np.isin(x, zero), 0.0, px)
            py = np.where(np.isin(y, zero), 0.0, py)
        weight[tie] = arrays.weight[index[tie]] + (px[tie] + py[tie]) / 2
        cost[tie] = arrays.cost[index[tie]]
        for i in np.flatnonzero(~tie).tolist():
            weight[i] = move_weight(int(x[i]), int(y[i]))
        # Forward edges: those a fewest-step path walks (its level grows by the edge's half steps).
        ahead_xy = level_y == level_x + cost
        ahead_yx = level_x == level_y + cost
        u = np.concatenate((x[ahead_xy], y[ahead_yx]))
        v = np.concatenate((y[ahead_xy], x[ahead_yx]))
        w = np.concatenate((weight[ahead_xy], weight[ahead_yx]))
        c = np.concatenate((cost[ahead_xy], cost[ahead_yx]))
        nodes = _distinct(np.concatenate((u, v, [self.a, self.b])), len(arrays.ids))
        local = np.empty(len(arrays.ids), dtype=np.int64)  # node index -> its place in ``nodes``
        local[nodes] = np.arange(len(nodes))
        iu, iv = local[u], local[v]
        ia, ib = int(local[self.a]), int(local[self.b])
        at = self.level_of(nodes)
        rest = _lightest(len(nodes), iu, iv, w, c, at[iu], self.total, ib, towards=True)
        if not np.isfinite(rest[ia]):
            return []
        start = _lightest(len(nodes), iv, iu, w, c, at[iv], self.total, ia, towards=False)
        # Only edges of paths light enough to rank can be used: widen until the limit is reached
        # with room to spare (a path's every edge has start + weight + rest at most its weight).
        slack = start[iu] + w + rest[iv] - rest[ia]
        ids, rank = arrays.ids, arrays.rank
        margin = 1e-6 if limit == 1 else 0.5
        reach = np.isfinite(rest)
        while True:
            keep = slack <= margin
            # The bounds the search reads: those of a and of the kept edges' far ends.
            asked = np.unique(np.concatenate((iv[keep], [ia])))
            asked = asked[reach[asked]]
            bound = dict(zip(nodes[asked].tolist(), rest[asked].tolist(), strict=True))
            forward: dict[int, list[tuple[int, int, float]]] = {}  # node -> (rank of next, next, weight)
            for p, q, weight_pq in zip(
                nodes[iu[keep]].tolist(), nodes[iv[keep]].tolist(), w[keep].tolist(), strict=True
            ):
                forward.setdefault(p, []).append((int(rank[q]), q, weight_pq))
            found = ranking.best_paths(self.a, self.b, forward, bound, limit)
            if bool(keep.all()) or (len(found) == limit and found[-1][0] - rest[ia] < margin - 1e-7):
                return [(weight_p, [ids[i] for i in path]) for weight_p, path in found]
            margin *= 8


def _lightest(
    count: int, frm: Array, to: Array, weight: Array, cost: Array, frm_level: Array, total: int, end: int,
    towards: bool,
) -> Array:
    """The lightest weight between every node and ``end`` over layered edges ``frm`` -> ``to`` (local
    indices): level by level away from ``end`` (``towards``: the edges lead to it), repeating a
    level's zero-step edges until nothing changes. Same sums as Dijkstra (weight plus the
    neighbour's lightest), so the same values."""
    best = np.full(count, np.inf)
    best[end] = 0.0
    order = np.argsort(frm_level, kind="stable")  # each level's edges, once, in a slice
    frm, to, weight, cost, frm_level = frm[order], to[order], weight[order], cost[order], frm_level[order]
    cuts = np.searchsorted(frm_level, np.arange(total + 2)).tolist()
    levels = range(total, -1, -1) if towards else range(total + 1)
    for lv in levels:
        lo, hi = cuts[lv], cuts[lv + 1]
        if lo == hi:
            continue
        f, t, w, c = frm[lo:hi], to[lo:hi], weight[lo:hi], cost[lo:hi]
        step = c > 0
        if step.any():
            np.minimum.at(best, f[step], w[step] + best[t[step]])
        flat = ~step
        if flat.any():
            f, t, fw = f[flat], t[flat], w[flat]
            while True:
                before = best[f].copy()
                np.minimum.at(best, f, fw + best[t])
                if np.array_equal(before, best[f]):
                    break
    return best


def _distinct(nodes: Array, count: int) -> Array:
    """``np.unique`` of node indices below ``count``: a big set is marked on a table, not sorted."""
    if len(nodes) < 2048:
        return np.unique(nodes)
    table = np.zeros(count, dtype=bool)
    table[nodes] = True
    return np.flatnonzero(table)


@dataclass
class _Side:
    end: int
    dist: Array
    settled: Array
    buckets: dict[int, list[Array]]
    order: list[Array] = field(default_factory=list)  # the nodes settled, level by level

    def next_level(self) -> int | None:
        pending = [lv for lv, parts in self.buckets.items() if any(len(p) for p in parts)]
        return min(pending) if pending else None


def fewest_steps_union(
    arrays: TieArrays,
    a: str,
    b: str,
    max_half: int,
    passable: Array,
    seeds: Mapping[str, Mapping[str, int]] | None = None,
    closed_edges: Array | None = None,
) -> Union | None:
    """All edges of the a–b paths with the fewest half steps, and that number.

    ``passable[i]`` says whether node i may stand between the ends; ``closed_edges`` are edge
    indices the paths may not use; ``seeds[end]`` adds extra first moves from an end
    ({node: half steps}, e.g. a place to the organisations located in it). Same rules and
    answer as ``queries.ranking.fewest_steps_dag``; see there for the search.
    """
    ia, ib = arrays.index.get(a), arrays.index.get(b)
    if ia is None or ib is None or ia == ib:
        return None
    n = len(arrays.ids)
    open_edge = None
    if closed_edges is not None and len(closed_edges):
        open_edge = np.ones(len(arrays.nbr), dtype=bool)
        open_edge[closed_edges] = False
    extra = seeds or {}
    sides: list[_Side] = []
    for end_id, end in ((a, ia), (b, ib)):
        dist = np.full(n, _FAR, dtype=np.int32)
        dist[end] = 0
        buckets: dict[int, list[Array]] = {0: [np.array([end], dtype=np.int64)]}
        for node, cost in sorted(extra.get(end_id, {}).items()):
            i = arrays.index.get(node)
            if i is None or i == end or cost >= dist[i]:
                continue
            dist[i] = cost
            buckets.setdefault(cost, []).append(np.array([i], dtype=np.int64))
        sides.append(_Side(end, dist, np.zeros(n, dtype=bool), buckets))
    best = int(_FAR)
    # Nodes that may be walked into: passable ones and both ends.
    enterable = passable.copy()
    enterable[ia] = enterable[ib] = True

    def settle(which: int) -> None:
        nonlocal best
        side, other = sides[which], sides[1 - which]
        level = side.next_level()
        if level is None:
            return
        parts = side.buckets.pop(level)
        current = _distinct(np.concatenate(parts), n)
        current = current[(side.dist[current] == level) & ~side.settled[current]]
        while len(current):
            side.settled[current] = True
            side.order.append(current)
            met = other.dist[current]
            if len(met):
                best = min(best, level + int(met.min()))
            # Walk on from the nodes this side may pass through: its own end and passable nodes, never the other end.
            walk = current[(current != other.end) & ((current == side.end) | passable[current])]
            starts = arrays.ptr[walk]
            edges = arrays.edges_of(starts, arrays.ptr[walk + 1] - starts)
            targets = arrays.nbr[edges]
            cost = arrays.cost[edges]
            keep = enterable[targets]
            if level + 2 > max_half:
                keep &= cost <= max_half - level
            if open_edge is not None:
                keep &= open_edge[edges]
            targets, cost = targets[keep], cost[keep]
            if not len(targets):
                break
            best = min(best, level + int((other.dist[targets] + cost).min()))
            # Only improvements count (most targets were reached before): cheapest moves first,
            # so a target keeps its lowest distance.
            dist = side.dist
            same = np.zeros(0, dtype=np.int64)
            for step in (0, 1, 2):
                there = targets[cost == step]
                there = there[dist[there] > level + step]
                if not len(there):
                    continue
                dist[there] = level + step
                if step:
                    side.buckets.setdefault(level + step, []).append(there)
                else:
                    same = _distinct(there, n)
            current = same
            current = current[~side.settled[current]]

    def work(side: _Side, level: int) -> int:
        nodes = np.concatenate(side.buckets[level])
        return int((arrays.ptr[nodes + 1] - arrays.ptr[nodes]).sum())

    settle(0)
    settle(1)
    while True:
        la, lb = sides[0].next_level(), sides[1].next_level()
        if la is None or lb is None or la + lb > best:
            break
        settle(0 if work(sides[0], la) <= work(sides[1], lb) else 1)
    if best > max_half:
        return None
    found = _union(arrays, sides, ia, ib, best, passable, open_edge, extra, a, b)
    if found is None:
        return None
    low, high, edge = found
    nodes = _distinct(np.concatenate((low, high)), n)
    level = np.where(sides[0].settled[nodes], sides[0].dist[nodes], best - sides[1].dist[nodes].astype(np.int64))
    return Union(arrays, ia, ib, best, low, high, edge, nodes, level)


def _union(
    arrays: TieArrays,
    sides: list[_Side],
    ia: int,
    ib: int,
    total: int,
    passable: Array,
    open_edge: Array | None,
    extra: Mapping[str, Mapping[str, int]],
    a: str,
    b: str,
) -> tuple[Array, Array, Array] | None:
    """Every fewest-step path crosses from a node settled by a's side to one settled by b's;
    walking back from the crossings along exact distances gives all of them. Returns the
    union's node pairs (each once, lower index first) and their edge indices (-1: a seed move)."""
    da, db = sides[0].dist, sides[1].dist
    sa, sb = sides[0].settled, sides[1].settled
    xs: list[Array] = []  # pieces of (x, y, edge index)
    ys: list[Array] = []
    es: list[Array] = []
    moves: list[tuple[int, int]] = []
    settled_a = np.concatenate(sides[0].order) if sides[0].order else np.zeros(0, dtype=np.int64)
    on_path = sb[settled_a] & (da[settled_a].astype(np.int64) + db[settled_a] == total)
    both = settled_a[on_path]
    # Crossing edges: from a node settled by a's side (an end or passable, not settled by both
    # on a fewest-step path: that one is a crossing itself) to one settled by b's. b's side walked
    # each such edge when it settled its end, so the node's distance from b is known through it:
    # only nodes whose two distances add up to the total can start one.
    cross = settled_a[(da[settled_a].astype(np.int64) + db[settled_a] == total) & ~on_path]
    cross = cross[(cross == ia) | (cross == ib) | passable[cross]]
    owner, idx = arrays.gather(cross)
    u = cross[owner]
    v = arrays.nbr[idx].astype(np.int64)
    hit = sb[v] & (da[u].astype(np.int64) + arrays.cost[idx] + db[v] == total)
    if open_edge is not None:
        hit &= open_edge[idx]
    xs.append(u[hit])
    ys.append(v[hit])
    es.append(idx[hit])
    starts = [[both, u[hit]], [both, v[hit]]]
    # A seed move (a place to an organisation in it) is no graph edge: it may be the crossing too.
    seeded: list[dict[int, int]] = [{}, {}]
    for which, end_id in ((0, a), (1, b)):
        for node, cost in extra.get(end_id, {}).items():
            i = arrays.index.get(node)
            if i is not None:
                seeded[which][i] = cost
    for i, cost in seeded[0].items():
        if sb[i] and cost + int(db[i]) == total:
            moves.append((ia, i))
            starts[0].append(np.array([ia]))
            starts[1].append(np.array([i]))
    for i, cost in seeded[1].items():
        if sa[i] and int(da[i]) + cost == total:
            moves.append((i, ib))
            starts[0].append(np.array([i]))
            starts[1].append(np.array([ib]))
    for which, (dist, settled, end, other_end) in enumerate(((da, sa, ia, ib), (db, sb, ib, ia))):
        seen = np.zeros(len(dist), dtype=bool)
        layer = _distinct(np.concatenate(starts[which]).astype(np.int64), len(dist))
        while len(layer):
            seen[layer] = True
            # A seed node's parent is its end (a first move that is no graph edge).
            if seeded[which]:
                for i in layer.tolist():
                    move = seeded[which].get(i)
                    if move is not None and i != end and int(dist[i]) == move:
                        moves.append((end, i))
            owner, idx = arrays.gather(layer)
            parent = arrays.nbr[idx]
            # Most neighbours were never settled by this side: drop them before the costlier checks.
            mine = settled[parent]
            owner, idx, parent = owner[mine], idx[mine], parent[mine]
            ok = (
                (dist[parent] + arrays.cost[idx] == dist[layer][owner])
                & (parent != other_end)
                & ((parent == end) | passable[parent])
            )
            if open_edge is not None:
                ok &= open_edge[idx]
            parent = parent[ok].astype(np.int64)
            xs.append(parent)
            ys.append(layer[owner[ok]])
            es.append(idx[ok])
            up = _distinct(parent, len(dist))
            layer = up[~seen[up]]
    if moves:
        xs.append(np.array([m[0] for m in moves], dtype=np.int64))
        ys.append(np.array([m[1] for m in moves], dtype=np.int64))
        es.append(np.full(len(moves), -1, dtype=np.int64))
    x, y, e = np.concatenate(xs), np.concatenate(ys), np.concatenate(es)
    low, high = np.minimum(x, y), np.maximum(x, y)
    _, once = np.unique(low * len(arrays.ids) + high, return_index=True)
    low, high, e = low[once], high[once], e[once]
    if not (np.any(low == ia) or np.any(high == ia)) or not (np.any(low == ib) or np.any(high == ib)):
        return None
    return low, high, e
