"""Network pages for the questions users ask: a region's network, an entity's
neighbourhood, the introduction paths between two entities, and the
country-to-country overview. Each runs the query from ``queries`` and draws
what it returned, with the full records (names, dates, sources) fetched from
the store for tooltips, and countries from ``queries.geo`` for colours."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from graph.model import Batch, Lang
from graph.store import Store
from queries.countries import country_overview
from queries.geo import Geography
from queries.neighbourhood import neighbourhood
from queries.paths import introduction_paths
from queries.region import region_network
from queries.view import view_of
from viz.network import (
    GLYPHS,
    MAX_EDGES,
    PALETTE,
    SHAPES,
    Legend,
    Marks,
    Page,
    batch_page,
    country_colours,
    render,
)

CONTEXT_PER_NODE = 4  # surrounding entities drawn (faded) around each entity on an introduction path


def _batch(store: Store, entity_ids: Iterable[str], relation_ids: Iterable[str]) -> Batch:
    """The entities, the relations among them (``relation_ids`` and every other
    stored one, so the picture shows how they hang together) and their sources."""
    ids = sorted(set(entity_ids))
    batch = store.subgraph(ids)
    have = {r.id for r in batch.relations}
    missing = sorted(set(relation_ids) - have)
    if missing:
        extra = [r for r in store.get_relations(missing).values() if r.source in ids and r.target in ids]
        batch.relations += extra
    cited = {s for r in batch.relations for s in r.sources} | {s for rec in batch.entities for s in rec.sources}
    known = {s.id for s in batch.sources}
    if cited - known:
        batch.sources += store.get_sources(sorted(cited - known))
    return batch


def _countries(store: Store, ids: Iterable[str], lang: Lang) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each entity's country id, and each country's display name."""
    geo = Geography.of(view_of(store))
    country_of = {i: geo.country(i) for i in ids}
    return country_of, _names(store, {c for c in country_of.values() if c}, lang)


def _names(store: Store, ids: Iterable[str], lang: Lang) -> dict[str, str]:
    return {i: r.entity.name(lang) for i, r in store.get_entities(sorted(set(ids))).items()}


def region_html(store: Store, place: str, *, lang: Lang | str = Lang.EN, links: bool = False, **options: Any) -> str:
    """The network of a place: its members, everything tied to them, borders crossed in thick red."""
    lang = Lang(lang)
    options.setdefault("max_ties", MAX_EDGES)
    result = region_network(store, place, **options)
    country_of: dict[str, str | None] = {m.entity.id: m.country for m in result.members}
    entity_ids = {result.place.id} | set(country_of)
    relation_ids: set[str] = set()
    crossing: set[str] = set()
    for tie in result.ties:
        country_of.setdefault(tie.member.id, tie.member_country)
        country_of.setdefault(tie.other.id, tie.other_country)
        entity_ids |= {tie.member.id, tie.other.id} | ({tie.via.id} if tie.via else set())
        relation_ids |= set(tie.relations)
        if tie.cross_border:
            crossing |= set(tie.relations)
    names = _names(store, {c for c in country_of.values() if c}, lang)
    p = result.place
    cross = sum(t.cross_border for t in result.ties)
    heading = (
        f"{p.name_ja} / {p.name_en} — region network: {len(result.members)} members, "
        f"{len(result.ties)} ties ({cross} cross-border)"
    )
    page = batch_page(
        _batch(store, entity_ids, relation_ids),
        heading,
        lang=lang,
        country_of=country_of,
        country_names=names,
        marks=Marks(focus={p.id}, cross_border=crossing, members=set(country_of)),
        links=links,
    )
    if result.truncated:
        page.messages.append(f"Only the first {options['max_ties']:,} ties are drawn (the query's cap).")
    pair_names = _names(store, {x for pair in result.country_pairs for x in (pair.a, pair.b)}, lang)
    page.summary.append("Ties between countries:" if result.country_pairs else "No cross-border ties found.")
    for pair in result.country_pairs[:10]:
        agreements = f", {len(pair.agreements)} agreement(s)" if pair.agreements else ""
        page.summary.append(f"{pair_names.get(pair.a, pair.a)} ↔ {pair_names.get(pair.b, pair.b)}: "
                            f"{pair.ties} tie(s){agreements}")
    return render(page, priority={p.id} | {m.entity.id for m in result.members})


def neighbourhood_html(
    store: Store, entity: str, *, lang: Lang | str = Lang.EN, links: bool = False, **options: Any
) -> str:
    """An entity and everything within ``radius`` relations of it (context relations dotted grey)."""
    lang = Lang(lang)
    result = neighbourhood(store, entity, **options)
    ids = [n.entity.id for n in result.nodes]
    country_of, names = _countries(store, ids, lang)
    c = result.center
    heading = f"{c.name_ja} / {c.name_en} — neighbourhood: radius {result.radius}, {len(result.nodes)} entities"
    page = batch_page(
        _batch(store, ids, (e.relation.id for e in result.edges)),
        heading,
        lang=lang,
        country_of=country_of,
        country_names=names,
        marks=Marks(focus={c.id}),
        links=links,
    )
    if result.truncated:
        left = sum(t.omitted for t in result.truncations)
        page.messages.append(
            f"Truncated: {left:,} relations were left out at {len(result.truncations)} entities "
            "(fan-out or node cap); raise max_nodes or narrow the filters to see them."
        )
    return render(page, priority={c.id})


def paths_html(
    store: Store,
    source: str,
    target: str,
    *,
    lang: Lang | str = Lang.EN,
    links: bool = False,
    context_per_node: int = CONTEXT_PER_NODE,
    **options: Any,
) -> str:
    """The k introduction paths from ``source`` to ``target``, coloured by rank with
    numbered steps (``path.step``), inside their faded surroundings."""
    lang = Lang(lang)
    result = introduction_paths(store, source, target, **options)
    on_path = {result.source.id, result.target.id}
    steps: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for path in result.paths:
        on_path |= {n.id for n in path.nodes}
        for number, step in enumerate(path.steps, 1):
            for rel in step.relations:
                steps[rel.id].append((path.rank, number))
    around: set[str] = set()
    if context_per_node > 0:
        for node in sorted(on_path):
            nbrs = sorted(
                (n for n in store.neighbours(node) if n.entity.id not in on_path),
                key=lambda n: (n.relation.type != "located_in", n.entity.id),
            )
            around |= {n.entity.id for n in nbrs[:context_per_node]}
    ids = on_path | around
    country_of, names = _countries(store, ids, lang)
    a, b = result.source, result.target
    found = f"{len(result.paths)} path(s)" if result.paths else (result.reason or "no path")
    heading = f"{a.name_ja} → {b.name_ja} ({a.name_en} → {b.name_en}) — introduction paths: {found}"
    page = batch_page(
        _batch(store, ids, steps),
        heading,
        lang=lang,
        country_of=country_of,
        country_names=names,
        marks=Marks(focus={a.id, b.id}, steps=steps, on_path=on_path),
        links=links,
    )
    for path in result.paths:
        page.summary.append(f"Path {path.rank}: {path.hops} step(s), strength {path.strength:.3g}")
        for number, step in enumerate(path.steps, 1):
            text = step.text_ja if lang is Lang.JA else step.text_en
            page.summary.append(f"{path.rank}.{number} {text}" + (f" ({step.date})" if step.date else ""))
    if not result.paths:
        page.messages.append(result.reason or "No introduction path was found.")
    return render(page, priority=on_path)


def countries_html(store: Store, *, lang: Lang | str = Lang.EN, links: bool = False, **options: Any) -> str:
    """Countries as nodes (size = cross-border ties), pairs of countries as edges (width and label = ties)."""
    lang = Lang(lang)
    overview = country_overview(store, **options)
    colours = country_colours({n.country.id: n.cross_border_ties for n in overview.countries})
    agreement_names = _names(store, {a for p in overview.pairs for a in p.agreements}, lang)
    nodes: list[dict[str, Any]] = []
    for n in overview.countries:
        c = n.country
        both = c.name_ja if c.name_ja == c.name_en else f"{c.name_ja} / {c.name_en}"
        lines = [both, f"country{f' · {n.iso}' if n.iso else ''} · {c.id}", f"{n.members} entities",
                 f"{n.cross_border_ties} cross-border ties, {n.domestic_ties} domestic ties"]
        colour = colours.get(c.id, PALETTE[0])
        nodes.append({
            "id": c.id, "label": c.name_ja if lang is Lang.JA else c.name_en, "title": "\n".join(lines),
            "shape": SHAPES["place"], "color": colour, "value": n.cross_border_ties + 1,
            "kz_type": "place", "kz_country": c.id,
        })
    shown = {n["id"] for n in nodes}
    names: Mapping[str, str] = {n["id"]: n["label"] for n in nodes}
    edges: list[dict[str, Any]] = []
    for pair in overview.pairs:
        if pair.a not in shown or pair.b not in shown:
            continue
        lines = [f"{names[pair.a]} ↔ {names[pair.b]}: {pair.ties} tie(s)"]
        if pair.agreements:
            lines.append(f"{len(pair.agreements)} agreement(s):")
            lines += [f"· {agreement_names.get(x, x)}" for x in pair.agreements[:8]]
            if len(pair.agreements) > 8:
                lines.append(f"… and {len(pair.agreements) - 8} more")
        colour = "#d62728"
        edges.append({
            "id": f"pair:{pair.a}|{pair.b}", "from": pair.a, "to": pair.b, "label": str(pair.ties),
            "title": "\n".join(lines), "width": round(1 + 2 * math.log2(1 + pair.ties), 2),
            "color": colour, "kz_type": "country_pair",
        })
    total = sum(p.ties for p in overview.pairs)
    page = Page(
        heading=f"Countries — {len(nodes)} countries, {len(edges)} linked pairs, {total} cross-border ties",
        nodes=nodes,
        edges=edges,
        legend=Legend(
            countries=[(colours.get(n["id"], PALETTE[0]), n["label"], n["value"] - 1) for n in nodes],
            shapes=[(GLYPHS[SHAPES["place"]], "country (size = cross-border ties)")],
            lines=[("", "#d62728", "ties between two countries (width and label = number)", 3.0)],
        ),
        lang=lang.value,
        links=links,
    )
    page.summary.append("Most linked pairs:" if overview.pairs else "No cross-border ties found.")
    for pair in overview.pairs[:10]:
        if pair.a in names and pair.b in names:
            page.summary.append(f"{names[pair.a]} ↔ {names[pair.b]}: {pair.ties} tie(s)")
    return render(page)
