"""The embedded store: one SQLite file in WAL mode, the default everywhere.

Why SQLite: a committed transaction survives SIGKILL and power loss
(``synchronous=FULL``), a batch is one transaction so it lands whole or not at
all, WAL lets readers in other processes read while one process writes, and
reopening costs nothing. Records are JSON of the domain models; the tables
beside them (names, sources per relation) exist only to answer lookups fast.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from graph.errors import StoreUnavailable
from graph.model import Batch, Entity, EntityRecord, EntityType, Relation, Source, record_json
from graph.names import name_key
from graph.review import Judgement, MergeRecord, ReviewItem
from graph.rows import EntityRow, EvidenceRow, GraphRows, RelationRow
from graph.store import Direction, Neighbour, RetractResult, Stats, Store

SCHEMA_VERSION = 2  # 2: the row columns (see _ROW_COLUMNS)
CACHE_KIB = 256 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities(id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_sources(
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    PRIMARY KEY(entity_id, source_id));
CREATE INDEX IF NOT EXISTS entity_sources_source ON entity_sources(source_id);
CREATE TABLE IF NOT EXISTS names(
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY(entity_id, text));
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE TABLE IF NOT EXISTS relations(
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES entities(id),
    target TEXT NOT NULL REFERENCES entities(id),
    confidence REAL NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS relations_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target);
CREATE TABLE IF NOT EXISTS relation_sources(
    relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    PRIMARY KEY(relation_id, source_id));
CREATE INDEX IF NOT EXISTS relation_sources_source ON relation_sources(source_id);
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


# Row columns: copies of the few record fields that whole-graph indexes read
# (``Store.rows``), kept beside the JSON so that indexing a million relations
# parses no JSON. Written with every record; added and filled from the JSON
# when a schema-1 store is opened.
_ROW_COLUMNS = {
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


def _add_row_columns(db: sqlite3.Connection) -> None:
    """Schema 1 -> 2: add the row columns and fill them from the JSON (inside the opening transaction)."""
    for table, columns in _ROW_COLUMNS.items():
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        missing = [c for c in columns if c not in have]
        for column in missing:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        if missing:
            sets = ", ".join(f"{c} = {columns[c]}" for c in missing)
            db.execute(f"UPDATE {table} SET {sets}")  # noqa: S608 (constants only)


_PAIRS: dict[tuple[str, float], str] = {}


def _evidence_text(rel: Relation) -> str:
    """``source confidence`` pairs, space separated (ids never contain spaces).
    A store holds few distinct pairs, so their text is made once."""
    parts = []
    for e in rel.evidence:
        key = (e.source, e.confidence)
        text = _PAIRS.get(key)
        if text is None:
            if len(_PAIRS) > 100_000:
                _PAIRS.clear()
            text = _PAIRS[key] = f"{e.source} {e.confidence!r}"
        parts.append(text)
    return " ".join(parts)


_ENTITY_ROWS = "SELECT id, type, kind, name_en, name_ja, signed, start, iso_code FROM entities"
_RELATION_ROWS = "SELECT id, type, source, target, evidence, valid_from, valid_to, role FROM relations"


def _dump(model: BaseModel) -> str:
    return record_json(model)


class EmbeddedStore(Store):
    """SQLite-backed store; safe to share between threads of one process."""

    backend = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"cannot open embedded store at {self.path}: {exc}") from exc
        self._lock = threading.RLock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            # A big page cache keeps the id indexes in memory while a large load
            # inserts at random places in them (the default 2 MB thrashes).
            self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            # Checkpoint the WAL every 64 MB rather than every 4 MB: index pages
            # that successive batches touch again are copied back once, not each time.
            self._db.execute("PRAGMA wal_autocheckpoint=16384")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                _add_row_columns(self._db)
                self._db.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(SCHEMA_VERSION),),
                )
                # A store recreated at the same path must not look like the old one to caches.
                self._db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)", (uuid.uuid4().hex,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # -- helpers -----------------------------------------------------------
    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.ProgrammingError as exc:
                raise StoreUnavailable(f"embedded store at {self.path} is closed: {exc}") from exc

    def _in_chunks(self, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Run ``sql`` (with one ``{marks}`` placeholder list) over ids in chunks."""
        rows: list[tuple[Any, ...]] = []
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            rows += self._query(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return rows

    def _records(self, rows: Iterable[tuple[str, str]]) -> dict[str, EntityRecord]:
        """Entity rows (id, data) with their sources attached."""
        rows = list(rows)
        sources: dict[str, list[str]] = {}
        for entity_id, source_id in self._in_chunks(
            "SELECT entity_id, source_id FROM entity_sources WHERE entity_id IN ({marks})", [r[0] for r in rows]
        ):
            sources.setdefault(entity_id, []).append(source_id)
        return {
            i: EntityRecord(entity=Entity.model_validate_json(data), sources=tuple(sorted(sources.get(i, []))))
            for i, data in rows
        }

    # -- writing -----------------------------------------------------------
    def _persist(self, sources: list[Source], entities: list[EntityRecord], relations: list[Relation]) -> None:
        self._transaction(lambda _db: self._persist_in_transaction(sources, entities, relations))

    def _persist_in_transaction(
        self, sources: list[Source], entities: list[EntityRecord], relations: list[Relation]
    ) -> None:
        """The statements of one write; the caller holds the lock and the transaction."""
        ids = [(r.entity.id,) for r in entities]
        db = self._db
        db.executemany(
            "INSERT INTO sources(id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data=excluded.data",
            [(s.id, _dump(s)) for s in sources],
        )
        db.executemany(
            "INSERT INTO entities(id, type, data, kind, signed, start, iso_code, name_en, name_ja) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET type=excluded.type, "
            "data=excluded.data, kind=excluded.kind, signed=excluded.signed, start=excluded.start, "
            "iso_code=excluded.iso_code, name_en=excluded.name_en, name_ja=excluded.name_ja",
            [
                (e.id, e.type.value, _dump(e), e.kind, e.signed, e.start, e.iso_code, e.name("en"),
                 e.name("ja"))
                for e in (r.entity for r in entities)
            ],
        )
        db.executemany("DELETE FROM names WHERE entity_id = ?", ids)
        db.executemany(
            "INSERT OR IGNORE INTO names(entity_id, key, text) VALUES (?, ?, ?)",
            [(r.entity.id, name_key(n.text), n.text) for r in entities for n in r.entity.names],
        )
        db.executemany(
            "INSERT OR IGNORE INTO entity_sources(entity_id, source_id) VALUES (?, ?)",
            [(r.entity.id, s) for r in entities for s in r.sources],
        )
        db.executemany(
            "INSERT INTO relations(id, type, source, target, confidence, data, valid_from, valid_to, role, "
            "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "confidence=excluded.confidence, data=excluded.data, valid_from=excluded.valid_from, "
            "valid_to=excluded.valid_to, role=excluded.role, evidence=excluded.evidence",
            [
                (r.id, r.type, r.source, r.target, r.confidence, _dump(r), r.valid_from, r.valid_to, r.role,
                 _evidence_text(r))
                for r in relations
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO relation_sources(relation_id, source_id) VALUES (?, ?)",
            [(r.id, s) for r in relations for s in r.sources],
        )
        db.execute(
            "INSERT INTO writes(entities, relations, sources) VALUES (?, ?, ?)",
            (len(entities), len(relations), len(sources)),
        )

    def retract_source(self, source_id: str) -> RetractResult:
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                removed = kept = 0
                rows = db.execute(
                    "SELECT r.id, r.data FROM relations r JOIN relation_sources s ON s.relation_id = r.id "
                    "WHERE s.source_id = ?",
                    (source_id,),
                ).fetchall()
                for rel_id, data in rows:
                    rel = Relation.model_validate_json(data)
                    rest = tuple(e for e in rel.evidence if e.source != source_id)
                    if rest:
                        kept += 1
                        updated = rel.model_copy(update={"evidence": rest})
                        db.execute(
                            "UPDATE relations SET data = ?, confidence = ?, evidence = ? WHERE id = ?",
                            (_dump(updated), updated.confidence, _evidence_text(updated), rel_id),
                        )
                        db.execute(
                            "DELETE FROM relation_sources WHERE relation_id = ? AND source_id = ?", (rel_id, source_id)
                        )
                    else:
                        removed += 1
                        db.execute("DELETE FROM relations WHERE id = ?", (rel_id,))
                orphans = [
                    r[0]
                    for r in db.execute(
                        "SELECT e.entity_id FROM entity_sources e WHERE e.source_id = ? "
                        "AND NOT EXISTS (SELECT 1 FROM entity_sources o WHERE o.entity_id = e.entity_id "
                        "AND o.source_id != e.source_id) "
                        "AND NOT EXISTS (SELECT 1 FROM relations r "
                        "WHERE r.source = e.entity_id OR r.target = e.entity_id)",
                        (source_id,),
                    ).fetchall()
                ]
                db.execute("DELETE FROM entity_sources WHERE source_id = ?", (source_id,))
                db.executemany("DELETE FROM entities WHERE id = ?", [(o,) for o in orphans])
                db.execute("DELETE FROM sources WHERE id = ?", (source_id,))
                db.execute("INSERT INTO writes(entities, relations, sources) VALUES (?, ?, 1)", (len(orphans), removed))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return RetractResult(source_id, removed, kept, len(orphans))

    # -- identity decisions ------------------------------------------------
    def _transaction(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``work`` in one write transaction (BEGIN IMMEDIATE: writers queue for the lock)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                work(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def add_judgements(self, judgements: Sequence[Judgement]) -> None:
        rows = [(j.key, j.left, j.right, _dump(j)) for j in judgements]
        self._transaction(lambda db: db.executemany(
            "INSERT INTO judgements(pair, left_id, right_id, data) VALUES (?, ?, ?, ?) ON CONFLICT(pair) "
            "DO UPDATE SET left_id=excluded.left_id, right_id=excluded.right_id, data=excluded.data", rows))

    def judgements(self, ids: Sequence[str] | None = None) -> list[Judgement]:
        if ids is None:
            rows = self._query("SELECT pair, data FROM judgements")
        else:
            rows = self._in_chunks("SELECT pair, data FROM judgements WHERE left_id IN ({marks})", ids)
            rows += self._in_chunks("SELECT pair, data FROM judgements WHERE right_id IN ({marks})", ids)
        return [Judgement.model_validate_json(data) for _pair, data in sorted(set(rows))]

    def replace_review_items(self, source: str, items: Sequence[ReviewItem]) -> None:
        rows = [(i.key, i.entity, i.source, _dump(i)) for i in items]

        def work(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM review_items WHERE source_id = ?", (source,))
            db.executemany("INSERT OR REPLACE INTO review_items(key, entity_id, source_id, data) "
                           "VALUES (?, ?, ?, ?)", rows)

        self._transaction(work)

    def review_items(self, entity: str | None = None) -> list[ReviewItem]:
        if entity is None:
            rows = self._query("SELECT data FROM review_items ORDER BY key")
        else:
            rows = self._query("SELECT data FROM review_items WHERE entity_id = ? ORDER BY key", (entity,))
        return [ReviewItem.model_validate_json(r[0]) for r in rows]

    def remove_review_items(self, keys: Sequence[str]) -> None:
        self._transaction(lambda db: db.executemany("DELETE FROM review_items WHERE key = ?",
                                                    [(k,) for k in keys]))

    def _persist_merge(
        self,
        record: MergeRecord,
        delete_relations: Sequence[str],
        delete_entities: Sequence[str],
        entities: list[EntityRecord],
        relations: list[Relation],
    ) -> None:
        def work(db: sqlite3.Connection) -> None:
            db.executemany("DELETE FROM relations WHERE id = ?", [(i,) for i in delete_relations])
            db.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in delete_entities])
            # the records are stored exactly as given: their sources replace the stored ones
            db.executemany("DELETE FROM entity_sources WHERE entity_id = ?", [(r.entity.id,) for r in entities])
            db.execute(
                "INSERT INTO merges(id, merged, survivor, undone, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) "
                "DO UPDATE SET undone=excluded.undone, data=excluded.data",
                (record.id, record.merged, record.survivor, int(record.undone), _dump(record)),
            )

        def all_of_it(db: sqlite3.Connection) -> None:  # one transaction: deletions, records, the merge log
            work(db)
            self._persist_in_transaction([], entities, relations)

        self._transaction(all_of_it)

    def merges(self) -> list[MergeRecord]:
        return [MergeRecord.model_validate_json(r[0]) for r in self._query("SELECT data FROM merges ORDER BY id")]

    # -- reading -----------------------------------------------------------
    def get_entities(self, ids: Sequence[str]) -> dict[str, EntityRecord]:
        rows = self._in_chunks("SELECT id, data FROM entities WHERE id IN ({marks})", ids)
        return self._records((r[0], r[1]) for r in rows)

    def get_relations(self, ids: Sequence[str]) -> dict[str, Relation]:
        rows = self._in_chunks("SELECT id, data FROM relations WHERE id IN ({marks})", ids)
        return {r[0]: Relation.model_validate_json(r[1]) for r in rows}

    def get_sources(self, ids: Sequence[str] | None = None) -> list[Source]:
        if ids is None:
            rows = self._query("SELECT data FROM sources ORDER BY id")
        else:
            rows = self._in_chunks("SELECT data FROM sources WHERE id IN ({marks}) ORDER BY id", ids)
        return [Source.model_validate_json(r[0]) for r in rows]

    def resolve(self, name: str, type: EntityType | None = None) -> list[Entity]:
        key = name_key(name)
        if not key:
            return []
        sql = "SELECT DISTINCT e.id, e.data FROM names n JOIN entities e ON e.id = n.entity_id WHERE n.key = ?"
        params: list[Any] = [key]
        if type is not None:
            sql += " AND e.type = ?"
            params.append(type.value)
        return [Entity.model_validate_json(r[1]) for r in self._query(sql + " ORDER BY e.id", params)]

    def names_for_keys(self, keys: Sequence[str]) -> list[tuple[str, str, str]]:
        rows = self._in_chunks("SELECT key, entity_id, text FROM names WHERE key IN ({marks})", keys)
        return [(r[0], r[1], r[2]) for r in rows]

    def names_with_prefix(self, prefix: str) -> list[tuple[str, str, str]]:
        if not prefix:
            return list(self.iter_names())
        rows = self._query("SELECT key, entity_id, text FROM names WHERE key >= ? AND key < ?",
                           (prefix, prefix + "\U0010ffff"))
        return [(r[0], r[1], r[2]) for r in rows]

    def iter_names(self) -> Iterator[tuple[str, str, str]]:
        yield from ((r[0], r[1], r[2]) for r in self._query("SELECT key, entity_id, text FROM names"))

    def neighbours(
        self,
        entity_id: str,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        type_list = sorted(set(types)) if types is not None else None
        found: list[Neighbour] = []
        for outgoing, near, far in ((True, "source", "target"), (False, "target", "source")):
            if (direction == "out" and not outgoing) or (direction == "in" and outgoing):
                continue
            # Column names are the constants above; every value is a parameter.
            sql = (
                f"SELECT r.data, e.data FROM relations r JOIN entities e ON e.id = r.{far} "  # noqa: S608
                f"WHERE r.{near} = ? AND r.confidence >= ?"
            )
            params: list[Any] = [entity_id, min_confidence]
            if type_list is not None:
                sql += f" AND r.type IN ({','.join('?' * len(type_list))})"
                params += type_list
            for rel_data, ent_data in self._query(sql + " ORDER BY r.id", params):
                found.append(
                    Neighbour(Relation.model_validate_json(rel_data), Entity.model_validate_json(ent_data), outgoing)
                )
        return found

    def subgraph(self, ids: Sequence[str]) -> Batch:
        records = self.get_entities(ids)
        rows = self._in_chunks("SELECT data FROM relations WHERE source IN ({marks})", list(records))
        relations = [Relation.model_validate_json(r[0]) for r in rows]
        relations = [r for r in relations if r.target in records]
        cited = {s for r in relations for s in r.sources} | {s for rec in records.values() for s in rec.sources}
        return Batch(sources=self.get_sources(sorted(cited)), entities=list(records.values()), relations=relations)

    def relations_citing(self, source_id: str) -> list[Relation]:
        rows = self._query(
            "SELECT r.data FROM relations r JOIN relation_sources s ON s.relation_id = r.id "
            "WHERE s.source_id = ? ORDER BY r.id",
            (source_id,),
        )
        return [Relation.model_validate_json(r[0]) for r in rows]

    def stats(self) -> Stats:
        entities = dict(self._query("SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY type"))
        relations = dict(self._query("SELECT type, COUNT(*) FROM relations GROUP BY type ORDER BY type"))
        (sources,) = self._query("SELECT COUNT(*) FROM sources")[0]
        return Stats(entities=entities, relations=relations, sources=sources)

    def export(self) -> Batch:
        with self._lock:
            self._db.execute("BEGIN")  # one consistent snapshot
            try:
                records = self._records((r[0], r[1]) for r in self._query("SELECT id, data FROM entities ORDER BY id"))
                relations = [
                    Relation.model_validate_json(r[0]) for r in self._query("SELECT data FROM relations ORDER BY id")
                ]
                sources = self.get_sources()
            finally:
                self._db.execute("COMMIT")
        return Batch(sources=sources, entities=list(records.values()), relations=relations)

    def _entity_rows(self, where: str = "", params: Sequence[str] = ()) -> list[EntityRow]:
        return [
            EntityRow(i, EntityType(t), k, en, ja, signed, start, iso)
            for i, t, k, en, ja, signed, start, iso in self._query(_ENTITY_ROWS + where, params)
        ]

    def entity_rows(self, ids: Sequence[str]) -> dict[str, EntityRow]:
        found: dict[str, EntityRow] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            for row in self._entity_rows(f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                found[row.id] = row
        return found

    def rows(self) -> GraphRows:
        """Read from the row columns: no JSON is parsed, no model validated."""
        with self._lock:
            self._db.execute("BEGIN")  # one consistent snapshot
            try:
                entities = self._entity_rows()
                relation_rows = self._query(_RELATION_ROWS)
                sources = self.get_sources()
            finally:
                self._db.execute("COMMIT")
        ids = {e.id: e.id for e in entities}  # shared id strings: one copy per entity
        evidence: dict[str, tuple[EvidenceRow, ...]] = {}  # few distinct evidence texts: share them too

        def parse(text: str) -> tuple[EvidenceRow, ...]:
            found = evidence.get(text)
            if found is None:
                parts = text.split(" ")
                found = evidence[text] = tuple(
                    EvidenceRow(parts[i], float(parts[i + 1])) for i in range(0, len(parts), 2)
                )
            return found

        relations = [
            RelationRow(rel_id, rtype, ids.get(src, src), ids.get(dst, dst), parse(ev), vf, vt, role)
            for rel_id, rtype, src, dst, ev, vf, vt, role in relation_rows
        ]
        relations.sort(key=lambda r: r.id)
        return GraphRows(sources=sources, entities=entities, relations=relations)

    def version(self) -> str:
        (store_id,) = self._query("SELECT value FROM meta WHERE key = 'store_id'")[0]
        (seq,) = self._query("SELECT COALESCE(MAX(seq), 0) FROM writes")[0]
        return f"{store_id}:{seq}"

    def check(self) -> list[str]:
        problems = [r[0] for r in self._query("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"dangling reference in {r[0]} row {r[1]}" for r in self._query("PRAGMA foreign_key_check")]
        for (entity_id,) in self._query(
            "SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM names n WHERE n.entity_id = e.id)"
        ):
            problems.append(f"entity {entity_id} has no names")
        for (rel_id,) in self._query(
            "SELECT id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM relation_sources s WHERE s.relation_id = r.id)"
        ):
            problems.append(f"relation {rel_id} has no evidence")
        for rel_id, data in self._query("SELECT id, data FROM relations"):
            try:
                Relation.model_validate_json(data)
            except ValueError as exc:
                problems.append(f"relation {rel_id} does not parse: {exc}")
        return problems

    def ping(self) -> None:
        try:
            self._query("SELECT 1")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"embedded store at {self.path} cannot be read: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()
