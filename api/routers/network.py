"""Networks over many entities: a region's network, brokers, sector partners."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import IsoDate, LangDep, ReadAuth, StoreDep
from api.docs import problems
from api.errors import BadParameter
from api.lookup import localise_error, resolve
from api.models import DisplayLang, in_lang
from graph.errors import AmbiguousName, UnknownEntity
from graph.model import EntityType
from graph.store import Store
from queries.brokers import brokers
from queries.partners import resolve_sector, sector_partners
from queries.paths import DEFAULT_HOPS, MAX_HOPS
from queries.region import region_network
from queries.results import BrokerResult, PartnerResult, RegionResult
from queries.ties import AS_OF_HELP

router = APIRouter(tags=["network"], dependencies=[ReadAuth])

MAX_EXCLUDE = 20

_KANAGAWA = {"id": "place:kanagawa", "type": "place", "kind": "region", "name": "Kanagawa Prefecture",
             "name_ja": "神奈川県", "name_en": "Kanagawa Prefecture"}
_LIAONING = {"id": "place:liaoning", "type": "place", "kind": "region", "name": "Liaoning Province",
             "name_ja": "遼寧省", "name_en": "Liaoning Province"}
_AGREEMENT = {"id": "agreement:kanagawa-liaoning", "type": "agreement", "kind": "friendship",
              "name": "Kanagawa–Liaoning friendship agreement", "name_ja": "神奈川県・遼寧省友好協定",
              "name_en": "Kanagawa–Liaoning friendship agreement"}
_REGION_EXAMPLE = {
    "place": _KANAGAWA,
    "aggregate": None,
    "members": [{"entity": _KANAGAWA, "why": "the place itself", "country": "place:jp"}],
    "ties": [{"member": _KANAGAWA, "other": _LIAONING, "via": _AGREEMENT, "relation_types": ["party_to"],
              "relations": ["rel:0a1b2c3d4e5f6a7b", "rel:1b2c3d4e5f6a7b8c"], "other_is_member": False,
              "cross_border": True, "member_country": "place:jp", "other_country": "place:cn",
              "sources": ["kanagawa-liaoning-2018"]}],
    "region_pairs": [{"a": "place:kanagawa", "b": "place:liaoning", "a_name": "Kanagawa Prefecture",
                      "b_name": "Liaoning Province", "ties": 1, "agreements": ["agreement:kanagawa-liaoning"]}],
    "country_pairs": [{"a": "place:cn", "b": "place:jp", "a_name": "China", "b_name": "Japan", "ties": 1,
                       "agreements": ["agreement:kanagawa-liaoning"]}],
    "truncated": False,
    "options": {"as_of": None, "min_confidence": 0.0, "include_people": True, "max_ties": 2000},
}
_BROKERS_EXAMPLE = {
    "brokers": [{"entity": _KANAGAWA, "score": 1.0, "raw": 42.0, "country": "place:jp", "degree": 7}],
    "mode": "cross-border", "sources_label": None, "targets_label": None, "sampled": False, "samples": None,
    "nodes": 120, "edges": 180,
    "options": {"top": 10, "between": None, "cross_border": True, "as_of": None, "min_confidence": 0.0,
                "samples": 300, "seed": 0},
}
_SECTOR = {"id": "sector:medical_devices", "type": "sector", "kind": None, "name": "Medical technology and devices",
           "name_ja": "医療機器", "name_en": "Medical technology and devices"}
_PARTNERS_EXAMPLE = {
    "origin": _KANAGAWA,
    "sector": _SECTOR,
    "partners": [],
    "candidates": 3,
    "unreachable": 3,
    "options": {"hops": 6, "top": 10, "as_of": None, "min_confidence": 0.0, "exclude": [], "via": None},
}


def _region(store: Store, lang: DisplayLang, place: str, aggregate: Literal["region", "country"] | None,
            **options: object) -> RegionResult:
    p = resolve(store, place, lang, types=[EntityType.PLACE])
    result = region_network(store, p.id, **options)  # type: ignore[arg-type]
    return result if aggregate is None else result.pairs_only(aggregate)


@router.get(
    "/places/{id}/network",
    response_model=RegionResult,
    summary="The network of a place",
    description=(
        "Members of the place (sub-places, organisations located there, their departments and people) and their "
        "introduction ties, cross-border ties marked. `aggregate=region` or `aggregate=country` answers only the "
        "counts of ties per region pair or per country pair, with the agreements behind them."
    ),
    responses={200: {"content": {"application/json": {"example": _REGION_EXAMPLE}}},
               **problems(401, 403, 404, 409, 422)},
)
async def get_region_network(
    id: Annotated[str, Path(description="A place id or name.", examples=["神奈川県"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    aggregate: Annotated[Literal["region", "country"] | None,
                         Query(description="Answer only the per-region or per-country pair counts.")] = None,
    as_of: Annotated[IsoDate | None, Query(description=AS_OF_HELP)] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    include_people: Annotated[bool, Query(description="Count people working for members as members.")] = True,
    max_ties: Annotated[int, Query(ge=1, le=5000, description="Most ties listed (1-5000).")] = 2000,
) -> Response:
    result = await run_in_threadpool(
        _region, store, lang, id, aggregate,
        as_of=as_of, min_confidence=min_confidence, include_people=include_people, max_ties=max_ties,
    )
    return in_lang(result, lang)


def _brokers(store: Store, **options: object) -> BrokerResult:
    return brokers(store, **options)  # type: ignore[arg-type]


@router.get(
    "/brokers",
    response_model=BrokerResult,
    summary="Actors that bridge otherwise separate groups",
    description=(
        "Betweenness on the introduction-tie graph. `cross_border=true` counts only chains between different "
        "countries; `between=X&between=Y` only chains from group X to group Y (a country id, name or ISO code, "
        "or a continent)."
    ),
    responses={200: {"content": {"application/json": {"example": _BROKERS_EXAMPLE}}}, **problems(401, 403, 422)},
)
async def get_brokers(
    store: StoreDep,
    lang: LangDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many brokers (1-100).")] = 10,
    cross_border: Annotated[bool, Query(description="Only chains whose ends lie in different countries.")] = False,
    between: Annotated[list[str], Query(max_length=2, description="Exactly two groups (countries or continents).",
                                        examples=[["JP", "Europe"]])] = [],  # noqa: B006
    as_of: Annotated[IsoDate | None, Query(description=AS_OF_HELP)] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    samples: Annotated[int, Query(ge=1, le=1000, description="Source sample size on large graphs (1-1000).")] = 300,
) -> Response:
    if between and len(between) != 2:
        raise BadParameter(f"query parameter 'between': give exactly two groups (got {len(between)})")
    pair = (between[0], between[1]) if between else None
    result = await run_in_threadpool(
        _brokers, store, top=top, between=pair, cross_border=cross_border, as_of=as_of,
        min_confidence=min_confidence, samples=samples,
    )
    return in_lang(result, lang)


def _partners(store: Store, lang: DisplayLang, sector: str, origin: str, exclude: list[str],
              **options: object) -> PartnerResult:
    try:
        s = resolve_sector(store, sector)
    except (UnknownEntity, AmbiguousName) as exc:
        localise_error(exc, lang)
        raise
    a = resolve(store, origin, lang)
    excluded = [resolve(store, x, lang).id for x in exclude]
    return sector_partners(store, s.id, a.id, exclude=excluded, **options)  # type: ignore[arg-type]


@router.get(
    "/sectors/{id}/partners",
    response_model=PartnerResult,
    summary="Partners in a sector reachable from you",
    description=(
        "Actors focusing on the sector (directly, or through an agreement or event on it) that `from` can reach "
        "within `max_hops`, strongest introduction path first, each with that path explained."
    ),
    responses={200: {"content": {"application/json": {"example": _PARTNERS_EXAMPLE}}},
               **problems(401, 403, 404, 409, 422)},
)
async def get_sector_partners(
    id: Annotated[str, Path(description="A sector: vocabulary id (medical_devices), entity id or name.",
                            examples=["medical_devices"], max_length=300)],
    store: StoreDep,
    lang: LangDep,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=300, description="Where you are.",
                                examples=["神奈川県"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"Most steps (1-{MAX_HOPS}).")] = DEFAULT_HOPS,
    top: Annotated[int, Query(ge=1, le=100, description="How many partners (1-100).")] = 10,
    as_of: Annotated[IsoDate | None, Query(description=AS_OF_HELP)] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Ignore weaker evidence (0-1).")] = 0.0,
    exclude: Annotated[list[str], Query(max_length=MAX_EXCLUDE, description="Entities to avoid.")] = [],  # noqa: B006
    via: Annotated[Literal["people", "organisations"] | None,
                   Query(description="Only pass through people, or only through organisations.")] = None,
) -> Response:
    result = await run_in_threadpool(
        _partners, store, lang, id, from_, exclude,
        hops=max_hops, top=top, as_of=as_of, min_confidence=min_confidence, via=via,
    )
    return in_lang(result, lang)
