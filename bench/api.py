"""A small HTTP benchmark: real uvicorn on loopback, real requests.

Reports requests/s and p50/p95 latency for ``/paths`` and
``/entities/{id}/neighbourhood`` on a graph (default: the seed, loaded into a
temporary store), beside ``/health`` of the same server in the same run, so
the figures separate query cost from HTTP and framework overhead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.store import Store

ACTOR_TYPES = (EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE)


@dataclass
class Figures:
    name: str
    path: str
    requests: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    statuses: dict[int, int] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(store_path: Path, env: dict[str, str] | None = None, timeout: float = 30.0) -> Iterator[str]:
    """Real uvicorn in a subprocess on a free loopback port; yields the base URL and stops it afterwards."""
    port = free_port()
    environ = {**os.environ, "KIZUNA_STORE": str(store_path), **(env or {})}
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                raise RuntimeError(f"uvicorn exited with {proc.returncode}: {err[-2000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not answer /health within {timeout:.0f} s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def pick_targets(store: Store) -> tuple[str, str, str]:
    """(from, to, centre) chosen from the data: the best-connected actors, and the
    first pair of them joined by a path of at least two steps."""
    from queries.index import get_index
    from queries.paths import introduction_paths

    index = get_index(store)
    actors = [i for i, e in index.entities.items() if e.type in ACTOR_TYPES]
    actors.sort(key=lambda i: (-len(index.adjacency.get(i, ())), i))
    top = actors[:12]
    if len(top) < 2:
        raise RuntimeError("the graph has fewer than two actors to benchmark paths between")
    fallback: tuple[str, str] | None = None
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            result = introduction_paths(store, a, b)
            if result.paths:
                fallback = fallback or (a, b)
                if result.paths[0].hops >= 2:
                    return a, b, top[0]
    a, b = fallback or (top[0], top[1])
    return a, b, top[0]


def wait_until_warm(base: str, limit: float = 1800.0) -> float:
    """Seconds until the server's start-up warm-up has built the query index (``/ready``)."""
    started = time.perf_counter()
    while httpx.get(f"{base}/ready", timeout=60).json().get("query_index") == "building":
        if time.perf_counter() - started > limit:
            raise TimeoutError(f"the server's query index was still building after {limit:.0f} s")
        time.sleep(0.5)
    return time.perf_counter() - started


def measure(base: str, name: str, path: str, count: int, concurrency: int) -> Figures:
    latencies: list[float] = []
    statuses: dict[int, int] = {}

    def worker(n: int) -> list[tuple[float, int]]:
        out = []
        with httpx.Client(base_url=base, timeout=30) as client:
            client.get(path)  # warm the connection
            for _ in range(n):
                started = time.perf_counter()
                status = client.get(path).status_code
                out.append((time.perf_counter() - started, status))
        return out

    shares = [count // concurrency + (1 if i < count % concurrency else 0) for i in range(concurrency)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for part in pool.map(worker, [s for s in shares if s]):
            for latency, status in part:
                latencies.append(latency)
                statuses[status] = statuses.get(status, 0) + 1
    seconds = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return Figures(
        name=name,
        path=path,
        requests=len(latencies),
        seconds=round(seconds, 3),
        requests_per_second=round(len(latencies) / seconds, 1),
        p50_ms=round(cuts[49] * 1000, 2),
        p95_ms=round(cuts[94] * 1000, 2),
        statuses=statuses,
    )


def run_bench(
    store_path: Path | None = None,
    requests: int = 200,
    concurrency: int = 2,
    radius: int = 2,
) -> list[Figures]:
    """Benchmark against ``store_path`` (default: a temporary store loaded with the seed)."""
    if requests < 1 or concurrency < 1:
        raise ValueError("requests and concurrency must be at least 1")
    with tempfile.TemporaryDirectory(prefix="kizuna-bench-") as tmp:
        if store_path is None:
            from ingest.load import load_files, seed_path

            seed = seed_path()
            if not seed.exists():
                raise RuntimeError(f"the seed dataset is missing ({seed}); pass a store instead")
            store_path = Path(tmp) / "bench.sqlite"
            with EmbeddedStore(store_path) as store:
                load_files(store, [seed])
        with EmbeddedStore(store_path) as store:
            source, target, centre = pick_targets(store)
        plan = [
            ("health", "/health"),
            ("paths", f"/paths?from={quote(source)}&to={quote(target)}&k=3"),
            ("neighbourhood", f"/entities/{quote(centre, safe='')}/neighbourhood?radius={radius}"),
        ]
        with running_server(store_path) as base:
            wait_until_warm(base)  # the index is built in the background at start-up: not part of req/s
            return [measure(base, name, path, requests, concurrency) for name, path in plan]


def format_figures(figures: list[Figures]) -> str:
    lines = [f"{'endpoint':<14} {'req':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  statuses  path"]
    for f in figures:
        statuses = ",".join(f"{k}x{v}" for k, v in sorted(f.statuses.items()))
        lines.append(
            f"{f.name:<14} {f.requests:>5} {f.requests_per_second:>8.1f} {f.p50_ms:>8.2f} {f.p95_ms:>8.2f}  "
            f"{statuses:<8}  {f.path}"
        )
    return "\n".join(lines)
