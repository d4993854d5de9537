"""The API's commands for the ``kizuna`` CLI: ``serve`` and ``bench-api``.

``api.cli`` (the lead's) calls ``register(app)``; kept apart so the CLI does
not import FastAPI/uvicorn until one of these commands runs.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``bench-api`` to ``app``."""

    @app.command("serve")
    def serve(
        host: Annotated[str | None, typer.Option(help="Bind address (default: settings.host).")] = None,
        port: Annotated[int | None, typer.Option(help="Port (default: settings.port).")] = None,
        store: Annotated[str | None, typer.Option(help="Store location (default: settings.store).")] = None,
    ) -> None:
        """Serve the HTTP API with uvicorn. Loads nothing: it serves the store as it is."""
        import uvicorn

        from api.app import create_app
        from graph.settings import get_settings

        settings = get_settings()
        if store:
            settings = settings.model_copy(update={"store": store})
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
        uvicorn.run(
            create_app(settings),
            host=host or settings.host,
            port=port or settings.port,
            access_log=False,  # our own request line carries the request id and timing
            log_config=None,
        )

    @app.command("bench-api")
    def bench_api(
        requests: Annotated[int, typer.Option(min=1, max=100_000, help="Requests per endpoint.")] = 200,
        concurrency: Annotated[int, typer.Option(min=1, max=64, help="Parallel clients.")] = 2,
        radius: Annotated[int, typer.Option(min=1, max=3, help="Neighbourhood radius.")] = 2,
        store: Annotated[
            Path | None, typer.Option(help="Embedded store to serve (default: the seed in a temp store).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    ) -> None:
        """Requests/s and p50/p95 of /paths and /entities/{id}/neighbourhood beside /health (real uvicorn)."""
        from api.bench import format_figures, run_bench

        figures = run_bench(store, requests=requests, concurrency=concurrency, radius=radius)
        if as_json:
            typer.echo(json.dumps([asdict(f) for f in figures], indent=2))
        else:
            typer.echo(format_figures(figures))
