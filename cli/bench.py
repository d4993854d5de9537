"""``kizuna bench``, ``bench-api`` and ``bench-viz``: thin commands over the ``bench`` package.

The harness and the synthetic generator live in ``bench/`` (outside the runtime
packages) and are imported only when one of these commands runs.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import JsonOpt, console, err_console, fail, print_json, reporting

DEFAULT_DOCS = Path(__file__).resolve().parents[1] / "bench" / "docs"


def register(app: typer.Typer) -> None:
    """Add ``bench``, ``bench-api`` and ``bench-viz`` to ``app``."""

    @app.command()
    def bench(
        sizes: Annotated[str, typer.Option(help="Comma-separated relation counts: 10k, 100k, 1m or numbers.")] = (
            "10k,100k,1m"),
        queries: Annotated[int, typer.Option(min=2, max=1000, help="Timed queries per kind (regions: at most 20).")
                           ] = 50,
        seed: Annotated[int, typer.Option("--random-seed", help="Seed for the synthetic graph generator.")] = 0,
        batch_size: Annotated[int, typer.Option(min=100, max=1_000_000, help="Records per written batch.")] = 50_000,
        timeout: Annotated[float, typer.Option(help="Seconds allowed per stage of a size.")] = 3600.0,
        api_requests: Annotated[int, typer.Option(min=1, max=100_000, help="Requests per API endpoint.")] = 200,
        skip_api: Annotated[bool, typer.Option("--skip-api", help="Leave out the HTTP API rows.")] = False,
        skip_extract: Annotated[bool, typer.Option("--skip-extract", help="Leave out the extraction and ingest rows.")
                                ] = False,
        skip_cli: Annotated[bool, typer.Option("--skip-cli", help="Leave out the command-line and make run rows.")
                            ] = False,
        extract_docs: Annotated[Path, typer.Option(help="Text for the extraction row.")] = DEFAULT_DOCS,
        workdir: Annotated[Path | None, typer.Option(help="Keep the stores here (default: a temporary folder).")
                           ] = None,
        include: Annotated[list[Path] | None, typer.Option(
            "--include", help="Add sizes from an earlier --json report (repeatable); --sizes '' runs none.")] = None,
        output: Annotated[Path | None, typer.Option(help="Also write the tables as Markdown here.")] = None,
        note: Annotated[list[str] | None, typer.Option("--note", help="A remark for the Markdown (repeatable).")
                        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Load, open, memory, query, API and extraction figures beside their baselines, one table per size."""
        from bench.suite import bench_size, machine, markdown, rich_table, row_values, run_stage, title
        from bench.synthetic import parse_size

        try:
            wanted = [parse_size(s) for s in sizes.split(",") if s.strip()]
        except ValueError as exc:
            fail(str(exc), as_json=as_json, where="kizuna bench --sizes", title="Invalid value", exit_code=2)
        report: dict[str, Any] = {"machine": machine(), "seed": seed, "queries": queries, "sizes": []}
        extract: dict[str, Any] | None = None
        extract_error = "skipped"
        if not skip_extract and wanted:
            if extract_docs.exists():
                err_console.print("extraction…", style="dim")
                extract, error = run_stage("extract", {"docs": [str(extract_docs)], "rounds": 1}, timeout)
                extract_error = error or ""
            else:
                extract_error = f"no documents at {extract_docs}"
        with tempfile.TemporaryDirectory(prefix="kizuna-bench-") as tmp:
            folder = workdir or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            shared: dict[str, dict[str, Any]] = {"extract": extract} if extract else {}
            cli_error = "skipped"
            if not skip_cli and wanted:
                err_console.print("[dim]command line…[/]")
                cli_figures, error = run_stage("cli", {"workdir": str(folder / "cli"), "repeats": 5}, timeout)
                cli_error = error or ""
                if cli_figures:
                    shared["cli"] = cli_figures
            for relations in wanted:
                ingest_docs = None if skip_extract or not extract_docs.exists() else extract_docs
                result = bench_size(relations, workdir=folder, seed=seed, queries=queries, batch_size=batch_size,
                                    timeout=timeout, api=not skip_api, api_requests=api_requests,
                                    ingest_docs=ingest_docs)
                result["errors"].setdefault("extract", extract_error)
                result["errors"].setdefault("cli", cli_error)
                if ingest_docs is None:
                    result["errors"].setdefault("ingest", extract_error)
                if skip_api:
                    result["errors"]["api"] = "skipped"
                result["rows"] = row_values(result, shared)
                report["sizes"].append(result)
        for path in include or []:
            try:
                earlier = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                fail(f"cannot read an earlier report: {exc}", as_json=as_json, where=str(path))
            report["sizes"] += earlier["sizes"]
            if not wanted:  # only re-rendering: keep the machine and settings of the run
                report.update({k: earlier[k] for k in ("machine", "seed", "queries")})
        report["notes"] = note or []
        report["sizes"].sort(key=lambda s: s["target_relations"])
        if output:
            output.write_text(markdown(report), encoding="utf-8")
        if as_json:
            print_json(report)
            return
        for size in report["sizes"]:
            console.print(rich_table(f"{title(size['size'])} relations", size["rows"]))

    @app.command("bench-api")
    def bench_api(
        requests: Annotated[int, typer.Option(min=1, max=100_000, help="Requests per endpoint.")] = 200,
        concurrency: Annotated[int, typer.Option(min=1, max=64, help="Parallel clients.")] = 2,
        radius: Annotated[int, typer.Option(min=1, max=3, help="Neighbourhood radius.")] = 2,
        store: Annotated[
            Path | None, typer.Option(help="Embedded store to serve (default: the seed in a temp store).")
        ] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Requests/s and p50/p95 of /paths and /entities/{id}/neighbourhood beside /health (real uvicorn)."""
        from bench.api import format_figures, run_bench

        with reporting(as_json):
            try:
                figures = run_bench(store, requests=requests, concurrency=concurrency, radius=radius)
            except (RuntimeError, TimeoutError, OSError) as exc:
                fail(f"the API bench could not run: {exc}", as_json=as_json)
        if as_json:
            print_json([asdict(f) for f in figures])
        else:
            console.print(format_figures(figures), highlight=False)

    @app.command("bench-viz")
    def bench_viz(
        sizes: Annotated[list[int] | None, typer.Option("--size", min=1, max=50_000,
                                                        help="View sizes in nodes (repeatable).")] = None,
        browser: Annotated[bool, typer.Option("--browser/--no-browser",
                                              help="Time the render in headless Chromium.")] = True,
        keep: Annotated[Path | None, typer.Option("--keep", help="Keep the generated pages in this folder.")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Generation time, HTML size and time to a stable render in Chromium for synthetic views."""
        from contextlib import nullcontext

        from bench.views import bench_view
        from viz.browser import chromium, chromium_binaries

        wanted = sizes or [500, 2_000, 10_000]
        if browser and chromium_binaries() is None:
            err_console.print("note: chromium/chromedriver not installed; browser timings skipped")
            browser = False
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        rows = []
        with chromium() if browser else nullcontext() as driver:
            for n in wanted:
                rows.append(bench_view(n, driver, keep))
        if as_json:
            print_json(rows)
            return
        console.print(f"{'nodes':>7} {'edges':>7} {'layout':>12} {'generate s':>11} {'HTML MB':>8} {'stable s':>9}")
        for r in rows:
            stable = f"{r['stable_s']:.2f}" if r["stable_s"] is not None else "-"
            console.print(f"{r['nodes']:>7,} {r['edges']:>7,} {r['layout']:>12} {r['generate_s']:>11.2f} "
                          f"{r['html_mb']:>8.2f} {stable:>9}")
