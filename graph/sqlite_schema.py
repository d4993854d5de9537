"""The embedded store's tables, their upgrades, and the indexes a bulk load defers.

Schema 3 keys every row by an integer (``key INTEGER PRIMARY KEY``, SQLite's
rowid): relations point at entities and evidence at relations and sources by
these integers, so the secondary indexes hold 8-byte keys instead of
26-character hashes, and rows appended in key order land at the end of their
B-trees. Text ids stay unique (one index each) because callers speak in ids.
Relations are columns plus one evidence row per (relation, source, locator,
asserter); no JSON is parsed to read or write them. Entities and sources keep
their JSON record (names and free text vary by type), with the few fields
whole-graph reads need copied into columns. Tables with columns outside their
primary key keep a rowid: SQLite 3.40's integrity check misreports NOT NULL
columns of WITHOUT ROWID tables.
"""

from __future__ import annotations

import os
import sqlite3

SCHEMA_VERSION = 5  # 2: row columns beside the JSON; 3: integer keys, relations as columns, evidence rows; 4: claims;
# 5: end_date (an organisation's or place's end, read with the rows; ``end`` is an SQL keyword)

TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities(
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    kind TEXT, signed TEXT, start TEXT, iso_code TEXT, name_en TEXT, name_ja TEXT,
    claims TEXT, end_date TEXT);
CREATE TABLE IF NOT EXISTS entity_sources(
    entity INTEGER NOT NULL REFERENCES entities(key) ON DELETE CASCADE,
    source INTEGER NOT NULL REFERENCES sources(key),
    PRIMARY KEY(entity, source)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names(
    entity INTEGER NOT NULL REFERENCES entities(key) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY(entity, text));
CREATE TABLE IF NOT EXISTS relations(
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    source INTEGER NOT NULL REFERENCES entities(key),
    target INTEGER NOT NULL REFERENCES entities(key),
    confidence REAL NOT NULL,
    valid_from TEXT, valid_to TEXT, role TEXT,
    evidence TEXT NOT NULL,
    claims TEXT);
CREATE TABLE IF NOT EXISTS evidence(
    relation INTEGER NOT NULL REFERENCES relations(key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source INTEGER NOT NULL REFERENCES sources(key),
    locator TEXT,
    asserted_by TEXT NOT NULL,
    confidence REAL NOT NULL,
    quote TEXT,
    PRIMARY KEY(relation, seq));
CREATE TABLE IF NOT EXISTS judgements(
    pair TEXT PRIMARY KEY, left_id TEXT NOT NULL, right_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judgements_left ON judgements(left_id);
CREATE INDEX IF NOT EXISTS judgements_right ON judgements(right_id);
CREATE TABLE IF NOT EXISTS review_items(
    key TEXT PRIMARY KEY, entity_id TEXT NOT NULL, source_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS review_items_source ON review_items(source_id);
CREATE INDEX IF NOT EXISTS review_items_entity ON review_items(entity_id);
CREATE TABLE IF NOT EXISTS merges(
    id TEXT PRIMARY KEY, merged TEXT NOT NULL, survivor TEXT NOT NULL, undone INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS writes(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entities INTEGER NOT NULL,
    relations INTEGER NOT NULL,
    sources INTEGER NOT NULL);
"""

# The five secondary indexes: a bulk load drops them and builds each once at the end
# (one sorted pass instead of a million random inserts). Opening a store creates any
# that are missing, so a load killed half-way leaves a store that heals on reopening.
DEFERRED_INDEXES = {
    "relations_source": "CREATE INDEX IF NOT EXISTS relations_source ON relations(source)",
    "relations_target": "CREATE INDEX IF NOT EXISTS relations_target ON relations(target)",
    "evidence_source": "CREATE INDEX IF NOT EXISTS evidence_source ON evidence(source)",
    "names_key": "CREATE INDEX IF NOT EXISTS names_key ON names(key)",
    "entity_sources_source": "CREATE INDEX IF NOT EXISTS entity_sources_source ON entity_sources(source)",
}

BULK_MARK = "bulk_load_pid"  # meta key: the process loading with deferred indexes


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def missing_indexes(db: sqlite3.Connection) -> list[str]:
    have = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return [name for name in DEFERRED_INDEXES if name not in have]


def bulk_owner_alive(db: sqlite3.Connection) -> bool:
    """Whether a live process is bulk loading (its indexes are deferred on purpose)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (BULK_MARK,)).fetchone()
    if row is None:
        return False
    try:
        pid = int(row[0])
        if pid == os.getpid():
            return False  # this process's own earlier load, which it did not finish
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def restore_indexes(db: sqlite3.Connection) -> None:
    """Build the deferred indexes that are missing and clear the bulk mark (inside a write transaction)."""
    for name in missing_indexes(db):
        db.execute(DEFERRED_INDEXES[name])
    db.execute("DELETE FROM meta WHERE key = ?", (BULK_MARK,))


def stored_version(db: sqlite3.Connection) -> int | None:
    """The schema version of an existing store (None for a new, empty file)."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


# -- upgrades -----------------------------------------------------------------------------------------

# Schema 1 stored only the JSON; schema 2 added these columns, filled from it.
_V2_COLUMNS = {
    "entities": {
        "kind": "json_extract(data, '$.kind')",
        "signed": "json_extract(data, '$.signed')",
        "start": "json_extract(data, '$.start')",
        "iso_code": "json_extract(data, '$.iso_code')",
        "name_en": "(SELECT json_extract(n.value, '$.text') FROM json_each(entities.data, '$.names') n ORDER BY "
        "(json_extract(n.value, '$.lang') = 'en' AND json_extract(n.value, '$.kind') = 'primary') DESC, "
        "json_extract(n.value, '$.lang') = 'en' DESC, json_extract(n.value, '$.kind') = 'primary' DESC, n.key LIMIT 1)",
        "name_ja": "(SELECT json_extract(n.value, '$.text') FROM json_each(entities.data, '$.names') n ORDER BY "
        "(json_extract(n.value, '$.lang') = 'ja' AND json_extract(n.value, '$.kind') = 'primary') DESC, "
        "json_extract(n.value, '$.lang') = 'ja' DESC, json_extract(n.value, '$.kind') = 'primary' DESC, n.key LIMIT 1)",
    },
    "relations": {
        "valid_from": "json_extract(data, '$.valid_from')",
        "valid_to": "json_extract(data, '$.valid_to')",
        "role": "json_extract(data, '$.role')",
        "evidence": "(SELECT group_concat(json_extract(e.value, '$.source') || ' ' || "
        "json_extract(e.value, '$.confidence'), ' ') FROM json_each(relations.data, '$.evidence') e)",
    },
}

_OLD_TABLES = ("sources", "entities", "entity_sources", "names", "relations", "relation_sources")
_OLD_INDEXES = ("entity_sources_source", "names_key", "relations_source", "relations_target", "relation_sources_source")

_COPY = """
INSERT INTO sources(id, data) SELECT id, data FROM old_sources ORDER BY id;
INSERT INTO entities(id, type, data, kind, signed, start, iso_code, name_en, name_ja)
    SELECT id, type, data, kind, signed, start, iso_code, name_en, name_ja FROM old_entities ORDER BY id;
INSERT INTO names(entity, key, text)
    SELECT e.key, n.key, n.text FROM old_names n JOIN entities e ON e.id = n.entity_id;
INSERT INTO entity_sources(entity, source)
    SELECT e.key, s.key FROM old_entity_sources x JOIN entities e ON e.id = x.entity_id
    JOIN sources s ON s.id = x.source_id;
INSERT INTO relations(id, type, source, target, confidence, valid_from, valid_to, role, evidence)
    SELECT r.id, r.type, s.key, t.key, r.confidence, r.valid_from, r.valid_to, r.role, r.evidence
    FROM old_relations r JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target ORDER BY r.id;
INSERT INTO evidence(relation, seq, source, locator, asserted_by, confidence, quote)
    SELECT r.key, j.key, s.key, json_extract(j.value, '$.locator'),
           COALESCE(json_extract(j.value, '$.asserted_by'), 'curated'),
           COALESCE(json_extract(j.value, '$.confidence'), 1.0), json_extract(j.value, '$.quote')
    FROM old_relations o JOIN relations r ON r.id = o.id, json_each(o.data, '$.evidence') j
    JOIN sources s ON s.id = json_extract(j.value, '$.source')
"""


def _add_v2_columns(db: sqlite3.Connection) -> None:
    """Schema 1 -> 2: the row columns, filled from the JSON."""
    for table, columns in _V2_COLUMNS.items():
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        missing = [c for c in columns if c not in have]
        for column in missing:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        if missing:
            sets = ", ".join(f"{c} = {columns[c]}" for c in missing)
            db.execute(f"UPDATE {table} SET {sets}")  # noqa: S608 (constants only)


def _add_claims(db: sqlite3.Connection) -> None:
    """Schema 3 -> 4: the claims column (``graph.store.Claims``; empty until a second
    source asserts a record, so records written before stay without claims)."""
    for table in ("entities", "relations"):
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        if "claims" not in have:
            db.execute(f"ALTER TABLE {table} ADD COLUMN claims TEXT")


def _add_end_date(db: sqlite3.Connection) -> None:
    """Schema 4 -> 5: the end_date column, filled from the JSON (events had ``end`` before; organisations and
    places may carry it from schema 5 on)."""
    if "end_date" not in {r[1] for r in db.execute("PRAGMA table_info(entities)")}:
        db.execute("ALTER TABLE entities ADD COLUMN end_date TEXT")
    db.execute("UPDATE entities SET end_date = json_extract(data, '$.end') "
               "WHERE json_extract(data, '$.end') IS NOT NULL")


def upgrade(db: sqlite3.Connection, version: int) -> None:
    """Bring a schema 1 to 4 store to the current schema (inside the caller's transaction, foreign keys off).

    1 and 2 are rewritten as integer-keyed tables (which carry the claims and
    end_date columns from the start); 3 gains the claims column; every older
    store gets end_date filled from its JSON."""
    if version >= 3:
        _add_claims(db)
        _add_end_date(db)
        return
    if version < 2:
        _add_v2_columns(db)
    for index in _OLD_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {index}")
    for table in _OLD_TABLES:
        db.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
    for statement in statements(TABLES):
        db.execute(statement)
    for statement in statements(_COPY):
        db.execute(statement)
    for table in reversed(_OLD_TABLES):
        db.execute(f"DROP TABLE old_{table}")
    _add_end_date(db)
