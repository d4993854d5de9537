"""The bundled seed dataset loads cleanly, matches its declared counts and keeps
its curation rules: place chains end at a country, every relation cites a
seed document with a locator, and no free text is copied from a document.

``python -m tests.test_seed`` rewrites ``ingest/seed/counts.json`` from a fresh
load; review the diff, since the file is the curator's declaration.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import EmbeddedStore
from graph.model import Batch, EntityType
from graph.sectors import SECTORS
from graph.store import Store
from ingest.load import load_files, seed_path

REPO = Path(__file__).resolve().parents[1]
COUNTS = REPO / "ingest" / "seed" / "counts.json"
SEED_DOCS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_SOURCE_PREFIX = "seed:"
COPY_WINDOW = 25  # characters of free text that may not appear in any document

REQUIRED_IDS = (
    "place:japan", "place:china", "place:kazakhstan", "place:thailand", "place:germany", "place:france",
    "place:spain", "place:kanagawa", "place:liaoning", "place:dalian", "place:shenyang", "place:mie",
    "place:basque-country", "place:hyogo", "place:kobe", "place:hamburg", "place:tokyo", "place:beijing",
    "place:shenzhen", "place:guangming", "place:bangkok", "place:astana", "org:jtg", "org:natd",
    "agreement:jtg-natd-mou-2016", "agreement:kanagawa-liaoning-friendship-1983",
    "agreement:kanagawa-liaoning-mou-2018", "agreement:mie-basque-mou-2018", "org:fbri", "org:clair",
    "org:eu-japan-centre", "org:jetro", "org:beijing-cj-zone", "org:guangming-innovation-bureau",
    "event:clair-webinar-2022-02", "event:clair-webinar-2022-03", "event:innovation-congress-2016",
)  # fmt: skip


def stored_counts(store: Store) -> dict[str, Any]:
    """Counts as the store reports them; sectors come from the vocabulary, not the seed."""
    stats = store.stats()
    graph = store.export()
    seed_sources = sorted(s.id for s in graph.sources if s.id.startswith(SEED_SOURCE_PREFIX))
    documents = {
        source: {
            "entities": sum(1 for r in graph.entities if source in r.sources),
            "relations": len(store.relations_citing(source)),
        }
        for source in seed_sources
    }
    entities = {t: n for t, n in sorted(stats.entities.items()) if t != EntityType.SECTOR.value}
    return {
        "entities": entities,
        "relations": dict(sorted(stats.relations.items())),
        "documents": documents,
        "totals": {
            "entities": sum(entities.values()),
            "relations": stats.relation_total,
            "sources": len(seed_sources),
        },
    }


def load_seed(path: Path) -> EmbeddedStore:
    store = EmbeddedStore(path)
    load_files(store, [seed_path()])
    return store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = load_seed(tmp_path_factory.mktemp("seed") / "seed.sqlite")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def graph(seeded: EmbeddedStore) -> Batch:
    return seeded.export()


def test_seed_loads_cleanly(seeded: EmbeddedStore) -> None:
    assert seeded.check() == []
    stats = seeded.stats()
    assert stats.entities[EntityType.SECTOR.value] == len(SECTORS), "the seed must not add or drop sectors"
    assert stats.entity_total - len(SECTORS) > 100
    assert stats.relation_total > 150


def test_stored_counts_match_declared(seeded: EmbeddedStore) -> None:
    declared = json.loads(COUNTS.read_text(encoding="utf-8"))
    assert stored_counts(seeded) == declared


def test_second_load_changes_nothing(tmp_path: Path) -> None:
    store = load_seed(tmp_path / "twice.sqlite")
    try:
        before = store.export().model_dump(mode="json")
        counts = stored_counts(store)
        load_files(store, [seed_path()])
        assert store.export().model_dump(mode="json") == before
        assert stored_counts(store) == counts
        assert store.check() == []
    finally:
        store.close()


def test_required_ids_exist(seeded: EmbeddedStore) -> None:
    found = seeded.get_entities(list(REQUIRED_IDS))
    assert sorted(set(REQUIRED_IDS) - set(found)) == []


def test_every_place_chains_to_a_country(graph: Batch) -> None:
    places = {r.entity.id: r.entity for r in graph.entities if r.entity.type is EntityType.PLACE}
    parents: dict[str, set[str]] = {}
    for rel in graph.relations:
        if rel.type == "located_in" and rel.source in places:
            parents.setdefault(rel.source, set()).add(rel.target)
    stranded = []
    for place_id, place in places.items():
        if place.kind == "country":
            assert place.iso_code and len(place.iso_code) == 2, f"{place_id} needs an ISO 3166-1 code"
            continue
        seen: set[str] = set()
        frontier = set(parents.get(place_id, ()))
        reached = False
        while frontier and not reached:
            reached = any(places[p].kind == "country" for p in frontier)
            seen |= frontier
            frontier = {q for p in frontier for q in parents.get(p, ())} - seen
        if not reached:
            stranded.append(place_id)
    assert stranded == []


def test_every_relation_cites_a_seed_document(seeded: EmbeddedStore, graph: Batch) -> None:
    known = {s.id for s in seeded.get_sources()}
    problems = []
    for rel in graph.relations:
        for evidence in rel.evidence:
            if evidence.source not in known or not evidence.source.startswith(SEED_SOURCE_PREFIX):
                problems.append(f"{rel.type} {rel.source}->{rel.target}: unknown source {evidence.source}")
            if not (evidence.locator or "").strip():
                problems.append(f"{rel.type} {rel.source}->{rel.target}: no locator")
            if evidence.asserted_by != "curated" or evidence.quote is not None:
                problems.append(f"{rel.type} {rel.source}->{rel.target}: curated evidence carries no quote")
    assert problems == []


def test_entities_cite_their_documents(graph: Batch) -> None:
    seed_sources = {s.id for s in graph.sources if s.id.startswith(SEED_SOURCE_PREFIX)}
    uncited = [
        r.entity.id
        for r in graph.entities
        if r.entity.type is not EntityType.SECTOR and not set(r.sources) & seed_sources
    ]
    assert uncited == []


def test_key_facts_for_path_queries(graph: Batch) -> None:
    edges = {(r.type, r.source, r.target) for r in graph.relations}
    for party in ("org:jtg", "org:natd"):
        assert ("party_to", party, "agreement:jtg-natd-mou-2016") in edges
    for party in ("place:kanagawa", "place:liaoning"):
        assert ("party_to", party, "agreement:kanagawa-liaoning-friendship-1983") in edges
        assert ("party_to", party, "agreement:kanagawa-liaoning-mou-2018") in edges
    for city in ("place:dalian", "place:shenyang"):
        assert ("located_in", city, "place:liaoning") in edges
    speakers = {
        event: {r.source for r in graph.relations if r.type == "spoke_at" and r.target == event}
        for event in ("event:clair-webinar-2022-02", "event:clair-webinar-2022-03")
    }
    bridges = speakers["event:clair-webinar-2022-02"] & speakers["event:clair-webinar-2022-03"]
    assert {"person:nomura-tomohiro", "person:philippe-de-taxis-du-poet"} <= bridges


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_free_text_is_not_copied_from_documents(graph: Batch) -> None:
    if not SEED_DOCS.is_dir():
        pytest.skip(f"seed documents not found at {SEED_DOCS}; the copy check needs them")
    documents = [_squash(p.read_text(encoding="utf-8")) for p in sorted(SEED_DOCS.glob("*.txt"))]
    assert documents, f"no seed documents in {SEED_DOCS}"
    copied = []
    for record in graph.entities:
        for field in ("description", "purpose"):
            text = getattr(record.entity, field)
            if not text:
                continue
            squashed = _squash(text)
            windows = {squashed[i : i + COPY_WINDOW] for i in range(max(1, len(squashed) - COPY_WINDOW + 1))}
            if any(text in doc or any(w in doc for w in windows) for doc in documents):
                copied.append(f"{record.entity.id}.{field}")
    assert copied == []


def _write_counts() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = load_seed(Path(folder) / "seed.sqlite")
        try:
            counts = stored_counts(store)
        finally:
            store.close()
    COUNTS.write_text(json.dumps(counts, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {COUNTS}\n")


if __name__ == "__main__":
    _write_counts()
