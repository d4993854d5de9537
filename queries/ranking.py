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

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import networkx as nx

HUB_DEGREE = 3
STRONG = 0.3
MEDIUM = 0.02
STATED = 0.8
TIE_DECIMALS = 9
STEPS_KEY = "steps"  # an edge's half-step cost, kept in its data by whoever computes it (``half``)
EQUAL_DRAWS = 64  # equally strong paths drawn beyond the limit before the stable order picks

Reach = Callable[[Iterable[str]], None]


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


def strongest(
    dag: nx.Graph,
    a: str,
    b: str,
    total: int,
    half: Callable[[str, str], int],
    weight: Callable[[str, str], float],
    limit: int,
) -> list[tuple[float, list[str]]]:
    """Up to ``limit`` fewest-step paths inside ``dag``, strongest first, in the stable order.

    Yen's algorithm (networkx) yields paths lightest first; paths that leave the fewest-step
    layering (possible in an undirected union) are skipped, and equally light ones are all
    drawn before ordering so that the order never depends on the union's insertion order.
    """
    for u, v in dag.edges():
        dag.edges[u, v]["w"] = weight(u, v)
    found: list[tuple[float, list[str]]] = []
    cutoff: float | None = None
    drawn = 0
    for path in nx.shortest_simple_paths(dag, a, b, weight="w"):
        drawn += 1
        w = float(sum(dag.edges[u, v]["w"] for u, v in itertools.pairwise(path)))
        if cutoff is not None and round(w, TIE_DECIMALS) > cutoff:
            break
        if sum(half(u, v) for u, v in itertools.pairwise(path)) != total:
            continue
        found.append((w, path))
        if len(found) >= limit:
            cutoff = round(w, TIE_DECIMALS)
        if drawn >= limit + EQUAL_DRAWS:
            break
    found.sort(key=lambda wp: order_key(*wp))
    return found[:limit]
