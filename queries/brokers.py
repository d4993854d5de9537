"""Brokers: actors that bridge otherwise separate groups.

Betweenness centrality on the introduction-tie graph (agreements and events
are nodes of it, so co-signatories are two hops apart, but only organisations,
people and place-governments are ranked). A broker is someone many shortest
chains must pass through; a tie's length is one hop plus its weakness
(``1 - ln(strength)``), so chains run through strong ties first. Countries
are left out (they introduce nobody, and a state linked to everyone would
top every list); they still define the groups of ``between`` and
``cross-border``. ``countries`` asks for the plain count instead: every hop
one, countries in (what a server with Graph Data Science counts). A view that streams the tie
graph in pages (Neo4j) carries no strengths: there every hop counts one.
Counting runs in igraph (C) on a snapshot of the tie graph, taken once per
cached graph: networkx gives the same numbers (the tests compare them) but
needs about twenty times longer, minutes on a million relations.

Betweenness needs the whole tie graph. A view holding it in memory hands it
over; a big embedded store gives its ties and their lengths from arrays
(``queries.array_ties``; for a filter other than the default one, a tie graph is
built for the count and dropped after); any other view streams it with ``tie_pages``: pages of (id, type) ends
of the usable ties, never full records with their evidence. Only the top
brokers' rows are read afterwards. On Neo4j with Graph Data Science
installed, plain betweenness (mode ``all``) is counted in the server
(``gds.betweenness``) and nothing is streamed.

Modes
    ``all``: ordinary betweenness; above ``EXACT_LIMIT`` nodes it is the
    sampled approximation (``samples`` pivots, seeded, so runs repeat).
    ``between``: only chains from group X to group Y count
    (subset betweenness); a group is a country (id,
    name or ISO alpha-2) or a continent (code or name: "Europe", "欧州").
    ``cross-border``: only chains whose ends lie in different countries count
    (the sum, over countries C, of subset betweenness from C to the rest).
Sources are sampled (seeded) when there are more than ``samples`` of them.
Scores are reported raw and scaled so the top broker has 1.0.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from graph.errors import UnknownEntity
from graph.model import EntityType
from graph.registry import TIE_TYPES
from graph.store import Store
from queries.errors import InvalidQuery
from queries.geo import CONTINENT_NAMES, Geography, continent_code, is_country
from queries.resolve import resolve_entity
from queries.results import Broker, BrokerResult, EntityRef
from queries.ties import ACTOR_TYPES, Snapshot, TieFilter, TieGraph, snapshot
from queries.view import CountsBetweenness, GraphView, HoldsTieArrays, WholeTieGraph, view_of

EXACT_LIMIT = 1000
DEFAULT_SAMPLES = 100


def _group(text: str, geo: Geography, store: Store) -> tuple[str, Callable[[str], bool]]:
    """A label and a membership test for a continent or a country."""
    code = continent_code(text)
    if code is not None:
        return CONTINENT_NAMES[code], lambda node: geo.continent(node) == code
    iso = text.strip().upper()
    if len(iso) == 2 and iso.isalpha():
        countries = [r.id for r in geo.view.places("country") if geo.iso(r.id) == iso]
        if countries:
            return iso, lambda node: geo.country(node) in countries
    try:
        country = resolve_entity(store, text, types=[EntityType.PLACE])
    except UnknownEntity as exc:
        raise InvalidQuery(f"{text!r} is neither a continent nor a known country: {exc.message}") from None
    if not is_country(country):
        raise InvalidQuery(f"{country.id} is a {country.kind}, not a country or continent")
    return country.name("en"), lambda node: geo.country(node) == country.id


def _tie_snapshot(
    view: GraphView, rule: TieFilter
) -> tuple[Snapshot, Callable[[str], EntityType], list[float] | None]:
    """The tied nodes and their ties as an igraph graph, each node's type, and the ties'
    lengths (``1 - ln(strength)``: one per hop plus its weakness) when strengths are at hand."""
    if isinstance(view, HoldsTieArrays) and not isinstance(view, WholeTieGraph):
        found = view.array_tie_graph(rule)
        if found is not None:
            from queries.array_ties import tie_snapshot

            entities = found.entities
            snap, lengths = tie_snapshot(found)
            return snap, lambda node: entities[node].type, lengths
        return _whole_snapshot(view.built_tie_graph(rule))
    if isinstance(view, WholeTieGraph):
        return _whole_snapshot(view.tie_graph(rule))
    types: dict[str, EntityType] = {}
    pairs: set[tuple[str, str]] = set()
    for page in view.tie_pages(rule.types, rule.as_of, rule.min_confidence):
        for u, u_type, v, v_type in page:
            types[u], types[v] = u_type, v_type
            if u != v:
                pairs.add((u, v) if u < v else (v, u))
    nodes = sorted(types)
    index = {n: i for i, n in enumerate(nodes)}
    import igraph as ig  # loaded by brokers only

    graph = ig.Graph(n=len(nodes), edges=sorted((index[u], index[v]) for u, v in pairs))
    return Snapshot(nodes, index, graph), types.__getitem__, None


def _whole_snapshot(tg: TieGraph) -> tuple[Snapshot, Callable[[str], EntityType], list[float]]:
    snap = snapshot(tg)
    lengths = [1.0 + float(tg.graph.edges[snap.nodes[e.source], snap.nodes[e.target]]["weight"])
               for e in snap.graph.es]
    return snap, lambda node: tg.entities[node].type, lengths


def _result(
    view: GraphView, rule: TieFilter, geo: Geography, counted: tuple[dict[str, tuple[EntityType, float]], int, int],
    top: int, samples: int, options: dict[str, Any],
) -> BrokerResult:
    """Brokers from betweenness the server counted (Graph Data Science): plain betweenness only.
    Sampled scores are scaled by nodes / samples as the in-process count does, so both estimate
    the same total; the sampler differs, so sampled rankings may differ slightly."""
    scores, nodes, ties = counted
    sampled = nodes > EXACT_LIMIT
    used = min(samples, nodes) if sampled else None
    factor = nodes / used if used else 1.0
    ranked = sorted(((s * factor, n) for n, (t, s) in scores.items() if t in ACTOR_TYPES and s > 0),
                    key=lambda x: (-x[0], x[1]))[:top]
    best = ranked[0][0] if ranked else 1.0
    ids = [n for _, n in ranked]
    rows = view.get_entities(ids)
    neighbours: dict[str, set[str]] = {n: set() for n in ids}
    for node, rel in view.ties(ids, rule.types, rule.as_of, rule.min_confidence):
        neighbours[node].add(rel.target if rel.source == node else rel.source)
    result = tuple(
        Broker(entity=EntityRef.of(rows[n]), score=round(s / best, 6), raw=round(s, 6), country=geo.country(n),
               degree=len(neighbours[n]))
        for s, n in ranked
    )
    return BrokerResult(
        brokers=result, mode="all", sources_label=None, targets_label=None, sampled=sampled, samples=used,
        nodes=nodes, edges=ties, options=options,
    )


def _sample(nodes: list[str], limit: int, seed: int) -> tuple[list[str], bool]:
    if len(nodes) <= limit:
        return nodes, False
    return sorted(random.Random(seed).sample(nodes, limit)), True


def brokers(
    store: Store,
    *,
    top: int = 10,
    between: tuple[str, str] | None = None,
    cross_border: bool = False,
    as_of: dt.date | None = None,
    min_confidence: float = 0.0,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    countries: bool = False,
) -> BrokerResult:
    """The ``top`` actors by (restricted) betweenness on the tie graph (countries left out
    of the counting unless ``countries``)."""
    if between is not None and cross_border:
        raise InvalidQuery("choose either a pair of groups or cross-border, not both")
    if top < 1 or samples < 1:
        raise InvalidQuery("top and samples must be at least 1")
    options: dict[str, Any] = {
        "top": top,
        "between": list(between) if between else None,
        "cross_border": cross_border,
        "as_of": as_of.isoformat() if as_of else None,
        "min_confidence": min_confidence,
        "samples": samples,
        "seed": seed,
        "countries": countries,
    }
    view = view_of(store)
    geo = Geography.of(view)
    rule = TieFilter(types=TIE_TYPES, as_of=as_of, min_confidence=min_confidence)
    if countries and between is None and not cross_border and isinstance(view, CountsBetweenness):
        # The server counts plain betweenness over the whole graph (countries in, hops unweighted).
        counted = view.betweenness(rule.types, as_of, min_confidence, samples, seed, EXACT_LIMIT)
        if counted is not None:
            return _result(view, rule, geo, counted, top, samples, options)
    snap, type_of, lengths = _tie_snapshot(view, rule)
    if countries:
        lengths = None  # the plain count, every hop one, as a server with Graph Data Science counts it
    else:
        # A country introduces nobody: chains through a country do not count, and it is not ranked.
        state = {p.id for p in view.places("country")}
        keep = [i for i, n in enumerate(snap.nodes) if n not in state]
        if len(keep) < len(snap.nodes):
            graph = snap.graph.copy()
            if lengths is not None:
                graph.es["length"] = lengths
            graph = graph.induced_subgraph(keep)
            lengths = graph.es["length"] if lengths is not None else None
            nodes = [snap.nodes[i] for i in keep]
            snap = Snapshot(nodes, {n: i for i, n in enumerate(nodes)}, graph)
    index_of = snap.index
    actors = sorted(n for n in snap.nodes if type_of(n) in ACTOR_TYPES)
    sampled = False
    used: int | None = None
    labels: tuple[str | None, str | None] = (None, None)
    scores: dict[str, float]

    def subset(srcs: list[str], tgts: list[str] | None) -> list[float]:
        values: list[float] = snap.graph.betweenness(
            directed=False,
            weights=lengths,
            sources=[index_of[n] for n in srcs],
            targets=None if tgts is None else [index_of[n] for n in tgts],
        )
        return values

    if between is not None or cross_border:
        geo.prefetch(actors)
    if between is not None:
        (la, in_a), (lb, in_b) = _group(between[0], geo, store), _group(between[1], geo, store)
        labels = (la, lb)
        sources = [n for n in actors if in_a(n)]
        targets = [n for n in actors if in_b(n)]
        sources, sampled = _sample(sources, samples, seed)
        used = len(sources) if sampled else None
        scores = dict(zip(snap.nodes, subset(sources, targets), strict=True)) if sources and targets else {}
        mode = "between"
    elif cross_border:
        by_country: dict[str, list[str]] = {}
        for n in actors:
            c = geo.country(n)
            if c is not None:
                by_country.setdefault(c, []).append(n)
        located = [n for ns in by_country.values() for n in ns]
        chosen, sampled = _sample(located, samples, seed)
        used = len(chosen) if sampled else None
        chosen_set = set(chosen)
        total = [0.0] * len(snap.nodes)
        for c, members in sorted(by_country.items()):
            srcs = [n for n in members if n in chosen_set]
            others = [n for n in located if geo.country(n) != c]
            if not srcs or not others:
                continue
            total = [x + y for x, y in zip(total, subset(srcs, others), strict=True)]
        scores = dict(zip(snap.nodes, total, strict=True))
        mode = "cross-border"
    else:
        count = len(snap.nodes)
        if count > EXACT_LIMIT:
            sampled, used = True, min(samples, count)
            pivots, _ = _sample(list(snap.nodes), used, seed)
            scores = {node: v * count / used for node, v in zip(snap.nodes, subset(pivots, None), strict=True)}
        else:
            scores = dict(zip(snap.nodes, snap.graph.betweenness(directed=False, weights=lengths), strict=True))
        mode = "all"
    actor_set = set(actors)
    ranked = sorted(((s, n) for n, s in scores.items() if n in actor_set and s > 0), key=lambda x: (-x[0], x[1]))
    best = ranked[0][0] if ranked else 1.0
    rows = view.get_entities([n for _, n in ranked[:top]])
    result = tuple(
        Broker(entity=EntityRef.of(rows[n]), score=round(s / best, 6), raw=round(s, 6), country=geo.country(n),
               degree=snap.graph.degree(index_of[n]))
        for s, n in ranked[:top]
    )
    return BrokerResult(
        brokers=result,
        mode=mode,
        sources_label=labels[0],
        targets_label=labels[1],
        sampled=sampled,
        samples=used,
        nodes=len(snap.nodes),
        edges=snap.graph.ecount(),
        options=options,
    )
