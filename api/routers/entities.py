"""Entities: search, one entity with its relations and sources, neighbourhoods."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import IsoDate, LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.lookup import resolve
from api.models import (
    DisplayLang,
    EntityDetail,
    EntityRef,
    Page,
    in_lang,
)
from api.paging import decode_cursor, encode_cursor
from graph.model import EntityType
from graph.registry import RELATION_TYPES
from graph.store import Store
from queries.entity import entity_detail
from queries.neighbourhood import MAX_RADIUS, neighbourhood
from queries.resolve import search
from queries.results import NeighbourhoodResult, SearchHit
from queries.view import view_of

MAX_MATCHES = 1000  # a search ranks at most this many matches (pages walk through them)

router = APIRouter(prefix="/entities", tags=["entities"], dependencies=[ReadAuth])

EntityId = Annotated[
    str,
    Path(description="An entity id, or a name in Japanese or English.", examples=["神奈川県"], max_length=300),
]

_REF = {"id": "place:kanagawa", "type": "place", "kind": "region", "name": "Kanagawa Prefecture",
        "name_ja": "神奈川県", "name_en": "Kanagawa Prefecture"}
_OTHER = {"id": "place:liaoning", "type": "place", "kind": "region", "name": "Liaoning Province",
          "name_ja": "遼寧省", "name_en": "Liaoning Province"}


@router.get(
    "",
    response_model=Page[SearchHit],
    summary="Search entities by name, or list them",
    description=(
        "With `q`: entities whose names (any language, aliases included) are nearest to `q`, whole-name matches "
        "first. Without `q`: every entity (of `type`) by id. Pages follow `next_cursor`."
    ),
    responses={
        200: {"content": {"application/json": {"example": {
            "items": [{"entity": _REF, "matched": "神奈川県", "score": 100.0, "exact": True}],
            "next_cursor": None, "total": 1}}}},
        **problems(401, 403, 422),
    },
)
def list_entities(
    store: StoreDep,
    lang: LangDep,
    q: Annotated[str | None, Query(description="Name to search for (ja, en, zh...).", max_length=300,
                                   examples=["神奈川"])] = None,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size (1-200).")] = 20,
    cursor: Annotated[str | None, Query(description="Opaque cursor from the previous page.", max_length=200)] = None,
) -> Response:
    scope = f"entities|{q}|{type}"
    start = decode_cursor(cursor, scope)
    types = [type] if type else None
    hits: list[SearchHit]
    if q is not None and q.strip():
        found = search(store, q, limit=MAX_MATCHES, types=types)
        total = len(found)
        hits = found[start : start + limit]
    else:
        total, rows = view_of(store).entity_page(type, start, limit)
        hits = [SearchHit(entity=EntityRef.of(row)) for row in rows]
    more = start + limit < total
    page = Page[SearchHit](items=hits, next_cursor=encode_cursor(start + limit, scope) if more else None, total=total)
    return in_lang(page, lang)


@router.get(
    "/{id}",
    response_model=EntityDetail,
    summary="One entity with its relations and sources",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        **_REF,
                        "names": [{"text": "神奈川県", "lang": "ja", "kind": "primary"},
                                  {"text": "Kanagawa Prefecture", "lang": "en", "kind": "primary"}],
                        "attributes": {"iso_code": "JP-14"},
                        "sources": [{"id": "kanagawa-liaoning-2018", "title": "Friendship renewed",
                                     "published": "2018-05"}],
                        "relations": [{"id": "rel:0a1b2c3d4e5f6a7b", "type": "partner_of", "label": "is a partner of",
                                       "tie": True, "direction": "out", "other": _OTHER, "confidence": 1.0,
                                       "valid_from": "1983",
                                       "evidence": [{"source": "kanagawa-liaoning-2018", "asserted_by": "curated",
                                                     "confidence": 1.0}]}],
                    }
                }
            }
        },
        **problems(401, 403, 404, 409, 422),
    },
)
def get_entity(id: EntityId, store: StoreDep, lang: LangDep) -> Response:
    return in_lang(entity_detail(store, resolve(store, id, lang), lang), lang)


if TYPE_CHECKING:
    RelationTypeName = str
else:  # the closed registry as an enum in the schema
    RelationTypeName = Literal[tuple(sorted(RELATION_TYPES))]

_NEIGHBOURHOOD_EXAMPLE = {
    "center": _REF,
    "radius": 1,
    "nodes": [{"entity": _REF, "distance": 0}, {"entity": _OTHER, "distance": 1}],
    "edges": [{"relation": {"id": "rel:0a1b2c3d4e5f6a7b", "type": "partner_of", "source": "place:kanagawa",
                            "target": "place:liaoning", "role": None, "valid_from": "1983", "valid_to": None,
                            "confidence": 1.0, "strength": 0.62, "sources": ["kanagawa-liaoning-2018"]},
               "tie": True}],
    "truncated": False,
    "truncations": [],
    "options": {"relation_types": ["partner_of"], "max_nodes": 100, "max_per_node": 25},
}


def _neighbourhood(store: Store, lang: DisplayLang, entity: str, **options: object) -> NeighbourhoodResult:
    center = resolve(store, entity, lang)
    return neighbourhood(store, center.id, **options)  # type: ignore[arg-type]


@router.get(
    "/{id}/neighbourhood",
    response_model=NeighbourhoodResult,
    summary="Everything within a few relations of an entity",
    description=(
        "Breadth-first to `radius` (1-3), continuing only through entities that pass the filters, so the answer "
        "is connected. `max_per_node` relations are followed per entity (strongest first) and at most "
        "`max_nodes` entities are returned; whatever a cap leaves out is listed in `truncations`."
    ),
    responses={200: {"content": {"application/json": {"example": _NEIGHBOURHOOD_EXAMPLE}}},
               **problems(401, 403, 404, 409, 422)},
)
async def get_neighbourhood(
    id: EntityId,
    store: StoreDep,
    lang: LangDep,
    radius: Annotated[int, Query(ge=1, le=MAX_RADIUS, description=f"Relations away (1-{MAX_RADIUS}).")] = 1,
    entity_type: Annotated[list[EntityType], Query(max_length=6,
                                                   description="Only reach entities of these types.")] = [],  # noqa: B006
    kind: Annotated[list[str], Query(max_length=20, description="Only reach entities of these kinds "
                                                                 "(e.g. university, region).")] = [],  # noqa: B006
    relation_type: Annotated[list[RelationTypeName], Query(max_length=20, description="Only follow these relation "
                                                                                      "types.")] = [],  # noqa: B006
    sector: Annotated[list[str], Query(max_length=20, description="Only reach entities focusing on these sectors "
                                                                   "(vocabulary ids).")] = [],  # noqa: B006
    date_from: Annotated[IsoDate | None, Query(description="Only relations valid after this date.")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Only relations valid before this date.")] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    max_nodes: Annotated[int, Query(ge=1, le=500, description="Most entities returned (1-500).")] = 100,
    max_per_node: Annotated[int, Query(ge=1, le=200, description="Most relations followed per entity (1-200).")] = 25,
) -> Response:
    result = await run_in_threadpool(
        _neighbourhood, store, lang, id,
        radius=radius,
        entity_types=[t.value for t in entity_type] or None,
        kinds=kind or None,
        relation_types=relation_type or None,
        sectors=sector or None,
        date_from=date_from,
        date_to=date_to,
        min_confidence=min_confidence,
        max_nodes=max_nodes,
        max_per_node=max_per_node,
    )
    return in_lang(result, lang)
