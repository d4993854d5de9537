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
from viz.limits import CONTEXT_PER_NODE as CONTEXT_PER_NODE
from viz.messages import text, type_name
from viz.network import (
    CROSS_BORDER,
    GLYPHS,
    MAX_EDGES,
    PALETTE,
    SHAPES,
    Legend,
    Marks,
    Page,
    batch_page,
    country_colours,
    group_communities,
    render,
)


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


def _composition(page: Page, lang: Lang, key: str, ids: Iterable[str] | None = None) -> list[str]:
    """Side-panel lines: how many of the drawn entities (or ``ids``) each country holds, by type."""
    wanted = set(ids) if ids is not None else None
    by_country: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for node in page.nodes:
        if wanted is not None and node["id"] not in wanted:
            continue
        country = node.get("kz_country_name") or text(lang, "panel.no_country")
        by_country[country][node["kz_type"]] += 1
    total = sum(sum(t.values()) for t in by_country.values())
    lines = [text(lang, key, count=total)]
    for country, types in sorted(by_country.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        kinds = ", ".join(f"{type_name(lang, t)} {n}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append("· " + text(lang, "panel.country_line", country=country, count=sum(types.values()), types=kinds))
    return lines


def _agreements(page: Page, store: Store, lang: Lang) -> list[str]:
    """Side-panel lines: the agreements drawn, newest first, with their signing dates."""
    ids = [n["id"] for n in page.nodes if n["kz_type"] == "agreement"]
    if not ids:
        return [text(lang, "panel.no_agreements")]
    records = store.get_entities(ids)
    dated = sorted(records.values(), key=lambda r: (str(r.entity.signed or ""), r.entity.id), reverse=True)
    lines = [text(lang, "panel.agreements", count=len(dated))]
    for record in dated:
        e = record.entity
        name = e.name(lang)
        with_date = bool(e.signed) and str(e.signed)[:4] not in name  # names often carry their year already
        lines.append("· " + name + (f" ({e.signed})" if with_date else ""))
    return lines


def _groups(page: Page, lang: Lang) -> list[str]:
    if not page.groups:
        return []
    return [text(lang, "panel.groups")] + [f"· {g['label']}: {g['count']}" for g in page.groups]


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
    heading = text(lang, "region.heading", ja=p.name_ja, en=p.name_en, members=len(result.members),
                   ties=len(result.ties), cross=cross)
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
        page.messages.append(text(lang, "msg.ties_cap", count=f"{options['max_ties']:,}"))
    group_communities(page, keep_open={p.id})
    page.summary += _composition(page, lang, "panel.members", {m.entity.id for m in result.members})
    pair_names = _names(store, {x for pair in result.country_pairs for x in (pair.a, pair.b)}, lang)
    page.summary.append(text(lang, "panel.pairs") if result.country_pairs else text(lang, "panel.no_pairs"))
    for pair in result.country_pairs[:10]:
        agreements = text(lang, "panel.pair_agreements", count=len(pair.agreements)) if pair.agreements else ""
        page.summary.append("· " + text(lang, "panel.pair", a=pair_names.get(pair.a, pair.a),
                                        b=pair_names.get(pair.b, pair.b), ties=pair.ties, agreements=agreements))
    page.summary += _agreements(page, store, lang) + _groups(page, lang)
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
    heading = text(lang, "entity.heading", ja=c.name_ja, en=c.name_en, radius=result.radius, count=len(result.nodes))
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
        page.messages.append(text(lang, "msg.truncated", count=f"{left:,}", at=len(result.truncations)))
    group_communities(page, keep_open={c.id})
    page.summary += _composition(page, lang, "panel.entities") + _agreements(page, store, lang) + _groups(page, lang)
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
    found = text(lang, "path.found", count=len(result.paths)) if result.paths else (result.reason or "no path")
    heading = text(lang, "path.heading", a_ja=a.name_ja, b_ja=b.name_ja, a_en=a.name_en, b_en=b.name_en, found=found)
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
        page.summary.append(text(lang, "panel.path", rank=path.rank, hops=path.hops, strength=f"{path.strength:.3g}"))
        if path.same_actor:
            page.summary.append(path.note_ja if lang is Lang.JA else path.note_en)
        for number, step in enumerate(path.steps, 1):
            said = step.text_ja if lang is Lang.JA else step.text_en
            page.summary.append(f"· {path.rank}.{number} {said}" + (f" ({step.date})" if step.date else ""))
    if not result.paths:
        page.messages.append(result.reason or text(lang, "msg.no_path"))
    return render(page, priority=on_path)


def countries_html(store: Store, *, lang: Lang | str = Lang.EN, links: bool = False, **options: Any) -> str:
    """Countries with cross-border ties as nodes (size = those ties), pairs of countries as edges
    (width and label = ties); countries without any are left out, and the page says how many."""
    lang = Lang(lang)
    overview = country_overview(store, **options)
    linked = [n for n in overview.countries if n.cross_border_ties > 0]
    colours = country_colours({n.country.id: n.cross_border_ties for n in linked})
    agreement_names = _names(store, {a for p in overview.pairs for a in p.agreements}, lang)
    nodes: list[dict[str, Any]] = []
    for n in linked:
        c = n.country
        both = c.name_ja if c.name_ja == c.name_en else f"{c.name_ja} / {c.name_en}"
        lines = [both, f"{type_name(lang, 'place')}{f' · {n.iso}' if n.iso else ''} · {c.id}",
                 text(lang, "tip.country_entities", count=n.members),
                 text(lang, "tip.country_ties", cross=n.cross_border_ties, domestic=n.domestic_ties)]
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
        lines = [text(lang, "tip.pair", a=names[pair.a], b=names[pair.b], ties=pair.ties)]
        if pair.agreements:
            lines.append(text(lang, "tip.agreements", count=len(pair.agreements)))
            lines += [f"· {agreement_names.get(x, x)}" for x in pair.agreements[:8]]
            if len(pair.agreements) > 8:
                lines.append(text(lang, "tip.more", count=len(pair.agreements) - 8))
        edges.append({
            "id": f"pair:{pair.a}|{pair.b}", "from": pair.a, "to": pair.b, "label": str(pair.ties),
            "title": "\n".join(lines), "width": round(1 + 2 * math.log2(1 + pair.ties), 2),
            "color": CROSS_BORDER, "kz_type": "country_pair",
        })
    total = sum(p.ties for p in overview.pairs)
    page = Page(
        heading=text(lang, "countries.heading", countries=len(nodes), pairs=len(edges), ties=total),
        nodes=nodes,
        edges=edges,
        legend=Legend(
            countries=[(colours.get(n["id"], PALETTE[0]), n["label"], n["value"] - 1) for n in nodes],
            shapes=[(GLYPHS[SHAPES["place"]], text(lang, "legend.country_node"))],
            lines=[("", CROSS_BORDER, text(lang, "legend.country_pair"), 3.0)],
        ),
        lang=lang.value,
        links=links,
    )
    hidden = len(overview.countries) - len(linked)
    if hidden:
        page.messages.append(text(lang, "msg.hidden_countries", count=hidden))
    page.summary.append(text(lang, "panel.most_linked") if overview.pairs else text(lang, "panel.no_pairs"))
    for pair in overview.pairs[:10]:
        if pair.a in names and pair.b in names:
            page.summary.append("· " + text(lang, "tip.pair", a=names[pair.a], b=names[pair.b], ties=pair.ties))
    return render(page)
