"""``kizuna serve``: the HTTP API under uvicorn (FastAPI is imported only when it runs)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""

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
