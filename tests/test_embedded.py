"""Embedded-store specifics: concurrent readers, reopening, load progress."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from graph.embedded import SCHEMA_VERSION, EmbeddedStore
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


def test_a_schema_1_store_gains_the_row_columns_on_opening(tmp_path: Path) -> None:
    """Stores written before the row columns existed are upgraded in place, and rows() reads them right."""
    import sqlite3

    from graph.embedded import _ROW_COLUMNS
    from graph.rows import GraphRows
    from ingest.load import load_files, seed_path

    path = tmp_path / "old.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
        expected = GraphRows.of(store.export())
    db = sqlite3.connect(path)
    for table, columns in _ROW_COLUMNS.items():
        for column in columns:
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with EmbeddedStore(path) as store:
        rows = store.rows()
        assert sorted(rows.entities) == sorted(expected.entities)
        assert sorted(rows.relations) == sorted(expected.relations)
        assert store.check() == []
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    db.close()


def test_rows_match_the_records_after_merges_and_retraction(tmp_path: Path) -> None:
    """The row columns follow every write path: new evidence merged in, a source retracted."""
    from graph.rows import GraphRows
    from ingest.load import load_files, seed_path

    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [seed_path()])
        load_files(store, [seed_path()])  # the same facts again: evidence merges, nothing doubles
        store.retract_source("seed:004-kanagawa-liaoning")
        rows, expected = store.rows(), GraphRows.of(store.export())
        assert sorted(rows.entities) == sorted(expected.entities)
        assert sorted(rows.relations) == sorted(expected.relations)
