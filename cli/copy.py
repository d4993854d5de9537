"""``kizuna copy --from <store> --to <store>``: move a graph between backends.

Why chunks through ``Store.write``: every chunk is validated and merged like
any other batch, so a copy into a non-empty store merges instead of clobbering,
re-running a copy changes nothing (writes are idempotent), and an interrupted
copy can simply be run again. Sources go first, then entities, then relations,
so every chunk only cites what is already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Annotated, TypeVar

import typer

from cli.common import JsonOpt, err_console, fail, print_json, store_at
from graph.model import Batch
from graph.store import Store

T = TypeVar("T")
Report = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class CopyResult:
    sources: int
    entities: int
    relations: int
    batches: int


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def copy_store(source: Store, target: Store, chunk: int = 500, report: Report | None = None) -> CopyResult:
    """Copy everything in ``source`` into ``target``, one batch per chunk."""
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    graph = source.export()
    plan: list[tuple[str, Batch]] = [("sources", Batch(sources=c)) for c in _chunks(graph.sources, chunk)]
    plan += [("entities", Batch(entities=c)) for c in _chunks(graph.entities, chunk)]
    plan += [("relations", Batch(relations=c)) for c in _chunks(graph.relations, chunk)]
    total = len(graph)
    done = 0
    if report:
        report("copying", done, total)
    for stage, batch in plan:
        target.write(batch)
        done += len(batch)
        if report:
            report(stage, done, total)
    return CopyResult(len(graph.sources), len(graph.entities), len(graph.relations), len(plan))


def register(app: typer.Typer) -> None:
    """Add ``copy`` to the ``kizuna`` CLI."""

    @app.command("copy")
    def copy(
        source: Annotated[str, typer.Option("--from", help="Store to read: a path or a neo4j:// URI.")],
        target: Annotated[str, typer.Option("--to", help="Store to write into (created or merged into).")],
        chunk: Annotated[int, typer.Option(min=1, max=100_000, help="Records per batch (one transaction).")] = 500,
        as_json: JsonOpt = False,
    ) -> None:
        """Copy a whole graph between stores (embedded <-> Neo4j); safe to re-run."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        if source.strip() == target.strip():
            fail("--from and --to name the same store", as_json=as_json, title="Invalid usage", exit_code=2)
        with store_at(source, as_json) as src, store_at(target, as_json) as dst, Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=as_json or not err_console.is_terminal,
        ) as bar:
            task = bar.add_task("reading", total=None)

            def report(stage: str, done: int, total: int) -> None:
                bar.update(task, description=stage, completed=done, total=total)

            result = copy_store(src, dst, chunk, report)
        if as_json:
            print_json(asdict(result))
            return
        typer.echo(
            f"copied {result.sources} sources, {result.entities} entities and {result.relations} relations "
            f"in {result.batches} batches"
        )
