"""Review and dedupe end to end: CLI and API, decisions stored as judgements, never asked twice."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.app import app
from graph.embedded import EmbeddedStore
from ingest.load import load_files
from tests.api_support import API_KEY, settings_for

# Our own short note: a research foundation whose stored name differs by one character.
NOTE = """---
title: 交流会の記録 レビュー用
date: 2024-06-01
---
2024年6月1日、神奈川県と遼寧省は医療機器分野での協力に関する覚書を締結した。
式典には神戸医療産業都市推進機構の山田太郎理事長が出席した。
"""
NEAR = """kizuna: 1
sources: [{id: cur, title: Curated}]
entities:
  - {id: org:kobe-fbri, type: organisation, kind: research_institute, name: {ja: 神戸医療産業都市推進機関},
     sources: [cur]}
"""
TWINS = """kizuna: 1
sources: [{id: cur, title: Curated}, {id: other, title: Another list}]
entities:
  - {id: place:kanagawa, type: place, kind: region, name: {ja: 神奈川県, en: Kanagawa Prefecture}, sources: [cur]}
  - {id: place:kanagawa-ken, type: place, kind: region, name: {en: Kanagawa-ken, ja: 神奈川縣}, sources: [other]}
  - {id: place:shizuoka, type: place, kind: region, name: {ja: 静岡県}, sources: [cur]}
  - {id: person:sato, type: person, name: {ja: 佐藤花子}, sources: [other]}
relations:
  - {type: works_for, source: person:sato, target: place:kanagawa-ken, evidence: other, locator: "row 3"}
  - {type: partner_of, source: place:kanagawa, target: place:shizuoka, evidence: cur}
"""


def _nlp() -> None:
    pytest.importorskip("ja_ginza")


def _store(tmp_path: Path, facts: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    db = tmp_path / "s.sqlite"
    with EmbeddedStore(db) as store:
        load_files(store, [path])
    return db


def _note(tmp_path: Path) -> Path:
    doc = tmp_path / "docs" / "note.md"
    doc.parent.mkdir(exist_ok=True)
    doc.write_text(NOTE, encoding="utf-8")
    return doc


def _cli(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def _ingest(doc: Path, db: Path) -> dict[str, Any]:
    result = _cli("ingest", str(doc), "--store", str(db), "--json")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    return dict(report)


@pytest.mark.slow  # extracts the document twice with GiNZA
def test_cli_review_accept_sticks_across_reingest(tmp_path: Path) -> None:
    _nlp()
    db, doc = _store(tmp_path, NEAR), _note(tmp_path)
    report = _ingest(doc, db)
    assert report["resolution"]["uncertain"] == 1
    listed = json.loads(_cli("review", "list", "--store", str(db), "--json").stdout)
    (item,) = listed
    assert item["names"][0]["text"] == "神戸医療産業都市推進機構"
    assert [c["id"] for c in item["candidates"]] == ["org:kobe-fbri"]
    assert NOTE.split("---\n")[2][item["start"]:item["end"]] == "神戸医療産業都市推進機構"  # its span in the text
    with EmbeddedStore(db) as store:  # waiting: not in the graph, nor its facts
        assert store.resolve("山田太郎")  # the person is new and went in …
        assert not store.neighbours("org:kobe-fbri")  # … but not the tie to the undecided organisation
    key = f"{item['source']}#{item['entity']}"
    accepted = _cli("review", "accept", key, "--store", str(db), "--user", "ann", "--json")
    assert accepted.exit_code == 0, accepted.output
    assert json.loads(accepted.stdout)["status"] == "merged"
    with EmbeddedStore(db) as store:
        ties = {n.relation.type: n.entity.id for n in store.neighbours("org:kobe-fbri")}
        assert ties.get("works_for") is not None and store.get_entity(ties["works_for"]) is not None
        (judgement,) = store.judgements(["org:kobe-fbri"])
        assert (judgement.verdict.value, judgement.user) == ("same", "ann")
        names = {n.text for n in store.get_entity("org:kobe-fbri").entity.names}  # type: ignore[union-attr]
        assert "神戸医療産業都市推進機構" in names  # the document's spelling became an alias
    again = _ingest(doc, db)  # re-ingesting: replaced, and not asked again
    assert again["resolution"]["uncertain"] == 0
    assert json.loads(_cli("review", "list", "--store", str(db), "--json").stdout) == []
    with EmbeddedStore(db) as store:
        assert any(n.relation.type == "works_for" for n in store.neighbours("org:kobe-fbri"))
        assert len(store.judgements()) == 1


def test_cli_review_keep_new_is_remembered(tmp_path: Path) -> None:
    _nlp()
    db, doc = _store(tmp_path, NEAR), _note(tmp_path)
    _ingest(doc, db)
    (item,) = json.loads(_cli("review", "list", "--store", str(db), "--json").stdout)
    kept = _cli("review", "new", item["entity"], "--store", str(db), "--json")
    assert kept.exit_code == 0, kept.output
    assert json.loads(kept.stdout)["status"] == "new"
    with EmbeddedStore(db) as store:
        assert store.get_entity(item["entity"]) is not None
        assert store.get_entity("org:kobe-fbri") is not None and not store.neighbours("org:kobe-fbri")
        assert [j.verdict.value for j in store.judgements([item["entity"]])] == ["different"]
    again = _ingest(doc, db)
    assert again["resolution"]["uncertain"] == 0
    assert json.loads(_cli("review", "list", "--store", str(db), "--json").stdout) == []
    bad = _cli("review", "accept", "no-such-item", "--store", str(db))
    assert bad.exit_code == 1 and "no review item" in bad.output


@pytest.fixture
def api_db(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    db = _store(tmp_path, NEAR)
    with TestClient(create_app(settings_for(db))) as client:
        yield client, db


def test_api_review_queue_and_decision(api_db: tuple[TestClient, Path], tmp_path: Path) -> None:
    _nlp()
    client, _db = api_db
    doc = _note(tmp_path)
    files = {"files": (doc.name, doc.read_bytes(), "text/markdown")}
    job = client.post("/documents", files=files, headers={"X-API-Key": API_KEY}).json()
    deadline = time.monotonic() + 180
    while job["status"] in {"queued", "running"}:
        assert time.monotonic() < deadline
        time.sleep(0.3)
        job = client.get(f"/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    assert job["result"]["documents"][0]["resolution"]["uncertain"] == 1
    (item,) = client.get("/review").json()
    key = f"{item['source']}#{item['entity']}"
    body = {"key": key, "decision": "same", "candidate": "org:kobe-fbri", "user": "bo"}
    assert client.post("/review/decisions", json=body).status_code == 401  # writes need the key
    wrong = client.post("/review/decisions", json={**body, "candidate": "org:nope"}, headers={"X-API-Key": API_KEY})
    assert wrong.status_code == 422 and "not a candidate" in wrong.json()["detail"]
    done = client.post("/review/decisions", json=body, headers={"X-API-Key": API_KEY})
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "merged" and done.json()["entity"] == "org:kobe-fbri"
    assert client.get("/review").json() == []
    detail = client.get("/entities/org:kobe-fbri").json()
    assert any(r["type"] == "works_for" for r in detail["relations"])


def test_dedupe_cli_merge_resolves_old_id_and_undoes(tmp_path: Path) -> None:
    db = _store(tmp_path, TWINS)
    pairs = json.loads(_cli("dedupe", "list", "--store", str(db), "--json").stdout)
    assert [(p["left"], p["right"], p["score"]) for p in pairs] == [("place:kanagawa", "place:kanagawa-ken", 100.0)]
    merged = _cli("dedupe", "merge", "place:kanagawa", "place:kanagawa-ken", "--store", str(db), "--json")
    assert merged.exit_code == 0, merged.output
    merge_id = json.loads(merged.stdout)["merge"]
    shown = _cli("show", "place:kanagawa-ken", "--store", str(db), "--json")  # the old id still answers
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["id"] == "place:kanagawa"
    with EmbeddedStore(db) as store:
        (works,) = [n for n in store.neighbours("person:sato") if n.relation.type == "works_for"]
        assert works.entity.id == "place:kanagawa" and works.relation.evidence[0].locator == "row 3"
    assert json.loads(_cli("dedupe", "list", "--store", str(db), "--json").stdout) == []
    undone = _cli("dedupe", "undo", merge_id, "--store", str(db))
    assert undone.exit_code == 0, undone.output
    with EmbeddedStore(db) as store:
        assert store.get_entity("place:kanagawa-ken") is not None
        (works,) = [n for n in store.neighbours("person:sato") if n.relation.type == "works_for"]
        assert works.entity.id == "place:kanagawa-ken"
    again = _cli("dedupe", "undo", merge_id, "--store", str(db))
    assert again.exit_code == 1 and "already undone" in again.output


def test_dedupe_api_judges_and_merges(tmp_path: Path) -> None:
    db = _store(tmp_path, TWINS)
    with TestClient(create_app(settings_for(db))) as client:
        (pair,) = client.get("/dedupe").json()
        body = {"left": pair["left"], "right": pair["right"], "verdict": "different", "user": "cy"}
        assert client.post("/dedupe/judgements", json=body).status_code == 401
        assert client.post("/dedupe/judgements", json=body, headers={"X-API-Key": API_KEY}).status_code == 200
        assert client.get("/dedupe").json() == []  # decided once, not proposed again
        same = {**body, "verdict": "same"}
        merged = client.post("/dedupe/judgements", json=same, headers={"X-API-Key": API_KEY}).json()
        assert merged["merge"]
        assert client.get(f"/entities/{pair['right']}").json()["id"] == pair["left"]
        (listed,) = client.get("/dedupe/merges").json()
        assert listed["id"] == merged["merge"] and listed["undone"] is False
        undo = client.post("/dedupe/undo", json={"merge": merged["merge"]}, headers={"X-API-Key": API_KEY})
        assert undo.status_code == 200 and undo.json()["undone"] is True
        assert client.get(f"/entities/{pair['right']}").json()["id"] == pair["right"]
        missing = client.post("/dedupe/judgements", json={**body, "right": "place:nowhere"},
                              headers={"X-API-Key": API_KEY})
        assert missing.status_code == 404
