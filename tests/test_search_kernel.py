"""The array search (``queries.search``) answers exactly what the dict-based search answers.

Both find the union of all fewest-step paths between two nodes; the array one serves views
holding the whole tie graph. Checked on pairs of the seed graph and of a synthetic graph,
under hop limits, exclusions, closed ties (the diversity rounds) and with countries
allowed, and end to end: introduction paths are identical with either search.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator

import networkx as nx
import pytest

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from graph.registry import TIE_TYPES
from ingest.load import load_files, seed_path
from queries import paths, ranking
from queries.index import GraphIndex, get_index
from queries.paths import Introductions, _passable, introduction_paths
from queries.search import fewest_steps_union
from queries.ties import TieFilter


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphIndex]:
    with EmbeddedStore(tmp_path_factory.mktemp("kernel") / "seed.sqlite") as store:
        load_files(store, [seed_path()])
        yield get_index(store)


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedStore, SyntheticGraph]]:
    graph = SyntheticGraph(12_000, seed=5)
    with EmbeddedStore(tmp_path_factory.mktemp("kernel") / "synthetic.sqlite") as store:
        for batch in graph.batches():
            store.write(batch)
        yield store, graph


def _both(intro: Introductions, a: str, b: str, max_half: int, exclude: list[str], countries: bool,
          used_edges: set[frozenset[str]], used_nodes: set[str]) -> tuple[object, object]:
    tg = intro.tg
    intro.countries = countries
    seeds = {end: intro.located_in(end) for end in (a, b)}
    passable = _passable(tg, intro.actors, [a, b], exclude, None, countries)
    edges, nodes = set(used_edges), set(used_nodes)

    def usable(u: str, v: str) -> bool:
        return frozenset((u, v)) not in edges and u not in nodes and v not in nodes

    found = ranking.fewest_steps_dag(tg.graph, a, b, max_half, intro._half, passable, tg.reach, seeds,
                                     usable if edges or nodes else None)
    expected = None if found is None else ({frozenset(e) for e in found[0].edges()}, found[1])
    arrays = intro.arrays()
    assert arrays is not None
    closed = [arrays.index[n] for n in (*exclude, *used_nodes) if n in arrays.index]
    got = fewest_steps_union(arrays, a, b, max_half, arrays.passable(countries, closed), seeds,
                             arrays.edge_positions([(min(e), max(e)) for e in used_edges]) if used_edges else None)
    actual = None if got is None else ({frozenset(e) for e in got.pairs()}, got.total)
    return expected, actual


def _compare(intro: Introductions, nodes: list[str], pairs: int, seed: int) -> int:
    rng = random.Random(seed)
    found = 0
    for _ in range(pairs):
        a, b = rng.sample(nodes, 2)
        max_half = rng.choice([4, 8, 12, 2 * paths.UNBOUNDED])
        exclude = rng.sample(nodes, rng.choice([0, 0, 3]))
        exclude = [x for x in exclude if x not in (a, b)]
        countries = rng.random() < 0.2
        used_edges: set[frozenset[str]] = set()
        used_nodes: set[str] = set()
        if rng.random() < 0.3:  # a diversity round: close the ties and intermediaries of a first answer
            first = _both(intro, a, b, max_half, exclude, countries, set(), set())[0]
            if first is not None:
                edges = sorted(tuple(sorted(e)) for e in first[0])  # type: ignore[index]
                used_edges = {frozenset(e) for e in rng.sample(edges, min(2, len(edges)))}
                used_nodes = {n for e in used_edges for n in e} - {a, b} if rng.random() < 0.5 else set()
        expected, actual = _both(intro, a, b, max_half, exclude, countries, used_edges, used_nodes)
        assert actual == expected, (a, b, max_half, exclude, countries, used_edges, used_nodes)
        found += expected is not None
    return found


def _introductions(view: GraphIndex, monkeypatch: pytest.MonkeyPatch) -> Introductions:
    monkeypatch.setattr(paths, "ARRAY_SEARCH_MIN_TIES", 0)
    rule = TieFilter(frozenset(TIE_TYPES))
    return Introductions(view, view.tie_graph(rule), rule)


def test_array_search_equals_dict_search_on_the_seed(seed_index: GraphIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    intro = _introductions(seed_index, monkeypatch)
    nodes = sorted(n for n in intro.tg.graph if intro.tg.graph.degree(n) > 0)
    assert _compare(intro, nodes, 1500, seed=1) > 300  # most sampled pairs are linked


def test_array_search_equals_dict_search_on_a_synthetic_graph(
    synthetic_store: tuple[EmbeddedStore, SyntheticGraph], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, graph = synthetic_store
    intro = _introductions(get_index(store), monkeypatch)
    assert _compare(intro, graph.tied_actors(), 400, seed=2) > 100


def test_paths_are_identical_with_either_search(
    synthetic_store: tuple[EmbeddedStore, SyntheticGraph], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, graph = synthetic_store
    rng = random.Random(4)
    pairs = [tuple(rng.sample(graph.tied_actors(), 2)) for _ in range(40)]
    options = itertools.cycle([{"k": 1}, {"k": 3}, {"k": 3, "hops": 3}, {"k": 2, "context": True}])
    asked = [(a, b, next(options)) for a, b in pairs]
    monkeypatch.setattr(paths, "ARRAY_SEARCH_MIN_TIES", 10**9)
    expected = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]
    monkeypatch.setattr(paths, "ARRAY_SEARCH_MIN_TIES", 0)
    actual = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]
    assert actual == expected
    assert sum(bool(r["paths"]) for r in actual) > 20


def _drawn(
    dag: nx.Graph, a: str, b: str, total: int, half: Callable[[str, str], int],
    weight: Callable[[str, str], float], limit: int,
) -> list[tuple[float, list[str]]] | None:
    """The reference ranking: draw paths lightest first (Yen's algorithm, networkx), skip those that
    leave the fewest steps, draw on while equally light (to the stable order's decimals), sort by the
    stable order. None when the draws ran out before the limit was reached or the ties were settled."""
    for u, v in dag.edges():
        dag.edges[u, v]["w"] = weight(u, v)
    found: list[tuple[float, list[str]]] = []
    cutoff: float | None = None
    for drawn, path in enumerate(nx.shortest_simple_paths(dag, a, b, weight="w"), start=1):
        w = float(sum(dag.edges[u, v]["w"] for u, v in itertools.pairwise(path)))
        if cutoff is not None and round(w, ranking.TIE_DECIMALS) > cutoff:
            break
        if drawn > limit + 400:
            return None
        if sum(half(u, v) for u, v in itertools.pairwise(path)) != total:
            continue
        found.append((w, path))
        if len(found) >= limit:
            cutoff = round(w, ranking.TIE_DECIMALS)
    found.sort(key=lambda wp: ranking.order_key(*wp))
    return found[:limit]


@pytest.mark.parametrize("limit", [1, 3, 12])
def test_the_best_first_ranking_equals_drawing_paths_lightest_first(
    seed_index: GraphIndex, synthetic_store: tuple[EmbeddedStore, SyntheticGraph], monkeypatch: pytest.MonkeyPatch,
    limit: int,
) -> None:
    """``ranking.ranked`` (dict-based union) and ``Union.best`` (arrays) against Yen's draws in the stable
    order, on the unions that path queries search."""
    compared = 0
    for view, nodes in ((seed_index, None), (get_index(synthetic_store[0]), synthetic_store[1].tied_actors())):
        intro = _introductions(view, monkeypatch)
        graph = intro.tg.graph
        pool = nodes or sorted(n for n in graph if graph.degree(n) > 0)
        rng = random.Random(7)
        for _ in range(150):
            a, b = rng.sample(pool, 2)
            seeds = {end: intro.located_in(end) for end in (a, b)}
            found = intro.fewest(a, b, 12, [], None, seeds)
            if found is None:
                continue
            dag, total, union = found.dag(), found.total, found.union
            assert union is not None
            ends = intro.actors.roots(a) | intro.actors.roots(b)

            def weight(u: str, v: str, ends: frozenset[str] = ends) -> float:
                return intro._edge_weight(u, v) + (intro._penalty(u, ends) + intro._penalty(v, ends)) / 2

            actual = ranking.ranked(dag, a, b, intro._half, weight, limit)
            assert actual, (a, b)  # the union holds a fewest-step path by construction
            ids = union.arrays.ids
            free = union.free(lambda n, ends=ends: bool(intro.actors.roots(n) & ends), False)  # type: ignore[misc]
            assert union.free(lambda n, ends=ends: bool(intro.actors.roots(n) & ends), True) == free  # type: ignore[misc]
            assert union.best(free, lambda x, y: weight(ids[x], ids[y]), limit) == actual, (a, b)
            expected = _drawn(dag.copy(), a, b, total, intro._half, weight, limit)
            if expected is not None:
                assert actual == expected, (a, b)
                compared += 1
    assert compared > 100
