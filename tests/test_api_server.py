"""The API under real uvicorn on a loopback port, spoken to over HTTP."""

from __future__ import annotations

import socket
import urllib.parse
from pathlib import Path

import httpx
import pytest

from bench.api import Figures, format_figures, run_bench, running_server
from tests.api_support import API_KEY, build_store, seed_available


def _port_open(base: str) -> bool:
    parts = urllib.parse.urlsplit(base)
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((parts.hostname or "127.0.0.1", parts.port or 80)) == 0


@pytest.mark.slow
def test_real_server_serves_reads_writes_and_stops(tmp_path: Path) -> None:
    store = build_store(tmp_path / "served.sqlite")
    with running_server(store, env={"KIZUNA_API_KEY": API_KEY}) as base:
        assert base.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=base, timeout=10) as http:
            health = http.get("/health", headers={"X-Request-ID": "uvicorn-test-1"})
            assert health.json() == {"status": "ok"}
            assert health.headers["x-request-id"] == "uvicorn-test-1"
            assert http.get("/ready").json()["status"] == "ready"
            entity = http.get("/entities/遼寧省", headers={"Accept-Language": "ja"}).json()
            assert entity["id"] == "place:liaoning" and entity["name"] == "遼寧省"
            paths = http.get("/paths", params={"from": "Hanako Sato", "to": "李偉"}).json()
            assert paths["paths"][0]["steps"][0]["via"]["id"] == "event:medtech-webinar"
            facts = {
                "kizuna": 1,
                "sources": [{"id": "served-note", "title": "Served note"}],
                "entities": [{"id": "person:served", "type": "person", "name": {"en": "Served Person"}}],
                "relations": [{"type": "works_for", "source": "person:served", "target": "org:dalian-biotech-park",
                               "evidence": "served-note"}],
            }
            assert http.post("/facts", json=facts).status_code == 401
            written = http.post("/facts", json=facts, headers={"X-API-Key": API_KEY})
            assert written.status_code == 201 and written.json()["relations"] == 1
            assert http.get("/entities/Served Person").json()["id"] == "person:served"
            big = http.get("/entities", params={"limit": 200}, headers={"Accept-Encoding": "gzip"})
            assert big.headers["content-encoding"] == "gzip" and big.json()["total"] > 30
            problem = http.get("/entities/nobody-at-all-xyz")
            assert problem.status_code == 404
            assert problem.headers["content-type"].startswith("application/problem+json")
    assert not _port_open(base), "the server still listens after the block"


@pytest.mark.slow
def test_bench_measures_all_three_endpoints(tmp_path: Path) -> None:
    store = build_store(tmp_path / "bench.sqlite")
    figures = run_bench(store, requests=20, concurrency=2, radius=2)
    assert [f.name for f in figures] == ["health", "paths", "neighbourhood"]
    for f in figures:
        assert isinstance(f, Figures)
        assert f.requests == 20 and f.statuses == {200: 20}, f
        assert f.requests_per_second > 0 and 0 < f.p50_ms <= f.p95_ms
    assert "req/s" in format_figures(figures)


@pytest.mark.slow
@pytest.mark.skipif(not seed_available(), reason="the seed dataset is not written yet")
def test_bench_on_the_seed_graph() -> None:
    figures = run_bench(None, requests=30, concurrency=2)
    assert all(f.statuses == {200: 30} for f in figures), format_figures(figures)
