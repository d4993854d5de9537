"""Sources: the documents facts come from, and retracting what one asserted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.deps import LangDep, ReadAuth, StoreDep, WriteAuth
from api.docs import problems
from api.models import EntityRef, Page, RetractOut, SourceDetail, SourceOut, in_lang, source_out, statement_out
from api.paging import decode_cursor, encode_cursor
from graph.errors import NotFound
from graph.store import Store

router = APIRouter(prefix="/sources", tags=["sources"])

SourceId = Annotated[str, Path(description="Source id.", examples=["kanagawa-liaoning-2018"], max_length=200)]

_SOURCE_EXAMPLE = {
    "id": "kanagawa-liaoning-2018",
    "title": "Kanagawa and Liaoning renew their friendship agreement",
    "url": "https://www.pref.kanagawa.jp/example",
    "published": "2018-05",
    "lang": "ja",
    "publisher": "Kanagawa Prefecture",
}


def _source(store: Store, source_id: str) -> SourceOut:
    found = store.get_sources([source_id])
    if not found:
        known = [s.id for s in store.get_sources()]
        from rapidfuzz import process

        near = [m[0] for m in process.extract(source_id, known, limit=3, score_cutoff=60)]
        raise NotFound(f"no source has id {source_id!r}", suggestions=near)
    return source_out(found[0])


@router.get(
    "",
    response_model=Page[SourceOut],
    summary="List sources",
    dependencies=[ReadAuth],
    responses={
        200: {"content": {"application/json": {"example": {"items": [_SOURCE_EXAMPLE], "next_cursor": None,
                                                            "total": 1}}}},
        **problems(401, 403, 422),
    },
)
def list_sources(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size (1-200).")] = 50,
    cursor: Annotated[str | None, Query(description="Opaque cursor from the previous page.", max_length=200)] = None,
) -> Page[SourceOut]:
    sources = store.get_sources()
    start = decode_cursor(cursor, "sources")
    items = [source_out(s) for s in sources[start : start + limit]]
    more = start + limit < len(sources)
    return Page[SourceOut](items=items, next_cursor=encode_cursor(start + limit, "sources") if more else None,
                           total=len(sources))


@router.get(
    "/{id}",
    response_model=SourceDetail,
    summary="A source with what it asserts",
    dependencies=[ReadAuth],
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        **_SOURCE_EXAMPLE,
                        "entities": [{"id": "place:kanagawa", "type": "place", "kind": "region", "name": "Kanagawa",
                                      "name_ja": "神奈川県", "name_en": "Kanagawa"}],
                        "relations": [],
                    }
                }
            }
        },
        **problems(401, 403, 404, 422),
    },
)
def get_source(id: SourceId, store: StoreDep, lang: LangDep) -> Response:
    source = _source(store, id)
    relations = store.relations_citing(id)
    ends = store.get_entities(sorted({e for r in relations for e in (r.source, r.target)}))
    rels = [
        statement_out(r, ends[r.source].entity, ends[r.target].entity, lang)
        for r in relations
        if r.source in ends and r.target in ends
    ]
    entities = [EntityRef.of(rec.entity) for _, rec in sorted(ends.items())]
    return in_lang(SourceDetail(**source.model_dump(), entities=entities, relations=rels), lang)


@router.delete(
    "/{id}",
    response_model=RetractOut,
    summary="Retract everything a source asserted",
    description=(
        "Removes the source, its evidence on relations (relations other sources support stay), and entities "
        "that nothing supports any more. Needs the API key."
    ),
    dependencies=[WriteAuth],
    responses={
        200: {"content": {"application/json": {"example": {"source": "kanagawa-liaoning-2018", "relations_removed": 3,
                                                             "relations_kept": 1, "entities_removed": 2}}}},
        **problems(401, 403, 404, 422),
    },
)
def retract_source(id: SourceId, store: StoreDep) -> RetractOut:
    _source(store, id)
    result = store.retract_source(id)
    return RetractOut(
        source=result.source,
        relations_removed=result.relations_removed,
        relations_kept=result.relations_kept,
        entities_removed=result.entities_removed,
    )
