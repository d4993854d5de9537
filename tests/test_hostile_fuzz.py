"""A seeded fuzz pass over `load` and `POST /facts`: whatever the content, the
answer is a load or a clean refusal naming the file (or body); never a 5xx or a
traceback, and a refused input leaves the store byte for byte as it was."""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api.app import create_app
from graph.embedded import EmbeddedStore
from graph.errors import KizunaError
from ingest.files import parse_text
from ingest.load import load_facts
from tests.api_support import API_KEY, build_store, settings_for

KEYS = ["kizuna", "defaults", "sources", "entities", "relations", "id", "type", "kind", "name", "en", "ja",
        "aliases", "title", "source", "target", "evidence", "valid_from", "valid_to", "role", "parent", "sectors",
        "confidence", "description", "url", "x"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["person", "organisation", "place", "company", "works_for", "api-fixture-note", "2020-13", "[/]", "\x00",
     "org:ghost:", "a" * 301])
LEAVES = st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True) | TEXT
DATA = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=5), max_leaves=25)
DOCUMENT = st.fixed_dictionaries({"kizuna": st.sampled_from([1, 1, 2, "1"])}, optional={
    "sources": st.lists(DATA, max_size=3), "entities": st.lists(DATA, max_size=3),
    "relations": st.lists(DATA, max_size=3), "defaults": DATA}) | DATA
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(data: Any, as_yaml: bool) -> str:
    return yaml.safe_dump(data, allow_unicode=True) if as_yaml else json.dumps(data, ensure_ascii=False)


@pytest.mark.slow  # waits out timeouts / runs a fuzz pass
@seed(17)
@FUZZ
@given(data=DOCUMENT, as_yaml=st.booleans())
def test_load_loads_or_refuses_cleanly(tmp_path_factory: Any, data: Any, as_yaml: bool) -> None:
    path = build_store(tmp_path_factory.mktemp("fuzz") / "store.sqlite")
    before = digest(path)
    origin = "fuzz.yaml" if as_yaml else "fuzz.json"
    with EmbeddedStore(path) as store:
        try:
            load_facts(store, parse_text(render(data, as_yaml), Path(origin).suffix, origin), origin)
        except KizunaError as exc:
            assert exc.status < 500 and exc.message.startswith(origin), exc.message
            assert "\n" not in exc.message
            refused = True
        else:
            refused = False
        assert store.check() == []
    if refused:
        assert digest(path) == before


@pytest.mark.slow  # waits out timeouts / runs a fuzz pass
@seed(17)
@FUZZ
@given(data=DOCUMENT, as_yaml=st.booleans())
def test_post_facts_answers_or_refuses_cleanly(tmp_path_factory: Any, data: Any, as_yaml: bool) -> None:
    path = build_store(tmp_path_factory.mktemp("fuzz") / "api.sqlite")
    before = digest(path)
    with TestClient(create_app(settings_for(path, warm_up=False))) as client:
        response = client.post("/facts", content=render(data, as_yaml).encode("utf-8"), headers={
            "X-API-Key": API_KEY, "Content-Type": "application/yaml" if as_yaml else "application/json"})
        assert response.status_code in (201, 413, 422), response.text
        if response.status_code != 201:
            assert response.json()["detail"].startswith("body"), response.text
        assert client.get("/health").status_code == 200
    if response.status_code != 201:
        assert digest(path) == before
