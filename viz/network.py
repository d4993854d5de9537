"""Turn a piece of the graph into an interactive, self-contained HTML page.

pyvis builds the vis-network data; our own template (``templates/kizuna.html``)
inlines vis-network from the pyvis package, so a saved page works with no
network at all (pyvis's stock template pulls Bootstrap from a CDN).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from graph.model import Batch, Entity, Lang, Relation, Source
from graph.registry import relation_type

COLOURS = {
    "organisation": "#4e79a7",
    "person": "#f28e2b",
    "place": "#59a14f",
    "agreement": "#e15759",
    "event": "#b07aa1",
    "sector": "#9c9c9c",
}
SHAPES = {"agreement": "diamond", "event": "star", "sector": "triangle", "place": "square"}

OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 150, "avoidOverlap": 0.6},
        "stabilization": {"iterations": 250},
    },
    "interaction": {"hover": True, "navigationButtons": False},
    "edges": {"smooth": {"type": "continuous"}, "font": {"size": 10, "align": "middle"}},
    "nodes": {"font": {"size": 13}},
}


def _environment() -> Environment:
    ours = Path(str(resources.files("viz") / "templates"))
    pyvis_templates = Path(str(resources.files("pyvis") / "templates"))
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ours)), FileSystemLoader(str(pyvis_templates))]),
        autoescape=select_autoescape(["html"]),
    )


def _label(entity: Entity) -> str:
    ja, en = entity.name(Lang.JA), entity.name(Lang.EN)
    return ja if ja == en else f"{ja}\n{en}"


def _source_line(source: Source | None, source_id: str) -> str:
    if source is None:
        return f"source: {source_id}"
    when = f", {source.published}" if source.published else ""
    url = f" — {source.url}" if source.url else ""
    return f"source: {source.title}{when}{url}"


def _edge_lines(rel: Relation, names: dict[str, str], sources: dict[str, Source]) -> list[str]:
    rt = relation_type(rel.type)
    lines = [f"{names.get(rel.source, rel.source)} {rt.label_en} {names.get(rel.target, rel.target)}"]
    if rel.role:
        lines.append(f"role: {rel.role}")
    if rel.valid_from or rel.valid_to:
        lines.append(f"valid: {rel.valid_from or '…'} – {rel.valid_to or '…'}")
    lines.append(f"{'introduction tie' if rt.tie else 'context'}; confidence {rel.confidence:.2f}")
    for ev in rel.evidence:
        lines.append(_source_line(sources.get(ev.source), ev.source) + (f" ({ev.locator})" if ev.locator else ""))
    return lines


def network_html(
    batch: Batch,
    heading: str,
    focus: Collection[str] = (),
    marked_edges: Collection[str] = (),
    marked_label: str = "cross-border",
) -> str:
    """A page drawing ``batch``; ``focus`` nodes are enlarged, ``marked_edges`` drawn bold red."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    names = {r.entity.id: r.entity.name(Lang.EN) for r in batch.entities}
    sources = {s.id: s for s in batch.sources}
    for record in batch.entities:
        e = record.entity
        lines = [f"{n.text} ({n.lang.value}, {n.kind.value})" for n in e.names]
        lines.insert(0, f"{e.type.value}" + (f" · {e.kind}" if e.kind else "") + f" · {e.id}")
        for attr in ("signed", "start", "end", "iso_code", "purpose", "description"):
            value = getattr(e, attr)
            if value:
                lines.append(f"{attr}: {value}")
        lines += [_source_line(sources.get(s), s) for s in record.sources]
        net.add_node(
            e.id,
            label=_label(e),
            title=f"{e.name(Lang.JA)} / {e.name(Lang.EN)}",
            kizuna_group=e.type.value,
            color=COLOURS[e.type.value],
            shape=SHAPES.get(e.type.value, "dot"),
            size=20 if e.id in focus else 12,
            kizuna_lines=lines,
        )
    for rel in batch.relations:
        if rel.source not in names or rel.target not in names:
            continue
        rt = relation_type(rel.type)
        marked = rel.id in marked_edges
        lines = _edge_lines(rel, names, sources)
        if marked:
            lines.insert(1, marked_label)
        net.add_edge(
            rel.source,
            rel.target,
            id=rel.id,
            label=rel.type,
            title=lines[0],
            arrows="" if rt.symmetric else "to",
            dashes=not rt.tie,
            width=4 if marked else 1 + 2 * rt.strength,
            color="#d62728" if marked else ("#888888" if rt.tie else "#cccccc"),
            kizuna_title=lines[0],
            kizuna_lines=lines,
        )
    net.set_options(json.dumps(OPTIONS))
    net.heading = heading
    net.templateEnv = _environment()
    net.path = "kizuna.html"
    return str(net.generate_html())
