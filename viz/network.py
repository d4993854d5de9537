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
import unicodedata
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.model import Batch, Entity, Lang, Relation, Source
from graph.registry import RELATION_TYPES, relation_type
from viz.limits import MAX_NODES as MAX_NODES
from viz.messages import relation_name, script_messages, text, type_name

if TYPE_CHECKING:
    from jinja2 import Environment

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


LABEL_CHARS = 28  # longer names are shortened on the canvas (the tooltip and panel carry them whole)
EVENT_LABEL_CHARS = 18  # agreements and events have long titles and sit between their parties
GROUP_MIN_NODES = 40  # region and neighbourhood views above this size are drawn as groups of communities


def _width(text: str) -> int:
    """Display width: CJK characters count twice (a 28-wide label is 14 kanji)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(name: str, head: int, tail: int) -> str:
    def take(chars: str, width: int) -> str:
        out, used = "", 0
        for c in chars:
            used += _width(c)
            if used > width:
                break
            out += c
        return out

    start = take(name, head).rstrip()
    end = take(name[::-1], tail)[::-1].lstrip() if tail else ""
    return f"{start}…{end}"


def short(name: str, limit: int = LABEL_CHARS) -> str:
    """``name`` cut to ``limit`` display columns, keeping its start."""
    return name if _width(name) <= limit else _cut(name, limit - 1, 0)


def short_labels(names: Mapping[str, str], limits: Mapping[str, int] | None = None) -> dict[str, str]:
    """Shortened labels that stay distinct: where two names would shorten to the
    same text, both keep their end too ("Kanagawa Healthcare…Shanghai")."""
    limits = limits or {}
    labels = {i: short(n, limits.get(i, LABEL_CHARS)) for i, n in names.items()}
    by_label: dict[str, list[str]] = defaultdict(list)
    for i, label in labels.items():
        by_label[label].append(i)
    for ids in by_label.values():
        if len(ids) < 2 or len({names[i] for i in ids}) < 2:
            continue
        for i in ids:
            limit = max(limits.get(i, LABEL_CHARS), LABEL_CHARS)
            name = names[i]
            labels[i] = name if _width(name) <= limit else _cut(name, limit // 2, limit // 2)
    return labels


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
                "springLength": 150 if node_count <= 60 else 110,
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
            # Gently curved edges keep labels and crossing lines apart; straight ones are cheaper when large.
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2} if node_count <= 1000 else False,
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
    groups: list[dict[str, Any]] = field(default_factory=list)  # communities drawn as one node until opened


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
        page.messages.append(text(page.lang, "msg.nodes_cap", shown=f"{MAX_NODES:,}", total=f"{len(page.nodes):,}"))
        page.nodes = kept
        page.edges = [e for e in page.edges if e["from"] in keep and e["to"] in keep]
    if len(page.edges) > MAX_EDGES:
        page.messages.append(text(page.lang, "msg.edges_cap", shown=f"{MAX_EDGES:,}", total=f"{len(page.edges):,}"))
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
        words={k: text(page.lang, k) for k in WORDS},
        script_words=script_messages(page.lang),
        groups=page.groups,
        messages=page.messages,
        summary=page.summary,
        lang=page.lang,
        links=page.links,
        physics=net.options["physics"]["enabled"],
    )
    return html


WORDS = ("legend.colour", "legend.shape", "legend.size", "legend.line", "panel.hint")


def group_communities(page: Page, keep_open: Collection[str], colours: Mapping[str, str] | None = None) -> None:
    """Draw a large page as communities: networkx's Louvain method (seeded, so a
    page is always grouped the same way) over the drawn ties; each community of
    three or more that holds none of ``keep_open`` becomes one node, labelled by
    its best connected member, until it is clicked open (``keep_open`` entities stay outside)."""
    if len(page.nodes) <= GROUP_MIN_NODES:
        return
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n["id"] for n in page.nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in page.edges if e["from"] != e["to"])
    by_id = {n["id"]: n for n in page.nodes}
    communities = nx.community.louvain_communities(graph, seed=7, resolution=1.0)
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    for number, community in enumerate(ordered, 1):
        members = [i for i in community if i not in keep_open]  # the focus stays drawn on its own
        if len(members) < 3:
            continue
        members.sort(key=lambda i: (-graph.degree(i), i))
        countries: dict[str, int] = defaultdict(int)
        for i in members:
            countries[by_id[i].get("kz_country_name") or text(page.lang, "panel.no_country")] += 1
        main = max(countries, key=lambda c: (countries[c], c))
        head = by_id[members[0]]
        group_id = f"group:{number}"
        for i in members:
            by_id[i]["kz_group"] = group_id
        names = [by_id[i].get("kz_name", i) for i in members]
        title = "\n".join([text(page.lang, "tip.group", count=len(members), country=main),
                           *(f"· {n}" for n in names[:12])] + ([f"… +{len(names) - 12}"] if len(names) > 12 else []))
        page.groups.append({
            "id": group_id,
            "label": f"{head['label']} +{len(members) - 1}",
            "title": title,
            "color": head["color"] if isinstance(head["color"], str) else head["color"].get("background", "#999"),
            "count": len(members),
            "members": names,
        })
    if page.groups:
        grouped = sum(g["count"] for g in page.groups)
        page.messages.append(text(page.lang, "msg.grouped", count=grouped, groups=len(page.groups)))


# -- entities and relations as nodes and edges --------------------------------------------------


def _source_title(source: Source | None, source_id: str, lang: Lang | str = Lang.EN) -> str:
    if source is None:
        return text(lang, "tip.source", title=source_id)
    if source.published:
        return text(lang, "tip.source_dated", title=source.title, date=source.published)
    return text(lang, "tip.source", title=source.title)


def _dates(entity: Entity, lang: Lang | str = Lang.EN) -> str | None:
    if entity.signed:
        return text(lang, "tip.signed", date=entity.signed)
    if entity.start:
        span = f"{entity.start}" + (f" – {entity.end}" if entity.end and entity.end != entity.start else "")
        return text(lang, "tip.held", dates=span)
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
    full = {r.entity.id: r.entity.name(lang) for r in batch.entities}
    labels = short_labels(full, {
        r.entity.id: EVENT_LABEL_CHARS for r in batch.entities if r.entity.type.value in ("agreement", "event")
    })
    nodes: list[dict[str, Any]] = []
    for record in batch.entities:
        e = record.entity
        ja, en = e.name(Lang.JA), e.name(Lang.EN)
        country = country_of.get(e.id)
        kind = type_name(lang, e.type.value) + (f" · {e.kind}" if e.kind else "")
        lines = [ja if ja == en else f"{ja} / {en}", kind]
        if country:
            lines.append(text(lang, "tip.country", name=country_names.get(country, country)))
        dates = _dates(e, lang)
        if dates:
            lines.append(dates)
        lines.append(text(lang, "tip.ties_drawn", count=degree[e.id], id=e.id))
        lines += [_source_title(sources.get(s), s, lang) for s in record.sources[:5]]
        if len(record.sources) > 5:
            lines.append(text(lang, "tip.more_sources", count=len(record.sources) - 5))
        colour = colours.get(country, UNKNOWN_COUNTRY) if country else UNKNOWN_COUNTRY
        faded = fade and e.id not in marks.on_path
        node: dict[str, Any] = {
            "id": e.id,
            "label": labels[e.id],
            "title": "\n".join(lines),
            "shape": SHAPES.get(e.type.value, "dot"),
            "color": FADED if faded else colour,
            "value": degree[e.id] + 1,
            "kz_type": e.type.value,
            "kz_country": country,
            "kz_name": full[e.id],
            "kz_country_name": country_names.get(country, country) if country else None,
        }
        if e.type.value in ("agreement", "event"):
            node["font"] = {"size": 11}
        if e.id in marks.focus:
            node["borderWidth"] = 4
            fill = {"background": node["color"], "border": "#111111"}
            node["color"] = {**fill, "highlight": fill, "hover": fill}
            node["font"] = {"size": 18, "strokeWidth": 3}
        elif faded:
            node["font"] = {**node.get("font", {}), "color": "#aaaaaa"}
        nodes.append(node)
    names = {i: r.entity.name(lang) for i, r in entities.items()}
    edges = [_edge(rel, names, sources, marks, fade, lang) for rel in relations]
    _separate_parallel(edges)
    legend = Legend(
        countries=[
            (colours[c], country_names.get(c, c), counts[c]) for c in sorted(counts, key=lambda c: (-counts[c], c))
        ]
        + ([(UNKNOWN_COUNTRY, text(lang, "legend.no_country"), len(entities) - sum(counts.values()))]
           if len(entities) > sum(counts.values()) else []),
        shapes=[(GLYPHS[SHAPES[t]], type_name(lang, t)) for t in SHAPES
                if any(r.entity.type.value == t for r in batch.entities)],
        lines=_line_legend({r.type for r in relations}, cross=bool(marks.cross_border), paths=marks.steps, lang=lang),
    )
    return Page(heading=heading, nodes=nodes, edges=edges, legend=legend, lang=lang.value, links=links)


def _separate_parallel(edges: list[dict[str, Any]]) -> None:
    """Bend each further edge between the same two entities a little more, so none hides another."""
    seen: dict[frozenset[str], int] = defaultdict(int)
    for edge in edges:
        pair = frozenset((edge["from"], edge["to"]))
        n = seen[pair]
        seen[pair] += 1
        if n:
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if n % 2 else "curvedCCW",
                              "roundness": 0.2 + 0.15 * ((n + 1) // 2)}


def _edge(
    rel: Relation, names: Mapping[str, str], sources: Mapping[str, Source], marks: Marks, fade: bool,
    lang: Lang | str = Lang.EN,
) -> dict[str, Any]:
    rt = relation_type(rel.type)
    dashes, colour = EDGE_STYLES.get(rel.type, (None, "#888888"))
    a, b = names.get(rel.source, rel.source), names.get(rel.target, rel.target)
    lines = [f"{a}は{b}{rt.label_ja}" if Lang(lang) is Lang.JA else f"{a} {rt.label_en} {b}"]
    if rel.role:
        lines.append(text(lang, "tip.role", role=rel.role))
    if rel.valid_from or rel.valid_to:
        lines.append(text(lang, "tip.dates", start=rel.valid_from or "…", end=rel.valid_to or "…"))
    lines.append(text(lang, "tip.tie" if rt.tie else "tip.context", confidence=f"{rel.confidence:.2f}"))
    seen: set[str] = set()
    for ev in rel.evidence:
        if ev.source not in seen:
            seen.add(ev.source)
            lines.append(_source_title(sources.get(ev.source), ev.source, lang))
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
        lines.insert(0, "; ".join(text(lang, "tip.step", rank=p, step=s) for p, s in steps))
        edge["font"] = {"color": colour, "size": 15}
    elif rel.id in marks.cross_border:
        colour, width = CROSS_BORDER, 4.0
        lines.insert(1, text(lang, "legend.cross"))
        edge["kz_cross"] = True
    elif fade:
        colour = FADED
    edge["title"] = "\n".join(lines)
    edge["width"] = width
    edge["color"] = colour  # a plain colour also sets highlight and hover, and stops inheriting
    return edge


def _line_legend(
    types: Iterable[str], cross: bool = False, paths: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    lang: Lang | str = Lang.EN,
) -> list[tuple[str, str, str, float]]:
    items = []
    for name in RELATION_TYPES:
        if name in set(types):
            dashes, colour = EDGE_STYLES.get(name, (None, "#888888"))
            items.append((" ".join(map(str, dashes or [])), colour, relation_name(lang, name), 2.0))
    if cross:
        items.append(("", CROSS_BORDER, text(lang, "legend.cross"), 4.0))
    ranks = sorted({p for steps in (paths or {}).values() for p, _ in steps})
    for rank in ranks:
        what = text(lang, "legend.best_path") if rank == 1 else text(lang, "legend.path", rank=rank)
        items.append(("", PATH_COLOURS[(rank - 1) % len(PATH_COLOURS)], what, 5.0))
    if ranks:
        items.append(("", "#ffffff", text(lang, "legend.step_labels"), 0.0))
    return items


def network_html(batch: Batch, heading: str, **kwargs: Any) -> str:
    """A page drawing ``batch`` (keyword arguments as for ``batch_page``)."""
    page = batch_page(batch, heading, **kwargs)
    marks: Marks | None = kwargs.get("marks")
    return render(page, priority=marks.focus if marks else ())
