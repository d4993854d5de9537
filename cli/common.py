"""What every command shares: its options, opening a store, printing a result, reporting an error.

Output contract (the README's "Machine output"): with ``--json`` a command
writes its result as one JSON document on stdout, or — when it fails — one
JSON error object on stderr and nothing on stdout:
``{"error": <title>, "message": <one line>, "where": <command, option or file>,
"exit_code": <n>, ...}`` (domain errors add ``status`` and their suggestions or
candidates). Progress and notes also go to stderr. Without ``--json`` results
are tables on stdout and an error is one line on stderr. Exit status: 0
success, 1 an error, 2 a usage error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from typer._click.exceptions import BadParameter, ClickException, MissingParameter, UsageError
from typer._click.globals import get_current_context
from typer.core import TyperGroup

from graph.errors import KizunaError
from graph.open import open_store
from graph.store import Store
from queries.ties import AS_OF_HELP

console = Console()
err_console = Console(stderr=True)

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="Store path or neo4j:// URI (default: KIZUNA_STORE setting).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document (result or error) on stdout.")]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help=AS_OF_HELP),
]
MinConfOpt = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Ignore relations whose evidence is less confident than this (0-1).")]

T = TypeVar("T")


def _where(hint: str | None = None) -> str:
    """The command being run (``kizuna path``), with the option at fault when known."""
    ctx = get_current_context(silent=True)
    place = ctx.command_path if ctx is not None else "kizuna"
    return f"{place} {hint}" if hint else place


def plain(data: Any) -> Any:
    """A JSON-ready value: result models dump themselves, containers are walked."""
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        return plain(dataclasses.asdict(data))
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [plain(v) for v in data]
    return data


def print_json(data: Any, *, stderr: bool = False) -> None:
    """Write one JSON document on stdout (or stderr); UTF-8 names stay readable."""
    stream = sys.stderr if stderr else sys.stdout
    stream.write(json.dumps(plain(data), ensure_ascii=False, indent=2, default=str) + "\n")
    stream.flush()


def emit(result: T, as_json: bool, human: Callable[[T], None]) -> None:
    """Print ``result`` as JSON for machines, else through ``human``."""
    if as_json:
        print_json(result)
    else:
        human(result)


def error_object(title: str, message: str, where: str, exit_code: int, **extra: Any) -> dict[str, Any]:
    """The JSON error document (see the module docstring)."""
    return {"error": title, "message": message, "where": where, "exit_code": exit_code, **plain(extra)}


def fail(
    message: str, *, as_json: bool, where: str | None = None, title: str = "error", exit_code: int = 1, **extra: Any
) -> NoReturn:
    """Report an error on stderr — one JSON object with ``--json``, else one line — and exit."""
    place = where or _where()
    if as_json:
        print_json(error_object(title, message, place, exit_code, **extra), stderr=True)
    else:
        err_console.print(f"[bold red]{title}:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(exit_code)


def fail_kizuna(exc: KizunaError, as_json: bool) -> NoReturn:
    """Report a domain error with its title, HTTP-like status and extras (suggestions, candidates)."""
    where = str(exc.extra.get("where") or _where())
    extra: dict[str, Any] = {k: v for k, v in exc.extra.items() if k != "where"}
    fail(exc.message, as_json=as_json, where=where, title=exc.title, status=exc.status, **extra)


@contextmanager
def reporting(as_json: bool = False) -> Iterator[None]:
    """Turn Kizuna errors and bad parameters raised inside into a clean report and exit status."""
    try:
        yield
    except KizunaError as exc:
        fail_kizuna(exc, as_json)
    except BadParameter as exc:
        if not as_json:
            raise
        fail(exc.format_message(), as_json=True, where=_where(_param_hint(exc)), title="Invalid value",
             exit_code=exc.exit_code)


@contextmanager
def store_at(location: str | None, as_json: bool = False) -> Iterator[Store]:
    """Open the store (``--store`` or the setting), report errors inside, always close it."""
    with reporting(as_json):
        store = open_store(location)
    try:
        with reporting(as_json):
            yield store
    finally:
        store.close()


def parse_date(text: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value; a bad one is a usage error naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"expected a date like 2018-05-08, got {text!r}", param_hint=option) from None


def _param_hint(exc: ClickException) -> str | None:
    """The option or argument a usage error is about (``--k``), when it names one."""
    if isinstance(exc, BadParameter | MissingParameter):
        if exc.param_hint is not None:
            hint = exc.param_hint
            return hint if isinstance(hint, str) else " / ".join(hint)
        if exc.param is not None:
            return exc.param.get_error_hint().replace("'", "")
    return None


class KizunaGroup(TyperGroup):
    """The command group: with ``--json`` anywhere on the line, usage errors are JSON too.

    Errors a command reports itself go through :func:`fail`; this catches what
    click refuses before a command runs (a missing argument, a value out of
    range) and any domain error a command let through.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        as_json = "--json" in argv
        try:
            if not as_json or not standalone_mode:
                return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as exc:
            ctx = exc.ctx if isinstance(exc, UsageError) else None
            path = ctx.command_path if ctx is not None else (prog_name or "kizuna")
            hint = _param_hint(exc)
            title = "Invalid usage" if isinstance(exc, UsageError) else "error"
            print_json(error_object(title, exc.format_message(), f"{path} {hint}" if hint else path,
                                    exc.exit_code), stderr=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            err_console.print("aborted")
            sys.exit(1)
        except KizunaError as exc:  # a command that did not report its own domain error
            if as_json:
                print_json(error_object(exc.title, exc.message, prog_name or "kizuna", 1, status=exc.status,
                                        **exc.extra), stderr=True)
            else:
                err_console.print(f"[bold red]{exc.title}:[/] {exc.message}", highlight=False, soft_wrap=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def new_app(cls: type[KizunaGroup] = KizunaGroup, **kwargs: Any) -> typer.Typer:
    """A typer app whose errors follow the output contract above."""
    return typer.Typer(cls=cls, pretty_exceptions_enable=False, **kwargs)
