"""Region networks and introduction paths as files for other tools: GraphML, GEXF or CSV tables."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import IsoDate, LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.lookup import resolve
from graph.model import EntityType
from queries.export import MEDIA_TYPES, Format, path_graph, region_graph, serialise
from queries.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K

router = APIRouter(tags=["exports"], dependencies=[ReadAuth])

FormatQuery = Annotated[Format, Query(
    description="graphml (Cytoscape, yEd, Gephi), gexf (Gephi) or csv (a ZIP of nodes.csv and edges.csv).")]
_FILE: dict[int | str, dict[str, Any]] = {
    200: {"description": "The graph as a file (nodes: names, type, kind, country, dates, sources; "
                         "edges: type, role, dates, strength, confidence, sources).",
          "content": {
              "application/graphml+xml": {"example": '<graphml …><graph edgedefault="directed">'
                                                     '<node id="place:liaoning">'
                                                     '<data key="d0">遼寧省</data>…</node>…</graph></graphml>'},
              "application/gexf+xml": {"example": '<gexf …><graph defaultedgetype="directed" mode="static"><nodes>'
                                                  '<node id="place:liaoning" label="Liaoning Province">…</nodes>…'},
              "application/zip": {"example": "(a ZIP archive holding nodes.csv and edges.csv)"},
          }},
}


def _file(data: bytes, fmt: Format, stem: str) -> Response:
    suffix = "zip" if fmt == "csv" else fmt
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem)
    return Response(data, media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{safe}.{suffix}"'})


@router.get(
    "/exports/region/{id}",
    summary="A region network as GraphML, GEXF or CSV",
    description="The same entities and ties as `GET /places/{id}/network`, with the relations behind each tie.",
    response_class=Response,
    responses={**_FILE, **problems(401, 403, 404, 409, 422)},
)
async def export_region(
    id: Annotated[str, Path(description="A place id or name.", examples=["遼寧省"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    format: FormatQuery = "graphml",
    include_people: Annotated[bool, Query(description="Count people working for members as members.")] = True,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    as_of: Annotated[IsoDate | None, Query(description="Only ties valid and documented on this date.")] = None,
) -> Response:
    place = resolve(store, id, lang, types=[EntityType.PLACE])
    graph = await run_in_threadpool(region_graph, store, place.id, lang=lang, include_people=include_people,
                                    min_confidence=min_confidence, as_of=as_of)
    return _file(serialise(graph, format), format, f"region-{place.id}")


@router.get(
    "/exports/path",
    summary="Introduction paths as GraphML, GEXF or CSV",
    description="The entities and relations of the paths `GET /paths` answers; each edge names its `path.step`.",
    response_class=Response,
    responses={**_FILE, **problems(401, 403, 404, 409, 422)},
)
async def export_path(
    store: StoreDep,
    lang: LangDep,
    source: Annotated[str, Query(alias="from", description="Id or name.", examples=["三重県"], max_length=300)],
    target: Annotated[str, Query(alias="to", description="Id or name.", examples=["org:fbri"], max_length=300)],
    format: FormatQuery = "graphml",
    k: Annotated[int, Query(ge=1, le=MAX_K, description=f"How many different paths (1-{MAX_K}).")] = DEFAULT_K,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"Most steps (1-{MAX_HOPS}).")] = DEFAULT_HOPS,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    as_of: Annotated[IsoDate | None, Query(description="Only ties valid and documented on this date.")] = None,
) -> Response:
    a = resolve(store, source, lang)
    b = resolve(store, target, lang)
    graph = await run_in_threadpool(path_graph, store, a.id, b.id, lang=lang, k=k, hops=max_hops,
                                    min_confidence=min_confidence, as_of=as_of)
    return _file(serialise(graph, format), format, f"paths-{a.id}-{b.id}")
