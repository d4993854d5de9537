"""Introduction paths: the k best, meaningfully different chains of real ties from A to B.

Graph
    Nodes are actors (organisations, people, place-governments) and meeting
    points (agreements, events). Edges are introduction ties only, unless
    context is asked for (see ``queries.ties``). ``A -party_to-> MOU <-party_to- B``
    is one step, "A and B are both parties to the MOU". Moving inside one actor
    (``queries.actors``) is no step. A place at either end may take one "located
    in" step to an organisation in it ("FBRI, in Kobe"). Countries never stand
    between the ends (they may be ends); with ``context`` they may, as context.

Ranking (``queries.ranking``: one objective, documented there)
    Fewest steps first, then the strongest (ties' strengths times each
    intermediary's hub factor), then the node ids: the first answer never
    depends on k and never on the process.

Candidates (bounded search)
    One bidirectional bucket search finds every path with the fewest steps
    (``queries.ranking.fewest_steps_dag``, or ``queries.search`` on arrays when
    the whole tie graph is held); a best-first search bounded by the lightest
    completion (``queries.ranking.best_paths``) then takes the strongest paths
    inside that small union only, in the stable order. A weighted search on the
    whole graph examines every chain lighter than the answer, which on a
    million-relation graph with hubs means most of the graph.

Alternatives (diversity)
    A candidate's *substance* is the set of its intermediaries (the actors
    between the ends, not their units, not meeting points), or its steps when
    it has none. Candidates are taken in ranking order, and one is kept only if,
    against every path already kept, the shared substance is below half of the
    smaller of the two substances (``OVERLAP_LIMIT``): another person met at the
    same webinar is a real alternative; the same introducer with a detour is
    not. When fewer than k survive, up to ``DIVERSITY_ROUNDS`` more searches run
    without the kept paths' steps, then also without their intermediaries, so
    the alternatives may be longer. Kept paths are reported in ranking order.

Limits
    ``hops`` (default 6, hard cap 10) bounds the steps of every path kept; the
    searches read the tie graph frontier by frontier (``queries.ties.tie_network``),
    so on a backend answering the read view natively they touch only what they visit.

No path
    The reason distinguishes: ``disconnected`` (no chain of ties at all),
    ``only_context`` (only shared places/sectors link them), ``only_country``
    (only a country stands between them), ``filtered_out`` (linked, but not
    under the as-of date, exclusions, via or confidence given),
    ``beyond_hop_limit`` (linked in ``shortest_hops`` steps, more than allowed).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import networkx as nx

from graph.model import EntityType
from graph.registry import CONTEXT_TYPES, MEETING_POINTS, TIE_TYPES
from graph.rows import RelationRow
from graph.store import Store
from queries import ranking
from queries.actors import Actors
from queries.errors import InvalidQuery
from queries.geo import is_country
from queries.resolve import resolve_entity
from queries.results import EntityRef, IntroductionPath, PathResult
from queries.steps import Located, PathGraph, country_of, explain
from queries.ties import HALF_LIFE_YEARS, EdgeInfo, GrownTieGraph, TieFilter, TieGraph, tie_network
from queries.view import GraphView, view_of
from queries.walks import linked

if TYPE_CHECKING:
    from queries.search import TieArrays, Union

Via = Literal["people", "organisations"]
# Tie graphs with at least this many ties are searched on arrays (``queries.search``); below it the
# dict-based search is as fast and a command on a small store does not load numpy.
ARRAY_SEARCH_MIN_TIES = 20_000

DEFAULT_K = 3
MAX_K = 10
DEFAULT_HOPS = 6
MAX_HOPS = 10
OVERLAP_LIMIT = 0.5
CANDIDATES = 12
DIVERSITY_ROUNDS = 2
ROUND_CANDIDATES = 6
UNBOUNDED = 10**6
WEIGHT_KEY = "step_weight"  # an edge's -log(strength) as a step, kept in its data by ``_edge_weight``
LOCATED_STRENGTH = 0.5  # a place reaching an organisation located in it (only at a path's ends)

NO_PATH_REASONS = {
    "disconnected": "no chain of relationships links them at all",
    "only_context": "only shared context (a place or a sector) links them, which is not an introduction",
    "only_country": "only a country stands between them, and a country introduces nobody",
    "filtered_out": "they are linked, but not under the options given (as-of date, exclusions, via, confidence)",
    "beyond_hop_limit": "they are linked, but only in more steps than the hop limit allows",
}

ENDPOINT_TYPES = frozenset(
    {EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE, EntityType.AGREEMENT, EntityType.EVENT}
)


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise InvalidQuery(f"{name} must be between {low:g} and {high:g} (got {value:g})")


def _passable(
    tg: TieGraph, actors: Actors, endpoints: Sequence[str], exclude: Sequence[str] = (), via: Via | None = None,
    countries: bool = False,
) -> Callable[[str], bool]:
    """Which nodes may stand between the ends of a path.

    Countries never do (they may be ends), unless shared context is asked for
    (``countries``: sharing a country is context, not an introduction).
    Excluded nodes never do. ``via`` keeps people, or organisations and
    place-governments, as intermediaries; meeting points always pass, and so
    do the units and staff of either end's own actor ("via people" from a
    prefecture still walks through its own departments).
    """
    drop = frozenset(exclude) - set(endpoints)
    ends = tuple(endpoints)
    entities = tg.entities
    people_ok = {EntityType.PERSON} | MEETING_POINTS
    orgs_ok = {EntityType.ORGANISATION, EntityType.PLACE} | MEETING_POINTS

    place = EntityType.PLACE
    allowed = people_ok if via == "people" else orgs_ok

    def passable(node: str) -> bool:
        if node in drop:
            return False
        entity = entities.get(node)
        if entity is None or (not countries and entity.type is place and entity.kind == "country"):
            return False
        if via is None:
            return True
        return entity.type in allowed or any(actors.same(end, node) for end in ends)

    return passable


def substance(path: Sequence[str], between: Sequence[str] = ()) -> frozenset[object]:
    """What a path is made of: its intermediaries (actors between the ends), or, for a path with
    none, its steps (meeting points and direct pairs). Meeting points shared with another path
    do not make two paths the same: a different person met at the same webinar is a real
    alternative."""
    if between:
        return frozenset(between)
    return frozenset([*path[1:-1], *(frozenset(e) for e in itertools.pairwise(path))])


def overlap(a: frozenset[object], b: frozenset[object]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


@dataclass
class Fewest:
    """The union of the fewest-step paths between two nodes: from the array search (``union``) or the
    dict-based one (``graph``); ``total`` is their half steps."""

    total: int
    graph: nx.Graph | None = None
    union: Union | None = None

    def dag(self) -> nx.Graph:
        if self.graph is None:
            assert self.union is not None
            self.graph = nx.Graph()
            self.graph.add_edges_from(self.union.pairs())
        return self.graph


class Introductions:
    """Ranked introduction paths over one tie graph (``queries.ranking`` states the objective)."""

    def __init__(self, view: GraphView, tg: TieGraph, rule: TieFilter, countries: bool = False) -> None:
        self.view = view
        self.tg = tg
        self.rule = rule
        self.countries = countries
        graph = tg.graph

        def upward(nodes: Sequence[str], rel_type: str) -> dict[str, list[RelationRow]]:
            found: dict[str, list[RelationRow]] = {}
            for node, rel in view.adjacent(nodes, (rel_type,), "out"):
                if rule.relation_usable(rel, tg.sources) is not None:
                    found.setdefault(node, []).append(rel)
            return found

        # Actor membership depends on the graph only: a cached whole graph keeps it across queries.
        actors = tg.memo.get("actors")
        if not isinstance(actors, Actors):
            actors = tg.memo["actors"] = Actors(
                entities=tg.entities,
                upward=upward,
                relations=lambda u, v: [rel for rel, _ in tg.edge(u, v).relations],
                lookup=view.get_entities,
            )
        self.actors = actors
        self.located: dict[frozenset[str], Located] = {}
        self.pg = PathGraph(
            entities=tg.entities,
            sources=tg.sources,
            relations=lambda u, v: tg.edge(u, v).relations,
            actors=self.actors,
            located=self.located,
            degree=lambda n: int(graph.degree(n)) if n in graph else 0,
            country=country_of(view),
        )

    def located_in(self, place: str) -> dict[str, int]:
        """Organisations located in ``place`` (not a country) and not tied to it: one "located in" step,
        {id: half steps}. An organisation tied to the place (a prefecture's own agency) is reached
        through that tie instead."""
        entity = self.view.get_entities([place]).get(place)
        if entity is None or entity.type is not EntityType.PLACE or is_country(entity):
            return {}
        self.tg.reach((place,))
        tied = self.tg.graph.adj[place] if place in self.tg.graph else {}
        rule = TieFilter(frozenset({"located_in"}), self.rule.as_of, self.rule.min_confidence)
        found = self.view.ties([place], rule.types, rule.as_of, rule.min_confidence)
        ends = self.view.get_entities(sorted({rel.source for _, rel in found}))
        orgs: dict[str, int] = {}
        for _, rel in found:
            org = ends.get(rel.source)
            if rel.target != place or org is None or org.type is not EntityType.ORGANISATION or org.id in tied:
                continue
            strength = LOCATED_STRENGTH * rel.confidence
            self.located[frozenset((place, org.id))] = Located(place, org.id, rel, strength)
            orgs[org.id] = 2
        self.tg.reach(sorted(orgs))
        return {o: h for o, h in orgs.items() if o in self.tg.graph}

    def _half(self, u: str, v: str) -> int:
        """An edge's cost in half steps; a "located in" move at an end is a whole step."""
        if self.located and frozenset((u, v)) in self.located:
            return 2
        return self._tie_half(u, v)

    def _tie_half(self, u: str, v: str, keep: bool = True) -> int:
        """A tie's cost in half steps, kept in the edge's data (unless not ``keep``): it depends on the
        graph only."""
        data = self.tg.graph._adj[u][v]
        found = data.get(ranking.STEPS_KEY)
        if found is None:
            found = 0 if self.actors.inside(u, v) else int(data["half"])
            if keep:
                data[ranking.STEPS_KEY] = found
        return int(found)

    def arrays(self) -> TieArrays | None:
        """The whole tie graph as search arrays (``queries.search``), built once per tie graph. A graph
        grown frontier by frontier takes the arrays persisted beside a big embedded store for the
        default filter (``queries.search_file``); otherwise None: the dict-based search serves it."""
        memo = self.tg.memo
        if isinstance(self.tg, GrownTieGraph):
            if "persisted" not in memo:
                memo["persisted"] = self._persisted()
            found_persisted: TieArrays | None = memo["persisted"]
            return found_persisted
        ties = memo.get("ties")
        if not isinstance(ties, int):
            ties = memo["ties"] = self.tg.graph.number_of_edges()  # counting walks the whole graph: once
        if ties < ARRAY_SEARCH_MIN_TIES:
            return None
        from queries.search import TieArrays

        found = self.tg.memo.get("search")
        if not isinstance(found, TieArrays):
            found = self._persisted(build=False)  # the same arrays, when already beside the store
            if found is not None:
                self.tg.memo["search"] = found
                return found
            graph, entities = self.tg.graph, self.tg.entities

            def edges() -> Iterator[tuple[str, str, int, float]]:
                # Each tie once; nothing kept in the edges' data (a million small dicts would grow).
                for u, v in graph.edges():
                    yield u, v, self._tie_half(u, v, keep=False), self._tie_weight(u, v, keep=False)

            found = self.tg.memo["search"] = TieArrays.build(
                list(graph),
                edges(),
                lambda n: 0.0 if self.pg.is_meeting(n) else ranking.hub_penalty(len(graph._adj[n])),
                lambda n: is_country(entities[n]),
            )
        return found

    def _persisted(self, build: bool = True) -> TieArrays | None:
        from queries.snapshot import SnapshotView

        view = self.view
        if not isinstance(view, SnapshotView) or view.store_path is None:
            return None
        from queries.search_file import default_rule, search_arrays

        if self.rule != default_rule() or self.tg.reference != dt.date.today():
            return None
        return search_arrays(view, view.store_path, ARRAY_SEARCH_MIN_TIES, build)

    def fewest(
        self, a: str, b: str, max_half: int, exclude: Sequence[str], via: Via | None,
        seeds: dict[str, dict[str, int]], used_edges: Collection[frozenset[str]] = (), used_nodes: Collection[str] = (),
    ) -> Fewest | None:
        """The union of the fewest-step a-b paths (``ranking.fewest_steps_dag``), on the search arrays
        when the whole tie graph is held and intermediaries are not restricted by kind."""
        arrays = self.arrays() if via is None else None
        if arrays is None:
            passable = _passable(self.tg, self.actors, [a, b], exclude, via, self.countries)
            usable = None
            if used_edges or used_nodes:
                edges, nodes = set(used_edges), set(used_nodes)

                def usable(u: str, v: str) -> bool:
                    return frozenset((u, v)) not in edges and u not in nodes and v not in nodes

            found = ranking.fewest_steps_dag(
                self.tg.graph, a, b, max_half, self._half, passable, self.tg.reach, seeds, usable
            )
            return None if found is None else Fewest(found[1], found[0])
        from queries.search import fewest_steps_union

        closed = [arrays.index[n] for n in (*exclude, *used_nodes) if n in arrays.index and n not in (a, b)]
        open_nodes = arrays.passable(self.countries, closed)
        closed_edges = arrays.edge_positions([(min(e), max(e)) for e in used_edges]) if used_edges else None
        union = fewest_steps_union(arrays, a, b, max_half, open_nodes, seeds, closed_edges)
        return None if union is None else Fewest(union.total, union=union)

    def _edge_weight(self, u: str, v: str) -> float:
        """``-log`` of a step's strength (``PathGraph.edge_strength``)."""
        if self.located:
            found = self.located.get(frozenset((u, v)))
            if found is not None:
                return -math.log(found.strength)
        return self._tie_weight(u, v)

    def _tie_weight(self, u: str, v: str, keep: bool = True) -> float:
        """``-log`` of a tie's strength as a step, kept in the edge's data (unless not ``keep``): it
        depends on the graph only. A move inside one actor weighs its evidence only."""
        data = self.tg.graph._adj[u][v]
        weight = data.get(WEIGHT_KEY)
        if weight is None:
            info: EdgeInfo = data["info"]
            inside = self._tie_half(u, v, keep) == 0
            weight = -math.log(max(r.confidence for r, _ in info.relations) if inside else info.strength)
            if keep:
                data[WEIGHT_KEY] = weight
        return float(weight)

    def _penalty(self, node: str, ends: frozenset[str]) -> float:
        """The hub penalty of an intermediary; none for meeting points and the ends' own actors
        (``ends``: the roots of both ends' actors)."""
        if self.pg.is_meeting(node) or self.actors.roots(node) & ends:
            return 0.0
        arrays = self.arrays()
        if arrays is not None:  # (a grown graph knows a node's every tie only once it is reached)
            return float(arrays.penalty[arrays.index[node]])
        return ranking.hub_penalty(len(self.tg.graph._adj[node]))

    def fewest_steps(self, a: str, b: str, exclude: Sequence[str] = (), via: Via | None = None) -> int | None:
        """Steps of the shortest a-b path under the filters, with no hop limit (None: none)."""
        graph = self.tg.graph
        self.tg.reach((a, b))
        if a not in graph or b not in graph:
            return None
        seeds = {end: self.located_in(end) for end in (a, b)}
        found = self.fewest(a, b, 2 * UNBOUNDED, exclude, via, seeds)
        if found is None:
            return None
        return (found.total + int(self.tg.is_meeting(a)) + int(self.tg.is_meeting(b))) // 2

    def within(self, a: str, hops: int, exclude: Sequence[str] = (), via: Via | None = None) -> dict[str, int]:
        """Nodes within ``hops`` steps of ``a`` (half steps, counted as paths count them), level by level."""
        tg = self.tg
        tg.reach((a,))
        if a not in tg.graph:
            return {}
        passable = _passable(tg, self.actors, [a], exclude, via, self.countries)
        limit = 2 * hops
        dist = {a: 0, **self.located_in(a)}
        level = 0
        while level <= limit:
            queue = sorted(n for n, d in dist.items() if d == level)
            done: set[str] = set()
            while queue:
                tg.reach(queue)
                nxt: list[str] = []
                for node in queue:
                    if node in done:
                        continue
                    done.add(node)
                    if node != a and not passable(node):
                        continue
                    for other in tg.graph.adj[node]:
                        if not passable(other):
                            continue
                        nd = level + self._half(node, other)
                        if nd <= limit and nd < dist.get(other, limit + 1):
                            dist[other] = nd
                            if nd == level:
                                nxt.append(other)
                queue = nxt
            level += 1
        return dist

    def paths(
        self, a: str, b: str, k: int, hops: int, exclude: Sequence[str] = (), via: Via | None = None,
    ) -> tuple[list[IntroductionPath], int]:
        """Up to k diverse paths: fewest steps first, then strongest, then node ids."""
        tg = self.tg
        graph = tg.graph
        tg.reach((a, b))
        if a not in graph or b not in graph:
            return [], 0
        seeds = {end: self.located_in(end) for end in (a, b)}
        # An end that is a meeting point counts a whole step for its half.
        max_half = 2 * hops - int(tg.is_meeting(a)) - int(tg.is_meeting(b))
        penalties: dict[str, float] = {}
        ends = self.actors.roots(a) | self.actors.roots(b)

        def penalty(node: str) -> float:
            found = penalties.get(node)
            if found is None:
                found = penalties[node] = self._penalty(node, ends)
            return found

        def weight(u: str, v: str) -> float:
            return self._edge_weight(u, v) + (penalty(u) + penalty(v)) / 2

        kept: list[tuple[int, float, list[str]]] = []
        kept_substance: list[frozenset[object]] = []
        seen: set[tuple[str, ...]] = set()
        examined = 0

        def consider(limit: int, used_edges: Collection[frozenset[str]] = (), used_nodes: Collection[str] = ()) -> None:
            nonlocal examined
            found = self.fewest(a, b, max_half, exclude, via, seeds, used_edges, used_nodes)
            if found is None:
                return
            total = found.total
            if found.union is not None:
                union, ids = found.union, found.union.arrays.ids
                free = union.free(
                    lambda n: bool(self.actors.roots(n) & ends), not exclude and not used_nodes, self.actors.prime
                )
                best = union.best(free, lambda x, y: weight(ids[x], ids[y]), limit)
            else:
                best = ranking.ranked(found.dag(), a, b, self._half, weight, limit)
            for w, path in best:
                self.tg.reach(path)  # a grown graph: the path's ties, for its steps and explanation
                if tuple(path) in seen:
                    continue
                seen.add(tuple(path))
                examined += 1
                if len(kept) == k:
                    return
                sub = substance(path, self.pg.intermediaries(path))
                if all(overlap(sub, t) < OVERLAP_LIMIT for t in kept_substance):
                    kept.append((total, w, path))
                    kept_substance.append(sub)

        consider(1 if k == 1 else CANDIDATES)
        for round_ in range(DIVERSITY_ROUNDS):
            if not kept or len(kept) == k:
                break
            # Alternatives that avoid what the kept paths are made of: first their steps
            # (moves inside an end's own actor stay open), then their intermediaries too.
            used_edges = {frozenset(e) for _, _, p in kept for e in itertools.pairwise(p) if self._half(*e) > 0}
            used_nodes = {n for _, _, p in kept for n in self.pg.intermediaries(p)} if round_ > 0 else set()
            consider(ROUND_CANDIDATES, used_edges, used_nodes)
        kept.sort(key=lambda t: (t[0], *ranking.order_key(t[1], t[2])))
        return [explain(self.pg, p, rank) for rank, (_, _, p) in enumerate(kept, start=1)], examined


def _reach(
    view: GraphView, a: str, b: str, types: frozenset[str], rule: TieFilter, exclude: Sequence[str], via: Via | None,
    countries: bool = False,
) -> int | None:
    """Fewest steps from a to b under the filters and without a hop limit (None: unreachable)."""
    rule = TieFilter(types, rule.as_of, rule.min_confidence)
    tg = tie_network(view, rule, [a, b])
    return Introductions(view, tg, rule, countries).fewest_steps(a, b, exclude, via)


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
    found, examined = Introductions(view, tg, rule, context).paths(a.id, b.id, k, hops, excluded, via)
    paths = tuple(found)
    code: str | None = None
    shortest: int | None = min((p.hops for p in paths), default=None)
    if not paths:
        if not rule.entity_usable(a) or not rule.entity_usable(b):
            code = "filtered_out"
        else:
            shortest = _reach(view, a.id, b.id, rule.types, rule, excluded, via, context)
            if shortest is not None:
                code = "beyond_hop_limit"
            elif (rule != TieFilter(rule.types) or excluded or via is not None) and _reach(
                view, a.id, b.id, rule.types, TieFilter(rule.types), (), None, context
            ) is not None:  # (without options to drop, that search is the one just made)
                code = "filtered_out"
            elif not context and _reach(view, a.id, b.id, rule.types, rule, excluded, via, True) is not None:
                code = "only_country"
            elif not context and linked(view, a.id, b.id):
                code = "only_context"
            else:
                code = "disconnected"
    reason = None
    if code is not None:
        reason = f"No introduction path from {a.name('en')} to {b.name('en')}: {NO_PATH_REASONS[code]}"
        if code == "beyond_hop_limit":
            reason += f" (the shortest chain has {shortest} steps; the limit is {hops})"
        for end in (a, b) if code == "filtered_out" else ():
            why = rule.absence(end)
            if why is not None:
                reason += f" ({end.name('en')}: {why})"
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
