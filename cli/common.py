"""Shared pieces of the command-line modules: options, store opening, output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from graph.errors import KizunaError
from graph.open import open_store
from graph.store import Store

console = Console()
err_console = Console(stderr=True)

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


@contextmanager
def handle_errors() -> Iterator[None]:
    try:
        yield
    except KizunaError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
        raise typer.Exit(1) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


