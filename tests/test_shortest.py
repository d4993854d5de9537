"""The shortest-path DAG from one bidirectional BFS is exactly the union of networkx's fewest-edge paths."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries.geo import Geography
from queries.index import get_index
from queries.shortest import shortest_path_dag
from queries.ties import TieFilter
from queries.warm import warm_up


def _union_of_shortest(graph: nx.Graph, a: str, b: str) -> set[frozenset[str]]:
    return {frozenset(e) for p in nx.all_shortest_paths(graph, a, b) for e in itertools.pairwise(p)}


@pytest.mark.parametrize("seed", range(12))
def test_dag_equals_all_shortest_paths_on_random_graphs(seed: int) -> None:
    graph = nx.relabel_nodes(nx.gnm_random_graph(80, 120 + 10 * seed, seed=seed), str)
    checked = 0
    for a, b in itertools.combinations(sorted(graph)[:25], 2):
        dag = shortest_path_dag(graph, a, b, max_edges=50)
        if not nx.has_path(graph, a, b):
            assert dag is None
            continue
        assert dag is not None
        assert {frozenset(e) for e in dag.edges} == _union_of_shortest(graph, a, b)
        # and its fewest-edge paths are exactly the graph's
        assert sorted(nx.all_shortest_paths(dag, a, b)) == sorted(nx.all_shortest_paths(graph, a, b))
        checked += 1
    assert checked > 50


def test_dag_respects_the_edge_limit_and_keeps_edge_data() -> None:
    graph = nx.path_graph([str(i) for i in range(6)])
    nx.set_edge_attributes(graph, 0.5, "weight")
    assert shortest_path_dag(graph, "0", "5", max_edges=4) is None
    dag = shortest_path_dag(graph, "0", "5", max_edges=5)
    assert dag is not None and dag.number_of_edges() == 5
    assert all(d["weight"] == 0.5 for _, _, d in dag.edges(data=True))


def test_warm_up_builds_what_the_first_query_needs(tmp_path: object) -> None:
    from pathlib import Path

    with EmbeddedStore(Path(str(tmp_path)) / "s.sqlite") as store:
        load_files(store, [seed_path()])
        warm_up(store)
        index = get_index(store)
        assert index is get_index(store)  # cached: the warm-up's index serves queries
        before = len(index.memo)
        assert isinstance(index.memo.get("geography"), Geography)
        assert index.tie_graph(TieFilter()) is index.tie_graph(TieFilter())
        assert len(index.memo) == before
