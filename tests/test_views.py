"""Network views: served by real uvicorn, drawn by a real headless Chromium, offline.

Each view is loaded from the running server; the test waits until the network
is laid out and drawn, reads vis-network's DataSets through JavaScript and
compares the node and edge ids with what the query returned, and checks that
the page logged no console error, requested nothing off the machine and drew
something (a canvas screenshot is kept under ``build/artifacts/views``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from bench.api import running_server
from bench.views import synthetic_view
from cli import bench as bench_cli
from cli.viz import register
from graph.embedded import EmbeddedStore
from graph.model import Batch
from ingest.load import load_files, seed_path
from queries.countries import country_overview
from queries.neighbourhood import neighbourhood
from queries.paths import introduction_paths
from queries.region import region_network
from tests.api_support import settings_for
from viz import network
from viz.browser import Loaded, chromium_binaries, load, open_page
from viz.network import MAX_NODES, Marks, batch_page, network_html, render
from viz.render import countries_html, paths_html, region_html

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "build" / "artifacts" / "views"
# KIZUNA_SCREENSHOTS=docs/screenshots keeps the README's pictures up to date from the same runs.
SCREENSHOTS = os.environ.get("KIZUNA_SCREENSHOTS")


def keep_screenshot(driver: Any, name: str) -> Path:
    """Save the whole window as ``name.png`` under the artifacts (and KIZUNA_SCREENSHOTS when set)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(shot))
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.png").write_bytes(shot.read_bytes())
    assert shot.stat().st_size > 10_000, "the screenshot is (nearly) empty"
    return shot


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


@pytest.fixture(scope="module")
def seed_store(seed_file: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(seed_file)
    yield store
    store.close()


@pytest.fixture(scope="module")
def server(seed_file: Path) -> Iterator[str]:
    with running_server(seed_file) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if chromium_binaries() is None:
        pytest.skip("chromium/chromedriver are not installed (make test installs the Debian packages)")
    pytest.importorskip("selenium", reason="selenium is in the test extra")
    from viz.browser import chromium

    with chromium() as driver:
        yield driver


def external_references(html: str) -> list[str]:
    """Every resource the page would fetch from elsewhere (scripts, styles, images, frames)."""
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    return [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, flags=re.I) and 'href="data:' not in t]


def drawn_pixels(driver: Any) -> int:
    """Pixels of the network canvas that are not background white."""
    return int(driver.execute_script("""
        var c = document.querySelector('#mynetwork canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++; }
        return n;"""))


def check_page(driver: Any, loaded: Loaded, name: str) -> None:
    """No console errors, nothing requested off the machine, a non-blank picture (kept as an artifact)."""
    assert loaded.console_errors == [], loaded.console_errors
    assert loaded.requests, "the performance log saw no request at all"
    assert loaded.remote_requests() == []
    assert drawn_pixels(driver) > 2000, "the network canvas is blank"
    keep_screenshot(driver, name)
    canvas = driver.find_element("css selector", "#mynetwork canvas").screenshot_as_png
    assert len(canvas) > 10_000, "the canvas screenshot is (nearly) empty"
    (ARTIFACTS / f"{name}-canvas.png").write_bytes(canvas)


def js(driver: Any, script: str) -> Any:
    return driver.execute_script(script)


# -- pages as files ------------------------------------------------------------------------


def test_pages_are_self_contained(seed_store: EmbeddedStore) -> None:
    for html in (region_html(seed_store, "place:liaoning"), paths_html(seed_store, "三重県", "org:fbri"),
                 countries_html(seed_store)):
        assert external_references(html) == []
        assert "cdn.jsdelivr" not in html and "bootstrap" not in html.lower()


def test_labels_follow_the_language(seed_store: EmbeddedStore) -> None:
    def labels(html: str) -> set[str]:
        nodes = json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);", html, flags=re.S).group(1))  # type: ignore[union-attr]
        return {n["label"] for n in nodes}

    ja = labels(region_html(seed_store, "place:liaoning", lang="ja"))
    en = labels(region_html(seed_store, "place:liaoning", lang="en"))
    assert "遼寧省" in ja and "Liaoning Province" in en
    assert "Liaoning Province" not in ja


def test_large_views_are_capped_with_a_message() -> None:
    batch, country_of, names = synthetic_view(MAX_NODES + 400)
    page = batch_page(batch, "big", country_of=country_of, country_names=names)
    html = render(page, priority={"place:r0"})
    assert len(page.nodes) == MAX_NODES
    assert any(n["id"] == "place:r0" for n in page.nodes)
    kept = {n["id"] for n in page.nodes}
    assert all(e["from"] in kept and e["to"] in kept for e in page.edges)
    assert f"Showing {MAX_NODES:,} of {MAX_NODES + 400:,} entities" in html
    assert all("x" in n for n in page.nodes)  # laid out in Python, physics off
    assert '"enabled": false' in html.split("var options = ", 1)[1][:400]


def test_grouped_layout_keeps_countries_apart() -> None:
    ids = [f"n{i}" for i in range(200)]
    group = {n: ("a" if i < 120 else "b") for i, n in enumerate(ids)}
    pos = network.grouped_layout(ids, group, {"n0": {"n1", "n2"}, "n1": {"n0"}, "n2": {"n0"}})
    assert len(pos) == 200

    def centre(g: str) -> tuple[float, float]:
        pts = [pos[n] for n in ids if group[n] == g]
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)

    (ax, ay), (bx, by) = centre("a"), centre("b")
    assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > 200


def test_short_labels_stay_distinct() -> None:
    names = {"a": "Kanagawa Healthcare New Frontier Office Shanghai", "b": "Kanagawa Healthcare New Frontier Office Boston",
             "c": "神奈川県・遼寧省 MOU", "d": "神奈川県・遼寧省 友好提携", "e": "JETRO"}
    labels = network.short_labels(names, {"c": network.EVENT_LABEL_CHARS, "d": network.EVENT_LABEL_CHARS})
    assert len(set(labels.values())) == 5, labels
    assert labels["a"].endswith("Shanghai") and labels["b"].endswith("Boston") and "…" in labels["a"]
    assert labels["e"] == "JETRO"
    assert labels["c"] == "神奈川県・遼寧省 MOU"  # short enough once it has to be told apart


def test_message_catalogue_is_complete() -> None:
    from graph.registry import RELATION_TYPES
    from viz.messages import MESSAGES, RELATION_NAMES, TYPE_NAMES

    for key, (en, ja) in MESSAGES.items():
        fields = lambda s: sorted(re.findall(r"\{(\w+)", s))  # noqa: E731
        assert en and ja and fields(en) == fields(ja), key
    assert set(RELATION_NAMES) == set(RELATION_TYPES)
    assert set(TYPE_NAMES) == {"organisation", "person", "place", "agreement", "event", "sector"}


def test_japanese_pages_speak_japanese(seed_store: EmbeddedStore) -> None:
    for page in (region_html(seed_store, "place:japan", lang="ja"), paths_html(seed_store, "三重県", "org:fbri", lang="ja"),
                 countries_html(seed_store, lang="ja")):
        header = page.split("<header>", 1)[1].split("</header>", 1)[0]
        panel = page.split('<aside id="details">', 1)[1].split("</aside>", 1)[0]
        for english in ("cross-border", "party_to", "Path 1", "step(s)", "colour =", "Ties between", "Hover"):
            assert english not in header + panel, english


def groups_of(html: str) -> list[dict[str, Any]]:
    return json.loads(re.search(r"var groups = (\[.*?\]);\n", html, flags=re.S).group(1))  # type: ignore[union-attr]


def test_large_region_is_drawn_as_communities(seed_store: EmbeddedStore) -> None:
    html = region_html(seed_store, "place:japan", lang="en")
    groups = groups_of(html)
    nodes = json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);", html, flags=re.S).group(1))  # type: ignore[union-attr]
    assert len(nodes) > network.GROUP_MIN_NODES and len(groups) >= 4
    grouped = [n for n in nodes if n.get("kz_group")]
    assert {n["kz_group"] for n in grouped} == {g["id"] for g in groups}
    assert all(g["count"] >= 3 for g in groups) and sum(g["count"] for g in groups) == len(grouped)
    assert not any(n["id"] == "place:japan" for n in grouped)  # the region itself stays drawn
    assert groups_of(region_html(seed_store, "place:japan", lang="en")) == groups  # seeded: the same every time
    assert groups_of(region_html(seed_store, "place:liaoning")) == []  # small views are drawn whole


def test_unknown_names_in_views_get_a_page(seed_file: Path) -> None:
    with TestClient(create_app(settings_for(seed_file))) as client:
        page = client.get("/viz/region/Basqu", params={"lang": "ja"})
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "見つかりません" in page.text and 'href="/viz/region/place%3Abasque-country?lang=ja"' in page.text
        page = client.get("/viz/path", params={"from": "三重県", "to": "FBRl Kobe"})
        assert page.status_code == 404 and "Did you mean" in page.text
        assert "/viz/path?from=%E4%B8%89%E9%87%8D%E7%9C%8C&amp;to=org%3Afbri" in page.text
        assert client.get("/places/Basqu/network").headers["content-type"].startswith("application/problem+json")


def test_ambiguous_names_in_views_list_the_candidates() -> None:
    from viz.missing import missing_html

    candidates = [{"id": "org:a", "type": "organisation", "name_ja": "甲", "name_en": "Twin"},
                  {"id": "org:b", "type": "organisation", "name_ja": "乙", "name_en": "Twin"}]
    page = missing_html("Twin", "en", candidates=candidates, link=lambda i: f"/viz/entity/{i}")
    assert "names several entities" in page and 'href="/viz/entity/org:a"' in page and "乙 / Twin" in page
    assert "<script" not in missing_html("<script>", "ja", link=str)


# -- served and drawn ------------------------------------------------------------------------


@pytest.mark.slow
def test_region_view_in_chromium(server: str, browser: Any, seed_store: EmbeddedStore) -> None:
    result = region_network(seed_store, "place:liaoning")
    loaded = load(browser, f"{server}/viz/region/place:liaoning?lang=ja")
    expected = {result.place.id} | {m.entity.id for m in result.members}
    for tie in result.ties:
        expected |= {tie.member.id, tie.other.id} | ({tie.via.id} if tie.via else set())
    assert set(loaded.node_ids) == expected
    assert {"place:liaoning", "place:dalian", "place:kanagawa", "agreement:kanagawa-liaoning-mou-2018",
            "agreement:kanagawa-liaoning-friendship-1983"} <= expected
    tie_relations = {r for t in result.ties for r in t.relations}
    assert tie_relations <= set(loaded.edge_ids)
    crossing = set(js(browser, "return kizuna.edges.getIds({filter: function (e) { return e.kz_cross; }});"))
    assert crossing == {r for t in result.ties if t.cross_border for r in t.relations}
    assert js(browser, "return kizuna.nodes.get('place:liaoning').label;") == "遼寧省"
    legend = js(browser, "return document.getElementById('legend').textContent;")
    assert "中国" in legend and "国境を越えるつながり" in legend and "協定の締結" in legend
    assert not re.search(r"[a-z]{4,}", legend.replace("MOU", "")), legend  # no English words left in Japanese
    panel = browser.find_element("id", "details").text  # summarised before any click
    assert "国別のメンバー" in panel and "中国: 6" in panel and "協定(2)" in panel
    assert "神奈川県・遼寧省 MOU (2018-05-08)" in panel
    check_page(browser, loaded, "region-liaoning-ja")
    loaded = load(browser, f"{server}/viz/region/place:liaoning?lang=en")
    assert js(browser, "return kizuna.nodes.get('place:liaoning').label;") == "Liaoning Province"
    panel = browser.find_element("id", "details").text
    assert "Members by country" in panel and "Agreements (2)" in panel
    check_page(browser, loaded, "region-liaoning-en")


@pytest.mark.slow
def test_large_region_opens_group_by_group(server: str, browser: Any) -> None:
    loaded = load(browser, f"{server}/viz/region/place:japan?lang=ja")
    assert len(loaded.node_ids) > 80
    visible = js(browser, "return kizuna.network.body.nodeIndices.length;")
    assert visible < 25, visible  # groups drawn as one node each
    check_page(browser, loaded, "region-japan-ja")
    from selenium.webdriver.common.action_chains import ActionChains

    group = js(browser, "return kizuna.network.body.nodeIndices.filter(function (i) { return kizuna.network.isCluster(i); })[0];")
    x, y = js(browser, f"var p = kizuna.network.canvasToDOM(kizuna.network.getPosition({json.dumps(group)})); return [p.x, p.y];")
    canvas = browser.find_element("css selector", "#mynetwork canvas")
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)).click().perform()
    assert js(browser, "return kizuna.opened;") == 1
    assert js(browser, "return kizuna.network.body.nodeIndices.length;") > visible
    spots = js(browser, "return kizuna.nodes.get({filter: function (n) { return n.kz_group === " + json.dumps(group)
               + "; }}).map(function (n) { var p = kizuna.network.getPosition(n.id); return [Math.round(p.x), Math.round(p.y)]; });")
    assert len({tuple(p) for p in spots}) == len(spots)  # opened members are spread out, not stacked


@pytest.mark.slow
def test_clicking_a_node_highlights_its_ties(server: str, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    load(browser, f"{server}/viz/region/place:liaoning")
    x, y = js(browser, """var p = kizuna.network.canvasToDOM(kizuna.network.getPosition('place:kanagawa'));
                          return [p.x, p.y];""")
    canvas = browser.find_element("css selector", "#mynetwork canvas")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    assert js(browser, "return kizuna.highlighted;") == "place:kanagawa"
    dimmed = set(js(browser, "return kizuna.nodes.getIds({filter: function (n) { return n.kz_dim; }});"))
    neighbours = set(js(browser, "return kizuna.network.getConnectedNodes('place:kanagawa');"))
    assert neighbours and not (neighbours & dimmed) and "place:kanagawa" not in dimmed
    assert "place:dalian" in dimmed  # not tied to Kanagawa directly
    panel = browser.find_element("id", "details").text
    assert "神奈川県" in panel and "Kanagawa" in panel
    assert "/viz/region/place%3Akanagawa" in browser.find_element("id", "details").get_attribute("innerHTML")
    js(browser, "kizuna.clearHighlight();")
    assert js(browser, "return kizuna.nodes.getIds({filter: function (n) { return n.kz_dim; }}).length;") == 0


@pytest.mark.slow
def test_entity_view_in_chromium(server: str, browser: Any, seed_store: EmbeddedStore) -> None:
    result = neighbourhood(seed_store, "org:jtg", radius=2, max_nodes=500)
    loaded = load(browser, f"{server}/viz/entity/org:jtg?radius=2")
    assert set(loaded.node_ids) == {n.entity.id for n in result.nodes}
    assert {e.relation.id for e in result.edges} <= set(loaded.edge_ids)
    check_page(browser, loaded, "entity-jtg")


@pytest.mark.slow
def test_path_view_numbers_the_steps(server: str, browser: Any, seed_store: EmbeddedStore) -> None:
    result = introduction_paths(seed_store, "三重県", "org:fbri")
    assert result.paths
    loaded = load(browser, f"{server}/viz/path?from={quote('三重県')}&to=org:fbri")
    on_path = {n.id for p in result.paths for n in p.nodes}
    assert on_path <= set(loaded.node_ids)
    assert {"place:mie", "org:fbri"} <= set(loaded.node_ids)
    labels: dict[str, str] = js(browser, """var out = {};
        kizuna.edges.forEach(function (e) { if (e.label) { out[e.id] = e.label; } }); return out;""")
    for path in result.paths:
        for number, step in enumerate(path.steps, 1):
            for rel in step.relations:
                assert f"{path.rank}.{number}" in labels[rel.id].split(" · ")
    best = result.paths[0]
    panel = browser.find_element("id", "details").text
    assert f"Path 1: {best.hops} step(s)" in panel and "1.1 " in panel
    faded = set(js(browser, "return kizuna.nodes.getIds({filter: function (n) { return n.color === '#e3e3e3'; }});"))
    assert faded and not (faded & on_path)  # the surroundings are faded, the paths are not
    check_page(browser, loaded, "path-mie-fbri-en")
    loaded = load(browser, f"{server}/viz/path?from={quote('三重県')}&to=org:fbri&lang=ja")
    panel = browser.find_element("id", "details").text
    assert f"経路 1: {best.hops} ステップ" in panel and "Path 1" not in panel
    legend = js(browser, "return document.getElementById('legend').textContent;")
    assert "最良の経路" in legend and "path" not in legend.lower()
    check_page(browser, loaded, "path-mie-fbri-ja")


@pytest.mark.slow
def test_countries_view_in_chromium(server: str, browser: Any, seed_store: EmbeddedStore) -> None:
    overview = country_overview(seed_store)
    loaded = load(browser, f"{server}/viz/countries")
    assert set(loaded.node_ids) == {c.country.id for c in overview.countries if c.cross_border_ties}
    assert set(loaded.edge_ids) == {f"pair:{p.a}|{p.b}" for p in overview.pairs}
    assert "pair:place:china|place:japan" in loaded.edge_ids
    check_page(browser, loaded, "countries")


@pytest.mark.slow
def test_landing_page_searches_and_links_to_views(server: str, browser: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("browser")
    browser.get(f"{server}/")
    box = browser.find_element("id", "q")
    box.send_keys("遼寧省")
    browser.find_element("css selector", "#search button").click()
    region = f"{server}/viz/region/place%3Aliaoning?lang=en"
    WebDriverWait(browser, 20).until(
        lambda d: region in d.execute_script("return [].map.call(document.querySelectorAll('#hits a'), a => a.href);")
    )
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    keep_screenshot(browser, "landing-en")
    browser.get(f"{server}/?lang=ja")
    box = browser.find_element("id", "q")
    box.send_keys("遼寧省")
    browser.find_element("css selector", "#search button").click()
    WebDriverWait(browser, 20).until(lambda d: "地域ネットワーク" in d.find_element("id", "hits").text)
    body = browser.find_element("tag name", "body").text
    assert "エンティティを探す" in body and "紹介経路" in body and "Find an entity" not in body
    keep_screenshot(browser, "landing-ja")
    browser.get(f"{server}/?lang=en")
    browser.find_element("id", "from").send_keys("三重県")
    browser.find_element("id", "to").send_keys("org:fbri")
    browser.find_element("css selector", "#pathform button").click()
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return !!(window.kizuna && window.kizuna.ready)"))
    assert "/viz/path?from=" in browser.current_url
    assert "org:fbri" in js(browser, "return kizuna.nodes.getIds();")


@pytest.mark.slow
def test_empty_and_large_pages_draw(browser: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text(network_html(Batch(), "nothing here"), encoding="utf-8")
    loaded = load(browser, empty.as_uri())
    assert loaded.node_ids == [] and loaded.console_errors == []
    batch, country_of, names = synthetic_view(2500)
    big = tmp_path / "big.html"
    big.write_text(network_html(batch, "big", country_of=country_of, country_names=names,
                                marks=Marks(focus={"place:r0"})), encoding="utf-8")
    loaded = load(browser, big.as_uri())
    assert len(loaded.node_ids) == 2500 and loaded.console_errors == []
    assert loaded.remote_requests() == []


@pytest.mark.slow
@pytest.mark.parametrize(("path", "ready", "name"), [
    ("/docs", "document.querySelectorAll('.opblock').length > 20", "docs-swagger"),
    ("/redoc", "document.querySelectorAll('[data-section-id]').length > 20", "docs-redoc"),
])
def test_api_documentation_works_offline(server: str, browser: Any, path: str, ready: str, name: str) -> None:
    """Swagger UI and ReDoc draw every operation from files the server itself serves."""
    opened = open_page(browser, f"{server}{path}", ready, timeout=120)
    assert opened.console_errors == []
    assert opened.remote_requests() == []
    assert any(u.endswith("/openapi.json") for u in opened.requests)
    text = browser.find_element("tag name", "body").text
    assert "Kizuna" in text and "/viz/region/{id}" in text.replace("\u200b", "")
    keep_screenshot(browser, name)


# -- API and CLI -------------------------------------------------------------------------------


def test_api_documentation_pages_use_only_served_files(seed_file: Path) -> None:
    with TestClient(create_app(settings_for(seed_file))) as client:
        for path in ("/docs", "/redoc"):
            page = client.get(path)
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
            refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", page.text)
            assert refs and all(r.startswith("/") for r in refs), refs
            for ref in refs:
                asset = client.get(ref)
                assert asset.status_code == 200 and len(asset.content) > 1000, ref
            assert "cdn." not in page.text and "fonts.googleapis" not in page.text


def test_routes(seed_file: Path) -> None:
    with TestClient(create_app(settings_for(seed_file))) as client:
        for url in ("/viz/region/遼寧省", "/viz/entity/org:jtg", "/viz/path?from=三重県&to=org:fbri", "/viz/countries"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.headers["content-type"].startswith("text/html")
        assert client.get("/viz/region/org:jtg").status_code == 404  # not a place
        assert client.get("/viz/entity/org:jtg", params={"max_nodes": MAX_NODES + 1}).status_code == 422
        assert client.get("/viz/path", params={"from": "三重県"}).status_code == 422
        home = client.get("/")
        assert 'id="q"' in home.text and "/viz/countries" in home.text
        paths = {p for p in client.get("/openapi.json").json()["paths"]}
        assert {"/viz/region/{id}", "/viz/entity/{id}", "/viz/path", "/viz/countries", "/"} <= paths
        assert not any(p.startswith("/views/") for p in paths)
        assert client.get("/views/region/遼寧省").status_code == 404  # the pre-0.1 aliases are gone


def test_cli_exports_every_view(seed_file: Path, tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    bench_cli.register(app)
    runner = CliRunner()
    where = ["--store", str(seed_file)]
    for args, name in ((["region", "place:liaoning"], "region"), (["entity", "org:jtg", "--radius", "2"], "entity"),
                       (["path", "三重県", "org:fbri", "--lang", "ja"], "path"), (["countries"], "countries")):
        out = tmp_path / f"{name}.html"
        result = runner.invoke(app, ["viz", *args, "-o", str(out), *where])
        assert result.exit_code == 0, result.output
        html = out.read_text(encoding="utf-8")
        assert "vis.Network" in html and external_references(html) == []
    assert "三重県" in (tmp_path / "path.html").read_text(encoding="utf-8")
    bench = runner.invoke(app, ["bench-viz", "--size", "60", "--size", "400", "--no-browser", "--json"])
    assert bench.exit_code == 0, bench.output
    rows = json.loads(bench.output)
    assert [r["nodes"] for r in rows] == [60, 400] and all(r["html_mb"] > 0.5 for r in rows)

