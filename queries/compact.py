"""Integer-labelled copies of a tie graph and the path searches ``queries.paths`` runs on them.

Why: networkx's Yen (``shortest_simple_paths``) on a subgraph view spends most
of its time in view filters and edge-data lookups. The searches here are
line-for-line ports of networkx 3.x's ``shortest_simple_paths``,
``_bidirectional_dijkstra`` (its Yen helper) and ``bidirectional_dijkstra``
over plain per-node dicts, visiting neighbours in the same order and adding
floats in the same order, so they return exactly the same paths, ties
included. Nodes outside the candidate set are skipped through a mask instead
of building a subgraph.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count, pairwise

import networkx as nx


@dataclass(frozen=True)
class Compact:
    """A graph as integers: ``nodes[i]`` is node i; neighbours keep the graph's adjacency order."""

    nodes: list[str]
    ids: dict[str, int]
    weight: list[dict[int, float]]  # i -> {j: weight of edge i-j}
    half: list[dict[int, int]]  # i -> {j: hop cost of edge i-j in half steps}

    @classmethod
    def of(cls, graph: nx.Graph) -> Compact:
        nodes = list(graph)
        ids = {n: i for i, n in enumerate(nodes)}
        adj = graph.adj
        weight = [{ids[m]: float(d["weight"]) for m, d in adj[n].items()} for n in nodes]
        half = [{ids[m]: int(d["half"]) for m, d in adj[n].items()} for n in nodes]
        return cls(nodes, ids, weight, half)

    def distances(self, start: int, cutoff: int, allowed: bytearray, bound: list[int] | None = None) -> list[int]:
        """Half-step distances from ``start`` (``cutoff + 1``: farther or unreachable).

        Edges cost 1 or 2, so a bucketed BFS replaces Dijkstra. With ``bound``
        (distances from the other end) a node is only expanded while
        ``bound[n] + distance <= cutoff``: walks through any other node are too long.
        """
        far = cutoff + 1
        dist = [far] * len(self.nodes)
        dist[start] = 0
        buckets: list[list[int]] = [[] for _ in range(far)]
        buckets[0].append(start)
        half = self.half
        for d in range(far):
            for v in buckets[d]:
                if dist[v] != d or (bound is not None and bound[v] + d > cutoff):
                    continue
                for w, h in half[v].items():
                    nd = d + h
                    if nd < dist[w] and nd <= cutoff and allowed[w]:
                        dist[w] = nd
                        buckets[nd].append(w)
        return dist

    def candidates(self, a: int, b: int, budget: int, allowed: bytearray) -> bytearray:
        """Mask of the nodes on some a-b walk within ``budget`` half steps."""
        da = self.distances(a, budget, allowed)
        db = self.distances(b, budget, allowed, bound=da)
        return bytearray(1 if x + y <= budget else 0 for x, y in zip(da, db, strict=True))


def _spur(
    c: Compact, keep: bytearray, source: int, target: int, ignore_nodes: set[int], ignore_edges: set[tuple[int, int]]
) -> tuple[float, list[int]] | None:
    """networkx ``simple_paths._bidirectional_dijkstra`` (None: no path).

    Same pops, pushes and float sums; paths are kept as predecessor links and
    the candidate meeting path is recorded by its two predecessors at the time
    networkx would copy it (the chains behind them are settled and never change).
    """
    if ignore_nodes and (source in ignore_nodes or target in ignore_nodes):
        return None
    if source == target:
        return (0, [source])
    usable = bytearray(keep)
    for n in ignore_nodes:
        usable[n] = 0
    banned: dict[int, set[int]] = {}
    for u, v in ignore_edges:
        banned.setdefault(u, set()).add(v)
        banned.setdefault(v, set()).add(u)
    adj = c.weight
    push, pop = heapq.heappush, heapq.heappop
    dists: list[dict[int, float]] = [{}, {}]
    preds: list[dict[int, int]] = [{source: -1}, {target: -1}]
    fringe: list[list[tuple[float, int, int]]] = [[], []]
    seen: list[dict[int, float]] = [{source: 0}, {target: 0}]
    cnt = count()
    push(fringe[0], (0, next(cnt), source))
    push(fringe[1], (0, next(cnt), target))
    final: tuple[int, int, int] | None = None  # (meeting node, its forward and backward predecessors)
    finaldist = 0.0
    direction = 1
    while fringe[0] and fringe[1]:
        direction = 1 - direction
        dist, _, v = pop(fringe[direction])
        here = dists[direction]
        if v in here:
            continue
        here[v] = dist
        if v in dists[1 - direction]:
            if final is None:
                return (finaldist, [])
            w, p0, p1 = final
            forward, backward = [w], [w]
            while p0 != -1:
                forward.append(p0)
                p0 = preds[0][p0]
            while p1 != -1:
                backward.append(p1)
                p1 = preds[1][p1]
            forward.reverse()
            return (finaldist, forward + backward[1:])
        seen_d, seen_o, preds_d, heap = seen[direction], seen[1 - direction], preds[direction], fringe[direction]
        ban = banned.get(v)
        for w, minweight in adj[v].items():
            if not usable[w] or (ban is not None and w in ban) or w in here:
                continue
            vw_length = dist + minweight
            old = seen_d.get(w)
            if old is None or vw_length < old:
                seen_d[w] = vw_length
                push(heap, (vw_length, next(cnt), w))
                preds_d[w] = v
                other = seen_o.get(w)
                if other is not None:
                    totaldist = seen[0][w] + seen[1][w]
                    if final is None or finaldist > totaldist:
                        finaldist = totaldist
                        final = (w, preds[0][w], preds[1][w])
    return None


def simple_paths(c: Compact, keep: bytearray, source: int, target: int) -> Iterator[list[int]]:
    """networkx ``shortest_simple_paths(G, source, target, weight="weight")`` on the kept nodes."""
    adj = c.weight

    def length_func(path: Sequence[int]) -> float:
        return sum(adj[u][v] for u, v in pairwise(path))

    list_a: list[list[int]] = []
    heap: list[tuple[float, int, list[int]]] = []
    pending: set[tuple[int, ...]] = set()
    counter = count()

    def push(cost: float, path: list[int]) -> None:
        key = tuple(path)
        if key not in pending:
            heapq.heappush(heap, (cost, next(counter), path))
            pending.add(key)

    prev_path: list[int] | None = None
    while True:
        if not prev_path:
            found = _spur(c, keep, source, target, set(), set())
            if found is None:
                return
            push(*found)
        else:
            ignore_nodes: set[int] = set()
            ignore_edges: set[tuple[int, int]] = set()
            for i in range(1, len(prev_path)):
                root = prev_path[:i]
                root_length = length_func(root)
                for path in list_a:
                    if path[:i] == root:
                        ignore_edges.add((path[i - 1], path[i]))
                found = _spur(c, keep, root[-1], target, ignore_nodes, ignore_edges)
                if found is not None:
                    length, spur = found
                    push(root_length + length, root[:-1] + spur)
                ignore_nodes.add(root[-1])
        if heap:
            path = heapq.heappop(heap)[2]
            pending.remove(tuple(path))
            yield path
            list_a.append(path)
            prev_path = path
        else:
            break


def bidirectional(
    c: Compact, keep: bytearray, source: int, target: int, weight: Callable[[int, int, float], float]
) -> list[int] | None:
    """networkx ``bidirectional_dijkstra`` with a weight function of (u, v, base weight); None: no path."""
    if source == target:
        return [source]
    adj = c.weight
    dists: list[dict[int, float]] = [{}, {}]
    preds: list[dict[int, int | None]] = [{source: None}, {target: None}]

    def path(curr: int | None, direction: int) -> list[int]:
        ret = []
        while curr is not None:
            ret.append(curr)
            curr = preds[direction][curr]
        return list(reversed(ret)) if direction == 0 else ret

    fringe: list[list[tuple[float, int, int]]] = [[], []]
    seen: list[dict[int, float]] = [{source: 0}, {target: 0}]
    cnt = count()
    heapq.heappush(fringe[0], (0, next(cnt), source))
    heapq.heappush(fringe[1], (0, next(cnt), target))
    finaldist: float | None = None
    meetnode: int | None = None
    direction = 1
    while fringe[0] and fringe[1]:
        direction = 1 - direction
        dist, _, v = heapq.heappop(fringe[direction])
        if v in dists[direction]:
            continue
        dists[direction][v] = dist
        if v in dists[1 - direction]:
            assert meetnode is not None
            return path(meetnode, 0) + path(preds[1][meetnode], 1)
        for w, base in adj[v].items():
            if not keep[w]:
                continue
            cost = weight(v, w, base) if direction == 0 else weight(w, v, base)
            vw_length = dist + cost
            if w in dists[direction]:
                continue
            if w not in seen[direction] or vw_length < seen[direction][w]:
                seen[direction][w] = vw_length
                heapq.heappush(fringe[direction], (vw_length, next(cnt), w))
                preds[direction][w] = v
                if w in seen[1 - direction]:
                    finaldist_w = vw_length + seen[1 - direction][w]
                    if finaldist is None or finaldist > finaldist_w:
                        finaldist, meetnode = finaldist_w, w
    return None
