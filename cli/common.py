"""Shared pieces of the command-line modules: options, store opening, output."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from graph.errors import KizunaError
from graph.open import open_store
from graph.store import Store

# C0 and C1 control characters except tab and newline: terminal escape sequences
# in stored names must show as text, never act on the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (ESC becomes ``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class PlainConsole(Console):
    """The one console every command prints through. Stored text is untrusted:
    it is never read as Rich markup (``[/]``) or emoji codes (``:ghost:``), and
    its control characters are made visible. Styling is given with ``style=``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs["markup"] = False
        kwargs["emoji"] = False
        return super().render_str(printable(text), **kwargs)


console = PlainConsole()
err_console = PlainConsole(stderr=True)

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="Store path or neo4j:// URI (default: KIZUNA_STORE setting).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]



@contextmanager
def store_at(location: str | None) -> Iterator[Store]:
    """Open the store, turning Kizuna errors into a clean exit."""
    with handle_errors():
        store = open_store(location)
    try:
        with handle_errors():
            yield store
    finally:
        store.close()


def fail(message: str) -> None:
    """One line on stderr (never wrapped), then exit status 1."""
    err_console.print(f"error: {message}", style="red", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Kizuna errors and the operating system's (a missing folder, a full disk, a
    file that is not a store) become one line and exit status 1, never a traceback."""
    try:
        yield
    except KizunaError as exc:
        fail(exc.message)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}")
    except sqlite3.Error as exc:
        fail(f"the store failed: {exc}")
    except (ValueError, RecursionError, MemoryError) as exc:
        fail(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'}")


class GuardedGroup(TyperGroup):
    """The command group: every command runs inside ``handle_errors``, so no
    command can end in a traceback, whatever it forgot to catch."""

    def invoke(self, ctx: Any) -> Any:  # typer.Context is a vendored click type
        with handle_errors():
            return super().invoke(ctx)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


