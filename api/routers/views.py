"""HTML network views under ``/viz/...``, drawn by ``viz.render``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import IsoDate, LangDep, ReadAuth, StoreDep
from api.docs import HTML_PAGE, problems
from api.lookup import resolve
from graph.errors import AmbiguousName, UnknownEntity
from graph.model import Entity, EntityType
from graph.store import Store
from queries.neighbourhood import MAX_RADIUS
from queries.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K
from viz.missing import missing_html
from viz.network import MAX_NODES
from viz.render import CONTEXT_PER_NODE, countries_html, neighbourhood_html, paths_html, region_html

router = APIRouter(tags=["views"], dependencies=[ReadAuth])

_HTML: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"example": "<!doctype html><html>…vis-network page…</html>"}}}
}
# An unknown or ambiguous name answers a page a person can act on, not a problem document.
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    code: {
        "description": why,
        "content": {"text/html": {"schema": {"type": "string"}, "example": "<!doctype html>…<ul><li><a …>"}},
        HTML_PAGE: True,
    }
    for code, why in ((404, "No entity has that name: a page listing the nearest names, each linked to this view."),
                      (409, "Several entities have that name: a page listing them, each linked to this view."))
}
_PAGE = (
    " A self-contained HTML page (vis-network inlined, nothing fetched): colour = country, shape = entity type,"
    " size = ties, line style = relation type; hover or click a node to highlight its ties."
    f" At most {MAX_NODES:,} nodes are drawn (the page says what was left out)."
)


def _entity(store: Store, text: str, lang: str, link: Callable[[str], str],
            types: list[EntityType] | None = None) -> Entity | HTMLResponse:
    """``resolve``, but a browser gets a page with the nearest names (404) or the candidates (409),
    each linked (``link(id)``) to the same view, instead of a problem document."""
    try:
        return resolve(store, text, lang, types=types)  # type: ignore[arg-type]
    except (UnknownEntity, AmbiguousName) as exc:
        found: dict[str, Any] = dict(exc.extra)
        page = missing_html(text, lang, suggestions=found.get("suggestions", ()),
                            candidates=found.get("candidates", ()), link=link)
        return HTMLResponse(page, status_code=exc.status)


MinConfidence = Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")]
AsOf = Annotated[IsoDate | None, Query(description="Only what held on this day (YYYY-MM-DD).")]
People = Annotated[bool, Query(description="Draw people working for members.")]


@router.get(
    "/viz/region/{id}",
    response_class=HTMLResponse,
    summary="Interactive network of a place",
    description="The place, its members and everything tied to them; cross-border ties thick red." + _PAGE,
    responses={**_HTML, **problems(401, 403, 422), **_NOT_FOUND},
)
async def region_view(
    id: Annotated[str, Path(description="A place id or name.", examples=["遼寧省"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    include_people: People = True,
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
) -> HTMLResponse:
    place = _entity(store, id, lang, lambda i: f"/viz/region/{quote(i, safe='')}?lang={lang}", [EntityType.PLACE])
    if isinstance(place, HTMLResponse):
        return place
    html = await run_in_threadpool(
        region_html, store, place.id, lang=lang, links=True,
        include_people=include_people, min_confidence=min_confidence, as_of=as_of,
    )
    return HTMLResponse(html)


@router.get(
    "/viz/entity/{id}",
    response_class=HTMLResponse,
    summary="Interactive neighbourhood of an entity",
    description="Everything within `radius` relations of the entity (context relations dotted grey)." + _PAGE,
    responses={**_HTML, **problems(401, 403, 422), **_NOT_FOUND},
)
async def entity_view(
    id: Annotated[str, Path(description="An entity id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    radius: Annotated[int, Query(ge=1, le=MAX_RADIUS, description=f"Relations away (1-{MAX_RADIUS}).")] = 1,
    max_nodes: Annotated[
        int, Query(ge=1, le=MAX_NODES, description=f"Most entities drawn (1-{MAX_NODES}).")
    ] = 500,
) -> HTMLResponse:
    entity = _entity(store, id, lang, lambda i: f"/viz/entity/{quote(i, safe='')}?lang={lang}")
    if isinstance(entity, HTMLResponse):
        return entity
    html = await run_in_threadpool(
        neighbourhood_html, store, entity.id, lang=lang, links=True, radius=radius, max_nodes=max_nodes
    )
    return HTMLResponse(html)


@router.get(
    "/viz/path",
    response_class=HTMLResponse,
    summary="Interactive picture of the introduction paths from one entity to another",
    description=(
        "The k best different paths, each in its own colour with numbered steps (`path.step`), inside their"
        " faded surroundings; the side panel lists every step." + _PAGE
    ),
    responses={**_HTML, **problems(401, 403, 422), **_NOT_FOUND},
)
async def path_view(
    store: StoreDep,
    lang: LangDep,
    source: Annotated[str, Query(alias="from", description="Id or name.", examples=["三重県"], max_length=300)],
    target: Annotated[str, Query(alias="to", description="Id or name.", examples=["org:fbri"], max_length=300)],
    k: Annotated[int, Query(ge=1, le=MAX_K, description=f"How many different paths (1-{MAX_K}).")] = DEFAULT_K,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"Most steps (1-{MAX_HOPS}).")] = DEFAULT_HOPS,
    surroundings: Annotated[
        int, Query(ge=0, le=20, description="Surrounding entities drawn (faded) around each path entity (0-20).")
    ] = CONTEXT_PER_NODE,
    as_of: AsOf = None,
    min_confidence: MinConfidence = 0.0,
) -> HTMLResponse:
    def again(**ends: str) -> Callable[[str], str]:
        return lambda i: "/viz/path?" + urlencode({"from": source, "to": target, "lang": lang, **{
            k: i for k in ends}})

    a = _entity(store, source, lang, again(**{"from": ""}))
    if isinstance(a, HTMLResponse):
        return a
    b = _entity(store, target, lang, again(to=""))
    if isinstance(b, HTMLResponse):
        return b
    html = await run_in_threadpool(
        paths_html, store, a.id, b.id, lang=lang, links=True, context_per_node=surroundings,
        k=k, hops=max_hops, as_of=as_of, min_confidence=min_confidence,
    )
    return HTMLResponse(html)


@router.get(
    "/viz/countries",
    response_class=HTMLResponse,
    summary="Interactive country-to-country overview",
    description="Countries (size = cross-border ties) and the number of ties between each pair." + _PAGE,
    responses={**_HTML, **problems(401, 403, 422)},
)
async def countries_view(
    store: StoreDep,
    lang: LangDep,
    include_people: People = True,
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
) -> HTMLResponse:
    html = await run_in_threadpool(
        countries_html, store, lang=lang, links=True,
        include_people=include_people, min_confidence=min_confidence, as_of=as_of,
    )
    return HTMLResponse(html)

