"""Embedded-store specifics: concurrent readers, reopening, load progress."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from graph.embedded import SCHEMA_VERSION, EmbeddedStore
from graph.model import Batch, Entity, EntityRecord, Relation, Source
from ingest.load import load_files
from tests.conftest import REPO
from tests.crash_worker import SIZE, batch

READER = """
import sys
from graph.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
seen = set()
for _ in range(200):
    n = store.stats().entities.get("organisation", 0)
    assert n % {size} == 0, n  # a reader never sees half a batch
    seen.add(n)
print(len(seen))
"""


def test_reader_in_another_process_sees_only_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    writer = EmbeddedStore(path)
    from graph.model import Batch, Source

    writer.write(Batch(sources=[Source(id="crash", title="t")]))
    reader = subprocess.Popen(
        [sys.executable, "-c", READER.format(size=SIZE), str(path)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    for number in range(15):
        writer.write(batch(number))
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert int(out) >= 1
    writer.close()


def test_threads_share_one_store(tmp_path: Path) -> None:
    from graph.model import Batch, Source

    store = EmbeddedStore(tmp_path / "s.sqlite")
    store.write(Batch(sources=[Source(id="crash", title="t")]))
    errors: list[BaseException] = []

    def work(start: int) -> None:
        try:
            for number in range(start, start + 5):
                store.write(batch(number))
                store.neighbours(f"org:b{number}-1")
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i * 100,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.stats().entities["organisation"] == 15 * SIZE
    assert store.check() == []
    store.close()
    with EmbeddedStore(tmp_path / "s.sqlite") as reopened:
        assert reopened.stats().entities["organisation"] == 15 * SIZE


def test_load_reports_progress_within_a_large_file(tmp_path: Path) -> None:
    lines = ["kizuna: 1", "defaults: {source: d}", "sources: [{id: d, title: big}]", "entities:"]
    lines += [f"  - {{id: 'org:o{i}', type: organisation, kind: company, name: {{en: 'Org {i}'}}}}" for i in range(2500)]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [path], lambda what, done, total: seen.append((what, done, total)))
        assert store.stats().entities["organisation"] == 2500
    checking = [done for what, done, _ in seen if what.endswith("checking")]
    assert checking == [0, 1000, 2000]
    assert seen[-1] == ("big.yaml: writing", 2500, 2500)


def test_a_store_recreated_at_the_same_path_has_a_new_version(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with EmbeddedStore(path) as first:
        old = first.version()
        assert EmbeddedStore(path).version() == old  # reopening keeps the identity
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with EmbeddedStore(path) as second:
        assert second.version() != old


def _old_store(tmp_path: Path, version: int) -> tuple[Path, Batch]:
    """A store written by schema 2 (the seed, dumped before integer keys) or schema 1 (without the row
    columns), and the records its JSON says it holds: the expected answers, read without the store code."""
    import gzip
    import sqlite3

    path = tmp_path / f"v{version}.sqlite"
    db = sqlite3.connect(path)
    with gzip.open(REPO / "tests/fixtures/store-v2-seed.sql.gz", "rt", encoding="utf-8") as dump:
        db.executescript(dump.read())
    if version == 1:
        for table, columns in (("entities", ("kind", "signed", "start", "iso_code", "name_en", "name_ja")),
                               ("relations", ("valid_from", "valid_to", "role", "evidence"))):
            for column in columns:
                db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        db.commit()
    sources = {i: [] for (i,) in db.execute("SELECT id FROM entities")}
    for entity_id, source_id in db.execute("SELECT entity_id, source_id FROM entity_sources"):
        sources[entity_id].append(source_id)
    expected = Batch(
        sources=[Source.model_validate_json(d) for (d,) in db.execute("SELECT data FROM sources ORDER BY id")],
        entities=[EntityRecord(entity=Entity.model_validate_json(d), sources=tuple(sorted(sources[i])))
                  for i, d in db.execute("SELECT id, data FROM entities ORDER BY id")],
        relations=[Relation.model_validate_json(d) for (d,) in db.execute("SELECT data FROM relations ORDER BY id")],
    )
    db.close()
    return path, expected


def test_a_schema_3_store_gains_the_claims_column_on_opening(tmp_path: Path) -> None:
    """Schema 3 (integer keys, no claims) is upgraded in place; its records keep no claims."""
    import sqlite3

    from ingest.load import seed_path

    path = tmp_path / "s.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
        before = store.export()
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE entities DROP COLUMN claims")
    db.execute("ALTER TABLE relations DROP COLUMN claims")
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with EmbeddedStore(path) as store:
        assert store.check() == []
        assert store.export() == before
        assert store.get_claims("entity", [e.entity.id for e in before.entities]) == {}
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert "claims" in {r[1] for r in db.execute("PRAGMA table_info(relations)")}
    db.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_is_upgraded_on_opening_and_keeps_every_record(tmp_path: Path, version: int) -> None:
    """Schema 1 and 2 stores (text keys, JSON relations) are rewritten as schema 3 in place."""
    import sqlite3

    from graph.rows import GraphRows

    path, expected = _old_store(tmp_path, version)
    with EmbeddedStore(path) as store:
        assert store.check() == []
        exported = store.export()
        assert exported.sources == expected.sources
        assert exported.entities == expected.entities
        assert exported.relations == expected.relations
        rows = store.rows()
        assert sorted(rows.entities) == sorted(GraphRows.of(expected).entities)
        assert sorted(rows.relations) == sorted(GraphRows.of(expected).relations)
        some = expected.relations[0]
        assert store.get_relations([some.id]) == {some.id: some}
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    db.close()


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    import sqlite3

    from graph.errors import StoreUnavailable

    path = tmp_path / "s.sqlite"
    EmbeddedStore(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreUnavailable, match=f"schema {SCHEMA_VERSION + 1}"):
        EmbeddedStore(path)


def test_rows_match_the_records_after_merges_and_retraction(tmp_path: Path) -> None:
    """The row columns follow every write path: new evidence merged in, a source retracted."""
    from graph.rows import GraphRows
    from ingest.files import read_fact_file
    from ingest.load import load_facts, load_files, seed_path

    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [seed_path()])
        load_facts(store, read_fact_file(seed_path()), "seed.yaml")  # the same facts again: evidence merges
        store.retract_source("seed:004-kanagawa-liaoning")
        rows, expected = store.rows(), GraphRows.of(store.export())
        assert sorted(rows.entities) == sorted(expected.entities)
        assert sorted(rows.relations) == sorted(expected.relations)


def _indexes(path: Path) -> set[str]:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        db.close()


def test_a_bulk_load_defers_the_secondary_indexes_and_stores_the_same_graph(tmp_path: Path) -> None:
    """Inside ``bulk`` the five secondary indexes are gone and every batch still commits; leaving rebuilds
    them; the result equals the same batches written one by one, merges across batches included."""
    from graph.sqlite_schema import DEFERRED_INDEXES

    sources = Batch(sources=[Source(id="crash", title="crash test")])
    batches = [sources] + [batch(n) for n in range(4)] + [batch(1)]  # batch 1 again: merges inside the bulk
    with EmbeddedStore(tmp_path / "plain.sqlite") as plain:
        for b in batches:
            plain.write(b)
        expected = plain.export()
    path = tmp_path / "bulk.sqlite"
    with EmbeddedStore(path) as store:
        with store.bulk(10**6):
            for b in batches:
                store.write(b)
                assert not set(DEFERRED_INDEXES) & _indexes(path)
            with EmbeddedStore(path) as reader:  # another connection sees the committed batches
                assert reader.stats().entities["organisation"] == 4 * SIZE
        assert set(DEFERRED_INDEXES) <= _indexes(path)
        assert store.check() == []
        exported = store.export()
    assert exported.entities == expected.entities
    assert exported.relations == expected.relations


@pytest.mark.parametrize("removed", ["before the check", "after the check"])
def test_a_bulk_load_notices_an_entity_removed_by_another_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, removed: str
) -> None:
    """A bulk load's batches are stored without SQLite's reference checks (the store checked every endpoint
    against its maps); when another writer removed an entity meanwhile, the next batch naming it is refused
    with a one-line error, nothing of it is stored, and no reference dangles. "after the check": the removal
    lands between the batch's checks and its transaction (the checks are shown the entity as it was)."""
    from graph.errors import InvalidFact
    from graph.ids import relation_id
    from graph.model import EntityType, Evidence, Name

    def org(i: str, source: str) -> EntityRecord:
        entity = Entity(id=i, type=EntityType.ORGANISATION, kind="company", names=(Name(text=i),))
        return EntityRecord(entity=entity, sources=(source,))

    path = tmp_path / "s.sqlite"
    with EmbeddedStore(path) as store, store.bulk(10**6):
        store.write(Batch(sources=[Source(id="kept", title="kept"), Source(id="gone", title="gone")],
                          entities=[org("org:y", "kept"), org("org:x", "gone")]))
        rows_before = store.entity_rows(["org:x", "org:y"])
        with EmbeddedStore(path) as other:
            other.retract_source("gone")  # org:x had nothing else: it goes too
        link = Relation(id=relation_id("partner_of", "org:y", "org:x"), type="partner_of", source="org:y",
                        target="org:x", evidence=(Evidence(source="kept"),))
        expected = "unknown entity 'org:x'"
        if removed == "after the check":
            monkeypatch.setattr(store, "entity_rows", lambda ids: {i: rows_before[i] for i in ids})
            expected = "org:x.* removed by another writer"
        with pytest.raises(InvalidFact, match=expected):
            store.write(Batch(relations=[link]))
        monkeypatch.undo()
        store.write(Batch(entities=[org("org:z", "kept")]))  # the load goes on with what is stored
    with EmbeddedStore(path) as store:
        assert store.check() == []
        assert store.stats().relation_total == 0
        assert sorted(store.get_entities(["org:x", "org:y", "org:z"])) == ["org:y", "org:z"]


def test_a_small_load_keeps_its_indexes(tmp_path: Path) -> None:
    from graph.sqlite_schema import DEFERRED_INDEXES

    path = tmp_path / "s.sqlite"
    with EmbeddedStore(path) as store, store.bulk(100):
        store.write(Batch(sources=[Source(id="crash", title="crash test")]))
        store.write(batch(0))
        assert set(DEFERRED_INDEXES) <= _indexes(path)


def test_a_bulk_load_that_died_is_healed_on_opening(tmp_path: Path) -> None:
    """The loading process is gone (its pid no longer runs): the next opening rebuilds the indexes."""
    import sqlite3

    from graph.sqlite_schema import BULK_MARK, DEFERRED_INDEXES

    path = tmp_path / "s.sqlite"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with EmbeddedStore(path) as store:
        store.write(Batch(sources=[Source(id="crash", title="crash test")]))
        store.write(batch(0))
    db = sqlite3.connect(path)
    for name in DEFERRED_INDEXES:
        db.execute(f"DROP INDEX {name}")
    db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (BULK_MARK, dead.stdout.strip()))
    db.commit()
    db.close()
    with EmbeddedStore(path) as store:
        assert store.check() == []
        assert store.resolve("Company org:b0-1")[0].id == "org:b0-1"
    assert set(DEFERRED_INDEXES) <= _indexes(path)


def test_loading_the_same_file_again_is_skipped_until_the_store_changes(tmp_path: Path) -> None:
    from ingest.load import load_files, seed_path

    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        first = load_files(store, [seed_path()])
        assert not first[0].unchanged and first[0].result.relations > 0
        version = store.version()
        again = load_files(store, [seed_path()])
        assert again[0].unchanged and store.version() == version  # nothing written
        store.retract_source("seed:004-kanagawa-liaoning")
        after_change = load_files(store, [seed_path()])
        assert not after_change[0].unchanged
        assert any("seed:004-kanagawa-liaoning" in r.sources for r in store.relations_citing(
            "seed:004-kanagawa-liaoning"))
