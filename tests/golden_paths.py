"""Golden introduction paths: pins the exact answers so speed work cannot change them.

Regenerate (only when a change of *semantics* is intended) with::

    .venv/bin/python -m tests.golden_paths > tests/fixtures/golden_paths.json

Pairs are drawn with a fixed seed from the largest tie component of the seed graph and from a small
synthetic graph (``synthetic_batches`` below); every query carries a
fixed ``as_of`` so that evidence decay does not drift with today's date.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source
from graph.store import Store
from ingest.load import load_files, seed_path
from queries.index import get_index
from queries.paths import ENDPOINT_TYPES, introduction_paths
from queries.ties import TieFilter

AS_OF = dt.date(2026, 1, 1)
GOLDEN = Path(__file__).parent / "fixtures" / "golden_paths.json"

SYNTHETIC_TIE_TYPES = ("partner_of", "member_of", "visited", "met_with")


def synthetic_batches(entities: int, ties_per_entity: int, batch_size: int, seed: int) -> list[Batch]:
    """A random organisation graph with a long-tailed degree distribution.

    The golden answers were recorded on exactly this graph (it used to be
    ``kizuna bench``'s), so it stays here unchanged; benchmarks use ``bench.synthetic``.
    """
    rng = random.Random(seed)
    ids = [f"org:s{i}" for i in range(entities)]
    source = Source(id="bench", title="synthetic benchmark graph")
    records = [
        EntityRecord(
            entity=Entity(id=i, type=EntityType.ORGANISATION, kind="company", names=(Name(text=f"Synthetic {i}"),)),
            sources=("bench",),
        )
        for i in ids
    ]
    relations: dict[str, Relation] = {}
    for index, a in enumerate(ids):
        for _ in range(ties_per_entity):
            b = ids[min(int(rng.paretovariate(1.2)) - 1, entities - 1)] if rng.random() < 0.3 else rng.choice(ids)
            if a == b:
                continue
            rtype = SYNTHETIC_TIE_TYPES[(index + len(relations)) % len(SYNTHETIC_TIE_TYPES)]
            rid = relation_id(rtype, a, b)
            src, dst = (min(a, b), max(a, b)) if rtype in ("partner_of", "met_with") else (a, b)
            relations[rid] = Relation(
                id=rid, type=rtype, source=src, target=dst,
                evidence=(Evidence(source="bench", confidence=round(rng.uniform(0.5, 1.0), 2)),),
            )
    rels = list(relations.values())
    batches = [Batch(sources=[source])]
    for start in range(0, len(records), batch_size):
        batches.append(Batch(entities=records[start : start + batch_size]))
    for start in range(0, len(rels), batch_size):
        batches.append(Batch(relations=rels[start : start + batch_size]))
    return batches


def _queries(store: Store, count: int, seed: int) -> list[dict[str, Any]]:
    tg = get_index(store).tie_graph(TieFilter())
    ids = sorted(n for n in max(nx.connected_components(tg.graph), key=len) if tg.entities[n].type in ENDPOINT_TYPES)
    rng = random.Random(seed)
    options: list[dict[str, Any]] = [
        {},
        {"k": 5},
        {"hops": 3},
        {"k": 4, "via": "people"},
        {"via": "organisations"},
        {"context": True},
        {"min_confidence": 0.8},
        {"k": 10, "hops": 10},
    ]
    out = []
    for i in range(count):
        a, b = rng.sample(ids, 2)
        opts = dict(options[i % len(options)])
        if i % 5 == 4:
            opts["exclude"] = [x for x in rng.sample(ids, 3) if x not in (a, b)]
        out.append({"source": a, "target": b, **opts})
    return out


def _answers(store: Store, queries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"query": q, "result": introduction_paths(store, q["source"], q["target"], as_of=AS_OF,
                                                  **{k: v for k, v in q.items() if k not in ("source", "target")}
                                                  ).model_dump(mode="json", exclude_computed_fields=True)}
        for q in queries
    ]


def generate() -> dict[str, Any]:
    """The golden answers: 40 queries on the seed graph, 24 on a 400-node synthetic graph."""
    with tempfile.TemporaryDirectory() as tmp:
        with EmbeddedStore(Path(tmp) / "seed.sqlite") as seed_store:
            load_files(seed_store, [seed_path()])
            seed_answers = _answers(seed_store, _queries(seed_store, 40, 1))
        with EmbeddedStore(Path(tmp) / "synthetic.sqlite") as synth:
            for batch in synthetic_batches(400, 3, 1000, seed=5):
                synth.write(batch)
            synth_answers = _answers(synth, _queries(synth, 24, 2))
    return {"seed": seed_answers, "synthetic": synth_answers}


if __name__ == "__main__":
    json.dump(generate(), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
