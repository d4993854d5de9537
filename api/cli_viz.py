"""``kizuna viz region|entity|path|countries -o page.html`` and ``kizuna bench-viz``.

The exported pages are the ones the API serves under ``/viz/...`` (minus the
side-panel links, which need the server), self-contained and offline.
``bench-viz`` prints, for synthetic views of 500, 2,000 and 10,000 nodes, the
time to generate the page, its size, and the time until headless Chromium has
drawn the laid-out network.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli_common import JsonOpt, StoreOpt, console, err_console, print_json, store_at
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, Relation, Source
from queries.neighbourhood import MAX_RADIUS
from queries.paths import DEFAULT_HOPS, DEFAULT_K, MAX_HOPS, MAX_K
from viz.network import MAX_NODES, PHYSICS_LIMIT, Marks, batch_page, render
from viz.render import CONTEXT_PER_NODE, countries_html, neighbourhood_html, paths_html, region_html

OutOpt = Annotated[Path, typer.Option("-o", "--output", help="Where to write the HTML page.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Label language (ja or en).")]
MinConfOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Minimum evidence confidence.")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Only what held on this date (YYYY-MM-DD).")]

viz_app = typer.Typer(help="Export interactive network views as self-contained HTML pages.", no_args_is_help=True)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"expected a date like 2018-05-08, got {text!r}", param_hint="--as-of") from None


def _write(output: Path, html: str) -> None:
    output.write_text(html, encoding="utf-8")
    console.print(f"wrote {output} ({len(html.encode('utf-8')) / 1e6:.1f} MB)")


@viz_app.command("region")
def region_cmd(
    place: Annotated[str, typer.Argument(help="A place id or name.")],
    output: OutOpt,
    lang: LangOpt = Lang.EN,
    people: Annotated[bool, typer.Option("--people/--no-people", help="Draw people working for members.")] = True,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
) -> None:
    """The network of a place: its members and everything tied to them, cross-border ties in red."""
    when = _date(as_of)
    with store_at(store) as st:
        html = region_html(st, place, lang=lang, include_people=people, min_confidence=min_confidence, as_of=when)
    _write(output, html)


@viz_app.command("entity")
def entity_cmd(
    entity: Annotated[str, typer.Argument(help="An entity id or name.")],
    output: OutOpt,
    radius: Annotated[int, typer.Option(min=1, max=MAX_RADIUS, help="Relations away.")] = 1,
    max_nodes: Annotated[int, typer.Option(min=1, max=MAX_NODES, help="Most entities drawn.")] = 500,
    lang: LangOpt = Lang.EN,
    store: StoreOpt = None,
) -> None:
    """An entity's neighbourhood."""
    with store_at(store) as st:
        html = neighbourhood_html(st, entity, lang=lang, radius=radius, max_nodes=max_nodes)
    _write(output, html)


@viz_app.command("path")
def path_cmd(
    source: Annotated[str, typer.Argument(help="Where you are: id or name.")],
    target: Annotated[str, typer.Argument(help="Whom you want to reach: id or name.")],
    output: OutOpt,
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=MAX_K, help="How many different paths.")] = DEFAULT_K,
    hops: Annotated[int, typer.Option("--hops", min=1, max=MAX_HOPS, help="Most steps per path.")] = DEFAULT_HOPS,
    context: Annotated[int, typer.Option(min=0, max=20, help="Surrounding entities per path entity.")] = (
        CONTEXT_PER_NODE
    ),
    lang: LangOpt = Lang.EN,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
) -> None:
    """The introduction paths from SOURCE to TARGET, steps numbered, inside their surroundings."""
    when = _date(as_of)
    with store_at(store) as st:
        html = paths_html(
            st, source, target, lang=lang, context_per_node=context, k=k, hops=hops,
            min_confidence=min_confidence, as_of=when,
        )
    _write(output, html)


@viz_app.command("countries")
def countries_cmd(
    output: OutOpt,
    lang: LangOpt = Lang.EN,
    people: Annotated[bool, typer.Option("--people/--no-people", help="Count ties of people too.")] = True,
    min_confidence: MinConfOpt = 0.0,
    as_of: AsOfOpt = None,
    store: StoreOpt = None,
) -> None:
    """Countries and the number of ties between each pair of them."""
    when = _date(as_of)
    with store_at(store) as st:
        html = countries_html(st, lang=lang, include_people=people, min_confidence=min_confidence, as_of=when)
    _write(output, html)


# -- bench ------------------------------------------------------------------------------------


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


def register(app: typer.Typer) -> None:
    """Add ``viz ...`` and ``bench-viz`` to ``app``."""
    app.add_typer(viz_app, name="viz")

    @app.command("bench-viz")
    def bench_viz(
        sizes: Annotated[list[int] | None, typer.Option("--size", min=1, max=50_000,
                                                        help="View sizes in nodes (repeatable).")] = None,
        browser: Annotated[bool, typer.Option("--browser/--no-browser",
                                              help="Time the render in headless Chromium.")] = True,
        keep: Annotated[Path | None, typer.Option("--keep", help="Keep the generated pages in this folder.")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Generation time, HTML size and time to a stable render in Chromium for synthetic views."""
        from contextlib import nullcontext

        from viz.browser import chromium, chromium_binaries

        wanted = sizes or [500, 2_000, 10_000]
        if browser and chromium_binaries() is None:
            err_console.print("note: chromium/chromedriver not installed; browser timings skipped")
            browser = False
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        rows = []
        with chromium() if browser else nullcontext() as driver:
            for n in wanted:
                rows.append(bench_view(n, driver, keep))
        if as_json:
            print_json(rows)
            return
        console.print(f"{'nodes':>7} {'edges':>7} {'layout':>12} {'generate s':>11} {'HTML MB':>8} {'stable s':>9}")
        for r in rows:
            stable = f"{r['stable_s']:.2f}" if r["stable_s"] is not None else "-"
            console.print(f"{r['nodes']:>7,} {r['edges']:>7,} {r['layout']:>12} {r['generate_s']:>11.2f} "
                          f"{r['html_mb']:>8.2f} {stable:>9}")
