"""Properties of the introduction ranking over every actor pair of the seed graph and of a
small synthetic graph:

* the first answer never depends on k (k=1 and k=3 agree);
* no answer is returned after the first that has the same or fewer steps and is stronger;
* the same question gets the same answer in every process (run under several ``PYTHONHASHSEED``
  values, which change the iteration order of sets of strings).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from queries.paths import introduction_paths
from tests.ranking_answers import AS_OF, load, pairs

REPO = Path(__file__).resolve().parents[1]
HASH_SEEDS = ("0", "1", "4242")
EPSILON = 1e-9


@pytest.fixture(scope="module", params=["seed", "synthetic"])
def graph(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[EmbeddedStore, list[str]]]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp(request.param)) / "graph.sqlite")
    actors = load(store, request.param)
    yield store, actors
    store.close()


def _ids(path: object) -> list[str]:
    return [n.id for n in path.nodes]  # type: ignore[attr-defined]


def test_first_answer_independent_of_k_and_never_weaker_first(graph: tuple[EmbeddedStore, list[str]]) -> None:
    store, actors = graph
    depends_on_k: list[tuple[str, str]] = []
    weaker_first: list[tuple[str, str]] = []
    asked = 0
    for a, b in pairs(actors):
        one = introduction_paths(store, a, b, k=1, as_of=AS_OF)
        three = introduction_paths(store, a, b, k=3, as_of=AS_OF)
        asked += 1
        if bool(one.paths) != bool(three.paths) or (one.paths and _ids(one.paths[0]) != _ids(three.paths[0])):
            depends_on_k.append((a, b))
        if three.paths:
            first = three.paths[0]
            if any(p.hops <= first.hops and p.strength > first.strength + EPSILON for p in three.paths[1:]):
                weaker_first.append((a, b))
    assert asked >= 700
    assert not depends_on_k, f"{len(depends_on_k)} of {asked} pairs, e.g. {depends_on_k[:5]}"
    assert not weaker_first, f"{len(weaker_first)} of {asked} pairs, e.g. {weaker_first[:5]}"


def _digest(graph: str, hash_seed: str, limit: int | None) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    args = [sys.executable, "-m", "tests.ranking_answers", graph, *([str(limit)] if limit else [])]
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.parametrize("name", ["seed", "synthetic"])
def test_same_answers_in_every_process(name: str) -> None:
    """Pairs among the first 30 actors; the slow variant below takes them all."""
    digests = {seed: _digest(name, seed, 30) for seed in HASH_SEEDS}
    assert len(set(digests.values())) == 1, digests


@pytest.mark.slow
@pytest.mark.parametrize("name", ["seed", "synthetic"])
def test_same_answers_in_every_process_all_pairs(name: str) -> None:
    digests = {seed: _digest(name, seed, None) for seed in HASH_SEEDS}
    assert len(set(digests.values())) == 1, digests
