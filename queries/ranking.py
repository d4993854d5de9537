"""How introduction paths are ranked: one objective, used by every query that offers paths.

Objective
    **Fewest steps first, then the strongest among them, then a stable order.** A step is
    what the user sees: one tie between two actors, or two actors meeting at one agreement or
    event. Moving inside one actor (a place to its departments, a department to its division,
    a body to its office, a body to the people who work only for it) is no step: such moves
    are shown as the actor with its unit, "三重県 (雇用経済部 国際戦略課 · 坂本克明)".
    Why steps first: an officer asks someone for each step, and each extra person asked costs
    more than a weaker tie to the same person; strength then says which of the equally short
    chains is the better bet.

Strength of a path
    The product of its ties' strengths (``queries.ties``: type strength x confidence x age
    decay; a move inside one actor weighs confidence x decay only) times the *hub factor* of
    every intermediary: ``min(1, sqrt(HUB_DEGREE / degree))``, where degree counts the
    distinct ties the intermediary has (a body tied to 300 others weighs a tenth of a person
    with three). A body that organised many events or is linked to everyone
    introduces nobody in particular; a person who sat on both panels does. The reported
    ``strength`` is this ranking strength.

Stable order
    Among paths of equal steps and equal strength (to 9 decimals) the one whose node ids come
    first in order wins. Nothing depends on set or hash order, so the same question gets the
    same answer in every process, and the first answer never depends on k: every k starts
    from the same best path.

Labels
    ``strong`` when the path strength is at least ``STRONG`` (0.3: e.g. a co-signed
    agreement of the last few years, or a recent partnership), ``medium`` from ``MEDIUM``
    (0.02: e.g. two recent panels, each shared with the introducer), ``weak`` below. Each
    path also names its weakest step, and ties whose best evidence is below ``STATED``
    confidence (0.8; the seed's 0.7 = "implied by context only") are marked inferred.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import networkx as nx

HUB_DEGREE = 3
STRONG = 0.3
MEDIUM = 0.02
STATED = 0.8
TIE_DECIMALS = 9
STEPS_KEY = "steps"  # an edge's half-step cost, kept in its data by whoever computes it (``half``)

Reach = Callable[[Iterable[str]], None]
Node = TypeVar("Node", str, int)


def hub_factor(degree: int) -> float:
    """How much an intermediary with ``degree`` distinct ties is worth as an introducer."""
    return min(1.0, math.sqrt(HUB_DEGREE / degree)) if degree > 0 else 1.0


def hub_penalty(degree: int) -> float:
    """``-log(hub_factor)``: added to a path's weight for each intermediary."""
    return -math.log(hub_factor(degree))


def label(strength: float) -> str:
    if strength >= STRONG:
        return "strong"
    return "medium" if strength >= MEDIUM else "weak"


def inferred(confidence: float) -> bool:
    return confidence < STATED


def order_key(weight: float, path: Sequence[str]) -> tuple[float, tuple[str, ...]]:
    """Stable order among equally short paths: lighter (stronger) first, then node ids."""
    return (round(weight, TIE_DECIMALS), tuple(path))


def fewest_steps_dag(
    graph: nx.Graph,
    a: str,
    b: str,
    max_half: int,
    half: Callable[[str, str], int],
    passable: Callable[[str], bool],
    reach: Reach,
    seeds: Mapping[str, Mapping[str, int]] | None = None,
    usable: Callable[[str, str], bool] | None = None,
) -> tuple[nx.Graph, int] | None:
    """The union of all a-b paths with the fewest half steps, and that number.

    ``half(u, v)`` is an edge's cost in half steps (0 inside one actor, 1 into or out of a
    meeting point, 2 for a direct tie); ``passable(n)`` says whether n may be an
    intermediary; ``usable(u, v)`` may rule edges out; ``seeds[end]`` adds extra first
    moves from an end ({node: half}, e.g. a place to the organisations located in it). A
    bidirectional bucket search (Dial's algorithm from both ends, the smaller frontier first)
    stops once the next levels of the two sides add up to more than the best meeting found;
    every fewest-step path then crosses from a node settled by one side to a node settled by
    the other, and walking both sides' parent lists back from those crossings gives all of
    them.
    """
    reach((a, b))
    if a not in graph or b not in graph or a == b:
        return None
    extra = seeds or {}
    adjacency = graph._adj
    sides: list[tuple[dict[str, int], dict[str, list[str]], dict[int, list[str]], set[str]]] = []
    for end in (a, b):
        dist = {end: 0}
        parents: dict[str, list[str]] = {end: []}
        buckets: dict[int, list[str]] = {0: [end]}
        for node, cost in sorted(extra.get(end, {}).items()):
            if node == end:
                continue
            dist[node] = cost
            parents[node] = [end]
            buckets.setdefault(cost, []).append(node)
        sides.append((dist, parents, buckets, set()))
    best = math.inf

    def next_level(side: int) -> int | None:
        buckets = sides[side][2]
        pending = [lv for lv, nodes in buckets.items() if nodes]
        return min(pending) if pending else None

    def settle(side: int) -> None:
        nonlocal best
        dist, parents, buckets, settled = sides[side]
        other_dist = sides[1 - side][0]
        end_own, end_other = (a, b) if side == 0 else (b, a)
        level = next_level(side)
        if level is None:
            return
        queue = buckets.pop(level)
        i = 0
        while i < len(queue):
            # Reach the whole level at once (one view call), then walk it; zero-cost moves append to it.
            chunk = [n for n in queue[i:] if dist.get(n) == level and n not in settled]
            reach(chunk)
            j = len(queue)
            for node in queue[i:j]:
                if dist.get(node) != level or node in settled:
                    continue
                settled.add(node)
                if node in other_dist:
                    best = min(best, level + other_dist[node])
                if node == end_other or (node != end_own and not passable(node)):
                    continue
                for nbr, data in adjacency[node].items():
                    if nbr != end_other and nbr != end_own and not passable(nbr):
                        continue
                    if usable is not None and not usable(node, nbr):
                        continue
                    cost = data.get(STEPS_KEY)
                    if cost is None:
                        cost = half(node, nbr)
                    nd = level + cost
                    if nd > max_half:
                        continue
                    seen = dist.get(nbr)
                    if seen is None or nd < seen:
                        dist[nbr] = nd
                        parents[nbr] = [node]
                        (queue if cost == 0 else buckets.setdefault(nd, [])).append(nbr)
                    elif nd == seen and node not in parents[nbr]:
                        parents[nbr].append(node)
                    if nbr in other_dist:
                        best = min(best, nd + other_dist[nbr])
            i = j

    settle(0)
    settle(1)
    while True:
        la, lb = next_level(0), next_level(1)
        # One side exhausted: it settled everything within reach, so every meeting is known.
        if la is None or lb is None or la + lb > best:
            break
        # The side whose next level has fewer ties to walk goes first (meeting in the middle).
        work_a = sum(len(adjacency[n]) for n in sides[0][2][la] if n in adjacency)
        work_b = sum(len(adjacency[n]) for n in sides[1][2][lb] if n in adjacency)
        settle(0 if work_a <= work_b else 1)
    if best > max_half:
        return None
    total = int(best)
    (da, pa, _, settled_a), (db, pb, _, settled_b) = sides
    dag = nx.Graph()
    starts_a: set[str] = set()
    starts_b: set[str] = set()
    for node in settled_a:
        if node in settled_b and da[node] + db[node] == total:
            starts_a.add(node)
            starts_b.add(node)
            continue
        if node != b and node != a and not passable(node):
            continue
        for nbr in graph.adj[node]:
            if usable is not None and not usable(node, nbr):
                continue
            if nbr in settled_b and da[node] + half(node, nbr) + db[nbr] == total:
                dag.add_edge(node, nbr)
                starts_a.add(node)
                starts_b.add(nbr)
    # A seed move (a place to an organisation in it) is no graph edge: it may be the crossing too.
    for node, cost in extra.get(a, {}).items():
        if node in settled_b and cost + db[node] == total:
            dag.add_edge(a, node)
            starts_a.add(a)
            starts_b.add(node)
    for node, cost in extra.get(b, {}).items():
        if node in settled_a and da[node] + cost == total:
            dag.add_edge(node, b)
            starts_a.add(node)
            starts_b.add(b)
    for parents, starts in ((pa, starts_a), (pb, starts_b)):
        layer = set(starts)
        seen: set[str] = set()
        while layer:
            up: set[str] = set()
            for node in layer:
                seen.add(node)
                for parent in parents.get(node, ()):
                    dag.add_edge(parent, node)
                    if parent not in seen:
                        up.add(parent)
            layer = up
    if a not in dag or b not in dag:
        return None
    return dag, total


def _levels(dag: nx.Graph, a: str, half: Callable[[str, str], int]) -> dict[str, int]:
    """Half steps from ``a`` to every node of a fewest-step union (exact: it holds every such path)."""
    level = {a: 0}
    heap = [(0, a)]
    while heap:
        here, node = heapq.heappop(heap)
        if here > level[node]:
            continue
        for nbr in dag.adj[node]:
            there = here + half(node, nbr)
            if there < level.get(nbr, there + 1):
                level[nbr] = there
                heapq.heappush(heap, (there, nbr))
    return level


def completions(b: Node, backward: Mapping[Node, list[tuple[Node, float]]]) -> dict[Node, float]:
    """The lightest weight from each node to ``b`` over directed edges (``backward[v]``: (u, weight)
    of the edges u -> v), by Dijkstra."""
    rest = {b: 0.0}
    heap: list[tuple[float, Node]] = [(0.0, b)]
    while heap:
        here, node = heapq.heappop(heap)
        if here > rest[node]:
            continue
        for prev, w in backward.get(node, ()):
            there = here + w
            if there < rest.get(prev, math.inf):
                rest[prev] = there
                heapq.heappush(heap, (there, prev))
    return rest


def best_paths(
    a: Node,
    b: Node,
    forward: Mapping[Node, list[tuple[Any, Node, float]]],
    rest: Mapping[Node, float],
    limit: int,
) -> list[tuple[float, list[Node]]]:
    """The ``limit`` lightest simple a-b paths over directed edges, in the stable order.

    ``forward[u]`` holds (sort key, v, weight) of the edges out of u; ``rest[v]`` is a lower bound
    of the weight from v to ``b`` (``completions``), exact on the lightest paths. A best-first
    search over partial paths, keyed by (bound to ``TIE_DECIMALS``, sort keys of the path), then
    completes paths exactly in ``order_key`` order: a path's prefix never sorts after it. It
    expands only partial paths that can still finish among the first ``limit``.
    """
    if a not in rest:
        return []
    found: list[tuple[float, list[Node]]] = []
    frontier: list[tuple[float, tuple[Any, ...], float, list[Node]]] = [(round(rest[a], TIE_DECIMALS), (), 0.0, [a])]
    while frontier and len(found) < limit:
        entry = heapq.heappop(frontier)
        keys: tuple[Any, ...] = entry[1]
        done = entry[2]
        path: list[Node] = entry[3]
        node = path[-1]
        if node == b:
            found.append((done, path))
            continue
        for key, nxt, w in forward.get(node, ()):
            below = rest.get(nxt)
            if below is None or nxt in path:
                continue
            there = done + w
            longer = path + [nxt]  # noqa: RUF005 (mypy reads the starred form as a list of lists)
            heapq.heappush(frontier, (round(there + below, TIE_DECIMALS), (*keys, key), there, longer))
    return found


def ranked(
    dag: nx.Graph,
    a: str,
    b: str,
    half: Callable[[str, str], int],
    weight: Callable[[str, str], float],
    limit: int,
) -> list[tuple[float, list[str]]]:
    """The ``limit`` strongest fewest-step paths inside ``dag``, in the stable order.

    A fewest-step path walks every edge forward (its half steps add up to the level of the far
    end), so ``best_paths`` over the forward edges, keyed by node id, gives them.
    """
    level = _levels(dag, a, half)
    if b not in level:
        return []
    forward: dict[str, list[tuple[str, str, float]]] = {}
    backward: dict[str, list[tuple[str, float]]] = {}
    for u, v in dag.edges():
        for x, y in ((u, v), (v, u)):
            if x in level and y in level and level[y] == level[x] + half(x, y):
                w = weight(x, y)
                forward.setdefault(x, []).append((y, y, w))
                backward.setdefault(y, []).append((x, w))
    return best_paths(a, b, forward, completions(b, backward), limit)
