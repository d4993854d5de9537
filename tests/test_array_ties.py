"""A big store's tie graph read from arrays: the same graph as the whole networkx tie graph, the same answers
from every query that walks it, and no networkx tie graph held after the warm-up."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bench.synthetic import REGION, SyntheticGraph
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries import array_ties, paths
from queries.array_ties import ArrayTieGraph, tie_snapshot
from queries.brokers import brokers
from queries.index import GraphIndex
from queries.partners import sector_partners
from queries.region import region_network
from queries.snapshot import SnapshotView
from queries.ties import TieFilter, snapshot
from queries.view import WholeTieGraph, view_of
from queries.warm import warm_up


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedStore, SyntheticGraph, GraphIndex]]:
    """A store answered through its snapshot and search arrays (thresholds lowered to its size), and the
    in-memory index of the same version, which holds the whole networkx tie graph."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("queries.view.SNAPSHOT_MIN_RELATIONS", 0)
        patch.setattr(paths, "ARRAY_SEARCH_MIN_TIES", 0)
        graph = SyntheticGraph(6_000, seed=4)
        with EmbeddedStore(tmp_path_factory.mktemp("arrays") / "big.sqlite") as store:
            load_files(store, [seed_path()])
            for batch in graph.batches():
                store.write(batch)
            yield store, graph, GraphIndex.from_rows(store.version(), store.rows())


def _array_graph(store: EmbeddedStore) -> ArrayTieGraph:
    view = view_of(store)
    assert isinstance(view, SnapshotView) and not isinstance(view, WholeTieGraph)
    found = view.array_tie_graph(TieFilter())
    assert isinstance(found, ArrayTieGraph)
    return found


def _on_index(index: GraphIndex, module: str, call: Callable[[], Any]) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(f"queries.{module}.view_of", lambda _store: index)
        return call()


def test_the_graph_read_from_arrays_is_the_whole_tie_graph(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex],
) -> None:
    store, _, index = big
    lean, whole = _array_graph(store), index.tie_graph(TieFilter())
    assert list(lean.graph) == list(whole.graph)
    assert lean.graph.number_of_edges() == whole.graph.number_of_edges()
    for node in whole.graph:
        assert list(lean.graph[node]) == list(whole.graph[node])  # neighbours in the same order
        assert lean.graph.degree(node) == whole.graph.degree(node)
        assert lean.is_meeting(node) == whole.is_meeting(node)
    rng = random.Random(2)
    for u, v in rng.sample(sorted(whole.graph.edges()), 400):
        mine, theirs = lean.graph.edges[u, v], whole.graph.edges[u, v]
        assert (mine["half"], mine["weight"]) == (theirs["half"], theirs["weight"])
        assert mine["info"] == theirs["info"]
        assert lean.edge(v, u) == whole.edge(v, u)
        assert lean.relation_facts([(u, v)]) == whole.relation_facts([(u, v)])
    assert lean.entities["place:mie"] == whole.entities["place:mie"]
    assert "nobody" not in lean.graph and "nobody" not in lean.entities
    with pytest.raises(KeyError):
        lean.graph["nobody"]


def test_brokers_count_the_same_ties_and_lengths(big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex]) -> None:
    store, _, index = big
    lean, whole = _array_graph(store), index.tie_graph(TieFilter())
    snap, lengths = tie_snapshot(lean)
    expected = snapshot(whole)
    assert snap.nodes == expected.nodes
    assert snap.graph.get_edgelist() == expected.graph.get_edgelist()
    assert lengths == [1.0 + whole.graph.edges[expected.nodes[e.source], expected.nodes[e.target]]["weight"]
                       for e in expected.graph.es]
    for options in ({}, {"cross_border": True}, {"countries": True}, {"between": ("Asia", "Europe")},
                    {"min_confidence": 0.8}):
        mine = brokers(store, **options)  # type: ignore[arg-type]
        assert mine == _on_index(index, "brokers", lambda o=options: brokers(store, **o))  # type: ignore[misc]
        assert mine.brokers


def test_region_networks_partners_and_paths_answer_as_on_the_whole_graph(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex], monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, graph, index = big
    # Caches far smaller than the walks: lists and edge data are made again, with the same answers.
    monkeypatch.setattr(array_ties, "NEIGHBOUR_CACHE", 50)
    monkeypatch.setattr(array_ties, "EDGE_CACHE", 20)
    regions = graph.places(REGION)[:8]
    for place in regions:
        mine = region_network(store, place, max_ties=300)
        assert mine == _on_index(index, "region", lambda p=place: region_network(store, p, max_ties=300))
    assert any(r.ties for r in (region_network(store, p) for p in regions))
    rng = random.Random(8)
    actors = graph.tied_actors()
    found = 0
    for sector in ("healthcare", "robotics", "tourism", "trade"):
        origin = rng.choice(actors)
        mine_p = sector_partners(store, sector, origin, hops=3)
        assert mine_p == _on_index(index, "partners", lambda s=sector, o=origin: sector_partners(store, s, o, hops=3))
        found += len(mine_p.partners)
    assert found
    for a, b in [tuple(rng.sample(actors, 2)) for _ in range(12)]:
        for options in ({"k": 3, "via": "people"}, {"k": 2, "via": "organisations"}, {"k": 1}):
            mine_r = paths.introduction_paths(store, a, b, **options)  # type: ignore[arg-type]
            assert mine_r == _on_index(
                index, "paths", lambda x=a, y=b, o=options: paths.introduction_paths(store, x, y, **o))  # type: ignore[misc]


def test_the_warm_up_of_a_big_store_holds_no_networkx_tie_graph(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex],
) -> None:
    store, _, _ = big
    warm_up(store)
    view = view_of(store)
    assert isinstance(view, SnapshotView) and not isinstance(view, WholeTieGraph)
    assert "tie_graphs" not in view.memo
    assert isinstance(view.memo["array_tie_graph"][1], ArrayTieGraph)


def test_a_filter_other_than_the_default_grows_its_tie_graph(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex],
) -> None:
    store, _, _ = big
    view = view_of(store)
    assert isinstance(view, SnapshotView)
    assert view.array_tie_graph(TieFilter(min_confidence=0.5)) is None
    assert isinstance(view.array_tie_graph(TieFilter()), ArrayTieGraph)


def test_ranked_relations_and_neighbourhoods_match_the_in_memory_index(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex],
) -> None:
    import datetime as dt

    from queries.neighbourhood import HUB_DEGREE, _Ranked, neighbourhood
    from queries.ties import ALL_TYPES

    store, _, index = big
    view = view_of(store)
    assert isinstance(view, SnapshotView)
    hubs = view.hubs(HUB_DEGREE)
    assert len(hubs) > 5
    rng = random.Random(4)
    centres = [*hubs[:6], *rng.sample(sorted(index.entities), 20)]
    reference = dt.date(2024, 6, 1)
    expected = _Ranked(index, reference).rank(centres)
    mine = view.ranked_relations(centres, ALL_TYPES, reference)
    for node in centres:
        assert list(mine[node]) == list(expected[node])
        assert len(mine[node]) == len(expected[node])
        if len(expected[node]) > 3:
            assert mine[node][2] == expected[node][2] and mine[node][-1] == expected[node][-1]
            assert mine[node][1:40] == list(expected[node][1:40])
    options: list[dict[str, Any]] = [
        {"radius": 2}, {"radius": 1, "max_per_node": 5}, {"radius": 2, "relation_types": ["party_to", "works_for"]},
        {"radius": 2, "min_confidence": 0.8}, {"radius": 2, "date_from": dt.date(2015, 1, 1)},
        {"radius": 3, "entity_types": ["person"], "max_nodes": 60}, {"radius": 2, "date_to": dt.date(2019, 1, 1)},
    ]
    from queries import neighbourhood as module

    for centre in centres[:12]:
        for option in options:
            found = module.neighbourhood(store, centre, **option)
            assert found == _on_index(index, "neighbourhood", lambda c=centre, o=option: neighbourhood(store, c, **o))


def test_another_days_search_arrays_are_reweighed_without_a_tie_graph(
    big: tuple[EmbeddedStore, SyntheticGraph, GraphIndex], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a new day only the step weights age: they are computed again from the columns (no networkx tie
    graph), equal to those a build from the whole tie graph gives."""
    import datetime as dt

    import numpy as np

    from queries import search_file
    from queries.snapshot import read_snapshot, write_snapshot

    store, _, _ = big
    view = view_of(store)
    assert isinstance(view, SnapshotView)
    assert search_file.search_arrays(view, store.path, 0) is not None
    path = search_file.search_path(store.path)
    columns, vocab, mapped = read_snapshot(path, view.version)
    assert vocab["day"] == dt.date.today().isoformat()
    today = {name: np.array(columns[name]) for name in columns}
    columns.clear()
    mapped.close()
    assert (today["cost"] == 0).any() and (today["cost"] > 0).any()
    stale = dict(today)
    stale["weight"] = np.where(today["cost"] == 0, today["weight"], today["weight"] * 3 + 1)
    write_snapshot(path, view.version, stale, {"day": "2001-02-03"})
    view.memo.clear()
    monkeypatch.setattr(search_file, "_build", lambda *_: pytest.fail("built from a tie graph"))
    again = search_file.search_arrays(view, store.path, 0)
    assert again is not None
    for name in today:
        assert np.array_equal(np.asarray(getattr(again, name)), today[name]), name
    assert read_snapshot(path, view.version)[1]["day"] == dt.date.today().isoformat()
