"""The benchmark suite behind ``kizuna bench``: on synthetic graphs of 10k, 100k and 1M relations.

Figures are printed, never asserted: one table per size, each figure beside
its baseline measured in the same run and the issue's target at 1M relations.
The measuring lives in ``bench.stages`` (one fresh process per stage, so peak
RSS is honest); the graphs come from ``bench.synthetic``. ``--output`` writes
the tables and the machine they ran on as Markdown (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

err_console = Console(stderr=True)  # progress lines; the figures go to stdout

DEFAULT_DOCS = Path(__file__).resolve().parent / "docs"  # small documents of our own for the extraction row


@dataclass(frozen=True)
class Row:
    """One line of a size's table: where its figure and baseline come from, and its target at 1M."""

    key: str
    label: str
    unit: str
    figure: tuple[str, str]  # (stage, key)
    baseline: tuple[str, str] | None = None
    baseline_label: str = ""
    target: float | None = None  # an upper bound at 1M relations
    note: tuple[str, str] | None = None  # (stage, key) of a figure shown as context


ROWS: tuple[Row, ...] = (
    Row("relations", "relations stored", "", ("load", "relations")),
    Row("entities", "entities stored", "", ("load", "entities")),
    Row("generate_s", "graph generation (not part of load)", "s", ("load", "generate_s")),
    Row("load_s", "load time", "s", ("load", "load_s"), ("floor", "floor_s"),
        "raw SQLite insert of the same rows, indexes after", target=20, note=("load", "load_cpu_s")),
    Row("load_rate", "load rate", "records/s", ("load", "load_records_per_s")),
    Row("store_mb", "store size on disk (db + wal)", "MB", ("load", "store_mb")),
    Row("load_rss_mb", "peak RSS, load process", "MB", ("load", "load_rss_mb"), target=3072),
    Row("snapshot_build_s", "view snapshot build (once per store version)", "s", ("snapshot", "snapshot_build_s"),
        ("snapshot", "index_build_s"), "in-memory index build, as every process did", note=("snapshot", "snapshot_mb")),
    Row("cold_first_path_s", "open + first path k=1, fresh process", "s", ("cold", "cold_first_path_s"),
        ("snapshot", "index_build_s"), "today's index build", target=2, note=("cold", "cold_rss_mb")),
    Row("open_s", "open existing store + stats()", "s", ("queries", "open_s"), target=10),
    Row("first_query_s", "first query ready (path k=1)", "s", ("queries", "first_query_s")),
    Row("warm_up_s", "full warm-up (as the API does at start-up, in the background)", "s",
        ("queries", "warm_up_s")),
    Row("path_k1_p50", "introduction path k=1 p50", "ms", ("queries", "path_k1_p50_ms"),
        ("baseline", "path_k1_p50_ms"), "nx bidirectional BFS", note=("queries", "path_k1_found")),
    Row("path_k1_p95", "introduction path k=1 p95", "ms", ("queries", "path_k1_p95_ms"),
        ("baseline", "path_k1_p95_ms"), "nx bidirectional BFS", target=5),
    Row("path_k3_p50", "introduction paths k=3 p50", "ms", ("queries", "path_k3_p50_ms"),
        ("baseline", "path_k3_p50_ms"), "nx shortest_simple_paths x3", note=("queries", "path_k3_found")),
    Row("path_k3_p95", "introduction paths k=3 p95", "ms", ("queries", "path_k3_p95_ms"),
        ("baseline", "path_k3_p95_ms"), "nx shortest_simple_paths x3", target=30),
    Row("neighbourhood_p50", "neighbourhood r=2 p50", "ms", ("queries", "neighbourhood_p50_ms"),
        note=("queries", "neighbourhood_nodes")),
    Row("neighbourhood_p95", "neighbourhood r=2 p95", "ms", ("queries", "neighbourhood_p95_ms"), target=50),
    Row("region_p50", "region network p50", "ms", ("queries", "region_p50_ms"), note=("queries", "region_members")),
    Row("region_p95", "region network p95", "ms", ("queries", "region_p95_ms"), target=100),
    Row("brokers_s", "brokers, whole graph (one run)", "s", ("queries", "brokers_s"), ("baseline", "brokers_s"),
        "nx betweenness, same samples", target=60, note=("queries", "brokers_samples")),
    Row("query_rss_mb", "peak RSS, open + all queries", "MB", ("queries", "query_rss_mb"), ("baseline", "rss_mb"),
        "process holding the nx graph", target=1024),
    Row("api_paths_rps", "API /paths k=3", "req/s", ("api", "paths_rps"), ("api", "health_rps"), "/health"),
    Row("api_neighbourhood_rps", "API /entities/{id}/neighbourhood r=2", "req/s", ("api", "neighbourhood_rps"),
        ("api", "health_rps"), "/health"),
    Row("ingest_s", "ingest one document (extract, resolve, check, write)", "s", ("ingest", "ingest_s"),
        ("ingest", "ingest_empty_s"), "same document, empty store", note=("ingest", "ingest_ratio")),
    Row("extract_rate", "extraction (size-independent)", "chars/s", ("extract", "extract_chars_per_s"),
        ("extract", "ginza_chars_per_s"), "raw GiNZA, same text"),
    Row("cli_path_s", "`kizuna path … --json` wall time, seed store (size-independent)", "s", ("cli", "path_s"),
        ("cli", "python_pass_s"), "python -c pass", target=0.5),
    Row("cli_help_s", "`kizuna --help` wall time (size-independent)", "s", ("cli", "help_s"),
        ("cli", "python_pass_s"), "python -c pass"),
    Row("make_run_s", "`make run` second start to /health (size-independent)", "s", ("cli", "make_run_s"),
        ("cli", "make_run_first_s"), "first start", target=5),
)

NOTE_FORMATS = {
    "path_k1_found": "{:.0%} found a path",
    "path_k3_found": "{:.0%} found a path",
    "neighbourhood_nodes": "{:.0f} nodes on average (caps 100 / 25 per node)",
    "region_members": "{:.0f} members on average",
    "brokers_samples": "{} sampled sources",
    "load_cpu_s": "{:.1f} s CPU in the loading process",
    "snapshot_mb": "{:.0f} MB on disk",
    "cold_rss_mb": "peak RSS {:.0f} MB",
    "ingest_ratio": "{:.2f}x the empty store (target <= 2x)",
}


# -- running -----------------------------------------------------------------------------------------


def run_stage(stage: str, arguments: dict[str, Any], timeout: float) -> tuple[dict[str, Any] | None, str | None]:
    """Run one stage in a fresh interpreter; (figures, None) or (None, why it failed).

    The stage's progress lines (stderr) are echoed as they come, so a long 1M run shows where it is.
    """
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.stages", stage, json.dumps(arguments)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: a timeout also stops the uvicorn it started
    )
    tail: list[str] = []

    def echo() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            tail.append(line.rstrip())
            del tail[:-20]
            if line.startswith("bench: "):
                err_console.print(f"[dim]  {line.removeprefix('bench: ').rstrip()}[/]", highlight=False)

    chunks: list[str] = []

    def collect() -> None:
        assert proc.stdout is not None
        chunks.append(proc.stdout.read())

    readers = [threading.Thread(target=echo, daemon=True), threading.Thread(target=collect, daemon=True)]
    for reader in readers:
        reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None, f"timed out after {timeout:.0f} s"
    finally:
        for reader in readers:
            reader.join(timeout=10)
    out = "".join(chunks)
    if proc.returncode != 0:
        lines = [line for line in tail if line.strip() and not line.startswith("bench: ")]
        return None, f"exit {proc.returncode}: {lines[-1] if lines else 'no message'}"
    try:
        figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None, "printed no figures"
    return figures, None


def bench_size(
    relations: int,
    *,
    workdir: Path,
    seed: int,
    queries: int,
    batch_size: int,
    timeout: float,
    api: bool,
    api_requests: int,
    ingest_docs: Path | None = None,
) -> dict[str, Any]:
    """All stages for one size; failed stages leave their rows empty with the reason."""
    from bench.synthetic import size_label

    store = str(workdir / f"bench-{size_label(relations)}.sqlite")
    stages: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}

    def stage(name: str, arguments: dict[str, Any]) -> None:
        err_console.print(f"[dim]{size_label(relations)}: {name}…[/]")
        started = time.perf_counter()
        figures, error = run_stage(name, arguments, timeout)
        if figures is not None:
            stages[name] = figures
        else:
            errors[name] = error or "failed"
            err_console.print(f"[yellow]{size_label(relations)}: {name} {error}[/]")
        err_console.print(f"[dim]{size_label(relations)}: {name} took {time.perf_counter() - started:.1f} s[/]")

    stage("load", {"store": store, "relations": relations, "seed": seed, "batch_size": batch_size,
                   "queries": queries})
    if "load" in stages:
        stage("floor", {"store": store, "batch_size": batch_size})
        stage("snapshot", {"store": store})
        stage("cold", {"store": store})
        stage("queries", {"store": store, "queries": queries})
        samples = stages.get("queries", {}).get("brokers_samples") or 100
        stage("baseline", {"store": store, "queries": queries, "samples": int(samples)})
        if api:
            stage("api", {"store": store, "requests": api_requests, "concurrency": 2})
        if ingest_docs is not None:
            stage("ingest", {"store": store, "docs": [str(ingest_docs)]})
    return {"size": size_label(relations), "target_relations": relations, "stages": stages, "errors": errors}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    memory_gb: float | None = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import networkx

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory_gb": memory_gb,
        "cpu": cpu,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "networkx": networkx.__version__,
        "platform": platform.platform(),
    }


# -- tables ------------------------------------------------------------------------------------------


def row_values(result: dict[str, Any], shared: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one size as plain data (value/baseline None when the stage did not run).
    ``shared``: the figures of size-independent stages (extraction, command line)."""
    stages = {**result["stages"], **shared}
    errors = result.get("errors", {})
    rows = []
    for row in ROWS:
        stage, key = row.figure
        value = stages.get(stage, {}).get(key)
        baseline = stages.get(row.baseline[0], {}).get(row.baseline[1]) if row.baseline else None
        note = ""
        if row.note:
            raw = stages.get(row.note[0], {}).get(row.note[1])
            if raw is not None:
                note = NOTE_FORMATS.get(row.note[1], "{}").format(raw)
        if value is None:
            note = errors.get(stage) or ("skipped" if stage in ("api", "extract", "ingest", "cli") else "not measured")
        rows.append({
            "key": row.key,
            "metric": row.label,
            "unit": row.unit,
            "value": value,
            "baseline": baseline,
            "baseline_label": row.baseline_label if row.baseline else "",
            "target": row.target,
            "meets_target": None if row.target is None or value is None else value <= row.target,
            "note": note,
        })
    return rows


def fmt(value: Any, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value != value:  # NaN
        return "—"
    if unit in ("", "records/s", "req/s", "chars/s"):
        return f"{value:,.0f}"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "ms":
        return f"{value:,.1f} ms" if value >= 10 else f"{value:,.2f} ms"
    if unit == "s":
        return f"{value:,.1f} s" if value >= 10 else f"{value:,.2f} s"
    return f"{value}"


def _cells(row: dict[str, Any]) -> tuple[str, str, str, str, str]:
    unit = row["unit"]
    metric = f"{row['metric']} ({unit})" if unit in ("records/s", "req/s", "chars/s") else row["metric"]
    baseline = fmt(row["baseline"], unit) if row["baseline_label"] else "—"
    if row["baseline_label"] and row["baseline"] is not None:
        baseline += f" ({row['baseline_label']})"
    target = "—" if row["target"] is None else f"≤ {row['target']:,g} {unit}"
    if row["meets_target"] is not None:
        target += " ✓" if row["meets_target"] else " ✗"
    return metric, fmt(row["value"], unit), baseline, target, row["note"]


def title(size: str) -> str:
    return size[:-1] + "M" if size.endswith("m") else size


def rich_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name, justify in (("metric", "left"), ("figure", "right"), ("baseline (same run)", "right"),
                          ("target at 1M", "right"), ("note", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*_cells(row))
    return table


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `kizuna bench --output docs/benchmarks.md` (see `cli/bench.py`); rerun it after speed work.",
        "Graphs come from `bench/synthetic.py` (deterministic, seed "
        f"{report['seed']}): countries, regions, cities, organisations of every kind, people, agreements of 2–5 "
        "parties, events with speakers; heavy-tailed activity, about 45 % of direct ties cross a border.",
        "Each stage runs in a fresh process (peak RSS is per process). Query timings are over "
        f"{report['queries']} planned endpoints after one warm-up; brokers run once. Targets are the issue's "
        "figures for the embedded store at 1M relations (2 cores, 24 GB); ✓/✗ compares every size with them.",
        "",
        "Baselines, measured in the same run: paths against plain networkx on an undirected `nx.Graph` of the same "
        "ties (agreements and events as nodes; no weights, filters or explanations); brokers against "
        "`nx.betweenness_centrality` with as many sampled sources; query RSS against a process that only holds that "
        "graph; API rows against `/health` of the same server; extraction against raw GiNZA on the same text.",
        "",
        "## Machine",
        "",
        f"- date: {m['date']}",
        f"- CPU: {m['cpu']} ({m['cpus']} cores visible)",
        f"- memory: {m['memory_gb']} GB",
        f"- Python {m['python']}, SQLite {m['sqlite']}, networkx {m['networkx']}",
        f"- platform: {m['platform']}",
    ]
    if report.get("notes"):
        lines += ["", "## Notes", "", *(f"- {n}" for n in report["notes"])]
    for size in report["sizes"]:
        lines += ["", f"## {title(size['size'])} relations", ""]
        lines.append("| metric | figure | baseline (same run) | target at 1M | note |")
        lines.append("|---|---:|---:|---:|---|")
        for row in size["rows"]:
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
    return "\n".join(lines) + "\n"
