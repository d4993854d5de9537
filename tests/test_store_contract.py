"""The store contract: one behaviour suite run against every reachable backend."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import InvalidFact
from graph.model import Batch, EntityType
from graph.store import Store
from ingest.format import parse_fact_file, to_batch
from ingest.load import ensure_vocabulary


def facts(**sections: Any) -> Batch:
    return to_batch(parse_fact_file({"kizuna": 1, **sections}, "<test>"), "<test>")


SOURCES = [
    {"id": "doc-a", "title": "Document A", "published": "2018-06"},
    {"id": "doc-b", "title": "Document B", "url": "https://example.org/b", "published": "2020"},
]
ENTITIES = [
    {"id": "place:jp", "type": "place", "kind": "country", "name": {"ja": "日本", "en": "Japan"}, "iso_code": "JP",
     "sources": ["doc-a"]},
    {"id": "place:cn", "type": "place", "kind": "country", "name": {"ja": "中国", "en": "China", "zh": "中国"},
     "sources": ["doc-a"]},
    {"id": "place:kanagawa", "type": "place", "kind": "region", "name": {"ja": "神奈川県", "en": "Kanagawa Prefecture"},
     "aliases": ["Kanagawa"], "parent": "place:jp", "sources": ["doc-a"]},
    {"id": "place:liaoning", "type": "place", "kind": "region",
     "name": {"ja": "遼寧省", "en": "Liaoning Province", "zh": "辽宁省"}, "parent": "place:cn", "sources": ["doc-a"]},
    {"id": "place:dalian", "type": "place", "kind": "city", "name": {"ja": "大連市", "en": "Dalian"},
     "parent": "place:liaoning", "sources": ["doc-b"]},
    {"id": "agreement:mou", "type": "agreement", "kind": "mou", "name": {"en": "Kanagawa–Liaoning MOU"},
     "signed": "2018-05-08", "sources": ["doc-a"], "sectors": ["sector:life_sciences"]},
    {"id": "person:sato", "type": "person", "name": {"ja": "佐藤花子", "en": "Hanako Sato"}, "sources": ["doc-b"]},
]
RELATIONS = [
    {"type": "party_to", "source": "place:kanagawa", "target": "agreement:mou", "valid_from": "2018-05-08",
     "evidence": "doc-a", "locator": "section 2"},
    {"type": "party_to", "source": "place:liaoning", "target": "agreement:mou", "valid_from": "2018-05-08",
     "evidence": "doc-a"},
    {"type": "works_for", "source": "person:sato", "target": "place:kanagawa", "role": "director",
     "evidence": [{"source": "doc-b", "confidence": 0.8}]},
]


def seeded(store: Store) -> Store:
    ensure_vocabulary(store)
    store.write(facts(sources=SOURCES, entities=ENTITIES, relations=RELATIONS))
    return store


def test_write_and_read_back(store: Store) -> None:
    seeded(store)
    record = store.get_entity("place:kanagawa")
    assert record is not None
    assert record.entity.name("ja") == "神奈川県"
    assert record.sources == ("doc-a",)
    assert store.get_entity("place:nowhere") is None
    stats = store.stats()
    assert stats.entities["place"] == 5
    assert stats.relations == {"focuses_on": 1, "located_in": 3, "party_to": 2, "works_for": 1}
    assert stats.sources == 3  # two documents and the sector vocabulary
    assert store.check() == []


def test_write_is_idempotent(store: Store) -> None:
    seeded(store)
    before = store.export()
    seeded(store)
    after = store.export()
    assert after.model_dump() == before.model_dump()


def test_evidence_from_a_second_source_accumulates(store: Store) -> None:
    seeded(store)
    store.write(facts(relations=[{"type": "party_to", "source": "place:kanagawa", "target": "agreement:mou",
                                  "valid_from": "2018-05-08", "evidence": "doc-b", "locator": "table 1"}]))
    (neighbour,) = [n for n in store.neighbours("place:kanagawa", types=["party_to"])]
    assert neighbour.relation.sources == ("doc-a", "doc-b")


def test_resolve_any_language_and_variants(store: Store) -> None:
    seeded(store)
    for name in ("遼寧省", "辽宁省", "LIAONING province", "Liaoning　Province"):
        assert [e.id for e in store.resolve(name)] == ["place:liaoning"], name
    assert [e.id for e in store.resolve("kanagawa")] == ["place:kanagawa"]
    assert store.resolve("神奈川") == []  # never a bare substring
    assert store.resolve("Kanagawa", type=EntityType.PERSON) == []
    keys = {(key, entity) for key, entity, _ in store.iter_names()}
    assert any(entity == "person:sato" for _, entity in keys)


def test_neighbours_filters(store: Store) -> None:
    seeded(store)
    all_n = store.neighbours("place:kanagawa")
    assert {n.entity.id for n in all_n} == {"place:jp", "agreement:mou", "person:sato"}
    out = store.neighbours("place:kanagawa", direction="out")
    assert {n.entity.id for n in out} == {"place:jp", "agreement:mou"}
    assert all(n.outgoing for n in out)
    inc = store.neighbours("place:kanagawa", direction="in")
    assert [n.entity.id for n in inc] == ["person:sato"]
    assert store.neighbours("place:kanagawa", types=["works_for"], min_confidence=0.9) == []
    assert len(store.neighbours("place:kanagawa", types=["works_for"], min_confidence=0.8)) == 1


def test_subgraph_holds_only_relations_among_ids(store: Store) -> None:
    seeded(store)
    sub = store.subgraph(["place:kanagawa", "agreement:mou", "place:dalian"])
    assert {r.entity.id for r in sub.entities} == {"place:kanagawa", "agreement:mou", "place:dalian"}
    assert [(r.type, r.source, r.target) for r in sub.relations] == [
        ("party_to", "place:kanagawa", "agreement:mou")
    ]
    assert {s.id for s in sub.sources} == {"doc-a", "doc-b"}


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        ({"type": "party_to", "source": "place:kanagawa", "target": "place:liaoning", "evidence": "doc-a"},
         "party_to cannot have a place as target"),
        ({"type": "works_for", "source": "person:sato", "target": "person:ghost", "evidence": "doc-a"},
         "unknown entity 'person:ghost'"),
        ({"type": "party_to", "source": "place:kanagawa", "target": "agreement:mou", "evidence": "doc-z"},
         "unknown source(s): doc-z"),
    ],
)
def test_bad_batch_changes_nothing(store: Store, relation: dict[str, Any], message: str) -> None:
    seeded(store)
    before = store.export().model_dump()
    version = store.version()
    new_entity = {"id": "org:new", "type": "organisation", "kind": "company", "name": {"en": "New Co"},
                  "sources": ["doc-a"]}
    with pytest.raises(InvalidFact, match=message.replace("(", r"\(").replace(")", r"\)")):
        store.write(facts(entities=[new_entity], relations=[relation]))
    assert store.export().model_dump() == before
    assert store.version() == version


def test_retract_source(store: Store) -> None:
    seeded(store)
    store.write(facts(relations=[{"type": "party_to", "source": "place:kanagawa", "target": "agreement:mou",
                                  "valid_from": "2018-05-08", "evidence": "doc-b"}]))
    result = store.retract_source("doc-b")
    assert result.relations_removed == 2  # works_for and dalian's located_in
    assert result.relations_kept == 1  # party_to is still supported by doc-a
    assert result.entities_removed == 2  # person:sato and place:dalian
    assert store.get_entity("person:sato") is None
    assert store.get_entity("place:dalian") is None
    (party,) = store.neighbours("place:kanagawa", types=["party_to"])
    assert party.relation.sources == ("doc-a",)
    assert [s.id for s in store.get_sources(["doc-b"])] == []
    assert store.relations_citing("doc-b") == []
    assert store.check() == []


def test_export_import_round_trip(store: Store, tmp_path: Any) -> None:
    from graph.embedded import EmbeddedStore

    seeded(store)
    exported = store.export()
    with EmbeddedStore(tmp_path / "copy.sqlite") as other:
        other.write(exported)
        assert other.export().model_dump() == exported.model_dump()


def test_version_changes_on_write(store: Store) -> None:
    v0 = store.version()
    seeded(store)
    assert store.version() != v0
    store.ping()
