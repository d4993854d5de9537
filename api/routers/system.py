"""Liveness, readiness, counts and the small home page."""

from __future__ import annotations

import html

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import ReadAuth, StoreDep
from api.docs import problems
from api.models import HealthOut, ReadyOut, StatsOut
from graph.store import Store

router = APIRouter(tags=["system"])


def stats_out(store: Store) -> StatsOut:
    stats = store.stats()
    return StatsOut(
        backend=store.backend,
        version=store.version(),
        entities=stats.entities,
        relations=stats.relations,
        sources=stats.sources,
        entity_total=stats.entity_total,
        relation_total=stats.relation_total,
    )


@router.get(
    "/health",
    response_model=HealthOut,
    summary="Process is up",
    description="Answers as long as the process serves requests; it does not touch the store.",
    responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}},
)
def health() -> HealthOut:
    return HealthOut(status="ok")


@router.get(
    "/ready",
    response_model=ReadyOut,
    summary="Store is reachable",
    description="Reads from the store (`ping`); 503 while the store cannot be read.",
    responses={
        200: {"content": {"application/json": {"example": {"status": "ready", "backend": "embedded"}}}},
        **problems(503),
    },
)
def ready(store: StoreDep) -> ReadyOut:
    store.ping()
    return ReadyOut(status="ready", backend=store.backend)


@router.get(
    "/stats",
    response_model=StatsOut,
    summary="Counts per entity and relation type",
    dependencies=[ReadAuth],
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "backend": "embedded",
                        "version": "3f2a9c0d6b1e4e7f8a2b5c6d7e8f9a0b:3",
                        "entities": {"organisation": 40, "person": 12, "place": 20},
                        "relations": {"party_to": 30, "works_for": 12},
                        "sources": 6,
                        "entity_total": 72,
                        "relation_total": 42,
                    }
                }
            }
        },
        **problems(401, 403),
    },
)
def stats(store: StoreDep) -> StatsOut:
    return stats_out(store)


@router.get(
    "/",
    response_class=HTMLResponse,
    summary="Home page",
    description="A small HTML page: graph counts and links to the API docs and the network views.",
    dependencies=[ReadAuth],
    responses={200: {"content": {"text/html": {"example": "<!doctype html><title>Kizuna</title>..."}}},
               **problems(401, 403)},
)
def home(store: StoreDep) -> HTMLResponse:
    s = stats_out(store)
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{count}</td></tr>" for name, count in sorted(s.entities.items())
    )
    rel_rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{count}</td></tr>" for name, count in sorted(s.relations.items())
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kizuna 絆</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td{{padding:.1rem .8rem;border-bottom:1px solid #ddd}}</style></head>
<body><h1>Kizuna 絆</h1>
<p>Cross-border innovation relationships, with introduction paths and their evidence.</p>
<p>{s.entity_total} entities, {s.relation_total} relations, {s.sources} sources
(backend {html.escape(s.backend)}).</p>
<ul>
<li><a href="/docs">API documentation (OpenAPI)</a> · <a href="/openapi.json">openapi.json</a></li>
<li><a href="/entities?type=place">Places</a> · <a href="/entities?type=organisation">Organisations</a>
 · <a href="/brokers">Brokers</a> · <a href="/sources">Sources</a></li>
<li>Network views: <a href="/views/region/place:liaoning">a region</a>
(<code>/views/region/{{place id}}</code>), <code>/views/entity/{{entity id}}</code>,
<code>/views/paths?from=…&amp;to=…</code></li>
</ul>
<h2>Entities</h2><table>{rows}</table>
<h2>Relations</h2><table>{rel_rows}</table>
</body></html>"""
    return HTMLResponse(page)
