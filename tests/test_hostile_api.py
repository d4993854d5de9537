"""Hostile requests: refused before work is done, as problem documents, never 5xx,
and the store byte for byte as it was."""

from __future__ import annotations

import hashlib
import threading
import warnings
from pathlib import Path
from typing import Any

import anyio
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api.app import create_app
from bench.hostile_cases import CASES, Case
from tests.api_support import API_KEY, build_store, settings_for

PROBLEM = "application/problem+json"
CHUNK = 1_000_000


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "api.sqlite")


def send_upload(app: Any, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, int]:
    """POST /documents straight through ASGI with a body of ``chunks`` MB;
    returns the status and how many chunks the server pulled before answering."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/documents", "raw_path": b"/documents", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"multipart/form-data; boundary=xyz"), *headers],
        "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, send)
    return status, pulled


def test_an_upload_without_the_key_is_refused_before_its_body_is_read(store_path: Path) -> None:
    app = create_app(settings_for(store_path))
    status, pulled = send_upload(app, [], chunks=50)
    assert status == 401
    assert pulled <= 1, f"the server read {pulled} MB of an unauthenticated upload"


def test_an_upload_declared_too_large_is_refused_before_its_body_is_read(store_path: Path) -> None:
    app = create_app(settings_for(store_path))
    headers = [(b"x-api-key", API_KEY.encode()), (b"content-length", str(50 * CHUNK).encode())]
    status, pulled = send_upload(app, headers, chunks=50)
    assert status in (413, 501)  # 501: extraction is not installed here
    assert pulled <= 1


FACT_CASES = [c for c in CASES if c.suffix in (".json", ".yaml")]


@pytest.mark.parametrize("case", FACT_CASES, ids=[c.name for c in FACT_CASES])
def test_hostile_facts_body_is_refused_cleanly(case: Case, store_path: Path) -> None:
    before = digest(store_path)
    content_type = "application/json" if case.suffix == ".json" else "application/yaml"
    with TestClient(create_app(settings_for(store_path, warm_up=False))) as client:
        response = client.post("/facts", content=case.content,
                               headers={"X-API-Key": API_KEY, "Content-Type": content_type})
        assert response.status_code in (413, 422), response.text
        assert response.headers["content-type"].startswith(PROBLEM)
        detail = response.json()["detail"]
        assert detail.startswith("body") and case.expect in detail, detail
        assert client.get("/health").status_code == 200
    assert digest(store_path) == before


def test_a_line_break_in_a_path_cannot_forge_a_log_line(store_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    with TestClient(create_app(settings_for(store_path, warm_up=False))) as client, \
            caplog.at_level(logging.INFO, logger="kizuna.api"):
        client.get("/entities/x%0Arequest_id=forged GET /admin status=200")
    lines = [r.getMessage() for r in caplog.records if r.name == "kizuna.api"]
    assert lines and all("\n" not in line for line in lines)
    assert any("\\x0arequest_id=forged" in line for line in lines)


def test_the_extraction_queue_is_bounded(store_path: Path) -> None:
    from api.jobs import JobRunner
    from graph.errors import QueueFull
    from graph.limits import MAX_QUEUED_JOBS

    jobs = JobRunner()
    release = threading.Event()
    try:
        for _ in range(MAX_QUEUED_JOBS):
            jobs.submit("extract", lambda: {"waited": release.wait(30)})
        with pytest.raises(QueueFull) as raised:
            jobs.submit("extract", lambda: {})
        assert raised.value.status == 429 and "MAX_QUEUED_JOBS" in raised.value.message
    finally:
        release.set()
        jobs.shutdown()


def _where_am_i() -> dict[str, int]:
    import os

    return {"pid": os.getpid()}


def test_extraction_jobs_run_outside_the_server_process() -> None:
    """Loading the Japanese model holds the interpreter lock for seconds; in its own
    process it cannot hold up /health."""
    import os

    from api.jobs import JobRunner

    jobs = JobRunner()
    try:
        assert jobs.in_process(_where_am_i)["pid"] != os.getpid()
    finally:
        jobs.shutdown()
