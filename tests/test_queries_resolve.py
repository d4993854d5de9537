"""Name resolution and search: whole-name keys only, suggestions for the rest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.errors import AmbiguousName, UnknownEntity
from graph.model import Batch
from queries.resolve import resolve_entity, search
from tests.test_queries_support import entity, fixture_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = fixture_store(tmp_path)
    yield s
    s.close()


@pytest.mark.parametrize(
    "text",
    ["遼寧省", "辽宁省", "Liaoning Province", "liaoning  province", "ＬＩＡＯＮＩＮＧ　Province", "place:liaoning", "Liaoning"],
)
def test_variants_resolve_to_one_entity(store: EmbeddedStore, text: str) -> None:
    assert resolve_entity(store, text).id == "place:liaoning"


def test_substring_never_resolves_but_is_suggested(store: EmbeddedStore) -> None:
    assert resolve_entity(store, "静岡県").id == "place:shizuoka"
    with pytest.raises(UnknownEntity) as info:
        resolve_entity(store, "静岡")
    suggestions = info.value.extra["suggestions"]
    assert isinstance(suggestions, list)
    suggested = [s.entity.id for s in suggestions]
    assert {"place:shizuoka", "org:u-shizuoka"} <= set(suggested)
    hits = search(store, "静岡県")
    assert hits[0].entity.id == "place:shizuoka" and hits[0].exact
    assert any(h.entity.id == "org:u-shizuoka" and not h.exact for h in hits)


def test_ambiguous_name_lists_candidates(store: EmbeddedStore) -> None:
    store.write(Batch(entities=[entity("org:kobe-city-office", "organisation", "government_body", "Kobe")]))
    with pytest.raises(AmbiguousName) as info:
        resolve_entity(store, "Kobe")
    candidates = info.value.extra["candidates"]
    assert isinstance(candidates, list)
    ids = {c.id for c in candidates}
    assert ids == {"place:kobe", "org:kobe-city-office"}
    assert resolve_entity(store, "Kobe", types=["place"]).id == "place:kobe"


def test_typo_gets_ranked_suggestions(store: EmbeddedStore) -> None:
    with pytest.raises(UnknownEntity) as info:
        resolve_entity(store, "Liaonin Provinse")
    suggestions = info.value.extra["suggestions"]
    assert isinstance(suggestions, list)
    first = suggestions[0]
    assert first.entity.id == "place:liaoning"
