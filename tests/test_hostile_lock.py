"""A write lock held by another process: writes wait a bounded time and answer
503 with Retry-After; reads and /health never wait for it."""

from __future__ import annotations

import sqlite3
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedStore
from graph.errors import Busy
from graph.limits import STORE_BUSY_SECONDS
from graph.model import Batch, Source
from tests.api_support import API_KEY, build_store, settings_for


@contextmanager
def write_lock_held_elsewhere(path: Path) -> Iterator[None]:
    """Another connection (as another process would) holds the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "api.sqlite")


@pytest.mark.slow  # waits out timeouts / runs a fuzz pass
def test_a_write_waits_a_bounded_time_and_reads_go_on(store_path: Path) -> None:
    with EmbeddedStore(store_path) as store, write_lock_held_elsewhere(store_path):
        failure: list[BaseException] = []

        def write() -> None:
            try:
                store.write(Batch(sources=[Source(id="late", title="Late note")]))
            except BaseException as exc:
                failure.append(exc)

        started = time.monotonic()
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.3)  # the write is now waiting for the lock
        read_started = time.monotonic()
        assert store.get_sources(["api-fixture-note"])
        assert store.stats().entity_total > 0
        assert time.monotonic() - read_started < 1.0, "a read waited for the pending write"
        writer.join(timeout=STORE_BUSY_SECONDS * 4)
        elapsed = time.monotonic() - started
    assert failure and isinstance(failure[0], Busy), failure
    assert "STORE_BUSY_SECONDS" in failure[0].message
    assert elapsed < STORE_BUSY_SECONDS * 3


@pytest.mark.slow  # waits out timeouts / runs a fuzz pass
def test_the_api_answers_503_with_retry_after_and_health_stays_quick(store_path: Path) -> None:
    with TestClient(create_app(settings_for(store_path, warm_up=False))) as client:
        with write_lock_held_elsewhere(store_path):
            answers: dict[str, object] = {}

            def post() -> None:
                answers["post"] = client.post(
                    "/facts", json={"kizuna": 1, "sources": [{"id": "late", "title": "Late note"}]},
                    headers={"X-API-Key": API_KEY},
                )

            writer = threading.Thread(target=post)
            writer.start()
            time.sleep(0.3)
            worst = 0.0
            while writer.is_alive():
                for path in ("/health", "/sources/api-fixture-note", "/viz/countries"):
                    started = time.monotonic()
                    assert client.get(path).status_code == 200
                    worst = max(worst, time.monotonic() - started) if path == "/health" else worst
                time.sleep(0.1)
            writer.join()
        response = answers["post"]
        assert getattr(response, "status_code") == 503
        assert getattr(response, "headers")["retry-after"].isdigit()
        assert "locked" in getattr(response, "json")()["detail"]
        assert worst < 1.0, f"/health took {worst:.2f} s while a write waited"
        assert client.post("/facts", json={"kizuna": 1, "sources": [{"id": "late", "title": "Late note"}]},
                           headers={"X-API-Key": API_KEY}).status_code == 201
