"""The integer betweenness ports return exactly what networkx returns."""

from __future__ import annotations

import random

import networkx as nx

from api.cli_bench import synthetic_batches
from graph.model import Batch
from queries.centrality import betweenness, betweenness_subset
from queries.ties import TieFilter, TieGraph


def _graph() -> nx.Graph:
    batches = synthetic_batches(300, 3, 10_000, seed=3)
    batch = Batch(
        sources=[s for b in batches for s in b.sources],
        entities=[e for b in batches for e in b.entities],
        relations=[r for b in batches for r in b.relations],
    )
    graph = TieGraph.build(batch, TieFilter()).graph
    return graph.subgraph(n for n in graph if graph.degree(n) > 0).copy()


def test_betweenness_equals_networkx() -> None:
    graph = _graph()
    assert betweenness(graph) == nx.betweenness_centrality(graph, normalized=False)
    assert betweenness(graph, 25, 4) == nx.betweenness_centrality(graph, k=25, seed=4, normalized=False)
    nodes = list(graph)
    rng = random.Random(1)
    sources, targets = rng.sample(nodes, 20), rng.sample(nodes, 60)
    expected = nx.betweenness_centrality_subset(graph, sources, targets, normalized=False)
    assert betweenness_subset(graph, sources, targets) == expected
