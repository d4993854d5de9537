"""Synthetic view-shaped graphs and the timing of one view's render (``kizuna bench-viz``)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, Relation, Source
from viz.network import PHYSICS_LIMIT, Marks, batch_page, render


def synthetic_view(nodes: int, seed: int = 7) -> tuple[Batch, dict[str, str | None], dict[str, str]]:
    """A view-shaped graph: places, organisations, people, agreements and events in
    eight countries (a few big ones), about 1.6 ties per node, 30% across borders."""
    rng = random.Random(seed)
    countries = [f"place:c{i}" for i in range(8)]
    weights = [8, 5, 3, 2, 1, 1, 1, 1]
    source = Source(id="bench-viz", title="synthetic view")
    ev = (Evidence(source="bench-viz"),)
    records: list[EntityRecord] = []
    relations: dict[str, Relation] = {}
    country_of: dict[str, str | None] = {}
    by_type: dict[str, list[str]] = {"place": [], "organisation": [], "person": []}

    def add(eid: str, etype: EntityType, kind: str | None, country: str | None) -> None:
        names = (Name(text=f"{etype.value} {eid.split(':')[1]}", lang=Lang.EN),
                 Name(text=f"合成{eid.split(':')[1]}", lang=Lang.JA))
        records.append(EntityRecord(entity=Entity(id=eid, type=etype, kind=kind, names=names), sources=("bench-viz",)))
        country_of[eid] = country

    def tie(rtype: str, a: str, b: str) -> None:
        rid = relation_id(rtype, a, b)
        src, dst = (min(a, b), max(a, b)) if rtype == "partner_of" else (a, b)
        relations[rid] = Relation(id=rid, type=rtype, source=src, target=dst, evidence=ev)

    for i in range(nodes):
        slot = i % 20
        country = rng.choices(countries, weights)[0]
        if slot == 0:
            add(f"place:r{i}", EntityType.PLACE, "region", country)
            by_type["place"].append(f"place:r{i}")
        elif slot <= 12:
            add(f"org:o{i}", EntityType.ORGANISATION, "company", country)
            by_type["organisation"].append(f"org:o{i}")
        elif slot <= 17:
            add(f"person:p{i}", EntityType.PERSON, None, country)
            by_type["person"].append(f"person:p{i}")
        elif slot == 18:
            add(f"agreement:a{i}", EntityType.AGREEMENT, "mou", None)
        else:
            add(f"event:e{i}", EntityType.EVENT, "conference", None)
    orgs, people, places = by_type["organisation"], by_type["person"], by_type["place"]
    if not orgs or not places:
        return Batch(sources=[source], entities=records), country_of, {c: c for c in countries}
    same: dict[str | None, list[str]] = {}
    for o in orgs:
        same.setdefault(country_of[o], []).append(o)
    for record in records:
        e = record.entity
        if e.type is EntityType.ORGANISATION:
            home = [p for p in places[:50] if country_of[p] == country_of[e.id]] or places[:1]
            tie("located_in", e.id, rng.choice(home))
            pool = same[country_of[e.id]] if rng.random() < 0.7 else orgs
            other = rng.choice(pool)
            if other != e.id:
                tie("partner_of", e.id, other)
        elif e.type is EntityType.PERSON:
            tie("works_for", e.id, rng.choice(same.get(country_of[e.id]) or orgs))
        elif e.type is EntityType.AGREEMENT:
            for party in rng.sample(places + orgs[:200], 2):
                tie("party_to", party, e.id)
        elif e.type is EntityType.EVENT:
            for who in rng.sample(orgs + people, min(4, len(orgs + people))):
                tie("attended", who, e.id)
    names = {c: f"Country {c[-1]}" for c in countries}
    return Batch(sources=[source], entities=records, relations=list(relations.values())), country_of, names


def bench_view(nodes: int, browser: Any | None, keep: Path | None) -> dict[str, Any]:
    """Generation time, HTML size and time to a stable render of one synthetic view."""
    from viz.browser import load

    batch, country_of, names = synthetic_view(nodes)
    t0 = time.perf_counter()
    page = batch_page(batch, f"synthetic view: {nodes:,} nodes", country_of=country_of, country_names=names,
                      marks=Marks(focus={batch.entities[0].entity.id}))
    html = render(page)
    generate_s = time.perf_counter() - t0
    figures: dict[str, Any] = {
        "nodes": len(page.nodes),
        "edges": len(page.edges),
        "layout": "vis physics" if len(page.nodes) <= PHYSICS_LIMIT else "python",
        "generate_s": round(generate_s, 3),
        "html_mb": round(len(html.encode("utf-8")) / 1e6, 2),
        "stable_s": None,
    }
    if browser is not None:
        with tempfile.TemporaryDirectory() as tmp:
            where = (keep or Path(tmp)) / f"bench-viz-{nodes}.html"
            where.write_text(html, encoding="utf-8")
            loaded = load(browser, where.as_uri())
            figures["stable_s"] = round(loaded.stable_ms / 1000, 2)
            figures["console_errors"] = len(loaded.console_errors)
    return figures


