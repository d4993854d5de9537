"""HTML network views, drawn by ``viz.render``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.lookup import resolve
from graph.model import EntityType
from queries.neighbourhood import MAX_RADIUS
from queries.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K
from viz.render import neighbourhood_html, paths_html, region_html

router = APIRouter(prefix="/views", tags=["views"], dependencies=[ReadAuth])

_HTML_EXAMPLE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"example": "<!doctype html><html>…vis-network page…</html>"}}}
}


@router.get(
    "/region/{id}",
    response_class=HTMLResponse,
    summary="Interactive network of a place",
    description="A self-contained HTML page (vis-network inlined): members, ties, cross-border ties in red.",
    responses={**_HTML_EXAMPLE, **problems(401, 403, 404, 409, 422)},
)
async def region_view(
    id: Annotated[str, Path(description="A place id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    include_people: Annotated[bool, Query(description="Draw people working for members.")] = True,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
) -> HTMLResponse:
    place = resolve(store, id, lang, types=[EntityType.PLACE])
    html = await run_in_threadpool(
        region_html, store, place.id, include_people=include_people, min_confidence=min_confidence
    )
    return HTMLResponse(html)


@router.get(
    "/entity/{id}",
    response_class=HTMLResponse,
    summary="Interactive neighbourhood of an entity",
    description="A self-contained HTML page of everything within `radius` relations (context ties dashed).",
    responses={**_HTML_EXAMPLE, **problems(401, 403, 404, 409, 422)},
)
async def entity_view(
    id: Annotated[str, Path(description="An entity id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    radius: Annotated[int, Query(ge=1, le=MAX_RADIUS, description=f"Relations away (1-{MAX_RADIUS}).")] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=500, description="Most entities drawn (1-500).")] = 100,
) -> HTMLResponse:
    entity = resolve(store, id, lang)
    html = await run_in_threadpool(neighbourhood_html, store, entity.id, radius=radius, max_nodes=max_nodes)
    return HTMLResponse(html)


@router.get(
    "/paths",
    response_class=HTMLResponse,
    summary="Interactive picture of the introduction paths from one entity to another",
    description="A self-contained HTML page of the k best different paths; the best one is drawn bold red.",
    responses={**_HTML_EXAMPLE, **problems(401, 403, 404, 409, 422)},
)
async def paths_view(
    store: StoreDep,
    lang: LangDep,
    source: Annotated[str, Query(alias="from", description="Id or name.", examples=["三重県"], max_length=300)],
    target: Annotated[str, Query(alias="to", description="Id or name.", examples=["org:fbri"], max_length=300)],
    k: Annotated[int, Query(ge=1, le=MAX_K, description=f"How many different paths (1-{MAX_K}).")] = DEFAULT_K,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"Most steps (1-{MAX_HOPS}).")] = DEFAULT_HOPS,
) -> HTMLResponse:
    a = resolve(store, source, lang)
    b = resolve(store, target, lang)
    return HTMLResponse(await run_in_threadpool(paths_html, store, a.id, b.id, k=k, hops=max_hops))
