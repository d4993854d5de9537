"""Shared helpers for the API tests: a store loaded with the fixture (or the seed) and settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def settings_for(store_path: Path, **overrides: Any) -> Settings:
    """Settings for a test app: this store, the test key, no .env file."""
    values: dict[str, Any] = {"store": str(store_path), "api_key": API_KEY}
    values.update(overrides)
    return Settings(_env_file=None, **values)


def seed_available() -> bool:
    return seed_path().exists()
