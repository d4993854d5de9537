"""Short hand-written pages run through the extractor, and lookups on the facts it returns, shared by the
rule tests (tests/test_extract_rules_*.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.extract.documents import read_document
from ingest.extract.gazetteer import base_gazetteer
from ingest.extract.pipeline import Resolver, parse, strip_private, to_facts


def extract_page(tmp_path: Path, text: str) -> dict[str, Any]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    gaz = base_gazetteer()
    facts, _review = to_facts(parse(read_document(page)), gaz, Resolver(gaz, None))
    return strip_private(facts)


def names_of(facts: dict[str, Any], type_: str) -> dict[str, str]:
    """Every name and alias of the entities of one type -> entity id."""
    out = {}
    for e in facts["entities"]:
        if e["type"] == type_:
            for text in [*e["name"].values(), *(a["text"] for a in e.get("aliases", []))]:
                out[text] = e["id"]
    return out


def ties_of(facts: dict[str, Any], type_: str) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for r in facts["relations"] if r["type"] == type_}


def agreements_of(facts: dict[str, Any]) -> dict[str, set[str]]:
    """Agreement name -> the ids of its parties."""
    names = {e["id"]: e["name"]["ja"] for e in facts["entities"] if e["type"] == "agreement"}
    out: dict[str, set[str]] = {n: set() for n in names.values()}
    for source, target in ties_of(facts, "party_to"):
        out[names[target]].add(source)
    return out
