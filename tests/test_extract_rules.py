"""Relation and mention rules on short hand-written pages (GiNZA needed): each
test names one general construction and checks what the extractor makes of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ginza")

from ingest.extract.documents import read_document
from ingest.extract.gazetteer import base_gazetteer
from ingest.extract.pipeline import Resolver, parse, strip_private, to_facts


def _extract(tmp_path: Path, text: str) -> dict[str, Any]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    gaz = base_gazetteer()
    facts, _review = to_facts(parse(read_document(page)), gaz, Resolver(gaz, None))
    return strip_private(facts)


def _names(facts: dict[str, Any], type_: str) -> dict[str, str]:
    """Every name and alias of the entities of one type -> entity id."""
    out = {}
    for e in facts["entities"]:
        if e["type"] == type_:
            for text in [*e["name"].values(), *(a["text"] for a in e.get("aliases", []))]:
                out[text] = e["id"]
    return out


def _ties(facts: dict[str, Any], type_: str) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for r in facts["relations"] if r["type"] == type_}


def test_a_country_the_page_never_names_is_not_a_place_found(tmp_path: Path) -> None:
    quiet = _extract(tmp_path, "秋田県の知事は来月、県内の企業を視察する予定です。\n")
    assert "秋田県" in _names(quiet, "place")
    assert "日本" not in _names(quiet, "place")
    named = _extract(tmp_path, "日本の秋田県は来月、県内の企業を視察する予定です。\n")
    assert "日本" in _names(named, "place")
