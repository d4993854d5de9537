"""Walks shared by several queries, written once against the read view (``queries.view``).

Each walk asks only about its current frontier, so on any backend it touches
records in proportion to what it visits, never the whole graph.
"""

from __future__ import annotations

from graph.model import EntityType
from queries.ties import ALL_TYPES, TieGraph
from queries.view import GraphView

MEMBER_BODIES = (EntityType.PLACE, EntityType.ORGANISATION)


def within_hops(tg: TieGraph, seeds: list[str], hops: int) -> dict[str, int]:
    """Half-step distances of the nodes within ``hops`` steps of ``seeds``.

    A step is one tie between actors, or two ties through an agreement or
    event (entering it costs half a step, leaving it the other half: the edge
    attribute ``half``). Dijkstra in buckets of equal distance, so each bucket
    is one frontier the tie graph reaches at once.
    """
    limit = 2 * hops
    tg.reach(seeds)
    dist = {s: 0 for s in seeds if s in tg.graph}
    buckets: dict[int, set[str]] = {0: set(dist)}
    for d in range(limit):
        frontier = sorted(n for n in buckets.pop(d, set()) if dist[n] == d)
        if not frontier:
            continue
        tg.reach(frontier)
        for node in frontier:
            for other, data in tg.graph.adj[node].items():
                nd = d + int(data["half"])
                if nd <= limit and nd < dist.get(other, limit + 1):
                    dist[other] = nd
                    buckets.setdefault(nd, set()).add(other)
    return dist


def linked(view: GraphView, a: str, b: str) -> bool:
    """Whether any chain of relations at all joins a and b (bidirectional BFS:
    it stops where the two searches meet, or when the smaller side runs out)."""
    if a == b:
        return bool(view.get_entities([a]))
    seen = ({a}, {b})
    frontier = ([a], [b])
    while frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        nxt: list[str] = []
        for node, rel in view.adjacent(frontier[side], ALL_TYPES):
            other = rel.target if rel.source == node else rel.source
            if other in seen[1 - side]:
                return True
            if other not in seen[side]:
                seen[side].add(other)
                nxt.append(other)
        frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
    return False


def region_members(view: GraphView, place_id: str) -> dict[str, str]:
    """Entities inside a place: sub-places and organisations/events located there
    (through ``located_in`` chains), organisations that are part of a member and
    have no location of their own, and people working for any member.

    Returns {entity id: why} (the place itself included); each level of each
    closure is one ``adjacent`` call over the level's frontier.
    """
    found = view.get_entities([place_id])
    if place_id not in found:
        return {}
    why: dict[str, str] = {place_id: "the place itself"}
    frontier = [place_id]
    while frontier:  # located_in closure, downwards
        nxt = []
        for node, rel in view.adjacent(frontier, ("located_in",), "in"):
            if rel.source not in why:
                why[rel.source] = f"located in {node}"
                nxt.append(rel.source)
        frontier = nxt
    types = {i: e.type for i, e in view.get_entities(list(why)).items()}
    frontier = [i for i in why if types.get(i) in MEMBER_BODIES]
    while frontier:  # unlocated departments of members
        parts = [(node, rel) for node, rel in view.adjacent(frontier, ("part_of",), "in") if rel.source not in why]
        children = list(dict.fromkeys(rel.source for _, rel in parts))
        located = {rel.source for _, rel in view.adjacent(children, ("located_in",), "out")} if children else set()
        nxt = []
        for node, rel in parts:
            if rel.source not in why and rel.source not in located:
                why[rel.source] = f"part of {node}"
                nxt.append(rel.source)
        if nxt:
            types.update((i, e.type) for i, e in view.get_entities(nxt).items())
        frontier = nxt
    members = [i for i in why if types.get(i) in MEMBER_BODIES]
    for node, rel in view.adjacent(members, ("works_for",), "in") if members else ():
        if rel.source not in why:
            why[rel.source] = f"works for {node}"
    return why
