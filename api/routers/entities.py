"""Entities: search, one entity with its relations and sources, neighbourhoods."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.lookup import resolve
from api.models import (
    EntityDetail,
    NameOut,
    Page,
    SearchHitOut,
    attributes,
    ref,
    relation_out,
    source_out,
    with_display_names,
)
from api.paging import decode_cursor, encode_cursor
from graph.model import EntityType
from queries.index import get_index
from queries.resolve import search

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
    response_model=Page[SearchHitOut],
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
) -> Page[SearchHitOut]:
    scope = f"entities|{q}|{type}"
    start = decode_cursor(cursor, scope)
    types = [type] if type else None
    hits: list[SearchHitOut]
    if q is not None and q.strip():
        found = search(store, q, limit=MAX_MATCHES, types=types)
        total = len(found)
        hits = [SearchHitOut.model_validate(with_display_names(h.to_dict(), lang)) for h in found[start : start + limit]]
    else:
        index = get_index(store)
        ids = sorted(i for i, rec in index.records.items() if type is None or rec.entity.type is type)
        total = len(ids)
        hits = [SearchHitOut(entity=ref(index.records[i].entity, lang)) for i in ids[start : start + limit]]
    more = start + limit < total
    return Page[SearchHitOut](items=hits, next_cursor=encode_cursor(start + limit, scope) if more else None,
                              total=total)


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
def get_entity(id: EntityId, store: StoreDep, lang: LangDep) -> EntityDetail:
    entity = resolve(store, id, lang)
    record = store.get_entity(entity.id)
    sources = store.get_sources(list(record.sources)) if record else []
    neighbours = store.neighbours(entity.id)
    relations = [relation_out(n.relation, n.entity, n.outgoing, lang) for n in neighbours]
    relations.sort(key=lambda r: (not r.tie, r.type, r.other.id))
    return EntityDetail(
        **ref(entity, lang).model_dump(),
        names=[NameOut(text=n.text, lang=n.lang.value, kind=n.kind.value) for n in entity.names],
        attributes=attributes(entity),
        sources=[source_out(s) for s in sources],
        relations=relations,
    )
