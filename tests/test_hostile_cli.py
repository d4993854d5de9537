"""Stored text is untrusted on the terminal: never Rich markup, emoji codes or
escape sequences; and the command line ends every failure in one line."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from cli.common import PlainConsole
from graph.embedded import EmbeddedStore
from graph.model import Batch, Entity, EntityRecord, EntityType, Name, Source

NAME = "Ghost [bold]Org[/] :ghost: [/]"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite"
    with EmbeddedStore(path) as store:
        store.write(Batch(
            sources=[Source(id="note", title="A [/] note :ghost:")],
            entities=[EntityRecord(entity=Entity(id="org:ghost:", type=EntityType.ORGANISATION, kind="company",
                                                 names=(Name(text=NAME, kind="primary"), Name(text="[/]x"))),
                                   sources=("note",))],
        ))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [["show", "org:ghost:"], ["show", "[/]x"], ["search", "Ghost"],
                                     ["neighbours", "org:ghost:"]])
def test_markup_and_emoji_codes_in_data_print_as_text(command: list[str], store_path: Path) -> None:
    code, out, err = run(*command, "--store", str(store_path))
    assert code == 0, err
    assert "👻" not in out and "Traceback" not in out + err
    if command[0] == "show":
        assert NAME in out


def test_an_unknown_name_with_markup_is_one_clean_error(store_path: Path) -> None:
    code, _out, err = run("path", "[/]zz", "org:ghost:", "--store", str(store_path))
    assert code == 1 and "[/]zz" in err and err.count("\n") == 1, err


def test_escape_sequences_are_shown_never_sent() -> None:
    buffer = io.StringIO()
    PlainConsole(file=buffer, force_terminal=False).print("name \x1b[31mred\x1b[0m [/] :ghost:")
    assert buffer.getvalue() == "name \\x1b[31mred\\x1b[0m [/] :ghost:\n"


def test_names_with_control_characters_are_refused_by_the_model() -> None:
    with pytest.raises(ValueError, match="control character"):
        Name(text="a\x1b[31mb")


def test_output_into_a_missing_folder_is_one_line(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.yaml"
    code, _out, err = run("export", "-o", str(target), "--store", str(store_path))
    assert code == 1 and str(target) in err and err.count("\n") == 1, err


def test_a_store_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("these are notes, not a store\n" * 200, encoding="utf-8")
    code, _out, err = run("stats", "--store", str(bogus))
    assert code == 1 and "not a database" in err and err.count("\n") == 1, err


def test_a_full_disk_is_one_line_and_writes_nothing(store_path: Path) -> None:
    from graph.errors import StoreUnavailable

    with EmbeddedStore(store_path) as store:
        before = store.stats()
        (pages,) = store._db.execute("PRAGMA page_count").fetchone()
        store._db.execute(f"PRAGMA max_page_count={pages}")
        big = Batch(entities=[EntityRecord(entity=Entity(id=f"person:p{i}", type=EntityType.PERSON,
                                                         names=(Name(text=f"Person {i} " + "x" * 200),)))
                              for i in range(2000)])
        with pytest.raises(StoreUnavailable) as raised:
            store.write(big)
        assert "full" in raised.value.message and "rollback" not in raised.value.message
        assert store.stats() == before
        assert store.check() == []
    with sqlite3.connect(store_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_escape_sequences_in_rich_text_cells_are_shown_too() -> None:
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    table = Table("name")
    table.add_row(Text("evil \x1b]0;title\x07 name"))
    PlainConsole(file=buffer, force_terminal=False, width=80).print(table)
    assert "\x1b" not in buffer.getvalue() and "\x07" not in buffer.getvalue()
    assert "\\x1b" in buffer.getvalue()
