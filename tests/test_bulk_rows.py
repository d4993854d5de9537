"""A bulk load writes new records through one pass (``graph.new_rows``): the stored rows must be exactly
those the general write path stores, keys, claims and row order included, and anything that pass cannot
vouch for must reach the general path (merges, repeats, bad records with their one-line errors)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.synthetic import SyntheticGraph
from graph.embedded import EmbeddedStore
from graph.errors import InvalidFact
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation, Source
from graph.new_rows import _relation_claims, display_names
from graph.store import relation_claims

TABLES = ("meta", "sources", "entities", "entity_sources", "names", "relations", "evidence", "writes")


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of the graph's tables, rowids included (the store id and bulk mark left out)."""
    db = sqlite3.connect(path)
    try:
        out = {}
        for table in TABLES:
            if table == "meta":
                out[table] = db.execute("SELECT * FROM meta WHERE key NOT IN ('store_id', 'bulk_load_pid') "
                                        "ORDER BY key").fetchall()
            elif table == "entity_sources":  # WITHOUT ROWID
                out[table] = db.execute("SELECT * FROM entity_sources ORDER BY 1, 2").fetchall()
            else:
                out[table] = db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
        return out
    finally:
        db.close()


def org(entity_id: str, *sources: str, names: tuple[Name, ...] | None = None) -> EntityRecord:
    names = names or (Name(text=f"Company {entity_id}", lang=Lang.EN, kind=NameKind.PRIMARY),)
    return EntityRecord(entity=Entity(id=entity_id, type=EntityType.ORGANISATION, kind="company", names=names),
                        sources=sources)


def link(rtype: str, a: str, b: str, *evidence: Evidence, role: str | None = None) -> Relation:
    return Relation(id=relation_id(rtype, a, b, role), type=rtype, source=a, target=b, role=role, evidence=evidence)


def awkward_batches() -> list[Batch]:
    """New records of every shape the one pass handles, then batches it must hand to the general path."""
    sources = [Source(id="s1", title="One"), Source(id="s2", title="二"), Source(id="s3", title="Three", lang=Lang.ZH)]
    names = (Name(text="Zeta Holdings", lang=Lang.EN, kind=NameKind.ALIAS), Name(text="ゼータ", lang=Lang.JA),
             Name(text="Zeta", lang=Lang.EN, kind=NameKind.PRIMARY), Name(text="ZETA", lang=Lang.UND))
    first = Batch(
        sources=sources,
        entities=[org("org:b", "s2", "s1"), org("org:a", "s1", names=names), org("org:c", "s3", "s3"),
                  EntityRecord(entity=Entity(id="agreement:x", type=EntityType.AGREEMENT, kind="mou",
                                             names=(Name(text="MOU X"),), signed="2019-04"), sources=("s1",)),
                  EntityRecord(entity=Entity(id="place:jp", type=EntityType.PLACE, kind="country", iso_code="JP",
                                             names=(Name(text="日本", lang=Lang.JA, kind=NameKind.PRIMARY),)),
                               sources=("s2",))],
        relations=[
            # symmetric and written backwards, asserted by two sources: stored swapped, with claims
            link("partner_of", "org:b", "org:a", Evidence(source="s2", locator="p. 3", confidence=0.7),
                 Evidence(source="s1", quote='He said "yes"\n— 合意', asserted_by="x/1", confidence=0.25)),
            # two pieces of evidence from one source: no claims
            link("partner_of", "org:a", "org:c", Evidence(source="s3", locator="a"), Evidence(source="s3", locator="b")),
            link("party_to", "org:a", "agreement:x", Evidence(source="s1"), role="signatory"),
            link("located_in", "org:c", "place:jp", Evidence(source="s3", confidence=0.5)),
            # texts that look like the bulk rows' stand-in for NULL are stored as given
            link("partner_of", "org:c", "org:b", Evidence(source="s1", locator="", quote="0"), role="0"),
            link("partner_of", "org:b", "place:jp", Evidence(source="s2", locator="0", quote=""), role=""),
        ],
    )
    later = Batch(entities=[org("org:d", "s1")],
                  relations=[link("partner_of", "org:d", "org:a", Evidence(source="s1")),
                             link("member_of", "org:d", "org:c", Evidence(source="s2"), Evidence(source="s3"))])
    stored_again = Batch(relations=[link("partner_of", "org:d", "org:b", Evidence(source="s3")),
                                    link("partner_of", "org:b", "org:a", Evidence(source="s3"))])  # merges
    entity_again = Batch(entities=[org("org:e", "s2"), org("org:a", "s3")])  # org:a merges
    repeated = Batch(relations=[link("partner_of", "org:e", "org:c", Evidence(source="s1")),
                                link("partner_of", "org:c", "org:e", Evidence(source="s2"))])  # one id, twice
    return [first, later, stored_again, entity_again, repeated]


def write_all(path: Path, batches: list[Batch], bulk: bool) -> list[bool]:
    """Write the batches (in one bulk load or one by one); which of them the one pass stored."""
    taken: list[bool] = []
    with EmbeddedStore(path) as store:
        if not bulk:
            for batch in batches:
                store.write(batch)
            return taken
        original = store._write_new

        def spy(batch: Batch) -> object:
            result = original(batch)
            taken.append(result is not None)
            return result

        store._write_new = spy  # type: ignore[method-assign]
        with store.bulk(10**9):
            for batch in batches:
                store.write(batch)
        assert store.check() == []
    return taken


def test_a_bulk_load_stores_exactly_the_rows_of_plain_writes(tmp_path: Path) -> None:
    batches = [*SyntheticGraph(4_000, seed=5, batch_size=1_500).batches(), *awkward_batches()]
    write_all(tmp_path / "plain.sqlite", batches, bulk=False)
    taken = write_all(tmp_path / "bulk.sqlite", batches, bulk=True)
    plain, bulk = table_rows(tmp_path / "plain.sqlite"), table_rows(tmp_path / "bulk.sqlite")
    for table in TABLES:
        assert bulk[table] == plain[table], table
    # the synthetic batches and the first two awkward ones are new records; the last three merge or repeat
    assert taken == [True] * (len(batches) - 3) + [False] * 3
    assert any(row[-1] for row in bulk["relations"]) and any(row[-2] for row in bulk["entities"])  # claims kept
    assert {(row[4], row[7]) for row in bulk["evidence"]} >= {("", "0"), ("0", "")}  # locator, quote
    assert {row[9] for row in bulk["relations"]} >= {"", "0", None}  # role


@pytest.mark.parametrize(("bad", "message", "record"), [
    (link("partner_of", "org:a", "org:nowhere", Evidence(source="s1")), "unknown entity 'org:nowhere'", 1),
    (link("partner_of", "org:a", "agreement:x", Evidence(source="s1")), "cannot have a agreement as target", 1),
    (link("partner_of", "org:a", "org:c", Evidence(source="s9")), "unknown source", 1),
])
def test_a_bad_record_in_a_bulk_load_gets_the_same_one_line_error(
    tmp_path: Path, bad: Relation, message: str, record: int
) -> None:
    first = awkward_batches()[0]
    good = link("partner_of", "org:c", "org:b", Evidence(source="s1"))
    errors = []
    for bulk in (False, True):
        path = tmp_path / f"{bulk}.sqlite"
        with EmbeddedStore(path) as store:
            store.write(first)
            before = table_rows(path)
            with store.bulk(10**9 if bulk else 1), pytest.raises(InvalidFact) as caught:
                store.write(Batch(relations=[good, bad]))
        assert table_rows(path)["relations"] == before["relations"]  # nothing of the batch was stored
        errors.append((caught.value.message, caught.value.extra.get("record")))
    assert errors[0] == errors[1]
    assert message in errors[1][0] and "\n" not in errors[1][0]
    assert errors[1][1] == ("relations", record)


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
evidence = st.builds(Evidence, source=st.sampled_from(["s1", "s2", "doc:3"]), locator=st.none() | texts,
                     asserted_by=texts, confidence=st.floats(0.0, 1.0), quote=st.none() | texts)


@given(st.lists(evidence, min_size=2, max_size=5), st.none() | texts, st.none() | st.sampled_from(["2019", "2020-02"]))
def test_claims_of_a_new_relation_are_those_the_general_path_keeps(
    items: list[Evidence], role: str | None, since: str | None
) -> None:
    rel = Relation(id="rel:x", type="partner_of", source="org:a", target="org:b", role=role, valid_from=since,
                   evidence=tuple(items))
    claims = relation_claims(None, None, rel)
    assert _relation_claims(rel, {}) == (json.dumps(claims, ensure_ascii=False) if claims else 0)


langs, kinds = st.sampled_from(list(Lang)), st.sampled_from(list(NameKind))


@given(st.lists(st.builds(Name, text=st.sampled_from(["a", "b", "c", "d"]), lang=langs, kind=kinds), min_size=1,
                max_size=6))
def test_display_names_are_the_entitys_english_and_japanese_names(names: list[Name]) -> None:
    entity = Entity(id="org:x", type=EntityType.ORGANISATION, kind="company", names=tuple(names))
    assert display_names(entity.names) == (entity.name(Lang.EN), entity.name(Lang.JA))
