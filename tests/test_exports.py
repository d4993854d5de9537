"""Exports open in networkx (GraphML, GEXF) or a CSV reader with the counts and attributes
of the query they came from."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.app import app
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries.paths import introduction_paths
from queries.region import region_network
from tests.api_support import settings_for


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


def region_counts(seed_file: Path, place: str) -> tuple[set[str], set[str]]:
    with EmbeddedStore(seed_file) as store:
        result = region_network(store, place)
    nodes = {result.place.id} | {m.entity.id for m in result.members}
    edges: set[str] = set()
    for tie in result.ties:
        nodes |= {tie.member.id, tie.other.id} | ({tie.via.id} if tie.via else set())
        edges |= set(tie.relations)
    return nodes, edges


def read(path: Path, fmt: str) -> nx.MultiDiGraph:
    return nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_region_export_round_trips(seed_file: Path, tmp_path: Path, fmt: str) -> None:
    nodes, edges = region_counts(seed_file, "place:japan")
    out = tmp_path / f"japan.{fmt}"
    result = CliRunner().invoke(app, ["export", "--store", str(seed_file), "-o", str(out), "--region", "日本"])
    assert result.exit_code == 0, result.output
    graph = read(out, fmt)
    assert graph.number_of_nodes() == len(nodes) and graph.number_of_edges() == len(edges)
    assert set(graph.nodes) == nodes
    edge_ids = {d.get("id") for *_, d in graph.edges(data=True)}
    assert edge_ids == edges
    japan = graph.nodes["place:japan"]
    assert japan["name_ja"] == "日本" and japan["name_en"] == "Japan" and japan["type"] == "place"
    mou = next(d for u, v, d in graph.edges(data=True)
               if u == "place:kanagawa" and v == "agreement:kanagawa-liaoning-mou-2018")
    assert mou["relation"] == "party_to" and float(mou["strength"]) == 1.0 and mou["valid_from"] == "2018-05-08"
    assert "遼寧省（中国） (2020)" in mou["sources"]
    assert graph.nodes["org:fbri"]["country"] == "place:japan"


def test_region_export_as_csv_tables(seed_file: Path, tmp_path: Path) -> None:
    nodes, edges = region_counts(seed_file, "place:liaoning")
    out = tmp_path / "liaoning.csv"
    result = CliRunner().invoke(app, ["export", "--store", str(seed_file), "-o", str(out), "--region", "遼寧省",
                                      "--lang", "ja"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "liaoning.nodes.csv").open(encoding="utf-8-sig") as f:
        node_rows = list(csv.DictReader(f))
    with (tmp_path / "liaoning.edges.csv").open(encoding="utf-8-sig") as f:
        edge_rows = list(csv.DictReader(f))
    assert {r["id"] for r in node_rows} == nodes and {r["id"] for r in edge_rows} == edges
    dalian = next(r for r in node_rows if r["id"] == "place:dalian")
    assert dalian["label"] == "大連市" and dalian["country_name"] == "中国"


def test_path_export_from_the_api(seed_file: Path) -> None:
    with EmbeddedStore(seed_file) as store:
        result = introduction_paths(store, "三重県", "org:fbri")
    nodes = {n.id for p in result.paths for n in p.nodes}
    steps = {r.id: f"{p.rank}.{i}" for p in result.paths for i, s in enumerate(p.steps, 1) for r in s.relations}
    with TestClient(create_app(settings_for(seed_file))) as client:
        response = client.get("/exports/path", params={"from": "三重県", "to": "org:fbri", "format": "gexf"})
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/gexf+xml")
        assert "attachment" in response.headers["content-disposition"]
        graph = nx.read_gexf(io.BytesIO(response.content))
        assert set(graph.nodes) == nodes and graph.number_of_edges() == len(steps)
        for *_, data in graph.edges(data=True):
            assert steps[data["id"]] in data["steps"].split()
        zipped = client.get("/exports/region/遼寧省", params={"format": "csv"})
        assert zipped.status_code == 200
        with zipfile.ZipFile(io.BytesIO(zipped.content)) as z:
            rows = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8-sig"))))
        assert {r["id"] for r in rows} == region_counts(seed_file, "place:liaoning")[0]
        assert client.get("/exports/region/Basqu").status_code == 404
        assert client.get("/exports/region/遼寧省", params={"format": "pdf"}).status_code == 422


def test_whole_store_export(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.graphml"
    result = CliRunner().invoke(app, ["export", "--store", str(seed_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    with EmbeddedStore(seed_file) as store:
        stats = store.stats()
    assert graph.number_of_nodes() == stats.entity_total and graph.number_of_edges() == stats.relation_total
    facts = CliRunner().invoke(app, ["export", "--store", str(seed_file), "-o", str(tmp_path / "f.yaml"),
                                     "--region", "日本"])
    assert facts.exit_code != 0 and "--format" in facts.output
