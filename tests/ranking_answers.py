"""The introduction answers for every actor pair of a small graph, as one digest.

Run as ``python -m tests.ranking_answers seed|synthetic [LIMIT]``: prints the SHA-256 of the
answers (k=3, fixed as-of date) for all pairs among the first LIMIT actors (all by default).
The property tests run it under several ``PYTHONHASHSEED`` values: the same question on the
same graph must get the same answer in every process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.store import Store
from ingest.load import load_files, seed_path
from queries.paths import introduction_paths

AS_OF = dt.date(2026, 1, 1)
ACTOR_TYPES = (EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE)
SYNTHETIC_RELATIONS = 1_000
SYNTHETIC_ACTORS = 40


def load(store: Store, graph: str) -> list[str]:
    """Fill ``store`` with the named graph; return its actors in a fixed order."""
    if graph == "seed":
        load_files(store, [seed_path()])
        return sorted(r.entity.id for r in store.export().entities if r.entity.type in ACTOR_TYPES)
    synthetic = SyntheticGraph(SYNTHETIC_RELATIONS, seed=3)
    for batch in synthetic.batches():
        store.write(batch)
    return synthetic.tied_actors()[:SYNTHETIC_ACTORS]


def pairs(actors: list[str], limit: int | None = None) -> Iterator[tuple[str, str]]:
    return itertools.combinations(actors[:limit] if limit else actors, 2)


def answers(store: Store, actors: list[str], limit: int | None = None) -> Iterator[dict[str, object]]:
    for a, b in pairs(actors, limit):
        yield {"q": [a, b], "a": introduction_paths(store, a, b, k=3, as_of=AS_OF).model_dump(mode="json", exclude_computed_fields=True)}


def digest(graph: str, limit: int | None = None) -> str:
    with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp) / "graph.sqlite") as store:
        actors = load(store, graph)
        h = hashlib.sha256()
        for answer in answers(store, actors, limit):
            h.update(json.dumps(answer, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()


if __name__ == "__main__":
    print(digest(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None))
