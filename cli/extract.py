"""CLI commands for extraction: ``extract``, ``ingest``, ``eval`` and ``bench-extract``.

``register(app)`` adds them to the ``kizuna`` typer app (``cli.app``). Skipped
documents and review notes go to stderr, or into the ``--json`` document.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cli.common import JsonOpt, fail, print_json, reporting, store_at
from cli.common import err_console as err
from graph.store import Store


def _progress_bar(quiet: bool = False) -> tuple[Progress, Any]:
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                   disable=quiet)
    task = bar.add_task("extracting", total=None)

    def update(stage: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=Path(stage).name[:40])

    return bar, update


def _report_errors(results: list[Any], as_json: bool = False) -> list[dict[str, str]]:
    """Skipped documents: printed on stderr, and returned for the ``--json`` document."""
    skipped = [{"path": r.path, "error": r.error} for r in results if r.error]
    if not as_json:
        for item in skipped:
            err.print(f"[yellow]skipped[/] {item['path']}: {item['error']}", highlight=False)
    return skipped


@contextmanager
def _optional_store(location: str | None, as_json: bool) -> Iterator[Store | None]:
    """The store to resolve names against, when one is named."""
    if location is None:
        yield None
        return
    with store_at(location, as_json) as opened:
        yield opened


def _write(output: Path, text: str, as_json: bool) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", as_json=as_json, where=str(output))


def register(app: typer.Typer) -> None:
    """Add the extraction commands to ``app``."""

    @app.command()
    def extract(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Write facts here (YAML or .json).")] = None,
        store: Annotated[str | None, typer.Option("--store", help="Resolve against this store.")] = None,
        cold: Annotated[bool, typer.Option("--cold", help="Ignore the store (cold start).")] = False,
        as_json: Annotated[bool, typer.Option(
            "--json", help="One JSON document: counts, skipped documents, review notes, and the facts unless -o.")
        ] = False,
    ) -> None:
        """Extract facts from documents into a fact file for review."""
        from ingest.extract.pipeline import extract_paths, merge_fact_files, strip_private

        with _optional_store(None if cold else store, as_json) as opened, reporting(as_json):
            bar, update = _progress_bar(as_json)
            with bar:
                results = extract_paths(docs, store=opened, progress=update)
        skipped = _report_errors(results, as_json)
        facts = strip_private(merge_fact_files(r.facts for r in results if r.facts))
        review = [n for r in results for n in r.review]
        documents = sum(1 for r in results if r.facts)
        if output:
            _write(output, json.dumps(facts, ensure_ascii=False, indent=2) if output.suffix == ".json"
                   else yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), as_json)
        if as_json:
            print_json({"file": str(output) if output else None, "entities": len(facts["entities"]),
                        "relations": len(facts["relations"]), "documents": documents, "skipped": skipped,
                        "review": review, **({} if output else {"facts": facts})})
            return
        if not output:
            sys.stdout.write(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False))
        for note in review:
            err.print(note, highlight=False)
        err.print(
            f"{len(facts['entities'])} entities, {len(facts['relations'])} relations from "
            f"{documents} documents ({len(skipped)} skipped)"
        )

    @app.command()
    def ingest(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        store: Annotated[str | None, typer.Option("--store", help="Store path or URI.")] = None,
        threshold: Annotated[float, typer.Option("--threshold", help="Load facts at least this confident.")] = 0.6,
        as_json: JsonOpt = False,
    ) -> None:
        """Extract facts and load those above the threshold (re-ingesting replaces a document's facts)."""
        from graph.errors import KizunaError
        from ingest.extract.pipeline import extract_paths, strip_private
        from ingest.format import parse_fact_file, to_batch
        from ingest.load import ensure_vocabulary

        with store_at(store, as_json) as opened:
            ensure_vocabulary(opened)
            bar, update = _progress_bar(as_json)
            with bar:
                results = extract_paths(docs, store=opened, progress=update)
            skipped = _report_errors(results, as_json)
            loaded: list[str] = []
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
                    loaded.append(r.path)
                except KizunaError as exc:
                    skipped.append({"path": r.path, "error": exc.message})
                    if not as_json:
                        err.print(f"[yellow]skipped[/] {r.path}: {exc.message}", highlight=False)
        if as_json:
            print_json({"loaded": loaded, "skipped": skipped, "threshold": threshold})
            return
        err.print(f"loaded {len(loaded)} documents")

    @app.command("eval")
    def eval_(
        gold: Annotated[Path, typer.Argument(help="Annotated fact file (the same format).")],
        docs: Annotated[Path, typer.Option("--docs", help="Folder of the annotated documents.")],
        as_json: JsonOpt = False,
        store: Annotated[str | None, typer.Option("--store", help="Use this store's names (warm start).")] = None,
    ) -> None:
        """Precision, recall and F1 for entities and relations (by type) against GOLD."""
        from ingest.extract.evaluate import evaluate, gold_batch
        from ingest.extract.pipeline import extract_paths, merge_fact_files, strip_private
        from ingest.format import parse_fact_file, to_batch

        with _optional_store(store, as_json) as opened, reporting(as_json):
            results = extract_paths([docs], store=opened)
        skipped = _report_errors(results, as_json)
        with reporting(as_json):
            facts = strip_private(merge_fact_files(r.facts for r in results if r.facts))
            predicted = to_batch(parse_fact_file(facts, "extracted"), "extracted")
            names = {Path(r.path).name for r in results}
            report = evaluate(gold_batch(gold, names), predicted)
        if as_json:
            print_json({**report.as_dict(), "skipped": skipped})
        else:
            sys.stdout.write(report.table(f"{gold} vs {docs}") + "\n")

    @app.command("bench-extract")
    def bench_extract(
        docs: Annotated[list[Path], typer.Argument(help="Documents or folders to time.")],
        rounds: Annotated[int, typer.Option("--rounds", min=1, max=100)] = 1,
        as_json: JsonOpt = False,
    ) -> None:
        """Throughput of raw GiNZA and of the extractor on the same text."""
        from bench.extract import bench

        with reporting(as_json):
            figures = bench(docs, rounds)
        if as_json:
            print_json({"chars": figures.chars, "ginza_seconds": figures.ginza_seconds,
                        "extract_seconds": figures.extract_seconds, "ginza_chars_per_s": figures.ginza_rate,
                        "extract_chars_per_s": figures.extract_rate, "ratio": figures.ratio})
            return
        sys.stdout.write(str(figures) + "\n")
