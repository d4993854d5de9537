"""Every node on some fewest-edge a-b path, found by one bidirectional BFS.

Why not a library call: networkx's bidirectional BFS returns one path, its
``all_shortest_paths`` runs a BFS over the whole graph from one end, and
enumerating paths one by one (Yen) repeats a search per spur node — about sixty
searches for twelve candidates, 120 ms on a million relations. Meeting in the
middle once and walking the two BFS trees back from the meeting layer gives
the whole shortest-path DAG in one search; the strongest chains are then
ranked within that small subgraph.

With ``ra`` and ``rb`` the levels the two sides have expanded when their
frontiers first touch, every fewest-edge path has exactly ``ra + rb`` edges and
crosses the meeting layer at a node ``m`` with ``da[m] = ra`` and
``db[m] = rb``; the DAG is those nodes and their BFS ancestors on either side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

Reach = Callable[[Iterable[str]], None]  # completes the adjacency of nodes before a walk reads it (``TieGraph.reach``)


def _whole(nodes: Iterable[str]) -> None:
    """The graph is complete: nothing to reach."""


def _expand(
    graph: nx.Graph, frontier: list[str], dist: dict[str, int], parents: dict[str, list[str]], level: int,
    reach: Reach,
) -> list[str]:
    """One BFS level; ``parents`` collects every neighbour one level closer, not just the first."""
    reach(frontier)
    nxt: list[str] = []
    for node in frontier:
        for other in graph.adj[node]:
            seen = dist.get(other)
            if seen is None:
                dist[other] = level
                parents[other] = [node]
                nxt.append(other)
            elif seen == level:
                parents[other].append(node)
    return nxt


def shortest_path_dag(graph: nx.Graph, a: str, b: str, max_edges: int, reach: Reach = _whole) -> nx.Graph | None:
    """The union of all fewest-edge a-b paths, with the edge data of ``graph``
    (None when no path has at most ``max_edges`` edges). A small, separate graph:
    searching in it never touches the rest of a big graph (a view would).
    ``reach`` is called on each frontier before its adjacency is read."""
    reach((a, b))
    if a not in graph or b not in graph or a == b:
        return None
    da, db = {a: 0}, {b: 0}
    pa: dict[str, list[str]] = {}
    pb: dict[str, list[str]] = {}
    fa, fb = [a], [b]
    ra = rb = 0
    meeting: list[str] = []
    while fa and fb and ra + rb < max_edges:
        if len(fa) <= len(fb):
            ra += 1
            fa = _expand(graph, fa, da, pa, ra, reach)
            meeting = [n for n in fa if n in db]
        else:
            rb += 1
            fb = _expand(graph, fb, db, pb, rb, reach)
            meeting = [n for n in fb if n in da]
        if meeting:
            break
    if not meeting:
        return None
    dag = nx.Graph()
    for parents in (pa, pb):
        # Ordered sets (dict keys), not sets: the DAG's edge order decides ties between equally
        # strong paths, so it must not depend on string hashing (PYTHONHASHSEED).
        layer = dict.fromkeys(m for m in meeting if da.get(m) == ra and db.get(m) == rb)
        while layer:
            up: dict[str, None] = {}
            for node in layer:
                for parent in parents.get(node, ()):
                    dag.add_edge(parent, node, **graph.adj[node][parent])
                    up[parent] = None
            layer = up
    return dag


def bidirectional_path(graph: nx.Graph, a: str, b: str, reach: Reach = _whole) -> list[str] | None:
    """One fewest-edge a-b path (None: none), frontier by frontier.

    The algorithm of ``networkx.bidirectional_shortest_path`` (so it returns
    the very path networkx would on a complete graph), with ``reach`` called on
    each level before its adjacency is read, so it also runs on a tie graph
    that grows as it is walked.
    """
    reach((a, b))
    if a not in graph or b not in graph:
        return None
    if a == b:
        return [a]
    pred: dict[str, str | None] = {a: None}
    succ: dict[str, str | None] = {b: None}
    forward, reverse = [a], [b]
    meet: str | None = None
    while forward and reverse and meet is None:
        if len(forward) <= len(reverse):
            level, forward = forward, []
            reach(level)
            for v in level:
                for w in graph.adj[v]:
                    if w not in pred:
                        forward.append(w)
                        pred[w] = v
                    if w in succ:
                        meet = w
                        break
                if meet is not None:
                    break
        else:
            level, reverse = reverse, []
            reach(level)
            for v in level:
                for w in graph.adj[v]:
                    if w not in succ:
                        succ[w] = v
                        reverse.append(w)
                    if w in pred:
                        meet = w
                        break
                if meet is not None:
                    break
    if meet is None:
        return None
    path: list[str] = []
    node: str | None = meet
    while node is not None:
        path.append(node)
        node = pred[node]
    path.reverse()
    node = succ[path[-1]]
    while node is not None:
        path.append(node)
        node = succ[node]
    return path
