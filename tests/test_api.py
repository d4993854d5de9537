"""The HTTP API through the test client, on a real embedded store.

Every endpoint, auth, bounds, problem documents, languages, middleware.
"""

from __future__ import annotations

import gzip
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedStore
from tests.api_support import API_KEY, FIXTURE, build_store, settings_for

PROBLEM = "application/problem+json"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "api.sqlite")


def make_client(store_path: Path, **overrides: Any) -> TestClient:
    return TestClient(create_app(settings_for(store_path, **overrides)))


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with make_client(store_path) as c:
        yield c


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


# -- system ---------------------------------------------------------------------


def test_health_ready_and_stats(client: TestClient, store_path: Path) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert {k: ready[k] for k in ("status", "backend")} == {"status": "ready", "backend": "embedded"}
    assert ready["query_index"] in ("building", "ready")  # the warm-up runs in the background
    stats = client.get("/stats").json()
    with EmbeddedStore(store_path) as store:
        expected = store.stats()
    assert stats["entities"] == expected.entities
    assert stats["relations"] == expected.relations
    assert stats["entity_total"] == expected.entity_total
    assert stats["sources"] == expected.sources


def test_ready_reports_when_the_warm_up_has_built_the_index(store_path: Path) -> None:
    import time

    with make_client(store_path) as c:
        started = time.monotonic()
        while c.get("/ready").json()["query_index"] == "building":
            assert time.monotonic() - started < 60, "the warm-up never finished"
            time.sleep(0.05)
        assert c.get("/ready").json()["query_index"] == "ready"
    with make_client(store_path, warm_up=False) as c:
        assert c.get("/ready").json()["query_index"] == "on-demand"


def test_ready_fails_when_the_store_is_closed(store_path: Path) -> None:
    with make_client(store_path) as c:
        c.app.state.store.close()  # type: ignore[attr-defined]
        body = assert_problem(c.get("/ready"), 503)
        assert "closed" in body["detail"] or "cannot be read" in body["detail"]
        assert c.get("/health").status_code == 200


def test_home_page_links_docs_and_views(client: TestClient) -> None:
    response = client.get("/")
    assert response.headers["content-type"].startswith("text/html")
    assert 'href="/docs"' in response.text
    assert 'href="/viz/countries?lang=en"' in response.text and "/views/" not in response.text
    assert "person" in response.text
    japanese = client.get("/", params={"lang": "ja"}).text
    assert "エンティティを探す" in japanese and "人物" in japanese and "Find an entity" not in japanese


def test_home_page_template_escapes_what_it_shows() -> None:
    """The landing page goes through the views' jinja2 environment, which escapes every value."""
    from api.models import StatsOut
    from api.routers.home import home_page

    stats = StatsOut(backend="<script>alert(1)</script>", version="0", entities={"a&b": 2}, relations={}, sources=0,
                     entity_total=2, relation_total=0)
    page = home_page(stats, "en")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<td>a&amp;b</td><td>2</td>" in page
    assert 'fetch("/entities?limit=12&lang="' in page  # the search script is emitted as written


def test_lifespan_opens_and_closes_the_store(store_path: Path) -> None:
    app = create_app(settings_for(store_path))
    with TestClient(app):
        store = app.state.store
        store.ping()
    assert app.state.store is None
    with pytest.raises(Exception, match="closed"):
        store.ping()


# -- entities ------------------------------------------------------------------


def test_entity_by_id_by_japanese_and_english_name(client: TestClient) -> None:
    by_id = client.get("/entities/place:kanagawa").json()
    by_ja = client.get("/entities/神奈川県").json()
    by_en = client.get("/entities/Kanagawa Prefecture").json()
    assert by_id == by_ja == by_en
    assert by_id["name_ja"] == "神奈川県" and by_id["name_en"] == "Kanagawa Prefecture"
    assert by_id["attributes"] == {}
    types = {(r["type"], r["direction"], r["other"]["id"]) for r in by_id["relations"]}
    assert ("party_to", "out", "agreement:kanagawa-liaoning") in types
    assert ("located_in", "out", "place:jp") in types
    assert ("part_of", "in", "org:yokohama-medical-cluster") in types
    party = next(r for r in by_id["relations"] if r["type"] == "party_to")
    assert party["tie"] is True and party["role"] == "signatory"
    assert party["evidence"][0]["source"] == "api-fixture-note"
    assert [s["id"] for s in by_id["sources"]] == ["api-fixture-note"]


def test_display_name_follows_lang_then_accept_language(client: TestClient) -> None:
    assert client.get("/entities/place:kanagawa").json()["name"] == "Kanagawa Prefecture"
    assert client.get("/entities/place:kanagawa", params={"lang": "ja"}).json()["name"] == "神奈川県"
    headers = {"Accept-Language": "fr;q=1.0, ja;q=0.9, en;q=0.5"}
    body = client.get("/entities/place:kanagawa", headers=headers).json()
    assert body["name"] == "神奈川県"
    assert body["relations"][0]["label"] != body["relations"][0]["type"]
    body = client.get("/entities/place:kanagawa", params={"lang": "en"}, headers=headers).json()
    assert body["name"] == "Kanagawa Prefecture"
    assert_problem(client.get("/entities/place:kanagawa", params={"lang": "fr"}), 422)


def test_unknown_entity_is_404_with_suggestions(client: TestClient) -> None:
    body = assert_problem(client.get("/entities/Kanagawa Prefectur"), 404)
    assert body["title"] == "Unknown entity"
    assert "Kanagawa Prefectur" in body["detail"]
    ids = [s["entity"]["id"] for s in body["suggestions"]]
    assert ids[0] == "place:kanagawa"
    assert body["instance"] == "/entities/Kanagawa Prefectur"


def test_ambiguous_name_is_409_with_candidates(client: TestClient) -> None:
    body = assert_problem(client.get("/entities/Central Hospital"), 409)
    assert body["title"] == "Ambiguous name"
    assert sorted(c["id"] for c in body["candidates"]) == [
        "org:central-hospital-dalian",
        "org:central-hospital-yokohama",
    ]
    assert all({"name", "name_ja", "name_en"} <= set(c) for c in body["candidates"])


def test_search_ranks_whole_names_first_and_filters_type(client: TestClient) -> None:
    body = client.get("/entities", params={"q": "遼寧省"}).json()
    assert body["items"][0]["entity"]["id"] == "place:liaoning"
    assert body["items"][0]["exact"] is True
    places = client.get("/entities", params={"q": "Kanagawa", "type": "place"}).json()
    assert {i["entity"]["type"] for i in places["items"]} == {"place"}
    assert places["items"][0]["entity"]["id"] == "place:kanagawa"


def test_listing_pages_with_cursors_cover_everything_once(client: TestClient, store_path: Path) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/entities", params=params).json()
        seen += [i["entity"]["id"] for i in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    with EmbeddedStore(store_path) as store:
        total = store.stats().entity_total
    assert len(seen) == len(set(seen)) == total == body["total"]
    assert pages == -(-total // 7)


def test_cursor_from_another_listing_is_refused(client: TestClient) -> None:
    cursor = client.get("/entities", params={"limit": 1}).json()["next_cursor"]
    body = assert_problem(client.get("/entities", params={"limit": 1, "type": "person", "cursor": cursor}), 422)
    assert "cursor" in body["detail"]
    assert_problem(client.get("/entities", params={"cursor": "%%%not-a-cursor"}), 422)


@pytest.mark.parametrize(
    ("path", "params", "parameter", "bound"),
    [
        ("/entities", {"limit": 201}, "limit", {"le": 200}),
        ("/entities", {"limit": 0}, "limit", {"ge": 1}),
        ("/sources", {"limit": 500}, "limit", {"le": 200}),
        ("/paths", {"from": "a", "to": "b", "k": 11}, "k", {"le": 10}),
        ("/paths", {"from": "a", "to": "b", "max_hops": 11}, "max_hops", {"le": 10}),
        ("/paths", {"from": "a", "to": "b", "min_confidence": 1.5}, "min_confidence", {"le": 1.0}),
        ("/entities/place:kanagawa/neighbourhood", {"radius": 4}, "radius", {"le": 3}),
    ],
)
def test_out_of_range_knobs_name_parameter_and_bound(
    client: TestClient, path: str, params: dict[str, Any], parameter: str, bound: dict[str, Any]
) -> None:
    body = assert_problem(client.get(path, params=params), 422)
    assert f"'{parameter}'" in body["detail"]
    error = next(e for e in body["errors"] if e["parameter"] == parameter)
    assert error["bound"] == bound
    assert error["location"] == "query"


def test_missing_required_parameter_is_named(client: TestClient) -> None:
    body = assert_problem(client.get("/paths", params={"from": "place:kanagawa"}), 422)
    assert "'to'" in body["detail"]


# -- sources -------------------------------------------------------------------


def test_sources_list_and_detail(client: TestClient) -> None:
    body = client.get("/sources").json()
    ids = [s["id"] for s in body["items"]]
    assert {"api-fixture-note", "api-fixture-webinar"} <= set(ids)
    assert body["total"] == len(ids)
    detail = client.get("/sources/api-fixture-webinar", params={"lang": "ja"}).json()
    assert detail["title"] == "Webinar programme (fixture)"
    statements = {(r["source"]["id"], r["type"], r["target"]["id"]) for r in detail["relations"]}
    assert ("person:li", "spoke_at", "event:medtech-webinar") in statements
    assert ("org:yokohama-medical-cluster", "organised", "event:medtech-webinar") in statements
    assert "医療機器ブリッジウェビナー" in {e["name"] for e in detail["entities"]}


def test_unknown_source_is_404_with_suggestions(client: TestClient) -> None:
    body = assert_problem(client.get("/sources/api-fixture-webina"), 404)
    assert "api-fixture-webinar" in body["suggestions"]


def test_delete_source_retracts_what_it_asserted(client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    response = client.delete("/sources/api-fixture-webinar", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == "api-fixture-webinar"
    assert body["relations_removed"] == 4  # organised, two spoke_at, focuses_on
    assert body["entities_removed"] == 1  # the webinar: only that source and its relations supported it
    assert_problem(client.get("/entities/event:medtech-webinar"), 404)
    assert_problem(client.get("/sources/api-fixture-webinar"), 404)
    rels = client.get("/entities/person:li").json()["relations"]
    assert "spoke_at" not in {r["type"] for r in rels}
    assert_problem(client.delete("/sources/api-fixture-webinar", headers=headers), 404)


# -- facts ---------------------------------------------------------------------

NEW_FACTS: dict[str, Any] = {
    "kizuna": 1,
    "defaults": {"source": "api-post-note"},
    "sources": [{"id": "api-post-note", "title": "Posted note", "published": "2024-02"}],
    "entities": [
        {"id": "person:tanaka", "type": "person", "name": {"en": "Jiro Tanaka", "ja": "田中次郎"}},
    ],
    "relations": [{"type": "works_for", "source": "person:tanaka", "target": "org:dalian-biotech-park",
                   "role": "advisor"}],
}


def test_post_facts_json_then_the_graph_answers_with_them(client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    response = client.post("/facts", json=NEW_FACTS, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json() == {"entities": 1, "relations": 1, "sources": 1}
    person = client.get("/entities/田中次郎").json()
    assert person["id"] == "person:tanaka"
    assert [(r["type"], r["other"]["id"], r["role"]) for r in person["relations"]] == [
        ("works_for", "org:dalian-biotech-park", "advisor")
    ]
    again = client.post("/facts", json=NEW_FACTS, headers=headers)
    assert again.status_code == 201
    assert client.get("/stats").json()["relations"]["works_for"] == 3


def test_post_facts_yaml(client: TestClient) -> None:
    body = yaml.safe_dump(NEW_FACTS, allow_unicode=True).encode("utf-8")
    response = client.post(
        "/facts", content=body, headers={"X-API-Key": API_KEY, "Content-Type": "application/yaml"}
    )
    assert response.status_code == 201, response.text
    assert client.get("/entities/Jiro Tanaka").json()["id"] == "person:tanaka"


def test_post_facts_errors_name_record_and_field_and_write_nothing(client: TestClient) -> None:
    headers = {"X-API-Key": API_KEY}
    bad = {**NEW_FACTS, "relations": [{**NEW_FACTS["relations"][0], "target": "org:nowhere"}]}
    body = assert_problem(client.post("/facts", json=bad, headers=headers), 422)
    assert "org:nowhere" in body["detail"]
    assert_problem(client.get("/entities/person:tanaka"), 404)  # atomic: the person was not written either
    typo = {**NEW_FACTS, "entities": [{**NEW_FACTS["entities"][0], "nmae": "x"}]}
    body = assert_problem(client.post("/facts", json=typo, headers=headers), 422)
    assert "entities[0]" in body["detail"] and "nmae" in body["detail"]
    yaml_bad = b"kizuna: 1\nentities: [\n"
    body = assert_problem(
        client.post("/facts", content=yaml_bad, headers={**headers, "Content-Type": "application/yaml"}), 422
    )
    assert "YAML" in body["detail"]
    assert_problem(client.post("/facts", content=b"[1, 2]", headers={**headers, "Content-Type": "application/json"}),
                   422)


def test_post_facts_refuses_other_media_types_and_large_bodies(store_path: Path) -> None:
    with make_client(store_path, max_upload_bytes=2000) as c:
        headers = {"X-API-Key": API_KEY}
        body = assert_problem(c.post("/facts", content=b"a,b", headers={**headers, "Content-Type": "text/csv"}), 415)
        assert "application/yaml" in body["detail"]
        big = {**NEW_FACTS, "sources": [{**NEW_FACTS["sources"][0], "title": "x" * 5000}]}
        body = assert_problem(c.post("/facts", json=big, headers=headers), 413)
        assert "2000" in body["detail"]


# -- auth ----------------------------------------------------------------------


def test_writes_need_the_key(client: TestClient) -> None:
    body = assert_problem(client.post("/facts", json=NEW_FACTS), 401)
    assert "X-API-Key" in body["detail"]
    assert client.post("/facts", json=NEW_FACTS).headers["www-authenticate"].startswith("ApiKey")
    body = assert_problem(client.post("/facts", json=NEW_FACTS, headers={"X-API-Key": "wrong"}), 403)
    assert "does not match" in body["detail"]
    assert_problem(client.delete("/sources/api-fixture-note", headers={"X-API-Key": API_KEY + "x"}), 403)
    assert_problem(client.delete("/sources/api-fixture-note"), 401)
    assert client.get("/sources/api-fixture-note").status_code == 200  # nothing was retracted


def test_writes_are_refused_when_no_key_is_configured(store_path: Path) -> None:
    with make_client(store_path, api_key=None) as c:
        body = assert_problem(c.post("/facts", json=NEW_FACTS, headers={"X-API-Key": "anything"}), 403)
        assert "no API key configured" in body["detail"]
        assert_problem(c.delete("/sources/api-fixture-note"), 403)
        assert c.get("/entities/place:kanagawa").status_code == 200  # reads stay public


def test_private_reads_need_the_key(store_path: Path) -> None:
    with make_client(store_path, private_reads=True) as c:
        for path in ("/entities/place:kanagawa", "/entities", "/sources", "/stats", "/",
                     "/paths?from=person:sato&to=person:li"):
            assert_problem(c.get(path), 401)
            assert c.get(path, headers={"X-API-Key": API_KEY}).status_code == 200, path
        assert_problem(c.get("/stats", headers={"X-API-Key": "nope"}), 403)
        assert c.get("/health").status_code == 200  # probes stay open
        assert c.get("/ready").status_code == 200


# -- middleware -----------------------------------------------------------------


def test_request_id_is_echoed_or_generated_and_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kizuna.api"):
        response = client.get("/health", headers={"X-Request-ID": "trace-42"})
        generated = client.get("/stats").headers["x-request-id"]
    assert response.headers["x-request-id"] == "trace-42"
    assert len(generated) == 32
    lines = [r.getMessage() for r in caplog.records if r.name == "kizuna.api"]
    assert any("request_id=trace-42 GET /health status=200 duration_ms=" in line for line in lines)
    assert sum(f"request_id={generated} " in line for line in lines) == 1
    bad = client.get("/health", headers={"X-Request-ID": "evil\tvalue"}).headers["x-request-id"]
    assert bad != "evil\tvalue" and len(bad) == 32
    problem = client.get("/entities/nowhere-at-all-xyz").json()
    assert len(problem["request_id"]) == 32


def test_gzip_for_large_responses(client: TestClient) -> None:
    response = client.get("/entities", params={"limit": 200}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["total"] > 20  # the client decoded it
    raw = client.get("/entities", params={"limit": 200}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert len(gzip.compress(raw.content)) < len(raw.content)


def test_cors_is_configurable(store_path: Path) -> None:
    origin = "https://viewer.example"
    with make_client(store_path, cors_origins=[origin]) as c:
        response = c.options(
            "/facts",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "X-API-Key"},
        )
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
        simple = c.get("/health", headers={"Origin": origin})
        assert simple.headers["access-control-allow-origin"] == origin
        other = c.get("/health", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
    with make_client(store_path) as c:
        assert "access-control-allow-origin" not in c.get("/health", headers={"Origin": origin}).headers


def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    assert "/docs" in assert_problem(client.get("/no/such/route"), 404)["detail"]
    assert_problem(client.put("/health"), 405)


# -- OpenAPI -------------------------------------------------------------------


def test_openapi_documents_every_operation_with_examples_and_problems(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(operations) >= 15
    for path, method, op in operations:
        ok = op["responses"].get("200") or op["responses"].get("201") or op["responses"].get("202")
        assert ok is not None, (path, method)
        examples = [c for c in ok.get("content", {}).values() if "example" in c or "examples" in c]
        assert examples, f"{method.upper()} {path} has no example"
        for code, response in op["responses"].items():
            if int(code) >= 400:
                # Views answer an unknown or ambiguous name with a page a person can act on.
                page = path.startswith("/viz/") and code in ("404", "409")
                assert list(response["content"]) == (["text/html"] if page else [PROBLEM]), (path, code)
    facts = schema["paths"]["/facts"]["post"]
    assert set(facts["requestBody"]["content"]) == {"application/json", "application/yaml"}
    assert facts["security"] == [{"APIKeyHeader": []}]
    assert "security" not in schema["paths"]["/entities/{id}"]["get"]
    assert "FactFile" in schema["components"]["schemas"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]  # every 422 is a problem document


def test_fixture_file_is_the_one_loaded(store_path: Path) -> None:
    # Guards the fixture: the tests above assume these records exist.
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    with EmbeddedStore(store_path) as store:
        assert set(store.get_entities([e["id"] for e in data["entities"]])) == {e["id"] for e in data["entities"]}


# -- queries -------------------------------------------------------------------


def test_paths_explain_each_step_with_evidence(client: TestClient) -> None:
    body = client.get("/paths", params={"from": "佐藤花子", "to": "Li Wei", "lang": "ja"}).json()
    assert body["source"]["id"] == "person:sato" and body["target"]["id"] == "person:li"
    best = body["paths"][0]
    assert best["rank"] == 1 and best["hops"] == 1
    step = best["steps"][0]
    assert step["via"]["id"] == "event:medtech-webinar"
    assert step["text"] == step["text_ja"] and step["text_en"] != step["text_ja"]
    assert {r["type"] for r in step["relations"]} == {"spoke_at"}
    assert [s["id"] for s in step["sources"]] == ["api-fixture-webinar"]
    assert best["nodes"][1]["name"] == "医療機器ブリッジウェビナー"
    assert body["reason_code"] is None


def test_paths_options_exclude_k_and_reasons(client: TestClient) -> None:
    params: dict[str, Any] = {"from": "person:sato", "to": "person:li", "exclude": "event:medtech-webinar", "k": 2}
    body = client.get("/paths", params=params).json()
    assert body["options"]["exclude"] == ["event:medtech-webinar"]
    assert body["paths"], "a longer path through the two regions exists"
    for path in body["paths"]:
        assert "event:medtech-webinar" not in {n["id"] for n in path["nodes"]}
        assert path["hops"] > 1
    assert len(body["paths"]) <= 2
    short = client.get("/paths", params={**params, "max_hops": 1}).json()
    assert short["paths"] == [] and short["reason_code"] == "beyond_hop_limit"
    context = client.get("/paths", params={"from": "person:sato", "to": "org:central-hospital-dalian"}).json()
    assert context["paths"] == [] and context["reason_code"] == "only_context"
    body = assert_problem(client.get("/paths", params={"from": "person:sato", "to": "Central Hospital"}), 409)
    assert len(body["candidates"]) == 2
    body = assert_problem(client.get("/paths", params={"from": "Hanako Sat", "to": "person:li"}), 404)
    assert body["suggestions"][0]["entity"]["id"] == "person:sato"
    assert_problem(client.get("/paths", params={"from": "person:sato", "to": "sector:biopharma"}), 422)


def test_neighbourhood_radius_filters_and_caps(client: TestClient) -> None:
    one = client.get("/entities/神奈川県/neighbourhood").json()
    assert one["center"]["id"] == "place:kanagawa"
    assert {n["distance"] for n in one["nodes"]} == {0, 1}
    two = client.get("/entities/神奈川県/neighbourhood", params={"radius": 2}).json()
    assert {n["entity"]["id"] for n in one["nodes"]} < {n["entity"]["id"] for n in two["nodes"]}
    ties = client.get("/entities/神奈川県/neighbourhood", params={"relation_type": "party_to", "radius": 2}).json()
    assert {e["relation"]["type"] for e in ties["edges"]} == {"party_to"}
    assert "place:liaoning" in {n["entity"]["id"] for n in ties["nodes"]}
    capped = client.get("/entities/神奈川県/neighbourhood", params={"radius": 2, "max_nodes": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["truncated"] is True
    assert capped["truncations"][0]["why"] in {"node cap", "fan-out cap"}
    people = client.get("/entities/Yokohama Medical Cluster/neighbourhood", params={"entity_type": "person"}).json()
    assert {n["entity"]["type"] for n in people["nodes"][1:]} == {"person"}


def test_region_network_and_aggregates(client: TestClient) -> None:
    body = client.get("/places/神奈川県/network").json()
    members = {m["entity"]["id"] for m in body["members"]}
    assert {"place:kanagawa", "place:yokohama", "org:yokohama-medical-cluster", "person:sato"} <= members
    assert "place:liaoning" not in members
    crossing = [t for t in body["ties"] if t["cross_border"]]
    assert crossing and all(t["member_country"] != t["other_country"] for t in crossing)
    assert body["aggregate"] is None
    countries = client.get("/places/place:kanagawa/network", params={"aggregate": "country"}).json()
    assert countries["members"] == [] and countries["ties"] == [] and countries["region_pairs"] == []
    pair = countries["country_pairs"][0]
    assert {pair["a"], pair["b"]} == {"place:jp", "place:cn"}
    assert "agreement:kanagawa-liaoning" in pair["agreements"]
    # relationships, not pairs: each agreement or event once, however many took part
    counted = {t["via"]["id"] if t["via"] else "+".join(t["relations"]) for t in crossing}
    assert pair["ties"] == len(counted) == len(pair["relationships"])
    regions = client.get("/places/place:kanagawa/network", params={"aggregate": "region"}).json()
    assert regions["country_pairs"] == [] and regions["region_pairs"]
    assert_problem(client.get("/places/Li Wei/network"), 404)  # a person is no place
    assert_problem(client.get("/places/place:kanagawa/network", params={"aggregate": "city"}), 422)


def test_brokers_modes(client: TestClient) -> None:
    body = client.get("/brokers").json()
    assert body["mode"] == "all"
    scores = [b["score"] for b in body["brokers"]]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0
    cross = client.get("/brokers", params={"cross_border": True, "top": 1}).json()
    assert cross["mode"] == "cross-border" and len(cross["brokers"]) == 1
    between = client.get("/brokers", params=[("between", "JP"), ("between", "CN")]).json()
    assert between["mode"] == "between"
    assert "between" in assert_problem(client.get("/brokers", params={"between": "JP"}), 422)["detail"]
    assert_problem(client.get("/brokers", params={"top": 101}), 422)


def test_sector_partners(client: TestClient) -> None:
    body = client.get("/sectors/medical_devices/partners", params={"from": "Li Wei"}).json()
    assert body["origin"]["id"] == "person:li" and body["sector"]["id"] == "sector:medical_devices"
    partners = {p["entity"]["id"]: p for p in body["partners"]}
    assert "org:yokohama-medical-cluster" in partners
    assert partners["org:yokohama-medical-cluster"]["path"]["steps"]
    by_name = client.get("/sectors/医療機器/partners", params={"from": "person:li"}).json()
    assert by_name["sector"]["id"] == "sector:medical_devices"
    body = assert_problem(client.get("/sectors/medical_devicez/partners", params={"from": "Li Wei"}), 404)
    assert body["suggestions"]
    assert_problem(client.get("/sectors/medical_devices/partners"), 422)  # from is required


def test_views_render_html(client: TestClient) -> None:
    region = client.get("/viz/region/神奈川県")
    assert region.status_code == 200 and region.headers["content-type"].startswith("text/html")
    assert "神奈川県" in region.text and "vis" in region.text
    entity = client.get("/viz/entity/Li Wei", params={"radius": 2})
    assert entity.status_code == 200 and "李偉" in entity.text
    unknown = client.get("/viz/region/Li Wei")  # a page with the nearest names, for a person in a browser
    assert unknown.status_code == 404 and unknown.headers["content-type"].startswith("text/html")
    assert_problem(client.get("/viz/entity/place:kanagawa", params={"radius": 9}), 422)
    paths = client.get("/viz/path", params={"from": "神奈川県", "to": "place:liaoning"})
    assert paths.status_code == 200 and "agreement:kanagawa-liaoning" in paths.text
    assert "best path" in paths.text
    nowhere = client.get("/viz/path", params={"from": "神奈川県", "to": "nowhere at all"})
    assert nowhere.status_code == 404 and "<!doctype html>" in nowhere.text
    assert_problem(client.get("/viz/path", params={"from": "神奈川県", "to": "place:liaoning", "k": 11}), 422)
    # The pre-0.1 aliases are gone.
    for old in ("/views/region/神奈川県", "/views/entity/Li Wei", "/views/countries"):
        assert_problem(client.get(old), 404)


def test_unknown_job_is_404(client: TestClient) -> None:
    assert "no job" in assert_problem(client.get("/jobs/0123abcd"), 404)["detail"]


# -- documents -----------------------------------------------------------------

DOCUMENT = """---
title: 交流会の記録 テスト用
date: 2024-06-01
---
2024年6月1日、神奈川県と遼寧省は医療機器分野での協力に関する覚書を締結した。
"""


def _extraction_installed() -> bool:
    try:
        import spacy

        spacy.util.get_package_path("ja_ginza")
    except Exception:
        return False
    return True


def test_documents_need_the_key_and_bounded_uploads(store_path: Path) -> None:
    with make_client(store_path, max_upload_bytes=500) as c:
        files = {"files": ("note.txt", DOCUMENT.encode("utf-8"), "text/plain")}
        assert_problem(c.post("/documents", files=files), 401)
        big = {"files": ("big.txt", ("あ" * 400).encode("utf-8"), "text/plain")}
        body = c.post("/documents", files=big, headers={"X-API-Key": API_KEY})
        if body.status_code == 501:
            assert "not installed" in body.json()["detail"]
            return
        assert "500" in assert_problem(body, 413)["detail"]
        bad = assert_problem(c.post("/documents", headers={"X-API-Key": API_KEY}, data={"threshold": "2"},
                                    files=files), 422)
        assert "threshold" in bad["detail"]


@pytest.mark.slow
@pytest.mark.skipif(not _extraction_installed(), reason="GiNZA (the nlp extra) is not installed")
def test_documents_are_extracted_in_a_job(client: TestClient) -> None:
    import time

    files = {"files": ("kanagawa-note.md", DOCUMENT.encode("utf-8"), "text/markdown")}
    response = client.post("/documents", files=files, data={"threshold": "0.0"}, headers={"X-API-Key": API_KEY})
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/jobs/{job['id']}"
    assert job["status"] in {"queued", "running", "done"}
    deadline = time.monotonic() + 120
    while job["status"] in {"queued", "running"}:
        assert time.monotonic() < deadline, "extraction did not finish in 120 s"
        time.sleep(0.2)
        job = client.get(f"/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    (document,) = job["result"]["documents"]
    assert document["file"] == "kanagawa-note.md" and document["loaded"] is True, document
    source_id = document["sources"][0]
    source = client.get(f"/sources/{source_id}").json()
    assert source["title"] == "交流会の記録 テスト用"
    assert document["relations"] > 0
    assert len(source["relations"]) == document["relations"]  # everything loaded cites the uploaded document


# -- the seed graph ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    from ingest.load import seed_path

    if not seed_path().exists():
        pytest.skip("the seed dataset is not written yet")
    path = build_store(tmp_path_factory.mktemp("seed") / "seed.sqlite", [seed_path()])
    with make_client(path) as c:
        yield c, path


def test_seed_answers_match_the_queries(seed_client: tuple[TestClient, Path]) -> None:
    from bench.api import pick_targets
    from queries.neighbourhood import neighbourhood
    from queries.paths import introduction_paths

    client, path = seed_client
    with EmbeddedStore(path) as store:
        source, target, centre = pick_targets(store)
        direct_paths = introduction_paths(store, source, target, k=3)
        direct_hood = neighbourhood(store, centre, radius=2)
        stats = store.stats()
        name = store.get_entity(centre).entity.name("ja")  # type: ignore[union-attr]
        centre_ref = name if len(store.resolve(name)) == 1 else centre  # by name when the name is unique
    assert client.get("/stats").json()["relation_total"] == stats.relation_total
    body = client.get("/paths", params={"from": source, "to": target, "k": 3}).json()
    assert [[n["id"] for n in p["nodes"]] for p in body["paths"]] == [
        [n.id for n in p.nodes] for p in direct_paths.paths
    ]
    assert [p["strength"] for p in body["paths"]] == [p.strength for p in direct_paths.paths]
    hood = client.get(f"/entities/{centre_ref}/neighbourhood", params={"radius": 2}).json()
    assert hood["center"]["id"] == centre
    assert sorted(n["entity"]["id"] for n in hood["nodes"]) == sorted(n.entity.id for n in direct_hood.nodes)
    assert hood["truncated"] == direct_hood.truncated
