"""The store contract every backend implements in full.

Kept small on purpose (nomenklatura style): writes go in whole batches, reads
return domain objects, and anything smarter (paths, networks, ranking) lives in
``queries`` over this contract. Shared rules — endpoint checks, evidence
merging, symmetric ordering — live here, so backends only persist.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from graph.errors import InvalidFact
from graph.limits import MAX_BATCH_RECORDS
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source, record_json
from graph.registry import check_endpoints, relation_type
from graph.review import Judgement, MergeRecord, ReviewItem
from graph.rows import EntityRow, GraphRows, gc_paused

Direction = Literal["out", "in", "both"]
ClaimKind = Literal["entity", "relation"]
# What each source asserted about one record, kept while more than one source
# asserts it: source id -> the record as that source gave it (JSON), oldest first.
# Retracting a source rebuilds the record from the others' claims.
Claims = dict[str, str]


@dataclass(frozen=True)
class Neighbour:
    relation: Relation
    entity: Entity  # the entity at the other end
    outgoing: bool  # True when the relation points from the asking entity


@dataclass
class Stats:
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    sources: int = 0

    @property
    def entity_total(self) -> int:
        return sum(self.entities.values())

    @property
    def relation_total(self) -> int:
        return sum(self.relations.values())


@dataclass(frozen=True)
class WriteResult:
    entities: int
    relations: int
    sources: int


@dataclass(frozen=True)
class RetractResult:
    source: str
    relations_removed: int
    relations_kept: int  # still supported by other sources
    entities_removed: int


def merge_names(old: Sequence[Name], new: Sequence[Name]) -> tuple[Name, ...]:
    """Union of names, first occurrence wins (a later source adds aliases)."""
    seen: dict[tuple[str, str], Name] = {}
    for name in (*old, *new):
        seen.setdefault((name.text, name.lang.value), name)
    return tuple(seen.values())


def merge_entity(old: EntityRecord | None, new: EntityRecord) -> EntityRecord:
    """New attributes win where given; names and sources accumulate."""
    if old is None:
        return new
    if old.entity.type is not new.entity.type:
        raise InvalidFact(
            f"entity {new.entity.id} is stored as {old.entity.type.value}, cannot become {new.entity.type.value}"
        )
    given = new.entity.model_dump(exclude_unset=True, exclude={"names", "id", "type"})
    merged = old.entity.model_copy(
        update={**given, "names": merge_names(old.entity.names, new.entity.names)}
    )
    sources = tuple(sorted({*old.sources, *new.sources}))
    try:
        entity = Entity.model_validate(merged.model_dump())
    except ValidationError as exc:  # e.g. a new start after the stored end, or too many names together
        reason = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise InvalidFact(f"entity {new.entity.id} cannot merge with the stored one: {reason}") from None
    return EntityRecord(entity=entity, sources=sources)


def _evidence_key(e: Evidence) -> tuple[str, str | None, str]:
    return (e.source, e.locator, e.asserted_by)


def merge_relation(old: Relation | None, new: Relation) -> Relation:
    """Evidence accumulates; the same (source, locator, asserter) is replaced."""
    if old is None:
        return new
    evidence = {_evidence_key(e): e for e in old.evidence}
    evidence.update({_evidence_key(e): e for e in new.evidence})
    return new.model_copy(update={"evidence": tuple(evidence.values())})


def _entity_claim(entity: Entity) -> str:
    """Only the fields given, so a rebuild merges exactly what the source said."""
    return entity.model_dump_json(exclude_defaults=True)


def _asserted_by(relation: Relation, source: str) -> Relation:
    return relation.model_copy(update={"evidence": tuple(e for e in relation.evidence if e.source == source)})


def entity_claims(old: EntityRecord | None, stored: Claims | None, new: EntityRecord) -> Claims | None:
    """The claims on an entity after ``new`` is merged into ``old`` (None: one source, the record says it all)."""
    if old is None:
        return {s: _entity_claim(new.entity) for s in new.sources} if len(new.sources) > 1 else None
    claims = dict(stored) if stored else {s: _entity_claim(old.entity) for s in old.sources}
    for source in new.sources:
        before = claims.pop(source, None)
        mine = EntityRecord(entity=Entity.model_validate_json(before)) if before else None
        claims[source] = _entity_claim(merge_entity(mine, EntityRecord(entity=new.entity)).entity)
    return claims if len(claims) > 1 else None


def relation_claims(old: Relation | None, stored: Claims | None, new: Relation) -> Claims | None:
    """The claims on a relation after ``new`` is merged into ``old``."""
    if old is None:
        return {s: record_json(_asserted_by(new, s)) for s in new.sources} if len(new.sources) > 1 else None
    claims = dict(stored) if stored else {s: record_json(_asserted_by(old, s)) for s in old.sources}
    for source in new.sources:
        before = claims.pop(source, None)
        mine = Relation.model_validate_json(before) if before else None
        claims[source] = record_json(merge_relation(mine, _asserted_by(new, source)))
    return claims if len(claims) > 1 else None


def rebuild_entity(claims: Claims, without: str) -> tuple[EntityRecord | None, Claims | None]:
    """The entity as the remaining sources asserted it, in the order they did."""
    rest = {s: data for s, data in claims.items() if s != without}
    merged: EntityRecord | None = None
    for data in rest.values():
        merged = merge_entity(merged, EntityRecord(entity=Entity.model_validate_json(data)))
    if merged is None:
        return None, None
    return EntityRecord(entity=merged.entity, sources=tuple(sorted(rest))), (rest if len(rest) > 1 else None)


def rebuild_relation(claims: Claims, without: str) -> tuple[Relation | None, Claims | None]:
    """The relation as the remaining sources asserted it (dates, role and evidence)."""
    rest = {s: data for s, data in claims.items() if s != without}
    merged: Relation | None = None
    for data in rest.values():
        merged = merge_relation(merged, Relation.model_validate_json(data))
    return merged, (rest if len(rest) > 1 else None)


def without_source(relation: Relation, source_id: str) -> Relation | None:
    """A relation recorded before claims were kept: only its evidence can be taken away."""
    rest = tuple(e for e in relation.evidence if e.source != source_id)
    return relation.model_copy(update={"evidence": rest}) if rest else None


def canonical(relation: Relation) -> Relation:
    """Symmetric relations are stored with their endpoints in id order."""
    if relation_type(relation.type).symmetric and relation.target < relation.source:
        return relation.model_copy(update={"source": relation.target, "target": relation.source})
    return relation


class Store(ABC):
    """A durable graph of entities, relations and sources."""

    backend: str = "abstract"

    # -- writing ---------------------------------------------------------
    def write(self, batch: Batch) -> WriteResult:
        """Validate and store a batch atomically and idempotently.

        Every relation's endpoints must exist in the batch or the store and
        fit the registry; evidence must point at a known source. On any error
        nothing of the batch is stored.
        """
        with gc_paused():  # a batch is tens of thousands of short-lived acyclic objects
            return self._validated_write(batch)

    def _validated_write(self, batch: Batch) -> WriteResult:
        """Checks first, then merging; an ``InvalidFact`` about one record carries its
        place in the batch (``record=("entities" | "relations", index)``) so a loader
        can name the file line."""
        if len(batch) > MAX_BATCH_RECORDS:
            raise InvalidFact(f"the batch holds {len(batch):,} records; the limit is {MAX_BATCH_RECORDS:,} "
                              "(MAX_BATCH_RECORDS)")
        in_batch = {r.entity.id: r for r in batch.entities}
        if len(in_batch) != len(batch.entities):
            counts = Counter(r.entity.id for r in batch.entities)
            dupes = sorted(i for i, n in counts.items() if n > 1)
            seen: set[str] = set()
            second = 0
            for second, record in enumerate(batch.entities):  # noqa: B007 - the index is the result
                if record.entity.id in seen:
                    break
                seen.add(record.entity.id)
            raise InvalidFact(f"the batch lists entities more than once: {', '.join(dupes[:5])}"
                              + (f" (and {len(dupes) - 5} more)" if len(dupes) > 5 else ""),
                              record=("entities", second))
        referenced = {e for r in batch.relations for e in (r.source, r.target)} - set(in_batch)
        stored = self.entity_rows(sorted(referenced))
        known_sources = {s.id for s in batch.sources}
        cited = {e.source for r in batch.relations for e in r.evidence}
        cited |= {s for rec in batch.entities for s in rec.sources}
        missing_sources = cited - known_sources
        if missing_sources:
            known_sources |= {s.id for s in self.get_sources(sorted(missing_sources))}
            missing_sources = cited - known_sources
        if missing_sources:
            first = next((("relations", i) for i, r in enumerate(batch.relations)
                          if any(e.source in missing_sources for e in r.evidence)),
                         next((("entities", i) for i, rec in enumerate(batch.entities)
                               if set(rec.sources) & missing_sources), None))
            raise InvalidFact(f"evidence cites unknown source(s): {', '.join(sorted(missing_sources))}",
                              record=first)
        relations: dict[str, Relation] = {}
        # Endpoint rules depend only on (relation type, each end's type and whether it governs a place):
        # each combination is checked once per batch, not once per relation.
        ends: dict[str, Entity | EntityRow] = {**stored, **{i: r.entity for i, r in in_batch.items()}}
        shape = {i: (e.type, e.is_governing_place) for i, e in ends.items()}
        checked: set[tuple[str, object, object]] = set()
        for index, rel in enumerate(batch.relations):
            key = (rel.type, shape.get(rel.source), shape.get(rel.target))
            if key not in checked:
                for end in (rel.source, rel.target):
                    if end not in ends:
                        raise InvalidFact(f"relation {rel.type} {rel.source} -> {rel.target}: unknown entity {end!r}",
                                          record=("relations", index))
                try:
                    check_endpoints(rel.type, ends[rel.source], ends[rel.target])
                except InvalidFact as exc:
                    raise InvalidFact(exc.message, record=("relations", index), **exc.extra) from None
                checked.add(key)
            if rel.target < rel.source:
                rel = canonical(rel)
            before = relations.get(rel.id)
            relations[rel.id] = rel if before is None else merge_relation(before, rel)
        old_entities = self.get_entities(sorted(in_batch))
        entities = []
        for index, (entity_id, record) in enumerate(in_batch.items()):
            try:
                entities.append(merge_entity(old_entities.get(entity_id), record))
            except InvalidFact as exc:
                raise InvalidFact(exc.message, record=("entities", index)) from None
        old_relations = self.get_relations(sorted(relations))
        merged = [merge_relation(old_relations.get(i), r) for i, r in relations.items()]
        claims = self._claims_after(old_entities, list(in_batch.values()), old_relations, list(relations.values()))
        self._persist(batch.sources, entities, merged, claims)
        return WriteResult(len(entities), len(merged), len(batch.sources))

    def _claims_after(
        self,
        old_entities: dict[str, EntityRecord],
        new_entities: list[EntityRecord],
        old_relations: dict[str, Relation],
        new_relations: list[Relation],
    ) -> dict[tuple[ClaimKind, str], Claims | None]:
        """New claims for the records a second source joins (only those: a record one
        source asserts is its own claim, so single-source loads store nothing extra)."""
        out: dict[tuple[ClaimKind, str], Claims | None] = {}
        def old_sources(entity_id: str) -> tuple[str, ...]:
            old = old_entities.get(entity_id)
            return old.sources if old is not None else ()

        # Most records are new and asserted by one source: those are skipped without building a set.
        shared_e = [r for r in new_entities
                    if (len(r.sources) > 1 or r.entity.id in old_entities)
                    and len({*r.sources, *old_sources(r.entity.id)}) > 1]
        stored_e = self.get_claims("entity", [r.entity.id for r in shared_e if r.entity.id in old_entities
                                              and len(old_entities[r.entity.id].sources) > 1])
        for record in shared_e:
            key = record.entity.id
            out[("entity", key)] = entity_claims(old_entities.get(key), stored_e.get(key), record)
        shared_r = [r for r in new_relations
                    if (len(r.evidence) > 1 or r.id in old_relations)
                    and len({*r.sources, *(old_relations[r.id].sources if r.id in old_relations else ())}) > 1]
        stored_r = self.get_claims("relation", [r.id for r in shared_r
                                                if r.id in old_relations and len(old_relations[r.id].sources) > 1])
        for relation in shared_r:
            out[("relation", relation.id)] = relation_claims(old_relations.get(relation.id), stored_r.get(relation.id),
                                                             relation)
        return out

    @abstractmethod
    def _persist(
        self,
        sources: list[Source],
        entities: list[EntityRecord],
        relations: list[Relation],
        claims: dict[tuple[ClaimKind, str], Claims | None],
    ) -> None:
        """Store validated, merged records and the changed claims in one transaction."""

    @abstractmethod
    def get_claims(self, kind: ClaimKind, ids: Sequence[str]) -> dict[str, Claims]:
        """Stored claims of the records among ``ids`` that have them."""

    @contextmanager
    def bulk(self, records: int) -> Iterator[None]:
        """Wrap a load of about ``records`` records written in several batches.

        Each ``write`` inside still stores its batch whole or not at all; a
        backend may use the hint to load faster (the embedded store defers its
        secondary indexes). The default does nothing.
        """
        yield

    @abstractmethod
    def retract_source(self, source_id: str) -> RetractResult:
        """Remove everything ``source_id`` asserted, atomically.

        Every entity and relation it asserted is rebuilt from what the other
        sources asserted (names, descriptions, dates, roles, evidence); those
        nothing else supports are removed (entities only when no relation
        touches them); the source record goes too.
        """

    # -- identity decisions (graph.review) ---------------------------------
    @abstractmethod
    def add_judgements(self, judgements: Sequence[Judgement]) -> None:
        """Keep decisions; a later judgement on the same pair replaces the earlier one."""

    @abstractmethod
    def judgements(self, ids: Sequence[str] | None = None) -> list[Judgement]:
        """Judgements involving any of ``ids`` (all of them when None)."""

    @abstractmethod
    def replace_review_items(self, source: str, items: Sequence[ReviewItem]) -> None:
        """The review queue of one document: what its previous ingest queued is replaced."""

    @abstractmethod
    def review_items(self, entity: str | None = None) -> list[ReviewItem]:
        """Waiting review items (those about ``entity`` when given), by key."""

    @abstractmethod
    def remove_review_items(self, keys: Sequence[str]) -> None:
        """Drop decided items."""

    @abstractmethod
    def _persist_merge(
        self,
        record: MergeRecord,
        delete_relations: Sequence[str],
        delete_entities: Sequence[str],
        entities: list[EntityRecord],
        relations: list[Relation],
    ) -> None:
        """In one transaction: delete, store the records exactly as given, keep ``record``."""

    @abstractmethod
    def merges(self) -> list[MergeRecord]:
        """Every merge record, undone ones included."""

    def merged_into(self, entity_id: str) -> str | None:
        """The surviving id an entity merged away now lives on as (None when it was never merged)."""
        forward = {m.merged: m.survivor for m in self.merges() if not m.undone}
        seen = {entity_id}
        current = forward.get(entity_id)
        while current is not None and current in forward and current not in seen:
            seen.add(current)
            current = forward[current]
        return current

    # -- reading -----------------------------------------------------------
    @abstractmethod
    def get_entities(self, ids: Sequence[str]) -> dict[str, EntityRecord]:
        """Stored entities among ``ids`` (missing ids are left out)."""

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        return self.get_entities([entity_id]).get(entity_id)

    @abstractmethod
    def get_relations(self, ids: Sequence[str]) -> dict[str, Relation]:
        """Stored relations among ``ids``."""

    @abstractmethod
    def get_sources(self, ids: Sequence[str] | None = None) -> list[Source]:
        """Sources by id, or all sources when ``ids`` is None."""

    @abstractmethod
    def resolve(self, name: str, type: EntityType | None = None) -> list[Entity]:
        """Entities having ``name`` (any language, name or alias) by whole-name key."""

    @abstractmethod
    def iter_names(self) -> Iterator[tuple[str, str, str]]:
        """Every (name key, entity id, name text): the material for suggestions."""

    def names_for_keys(self, keys: Sequence[str]) -> list[tuple[str, str, str]]:
        """The (name key, entity id, name text) rows whose key is one of ``keys``.

        Correct for any backend through ``iter_names``; backends override it with an indexed lookup, so
        reading a document against a big store costs what the document mentions, not the store's size.
        """
        wanted = set(keys)
        return [row for row in self.iter_names() if row[0] in wanted]

    def names_with_prefix(self, prefix: str) -> list[tuple[str, str, str]]:
        """The name rows whose key starts with ``prefix`` (a block for near-duplicate search)."""
        return [row for row in self.iter_names() if row[0].startswith(prefix)]

    @abstractmethod
    def neighbours(
        self,
        entity_id: str,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        """Relations touching an entity, with the entity at the other end."""

    @abstractmethod
    def subgraph(self, ids: Sequence[str]) -> Batch:
        """The entities ``ids`` and every relation among them (with their sources)."""

    @abstractmethod
    def relations_citing(self, source_id: str) -> list[Relation]:
        """Relations with evidence from ``source_id``."""

    @abstractmethod
    def stats(self) -> Stats:
        """Counts per entity type and relation type."""

    @abstractmethod
    def export(self) -> Batch:
        """The whole graph, ready for ``write`` into another store."""

    def rows(self) -> GraphRows:
        """The whole graph as compact rows, for in-memory indexes.

        Correct for any backend through ``export()``; a backend that can read
        the few fields directly (the embedded store does, in SQL) overrides it.
        """
        return GraphRows.of(self.export())

    def entity_rows(self, ids: Sequence[str]) -> dict[str, EntityRow]:
        """Stored entities among ``ids`` as rows: enough to check relation endpoints."""
        return {i: EntityRow.of(r.entity) for i, r in self.get_entities(ids).items()}

    @abstractmethod
    def version(self) -> str:
        """Changes whenever the stored graph changes (for caches)."""

    def load_mark(self, name: str) -> str | None:
        """The version recorded by ``set_load_mark(name)`` (None when absent, or when the backend keeps none)."""
        return None

    def set_load_mark(self, name: str) -> None:
        """Record that ``name`` (a loaded file's digest) is in the store as of its current version.

        Loaders skip a file whose mark equals the store's version: nothing was
        written since it was loaded. A backend may keep no marks (then every
        load writes again, which is safe: writes are idempotent).
        """
        return None

    @abstractmethod
    def check(self) -> list[str]:
        """Integrity problems found (empty when the store is sound)."""

    @abstractmethod
    def ping(self) -> None:
        """Raise ``StoreUnavailable`` unless the store can be read."""

    @abstractmethod
    def close(self) -> None:
        """Release connections; the store may not be used afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
