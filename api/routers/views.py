"""HTML network views, drawn by ``viz.render`` when it is installed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.errors import NotInstalled
from api.lookup import resolve
from graph.model import EntityType
from graph.store import Store
from queries.neighbourhood import MAX_RADIUS

router = APIRouter(prefix="/views", tags=["views"], dependencies=[ReadAuth])

_HTML_EXAMPLE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"example": "<!doctype html><html>…vis-network page…</html>"}}}
}


def _renderer(name: str) -> Callable[..., str]:
    """``viz.render.<name>``, or 501 when the views module is not installed."""
    try:
        module = importlib.import_module("viz.render")
    except ImportError as exc:
        raise NotInstalled(f"network views are not installed (viz.render cannot be imported: {exc})") from None
    function: Callable[..., str] = getattr(module, name)
    return function


def _region(store: Store, place: str, options: dict[str, Any]) -> str:
    return _renderer("region_html")(store, place, **options)


def _entity(store: Store, entity: str, options: dict[str, Any]) -> str:
    return _renderer("neighbourhood_html")(store, entity, **options)


@router.get(
    "/region/{id}",
    response_class=HTMLResponse,
    summary="Interactive network of a place",
    description="A self-contained HTML page (vis-network inlined): members, ties, cross-border ties in red.",
    responses={**_HTML_EXAMPLE, **problems(401, 403, 404, 409, 422, 501)},
)
async def region_view(
    id: Annotated[str, Path(description="A place id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    include_people: Annotated[bool, Query(description="Draw people working for members.")] = True,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
) -> HTMLResponse:
    place = resolve(store, id, lang, types=[EntityType.PLACE])
    options = {"include_people": include_people, "min_confidence": min_confidence}
    return HTMLResponse(await run_in_threadpool(_region, store, place.id, options))


@router.get(
    "/entity/{id}",
    response_class=HTMLResponse,
    summary="Interactive neighbourhood of an entity",
    description="A self-contained HTML page of everything within `radius` relations (context ties dashed).",
    responses={**_HTML_EXAMPLE, **problems(401, 403, 404, 409, 422, 501)},
)
async def entity_view(
    id: Annotated[str, Path(description="An entity id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    radius: Annotated[int, Query(ge=1, le=MAX_RADIUS, description=f"Relations away (1-{MAX_RADIUS}).")] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=500, description="Most entities drawn (1-500).")] = 100,
) -> HTMLResponse:
    entity = resolve(store, id, lang)
    options = {"radius": radius, "max_nodes": max_nodes}
    return HTMLResponse(await run_in_threadpool(_entity, store, entity.id, options))
