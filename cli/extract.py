"""CLI commands for extraction: ``extract``, ``ingest``, ``eval`` and ``bench-extract``.

``register(app)`` adds them to the ``kizuna`` typer app (wired in api/cli.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

err = Console(stderr=True)


def _progress_bar() -> tuple[Progress, Any]:
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True)
    task = bar.add_task("extracting", total=None)

    def update(stage: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=Path(stage).name[:40])

    return bar, update


def _report_errors(results: list[Any]) -> None:
    for r in results:
        if r.error:
            err.print(f"[yellow]skipped[/] {r.path}: {r.error}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the extraction commands to ``app``."""

    @app.command()
    def extract(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Write facts here (YAML or .json).")] = None,
        store: Annotated[str | None, typer.Option("--store", help="Resolve against this store.")] = None,
        cold: Annotated[bool, typer.Option("--cold", help="Ignore the store (cold start).")] = False,
    ) -> None:
        """Extract facts from documents into a fact file for review."""
        from ingest.extract.pipeline import extract_paths, merge_fact_files, strip_private

        opened = None
        if not cold and store:
            from graph.open import open_store

            opened = open_store(store)
        bar, update = _progress_bar()
        try:
            with bar:
                results = extract_paths(docs, store=opened, progress=update)
        finally:
            if opened is not None:
                opened.close()
        _report_errors(results)
        facts = strip_private(merge_fact_files(r.facts for r in results if r.facts))
        text = (
            json.dumps(facts, ensure_ascii=False, indent=2)
            if output and output.suffix == ".json"
            else yaml.safe_dump(facts, allow_unicode=True, sort_keys=False)
        )
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        review = [n for r in results for n in r.review]
        for note in review:
            err.print(note, highlight=False)
        err.print(
            f"{len(facts['entities'])} entities, {len(facts['relations'])} relations from "
            f"{sum(1 for r in results if r.facts)} documents ({sum(1 for r in results if r.error)} skipped)"
        )

    @app.command()
    def ingest(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        store: Annotated[str | None, typer.Option("--store", help="Store path or URI.")] = None,
        threshold: Annotated[float, typer.Option("--threshold", help="Load facts at least this confident.")] = 0.6,
    ) -> None:
        """Extract facts and load those above the threshold (re-ingesting replaces a document's facts)."""
        from graph.errors import KizunaError
        from graph.open import open_store
        from ingest.extract.pipeline import extract_paths, strip_private
        from ingest.format import parse_fact_file, to_batch
        from ingest.load import ensure_vocabulary

        opened = open_store(store)
        try:
            ensure_vocabulary(opened)
            bar, update = _progress_bar()
            with bar:
                results = extract_paths(docs, store=opened, progress=update)
            _report_errors(results)
            loaded = 0
            for r in results:
                if not r.facts:
                    continue
                facts = strip_private(r.facts, threshold)
                try:
                    batch = to_batch(parse_fact_file(facts, r.path), r.path)
                    for source in batch.sources:
                        if opened.get_sources([source.id]):
                            opened.retract_source(source.id)
                    opened.write(batch)
                    loaded += 1
                except KizunaError as exc:
                    err.print(f"[yellow]skipped[/] {r.path}: {exc.message}", highlight=False)
            err.print(f"loaded {loaded} documents")
        finally:
            opened.close()

    @app.command("eval")
    def eval_(
        gold: Annotated[Path, typer.Argument(help="Annotated fact file (the same format).")],
        docs: Annotated[Path, typer.Option("--docs", help="Folder of the annotated documents.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        store: Annotated[str | None, typer.Option("--store", help="Use this store's names (warm start).")] = None,
    ) -> None:
        """Precision, recall and F1 for entities and relations (by type) against GOLD."""
        from ingest.extract.evaluate import evaluate, gold_batch
        from ingest.extract.pipeline import extract_paths, merge_fact_files, strip_private
        from ingest.format import parse_fact_file, to_batch

        opened = None
        if store:
            from graph.open import open_store

            opened = open_store(store)
        try:
            results = extract_paths([docs], store=opened)
        finally:
            if opened is not None:
                opened.close()
        _report_errors(results)
        facts = strip_private(merge_fact_files(r.facts for r in results if r.facts))
        predicted = to_batch(parse_fact_file(facts, "extracted"), "extracted")
        names = {Path(r.path).name for r in results}
        report = evaluate(gold_batch(gold, names), predicted)
        if as_json:
            sys.stdout.write(json.dumps(report.as_dict(), indent=2) + "\n")
        else:
            sys.stdout.write(report.table(f"{gold} vs {docs}") + "\n")

    @app.command("bench-extract")
    def bench_extract(
        docs: Annotated[list[Path], typer.Argument(help="Documents or folders to time.")],
        rounds: Annotated[int, typer.Option("--rounds", min=1, help="Time each document this many times.")] = 1,
    ) -> None:
        """Throughput of raw GiNZA and of the extractor on the same text."""
        from bench.extract import bench

        sys.stdout.write(str(bench(docs, rounds)) + "\n")
