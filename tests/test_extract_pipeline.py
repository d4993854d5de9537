"""End-to-end extraction with GiNZA on the hand-written fixture documents."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("ginza")

from typer import Typer
from typer.testing import CliRunner

from cli.extract import register
from graph.embedded import EmbeddedStore
from ingest.extract.evaluate import evaluate, gold_batch
from ingest.extract.pipeline import ASSERTED_BY, extract_paths, merge_fact_files, strip_private
from ingest.format import parse_fact_file, to_batch
from ingest.load import load_files
from tests.extract_pages import names_of

DOCS = Path(__file__).parent / "fixtures" / "docs"


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    # Only this folder's own documents: unseen/ has its own gold file and test.
    return {
        Path(r.path).name: r
        for r in extract_paths(sorted(p for p in DOCS.iterdir() if p.is_file() and p.suffix != ".yaml"))
    }


@pytest.fixture(scope="module")
def facts(results: dict[str, Any]) -> dict[str, Any]:
    return strip_private(merge_fact_files(r.facts for r in results.values() if r.facts))


def test_bad_document_is_skipped_and_the_rest_extracted(results: dict[str, Any]) -> None:
    assert results["broken.txt"].error and results["broken.txt"].facts is None
    assert all(results[n].facts for n in ("fukui_zhejiang.md", "webinar_sjis.html", "embassy_en.txt"))


def test_agreement_with_both_parties_date_and_sectors(facts: dict[str, Any]) -> None:
    places = names_of(facts, "place")
    (agreement,) = [e for e in facts["entities"] if e["type"] == "agreement"]
    assert agreement["kind"] == "mou"
    assert agreement["signed"] == "2020-11-18"  # the table row refines 昨年11月
    parties = {r["source"] for r in facts["relations"] if r["type"] == "party_to" and r["target"] == agreement["id"]}
    assert parties == {places["福井県"], places["浙江省"]}
    sectors = {r["target"] for r in facts["relations"] if r["type"] == "focuses_on" and r["source"] == agreement["id"]}
    assert {"sector:textiles_apparel", "sector:tourism"} <= sectors


def test_person_affiliation_role_and_no_title_innames_of(facts: dict[str, Any]) -> None:
    persons = names_of(facts, "person")
    assert {"田中一郎", "鈴木健太", "アンナ・コルホネン"} <= set(persons)
    assert not any(name.endswith(("氏", "課長", "所長")) for name in persons)
    works = [r for r in facts["relations"] if r["type"] == "works_for" and r["source"] == persons["田中一郎"]]
    assert works and "課長" in works[0]["role"]
    # the employer is the division, which sits in the department, which belongs to the prefecture
    orgs = names_of(facts, "organisation")
    assert works[0]["target"] == orgs["福井県産業労働部国際経済課"]
    part_of = {(r["source"], r["target"]) for r in facts["relations"] if r["type"] == "part_of"}
    assert (orgs["福井県産業労働部国際経済課"], orgs["福井県産業労働部"]) in part_of
    assert (orgs["福井県産業労働部"], names_of(facts, "place")["福井県"]) in part_of


def test_evidence_points_into_the_document(results: dict[str, Any]) -> None:
    doc_facts = results["fukui_zhejiang.md"].facts
    source = doc_facts["sources"][0]
    assert source["title"].startswith("福井県と浙江省")
    for rel in doc_facts["relations"]:
        (ev,) = rel["evidence"]
        assert ev["source"] == source["id"] and ev["asserted_by"] == ASSERTED_BY
        assert ev["locator"].startswith("chars ") and ev["quote"] and 0 < ev["confidence"] <= 1


def test_english_document_finds_places_and_bodies(facts: dict[str, Any], results: dict[str, Any]) -> None:
    english = results["embassy_en.txt"].facts
    names = {t for e in english["entities"] for t in e["name"].values()}
    assert {"Finland", "Tokyo", "Helsinki", "Osaka", "JETRO"} <= names
    assert "Embassy of Finland in Tokyo" in names


def test_webinar_speakers_and_organiser(facts: dict[str, Any]) -> None:
    events = names_of(facts, "event")
    event = events["日本とフィンランドの医療機器連携"]
    speakers = {r["source"] for r in facts["relations"] if r["type"] == "spoke_at" and r["target"] == event}
    persons = names_of(facts, "person")
    assert speakers == {persons["鈴木健太"], persons["アンナ・コルホネン"]}
    organisers = {r["source"] for r in facts["relations"] if r["type"] == "organised" and r["target"] == event}
    assert organisers == {names_of(facts, "organisation")["アジア医療交流協会"]}


def test_fixture_scores_against_the_gold_file(facts: dict[str, Any]) -> None:
    report = evaluate(gold_batch(DOCS / "gold.yaml"), to_batch(parse_fact_file(facts, "extracted")))
    print("\n" + report.table("fixtures"))
    assert report.total(report.entities).f1 >= 0.85
    assert report.total(report.relations).f1 >= 0.6


def _app() -> Typer:
    app = Typer()
    register(app)
    return app


def test_cli_extract_writes_a_loadable_fact_file(tmp_path: Path) -> None:
    out = tmp_path / "facts.yaml"
    result = CliRunner().invoke(_app(), ["extract", str(DOCS), "-o", str(out), "--cold"])
    assert result.exit_code == 1, result.output  # something was held back
    assert "held back" in result.output and "broken.txt" in result.output  # reported, not fatal
    assert "Traceback" not in result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["entities"] and data["relations"]
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [out])
        assert store.resolve("浙江省")


def test_cli_ingest_replaces_a_changed_documents_facts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(DOCS / "fukui_zhejiang.md", docs / "news.md")
    db = str(tmp_path / "s.sqlite")
    runner = CliRunner()
    assert runner.invoke(_app(), ["ingest", str(docs), "--store", db]).exit_code == 0
    with EmbeddedStore(db) as store:
        assert store.resolve("田中一郎")
    text = (docs / "news.md").read_text(encoding="utf-8").replace("田中一郎", "佐藤次郎")
    (docs / "news.md").write_text(text, encoding="utf-8")
    assert runner.invoke(_app(), ["ingest", str(docs), "--store", db]).exit_code == 0
    with EmbeddedStore(db) as store:
        assert store.resolve("佐藤次郎")
        assert not store.resolve("田中一郎")
        assert store.resolve("浙江省")


def test_cli_eval_prints_scores_by_type() -> None:
    result = CliRunner().invoke(_app(), ["eval", str(DOCS / "gold.yaml"), "--docs", str(DOCS)])
    assert result.exit_code == 0, result.output
    assert "entities" in result.output and "party_to" in result.output and "F1=" in result.output


@pytest.mark.slow
def test_bench_prints_both_rates() -> None:
    result = CliRunner().invoke(_app(), ["bench-extract", str(DOCS / "fukui_zhejiang.md")])
    assert result.exit_code == 0, result.output
    assert "raw GiNZA" in result.output and "kizuna-extract" in result.output
