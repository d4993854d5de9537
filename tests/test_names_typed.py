"""Names users type resolve: English short forms from the seed, romaji generated for Japanese names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.embedded import EmbeddedStore
from graph.model import Lang
from ingest.load import load_files, seed_path
from ingest.romaji import romanise
from queries.resolve import resolve_entity


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    folder = tmp_path_factory.mktemp("names")
    facts = folder / "people.yaml"
    facts.write_text(
        "kizuna: 1\n"
        "sources: [{id: doc-x, title: 名簿}]\n"
        "defaults: {source: doc-x}\n"
        "entities:\n"
        "  - {id: person:x1, type: person, name: {ja: 山田花子}}\n"
        "  - {id: org:x2, type: organisation, kind: university, name: {ja: 三重大学, romaji: Mie Daigaku}}\n"
        "  - {id: org:x3, type: organisation, kind: other, name: {en: Only English}}\n",
        encoding="utf-8",
    )
    st = EmbeddedStore(folder / "s.sqlite")
    load_files(st, [seed_path(), facts])
    return st


@pytest.mark.parametrize(("typed", "expected"), [
    ("Basque", "place:basque-country"), ("basque", "place:basque-country"), ("ITOCHU", "org:itochu"),
    ("EPS", "org:eps-holdings"), ("Yamada Hanako", "person:x1"), ("Mie Daigaku", "org:x2"),
])
def test_typed_names_resolve(store: EmbeddedStore, typed: str, expected: str) -> None:
    assert resolve_entity(store, typed).id == expected


def test_romaji_is_added_only_where_missing(store: EmbeddedStore) -> None:
    records = store.get_entities(["person:x1", "org:x2", "org:x3"])
    assert records["person:x1"].entity.name(Lang.ROMAJI) == "Yamada Hanako"
    assert [n.text for n in records["org:x2"].entity.names if n.lang is Lang.ROMAJI] == ["Mie Daigaku"]
    assert not any(n.lang is Lang.ROMAJI for n in records["org:x3"].entity.names)
    assert romanise("神奈川県") == "Kanagawa ken"


def test_region_by_english_short_name(store: EmbeddedStore, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["region", "Basque", "--store", str(store.path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"place:basque-country"' in result.output
