"""Shared fixtures. ``store`` runs a test against every backend it can reach:
the embedded store always, Neo4j when ``NEO4J_URI`` (or ``NEO4J_URL``) is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from graph.embedded import EmbeddedStore
from graph.store import Store

# The same examples on every run, so a red CI run is reproducible; set
# HYPOTHESIS_PROFILE=explore to search new examples while developing.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def neo4j_uri() -> str | None:
    return os.environ.get("NEO4J_URI") or os.environ.get("NEO4J_URL")


def open_backend(name: str, tmp_path: Path) -> Store:
    if name == "embedded":
        return EmbeddedStore(tmp_path / "store.sqlite")
    uri = neo4j_uri()
    if not uri:
        pytest.skip("Neo4j backend: no live server here; set NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) to run")
    from graph.neo4j_store import Neo4jStore

    return Neo4jStore.for_tests(
        uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    )


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    backend = open_backend(request.param, tmp_path)
    try:
        yield backend
    finally:
        backend.close()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedStore]:
    backend = EmbeddedStore(tmp_path / "embedded.sqlite")
    try:
        yield backend
    finally:
        backend.close()
