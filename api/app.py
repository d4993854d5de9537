"""The FastAPI application: one store per app, opened and closed by the lifespan.

``create_app(settings)`` builds everything from the one settings object, so
tests, ``kizuna serve`` and ``uvicorn --factory api.app:create_app`` all get the
same app. Middleware: request id + timing log (outermost), CORS, gzip.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi_offline import FastAPIOffline
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors
from api.docs import add_redoc, custom_openapi
from api.jobs import JobRunner
from api.routers import documents, entities, exports, facts, home, network, paths, review, sources, system, views
from graph.open import open_store
from graph.settings import Settings, get_settings
from queries.warm import warm_up_in_background

log = logging.getLogger("kizuna.api")

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")

DESCRIPTION = """Who signed an MOU with whom, who works where, who spoke at which webinar —
and who can introduce you to whom, with the evidence for every step.

* Reads are public unless the server sets `private_reads`; writes need `X-API-Key`.
* `{id}`, `from` and `to` accept an id or a name in Japanese or English; an ambiguous name answers
  409 with `candidates`, an unknown one 404 with `suggestions`.
* Names come in both languages (`name_ja`, `name_en`); `lang` or `Accept-Language` picks `name`.
* Errors are `application/problem+json` (RFC 9457).
"""

TAGS = [
    {"name": "entities", "description": "Search and read entities with their relations and sources."},
    {"name": "paths", "description": "Introduction paths: who can introduce whom, step by step."},
    {"name": "network", "description": "Region networks, brokers and sector partners."},
    {"name": "sources", "description": "The documents facts come from; retraction."},
    {"name": "facts", "description": "Writing structured facts."},
    {"name": "documents", "description": "Uploading documents for extraction; jobs."},
    {"name": "review", "description": "Extracted entities waiting for a decision; duplicates, merges and undo."},
    {"name": "views", "description": "HTML network views."},
    {"name": "exports", "description": "Region networks and introduction paths as GraphML, GEXF or CSV."},
    {"name": "system", "description": "Health, readiness and counts."},
]


class RequestLog:
    """One log line per request with its id and timing; echoes or mints X-Request-ID."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = Headers(scope=scope).get(REQUEST_ID_HEADER)
        request_id = sent if sent and _SAFE_ID.match(sent) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            query = f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else ""
            log.info(
                "request_id=%s %s %s%s status=%d duration_ms=%.1f",
                request_id, scope["method"], scope["path"], query, status, elapsed,
            )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API around the store named by ``settings`` (default: the environment)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = open_store(settings.store, settings)
        jobs = JobRunner()
        # Test clients may nest lifespans; the inner one hands back the outer's store.
        previous = (app.state.store, app.state.jobs, app.state.warm_up)
        app.state.store, app.state.jobs = store, jobs
        log.info("store open: %s (%s)", settings.store, store.backend)
        app.state.warm_up = warm_up_in_background(store) if settings.warm_up else None
        try:
            yield
        finally:
            app.state.store, app.state.jobs, app.state.warm_up = previous
            jobs.shutdown()
            store.close()
            log.info("store closed: %s", settings.store)

    # Swagger UI (/docs) and ReDoc (/redoc) from the fastapi-offline package's own
    # copies of their scripts and styles: the documentation works with no network.
    app = FastAPIOffline(
        title="Kizuna 絆",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        swagger_ui_parameters={"validatorUrl": None},  # the online validator badge would call out
        redoc_url=None,  # added below, without the vendor logo that ReDoc fetches from its CDN
    )
    add_redoc(app)
    app.state.settings = settings
    app.state.store = None
    app.state.jobs = None
    app.state.warm_up = None
    errors.install(app)
    for module in (system, home, entities, paths, network, sources, facts, documents, review, views, exports):
        app.include_router(module.router)

    def openapi() -> dict[str, Any]:
        return custom_openapi(app)

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["X-API-Key", "Content-Type", REQUEST_ID_HEADER, "Accept-Language"],
            expose_headers=[REQUEST_ID_HEADER],
        )
    app.add_middleware(RequestLog)
    return app
