"""Graphs for the tools network people already use: GraphML (Cytoscape, yEd, Gephi), GEXF
(Gephi) and CSV node and edge tables (spreadsheets, Kumu).

A query result (a region network, introduction paths) or the whole store becomes
a networkx ``MultiDiGraph`` holding the entities the result names and the relations
it names, with the full records read from the store: names in both languages,
type, kind, country, dates, the tie strength and the titles and dates of the
sources. networkx writes GraphML and GEXF; the CSV tables carry the same columns.
An edge's relation type is in ``relation`` (GEXF reserves an edge's ``type`` for
directed/undirected).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import networkx as nx

from graph.model import Batch, Lang, Source
from graph.registry import relation_type
from graph.store import Store
from queries.geo import Geography
from queries.paths import introduction_paths
from queries.region import region_network
from queries.view import view_of

Format = Literal["graphml", "gexf", "csv"]
FORMATS: tuple[Format, ...] = ("graphml", "gexf", "csv")
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "csv": "application/zip"}
NODE_COLUMNS = ("id", "label", "name_ja", "name_en", "type", "kind", "country", "country_name", "signed", "start",
                "end", "url", "sources")
EDGE_COLUMNS = ("id", "source", "target", "relation", "label", "role", "valid_from", "valid_to", "tie", "strength",
                "confidence", "sources", "source_ids")


def _sources_text(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """``title (date) | title …`` for the sources, in id order."""
    out = []
    for sid in sorted(set(ids)):
        s = sources.get(sid)
        out.append(sid if s is None else s.title + (f" ({s.published})" if s.published else ""))
    return " | ".join(out)


def to_graph(store: Store, entity_ids: Iterable[str], relation_ids: Iterable[str], *, lang: Lang | str = Lang.EN,
             name: str = "kizuna") -> nx.MultiDiGraph:
    """The entities and relations named (both read whole from the store) as a graph.

    Attributes are plain strings and numbers (what GraphML and GEXF hold);
    missing values are left out rather than written empty.
    """
    lang = Lang(lang)
    records = store.get_entities(sorted(set(entity_ids)))
    relations = store.get_relations(sorted(set(relation_ids)))
    cited = {s for r in relations.values() for s in r.sources} | {s for rec in records.values() for s in rec.sources}
    sources = {s.id: s for s in store.get_sources(sorted(cited))}
    geo = Geography.of(view_of(store))
    countries = {i: geo.country(i) for i in records}
    country_names = {i: r.entity.name(lang) for i, r in store.get_entities(
        sorted({c for c in countries.values() if c})).items()}
    graph = nx.MultiDiGraph(name=name)
    for eid, record in records.items():
        e = record.entity
        country = countries.get(eid)
        attrs: dict[str, Any] = {
            "label": e.name(lang), "name_ja": e.name(Lang.JA), "name_en": e.name(Lang.EN), "type": e.type.value,
            "kind": e.kind, "country": country, "country_name": country_names.get(country) if country else None,
            "signed": str(e.signed) if e.signed else None, "start": str(e.start) if e.start else None,
            "end": str(e.end) if e.end else None, "url": e.url, "sources": _sources_text(record.sources, sources),
        }
        graph.add_node(eid, **{k: v for k, v in attrs.items() if v not in (None, "")})
    for rid, rel in relations.items():
        if rel.source not in records or rel.target not in records:
            continue
        rt = relation_type(rel.type)
        attrs = {
            "id": rid, "relation": rel.type, "role": rel.role,
            "label": rt.label_ja.lstrip("のとにをで") if lang is Lang.JA else rt.label_en,
            "valid_from": str(rel.valid_from) if rel.valid_from else None,
            "valid_to": str(rel.valid_to) if rel.valid_to else None,
            "tie": rt.tie, "strength": round(rt.strength * rel.confidence, 4), "confidence": rel.confidence,
            "sources": _sources_text(rel.sources, sources), "source_ids": " ".join(sorted(set(rel.sources))),
        }
        graph.add_edge(rel.source, rel.target, key=rid, **{k: v for k, v in attrs.items() if v not in (None, "")})
    return graph


def region_graph(store: Store, place: str, *, lang: Lang | str = Lang.EN, **options: Any) -> nx.MultiDiGraph:
    """A region network as a graph: the place, its members, every other end and meeting point of
    their ties, and the relations behind the ties."""
    result = region_network(store, place, **options)
    ids = {result.place.id} | {m.entity.id for m in result.members}
    rels: set[str] = set()
    for tie in result.ties:
        ids |= {tie.member.id, tie.other.id} | ({tie.via.id} if tie.via else set())
        rels |= set(tie.relations)
    return to_graph(store, ids, rels, lang=lang, name=f"region {result.place.id}")


def path_graph(store: Store, source: str, target: str, *, lang: Lang | str = Lang.EN,
               **options: Any) -> nx.MultiDiGraph:
    """Introduction paths as a graph: every entity on a path and the relations of every step
    (each edge also says on which path and step it lies)."""
    result = introduction_paths(store, source, target, **options)
    ids = {result.source.id, result.target.id}
    steps: dict[str, list[str]] = {}
    for path in result.paths:
        ids |= {n.id for n in path.nodes}
        for number, step in enumerate(path.steps, 1):
            for rel in step.relations:
                steps.setdefault(rel.id, []).append(f"{path.rank}.{number}")
    graph = to_graph(store, ids, steps, lang=lang, name=f"paths {result.source.id} -> {result.target.id}")
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["steps"] = " ".join(steps[key])
    return graph


def store_graph(store: Store, *, lang: Lang | str = Lang.EN) -> nx.MultiDiGraph:
    """The whole store as a graph."""
    batch: Batch = store.export()
    return to_graph(store, (r.entity.id for r in batch.entities), (r.id for r in batch.relations), lang=lang,
                    name="kizuna")


def tables(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """The node table and the edge table as CSV text."""
    node_columns = list(NODE_COLUMNS)
    edge_columns = list(EDGE_COLUMNS) + (["steps"] if any("steps" in d for *_, d in graph.edges(data=True)) else [])
    nodes, edges = io.StringIO(), io.StringIO()
    writer = csv.DictWriter(nodes, node_columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for node, data in graph.nodes(data=True):
        writer.writerow({"id": node, **data})
    writer = csv.DictWriter(edges, edge_columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for source, target, data in graph.edges(data=True):
        writer.writerow({**data, "source": source, "target": target})
    return nodes.getvalue(), edges.getvalue()


def serialise(graph: nx.MultiDiGraph, fmt: Format) -> bytes:
    """``graph`` as a GraphML or GEXF document, or (csv) a ZIP of nodes.csv and edges.csv."""
    if fmt == "csv":
        nodes, edges = tables(graph)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("nodes.csv", "\ufeff" + nodes)  # the BOM lets spreadsheet programs read UTF-8
            z.writestr("edges.csv", "\ufeff" + edges)
        return out.getvalue()
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return buffer.getvalue()
