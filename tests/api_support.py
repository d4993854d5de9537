"""Shared helpers for the API tests: a loaded store, settings, a real server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from graph.embedded import EmbeddedStore
from graph.settings import Settings
from ingest.load import load_files, seed_path

FIXTURE = Path(__file__).with_name("api_fixture.yaml")
API_KEY = "test-key-0123456789"


def build_store(path: Path, files: list[Path] | None = None) -> Path:
    """An embedded store at ``path`` loaded with ``files`` (default: the fixture)."""
    store = EmbeddedStore(path)
    try:
        load_files(store, files or [FIXTURE])
    finally:
        store.close()
    return path


def settings_for(store_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"store": str(store_path), "api_key": API_KEY}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def seed_available() -> bool:
    return seed_path().exists()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(store_path: Path, **env: str) -> Iterator[str]:
    """Real uvicorn in a subprocess on a free loopback port; yields the base URL."""
    port = free_port()
    environ = {**os.environ, "KIZUNA_STORE": str(store_path), **env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
