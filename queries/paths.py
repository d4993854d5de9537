"""Introduction paths: the k best, meaningfully different chains of real ties from A to B.

Graph
    Nodes are actors (organisations, people, place-governments) and meeting
    points (agreements, events). Edges are introduction ties only, unless
    context is asked for (see ``queries.ties``). ``A -party_to-> MOU <-party_to- B``
    is one step, "A and B are both parties to the MOU"; hops count such steps.

Ranking
    Each edge weighs ``-log(strength)`` with ``strength = registry strength x
    confidence x 0.5^(evidence age / 6 years)`` (``queries.ties``). The best
    path minimises the sum, i.e. maximises the product of strengths, which is
    the path's reported ``strength``.

Candidates (bounded search, not weighted Yen on the whole graph)
    One bidirectional BFS finds every node on a path with the fewest edges
    (``queries.shortest``); Yen's algorithm, weighted by strength
    (``networkx.shortest_simple_paths``), then yields up to ``CANDIDATES``
    strongest paths inside that small subgraph. Weighted Yen on the whole
    graph examines every chain lighter than the answer, which on a
    million-relation graph with hubs means most of the graph (seconds per
    query); meeting in the middle takes milliseconds. So chains are short
    first, and strength decides among the short ones.

Alternatives (diversity)
    A candidate's *substance* is the set of its intermediate nodes and its
    edges. Candidates are taken in strength order, and one is kept only if,
    against every path already kept, the shared substance is below half of the
    smaller of the two substances (``OVERLAP_LIMIT``): the same chain with one
    node swapped or a detour added shares at least half and is dropped. When
    fewer than k survive (typically: all short candidates pass one hub), up to
    ``DIVERSITY_ROUNDS`` more searches run on the graph without the kept
    paths' edges, then also without their intermediate nodes, so the
    alternatives may be longer. Kept paths are
    reported in order of their strength.

Limits
    ``hops`` (default 6, hard cap 10) bounds the steps of every path kept; the
    searches read the tie graph frontier by frontier (``queries.ties.tie_network``),
    so on a backend answering the read view natively they touch only what they visit.

No path
    The reason distinguishes: ``disconnected`` (no chain of ties at all),
    ``only_context`` (only shared places/sectors link them), ``filtered_out``
    (linked, but not under the as-of date, exclusions, via or confidence given),
    ``beyond_hop_limit`` (linked in ``shortest_hops`` steps, more than allowed).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Sequence
from typing import Literal

import networkx as nx

from graph.model import Entity, EntityType
from graph.registry import CONTEXT_TYPES, MEETING_POINTS, RELATION_TYPES, TIE_TYPES
from graph.rows import EntityRow
from graph.store import Store
from queries.errors import InvalidQuery
from queries.resolve import resolve_entity
from queries.results import EntityRef, IntroductionPath, PathResult, RelationRef, SourceRef, Step
from queries.shortest import bidirectional_path, shortest_path_dag
from queries.ties import HALF_LIFE_YEARS, TieFilter, TieGraph, tie_network
from queries.view import GraphView, view_of
from queries.walks import linked

Via = Literal["people", "organisations"]

DEFAULT_K = 3
MAX_K = 10
DEFAULT_HOPS = 6
MAX_HOPS = 10
OVERLAP_LIMIT = 0.5
CANDIDATES = 12
DIVERSITY_ROUNDS = 2
ROUND_CANDIDATES = 6
UNBOUNDED = 10**6

NO_PATH_REASONS = {
    "disconnected": "no chain of relationships links them at all",
    "only_context": "only shared context (a place or a sector) links them, which is not an introduction",
    "filtered_out": "they are linked, but not under the options given (as-of date, exclusions, via, confidence)",
    "beyond_hop_limit": "they are linked, but only in more steps than the hop limit allows",
}

ENDPOINT_TYPES = frozenset(
    {EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE, EntityType.AGREEMENT, EntityType.EVENT}
)

_BOTH_EN = {
    "party_to": "are both parties to",
    "spoke_at": "both spoke at",
    "attended": "both attended",
    "organised": "both organised",
    "established": "both established",
    "focuses_on": "both focus on",
}


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise InvalidQuery(f"{name} must be between {low:g} and {high:g} (got {value:g})")


def restrict(
    tg: TieGraph,
    endpoints: Sequence[str],
    exclude: Sequence[str] = (),
    via: Via | None = None,
    within: Collection[str] | None = None,
) -> nx.Graph:
    """The tie graph without excluded nodes and without intermediates of the wrong kind
    (and, given ``within``, without the nodes outside it).

    Meeting points (agreements, events) always stay; ``via="organisations"``
    allows organisations and place-governments as intermediates. A filtered
    view, not a copy: copying a million-edge graph per query costs seconds.
    """
    drop = frozenset(exclude) - set(endpoints)
    inside = frozenset(within) if within is not None else None
    if via is None and not drop:  # (an excluded node a grown graph has not reached yet may still come)
        if inside is None:
            return tg.graph
        only: nx.Graph = nx.subgraph_view(tg.graph, filter_node=lambda node: node in inside)
        return only
    keep_types = MEETING_POINTS | (
        {EntityType.PERSON} if via == "people" else {EntityType.ORGANISATION, EntityType.PLACE}
        if via == "organisations" else set(EntityType)
    )
    ends = frozenset(endpoints)
    entities = tg.entities

    def allowed(node: str) -> bool:
        if inside is not None and node not in inside:
            return False
        return node in ends or (node not in drop and entities[node].type in keep_types)

    view: nx.Graph = nx.subgraph_view(tg.graph, filter_node=allowed)
    return view


def substance(path: Sequence[str]) -> frozenset[object]:
    """What a path is made of: its intermediate nodes and its edges."""
    return frozenset([*path[1:-1], *(frozenset(e) for e in itertools.pairwise(path))])


def overlap(a: frozenset[object], b: frozenset[object]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _date_of(entity: Entity | EntityRow) -> str | None:
    return entity.signed or entity.start


def _date_phrase(entity: Entity | EntityRow) -> str:
    if entity.type is EntityType.AGREEMENT and entity.signed:
        return f" (signed {entity.signed})"
    if entity.type is EntityType.EVENT and entity.start:
        return f" (held {entity.start})"
    return ""


def _edge_relations(tg: TieGraph, u: str, v: str) -> list[RelationRef]:
    return [RelationRef.of(rel, s) for rel, s in tg.edge(u, v).relations]


def _sources(tg: TieGraph, relations: Sequence[RelationRef]) -> tuple[SourceRef, ...]:
    ids = sorted({s for r in relations for s in r.sources})
    return tuple(SourceRef.of(tg.sources[i]) for i in ids if i in tg.sources)


def _direct_step(tg: TieGraph, u: str, v: str) -> Step:
    rels = _edge_relations(tg, u, v)
    best = rels[0]
    rt = RELATION_TYPES[best.type]
    src, tgt = tg.entities[best.source], tg.entities[best.target]
    role = f" as {best.role}" if best.role else ""
    when = ""
    if best.valid_from and best.valid_to:
        when = f" ({best.valid_from} to {best.valid_to})"
    elif best.valid_from:
        when = f" (since {best.valid_from})"
    elif best.valid_to:
        when = f" (until {best.valid_to})"
    meeting = next((e for e in (src, tgt) if e.type in MEETING_POINTS), None)
    if meeting is not None and not when:
        when = _date_phrase(meeting)
    text_en = f"{src.name('en')} {rt.label_en} {tgt.name('en')}{role}{when}"
    text_ja = f"{src.name('ja')}は{tgt.name('ja')}{rt.label_ja}"
    date = best.valid_from or (meeting and _date_of(meeting)) or None
    return Step(
        start=EntityRef.of(tg.entities[u]),
        end=EntityRef.of(tg.entities[v]),
        via=None,
        relations=tuple(rels),
        strength=round(float(tg.edge(u, v).strength), 6),
        date=date,
        text_en=text_en,
        text_ja=text_ja,
        sources=_sources(tg, rels),
    )


def _meeting_step(tg: TieGraph, u: str, m: str, v: str) -> Step:
    left, right = _edge_relations(tg, u, m), _edge_relations(tg, m, v)
    a, b, meet = tg.entities[u], tg.entities[v], tg.entities[m]
    ta, tb = left[0].type, right[0].type
    when = _date_phrase(meet)
    if ta == tb:
        verb = _BOTH_EN.get(ta, f"are both linked ({ta}) to")
        text_en = f"{a.name('en')} and {b.name('en')} {verb} {meet.name('en')}{when}"
        text_ja = f"{a.name('ja')}と{b.name('ja')}はともに{meet.name('ja')}{RELATION_TYPES[ta].label_ja}"
    else:
        parts_en, parts_ja = [], []
        for rel in (left[0], right[0]):
            rt = RELATION_TYPES[rel.type]
            src, tgt = tg.entities[rel.source], tg.entities[rel.target]
            parts_en.append(f"{src.name('en')} {rt.label_en} {tgt.name('en')}")
            parts_ja.append(f"{src.name('ja')}は{tgt.name('ja')}{rt.label_ja}")
        text_en = f"{parts_en[0]}{when}, and {parts_en[1]}"
        text_ja = "、".join(parts_ja)
    rels = (*left, *right)
    strength = tg.edge(u, m).strength * tg.edge(m, v).strength
    return Step(
        start=EntityRef.of(a),
        end=EntityRef.of(b),
        via=EntityRef.of(meet),
        relations=rels,
        strength=round(float(strength), 6),
        date=_date_of(meet),
        text_en=text_en,
        text_ja=text_ja,
        sources=_sources(tg, rels),
    )


def explain(tg: TieGraph, path: Sequence[str], rank: int) -> IntroductionPath:
    """Turn a node path into worded steps, collapsing intermediate meeting points."""
    steps: list[Step] = []
    i = 0
    last = len(path) - 1
    while i < last:
        if i + 1 < last and tg.is_meeting(path[i + 1]) and not tg.is_meeting(path[i]):
            steps.append(_meeting_step(tg, path[i], path[i + 1], path[i + 2]))
            i += 2
        else:
            steps.append(_direct_step(tg, path[i], path[i + 1]))
            i += 1
    strength = math.prod(tg.edge(*e).strength for e in itertools.pairwise(path))
    return IntroductionPath(
        rank=rank,
        strength=round(float(strength), 6),
        hops=len(steps),
        nodes=tuple(EntityRef.of(tg.entities[n]) for n in path),
        steps=tuple(steps),
    )


def _candidates(tg: TieGraph, graph: nx.Graph, a: str, b: str, limit: int, max_edges: int) -> list[list[str]]:
    """Up to ``limit`` of the strongest a-b paths among those with the fewest edges.

    One bidirectional BFS finds every fewest-edge path (``queries.shortest``);
    Yen's algorithm, weighted by strength, then runs on their union only.
    """
    dag = shortest_path_dag(graph, a, b, max_edges, tg.reach)
    if dag is None:
        return []
    paths: list[list[str]] = []
    for path in nx.shortest_simple_paths(dag, a, b, weight="weight"):
        paths.append(path)
        if len(paths) >= limit:
            break
    return paths


def best_paths(tg: TieGraph, graph: nx.Graph, a: str, b: str, k: int, hops: int) -> tuple[list[list[str]], int]:
    """Up to k diverse paths in strength order, and the number of candidates examined."""
    tg.reach((a, b))
    if a not in graph or b not in graph:
        return [], 0

    def weight(path: list[str]) -> float:
        return float(sum(graph.edges[u, v]["weight"] for u, v in itertools.pairwise(path)))

    kept: list[list[str]] = []
    kept_substance: list[frozenset[object]] = []
    seen: set[tuple[str, ...]] = set()
    examined = 0

    def consider(pool: list[list[str]]) -> None:
        nonlocal examined
        for path in sorted(pool, key=lambda p: (weight(p), p)):
            if tuple(path) in seen:
                continue
            seen.add(tuple(path))
            examined += 1
            if len(kept) == k or tg.hops(path) > hops:
                continue
            s = substance(path)
            if all(overlap(s, t) < OVERLAP_LIMIT for t in kept_substance):
                kept.append(path)
                kept_substance.append(s)

    # For k=1 the strongest fewest-edge path is Yen's first; more are drawn only if it breaks the hop limit.
    consider(_candidates(tg, graph, a, b, 1 if k == 1 else CANDIDATES, 2 * hops))
    if not kept and k == 1:
        consider(_candidates(tg, graph, a, b, CANDIDATES, 2 * hops))
    for round_ in range(DIVERSITY_ROUNDS):
        if not kept or len(kept) == k:
            break
        # Alternatives that avoid what the kept paths are made of: first their
        # edges, then (if still short) their intermediate nodes as well.
        used_edges = {frozenset(e) for p in kept for e in itertools.pairwise(p)}
        used_nodes = {n for p in kept for n in p[1:-1]} if round_ > 0 else set()
        view = nx.subgraph_view(
            graph,
            filter_node=lambda n, banned=used_nodes: n not in banned,
            filter_edge=lambda u, v, banned=used_edges: frozenset((u, v)) not in banned,
        )
        consider(_candidates(tg, view, a, b, ROUND_CANDIDATES, 2 * hops))
    kept.sort(key=lambda p: (weight(p), p))
    return kept, examined


def _reach(
    view: GraphView, a: str, b: str, types: frozenset[str], rule: TieFilter, exclude: Sequence[str], via: Via | None
) -> int | None:
    """Steps of a fewest-edge a-b path under the filters and without a hop limit (None: unreachable)."""
    rule = TieFilter(types, rule.as_of, rule.min_confidence)
    tg = tie_network(view, rule, [a, b])
    path = bidirectional_path(restrict(tg, [a, b], exclude, via), a, b, tg.reach)
    return tg.hops(path) if path is not None else None


def introduction_paths(
    store: Store,
    source: str,
    target: str,
    *,
    k: int = DEFAULT_K,
    hops: int = DEFAULT_HOPS,
    as_of: dt.date | None = None,
    exclude: Sequence[str] = (),
    via: Via | None = None,
    min_confidence: float = 0.0,
    context: bool = False,
) -> PathResult:
    """The k strongest, substantially different introduction chains from ``source`` to ``target``.

    ``source``, ``target`` and ``exclude`` take ids or names. ``context=True``
    also lets shared places and sectors link (never by default).
    """
    _check_range("k", k, 1, MAX_K)
    _check_range("hops", hops, 1, MAX_HOPS)
    _check_range("min_confidence", min_confidence, 0.0, 1.0)
    if via not in (None, "people", "organisations"):
        raise InvalidQuery(f"via must be 'people' or 'organisations' (got {via!r})")
    a = resolve_entity(store, source)
    b = resolve_entity(store, target)
    for end in (a, b):
        if end.type not in ENDPOINT_TYPES:
            raise InvalidQuery(f"{end.id} is a {end.type.value}; paths run between organisations, people, places, "
                               "agreements and events")
    excluded = sorted({resolve_entity(store, x).id for x in exclude})
    if a.id in excluded or b.id in excluded:
        raise InvalidQuery("an endpoint of the path cannot also be excluded")
    if a.id == b.id:
        raise InvalidQuery(f"both ends are the same entity ({a.id})")
    types = TIE_TYPES | CONTEXT_TYPES if context else TIE_TYPES
    rule = TieFilter(types=frozenset(types), as_of=as_of, min_confidence=min_confidence)
    options = {
        "k": k,
        "hops": hops,
        "as_of": as_of.isoformat() if as_of else None,
        "exclude": excluded,
        "via": via,
        "min_confidence": min_confidence,
        "context": context,
        "half_life_years": HALF_LIFE_YEARS,
    }
    view = view_of(store)
    tg = tie_network(view, rule, [a.id, b.id])
    graph = restrict(tg, [a.id, b.id], excluded, via)
    found, examined = best_paths(tg, graph, a.id, b.id, k, hops) if a.id in tg.entities else ([], 0)
    paths = tuple(explain(tg, p, rank) for rank, p in enumerate(found, start=1))
    code: str | None = None
    shortest: int | None = min((p.hops for p in paths), default=None)
    if not paths:
        if not rule.entity_usable(a) or not rule.entity_usable(b):
            code = "filtered_out"
        else:
            shortest = _reach(view, a.id, b.id, rule.types, rule, excluded, via)
            if shortest is not None:
                code = "beyond_hop_limit"
            elif _reach(view, a.id, b.id, rule.types, TieFilter(rule.types), (), None) is not None:
                code = "filtered_out"
            elif not context and linked(view, a.id, b.id):
                code = "only_context"
            else:
                code = "disconnected"
    reason = None
    if code is not None:
        reason = f"No introduction path from {a.name('en')} to {b.name('en')}: {NO_PATH_REASONS[code]}"
        if code == "beyond_hop_limit":
            reason += f" (the shortest chain has {shortest} steps; the limit is {hops})"
    return PathResult(
        source=EntityRef.of(a),
        target=EntityRef.of(b),
        paths=paths,
        options=options,
        reason_code=code,
        reason=reason,
        shortest_hops=shortest,
        candidates_examined=examined,
    )
