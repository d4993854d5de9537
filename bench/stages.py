"""The measuring half of ``kizuna bench``: one stage per process, figures as JSON.

Each stage runs in a fresh interpreter (``python -m bench.stages STAGE ARGS``)
so that its peak RSS is its own: loading, querying the store, the plain
networkx baseline, the HTTP API and extraction never share a heap. A stage
prints one JSON object on its last line of stdout; ``cli.bench`` starts the
stages, enforces their time limits and turns the figures into tables.

Stages:

``load``      generate a synthetic graph and write it into a fresh embedded store;
              also writes the query plan (endpoints picked from the generator).
``snapshot``  build the view snapshot; beside it, the in-memory index of earlier versions.
``cold``      a fresh process: open the store and answer one path (the snapshot on disk).
``queries``   open the store and time the public query functions.
``floor``     raw SQLite inserts of the loaded rows (integer keys, indexes after): the load's floor.
``baseline``  the same searches with plain networkx on an undirected graph of the same ties.
``api``       real uvicorn on the store: /paths and /neighbourhood beside /health.
``extract``   the extractor beside raw GiNZA on the same text.
``cli``       ``kizuna path`` and ``--help`` on the seed store beside ``python -c pass``; ``make run`` to /health.
``ingest``    one document ingested into the size's store beside the same into an empty store.
"""

from __future__ import annotations

import json
import random
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

Figures = dict[str, Any]


def progress(message: str) -> None:
    """A progress line on stderr; ``kizuna bench`` echoes lines that start with ``bench: ``."""
    sys.stderr.write(f"bench: {message}\n")
    sys.stderr.flush()


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    if not seconds:
        return float("nan"), float("nan")
    if len(seconds) == 1:
        return seconds[0] * 1000, seconds[0] * 1000
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def timed(
    calls: Sequence[Callable[[], Any]], keep: Callable[[Any], Any] = lambda _: None
) -> tuple[list[float], list[Any]]:
    """Run each call once; return the durations and ``keep`` of each result.

    Only what the figures need is kept, as a server drops each answer once sent: holding
    every answer alive would make later collections of the cyclic GC walk all of them, and
    charge that to the queries being timed."""
    durations, kept = [], []
    for call in calls:
        started = time.perf_counter()
        result = call()
        durations.append(time.perf_counter() - started)
        kept.append(keep(result))
        del result
    return durations, kept


def store_size_mb(path: Path) -> float:
    """The database file plus its write-ahead log, as they sit on disk."""
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


# -- stages ------------------------------------------------------------------------------------------


def stage_load(store: str, relations: int, seed: int, batch_size: int, queries: int) -> Figures:
    """Write the generated batches into a fresh store; time only the writes."""
    from bench.synthetic import REGION, SyntheticGraph
    from graph.embedded import EmbeddedStore

    path = Path(store)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    graph = SyntheticGraph(relations, seed=seed, batch_size=batch_size)
    started = time.perf_counter()
    writing = cpu = 0.0
    records = 0
    opened = EmbeddedStore(path)
    try:
        t0 = time.perf_counter()
        with opened.bulk(relations + relations // 3):  # about a third as many entities as relations
            writing += time.perf_counter() - t0
            for batch in graph.batches():
                records += len(batch)
                t0, c0 = time.perf_counter(), time.process_time()
                opened.write(batch)
                writing += time.perf_counter() - t0
                cpu += time.process_time() - c0
                if batch.relations:
                    progress(f"{records:,} records written ({writing:.1f} s in writes)")
            t0, c0 = time.perf_counter(), time.process_time()
        writing += time.perf_counter() - t0  # leaving the bulk load builds the deferred indexes
        cpu += time.process_time() - c0
        stats = opened.stats()
    finally:
        opened.close()
    total = time.perf_counter() - started
    rng = random.Random(seed)
    actors = graph.tied_actors()
    regions = graph.places(REGION)
    plan = {
        "pairs": [rng.sample(actors, 2) for _ in range(queries + 1)],
        "centres": rng.sample(actors, min(len(actors), queries + 1)),
        "regions": rng.sample(regions, min(len(regions), max(2, min(queries, 20) + 1))),
    }
    path.with_suffix(".plan.json").write_text(json.dumps(plan), encoding="utf-8")
    return {
        "relations": stats.relation_total,
        "entities": stats.entity_total,
        "records": records,
        "load_s": writing,
        "load_cpu_s": cpu,
        "generate_s": total - writing,
        "load_records_per_s": records / writing,
        "store_mb": store_size_mb(path),
        "load_rss_mb": peak_rss_mb(),
    }


def stage_queries(store: str, queries: int) -> Figures:
    """Open the store, then time each public query over the planned endpoints."""
    from graph.embedded import EmbeddedStore
    from queries.brokers import brokers
    from queries.neighbourhood import neighbourhood
    from queries.paths import introduction_paths
    from queries.region import region_network
    from queries.warm import warm_up

    path = Path(store)
    plan = json.loads(path.with_suffix(".plan.json").read_text(encoding="utf-8"))
    pairs = [tuple(p) for p in plan["pairs"]]
    centres, regions = plan["centres"], plan["regions"]
    figures: Figures = {}

    t0 = time.perf_counter()
    opened = EmbeddedStore(path)
    opened.stats()
    figures["open_s"] = time.perf_counter() - t0
    progress(f"opened in {figures['open_s']:.2f} s")
    try:
        a, b = pairs[0]
        t0 = time.perf_counter()
        introduction_paths(opened, a, b, k=1)  # the first query pays for any index build
        figures["first_query_s"] = time.perf_counter() - t0
        progress(f"first query ready after {figures['first_query_s']:.2f} s")
        t0 = time.perf_counter()
        warm_up(opened)  # the rest of what the API builds in the background at start-up
        figures["warm_up_s"] = figures["first_query_s"] + time.perf_counter() - t0
        progress(f"warm-up complete after {figures['warm_up_s']:.2f} s")

        for k in (1, 3):
            calls = [partial(introduction_paths, opened, a, b, k=k) for a, b in pairs[1 : queries + 1]]
            seconds, found = timed(calls, keep=lambda r: bool(r.paths))
            figures[f"path_k{k}_p50_ms"], figures[f"path_k{k}_p95_ms"] = percentiles(seconds)
            figures[f"path_k{k}_found"] = sum(found) / len(found)
            figures[f"path_k{k}_count"] = len(found)
            progress(f"paths k={k}: p95 {figures[f'path_k{k}_p95_ms']:.1f} ms")

        neighbourhood(opened, centres[0], radius=2)  # warm-up
        seconds, sizes = timed([partial(neighbourhood, opened, c, radius=2) for c in centres[1 : queries + 1]],
                               keep=lambda r: len(r.nodes))
        figures["neighbourhood_p50_ms"], figures["neighbourhood_p95_ms"] = percentiles(seconds)
        figures["neighbourhood_nodes"] = statistics.mean(sizes)
        progress(f"neighbourhood: p95 {figures['neighbourhood_p95_ms']:.1f} ms")

        region_network(opened, regions[0])  # warm-up
        seconds, sizes = timed([partial(region_network, opened, p) for p in regions[1:]], keep=lambda r: len(r.members))
        figures["region_p50_ms"], figures["region_p95_ms"] = percentiles(seconds)
        figures["region_members"] = statistics.mean(sizes)
        progress(f"region network: p95 {figures['region_p95_ms']:.1f} ms")

        t0 = time.perf_counter()
        result = brokers(opened)
        figures["brokers_s"] = time.perf_counter() - t0
        figures["brokers_samples"] = getattr(result, "samples", None)
    finally:
        opened.close()
    figures["query_rss_mb"] = peak_rss_mb()
    return figures


def stage_floor(store: str, batch_size: int) -> Figures:
    """What SQLite itself needs for the loaded rows: the store's own tables, rows already in memory,
    inserted in key order in ``batch_size``-row transactions (WAL, synchronous=FULL), the secondary
    indexes created after. No validation, merging or serialising: the load's floor on this machine."""
    from graph.sqlite_schema import DEFERRED_INDEXES, TABLES, statements

    path = Path(store)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = ("sources", "entities", "names", "entity_sources", "relations", "evidence")
    try:
        rows = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t in tables}  # noqa: S608
        columns = {t: len(source.execute(f"SELECT * FROM {t} LIMIT 0").description) for t in tables}  # noqa: S608
    finally:
        source.close()
    floor = path.with_name(path.stem + ".floor.sqlite")
    for stale in (floor, floor.with_name(floor.name + "-wal"), floor.with_name(floor.name + "-shm")):
        stale.unlink(missing_ok=True)
    db = sqlite3.connect(floor, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA cache_size=-262144")
        db.execute("PRAGMA wal_autocheckpoint=16384")
        for statement in statements(TABLES):
            db.execute(statement)
        started, cpu = time.perf_counter(), time.process_time()
        for table in tables:
            marks = ",".join("?" * columns[table])
            for start in range(0, len(rows[table]), batch_size):
                db.execute("BEGIN")
                db.executemany(f"INSERT INTO {table} VALUES ({marks})",  # noqa: S608
                               rows[table][start : start + batch_size])
                db.execute("COMMIT")
        db.execute("BEGIN")
        for statement in DEFERRED_INDEXES.values():
            db.execute(statement)
        db.execute("COMMIT")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        db.close()
    for stale in (floor, floor.with_name(floor.name + "-wal"), floor.with_name(floor.name + "-shm")):
        stale.unlink(missing_ok=True)
    return {"floor_s": elapsed, "floor_cpu_s": cpu, "floor_rows": sum(len(r) for r in rows.values())}


def stage_snapshot(store: str) -> Figures:
    """Build the view snapshot of the loaded store (once per store version), then, for comparison, the
    in-memory index every querying process built before there were snapshots."""
    from graph.embedded import EmbeddedStore
    from graph.rows import gc_paused
    from queries.index import GraphIndex
    from queries.snapshot import load_or_build, snapshot_path

    path = Path(store)
    snapshot_path(path).unlink(missing_ok=True)
    with EmbeddedStore(path) as opened:
        version = opened.version()
        t0 = time.perf_counter()
        load_or_build(path, version)
        figures: Figures = {"snapshot_build_s": time.perf_counter() - t0,
                            "snapshot_mb": snapshot_path(path).stat().st_size / 1e6}
        progress(f"snapshot built in {figures['snapshot_build_s']:.1f} s")
        t0 = time.perf_counter()
        with gc_paused():
            GraphIndex.from_rows(version, opened.rows())
        figures["index_build_s"] = time.perf_counter() - t0
        progress(f"in-memory index built in {figures['index_build_s']:.1f} s")
    return figures


def stage_cold(store: str) -> Figures:
    """A fresh process opens the store and answers one path (the snapshot is on disk): what a CLI command pays."""
    from graph.embedded import EmbeddedStore
    from queries.paths import introduction_paths

    path = Path(store)
    plan = json.loads(path.with_suffix(".plan.json").read_text(encoding="utf-8"))
    a, b = plan["pairs"][0]
    t0 = time.perf_counter()
    with EmbeddedStore(path) as opened:
        introduction_paths(opened, a, b, k=1)
    return {"cold_first_path_s": time.perf_counter() - t0, "cold_rss_mb": peak_rss_mb()}


def tie_graph_from_sqlite(path: Path) -> Any:
    """An undirected networkx graph of every introduction tie, read straight from SQLite.

    Agreements and events stay as nodes, so "two parties to one MOU" is two
    hops, as for the store's queries; no weights, no filters, no explanations.
    """
    import networkx as nx

    from graph.registry import TIE_TYPES

    graph = nx.Graph()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(TIE_TYPES))
        cursor = db.execute(
            "SELECT s.id, t.id FROM relations r JOIN entities s ON s.key = r.source "  # noqa: S608
            f"JOIN entities t ON t.key = r.target WHERE r.type IN ({marks})", sorted(TIE_TYPES))
        graph.add_edges_from(cursor)
    finally:
        db.close()
    return graph


def stage_baseline(store: str, queries: int, samples: int) -> Figures:
    """Plain networkx: bidirectional BFS (k=1), Yen's first three simple paths (k=3), sampled betweenness."""
    import networkx as nx

    path = Path(store)
    plan = json.loads(path.with_suffix(".plan.json").read_text(encoding="utf-8"))
    pairs = [tuple(p) for p in plan["pairs"]][1 : queries + 1]
    figures: Figures = {}
    t0 = time.perf_counter()
    graph = tie_graph_from_sqlite(path)
    figures["nx_build_s"] = time.perf_counter() - t0
    figures["nx_nodes"] = graph.number_of_nodes()
    figures["nx_edges"] = graph.number_of_edges()

    def shortest(a: str, b: str) -> list[str] | None:
        try:
            return list(nx.bidirectional_shortest_path(graph, a, b))
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None

    def three(a: str, b: str) -> list[list[str]]:
        try:
            return list(islice(nx.shortest_simple_paths(graph, a, b), 3))
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return []

    seconds, _ = timed([partial(shortest, a, b) for a, b in pairs])
    figures["path_k1_p50_ms"], figures["path_k1_p95_ms"] = percentiles(seconds)
    seconds, _ = timed([partial(three, a, b) for a, b in pairs])
    figures["path_k3_p50_ms"], figures["path_k3_p95_ms"] = percentiles(seconds)
    t0 = time.perf_counter()
    nx.betweenness_centrality(graph, k=min(samples, graph.number_of_nodes()), seed=0, normalized=False)
    figures["brokers_s"] = time.perf_counter() - t0
    figures["rss_mb"] = peak_rss_mb()
    return figures


def stage_api(store: str, requests: int, concurrency: int) -> Figures:
    """bench-api's server and client loop on this store, with planned endpoints."""
    from urllib.parse import quote

    import httpx

    from bench.api import measure, running_server, wait_until_warm

    path = Path(store)
    plan = json.loads(path.with_suffix(".plan.json").read_text(encoding="utf-8"))
    source, target = plan["pairs"][0]
    centre = plan["centres"][0]
    urls = {
        "health": "/health",
        "paths": f"/paths?from={quote(source)}&to={quote(target)}&k=3",
        "neighbourhood": f"/entities/{quote(centre, safe='')}/neighbourhood?radius=2",
    }
    figures: Figures = {}
    with running_server(path, timeout=120) as base:
        t0 = time.perf_counter()
        wait_until_warm(base)  # the server builds its index in the background at start-up: not part of req/s
        for url in urls.values():
            httpx.get(base + url, timeout=1800).raise_for_status()
        figures["warm_s"] = time.perf_counter() - t0
        for name, url in urls.items():
            f = measure(base, name, url, requests, concurrency)
            figures[f"{name}_rps"] = f.requests_per_second
            figures[f"{name}_p95_ms"] = f.p95_ms
            figures[f"{name}_ok"] = f.statuses.get(200, 0) / max(1, f.requests)
    return figures


def _wall(command: list[str], env: dict[str, str], repeats: int) -> float:
    """Median wall time of a command run to completion (it must succeed)."""
    import subprocess

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _make_run_to_health(repo: Path, env: dict[str, str], timeout: float) -> float:
    """Seconds from ``make run`` to a 200 from /health; the server is stopped afterwards."""
    import os
    import signal
    import subprocess

    import httpx

    t0 = time.perf_counter()
    proc = subprocess.Popen(["make", "run"], cwd=repo, env=env, stdout=subprocess.DEVNULL,  # noqa: S607
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.perf_counter() - t0 < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"make run exited with {proc.returncode}")
            try:
                if httpx.get(f"http://127.0.0.1:{env['KIZUNA_PORT']}/health", timeout=1).status_code == 200:
                    return time.perf_counter() - t0
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"/health did not answer within {timeout:.0f} s")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def stage_cli(workdir: str, repeats: int) -> Figures:
    """The command line on the seed store beside ``python -c pass``, and ``make run`` started a second time."""
    import os
    import shutil
    import subprocess

    from bench.api import free_port

    folder = Path(workdir)
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / "seed.sqlite"
    kizuna = str(Path(sys.executable).with_name("kizuna"))
    env = {**os.environ, "KIZUNA_STORE": str(store)}
    subprocess.run([kizuna, "load", "--seed"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    figures: Figures = {
        "python_pass_s": _wall([sys.executable, "-c", "pass"], env, repeats),
        "path_s": _wall([kizuna, "path", "神奈川県", "遼寧省", "--json"], env, repeats),
        "help_s": _wall([kizuna, "--help"], env, repeats),
    }
    repo = Path(__file__).resolve().parents[1]
    if (repo / "Makefile").exists() and shutil.which("make"):
        env = {**env, "KIZUNA_PORT": str(free_port()), "VENV": str(Path(sys.executable).parents[1])}
        figures["make_run_first_s"] = _make_run_to_health(repo, env, 600)
        figures["make_run_s"] = _make_run_to_health(repo, env, 600)
    return figures


def stage_extract(docs: list[str], rounds: int) -> Figures:
    from bench.extract import bench

    result = bench(docs, rounds)
    return {"chars": result.chars, "extract_chars_per_s": result.extract_rate, "ginza_chars_per_s": result.ginza_rate}


def stage_ingest(store: str, docs: list[str]) -> Figures:
    """One document ingested (extract, resolve against the store, check, write) into an empty store and
    into the size's store, in one process so both see the same warm caches (GiNZA, the gazetteer)."""
    import shutil
    import tempfile

    from graph.embedded import EmbeddedStore
    from ingest.extract.documents import expand_documents
    from ingest.extract.intake import ingest_documents

    document = expand_documents(docs)[0]
    workdir = Path(tempfile.mkdtemp(prefix="kizuna-bench-ingest-"))
    try:
        with EmbeddedStore(workdir / "warm-up.sqlite") as warm:
            ingest_documents(warm, [document])  # loads GiNZA and the base gazetteer once
        progress(f"ingesting {document.name} into an empty store")
        with EmbeddedStore(workdir / "empty.sqlite") as empty:
            started = time.perf_counter()
            ingest_documents(empty, [document])
            empty_s = time.perf_counter() - started
        progress(f"ingesting {document.name} into {Path(store).name}")
        with EmbeddedStore(store) as full:
            relations = full.stats().relation_total
            started = time.perf_counter()
            reports = ingest_documents(full, [document])
            full_s = time.perf_counter() - started
            for source in reports[0].sources:  # leave the bench store as it was loaded
                full.retract_source(source)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return {"document": document.name, "ingest_empty_s": empty_s, "ingest_s": full_s,
            "ingest_ratio": full_s / empty_s if empty_s else None, "store_relations": relations,
            "ingest_rss_mb": peak_rss_mb()}


STAGES: dict[str, Callable[..., Figures]] = {
    "load": stage_load,
    "queries": stage_queries,
    "baseline": stage_baseline,
    "floor": stage_floor,
    "snapshot": stage_snapshot,
    "cold": stage_cold,
    "api": stage_api,
    "extract": stage_extract,
    "cli": stage_cli,
    "ingest": stage_ingest,
}


def main(argv: list[str]) -> None:
    """``python -m bench.stages STAGE '{"kwarg": ...}'``: figures as JSON on the last line."""
    stage, arguments = argv[0], json.loads(argv[1]) if len(argv) > 1 else {}
    figures = STAGES[stage](**arguments)
    sys.stdout.write("\n" + json.dumps(figures) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
