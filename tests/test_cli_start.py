"""``kizuna COMMAND`` builds only COMMAND, and answers exactly as the whole command group does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cli.app import app
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("start") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


def entry_point(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                ) -> tuple[int, str, str]:
    """What the installed ``kizuna`` script does with ``argv``: exit status, stdout, stderr."""
    monkeypatch.setattr(sys, "argv", ["kizuna", *argv])
    # the script's __main__ has no package (under ``python -m pytest`` it is pytest's, and click would name the
    # program 「python -m pytest.kizuna」)
    monkeypatch.setattr(sys.modules["__main__"], "__package__", None, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    with pytest.raises(SystemExit) as done:
        app()
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def whole_group(argv: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, argv, env={"COLUMNS": "120"}, terminal_width=120)
    return result.exit_code, result.stdout, result.stderr


def test_a_named_command_is_the_only_one_built() -> None:
    every = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"path", "load", "viz", "review"} <= set(every)
    for name in every:
        lean = app.lean_group([name, "--json"])
        assert lean is not None and list(lean.commands) == [name]
    viz = app.lean_group(["viz", "path"])
    assert viz is not None and set(viz.commands["viz"].commands) == {"region", "entity", "path", "countries"}  # type: ignore[attr-defined]
    for unnamed in ([], ["--help"], ["pth"], ["--json", "path"]):
        assert app.lean_group(unnamed) is None


@pytest.mark.parametrize("argv", [
    ["path", "--help"], ["viz", "path", "--help"], ["review", "--help"], ["load", "--help"],
    ["path", "--json"], ["path", "a"], ["path", "a", "b", "--k", "11", "--json"], ["pth", "a"], ["--help"],
])
def test_help_and_usage_errors_read_as_from_the_whole_group(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry_point(argv, monkeypatch, capsys) == whole_group(argv)


def test_a_query_answers_as_from_the_whole_group(
    seed_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["path", "神奈川県", "遼寧省", "--json"], ["path", "神奈川県", "遼寧省"],
                 ["path", "神奈川県", "どこでもない", "--json"]):
        argv = [*argv, "--store", str(seed_file)]
        status, out, err = entry_point(argv, monkeypatch, capsys)
        assert (status, out, err) == whole_group(argv)
        assert out or err
    status, out, _ = entry_point(["path", "神奈川県", "遼寧省", "--json", "--store", str(seed_file)], monkeypatch,
                                 capsys)
    assert status == 0 and '"place:kanagawa"' in out
