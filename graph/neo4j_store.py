"""The Neo4j store: the same contract as the embedded store, on a Neo4j 5 server.

Why it looks like this:

* Every statement is a named constant of ``graph.cypher`` (linted there) and is
  run through ``_run``, which refuses parameters the statement does not
  declare. Values are always parameters; the only text ever substituted into
  Cypher is the namespace (``graph.cypher.Namespace``, validated identifiers).
* Records keep the embedded store's JSON of the domain models (``data``), so a
  model read back equals the model written; the searchable properties beside it
  are derived from the same model at write time (``entity_row``, ...).
* One ``Store.write`` batch is ONE managed transaction (``execute_write``,
  which the driver retries on transient errors, so the work function only runs
  statements whose parameters are computed beforehand), made of batched
  ``UNWIND`` + ``MERGE`` statements: idempotent and atomic.
* Queries read through ``Neo4jView`` (the read view of ``queries.view``):
  each call is one parameterised statement over the caller's frontier, with
  the tie filter decided in Cypher. The walks that make the calls live in
  ``queries``; nothing here knows about paths, regions or neighbourhoods.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from graph import cypher
from graph.cypher import Namespace, Statement
from graph.dates import earliest, latest
from graph.errors import StoreUnavailable
from graph.model import Batch, Entity, EntityRecord, EntityType, Relation, Source, record_json
from graph.names import name_key
from graph.review import Judgement, MergeRecord, ReviewItem
from graph.rows import EntityRow, EvidenceRow, RelationRow
from graph.settings import Settings
from graph.store import (
    ClaimKind,
    Claims,
    Direction,
    Neighbour,
    RetractResult,
    Stats,
    Store,
    rebuild_entity,
    rebuild_relation,
)

T = TypeVar("T")

CHUNK = 1000  # rows per UNWIND statement (a batch is still one transaction)
PAGE = 5000  # rows per keyset page when exporting
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


# -- rows: domain models -> parameters ----------------------------------------------
def dump(model: Any) -> str:
    """The JSON the embedded store keeps too (so both backends hold the same text)."""
    return record_json(model)


def exists_from(entity: Entity) -> str | None:
    """First day an agreement (signed), event (start), organisation or place (founded) exists; None when always."""
    if entity.type is EntityType.AGREEMENT:
        return earliest(entity.signed).isoformat() if entity.signed else None
    return earliest(entity.start).isoformat() if entity.start else None


def exists_to(entity: Entity) -> str | None:
    """Last day an organisation or place exists (dissolved); None when it still does. An event that has
    ended stays a meeting point, so it has no last day here (``queries.ties.TieFilter.entity_usable``)."""
    if entity.type in (EntityType.ORGANISATION, EntityType.PLACE) and entity.end:
        return latest(entity.end).isoformat()
    return None


def entity_row(record: EntityRecord) -> dict[str, Any]:
    entity = record.entity
    return {
        "id": entity.id,
        "type": entity.type.value,
        "data": dump(entity),
        "sources": sorted(set(record.sources)),
        "names_text": "\n".join(n.text for n in entity.names),
        "exists_from": exists_from(entity),
        "exists_to": exists_to(entity),
    }


def name_rows(entity: Entity) -> list[dict[str, str]]:
    """One row per distinct name text (the embedded store's (entity, text) key)."""
    texts = dict.fromkeys(n.text for n in entity.names)
    return [{"entity": entity.id, "key": name_key(text), "text": text} for text in texts]


def source_row(source: Source) -> dict[str, Any]:
    published = earliest(source.published).isoformat() if source.published else None
    return {"id": source.id, "data": dump(source), "published_day": published}


def relation_props(rel: Relation) -> dict[str, Any]:
    """Everything stored on the relationship; None removes a property (``SET r += props``)."""
    return {
        "type": rel.type,
        "data": dump(rel),
        "confidence": rel.confidence,
        "sources": list(rel.sources),
        "role": rel.role,
        "valid_from": rel.valid_from,
        "valid_to": rel.valid_to,
        "from_day": earliest(rel.valid_from).isoformat() if rel.valid_from else None,
        "to_day": latest(rel.valid_to).isoformat() if rel.valid_to else None,
        "ev_source": [e.source for e in rel.evidence],
        "ev_confidence": [e.confidence for e in rel.evidence],
    }


def relation_row(rel: Relation) -> dict[str, Any]:
    return {"id": rel.id, "source": rel.source, "target": rel.target, "props": relation_props(rel)}


def fresh_test_namespace() -> Namespace:
    """A random namespace for one test store (48 random bits: no two tests share one)."""
    return Namespace(f"_t{secrets.token_hex(6)}")


def iso_day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


# -- rows: results -> domain models --------------------------------------------------
def record_from_row(data: str, sources: Iterable[str] | None) -> EntityRecord:
    return EntityRecord(entity=Entity.model_validate_json(data), sources=tuple(sorted(sources or ())))


def claim_rows(
    claims: dict[tuple[ClaimKind, str], Claims | None],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Changed claims as statement rows (entities, relations); null clears a record's claims."""
    rows: dict[str, list[dict[str, Any]]] = {"entity": [], "relation": []}
    for (kind, record_id), value in claims.items():
        rows[kind].append({"id": record_id, "claims": json.dumps(value, ensure_ascii=False) if value else None})
    return rows["entity"], rows["relation"]


def retracted(relation: Relation, source_id: str) -> Relation | None:
    """The relation without ``source_id``'s evidence, or None when nothing is left."""
    rest = tuple(e for e in relation.evidence if e.source != source_id)
    return relation.model_copy(update={"evidence": rest}) if rest else None


# -- helpers ---------------------------------------------------------------------
def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def redact_uri(uri: str) -> str:
    """The URI without any user:password part (safe for messages and versions)."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "<unparseable URI>"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def uri_password(uri: str) -> str | None:
    try:
        return urlsplit(uri).password
    except ValueError:
        return None


def lucene_escape(text: str) -> str:
    """Make user text a literal full-text query (no Lucene operators)."""
    words = _LUCENE_SPECIAL.sub(r"\\\1", text).split()
    return " ".join(f'"{w}"' if w in {"AND", "OR", "NOT"} else w for w in words)


# -- the store ----------------------------------------------------------------------
class Neo4jStore(Store):
    """A Kizuna graph in one Neo4j database (and one label namespace)."""

    backend = "neo4j"

    def __init__(
        self,
        driver: Any,
        uri: str,
        database: str,
        namespace: Namespace | None = None,
        owns_namespace: bool = False,
    ) -> None:
        self._driver = driver
        self.uri = redact_uri(uri)
        self.database = database
        self.namespace = namespace or Namespace()
        self._owns_namespace = owns_namespace  # close() removes everything (test stores)
        self._texts = {name: stmt.render(self.namespace) for name, stmt in cypher.STATEMENTS.items()}
        self._closed = False

    # -- opening -----------------------------------------------------------------
    @classmethod
    def connect(
        cls,
        uri: str,
        settings: Settings,
        namespace: Namespace | None = None,
        owns_namespace: bool = False,
    ) -> Neo4jStore:
        """Connect, check the connection and set up the schema (idempotent)."""
        return cls._open(
            uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
            namespace,
            owns_namespace,
        )

    @classmethod
    def for_tests(cls, uri: str, user: str, password: str, database: str = "neo4j") -> Neo4jStore:
        """A store in a fresh random label namespace; ``close()`` removes all of it.

        A label namespace works on Community Edition (one user database) and
        never touches the data of other namespaces on a shared server.
        """
        return cls._open(uri, user, password, database, fresh_test_namespace(), owns_namespace=True)

    @classmethod
    def _open(
        cls,
        uri: str,
        user: str,
        password: str,
        database: str,
        namespace: Namespace | None,
        owns_namespace: bool,
    ) -> Neo4jStore:
        from neo4j import GraphDatabase

        where = f"Neo4j at {redact_uri(uri)} (database {database!r}, user {user!r})"
        try:
            driver = GraphDatabase.driver(uri, auth=(user, password))
        except Exception as exc:  # malformed URI or options: the driver raises several kinds
            raise StoreUnavailable(f"cannot connect to {where}: {_scrub(exc, uri, password)}") from None
        try:
            driver.verify_connectivity()
            store = cls(driver, uri, database, namespace, owns_namespace)
            store._setup_schema()
        except Exception as exc:
            driver.close()
            raise StoreUnavailable(f"cannot use {where}: {_scrub(exc, uri, password)}") from None
        return store

    def _setup_schema(self) -> None:
        from neo4j.exceptions import ClientError

        with self._driver.session(database=self.database) as session:
            for stmt in cypher.SCHEMA:
                try:
                    session.execute_write(lambda tx, s=stmt: self._run(tx, s))
                except ClientError as exc:
                    # Two processes creating the same IF NOT EXISTS rule at once.
                    if "EquivalentSchemaRuleAlreadyExists" not in (exc.code or ""):
                        raise
            session.execute_write(lambda tx: self._run(tx, cypher.AWAIT_INDEXES, seconds=300))

    # -- running statements ------------------------------------------------------------
    def _run(self, tx: Any, stmt: Statement, **params: Any) -> list[Any]:
        """Run one registered statement with exactly its declared parameters."""
        if cypher.STATEMENTS.get(stmt.name) is not stmt:
            raise TypeError(f"{stmt.name!r} is not a registered statement of graph.cypher")
        if set(params) != set(stmt.params):
            raise TypeError(f"statement {stmt.name} takes {sorted(stmt.params)}, got {sorted(params)}")
        return list(tx.run(self._texts[stmt.name], params))

    def _session(self) -> Any:
        if self._closed:
            raise StoreUnavailable(f"Neo4j store at {self.uri} is closed")
        return self._driver.session(database=self.database)

    def _read(self, work: Callable[[Any], T]) -> T:
        with _unavailable(self.uri), self._session() as session:
            result: T = session.execute_read(work)
            return result

    def _write(self, work: Callable[[Any], T]) -> T:
        with _unavailable(self.uri), self._session() as session:
            result: T = session.execute_write(work)
            return result

    def _query(self, stmt: Statement, **params: Any) -> list[Any]:
        return self._read(lambda tx: self._run(tx, stmt, **params))

    # -- writing -----------------------------------------------------------------
    def _persist(
        self,
        sources: list[Source],
        entities: list[EntityRecord],
        relations: list[Relation],
        claims: dict[tuple[ClaimKind, str], Claims | None],
    ) -> None:
        entity_claims, relation_claims = claim_rows(claims)
        source_rows = [source_row(s) for s in sources]
        entity_rows = [entity_row(r) for r in entities]
        entity_ids = [r.entity.id for r in entities]
        names = [row for r in entities for row in name_rows(r.entity)]
        relation_rows = [relation_row(r) for r in relations]
        epoch = secrets.token_hex(8)

        def work(tx: Any) -> None:
            for rows in chunks(source_rows):
                self._run(tx, cypher.UPSERT_SOURCES, rows=rows)
            for rows in chunks(entity_rows):
                self._run(tx, cypher.UPSERT_ENTITIES, rows=rows)
            for ids in chunks(entity_ids):
                self._run(tx, cypher.DELETE_NAMES, ids=ids)
            for rows in chunks(names):
                self._run(tx, cypher.CREATE_NAMES, rows=rows)
            for rows in chunks(relation_rows):
                self._run(tx, cypher.DELETE_MOVED_RELATIONS, rows=rows)
                self._run(tx, cypher.UPSERT_RELATIONS, rows=rows)
            for rows in chunks(entity_claims):
                self._run(tx, cypher.SET_ENTITY_CLAIMS, rows=rows)
            for rows in chunks(relation_claims):
                self._run(tx, cypher.SET_RELATION_CLAIMS, rows=rows)
            self._run(tx, cypher.BUMP_VERSION, key=cypher.STORE_KEY, epoch=epoch)

        self._write(work)

    def get_claims(self, kind: ClaimKind, ids: Sequence[str]) -> dict[str, Claims]:
        stmt = cypher.GET_ENTITY_CLAIMS if kind == "entity" else cypher.GET_RELATION_CLAIMS

        def work(tx: Any) -> dict[str, Claims]:
            found: dict[str, Claims] = {}
            for part in chunks(list(ids)):
                found.update({r["id"]: json.loads(r["claims"]) for r in self._run(tx, stmt, ids=part)})
            return found

        return self._read(work)

    def retract_source(self, source_id: str) -> RetractResult:
        epoch = secrets.token_hex(8)

        def work(tx: Any) -> RetractResult:
            updated: list[dict[str, Any]] = []
            removed: list[str] = []
            for row in self._run(tx, cypher.RELATIONS_TO_REBUILD, source=source_id):
                rest_claims: Claims | None = None
                if row["claims"]:
                    rest, rest_claims = rebuild_relation(json.loads(row["claims"]), source_id)
                else:
                    rest = retracted(Relation.model_validate_json(row["data"]), source_id)
                if rest is None:
                    removed.append(row["id"])
                else:
                    props = relation_props(rest)
                    props["claims"] = json.dumps(rest_claims, ensure_ascii=False) if rest_claims else None
                    updated.append({"id": row["id"], "props": props})
            for rows in chunks(updated):
                self._run(tx, cypher.UPDATE_RELATIONS, rows=rows)
            for ids in chunks(removed):
                self._run(tx, cypher.DELETE_RELATIONS, ids=ids)
            rebuilt: list[EntityRecord] = []
            entity_claims: list[dict[str, Any]] = []
            for row in self._run(tx, cypher.ENTITIES_TO_REBUILD, source=source_id):
                record, rest_entity_claims = rebuild_entity(json.loads(row["claims"]), source_id)
                entity_claims.append({"id": row["id"], "claims": json.dumps(rest_entity_claims, ensure_ascii=False)
                                      if rest_entity_claims else None})
                if record is not None:
                    rebuilt.append(record)
            for rows in chunks([entity_row(r) for r in rebuilt]):
                self._run(tx, cypher.UPSERT_ENTITIES, rows=rows)
            for ids in chunks([r.entity.id for r in rebuilt]):
                self._run(tx, cypher.DELETE_NAMES, ids=ids)
            for rows in chunks([n for r in rebuilt for n in name_rows(r.entity)]):
                self._run(tx, cypher.CREATE_NAMES, rows=rows)
            for rows in chunks(entity_claims):
                self._run(tx, cypher.SET_ENTITY_CLAIMS, rows=rows)
            orphans = [r["id"] for r in self._run(tx, cypher.ORPHANS_OF_SOURCE, source=source_id)]
            self._run(tx, cypher.UNCITE_ENTITIES, source=source_id)
            for ids in chunks(orphans):
                self._run(tx, cypher.DELETE_ENTITIES, ids=ids)
            self._run(tx, cypher.DELETE_SOURCE, source=source_id)
            self._run(tx, cypher.BUMP_VERSION, key=cypher.STORE_KEY, epoch=epoch)
            return RetractResult(source_id, len(removed), len(updated), len(orphans))

        return self._write(work)

    # -- identity decisions ----------------------------------------------------------
    def add_judgements(self, judgements: Sequence[Judgement]) -> None:
        rows = [{"pair": j.key, "left": j.left, "right": j.right, "data": dump(j)} for j in judgements]

        def work(tx: Any) -> None:
            for chunk in chunks(rows):
                self._run(tx, cypher.UPSERT_JUDGEMENTS, rows=chunk)

        self._write(work)

    def judgements(self, ids: Sequence[str] | None = None) -> list[Judgement]:
        if ids is None:
            rows = self._query(cypher.ALL_JUDGEMENTS)
        elif not ids:
            return []
        else:
            rows = self._query(cypher.JUDGEMENTS_FOR, ids=list(dict.fromkeys(ids)))
        return [Judgement.model_validate_json(r["data"]) for r in rows]

    def replace_review_items(self, source: str, items: Sequence[ReviewItem]) -> None:
        rows = [{"key": i.key, "entity": i.entity, "source": i.source, "data": dump(i)} for i in items]

        def work(tx: Any) -> None:
            self._run(tx, cypher.DELETE_REVIEW_OF_SOURCE, source=source)
            for chunk in chunks(rows):
                self._run(tx, cypher.UPSERT_REVIEW_ITEMS, rows=chunk)

        self._write(work)

    def review_items(self, entity: str | None = None) -> list[ReviewItem]:
        return [ReviewItem.model_validate_json(r["data"]) for r in self._query(cypher.REVIEW_ITEMS, entity=entity)]

    def remove_review_items(self, keys: Sequence[str]) -> None:
        if keys:
            self._write(lambda tx: self._run(tx, cypher.DELETE_REVIEW_ITEMS, keys=list(keys)))

    def _persist_merge(
        self,
        record: MergeRecord,
        delete_relations: Sequence[str],
        delete_entities: Sequence[str],
        entities: list[EntityRecord],
        relations: list[Relation],
    ) -> None:
        entity_rows = [entity_row(r) for r in entities]
        entity_ids = [r.entity.id for r in entities]
        names = [row for r in entities for row in name_rows(r.entity)]
        relation_rows = [relation_row(r) for r in relations]
        epoch = secrets.token_hex(8)

        def work(tx: Any) -> None:
            for ids in chunks(list(delete_relations)):
                self._run(tx, cypher.DELETE_RELATIONS, ids=ids)
            for ids in chunks(list(delete_entities)):
                self._run(tx, cypher.DELETE_ENTITIES, ids=ids)
            for rows in chunks(entity_rows):  # SET replaces the stored sources with the record's
                self._run(tx, cypher.UPSERT_ENTITIES, rows=rows)
            for ids in chunks(entity_ids):
                self._run(tx, cypher.DELETE_NAMES, ids=ids)
            for rows in chunks(names):
                self._run(tx, cypher.CREATE_NAMES, rows=rows)
            for rows in chunks(relation_rows):
                self._run(tx, cypher.DELETE_MOVED_RELATIONS, rows=rows)
                self._run(tx, cypher.UPSERT_RELATIONS, rows=rows)
            self._run(tx, cypher.UPSERT_MERGE, id=record.id, merged=record.merged, survivor=record.survivor,
                      undone=record.undone, data=dump(record))
            self._run(tx, cypher.BUMP_VERSION, key=cypher.STORE_KEY, epoch=epoch)

        self._write(work)

    def merges(self) -> list[MergeRecord]:
        return [MergeRecord.model_validate_json(r["data"]) for r in self._query(cypher.ALL_MERGES)]

    # -- reading -----------------------------------------------------------------
    def _entities_in(self, tx: Any, ids: Sequence[str]) -> dict[str, EntityRecord]:
        found: dict[str, EntityRecord] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            for row in self._run(tx, cypher.GET_ENTITIES, ids=chunk):
                found[row["id"]] = record_from_row(row["data"], row["sources"])
        return found

    def _sources_in(self, tx: Any, ids: Sequence[str]) -> list[Source]:
        found: list[Source] = []
        for chunk in chunks(sorted(set(ids))):
            found += [Source.model_validate_json(r["data"]) for r in self._run(tx, cypher.GET_SOURCES, ids=chunk)]
        return found

    def get_entities(self, ids: Sequence[str]) -> dict[str, EntityRecord]:
        if not ids:
            return {}
        return self._read(lambda tx: self._entities_in(tx, ids))

    def get_relations(self, ids: Sequence[str]) -> dict[str, Relation]:
        if not ids:
            return {}

        def work(tx: Any) -> dict[str, Relation]:
            found: dict[str, Relation] = {}
            for chunk in chunks(list(dict.fromkeys(ids))):
                for row in self._run(tx, cypher.GET_RELATIONS, ids=chunk):
                    found[row["id"]] = Relation.model_validate_json(row["data"])
            return found

        return self._read(work)

    def get_sources(self, ids: Sequence[str] | None = None) -> list[Source]:
        if ids is None:
            return [Source.model_validate_json(r["data"]) for r in self._query(cypher.ALL_SOURCES)]
        if not ids:
            return []
        return self._read(lambda tx: self._sources_in(tx, ids))

    def resolve(self, name: str, type: EntityType | None = None) -> list[Entity]:
        key = name_key(name)
        if not key:
            return []
        rows = self._query(cypher.RESOLVE, key=key, type=type.value if type is not None else None)
        return [Entity.model_validate_json(r["data"]) for r in rows]

    def names_for_keys(self, keys: Sequence[str]) -> list[tuple[str, str, str]]:
        unique = list(dict.fromkeys(keys))

        def work(tx: Any) -> list[tuple[str, str, str]]:
            found = []
            for chunk in chunks(unique):
                found += [(r["key"], r["entity"], r["text"]) for r in self._run(tx, cypher.NAMES_FOR_KEYS, keys=chunk)]
            return found

        return self._read(work) if unique else []

    def names_with_prefix(self, prefix: str) -> list[tuple[str, str, str]]:
        rows = self._query(cypher.NAMES_WITH_PREFIX, prefix=prefix)
        return [(r["key"], r["entity"], r["text"]) for r in rows]

    def iter_names(self) -> Iterator[tuple[str, str, str]]:
        rows = self._query(cypher.ITER_NAMES)
        yield from ((r["key"], r["entity"], r["text"]) for r in rows)

    def search_names(self, text: str, limit: int = 10) -> list[tuple[Entity, float]]:
        """Full-text name search (CJK bigrams): partial names, for suggestions."""
        query = lucene_escape(text)
        if not query:
            return []
        index = f"kizuna_names{self.namespace.suffix}"
        rows = self._query(cypher.SEARCH_NAMES, index=index, query=query, limit=limit)
        return [(Entity.model_validate_json(r["data"]), float(r["score"])) for r in rows]

    def neighbours(
        self,
        entity_id: str,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be out, in or both, not {direction!r}")
        type_list = sorted(set(types)) if types is not None else None
        rows = self._query(
            cypher.NEIGHBOURS, id=entity_id, min_confidence=min_confidence, types=type_list, direction=direction
        )
        # The embedded order: outgoing relations first, each group by relation id.
        rows.sort(key=lambda r: (not r["outgoing"], r["id"]))
        return [
            Neighbour(
                Relation.model_validate_json(r["relation"]), Entity.model_validate_json(r["entity"]), r["outgoing"]
            )
            for r in rows
        ]

    def subgraph(self, ids: Sequence[str]) -> Batch:
        def work(tx: Any) -> Batch:
            records = self._entities_in(tx, ids)
            rows = self._run(tx, cypher.SUBGRAPH_RELATIONS, ids=sorted(records)) if records else []
            relations = [Relation.model_validate_json(r["data"]) for r in rows]
            cited = {s for r in relations for s in r.sources} | {s for rec in records.values() for s in rec.sources}
            sources = self._sources_in(tx, sorted(cited))
            return Batch(sources=sources, entities=list(records.values()), relations=relations)

        return self._read(work)

    def relations_citing(self, source_id: str) -> list[Relation]:
        return [Relation.model_validate_json(r["data"]) for r in self._query(cypher.RELATIONS_CITING, source=source_id)]

    def stats(self) -> Stats:
        def work(tx: Any) -> Stats:
            entities = {r["type"]: int(r["count"]) for r in self._run(tx, cypher.STATS_ENTITIES)}
            relations = {r["type"]: int(r["count"]) for r in self._run(tx, cypher.STATS_RELATIONS)}
            (row,) = self._run(tx, cypher.STATS_SOURCES)
            return Stats(entities=entities, relations=relations, sources=int(row["count"]))

        return self._read(work)

    def export(self) -> Batch:
        def work(tx: Any) -> Batch:
            entities = [record_from_row(r["data"], r["sources"]) for r in self._pages(tx, cypher.ENTITIES_PAGE)]
            relations = [Relation.model_validate_json(r["data"]) for r in self._pages(tx, cypher.RELATIONS_PAGE)]
            sources = [Source.model_validate_json(r["data"]) for r in self._run(tx, cypher.ALL_SOURCES)]
            return Batch(sources=sources, entities=entities, relations=relations)

        return self._read(work)

    def _pages(self, tx: Any, stmt: Statement) -> Iterator[Any]:
        """All rows of a keyset-paged statement, in id order ('' sorts before any id)."""
        after = ""
        while True:
            rows = self._run(tx, stmt, after=after, limit=PAGE)
            yield from rows
            if len(rows) < PAGE:
                return
            after = rows[-1]["id"]

    def version(self) -> str:
        (row,) = self._query(cypher.VERSION, key=cypher.STORE_KEY)
        return f"{self.uri}/{self.database}{self.namespace.suffix}:{row['epoch'] or '-'}:{row['seq'] or 0}"

    def check(self) -> list[str]:
        def work(tx: Any) -> list[str]:
            problems: list[str] = []
            for r in self._run(tx, cypher.CHECK_ENTITIES):
                if r["names"] == 0:
                    problems.append(f"entity {r['id']} has no names")
                try:
                    entity = Entity.model_validate_json(r["data"])
                except ValueError as exc:
                    problems.append(f"entity {r['id']} does not parse: {exc}")
                    continue
                if entity.id != r["id"]:
                    problems.append(f"entity {r['id']} holds the data of {entity.id}")
            for r in self._run(tx, cypher.CHECK_RELATIONS):
                if not r["sources"]:
                    problems.append(f"relation {r['id']} has no evidence")
                try:
                    rel = Relation.model_validate_json(r["data"])
                except ValueError as exc:
                    problems.append(f"relation {r['id']} does not parse: {exc}")
                    continue
                if (rel.id, rel.source, rel.target) != (r["id"], r["source"], r["target"]):
                    problems.append(f"relation {r['id']} links {r['source']} -> {r['target']} but says otherwise")
            for r in self._run(tx, cypher.CHECK_STRAY_NAMES):
                problems.append(f"name {r['text']!r} of {r['entity']} belongs to no entity")
            return problems

        return self._read(work)

    def ping(self) -> None:
        self._query(cypher.PING)

    def close(self) -> None:
        if self._closed:
            return
        try:
            if self._owns_namespace:
                self._drop_namespace()
        finally:
            self._closed = True
            self._driver.close()

    def _drop_namespace(self) -> None:
        """Remove every node and schema rule of this (test) namespace."""
        with self._session() as session:
            while session.execute_write(
                lambda tx: self._run(tx, cypher.DELETE_NAMESPACE_CHUNK, limit=CHUNK)[0]["deleted"]
            ):
                pass
            for stmt in cypher.DROP_SCHEMA:
                session.execute_write(lambda tx, s=stmt: self._run(tx, s))

    # -- the read view ------------------------------------------------------------------
    def view(self) -> Neo4jView:
        """The read view queries walk (``queries.view``), answered here statement by statement."""
        return Neo4jView(self)


def _scrub(exc: BaseException, uri: str, password: str) -> str:
    """An error's message with the URI redacted and any password masked (drivers echo URIs)."""
    message = f"{type(exc).__name__}: {exc}".replace(uri, redact_uri(uri))
    for secret in (password, uri_password(uri)):
        if secret:
            message = message.replace(secret, "***")
    return message


@contextmanager
def _unavailable(uri: str) -> Iterator[None]:
    """Turn connection-level driver errors into ``StoreUnavailable`` naming the URI."""
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    try:
        yield
    except (ServiceUnavailable, SessionExpired, AuthError) as exc:
        raise StoreUnavailable(f"Neo4j at {uri} is unavailable: {type(exc).__name__}: {exc}") from exc


def relation_row_of(row: Any) -> RelationRow:
    """A compact relation row from the columns of VIEW_ADJACENT / VIEW_TIES."""
    evidence = tuple(EvidenceRow(src, float(conf)) for src, conf in zip(row["ev_source"], row["ev_confidence"],
                                                                        strict=True))
    return RelationRow(row["id"], row["type"], row["source"], row["target"], evidence, row["valid_from"],
                       row["valid_to"], row["role"])


def entity_row_of(data: str) -> EntityRow:
    return EntityRow.of(Entity.model_validate_json(data))


class Neo4jView:
    """The read view of ``queries.view.GraphView`` on Neo4j: every call is one
    parameterised statement (``graph.cypher``, the VIEW_* statements) over the
    frontier it is given, so a walk reads in proportion to what it visits.
    ``tie_pages`` (brokers only) reads the whole tie graph, a page of ends at a time."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store
        self.memo: dict[str, Any] = {}

    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        return {r["id"]: entity_row_of(r["data"]) for r in self.store._query(cypher.GET_ENTITIES, ids=wanted)}

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self.store._query(cypher.GET_SOURCES, ids=wanted)
        return {r["id"]: Source.model_validate_json(r["data"]) for r in rows}

    @staticmethod
    def _in_frontier_order(frontier: Sequence[str], rows: list[Any]) -> list[tuple[str, RelationRow]]:
        """(node, relation) by frontier position, then relation id (Cypher promises no order)."""
        position = {node: i for i, node in enumerate(frontier)}
        found = [(r["node"], relation_row_of(r)) for r in rows]
        found.sort(key=lambda nr: (position[nr[0]], nr[1].id))
        return found

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: Direction = "both"
    ) -> list[tuple[str, RelationRow]]:
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be out, in or both, not {direction!r}")
        nodes = list(dict.fromkeys(frontier))
        if not nodes:
            return []
        rows = self.store._query(cypher.VIEW_ADJACENT, frontier=nodes, types=sorted(types), direction=direction)
        return self._in_frontier_order(nodes, rows)

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]:
        nodes = list(dict.fromkeys(frontier))
        if not nodes:
            return []
        rows = self.store._query(
            cypher.VIEW_TIES, frontier=nodes, types=sorted(types), min_confidence=min_confidence, as_of=iso_day(as_of)
        )
        return self._in_frontier_order(nodes, rows)

    def places(self, kind: str) -> list[EntityRow]:
        rows = self.store._query(cypher.VIEW_ENTITIES_OF_TYPE, type=EntityType.PLACE.value)
        return [row for row in (entity_row_of(r["data"]) for r in rows) if row.kind == kind]

    def entity_page(self, type: EntityType | None, start: int, limit: int) -> tuple[int, list[EntityRow]]:
        value = type.value if type is not None else None

        def work(tx: Any) -> tuple[int, list[EntityRow]]:
            (count,) = self.store._run(tx, cypher.VIEW_ENTITY_COUNT, type=value)
            rows = self.store._run(tx, cypher.VIEW_ENTITY_PAGE, type=value, start=start, limit=limit)
            return int(count["count"]), [entity_row_of(r["data"]) for r in rows]

        return self.store._read(work)

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> Iterator[list[tuple[str, EntityType, str, EntityType]]]:
        after = ""
        filters = {"types": sorted(types), "min_confidence": min_confidence, "as_of": iso_day(as_of)}
        while True:
            rows = self.store._query(cypher.VIEW_TIE_PAGE, after=after, limit=PAGE, **filters)
            yield [(r["source"], EntityType(r["source_type"]), r["target"], EntityType(r["target_type"])) for r in rows]
            if len(rows) < PAGE:
                return
            after = rows[-1]["id"]

    def betweenness(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float, samples: int, seed: int,
        exact_limit: int,
    ) -> tuple[dict[str, tuple[EntityType, float]], int, int] | None:
        """Betweenness of every tied node counted by Graph Data Science, when the server has it:
        ({id: (type, score)}, tied nodes, ties), exact up to ``exact_limit`` nodes, else from
        ``samples`` seeded sources. None when GDS is not installed."""
        if "gds" not in self.memo:
            (row,) = self.store._query(cypher.GDS_PROCEDURES, names=cypher.GDS_NAMES["procedures"])
            self.memo["gds"] = set(row["names"]) == set(cypher.GDS_NAMES["procedures"])
        if not self.memo["gds"]:
            return None
        graph = f"kizuna_ties_{secrets.token_hex(8)}"
        filters = {"types": sorted(types), "min_confidence": min_confidence, "as_of": iso_day(as_of)}
        (row,) = self.store._query(cypher.GDS_PROJECT_TIES, graph=graph, **filters)
        nodes, ties = int(row["nodes"]), int(row["ties"])
        try:
            size = nodes if nodes <= exact_limit else min(samples, nodes)
            rows = self.store._query(cypher.GDS_BETWEENNESS, graph=graph, samples=size, seed=seed)
        finally:
            self.store._query(cypher.GDS_DROP, graph=graph)
        return {r["id"]: (EntityType(r["type"]), float(r["score"])) for r in rows}, nodes, ties

