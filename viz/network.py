"""Turn a piece of the graph into an interactive, self-contained HTML page.

pyvis renders the page: its ``Network`` fills our own template
(``templates/kizuna.html``), which inlines vis-network from the pyvis package,
so a saved page works with no network at all (pyvis's stock template pulls
Bootstrap from a CDN in every mode). The node and edge lists are built here
directly and handed to pyvis whole: ``Network.add_node``/``add_edge`` check
every new id against every stored one, which is quadratic (20-50 s at 10,000
nodes).

Encoding (the same in every view, explained by the page's legend): colour =
country, shape = entity type, size = number of ties drawn, dash pattern and
colour of an edge = relation type; cross-border ties and introduction paths
are drawn thick on top of that. Labels are in the chosen language; tooltips
carry both names, role, dates and the titles of the source documents.

Scale: up to ``PHYSICS_LIMIT`` nodes vis-network lays the graph out itself
with tuned physics (no smooth edges, bounded stabilisation); above that the
layout is computed here (countries as discs, hubs in the middle) and physics
stays off, which renders 10,000 nodes in about a second. Views are capped at
``MAX_NODES`` nodes and ``MAX_EDGES`` edges, with a message saying what was
left out.
"""

from __future__ import annotations

import functools
import json
import math
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.model import Batch, Entity, Lang, Relation, Source
from graph.registry import RELATION_TYPES, relation_type

if TYPE_CHECKING:
    from jinja2 import Environment

MAX_NODES = 10_000
MAX_EDGES = 40_000
PHYSICS_LIMIT = 2_000  # above this many nodes the layout is computed in Python and physics stays off
SEED_LIMIT = 300  # above this many nodes physics starts from the Python layout (fewer iterations needed)

UNKNOWN_COUNTRY = "#b8b8b8"
# Tableau 10 then 8 more distinct hues; further countries get generated hues.
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    "#17becf", "#bcbd22", "#8c564b", "#1f77b4", "#2ca02c", "#9467bd", "#e377c2", "#7f7f7f", "#aec7e8",
)
SHAPES = {
    "organisation": "dot",
    "person": "triangle",
    "place": "square",
    "agreement": "diamond",
    "event": "star",
    "sector": "hexagon",
}
GLYPHS = {"dot": "●", "triangle": "▲", "square": "■", "diamond": "◆", "star": "★", "hexagon": "⬢"}
# Relation type -> (dash pattern or None for solid, colour). Families share a pattern.
EDGE_STYLES: dict[str, tuple[list[int] | None, str]] = {
    "party_to": (None, "#5b5b5b"),
    "partner_of": (None, "#1f77b4"),
    "met_with": ([8, 4, 2, 4], "#1f77b4"),
    "visited": ([8, 4, 2, 4], "#6baed6"),
    "works_for": ([10, 4], "#8c564b"),
    "part_of": ([10, 4], "#b5876b"),
    "member_of": ([10, 4], "#9467bd"),
    "established": ([10, 4], "#2ca02c"),
    "organised": ([3, 3], "#d4a017"),
    "spoke_at": ([3, 3], "#e377c2"),
    "attended": ([3, 3], "#bcbd22"),
    "located_in": ([2, 6], "#c7c7c7"),
    "focuses_on": ([2, 6], "#dadada"),
}
CROSS_BORDER = "#d62728"
PATH_COLOURS = ("#d62728", "#1f5fd6", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                "#bcbd22", "#7f7f7f")
FADED = "#e3e3e3"


LABEL_CHARS = 32  # longer names are cut on the canvas (the tooltip and panel carry them whole)


def short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def country_colours(counts: Mapping[str, int]) -> dict[str, str]:
    """A colour per country: the most frequent countries get the most distinct colours."""
    ordered = sorted(counts, key=lambda c: (-counts[c], c))
    colours: dict[str, str] = {}
    for i, country in enumerate(ordered):
        if i < len(PALETTE):
            colours[country] = PALETTE[i]
        else:  # golden-angle hues keep later countries apart from each other
            colours[country] = f"hsl({(i * 137.508) % 360:.0f}, 55%, 55%)"
    return colours


# -- layout -----------------------------------------------------------------------------


def grouped_layout(
    node_ids: Sequence[str], group: Mapping[str, str], adjacency: Mapping[str, Collection[str]], spacing: float = 28.0
) -> dict[str, tuple[float, float]]:
    """Positions for a large graph, in O(n log n): each group (country) is a
    disc, filled along a sunflower spiral in breadth-first order from its best
    connected node, so hubs sit in the middle with their neighbours around
    them; discs are packed in rows, largest first."""
    members: dict[str, list[str]] = defaultdict(list)
    for n in node_ids:
        members[group.get(n, "")].append(n)
    golden = math.pi * (3 - math.sqrt(5))
    discs: list[tuple[float, list[str]]] = []
    for ids in members.values():
        ids.sort(key=lambda n: (-len(adjacency.get(n, ())), n))
        inside = set(ids)
        order: list[str] = []
        seen: set[str] = set()
        for start in ids:
            if start in seen:
                continue
            seen.add(start)
            queue = deque([start])
            while queue:
                node = queue.popleft()
                order.append(node)
                nbrs = sorted(
                    (m for m in adjacency.get(node, ()) if m in inside and m not in seen),
                    key=lambda m: (-len(adjacency.get(m, ())), m),
                )
                seen.update(nbrs)
                queue.extend(nbrs)
        discs.append((spacing * math.sqrt(len(order) + 1) + spacing, order))
    discs.sort(key=lambda d: (-d[0], d[1][0]))
    total_area = sum((2 * r) ** 2 for r, _ in discs)
    row_width = max(math.sqrt(total_area) * 1.2, 2 * discs[0][0]) if discs else 0.0
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, order in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for i, node in enumerate(order):
            r = spacing * math.sqrt(i + 0.5)
            pos[node] = (round(cx + r * math.cos(i * golden), 1), round(cy + r * math.sin(i * golden), 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return pos


def options_for(node_count: int) -> dict[str, Any]:
    """vis-network options: tuned physics while it settles quickly, none above ``PHYSICS_LIMIT``."""
    physics = node_count <= PHYSICS_LIMIT
    iterations = 300 if node_count <= SEED_LIMIT else 100 if node_count <= 1000 else 60
    return {
        "autoResize": True,
        "layout": {"improvedLayout": 0 < node_count <= 100, "randomSeed": 7},
        "physics": {
            "enabled": physics and node_count > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.4 if node_count <= 500 else 0.0,
            },
            "minVelocity": 2.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": node_count > 1000,
            "hideEdgesOnZoom": node_count > 3000,
            "navigationButtons": False,
            "keyboard": False,
        },
        "edges": {
            "smooth": False,
            "font": {"size": 12, "align": "top", "strokeWidth": 3, "background": "rgba(255,255,255,0.85)"},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "nodes": {
            "font": {"size": 13, "face": "Noto Sans CJK JP, Hiragino Sans, sans-serif"},
            "scaling": {"min": 9, "max": 42, "label": {"enabled": True, "min": 11, "max": 22, "drawThreshold": 6}},
            "borderWidth": 1,
        },
    }


# -- the page ---------------------------------------------------------------------------------


@dataclass
class Legend:
    """What the colours, shapes and lines on a page mean (only what is drawn)."""

    countries: list[tuple[str, str, int]] = field(default_factory=list)  # (colour, name, nodes)
    shapes: list[tuple[str, str]] = field(default_factory=list)  # (glyph, entity type)
    lines: list[tuple[str, str, str, float]] = field(default_factory=list)  # (dasharray, colour, label, width)


@dataclass
class Page:
    """Everything a view page shows; ``nodes``/``edges`` are vis-network items."""

    heading: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: Legend = field(default_factory=Legend)
    messages: list[str] = field(default_factory=list)  # caps and truncation, shown in the header
    summary: list[str] = field(default_factory=list)  # side-panel text before anything is clicked
    lang: str = "en"
    links: bool = False  # side panel links to /viz/... (only where a server answers them)


@functools.cache
def templates() -> Environment:
    """The jinja2 environment of every page we render (views and the landing page); it escapes HTML values."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

    ours = Path(str(resources.files("viz") / "templates"))
    pyvis_templates = Path(str(resources.files("pyvis") / "templates"))
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ours)), FileSystemLoader(str(pyvis_templates))]),
        autoescape=select_autoescape(["html"]),
    )


def cap(page: Page, priority: Collection[str] = ()) -> Page:
    """Keep at most ``MAX_NODES`` nodes (``priority`` first, then the best
    connected) and ``MAX_EDGES`` edges, saying so on the page."""
    if len(page.nodes) > MAX_NODES:
        degree: dict[str, int] = defaultdict(int)
        for e in page.edges:
            degree[e["from"]] += 1
            degree[e["to"]] += 1
        ranked = sorted(page.nodes, key=lambda n: (n["id"] not in priority, -degree[n["id"]], n["id"]))
        kept = ranked[:MAX_NODES]
        keep = {n["id"] for n in kept}
        page.messages.append(
            f"Showing {MAX_NODES:,} of {len(page.nodes):,} entities (the cap for one page): the best connected "
            "are kept. Narrow the view (a smaller place, radius or fewer types) to see the rest."
        )
        page.nodes = kept
        page.edges = [e for e in page.edges if e["from"] in keep and e["to"] in keep]
    if len(page.edges) > MAX_EDGES:
        page.messages.append(f"Showing {MAX_EDGES:,} of {len(page.edges):,} ties (the cap for one page).")
        page.edges = sorted(page.edges, key=lambda e: -float(e.get("width", 1)))[:MAX_EDGES]
    return page


def render(page: Page, priority: Collection[str] = ()) -> str:
    """The self-contained HTML of ``page`` (capped; laid out in Python when large)."""
    cap(page, priority)
    n = len(page.nodes)
    if n > SEED_LIMIT:
        adjacency: dict[str, set[str]] = defaultdict(set)
        for e in page.edges:
            adjacency[e["from"]].add(e["to"])
            adjacency[e["to"]].add(e["from"])
        pos = grouped_layout(
            [node["id"] for node in page.nodes], {node["id"]: node.get("kz_country") or "" for node in page.nodes},
            adjacency,
        )
        for node in page.nodes:
            node["x"], node["y"] = pos[node["id"]]
    from pyvis.network import Network  # pyvis pulls in IPython: loaded only when a page is drawn

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.nodes = page.nodes  # handed over whole: add_node/add_edge are quadratic
    net.edges = page.edges
    net.options = options_for(n)
    net.heading = page.heading
    net.templateEnv = templates()
    net.path = "kizuna.html"
    template = net.templateEnv.get_template(net.path)
    html: str = template.render(
        heading=page.heading,
        nodes=net.nodes,
        edges=net.edges,
        options=json.dumps(net.options),
        bgcolor=net.bgcolor,
        legend=page.legend,
        messages=page.messages,
        summary=page.summary,
        lang=page.lang,
        links=page.links,
        physics=net.options["physics"]["enabled"],
    )
    return html


# -- entities and relations as nodes and edges --------------------------------------------------


def _source_title(source: Source | None, source_id: str) -> str:
    if source is None:
        return f"source: {source_id}"
    when = f" ({source.published})" if source.published else ""
    return f"source: {source.title}{when}"


def _dates(entity: Entity) -> str | None:
    if entity.signed:
        return f"signed {entity.signed}"
    if entity.start:
        return f"held {entity.start}" + (f" – {entity.end}" if entity.end and entity.end != entity.start else "")
    return None


@dataclass
class Marks:
    """What a view emphasises on top of the common encoding."""

    focus: Collection[str] = ()  # entities drawn with a thick border (the place, the centre, the ends)
    cross_border: Collection[str] = ()  # relation ids drawn thick red
    steps: Mapping[str, Sequence[tuple[int, int]]] = field(default_factory=dict)  # relation id -> [(path, step)]
    on_path: Collection[str] = ()  # entities on an introduction path; with ``steps`` the rest is faded
    members: Collection[str] = ()  # region members (the rest is drawn as the other ends of ties)


def batch_page(
    batch: Batch,
    heading: str,
    *,
    lang: Lang | str = Lang.EN,
    country_of: Mapping[str, str | None] | None = None,
    country_names: Mapping[str, str] | None = None,
    marks: Marks | None = None,
    links: bool = False,
) -> Page:
    """A page of the entities and relations of ``batch`` in the common encoding.

    ``country_of`` gives each entity's country id (colour); ``country_names``
    the display name of each country id (legend and tooltips).
    """
    lang = Lang(lang)
    marks = marks or Marks()
    country_of = country_of or {}
    country_names = country_names or {}
    sources = {s.id: s for s in batch.sources}
    entities = {r.entity.id: r for r in batch.entities}
    relations = [r for r in batch.relations if r.source in entities and r.target in entities]
    degree: dict[str, int] = defaultdict(int)
    for rel in relations:
        degree[rel.source] += 1
        degree[rel.target] += 1
    counts: dict[str, int] = defaultdict(int)
    for eid in entities:
        country = country_of.get(eid)
        if country:
            counts[country] += 1
    colours = country_colours(counts)
    fade = bool(marks.steps)
    nodes: list[dict[str, Any]] = []
    for record in batch.entities:
        e = record.entity
        ja, en = e.name(Lang.JA), e.name(Lang.EN)
        country = country_of.get(e.id)
        lines = [ja if ja == en else f"{ja} / {en}", e.type.value + (f" · {e.kind}" if e.kind else "")]
        if country:
            lines.append(f"country: {country_names.get(country, country)}")
        dates = _dates(e)
        if dates:
            lines.append(dates)
        lines.append(f"{degree[e.id]} ties drawn · {e.id}")
        lines += [_source_title(sources.get(s), s) for s in record.sources[:5]]
        if len(record.sources) > 5:
            lines.append(f"… and {len(record.sources) - 5} more sources")
        colour = colours.get(country, UNKNOWN_COUNTRY) if country else UNKNOWN_COUNTRY
        faded = fade and e.id not in marks.on_path
        node: dict[str, Any] = {
            "id": e.id,
            "label": short(e.name(lang)),
            "title": "\n".join(lines),
            "shape": SHAPES.get(e.type.value, "dot"),
            "color": FADED if faded else colour,
            "value": degree[e.id] + 1,
            "kz_type": e.type.value,
            "kz_country": country,
        }
        if e.id in marks.focus:
            node["borderWidth"] = 4
            fill = {"background": node["color"], "border": "#111111"}
            node["color"] = {**fill, "highlight": fill, "hover": fill}
            node["font"] = {"size": 18, "strokeWidth": 3}
        elif faded:
            node["font"] = {"color": "#aaaaaa"}
        nodes.append(node)
    names = {i: r.entity.name(lang) for i, r in entities.items()}
    edges = [_edge(rel, names, sources, marks, fade) for rel in relations]
    legend = Legend(
        countries=[
            (colours[c], country_names.get(c, c), counts[c]) for c in sorted(counts, key=lambda c: (-counts[c], c))
        ]
        + ([(UNKNOWN_COUNTRY, "no country / not a place-bound entity", len(entities) - sum(counts.values()))]
           if len(entities) > sum(counts.values()) else []),
        shapes=[(GLYPHS[SHAPES[t]], t) for t in SHAPES if any(r.entity.type.value == t for r in batch.entities)],
        lines=_line_legend({r.type for r in relations}, cross=bool(marks.cross_border), paths=marks.steps),
    )
    return Page(heading=heading, nodes=nodes, edges=edges, legend=legend, lang=lang.value, links=links)


def _edge(
    rel: Relation, names: Mapping[str, str], sources: Mapping[str, Source], marks: Marks, fade: bool
) -> dict[str, Any]:
    rt = relation_type(rel.type)
    dashes, colour = EDGE_STYLES.get(rel.type, (None, "#888888"))
    lines = [f"{names.get(rel.source, rel.source)} {rt.label_en} {names.get(rel.target, rel.target)} ({rel.type})"]
    if rel.role:
        lines.append(f"role: {rel.role}")
    if rel.valid_from or rel.valid_to:
        lines.append(f"dates: {rel.valid_from or '…'} – {rel.valid_to or '…'}")
    lines.append(f"{'introduction tie' if rt.tie else 'context'} · confidence {rel.confidence:.2f}")
    seen: set[str] = set()
    for ev in rel.evidence:
        if ev.source not in seen:
            seen.add(ev.source)
            lines.append(_source_title(sources.get(ev.source), ev.source))
    width = 1.0 + 2.0 * rt.strength if rt.tie else 1.0
    edge: dict[str, Any] = {
        "id": rel.id,
        "from": rel.source,
        "to": rel.target,
        "kz_type": rel.type,
    }
    if not rt.symmetric:
        edge["arrows"] = "to"
    if dashes:
        edge["dashes"] = dashes
    steps = marks.steps.get(rel.id)
    if steps:
        colour = PATH_COLOURS[(min(p for p, _ in steps) - 1) % len(PATH_COLOURS)]
        width = 5.0
        edge["label"] = " · ".join(f"{p}.{s}" for p, s in steps)
        lines.insert(0, "; ".join(f"path {p}, step {s}" for p, s in steps))
        edge["font"] = {"color": colour, "size": 15}
    elif rel.id in marks.cross_border:
        colour, width = CROSS_BORDER, 4.0
        lines.insert(1, "cross-border tie")
        edge["kz_cross"] = True
    elif fade:
        colour = FADED
    edge["title"] = "\n".join(lines)
    edge["width"] = width
    edge["color"] = colour  # a plain colour also sets highlight and hover, and stops inheriting
    return edge


def _line_legend(
    types: Iterable[str], cross: bool = False, paths: Mapping[str, Sequence[tuple[int, int]]] | None = None
) -> list[tuple[str, str, str, float]]:
    items = []
    for name in RELATION_TYPES:
        if name in set(types):
            dashes, colour = EDGE_STYLES.get(name, (None, "#888888"))
            items.append((" ".join(map(str, dashes or [])), colour, name, 2.0))
    if cross:
        items.append(("", CROSS_BORDER, "cross-border tie", 4.0))
    ranks = sorted({p for steps in (paths or {}).values() for p, _ in steps})
    for rank in ranks:
        what = f"path {rank}" + (" = the best path" if rank == 1 else "")
        items.append(("", PATH_COLOURS[(rank - 1) % len(PATH_COLOURS)], what, 5.0))
    if ranks:
        items.append(("", "#ffffff", "labels: path.step", 0.0))
    return items


def network_html(batch: Batch, heading: str, **kwargs: Any) -> str:
    """A page drawing ``batch`` (keyword arguments as for ``batch_page``)."""
    page = batch_page(batch, heading, **kwargs)
    marks: Marks | None = kwargs.get("marks")
    return render(page, priority=marks.focus if marks else ())
