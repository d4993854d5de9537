"""``kizuna serve``: the HTTP API under uvicorn (FastAPI is imported only when it runs).

The socket is bound and the store opened before uvicorn starts, so a port in
use or an unreachable store is reported like any other error (as JSON with
``--json``), and ``--json`` prints where the server listens before it serves.
"""

from __future__ import annotations

import logging
import socket
from typing import Annotated

import typer

from cli.common import JsonOpt, fail, print_json, store_at


def _bind(host: str, port: int, as_json: bool) -> socket.socket:
    """A listening socket on ``host:port``; a refused bind is a one-line error naming the address."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", as_json=as_json, where="kizuna serve --port")
    sock.set_inheritable(True)
    return sock


def register(app: typer.Typer) -> None:
    """Add ``serve`` to ``app``."""

    @app.command("serve")
    def serve(
        host: Annotated[str | None, typer.Option(help="Bind address (default: settings.host).")] = None,
        port: Annotated[int | None, typer.Option(min=0, max=65535, help="Port (default: settings.port).")] = None,
        store: Annotated[str | None, typer.Option(help="Store location (default: settings.store).")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Serve the HTTP API with uvicorn. Loads nothing: it serves the store as it is."""
        import uvicorn

        from api.app import create_app
        from graph.settings import get_settings

        settings = get_settings()
        if store:
            settings = settings.model_copy(update={"store": store})
        with store_at(settings.store, as_json) as st:
            backend = st.backend
        bind_host = host or settings.host
        sock = _bind(bind_host, settings.port if port is None else port, as_json)
        bound_port = sock.getsockname()[1]
        if as_json:
            print_json({"url": f"http://{bind_host}:{bound_port}", "host": bind_host, "port": bound_port,
                        "store": settings.store, "backend": backend})
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
        config = uvicorn.Config(
            create_app(settings),
            host=bind_host,
            port=bound_port,
            access_log=False,  # our own request line carries the request id and timing
            log_config=None,
        )
        uvicorn.Server(config).run(sockets=[sock])
