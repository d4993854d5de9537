"""Introduction paths: "I am at A; who can introduce me to B?"."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import IsoDate, LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.lookup import resolve
from api.models import DisplayLang, in_lang
from graph.store import Store
from queries.paths import MAX_HOPS, MAX_K, introduction_paths
from queries.results import PathResult
from queries.ties import AS_OF_HELP

router = APIRouter(tags=["paths"], dependencies=[ReadAuth])

MAX_EXCLUDE = 20

_A = {"id": "person:sato", "type": "person", "kind": None, "name": "Hanako Sato", "name_ja": "佐藤花子",
      "name_en": "Hanako Sato"}
_M = {"id": "event:medtech-webinar", "type": "event", "kind": "webinar", "name": "Medtech bridge webinar",
      "name_ja": "医療機器ブリッジウェビナー", "name_en": "Medtech bridge webinar"}
_B = {"id": "person:li", "type": "person", "kind": None, "name": "Li Wei", "name_ja": "李偉", "name_en": "Li Wei"}
_EXAMPLE: dict[str, Any] = {
    "source": _A,
    "target": _B,
    "paths": [{
        "rank": 1, "strength": 0.41, "hops": 1, "nodes": [_A, _M, _B],
        "steps": [{
            "start": _A, "end": _B, "via": _M,
            "relations": [{"id": "rel:1f2e3d4c5b6a7980", "type": "spoke_at", "source": "person:sato",
                           "target": "event:medtech-webinar", "role": None, "valid_from": None, "valid_to": None,
                           "confidence": 1.0, "strength": 0.45, "sources": ["webinar-2022"]}],
            "strength": 0.41, "date": "2022-11-10",
            "text": "Hanako Sato and Li Wei both spoke at Medtech bridge webinar (2022-11-10).",
            "text_en": "Hanako Sato and Li Wei both spoke at Medtech bridge webinar (2022-11-10).",
            "text_ja": "佐藤花子と李偉は医療機器ブリッジウェビナーでともに登壇(2022-11-10)",
            "sources": [{"id": "webinar-2022", "title": "Webinar programme", "url": None, "published": "2022-11"}],
        }],
    }],
    "options": {"k": 3, "hops": 6, "as_of": None, "exclude": [], "via": None, "min_confidence": 0.0,
                "context": False},
    "reason_code": None, "reason": None, "shortest_hops": 1, "candidates_examined": 1,
}


def _paths(
    store: Store, lang: DisplayLang, source: str, target: str, k: int, hops: int, as_of: dt.date | None,
    exclude: list[str], via: Literal["people", "organisations"] | None, min_confidence: float, context: bool,
) -> PathResult:
    a = resolve(store, source, lang)
    b = resolve(store, target, lang)
    excluded = [resolve(store, x, lang).id for x in exclude]
    result = introduction_paths(
        store, a.id, b.id, k=k, hops=hops, as_of=as_of, exclude=excluded, via=via,
        min_confidence=min_confidence, context=context,
    )
    return result


@router.get(
    "/paths",
    response_model=PathResult,
    summary="Introduction paths from one entity to another",
    description=(
        "The `k` strongest, substantially different chains of real ties from `from` to `to`, each step explained "
        "(in ja and en) with the relations and source documents behind it. When there is none, `reason_code` "
        "says why: disconnected, only_context, filtered_out or beyond_hop_limit."
    ),
    responses={200: {"content": {"application/json": {"example": _EXAMPLE}}}, **problems(401, 403, 404, 409, 422)},
)
async def get_paths(
    store: StoreDep,
    lang: LangDep,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=300,
                                description="Where you are: an id or a name.", examples=["佐藤花子"])],
    to: Annotated[str, Query(min_length=1, max_length=300, description="Whom to reach: an id or a name.",
                             examples=["Li Wei"])],
    k: Annotated[int, Query(ge=1, le=MAX_K, description=f"How many paths (1-{MAX_K}).")] = 3,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"Most steps per path (1-{MAX_HOPS}).")] = 6,
    as_of: Annotated[IsoDate | None, Query(description=AS_OF_HELP)] = None,
    exclude: Annotated[list[str], Query(max_length=MAX_EXCLUDE,
                                        description=f"Entities to avoid (ids or names; at most {MAX_EXCLUDE}).")] = [],  # noqa: B006
    via: Annotated[Literal["people", "organisations"] | None,
                   Query(description="Only pass through people, or only through organisations.")] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    context: Annotated[bool, Query(description="Let shared places and sectors link (off: they are no "
                                               "introduction).")] = False,
) -> Response:
    result = await run_in_threadpool(
        _paths, store, lang, from_, to, k, max_hops, as_of, exclude, via, min_confidence, context
    )
    return in_lang(result, lang)
