"""Network pages for the questions users ask: a region's network, an entity's
neighbourhood. Each runs the query from ``queries`` and draws exactly what it
returned, with the full records (names, dates, sources) fetched for display."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from graph.model import Batch
from graph.store import Store
from queries.neighbourhood import neighbourhood
from queries.paths import introduction_paths
from queries.region import region_network
from viz.network import network_html


def _batch(store: Store, entity_ids: Iterable[str], relation_ids: Iterable[str]) -> Batch:
    records = store.get_entities(sorted(set(entity_ids)))
    relations = store.get_relations(sorted(set(relation_ids)))
    cited = {s for r in relations.values() for s in r.sources} | {s for rec in records.values() for s in rec.sources}
    return Batch(
        sources=store.get_sources(sorted(cited)),
        entities=list(records.values()),
        relations=[r for r in relations.values() if r.source in records and r.target in records],
    )


def region_html(store: Store, place: str, **options: Any) -> str:
    """The cross-border network of a place: its members, their ties, borders crossed in red."""
    result = region_network(store, place, **options)
    entity_ids = {result.place.id} | {m.entity.id for m in result.members}
    relation_ids: set[str] = set()
    marked: set[str] = set()
    for tie in result.ties:
        entity_ids |= {tie.member.id, tie.other.id} | ({tie.via.id} if tie.via else set())
        relation_ids |= set(tie.relations)
        if tie.cross_border:
            marked |= set(tie.relations)
    crossing = sum(t.cross_border for t in result.ties)
    heading = (
        f"{result.place.name_ja} / {result.place.name_en}: {len(result.members)} members, "
        f"{len(result.ties)} ties ({crossing} cross-border)"
        + (" — truncated" if result.truncated else "")
    )
    focus: Collection[str] = {m.entity.id for m in result.members}
    # The subgraph adds the relations among the drawn entities that are not
    # the region's own ties (a member's located_in, a partner's part_of), so
    # the picture shows how members hang together.
    batch = store.subgraph(sorted(entity_ids))
    missing = relation_ids - {r.id for r in batch.relations}
    if missing:
        batch.relations += _batch(store, entity_ids, missing).relations
    return network_html(batch, heading, focus=focus, marked_edges=marked)


def neighbourhood_html(store: Store, entity: str, **options: Any) -> str:
    """An entity and everything within ``radius`` ties of it (context ties dashed)."""
    result = neighbourhood(store, entity, **options)
    heading = (
        f"{result.center.name_ja} / {result.center.name_en}: radius {result.radius}, "
        f"{len(result.nodes)} nodes" + (" — truncated" if result.truncated else "")
    )
    return network_html(
        _batch(store, (n.entity.id for n in result.nodes), (e.relation.id for e in result.edges)),
        heading,
        focus={result.center.id},
    )


def paths_html(store: Store, source: str, target: str, **options: Any) -> str:
    """The introduction paths from ``source`` to ``target``; the best one drawn bold red."""
    result = introduction_paths(store, source, target, **options)
    entity_ids = {result.source.id, result.target.id}
    relation_ids: set[str] = set()
    best: set[str] = set()
    for path in result.paths:
        entity_ids |= {n.id for n in path.nodes}
        ids = {r.id for step in path.steps for r in step.relations}
        relation_ids |= ids
        if path.rank == 1:
            best = ids
    if result.paths:
        summary = "; ".join(f"path {p.rank}: {p.hops} step(s), strength {p.strength:.3g}" for p in result.paths)
    else:
        summary = result.reason or "no path"
    a, b = result.source, result.target
    heading = f"{a.name_ja} → {b.name_ja} ({a.name_en} → {b.name_en}): {summary}"
    return network_html(
        _batch(store, entity_ids, relation_ids),
        heading,
        focus={result.source.id, result.target.id},
        marked_edges=best,
        marked_label="best path",
    )
