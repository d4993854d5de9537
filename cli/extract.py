"""CLI commands for extraction: ``extract``, ``ingest``, ``eval`` and ``bench-extract``.

``register(app)`` adds them to the ``kizuna`` typer app (``cli.app``). Reports
on documents and left-out facts go to stderr, or into the ``--json`` document.
"""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cli.common import JsonOpt, StoreOpt, fail, print_json, reporting, store_at
from cli.common import err_console as err

if TYPE_CHECKING:
    from rich.progress import Progress

    from ingest.extract.intake import DocumentReport


def _progress_bar(quiet: bool = False) -> tuple[Progress, Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                   disable=quiet)
    task = bar.add_task("extracting", total=None)

    def update(stage: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=Path(stage).name[:40])

    return bar, update


def _report_errors(results: list[Any], as_json: bool = False) -> list[dict[str, str]]:
    """Skipped documents: printed on stderr, or returned for the ``--json`` document."""
    skipped = [{"path": r.path, "error": r.error} for r in results if r.error]
    if not as_json:
        for item in skipped:
            err.print(f"skipped {item['path']}: {item['error']}", style="yellow", highlight=False, soft_wrap=True)
    return skipped


def _write(output: Path, text: str, as_json: bool) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", as_json=as_json, where=str(output))


def _print_report(report: DocumentReport, loaded: bool) -> None:
    """One line per document, then one per fact left out (with its character span)."""
    if loaded and report.loaded:
        counts = ", ".join(f"{v} {k}" for k, v in report.resolution.items())
        err.print(f"loaded {report.file}: {report.entities} entities, {report.relations} relations"
                  + (f" ({counts})" if counts else ""), highlight=False)
    for problem in report.problems:
        label = "held back" if problem.held else "left out"
        err.print(f"{label} {problem.line()}", style="yellow", highlight=False, soft_wrap=True)
    for note in report.review:
        err.print(note, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the extraction commands to ``app``."""

    @app.command()
    def extract(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Write facts here (YAML or .json).")] = None,
        store: StoreOpt = None,
        cold: Annotated[bool, typer.Option("--cold", help="Ignore the store (cold start).")] = False,
        as_json: Annotated[bool, typer.Option(
            "--json", help="One JSON document: counts, per-document reports, and the facts unless -o.")] = False,
    ) -> None:
        """Extract facts from documents into a fact file for review (resolved against the store unless --cold)."""
        import yaml

        from ingest.extract.intake import checked
        from ingest.extract.pipeline import extract_paths, merge_fact_files

        with ExitStack() as stack:
            opened = None if cold else stack.enter_context(store_at(store, as_json))
            bar, update = _progress_bar(as_json)
            with bar:
                results = extract_paths(docs, store=opened, progress=update)
            reports = [checked(r, opened, 0.0) for r in results]
        facts = merge_fact_files(f for f, _ in reports if f)
        left_out = sum(len(r.problems) for _, r in reports)
        documents = sum(1 for f, _ in reports if f)
        if output:
            _write(output, json.dumps(facts, ensure_ascii=False, indent=2) if output.suffix == ".json"
                   else yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), as_json)
        if as_json:
            print_json({"file": str(output) if output else None, "entities": len(facts["entities"]),
                        "relations": len(facts["relations"]), "documents": documents, "left_out": left_out,
                        "reports": [r.as_dict() for _, r in reports], **({} if output else {"facts": facts})})
            if left_out:
                raise typer.Exit(1)
            return
        if not output:
            sys.stdout.write(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False))
        for _, report in reports:
            _print_report(report, loaded=False)
        err.print(
            f"{len(facts['entities'])} entities, {len(facts['relations'])} relations from "
            f"{documents} documents ({left_out} facts or documents left out)"
        )
        if left_out:
            raise typer.Exit(1)

    @app.command()
    def ingest(
        docs: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
        store: StoreOpt = None,
        threshold: Annotated[float, typer.Option("--threshold", help="Load facts at least this confident.")] = 0.6,
        cold: Annotated[bool, typer.Option("--cold", help="Do not resolve mentions against the store.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Extract facts and load those above the threshold (re-ingesting replaces a document's facts).

        A fact that cannot be stored is left out and reported with its character span; the rest of its
        document goes in. The exit status is 1 when anything was left out or held back.
        """
        from ingest.extract.intake import ingest_documents

        with store_at(store, as_json) as opened:
            bar, update = _progress_bar(as_json)
            with bar:
                reports = ingest_documents(opened, docs, threshold=threshold, cold=cold, progress=update)
        if as_json:
            print_json([r.as_dict() for r in reports])
        else:
            for report in reports:
                _print_report(report, loaded=True)
            err.print(f"loaded {sum(1 for r in reports if r.loaded)} of {len(reports)} documents")
        if any(not r.clean for r in reports):
            raise typer.Exit(1)

    @app.command("eval")
    def eval_(
        gold: Annotated[Path, typer.Argument(help="Annotated fact file (the same format).")],
        docs: Annotated[Path, typer.Option("--docs", help="Folder of the annotated documents.")],
        as_json: JsonOpt = False,
        store: Annotated[str | None, typer.Option("--store", help="Use this store's names (warm start).")] = None,
        pairs: Annotated[
            bool,
            typer.Option(
                "--pairs",
                help="GOLD is an annotation (records may say must: false): score each annotated document, "
                "relations as unlabelled entity pairs, recall over must-find facts.",
            ),
        ] = False,
    ) -> None:
        """Precision, recall and F1 for entities and relations (by type) against GOLD."""
        from ingest.extract.evaluate import evaluate, gold_batch
        from ingest.extract.pipeline import extract_paths, merge_fact_files, strip_private
        from ingest.format import parse_fact_file, to_batch

        annotations = None
        targets = [docs]
        if pairs:
            from graph.errors import KizunaError
            from ingest.extract.annotations import read_annotations

            try:
                annotations = read_annotations(gold)
            except KizunaError as exc:
                fail(exc.message, as_json=as_json, where=str(gold), title=exc.title, exit_code=2)
            targets = [docs / name for name in annotations.files()]
            absent = [str(p) for p in targets if not p.is_file()]
            if absent:
                fail(f"annotated documents not in {docs}: {', '.join(absent[:5])}", as_json=as_json,
                     where=str(gold), exit_code=2)
        with ExitStack() as stack:
            opened = stack.enter_context(store_at(store, as_json)) if store else None
            with reporting(as_json):
                results = extract_paths(targets, store=opened)
        skipped = _report_errors(results, as_json)
        if annotations is not None:
            from ingest.extract.annotations import score_documents

            extracted = [(Path(r.path).name, strip_private(r.facts)) for r in results if r.facts]
            scored = score_documents(annotations, extracted)
            title = f"{gold} vs {docs} (per document; relations as unlabelled pairs; recall of must-find facts)"
            if as_json:
                print_json({**scored.as_dict(), "skipped": skipped})
            else:
                sys.stdout.write(scored.table(title) + "\n")
            return
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
        rounds: Annotated[int, typer.Option("--rounds", min=1, max=100,
                                            help="Time each document this many times.")] = 1,
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
