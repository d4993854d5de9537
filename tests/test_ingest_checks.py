"""Every extracted fact is stored or reported: document, character span, reason; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.embedded import EmbeddedStore
from ingest.extract.checks import check_facts
from ingest.format import parse_fact_file, to_batch
from ingest.load import ensure_vocabulary, load_files

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
SOURCE = {"id": "doc:x", "title": "X"}


def _entity(ident: str, type_: str, kind: str | None, ja: str, span: tuple[int, int], **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"id": ident, "type": type_, "name": {"ja": ja}, "sources": ["doc:x"],
                              "_span": list(span), "_confidence": 0.9, **extra}
    if kind:
        record["kind"] = kind
    return record


def _relation(type_: str, source: str, target: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"type": type_, "source": source, "target": target,
            "evidence": [{"source": "doc:x", "locator": f"chars {span[0]}-{span[1]}", "confidence": 0.9}]}


def test_each_bad_fact_is_reported_with_its_span_and_the_rest_is_kept(tmp_path: Path) -> None:
    facts = {
        "kizuna": 1,
        "sources": [SOURCE],
        "entities": [
            _entity("place:a", "place", "region", "甲県", (0, 2)),
            _entity("org:b", "organisation", "company", "乙社", (5, 7)),
            _entity("org:b", "organisation", "company", "乙株式会社", (30, 35)),  # the same id again
            _entity("event:c", "event", "meeting", "丙会議", (10, 13), start="2019-04", end="2019-03"),
        ],
        "relations": [
            _relation("located_in", "org:b", "place:a", (0, 9)),
            _relation("organised", "org:b", "event:c", (10, 20)),  # the event was left out
            _relation("located_in", "org:b", "place:nowhere", (21, 25)),  # unknown endpoint
            _relation("party_to", "place:a", "org:b", (26, 29)),  # an organisation is no agreement
        ],
    }
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        ensure_vocabulary(store)
        clean, problems = check_facts(facts, "doc.txt", store)
        found = {(p.record, p.start, p.end): p.reason for p in problems}
        assert "ends (2019-03) before it starts (2019-04)" in found[("entity event:c", 10, 13)]
        assert "twice" in found[("entity org:b", 30, 35)]
        assert "event:c" in found[("relation organised org:b -> event:c", 10, 20)]
        assert "unknown endpoint 'place:nowhere'" in found[("relation located_in org:b -> place:nowhere", 21, 25)]
        assert ("relation party_to place:a -> org:b", 26, 29) in found
        assert len(problems) == 5 and all(p.document == "doc.txt" for p in problems)
        assert [e["id"] for e in clean["entities"]] == ["place:a", "org:b"]
        assert [(r["source"], r["target"]) for r in clean["relations"]] == [("org:b", "place:a")]
        store.write(to_batch(parse_fact_file(_public(clean), "doc.txt"), "doc.txt"))  # what is kept stores
        assert store.get_entity("org:b") is not None


def test_a_stored_record_the_new_fact_contradicts_is_reported(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        store.write(to_batch(parse_fact_file({"kizuna": 1, "sources": [SOURCE], "entities": [
            {"id": "event:c", "type": "event", "kind": "meeting", "name": {"ja": "丙会議"}, "start": "2017",
             "end": "2017", "sources": ["doc:x"]}]}, "t"), "t"))
        facts = {"kizuna": 1, "sources": [SOURCE],
                 "entities": [_entity("event:c", "event", "meeting", "丙会議", (3, 6), start="2018-05-31")],
                 "relations": []}
        _clean, (problem,) = check_facts(facts, "doc.txt", store)
        assert (problem.start, problem.end) == (3, 6)
        assert "ends (2017) before it starts (2018-05-31)" in problem.reason


def test_partial_end_dates_merge_with_exact_starts(tmp_path: Path) -> None:
    """The stored event says 2018; a document gives its day: that is no contradiction."""
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        store.write(to_batch(parse_fact_file({"kizuna": 1, "sources": [SOURCE], "entities": [
            {"id": "event:c", "type": "event", "kind": "meeting", "name": {"ja": "丙会議"}, "start": "2018",
             "end": "2018", "sources": ["doc:x"]}]}, "t"), "t"))
        facts = {"kizuna": 1, "sources": [SOURCE],
                 "entities": [_entity("event:c", "event", "meeting", "丙会議", (3, 6), start="2018-05-31")],
                 "relations": []}
        clean, problems = check_facts(facts, "doc.txt", store)
        assert problems == [] and len(clean["entities"]) == 1


def _public(facts: dict[str, Any]) -> dict[str, Any]:
    return {**facts, "entities": [{k: v for k, v in e.items() if not k.startswith("_")} for e in facts["entities"]]}


# -- through the command line and the API, on a real document ------------------------

CONFLICT = """kizuna: 1
sources: [{id: cur, title: Curated}]
entities:
  - id: event:jetro-liaoning-seminar-2018
    type: event
    kind: meeting
    name: {ja: 遼寧省の最新ビジネス情報セミナー}
    end: 2017
    sources: [cur]
"""


def _doc004() -> Path:
    found = sorted(SEEDS.glob("004_*.txt"))
    if not found:
        pytest.skip(f"seed documents not found at {SEEDS}")
    pytest.importorskip("ja_ginza")
    return found[0]


def _conflicting_store(tmp_path: Path) -> Path:
    facts = tmp_path / "conflict.yaml"
    facts.write_text(CONFLICT, encoding="utf-8")
    db = tmp_path / "s.sqlite"
    with EmbeddedStore(db) as store:
        load_files(store, [facts])
    return db


@pytest.mark.slow
def test_cli_ingest_reports_a_contradicted_fact_and_loads_the_rest(tmp_path: Path) -> None:
    from cli.app import app

    doc = _doc004()
    db = _conflicting_store(tmp_path)
    result = CliRunner().invoke(app, ["ingest", str(doc), "--store", str(db), "--json"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (report,) = json.loads(result.stdout)
    assert report["loaded"] is True and report["relations"] > 0
    (problem,) = report["problems"]
    assert problem["record"] == "entity event:jetro-liaoning-seminar-2018"
    assert "before it starts" in problem["reason"] and problem["document"] == str(doc)
    from ingest.extract.documents import read_document

    assert "セミナー" in read_document(doc).text[problem["start"]:problem["end"]]  # the span names the seminar
    with EmbeddedStore(db) as store:
        event = store.get_entity("event:jetro-liaoning-seminar-2018")
        assert event is not None and event.entity.end == "2017" and event.entity.start is None  # untouched
        assert store.resolve("遼寧省")


@pytest.mark.slow
def test_api_job_reports_the_same_problems(tmp_path: Path) -> None:
    import time

    from fastapi.testclient import TestClient

    from api.app import create_app
    from tests.api_support import API_KEY, settings_for

    doc = _doc004()
    db = _conflicting_store(tmp_path)
    with TestClient(create_app(settings_for(db))) as client:
        files = {"files": (doc.name, doc.read_bytes(), "text/plain")}
        job = client.post("/documents", files=files, headers={"X-API-Key": API_KEY}).json()
        deadline = time.monotonic() + 180
        while job["status"] in {"queued", "running"}:
            assert time.monotonic() < deadline
            time.sleep(0.3)
            job = client.get(f"/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    assert job["result"]["complete"] is False
    (document,) = job["result"]["documents"]
    assert document["loaded"] is True
    (problem,) = document["problems"]
    assert problem["document"] == doc.name and problem["record"] == "entity event:jetro-liaoning-seminar-2018"
    assert "before it starts" in problem["reason"] and problem["start"] is not None
