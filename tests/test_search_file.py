"""The search arrays persisted beside a big store: a fresh process searches them and answers exactly as a
process holding the whole tie graph; a torn, stale or other-day file is rebuilt, never trusted."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries import paths, search_file
from queries.index import GraphIndex, get_index
from queries.paths import introduction_paths
from queries.search_file import search_path
from queries.snapshot import SnapshotView, warm, write_snapshot
from queries.ties import TieFilter
from queries.view import view_of


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[tuple[EmbeddedStore, SyntheticGraph]]:
    """A store answered through its snapshot and persisted search arrays (thresholds lowered to its size)."""
    monkeypatch.setattr("queries.view.SNAPSHOT_MIN_RELATIONS", 0)
    monkeypatch.setattr(paths, "ARRAY_SEARCH_MIN_TIES", 0)
    graph = SyntheticGraph(6_000, seed=9)
    with EmbeddedStore(tmp_path / "big.sqlite") as store:
        load_files(store, [seed_path()])
        for batch in graph.batches():
            store.write(batch)
        yield store, graph


def _asked(graph: SyntheticGraph) -> list[tuple[str, str, dict[str, object]]]:
    rng = random.Random(6)
    actors = graph.tied_actors()
    seeds = [("place:mie", "org:fbri"), ("org:eps-holdings", "org:beijing-cj-zone"), ("place:kobe", "org:itochu")]
    options = itertools.cycle([{"k": 1}, {"k": 3}, {"k": 2, "hops": 3}, {"k": 3, "exclude": []}])
    pairs = [*seeds, *(tuple(rng.sample(actors, 2)) for _ in range(30))]
    return [(a, b, next(options)) for a, b in pairs]


def test_a_fresh_view_searches_the_persisted_arrays_with_the_same_answers(
    big: tuple[EmbeddedStore, SyntheticGraph],
) -> None:
    store, graph = big
    asked = _asked(graph)
    view = view_of(store)
    assert isinstance(view, SnapshotView)
    cold = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]  # type: ignore[arg-type]
    assert search_path(store.path).exists()
    assert "search_arrays" in view.memo  # the searches above used the persisted arrays
    index = GraphIndex.from_rows(store.version(), store.rows())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("queries.paths.view_of", lambda _store: index)
        whole = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]  # type: ignore[arg-type]
    assert cold == whole
    assert sum(bool(r["paths"]) for r in cold) > 15
    # A warmed view (the whole tie graph in memory) takes the same arrays from beside the store.
    warmed = warm(store.path, store.version(), TieFilter())
    assert [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked] == cold  # type: ignore[arg-type]
    tg = warmed.tie_graph(TieFilter())
    assert tg.memo["search"] is warmed.memo["search_arrays"][1]


@pytest.mark.parametrize("damage", ["truncate", "other_day", "garbage"])
def test_a_damaged_or_stale_search_file_is_rebuilt(
    big: tuple[EmbeddedStore, SyntheticGraph], damage: str
) -> None:
    store, graph = big
    asked = _asked(graph)[:6]
    view = view_of(store)
    assert isinstance(view, SnapshotView)
    first = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]  # type: ignore[arg-type]
    path = search_path(store.path)
    if damage == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a search file" * 100)
    else:
        write_snapshot(path, view.version, {"ptr": __import__("numpy").zeros(1)}, {"day": "2000-01-01"})
    view.memo.clear()
    again = [introduction_paths(store, a, b, **o).model_dump() for a, b, o in asked]  # type: ignore[arg-type]
    assert again == first
    reopened = search_file._open(view, path, __import__("datetime").date.today())
    assert reopened is not None  # rebuilt whole, for today


def test_small_stores_keep_the_dict_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("queries.view.SNAPSHOT_MIN_RELATIONS", 0)
    with EmbeddedStore(tmp_path / "seed.sqlite") as store:
        load_files(store, [seed_path()])
        introduction_paths(store, "place:mie", "org:fbri")
        assert not search_path(store.path).exists()  # fewer ties than the arrays pay for
        assert isinstance(get_index(store), GraphIndex)
