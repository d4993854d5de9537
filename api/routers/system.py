"""Liveness, readiness and counts (the home page is ``api.routers.home``)."""

from __future__ import annotations

from fastapi import APIRouter, Request

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
async def health() -> HealthOut:  # on the event loop: never waits for a worker thread
    return HealthOut(status="ok")


@router.get(
    "/ready",
    response_model=ReadyOut,
    summary="Store is reachable",
    description=(
        "Reads from the store (`ping`); 503 while the store cannot be read. `query_index` tells whether the "
        "start-up warm-up is still building the in-memory query index (queries wait for it meanwhile)."
    ),
    responses={
        200: {
            "content": {
                "application/json": {"example": {"status": "ready", "backend": "embedded", "query_index": "ready"}}
            }
        },
        **problems(503),
    },
)
def ready(store: StoreDep, request: Request) -> ReadyOut:
    store.ping()
    warming = request.app.state.warm_up
    index = "on-demand" if warming is None else "building" if warming.is_alive() else "ready"
    return ReadyOut(status="ready", backend=store.backend, query_index=index)


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

