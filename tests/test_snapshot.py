"""The persisted view snapshot: the same answers as the in-memory index, rebuilt when the store changes,
never trusted when torn."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.registry import CONTEXT_TYPES, RELATION_TYPES, TIE_TYPES
from ingest.load import load_files, seed_path
from queries.index import GraphIndex
from queries.snapshot import SnapshotInvalid, SnapshotView, load_or_build, read_snapshot, snapshot_path


@pytest.fixture(autouse=True)
def every_store_has_a_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("queries.view.SNAPSHOT_MIN_RELATIONS", 0)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    path = tmp_path_factory.mktemp("snap") / "s.sqlite"
    store = EmbeddedStore(path)
    load_files(store, [seed_path()])
    for batch in SyntheticGraph(3000, seed=7, batch_size=2000).batches():
        store.write(batch)
    return store


def both(store: EmbeddedStore) -> tuple[GraphIndex, SnapshotView]:
    version = store.version()
    return GraphIndex.from_rows(version, store.rows()), load_or_build(store.path, version)


def test_every_view_call_answers_as_the_in_memory_index(synthetic: EmbeddedStore) -> None:
    index, snap = both(synthetic)
    ids = sorted(index.entities)
    assert snap.get_entities([*ids, "nobody", "ünicode"]) == index.get_entities(ids)
    sources = sorted(index.sources)
    assert snap.get_sources([*sources, "none"]) == index.get_sources(sources)
    rng = random.Random(3)
    type_sets = [TIE_TYPES, CONTEXT_TYPES, frozenset(RELATION_TYPES), frozenset({"located_in", "part_of"})]
    for _ in range(60):
        frontier = rng.sample(ids, rng.randint(1, 12))
        types = rng.choice(type_sets)
        for direction in ("both", "out", "in"):
            assert snap.adjacent(frontier, types, direction) == index.adjacent(frontier, types, direction)
        as_of = rng.choice([None, dt.date(2015, 1, 1), dt.date(2021, 6, 30)])
        minimum = rng.choice([0.0, 0.7])
        assert snap.ties(frontier, types, as_of, minimum) == index.ties(frontier, types, as_of, minimum)
    for kind in ("country", "region", "city", "nothing"):
        assert snap.places(kind) == index.places(kind)
    for type in (None, EntityType.PERSON, EntityType.PLACE):
        assert snap.entity_page(type, 5, 40) == index.entity_page(type, 5, 40)
    for as_of in (None, dt.date(2019, 1, 1)):
        def pairs(pages):  # the ties as unordered pairs: the order of pages is not part of the contract
            return sorted(tuple(sorted([(u, ut), (v, vt)])) for page in pages for u, ut, v, vt in page)
        assert pairs(snap.tie_pages(TIE_TYPES, as_of, 0.0)) == pairs(index.tie_pages(TIE_TYPES, as_of, 0.0))


def test_rows_made_past_the_cache_bounds_are_still_answered(
    synthetic: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk that fills the row caches past their bounds drops the oldest rows, stays near the bound
    and still gets every row it asked for (the rows it had made before included)."""
    monkeypatch.setattr("queries.snapshot.ROW_CACHE", 20)
    monkeypatch.setattr("queries.snapshot.RELATION_CACHE", 30)
    index, snap = both(synthetic)
    ids = sorted(index.entities)
    rng = random.Random(5)
    for _ in range(40):
        frontier = rng.sample(ids, rng.randint(1, 25))
        found = snap.adjacent(frontier, RELATION_TYPES, "both")
        assert found == index.adjacent(frontier, RELATION_TYPES, "both")
        assert snap.get_entities(frontier) == index.get_entities(frontier)
        asked = {*frontier, *(e for _, rel in found for e in (rel.source, rel.target))}
        assert len(snap._rows) <= 20 + len(asked) and len(snap._relation_rows) <= 30 + len(found)
    last = rng.sample(ids, 3)
    snap.get_entities(last)
    assert {snap._index(e) for e in last} <= set(snap._rows)  # the newest rows are kept


def test_the_snapshot_is_reused_and_rebuilt_when_the_store_changes(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "s.sqlite")
    load_files(store, [seed_path()])
    first = load_or_build(store.path, store.version())
    path = snapshot_path(store.path)
    built = path.stat().st_mtime_ns
    again = load_or_build(store.path, store.version())
    assert path.stat().st_mtime_ns == built and again.version == first.version  # mapped, not rebuilt
    store.retract_source("seed:004-kanagawa-liaoning")
    changed = load_or_build(store.path, store.version())
    assert changed.version == store.version() != first.version
    index = GraphIndex.from_rows(store.version(), store.rows())
    assert changed.get_entities(sorted(index.entities)) == index.entities
    with pytest.raises(SnapshotInvalid, match="version"):
        read_snapshot(path, first.version)


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_snapshot_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    store = EmbeddedStore(tmp_path / "s.sqlite")
    load_files(store, [seed_path()])
    version = store.version()
    load_or_build(store.path, version)
    path = snapshot_path(store.path)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) - 100]
    elif damage == "flip":
        data[-200] ^= 0xFF
    elif damage == "garbage":
        data[:20] = b"x" * 20
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    with pytest.raises(SnapshotInvalid):
        read_snapshot(path, version)
    rebuilt = load_or_build(store.path, version)
    index = GraphIndex.from_rows(version, store.rows())
    assert rebuilt.get_entities(sorted(index.entities)) == index.entities
    read_snapshot(path, version)  # whole again


def test_after_the_warm_up_paths_come_from_the_whole_tie_graph_with_the_same_answers(
    synthetic: EmbeddedStore,
) -> None:
    from queries.paths import introduction_paths
    from queries.snapshot import WholeSnapshotView, warm
    from queries.ties import TieFilter
    from queries.view import WholeTieGraph, view_of

    index = GraphIndex.from_rows(synthetic.version(), synthetic.rows())
    actors = sorted(i for i, e in index.entities.items() if e.type in (EntityType.ORGANISATION, EntityType.PERSON))
    rng = random.Random(11)
    pairs = [tuple(rng.sample(actors, 2)) for _ in range(25)]
    assert not isinstance(view_of(synthetic), WholeTieGraph)  # cold: grown frontier by frontier
    cold = [introduction_paths(synthetic, a, b, k=3) for a, b in pairs]
    warm(synthetic.path, synthetic.version(), TieFilter())
    view = view_of(synthetic)
    assert isinstance(view, WholeSnapshotView)
    whole, expected = view.tie_graph(TieFilter()), index.tie_graph(TieFilter())
    assert sorted(whole.graph.edges()) == sorted(expected.graph.edges())
    assert [introduction_paths(synthetic, a, b, k=3) for a, b in pairs] == cold
    assert sum(1 for r in cold if r.paths) > 10
