"""The store contract: one behaviour suite run against every reachable backend,
and the read view each backend gives queries (``queries.view``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from graph.errors import InvalidFact
from graph.model import Batch, EntityType
from graph.names import name_key
from graph.registry import TIE_TYPES
from graph.rows import GraphRows
from graph.store import Store
from ingest.format import parse_fact_file, to_batch
from ingest.load import ensure_vocabulary
from queries.ties import ALL_TYPES
from queries.view import view_of


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


def test_rows_match_the_export(store: Store) -> None:
    seeded(store)
    exported = GraphRows.of(store.export())
    rows = store.rows()
    assert sorted(rows.entities) == sorted(exported.entities)
    assert sorted(rows.relations) == sorted(exported.relations)
    assert sorted(s.id for s in rows.sources) == sorted(s.id for s in exported.sources)
    assert [r.id for r in rows.relations] == sorted(r.id for r in rows.relations)  # relation-id order


def test_entity_rows_by_id(store: Store) -> None:
    seeded(store)
    found = store.entity_rows(["place:kanagawa", "agreement:mou", "place:nowhere"])
    assert set(found) == {"place:kanagawa", "agreement:mou"}
    kanagawa = found["place:kanagawa"]
    assert (kanagawa.type, kanagawa.kind, kanagawa.name_ja, kanagawa.name_en) == (
        EntityType.PLACE, "region", "神奈川県", "Kanagawa Prefecture")
    assert kanagawa.is_governing_place
    assert found["agreement:mou"].signed == "2018-05-08"
    assert store.entity_rows([]) == {}


def test_iter_names_lists_every_name_under_its_key(store: Store) -> None:
    seeded(store)
    names = set(store.iter_names())
    assert (name_key("神奈川県"), "place:kanagawa", "神奈川県") in names
    assert (name_key("Kanagawa"), "place:kanagawa", "Kanagawa") in names  # aliases too
    assert (name_key("辽宁省"), "place:liaoning", "辽宁省") in names
    assert name_key("遼寧省") == name_key("辽宁省")  # variants share a key
    exported = {(name_key(n.text), r.entity.id, n.text) for r in store.export().entities for n in r.entity.names}
    assert names == exported


def test_stats_count_what_is_stored(store: Store) -> None:
    seeded(store)
    batch = store.export()
    stats = store.stats()
    assert stats.entity_total == len(batch.entities) and stats.relation_total == len(batch.relations)
    assert stats.entities == dict(Counter(r.entity.type.value for r in batch.entities))
    assert stats.relations == dict(Counter(r.type for r in batch.relations))
    assert stats.sources == len(batch.sources)
    store.retract_source("doc-b")
    after = store.stats()
    assert after.relations.get("works_for", 0) == 0 and after.sources == stats.sources - 1


def test_check_finds_nothing_wrong_after_writes_and_retractions(store: Store) -> None:
    assert store.check() == []
    seeded(store)
    assert store.check() == []
    store.retract_source("doc-a")
    assert store.check() == []


def test_relations_citing_a_source(store: Store) -> None:
    seeded(store)
    citing = store.relations_citing("doc-a")
    exported = store.export().relations
    assert citing == sorted((r for r in exported if "doc-a" in r.sources), key=lambda r: r.id)
    assert [r.type for r in citing].count("party_to") == 2
    assert "director" in [r.role for r in store.relations_citing("doc-b")]
    assert "works_for" not in [r.type for r in citing]
    assert store.relations_citing("doc-nowhere") == []
    store.retract_source("doc-a")
    assert store.relations_citing("doc-a") == []


def test_read_view_answers_from_what_is_stored(store: Store) -> None:
    """The view queries walk: the embedded index or the backend's own (Neo4j), same answers."""
    seeded(store)
    view = view_of(store)
    rows = GraphRows.of(store.export())
    relations = sorted(rows.relations, key=lambda r: r.id)
    ids = sorted(e.id for e in rows.entities)
    assert view.get_entities(ids) == {e.id: e for e in rows.entities}
    assert set(view.get_sources(["doc-a", "doc-x"])) == {"doc-a"}
    for node in ids:
        touching = [(node, r) for r in relations if node in (r.source, r.target)]
        assert view.adjacent([node], ALL_TYPES) == touching
        assert view.adjacent([node], ALL_TYPES, "out") == [(n, r) for n, r in touching if r.source == node]
        assert view.adjacent([node], ALL_TYPES, "in") == [(n, r) for n, r in touching if r.target == node]
    kanagawa = view.ties(["place:kanagawa"], TIE_TYPES, None, 0.0)
    assert {r.type for _, r in kanagawa} == {"party_to", "works_for"}
    assert view.ties(["place:kanagawa"], TIE_TYPES, None, 0.9) == [n for n in kanagawa if n[1].type == "party_to"]
    assert view.ties(["place:kanagawa"], TIE_TYPES, dt.date(2017, 1, 1), 0.0) == [
        n for n in kanagawa if n[1].type == "works_for"]  # the MOU was not signed yet
    assert [p.id for p in view.places("country")] == ["place:cn", "place:jp"]
    assert view.entity_page(EntityType.PLACE, 1, 2) == (5, [view.get_entities([i])[i] for i in
                                                             ["place:dalian", "place:jp"]])
    ends = {frozenset((u, v)) for page in view.tie_pages(TIE_TYPES, None, 0.0) for u, _, v, _ in page}
    assert ends == {frozenset((r.source, r.target)) for r in relations if r.type in TIE_TYPES}


# -- identity decisions: judgements, the review queue, merges -------------------------------


def test_judgements_are_kept_per_pair_and_the_latest_wins(store: Store) -> None:
    from graph.review import Judgement, Verdict

    store.add_judgements([Judgement(left="organisation:x", right="place:liaoning", verdict=Verdict.UNSURE, user="ann")])
    store.add_judgements([Judgement(left="organisation:x", right="place:liaoning", verdict=Verdict.SAME, user="bo"),
                          Judgement(left="organisation:x", right="place:dalian", verdict=Verdict.DIFFERENT)])
    found = {(j.right, j.verdict.value, j.user) for j in store.judgements(["organisation:x"])}
    assert found == {("place:liaoning", "same", "bo"), ("place:dalian", "different", "kizuna")}
    assert [j.left for j in store.judgements(["place:dalian"])] == ["organisation:x"]  # either side finds it
    assert store.judgements(["place:nowhere"]) == []
    assert len(store.judgements()) == 2


def test_review_queue_is_replaced_per_document(store: Store) -> None:
    from graph.model import Name
    from graph.review import Candidate, ReviewItem

    def item(entity: str, source: str) -> ReviewItem:
        return ReviewItem(entity=entity, source=source, document=f"{source}.txt", type=EntityType.ORGANISATION,
                          names=(Name(text="大连市政府"),), start=3, end=8,
                          candidates=(Candidate(id="place:dalian", name="大連市", score=91.0),),
                          record={"id": entity, "type": "organisation"}, relations=[{"type": "located_in"}])

    store.replace_review_items("doc-a", [item("organisation:x", "doc-a"), item("organisation:y", "doc-a")])
    store.replace_review_items("doc-b", [item("organisation:x", "doc-b")])
    assert [(i.source, i.entity) for i in store.review_items()] == [
        ("doc-a", "organisation:x"), ("doc-a", "organisation:y"), ("doc-b", "organisation:x")]
    back = store.review_items("organisation:y")[0]
    assert back.candidates[0].id == "place:dalian" and back.relations == [{"type": "located_in"}]
    store.replace_review_items("doc-a", [item("organisation:z", "doc-a")])  # re-ingesting doc-a
    assert {i.entity for i in store.review_items()} == {"organisation:z", "organisation:x"}
    store.remove_review_items([back.key, item("organisation:x", "doc-b").key])
    assert [i.entity for i in store.review_items()] == ["organisation:z"]


def test_merge_keeps_every_evidence_and_the_old_id_and_can_be_undone(store: Store) -> None:
    from graph.merge import merge_entities, undo_merge

    seeded(store)
    store.write(facts(entities=[
        {"id": "place:kanagawa-2", "type": "place", "kind": "region", "name": {"en": "Kanagawa-ken"},
         "parent": "place:jp", "sources": ["doc-b"]},
        {"id": "person:ito", "type": "person", "name": {"en": "Jun Ito"}, "sources": ["doc-b"]},
    ], relations=[
        {"type": "works_for", "source": "person:ito", "target": "place:kanagawa-2", "evidence": "doc-b",
         "locator": "p. 2"},
    ]))
    before = store.export()
    record = merge_entities(store, "place:kanagawa", "place:kanagawa-2", user="ann")
    assert store.get_entity("place:kanagawa-2") is None
    assert store.merged_into("place:kanagawa-2") == "place:kanagawa"
    kept = store.get_entity("place:kanagawa")
    assert kept is not None and "Kanagawa-ken" in {n.text for n in kept.entity.names}
    assert set(kept.sources) == {"doc-a", "doc-b"}
    works = [n for n in store.neighbours("person:ito", types=["works_for"])]
    assert [n.entity.id for n in works] == ["place:kanagawa"]
    assert works[0].relation.evidence[0].locator == "p. 2"  # the evidence moved with the relation
    located = store.neighbours("place:kanagawa", types=["located_in"], direction="out")
    assert len(located) == 1 and set(located[0].relation.sources) == {"doc-a", "doc-b"}  # evidence added up
    assert store.check() == []
    same = store.judgements(["place:kanagawa-2"])
    assert [(j.verdict.value, j.user) for j in same] == [("same", "ann")]
    undo_merge(store, record.id, user="ann")
    assert store.export().model_dump() == before.model_dump()
    assert store.merged_into("place:kanagawa-2") is None
    assert store.check() == []
    with pytest.raises(InvalidFact, match="already undone"):
        undo_merge(store, record.id)


def test_merge_refuses_different_types(store: Store) -> None:
    from graph.merge import merge_entities

    seeded(store)
    with pytest.raises(InvalidFact, match="cannot merge person"):
        merge_entities(store, "place:kanagawa", "person:sato")
    assert store.get_entity("person:sato") is not None


def test_names_by_key_and_by_prefix(store: Store) -> None:
    """The indexed name lookups documents and near-duplicate search read instead of every name."""
    seeded(store)
    from graph.names import name_key

    rows = store.names_for_keys([name_key("辽宁省"), name_key("Kanagawa"), "nothing-has-this-key"])
    assert {(ident, text) for _key, ident, text in rows} == {
        ("place:liaoning", "遼寧省"), ("place:liaoning", "辽宁省"), ("place:kanagawa", "Kanagawa")}
    prefix = name_key("神奈川")[:2]
    found = store.names_with_prefix(prefix)
    assert ("place:kanagawa", "神奈川県") in {(i, t) for _k, i, t in found}
    assert all(k.startswith(prefix) for k, _i, _t in found)
    assert sorted(store.names_with_prefix(prefix)) == sorted(r for r in store.iter_names() if r[0].startswith(prefix))
