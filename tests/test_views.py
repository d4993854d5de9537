"""Network pages: self-contained HTML, drawn by a real headless Chromium offline."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.model import Batch
from ingest.load import load_files, seed_path
from viz.network import network_html
from viz.render import neighbourhood_html, paths_html, region_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("views") / "seed.sqlite")
    load_files(store, [seed_path()])
    yield store
    store.close()


def external_references(html: str) -> list[str]:
    """Every resource the page would fetch from elsewhere (scripts, styles, images, frames)."""
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    return [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, flags=re.I)]


def render_in_chromium(html: str, tmp_path: Path) -> str:
    """The DOM after Chromium ran the page's scripts (with no network)."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs the Debian package)")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    out = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return out.stdout


def body_attrs(dom: str) -> dict[str, str]:
    match = re.search(r"<body([^>]*)>", dom)
    assert match, "no body in the rendered DOM"
    return dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1)))


def test_region_page_is_self_contained(seed_store: EmbeddedStore) -> None:
    html = region_html(seed_store, "place:liaoning")
    assert external_references(html) == []
    assert "遼寧省" in html and "Kanagawa" in html


def test_region_page_draws_in_chromium(seed_store: EmbeddedStore, tmp_path: Path) -> None:
    html = region_html(seed_store, "遼寧省")
    dom = render_in_chromium(html, tmp_path)
    attrs = body_attrs(dom)
    assert attrs.get("data-ready") == "1", "vis-network never finished laying out the graph"
    assert int(attrs["data-nodes"]) >= 4
    assert int(attrs["data-edges"]) >= 3
    assert "<canvas" in dom
    assert "agreement" in dom  # the legend lists the entity types drawn


def test_neighbourhood_page_draws_in_chromium(seed_store: EmbeddedStore, tmp_path: Path) -> None:
    html = neighbourhood_html(seed_store, "org:jtg", radius=2)
    attrs = body_attrs(render_in_chromium(html, tmp_path))
    assert attrs.get("data-ready") == "1"
    assert int(attrs["data-nodes"]) >= 3


def test_paths_page_marks_the_best_path(seed_store: EmbeddedStore, tmp_path: Path) -> None:
    html = paths_html(seed_store, "三重県", "org:fbri", k=2)
    assert external_references(html) == []
    assert "best path" in html and "event:clair-webinar-2022-03" in html
    attrs = body_attrs(render_in_chromium(html, tmp_path))
    assert attrs.get("data-ready") == "1"
    assert int(attrs["data-nodes"]) >= 7  # both ends, the chain of people and the two webinars


def test_empty_graph_still_renders(tmp_path: Path) -> None:
    html = network_html(Batch(), "nothing here")
    attrs = body_attrs(render_in_chromium(html, tmp_path))
    assert attrs["data-nodes"] == "0"
