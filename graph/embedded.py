"""The embedded store: one SQLite file in WAL mode, the default everywhere.

Why SQLite: a committed transaction survives SIGKILL and power loss
(``synchronous=FULL``), a batch is one transaction so it lands whole or not at
all, WAL lets readers in other processes read while one process writes, and
reopening costs nothing. The tables are described in ``graph.sqlite_schema``:
integer keys throughout, relations as columns with one row per piece of
evidence, entities and sources as JSON records with a few columns beside them.

Big loads go through ``bulk()``: the five secondary indexes are dropped, each
batch is still its own committed transaction, and the indexes are built once
at the end. A load killed half-way leaves every committed batch in place and
the indexes are rebuilt when the store is next opened.
"""

from __future__ import annotations

import json
import operator
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from graph import new_rows as new
from graph import sqlite_schema as schema
from graph.errors import Busy, InvalidFact, StoreUnavailable
from graph.limits import MAX_BATCH_RECORDS, STORE_BUSY_SECONDS
from graph.model import Batch, Entity, EntityRecord, EntityType, Relation, Source, record_json
from graph.names import name_key
from graph.new_rows import SHAPE_BITS, Known, NewRows, NotNew, evidence_text, new_rows
from graph.review import Judgement, MergeRecord, ReviewItem
from graph.rows import EntityRow, EvidenceRow, GraphRows, RelationRow
from graph.store import (
    ClaimKind,
    Claims,
    Direction,
    Neighbour,
    RetractResult,
    Stats,
    Store,
    WriteResult,
    rebuild_entity,
    rebuild_relation,
    without_source,
)

SCHEMA_VERSION = schema.SCHEMA_VERSION
CACHE_KIB = 256 * 1024
# The read connection answers lookups through the indexes and a few whole-table scans (stats, export),
# which a big cache does not speed up: each process querying a big store would keep 256 MB of pages.
READ_CACHE_KIB = 16 * 1024
BULK_THRESHOLD = 20_000  # records: below this, maintaining the indexes costs less than rebuilding them
_CHUNK = 500  # ids per IN (...) list

_id = operator.attrgetter("id")
Written = tuple[dict[str, int], dict[str, EntityRow]]  # the entities of a write: keys and rows by id
_entity_id = operator.attrgetter("entity.id")
_ENTITY_TYPES = {t.value: t for t in EntityType}


def _dump(model: BaseModel) -> str:
    return record_json(model)


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


_ENTITY_ROWS = "SELECT key, id, type, kind, name_en, name_ja, signed, start, iso_code, end_date FROM entities"
_RELATION_COLUMNS = (
    "SELECT r.key, r.id, r.type, s.id, t.id, r.role, r.valid_from, r.valid_to FROM relations r "
    "JOIN entities s ON s.key = r.source JOIN entities t ON t.key = r.target"
)
_EVIDENCE = (
    "SELECT e.relation, s.id, e.locator, e.asserted_by, e.confidence, e.quote FROM evidence e "
    "JOIN sources s ON s.key = e.source"
)


class EmbeddedStore(Store):
    """SQLite-backed store; safe to share between threads of one process.

    Two connections: writes go through one (serialised by a lock), reads through
    the other (serialised by their own lock). In WAL mode reads never wait for a
    writer, so a write waiting on a lock another process holds stalls no read;
    the write itself waits at most ``STORE_BUSY_SECONDS`` and then raises ``Busy``.
    Reads made inside a write transaction (by the thread writing) go through the
    write connection, so they see what the transaction has written.
    """

    backend = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()  # the write connection
        self._read_lock = threading.RLock()  # the read connection
        self._writer: int | None = None  # the thread inside a write transaction
        self._known: Known | None = None  # set during a bulk load
        self._foreign_keys = True  # the write connection's setting (off only for a bulk load's own batches)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
            self._read_db = self._connect()
            # A big page cache keeps the id indexes in memory while a large load inserts into them.
            self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._read_db.execute(f"PRAGMA cache_size=-{READ_CACHE_KIB}")
            # Checkpoint the WAL every 64 MB rather than every 4 MB: pages that successive
            # batches touch again are copied back once, not each time.
            self._db.execute("PRAGMA wal_autocheckpoint=16384")
            if not self._schema_current():
                self._open_schema()
            self._db.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"cannot open embedded store at {self.path}: {exc}") from None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=STORE_BUSY_SECONDS)
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    def _schema_current(self) -> bool:
        """True when the store already has this schema and all its indexes: opening it then
        writes nothing (so opening never waits for a writer in another process)."""
        db = self._read_db
        try:
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if rows.get("schema_version") != str(SCHEMA_VERSION) or "store_id" not in rows:
                return False
            return not schema.missing_indexes(db) or schema.bulk_owner_alive(db)
        except sqlite3.OperationalError:
            return False

    def _open_schema(self) -> None:
        """Create, upgrade or heal the schema in one transaction (foreign keys are off while tables move)."""
        self._db.execute("PRAGMA foreign_keys=OFF")
        with self._writing("preparing the store") as db:
            version = schema.stored_version(db)
            if version is not None and version > SCHEMA_VERSION:
                raise StoreUnavailable(
                    f"embedded store at {self.path} has schema {version}; this version of kizuna reads up to "
                    f"{SCHEMA_VERSION}")
            if version is not None and version < SCHEMA_VERSION:
                schema.upgrade(db, version)
            for statement in schema.statements(schema.TABLES):
                db.execute(statement)
            if not schema.bulk_owner_alive(db):
                schema.restore_indexes(db)  # a new store, an upgraded one, or one whose bulk load was killed
            db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )
            # A store recreated at the same path must not look like the old one to caches.
            db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)", (uuid.uuid4().hex,))

    @contextmanager
    def _writing(self, what: str = "writing", foreign_keys: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: waits at most ``STORE_BUSY_SECONDS`` for the lock,
        rolls back on any error, and turns SQLite's failures into store errors.
        ``foreign_keys=False``: SQLite does not check references (the caller has)."""
        if not self._lock.acquire(timeout=STORE_BUSY_SECONDS):
            raise self._busy()
        try:
            db = self._db
            try:
                if foreign_keys is not self._foreign_keys:  # a no-op inside a transaction: set before it
                    db.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
                    self._foreign_keys = foreign_keys
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise self._write_error(exc, what) from None
            except sqlite3.ProgrammingError as exc:
                raise StoreUnavailable(f"embedded store at {self.path} is closed: {exc}") from None
            outer, self._writer = self._writer, threading.get_ident()
            try:
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise self._write_error(exc, what) from None
                raise
            finally:
                self._writer = outer
        finally:
            self._lock.release()

    def _busy(self) -> Busy:
        return Busy(
            f"the store at {self.path} is locked by another writer; waited {STORE_BUSY_SECONDS:g} s "
            "(STORE_BUSY_SECONDS); nothing was written, try again",
            retry_after=max(1, round(STORE_BUSY_SECONDS)),
        )

    def _write_error(self, exc: sqlite3.OperationalError, what: str) -> Exception:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return self._busy()
        return StoreUnavailable(f"the store at {self.path} failed while {what}: {text}; nothing of it was stored")

    # -- helpers -----------------------------------------------------------
    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self._writer == threading.get_ident():  # inside this thread's write transaction: see its rows
            lock, db = self._lock, self._db
        else:
            lock, db = self._read_lock, self._read_db
        with lock:
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.ProgrammingError as exc:
                raise StoreUnavailable(f"embedded store at {self.path} is closed: {exc}") from exc
            except sqlite3.OperationalError as exc:
                raise StoreUnavailable(f"embedded store at {self.path} cannot be read: {exc}") from exc

    def _in_chunks(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run ``sql`` (with one ``{marks}`` placeholder list) over values in chunks."""
        rows: list[tuple[Any, ...]] = []
        for chunk in _chunks(list(dict.fromkeys(values))):
            rows += self._query(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return rows

    def _keys(self, table: str, ids: Iterable[str]) -> dict[str, int]:
        """Integer keys of stored ids (``table`` is one of ours, never user input)."""
        if self._known is not None and table == "entities":
            found = ((i, self._known.key(i)) for i in ids)
            return {i: key for i, key in found if key is not None}
        return dict(self._in_chunks(f"SELECT id, key FROM {table} WHERE id IN ({{marks}})", list(ids)))  # noqa: S608

    def _records(self, rows: Iterable[tuple[int, str, str]]) -> dict[str, EntityRecord]:
        """Entity rows (key, id, data) with their sources attached."""
        rows = list(rows)
        sources: dict[int, list[str]] = {}
        for key, source_id in self._in_chunks(
            "SELECT x.entity, s.id FROM entity_sources x JOIN sources s ON s.key = x.source "
            "WHERE x.entity IN ({marks})", [r[0] for r in rows]
        ):
            sources.setdefault(key, []).append(source_id)
        return {
            i: EntityRecord(entity=Entity.model_validate_json(data), sources=tuple(sorted(sources.get(k, []))))
            for k, i, data in rows
        }

    def _relations(self, where: str, params: Sequence[Any] = ()) -> list[Relation]:
        """Relations (with their evidence) selected by a condition on ``r``, in key order."""
        heads = self._query(f"{_RELATION_COLUMNS} {where} ORDER BY r.key", params)
        return self._assemble(heads)

    def _relations_by_keys(self, keys: Sequence[int]) -> dict[int, Relation]:
        heads = self._in_chunks(f"{_RELATION_COLUMNS} WHERE r.key IN ({{marks}})", keys)
        return {rel_key: rel for rel_key, rel in zip((h[0] for h in heads), self._assemble(heads), strict=True)}

    def _assemble(self, heads: list[tuple[Any, ...]]) -> list[Relation]:
        evidence: dict[int, list[dict[str, Any]]] = {}
        for key, source, locator, by, confidence, quote in self._in_chunks(
            f"{_EVIDENCE} WHERE e.relation IN ({{marks}}) ORDER BY e.relation, e.seq", [h[0] for h in heads]
        ):
            evidence.setdefault(key, []).append(
                {"source": source, "locator": locator, "asserted_by": by, "confidence": confidence, "quote": quote})
        return [
            Relation.model_validate({
                "id": rel_id, "type": rtype, "source": src, "target": dst, "role": role,
                "valid_from": vf, "valid_to": vt, "evidence": evidence.get(key, ()),
            })
            for key, rel_id, rtype, src, dst, role, vf, vt in heads
        ]

    # -- writing -----------------------------------------------------------
    @contextmanager
    def bulk(self, records: int) -> Iterator[None]:
        """Defer the secondary indexes while ``records`` records are written, if that many make it pay.

        Every ``write`` inside still commits on its own. While it lasts, the
        store keeps every entity's key and shape in memory (``Known``), so a
        batch of new records is checked and made into rows in one pass with
        no id lookups in SQLite (``graph.new_rows``).
        The indexes are built once on leaving, also after an error; if the
        process dies instead, the next opening of the store builds them.
        """
        with self._lock:
            stored = self._query("SELECT COUNT(*) FROM relations")[0][0] if records >= BULK_THRESHOLD else 0
            if self._known is not None or records < max(BULK_THRESHOLD, stored // 2):
                yield
                return
            with self._writing("deferring the indexes") as db:
                db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                           "value = excluded.value", (schema.BULK_MARK, str(os.getpid())))
                for name in schema.DEFERRED_INDEXES:
                    db.execute(f"DROP INDEX IF EXISTS {name}")
            self._known = self._read_known()
        try:
            yield
        finally:
            with self._lock:
                self._known = None
                with self._writing("building the indexes") as db:
                    schema.restore_indexes(db)

    def _validated_write(self, batch: Batch) -> WriteResult:
        """In a bulk load, a batch of new records is checked and turned into rows in one pass
        (``graph.new_rows``); anything else, or anything that pass cannot vouch for, takes the
        general path, which merges or names the bad record."""
        if self._known is not None and len(batch) <= MAX_BATCH_RECORDS:
            written = self._write_new(batch)
            if written is not None:
                return written
        return super()._validated_write(batch)

    def _write_new(self, batch: Batch) -> WriteResult | None:
        """Store a batch of records that are all new, in one transaction (None: nothing was written,
        the batch needs the general path). Rows are made inside the transaction: the sources are
        upserted first, so their keys are at hand, and no other writer can move the keys meanwhile."""
        made: list[NewRows] = []
        with self._lock:
            known = self._known
            if known is None:
                return None
            try:
                with self._writing(foreign_keys=False) as db:
                    if self._last_write() != known.seq:  # another writer wrote: the general path re-reads
                        raise NotNew
                    self._upsert_sources(batch.sources)
                    source_keys: dict[str, int | None] = {}

                    def source_key(source: str) -> int | None:
                        if source not in source_keys:
                            found = db.execute("SELECT key FROM sources WHERE id = ?", (source,)).fetchone()
                            source_keys[source] = found[0] if found else None
                        return source_keys[source]

                    rows = new_rows(batch, known, source_key, self._next_key("entities"), self._next_key("relations"))
                    made.append(rows)
                    self._insert_new(db, rows)
                    seq = db.execute("INSERT INTO writes(entities, relations, sources) VALUES (?, ?, ?)",
                                     (len(rows.entities), len(rows.relations), len(batch.sources))).lastrowid
            except NotNew:
                return None
            except sqlite3.IntegrityError:  # a relation is stored already (no other writer wrote: seq held)
                return None
            rows = made[0]
            known.ends.update(rows.ends)
            known.seq = int(seq or 0)
        return WriteResult(len(rows.entities), len(rows.relations), len(batch.sources))

    def _insert_new(self, db: sqlite3.Connection, rows: NewRows) -> None:
        """The statements for new records: the same rows, in the same order, as ``_write_rows`` makes
        for them, with each record's claims in its own row."""
        new.insert(db, new.INSERT_ENTITIES, rows.entities)
        new.insert(db, new.INSERT_NAMES, rows.names)
        new.insert(db, new.INSERT_ENTITY_SOURCES, rows.entity_sources)
        new.insert(db, new.INSERT_RELATIONS, rows.relations)
        new.insert(db, new.INSERT_EVIDENCE, rows.evidence)

    def _read_known(self) -> Known:
        known = Known(seq=self._last_write())
        code = known.shapes.code
        known.ends = {i: key << SHAPE_BITS | code(t, kind)
                      for i, key, t, kind in self._query("SELECT id, key, type, kind FROM entities")}
        return known

    def _last_write(self) -> int:
        return int(self._query("SELECT COALESCE(MAX(seq), 0) FROM writes")[0][0])

    def _check_known(self, entities: list[EntityRecord], relations: list[Relation], sources: list[Source]) -> None:
        """Inside a bulk load's write transaction: if another writer wrote since this load's last batch,
        read the maps again and make sure everything the batch refers to is still stored. A bulk
        load's batches are written without SQLite's reference checks (``write`` checked every
        endpoint and source against these maps), so only a concurrent removal could break them."""
        assert self._known is not None
        if self._last_write() == self._known.seq:
            return
        self._known = known = self._read_known()
        ids = {r.entity.id for r in entities}
        for rel in relations:
            for end in (rel.source, rel.target):
                if end not in ids and end not in known.ends:
                    raise InvalidFact(f"relation {rel.id}: entity {end!r} was removed by another writer during the "
                                      "load; nothing of this batch was stored")
        cited = {s for r in entities for s in r.sources} | {e.source for r in relations for e in r.evidence}
        missing = cited - {s.id for s in sources} - set(self._keys("sources", sorted(cited)))
        if missing:
            raise InvalidFact(f"source(s) {', '.join(sorted(missing))} were removed by another writer during the "
                              "load; nothing of this batch was stored")

    def _persist(
        self,
        sources: list[Source],
        entities: list[EntityRecord],
        relations: list[Relation],
        claims: dict[tuple[ClaimKind, str], Claims | None],
    ) -> None:
        added: list[Written] = []
        seq: list[int] = []

        def work(db: sqlite3.Connection) -> None:
            if self._known is not None:
                self._check_known(entities, relations, sources)
            added.append(self._persist_in_transaction(sources, entities, relations))
            self._set_claims(db, claims)
            if self._known is not None:
                seq.append(self._last_write())

        with self._lock:
            for attempt in (1, 2):
                try:
                    added.clear()
                    seq.clear()
                    self._transaction(work, foreign_keys=self._known is None)
                except sqlite3.IntegrityError:
                    if self._known is None or attempt == 2:
                        raise
                    self._known = self._read_known()  # another writer added rows during the bulk load
                    continue
                if self._known is not None:  # only what is committed
                    self._known.add(*added[0])
                    self._known.seq = seq[0]
                return

    def _persist_in_transaction(
        self, sources: list[Source], entities: list[EntityRecord], relations: list[Relation]
    ) -> Written:
        """The statements of one write; the caller holds the lock and the transaction."""
        added = self._write_rows(sources, entities, relations)
        self._db.execute(
            "INSERT INTO writes(entities, relations, sources) VALUES (?, ?, ?)",
            (len(entities), len(relations), len(sources)),
        )
        return added

    @staticmethod
    def _set_claims(db: sqlite3.Connection, claims: dict[tuple[ClaimKind, str], Claims | None]) -> None:
        for kind, table in (("entity", "entities"), ("relation", "relations")):
            rows = [(json.dumps(c, ensure_ascii=False) if c else None, i) for (k, i), c in claims.items() if k == kind]
            db.executemany(f"UPDATE {table} SET claims = ? WHERE id = ?", rows)  # noqa: S608 (constant table)

    def get_claims(self, kind: ClaimKind, ids: Sequence[str]) -> dict[str, Claims]:
        table = "entities" if kind == "entity" else "relations"
        rows = self._in_chunks(f"SELECT id, claims FROM {table} WHERE claims IS NOT NULL AND id IN ({{marks}})", ids)  # noqa: S608
        return {i: json.loads(c) for i, c in rows}

    def _next_key(self, table: str) -> int:
        return int(self._db.execute(f"SELECT COALESCE(MAX(key), 0) + 1 FROM {table}").fetchone()[0])  # noqa: S608

    def _upsert_sources(self, sources: list[Source]) -> None:
        self._db.executemany(
            "INSERT INTO sources(id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
            [(s.id, _dump(s)) for s in sorted(sources, key=lambda s: s.id)],
        )

    def _write_rows(self, sources: list[Source], entities: list[EntityRecord], relations: list[Relation]) -> Written:
        """Upsert in id order; new rows take the next integer keys, so each table and index grows at its end.
        Returns the entities' keys and rows written."""
        db = self._db
        self._upsert_sources(sources)
        cited = {s for r in entities for s in r.sources} | {e.source for r in relations for e in r.evidence}
        source_keys = self._keys("sources", sorted(cited))

        entities = sorted(entities, key=_entity_id)
        entity_keys = self._keys("entities", [r.entity.id for r in entities])
        key = self._next_key("entities")
        rows: dict[str, EntityRow] = {}
        updated, inserted = [], []
        for record in entities:
            e = record.entity
            row = rows[e.id] = EntityRow(e.id, e.type, e.kind, e.name("en"), e.name("ja"), e.signed, e.start,
                                         e.iso_code, e.end)
            columns = (e.type.value, _dump(e), e.kind, e.signed, e.start, e.iso_code, row.name_en, row.name_ja, e.end)
            old = entity_keys.get(e.id)
            if old is None:
                entity_keys[e.id] = key
                inserted.append((key, e.id, *columns))
                key += 1
            else:
                updated.append((*columns, old))
        db.executemany(
            "UPDATE entities SET type = ?, data = ?, kind = ?, signed = ?, start = ?, iso_code = ?, name_en = ?, "
            "name_ja = ?, end_date = ? WHERE key = ?",
            updated,
        )
        db.executemany("DELETE FROM names WHERE entity = ?", [(u[-1],) for u in updated])
        db.executemany(
            "INSERT INTO entities(key, id, type, data, kind, signed, start, iso_code, name_en, name_ja, end_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserted,
        )
        db.executemany(
            "INSERT OR IGNORE INTO names(entity, key, text) VALUES (?, ?, ?)",
            [(entity_keys[r.entity.id], name_key(n.text), n.text) for r in entities for n in r.entity.names],
        )
        db.executemany(
            "INSERT OR IGNORE INTO entity_sources(entity, source) VALUES (?, ?)",
            [(entity_keys[r.entity.id], source_keys[s]) for r in entities for s in r.sources],
        )
        if relations:
            self._write_relations(sorted(relations, key=_id), entity_keys, source_keys)
        return entity_keys, rows

    def _write_relations(
        self, relations: list[Relation], entity_keys: dict[str, int], source_keys: dict[str, int]
    ) -> None:
        """Relations and their evidence rows, made in one pass over the relations."""
        db = self._db
        ends = {e for r in relations for e in (r.source, r.target)} - entity_keys.keys()
        entity_keys = {**entity_keys, **self._keys("entities", sorted(ends))}
        stored = self._keys("relations", [r.id for r in relations])
        key = self._next_key("relations")
        old: list[tuple[float, str | None, str | None, str | None, str, int]] = []
        new = []
        evidence = []
        for rel in relations:
            ev = rel.evidence
            confidence = ev[0].confidence if len(ev) == 1 else max(e.confidence for e in ev)
            rel_key = stored.get(rel.id)
            if rel_key is None:
                rel_key = key
                key += 1
                source = entity_keys[rel.source]
                target = entity_keys[rel.target]
                new.append((rel_key, rel.id, rel.type, source, target, confidence, rel.valid_from, rel.valid_to,
                            rel.role, evidence_text(ev)))
            else:
                old.append((confidence, rel.valid_from, rel.valid_to, rel.role, evidence_text(ev), rel_key))
            for seq, e in enumerate(ev):
                evidence.append((rel_key, seq, source_keys[e.source], e.locator, e.asserted_by, e.confidence, e.quote))
        db.executemany(
            "UPDATE relations SET confidence = ?, valid_from = ?, valid_to = ?, role = ?, evidence = ? WHERE key = ?",
            old,
        )
        db.executemany("DELETE FROM evidence WHERE relation = ?", [(o[-1],) for o in old])
        db.executemany(
            "INSERT INTO relations(key, id, type, source, target, confidence, valid_from, valid_to, role, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new,
        )
        db.executemany(
            "INSERT INTO evidence(relation, seq, source, locator, asserted_by, confidence, quote) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            evidence,
        )

    def retract_source(self, source_id: str) -> RetractResult:
        removed = kept = 0
        orphans: list[int] = []
        with self._writing(f"retracting {source_id}") as db:
            found = db.execute("SELECT key FROM sources WHERE id = ?", (source_id,)).fetchone()
            if found is not None:
                (source_key,) = found
                claims: dict[tuple[ClaimKind, str], Claims | None] = {}
                rel_rows = db.execute(
                    "SELECT r.key, r.id, r.claims FROM relations r WHERE r.key IN "
                    "(SELECT DISTINCT relation FROM evidence WHERE source = ?) ORDER BY r.key", (source_key,),
                ).fetchall()
                unclaimed = self._relations_by_keys([k for k, _, c in rel_rows if not c])
                rebuilt_relations: list[Relation] = []
                for rel_key, rel_id, stored in rel_rows:
                    if stored:
                        rest, claims[("relation", rel_id)] = rebuild_relation(json.loads(stored), source_id)
                    else:
                        rest = without_source(unclaimed[rel_key], source_id)
                    if rest is None:
                        removed += 1
                        db.execute("DELETE FROM relations WHERE key = ?", (rel_key,))
                    else:
                        kept += 1
                        rebuilt_relations.append(rest)
                rebuilt_entities: list[EntityRecord] = []
                for entity_id, stored in db.execute(
                    "SELECT e.id, e.claims FROM entities e JOIN entity_sources x ON x.entity = e.key "
                    "WHERE x.source = ? AND e.claims IS NOT NULL ORDER BY e.key",
                    (source_key,),
                ).fetchall():
                    record, claims[("entity", entity_id)] = rebuild_entity(json.loads(stored), source_id)
                    if record is not None:
                        rebuilt_entities.append(record)
                self._write_rows([], rebuilt_entities, rebuilt_relations)
                orphans = [
                    r[0]
                    for r in db.execute(
                        "SELECT x.entity FROM entity_sources x WHERE x.source = ? "
                        "AND NOT EXISTS (SELECT 1 FROM entity_sources o WHERE o.entity = x.entity "
                        "AND o.source != x.source) "
                        "AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source = x.entity) "
                        "AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.target = x.entity)",
                        (source_key,),
                    ).fetchall()
                ]
                db.execute("DELETE FROM entity_sources WHERE source = ?", (source_key,))
                self._set_claims(db, claims)
                db.executemany("DELETE FROM entities WHERE key = ?", [(o,) for o in orphans])
                db.execute("DELETE FROM sources WHERE key = ?", (source_key,))
            db.execute("INSERT INTO writes(entities, relations, sources) VALUES (?, ?, 1)", (len(orphans), removed))
        with self._lock:
            if self._known is not None:  # rows went away: read the maps again
                self._known = self._read_known()
        return RetractResult(source_id, removed, kept, len(orphans))

    # -- identity decisions ------------------------------------------------
    def _transaction(self, work: Callable[[sqlite3.Connection], object], foreign_keys: bool = True) -> None:
        """Run ``work`` in one write transaction (bounded wait for the lock, see ``_writing``)."""
        with self._writing(foreign_keys=foreign_keys) as db:
            work(db)

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
        def all_of_it(db: sqlite3.Connection) -> None:  # one transaction: deletions, records, the merge log
            db.executemany("DELETE FROM relations WHERE id = ?", [(i,) for i in delete_relations])
            db.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in delete_entities])
            # the records are stored exactly as given: their sources replace the stored ones
            db.executemany("DELETE FROM entity_sources WHERE entity = (SELECT key FROM entities WHERE id = ?)",
                           [(r.entity.id,) for r in entities])
            db.execute(
                "INSERT INTO merges(id, merged, survivor, undone, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) "
                "DO UPDATE SET undone=excluded.undone, data=excluded.data",
                (record.id, record.merged, record.survivor, int(record.undone), _dump(record)),
            )
            self._persist_in_transaction([], entities, relations)

        with self._lock:
            self._transaction(all_of_it)
            if self._known is not None:  # rows went away: read the maps again
                self._known = self._read_known()

    def merges(self) -> list[MergeRecord]:
        return [MergeRecord.model_validate_json(r[0]) for r in self._query("SELECT data FROM merges ORDER BY id")]

    # -- reading -----------------------------------------------------------
    def get_entities(self, ids: Sequence[str]) -> dict[str, EntityRecord]:
        if self._known is not None:
            ids = [i for i in ids if i in self._known.ends]
        rows = self._in_chunks("SELECT key, id, data FROM entities WHERE id IN ({marks})", ids)
        return self._records((r[0], r[1], r[2]) for r in rows)

    def get_relations(self, ids: Sequence[str]) -> dict[str, Relation]:
        keys = self._keys("relations", ids)
        return {r.id: r for r in self._relations_by_keys(list(keys.values())).values()}

    def get_sources(self, ids: Sequence[str] | None = None) -> list[Source]:
        if ids is None:
            rows = self._query("SELECT data FROM sources ORDER BY id")
        else:
            rows = sorted(self._in_chunks("SELECT id, data FROM sources WHERE id IN ({marks})", ids))
        return [Source.model_validate_json(r[-1]) for r in rows]

    def resolve(self, name: str, type: EntityType | None = None) -> list[Entity]:
        key = name_key(name)
        if not key:
            return []
        sql = "SELECT DISTINCT e.id, e.data FROM names n JOIN entities e ON e.key = n.entity WHERE n.key = ?"
        params: list[Any] = [key]
        if type is not None:
            sql += " AND e.type = ?"
            params.append(type.value)
        return [Entity.model_validate_json(r[1]) for r in self._query(sql + " ORDER BY e.id", params)]

    def names_for_keys(self, keys: Sequence[str]) -> list[tuple[str, str, str]]:
        rows = self._in_chunks("SELECT n.key, e.id, n.text FROM names n JOIN entities e ON e.key = n.entity "
                               "WHERE n.key IN ({marks})", keys)
        return [(r[0], r[1], r[2]) for r in rows]

    def names_with_prefix(self, prefix: str) -> list[tuple[str, str, str]]:
        if not prefix:
            return list(self.iter_names())
        rows = self._query("SELECT n.key, e.id, n.text FROM names n JOIN entities e ON e.key = n.entity "
                           "WHERE n.key >= ? AND n.key < ?", (prefix, prefix + "\U0010ffff"))
        return [(r[0], r[1], r[2]) for r in rows]

    def iter_names(self) -> Iterator[tuple[str, str, str]]:
        rows = self._query("SELECT n.key, e.id, n.text FROM names n JOIN entities e ON e.key = n.entity")
        yield from ((r[0], r[1], r[2]) for r in rows)

    def neighbours(
        self,
        entity_id: str,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        type_list = sorted(set(types)) if types is not None else None
        found: list[Neighbour] = []
        keys = self._keys("entities", [entity_id])
        if entity_id not in keys:
            return found
        for outgoing, near, far in ((True, "source", "target"), (False, "target", "source")):
            if (direction == "out" and not outgoing) or (direction == "in" and outgoing):
                continue
            # Column names are the constants above; every value is a parameter.
            sql = f"SELECT r.key, e.data FROM relations r JOIN entities e ON e.key = r.{far} " \
                  f"WHERE r.{near} = ? AND r.confidence >= ?"  # noqa: S608
            params: list[Any] = [keys[entity_id], min_confidence]
            if type_list is not None:
                sql += f" AND r.type IN ({','.join('?' * len(type_list))})"
                params += type_list
            rows = self._query(sql + " ORDER BY r.id", params)
            relations = self._relations_by_keys([r[0] for r in rows])
            for rel_key, ent_data in rows:
                found.append(Neighbour(relations[rel_key], Entity.model_validate_json(ent_data), outgoing))
        return found

    def subgraph(self, ids: Sequence[str]) -> Batch:
        records = self.get_entities(ids)
        keys = sorted(self._keys("entities", list(records)).values())
        inside = set(keys)
        rel_keys = [
            r[0] for r in self._in_chunks("SELECT key, target FROM relations WHERE source IN ({marks})", keys)
            if r[1] in inside
        ]
        relations = sorted(self._relations_by_keys(rel_keys).values(), key=lambda r: r.id)
        cited = {s for r in relations for s in r.sources} | {s for rec in records.values() for s in rec.sources}
        return Batch(sources=self.get_sources(sorted(cited)), entities=list(records.values()), relations=relations)

    def relations_citing(self, source_id: str) -> list[Relation]:
        rows = self._query(
            "SELECT DISTINCT e.relation FROM evidence e JOIN sources s ON s.key = e.source WHERE s.id = ?",
            (source_id,),
        )
        return sorted(self._relations_by_keys([r[0] for r in rows]).values(), key=lambda r: r.id)

    def stats(self) -> Stats:
        entities = dict(self._query("SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY type"))
        relations = dict(self._query("SELECT type, COUNT(*) FROM relations GROUP BY type ORDER BY type"))
        (sources,) = self._query("SELECT COUNT(*) FROM sources")[0]
        return Stats(entities=entities, relations=relations, sources=sources)

    def export(self) -> Batch:
        with self._read_lock:
            self._read_db.execute("BEGIN")  # one consistent snapshot
            try:
                records = self._records(
                    (r[0], r[1], r[2]) for r in self._query("SELECT key, id, data FROM entities ORDER BY id"))
                relations = self._all_relations()
                sources = self.get_sources()
            finally:
                self._read_db.execute("COMMIT")
        return Batch(sources=sources, entities=list(records.values()), relations=relations)

    def _relation_fields(self) -> Iterator[dict[str, Any]]:
        """Every relation's fields, read in two sequential scans merged by key."""
        evidence: dict[int, list[dict[str, Any]]] = {}
        for key, source, locator, by, confidence, quote in self._query(f"{_EVIDENCE} ORDER BY e.relation, e.seq"):
            evidence.setdefault(key, []).append(
                {"source": source, "locator": locator, "asserted_by": by, "confidence": confidence, "quote": quote})
        for key, rel_id, rtype, src, dst, role, vf, vt in self._query(_RELATION_COLUMNS):
            yield {"id": rel_id, "type": rtype, "source": src, "target": dst, "role": role,
                   "valid_from": vf, "valid_to": vt, "evidence": evidence.get(key, ())}

    def _all_relations(self) -> list[Relation]:
        """Every relation, in id order."""
        relations = [Relation.model_validate(fields) for fields in self._relation_fields()]
        relations.sort(key=lambda r: r.id)
        return relations

    def _entity_rows(self, where: str = "", params: Sequence[str] = ()) -> list[tuple[int, EntityRow]]:
        return [
            (key, EntityRow(i, _ENTITY_TYPES[t], k, en, ja, signed, start, iso, end))
            for key, i, t, k, en, ja, signed, start, iso, end in self._query(_ENTITY_ROWS + where, params)
        ]

    def entity_rows(self, ids: Sequence[str]) -> dict[str, EntityRow]:
        found: dict[str, EntityRow] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            for _, row in self._entity_rows(f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                found[row.id] = row
        return found

    def rows(self) -> GraphRows:
        """Read from the columns: no JSON is parsed, no model validated."""
        with self._read_lock:
            self._read_db.execute("BEGIN")  # one consistent snapshot
            try:
                keyed = self._entity_rows()
                relation_rows = self._query(
                    "SELECT id, type, source, target, evidence, valid_from, valid_to, role FROM relations")
                sources = self.get_sources()
            finally:
                self._read_db.execute("COMMIT")
        ids = {key: e.id for key, e in keyed}  # shared id strings: one copy per entity
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
            RelationRow(rel_id, rtype, ids[src], ids[dst], parse(ev), vf, vt, role)
            for rel_id, rtype, src, dst, ev, vf, vt, role in relation_rows
        ]
        relations.sort(key=lambda r: r.id)
        return GraphRows(sources=sources, entities=[e for _, e in keyed], relations=relations)

    def relation_count_hint(self) -> int:
        """About how many relations are stored (the highest key: one read, no count)."""
        return int(self._query("SELECT COALESCE(MAX(key), 0) FROM relations")[0][0])

    def version(self) -> str:
        (store_id,) = self._query("SELECT value FROM meta WHERE key = 'store_id'")[0]
        (seq,) = self._query("SELECT COALESCE(MAX(seq), 0) FROM writes")[0]
        return f"{store_id}:{seq}"

    def load_mark(self, name: str) -> str | None:
        found = self._query("SELECT value FROM meta WHERE key = ?", (f"load:{name}",))
        return str(found[0][0]) if found else None

    def set_load_mark(self, name: str) -> None:
        mark = self.version()
        with self._writing("marking a loaded file") as db:
            db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (f"load:{name}", mark),
            )

    def check(self) -> list[str]:
        problems = [r[0] for r in self._query("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"dangling reference in {r[0]} row {r[1]}" for r in self._query("PRAGMA foreign_key_check")]
        with self._lock:
            if self._known is None:
                problems += [f"index {name} is missing" for name in schema.missing_indexes(self._db)]
        for (entity_id,) in self._query(
            "SELECT id FROM entities e WHERE NOT EXISTS (SELECT 1 FROM names n WHERE n.entity = e.key)"
        ):
            problems.append(f"entity {entity_id} has no names")
        for (rel_id,) in self._query(
            "SELECT id FROM relations r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation = r.key)"
        ):
            problems.append(f"relation {rel_id} has no evidence")
        for fields in self._relation_fields():
            if fields["evidence"]:
                try:
                    Relation.model_validate(fields)
                except ValueError as exc:
                    problems.append(f"relation {fields['id']} does not parse: {exc}")
        return problems

    def ping(self) -> None:
        try:
            self._query("SELECT 1")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"embedded store at {self.path} cannot be read: {exc}") from exc

    def close(self) -> None:
        with self._lock, self._read_lock:
            self._db.close()
            self._read_db.close()
