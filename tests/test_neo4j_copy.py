"""``kizuna copy``: chunked, idempotent copies between stores.

Embedded -> embedded runs everywhere (the copy logic is backend-neutral);
embedded -> Neo4j -> embedded runs when NEO4J_URI names a live server.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli.copy import copy_store, register
from graph.embedded import EmbeddedStore
from graph.model import Batch
from ingest.load import load_files, seed_path


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer from collapsing the app into `copy`
        """Nothing."""

    return app


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


def _export(path: Path) -> Batch:
    with EmbeddedStore(path) as store:
        return store.export()


def test_copy_cli_is_complete_and_idempotent(seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    runner = CliRunner()
    first = runner.invoke(_app(), ["copy", "--from", str(seed_file), "--to", str(target), "--chunk", "7", "--json"])
    assert first.exit_code == 0, first.output
    figures = json.loads(first.stdout)
    original = _export(seed_file)
    assert figures["entities"] == len(original.entities) and figures["relations"] == len(original.relations)
    expected_batches = sum(-(-n // 7) for n in (len(original.sources), len(original.entities), len(original.relations)))
    assert figures["batches"] == expected_batches
    assert _export(target).model_dump() == original.model_dump()
    again = runner.invoke(_app(), ["copy", "--from", str(seed_file), "--to", str(target)])
    assert again.exit_code == 0, again.output
    assert "copied" in again.stdout
    assert _export(target).model_dump() == original.model_dump()


def test_copy_refuses_the_same_store(seed_file: Path) -> None:
    result = CliRunner().invoke(_app(), ["copy", "--from", str(seed_file), "--to", str(seed_file)])
    assert result.exit_code == 2


def test_copy_reports_progress_in_order(seed_file: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    with EmbeddedStore(seed_file) as src, EmbeddedStore(tmp_path / "t.sqlite") as dst:
        result = copy_store(src, dst, chunk=50, report=lambda *a: seen.append(a))
    stages = [s for s, _, _ in seen]
    assert stages[0] == "copying" and stages[-1] == "relations"
    assert stages.index("entities") < stages.index("relations")
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)
    assert seen[-1][1] == seen[-1][2] == result.sources + result.entities + result.relations


@pytest.mark.neo4j
def test_copy_to_neo4j_and_back(seed_file: Path, tmp_path: Path) -> None:
    uri = os.environ.get("NEO4J_URI") or os.environ.get("NEO4J_URL")
    if not uri:
        pytest.skip("Neo4j backend: no live server here; set NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) to run")
    from graph.neo4j_store import Neo4jStore

    neo = Neo4jStore.for_tests(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    try:
        with EmbeddedStore(seed_file) as src:
            copy_store(src, neo, chunk=40)
            copy_store(src, neo, chunk=40)  # idempotent
        with EmbeddedStore(tmp_path / "back.sqlite") as back:
            copy_store(neo, back, chunk=40)
            assert back.export().model_dump() == _export(seed_file).model_dump()
        assert neo.check() == []
    finally:
        neo.close()
