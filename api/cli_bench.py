"""``kizuna bench``: speed and memory figures for the embedded store and queries.

Targets live here, not in timed tests: the command prints figures for a
synthetic graph of a chosen size (and the seed graph), for the resolution
notes and for spotting regressions by eye.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer

from api.cli_common import JsonOpt, console, print_json
from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source
from ingest.load import load_files, seed_path

TIE_TYPES = ("partner_of", "member_of", "visited", "met_with")


def synthetic_batches(entities: int, ties_per_entity: int, batch_size: int, seed: int) -> list[Batch]:
    """A random organisation graph with a long-tailed degree distribution."""
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
            rtype = TIE_TYPES[(index + len(relations)) % len(TIE_TYPES)]
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


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(entities: int, ties: int, batch_size: int, queries: int) -> dict[str, float]:
    from queries.brokers import brokers
    from queries.index import clear_cache, get_index
    from queries.neighbourhood import neighbourhood
    from queries.paths import introduction_paths
    from queries.ties import TieFilter

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t0 = time.perf_counter()
        with EmbeddedStore(Path(tmp) / "seed.sqlite") as seed_store:
            load_files(seed_store, [seed_path()])
        figures["seed_load_s"] = time.perf_counter() - t0

        batches = synthetic_batches(entities, ties, batch_size, seed=7)
        n_rel = sum(len(b.relations) for b in batches)
        store = EmbeddedStore(path)
        t0 = time.perf_counter()
        for batch in batches:
            store.write(batch)
        elapsed = time.perf_counter() - t0
        figures.update(entities=entities, relations=n_rel, write_s=elapsed,
                       write_records_per_s=(entities + n_rel) / elapsed)
        store.close()

        t0 = time.perf_counter()
        store = EmbeddedStore(path)
        store.stats()
        figures["reopen_and_stats_s"] = time.perf_counter() - t0
        clear_cache()
        t0 = time.perf_counter()
        get_index(store)
        figures["index_build_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        get_index(store).tie_graph(TieFilter())  # built on the first path query otherwise
        figures["tie_graph_build_s"] = time.perf_counter() - t0
        rng = random.Random(11)
        timings = []
        for _ in range(queries):
            a, b = rng.sample(range(entities), 2)
            t0 = time.perf_counter()
            introduction_paths(store, f"org:s{a}", f"org:s{b}", k=3)
            timings.append(time.perf_counter() - t0)
        timings.sort()
        figures["path_k3_p50_ms"] = 1000 * timings[len(timings) // 2]
        figures["path_k3_p95_ms"] = 1000 * timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        t0 = time.perf_counter()
        result = brokers(store)
        figures["brokers_s"] = time.perf_counter() - t0
        figures["brokers_samples"] = result.samples or result.nodes
        timings = []
        for _ in range(max(1, queries // 2)):
            t0 = time.perf_counter()
            neighbourhood(store, f"org:s{rng.randrange(entities)}", radius=2)
            timings.append(time.perf_counter() - t0)
        figures["neighbourhood_r2_p50_ms"] = 1000 * sorted(timings)[len(timings) // 2]
        figures["peak_rss_mb"] = _peak_rss_mb()
        store.close()
    return figures


def register(app: typer.Typer) -> None:
    @app.command()
    def bench(
        entities: Annotated[int, typer.Option(min=100, max=1_000_000, help="Synthetic organisations.")] = 20_000,
        ties: Annotated[int, typer.Option(min=1, max=20, help="Ties drawn per organisation.")] = 3,
        batch_size: Annotated[int, typer.Option(min=1, max=100_000)] = 5_000,
        queries: Annotated[int, typer.Option(min=1, max=1000, help="Path queries to time.")] = 20,
        as_json: JsonOpt = False,
    ) -> None:
        """Store and query figures on a synthetic graph (and the seed load time)."""
        figures = run_bench(entities, ties, batch_size, queries)
        if as_json:
            print_json(figures)
            return
        for key, value in figures.items():
            console.print(f"{key:>22}: {value:,.2f}" if isinstance(value, float) else f"{key:>22}: {value:,}")
