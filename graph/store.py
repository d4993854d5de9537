"""The store contract every backend implements in full.

Kept small on purpose (nomenklatura style): writes go in whole batches, reads
return domain objects, and anything smarter (paths, networks, ranking) lives in
``queries`` over this contract. Shared rules — endpoint checks, evidence
merging, symmetric ordering — live here, so backends only persist.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from graph.errors import InvalidFact
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source
from graph.registry import check_endpoints, relation_type
from graph.review import Judgement, MergeRecord, ReviewItem
from graph.rows import EntityRow, GraphRows, gc_paused

Direction = Literal["out", "in", "both"]


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
    except ValidationError as exc:  # e.g. a new start after the stored end
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
        in_batch = {r.entity.id: r for r in batch.entities}
        if len(in_batch) != len(batch.entities):
            dupes = sorted({r.entity.id for r in batch.entities if list(in_batch).count(r.entity.id) > 1})
            raise InvalidFact(f"batch lists entities more than once: {', '.join(dupes[:5])}")
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
            raise InvalidFact(f"evidence cites unknown source(s): {', '.join(sorted(missing_sources))}")
        relations: dict[str, Relation] = {}
        # Endpoint rules depend only on (relation type, each end's type and whether it governs a place):
        # each combination is checked once per batch, not once per relation.
        ends: dict[str, Entity | EntityRow] = {**stored, **{i: r.entity for i, r in in_batch.items()}}
        shape = {i: (e.type, e.is_governing_place) for i, e in ends.items()}
        checked: set[tuple[str, object, object]] = set()
        for rel in batch.relations:
            key = (rel.type, shape.get(rel.source), shape.get(rel.target))
            if key not in checked:
                for end in (rel.source, rel.target):
                    if end not in ends:
                        raise InvalidFact(f"relation {rel.type} {rel.source} -> {rel.target}: unknown entity {end!r}")
                check_endpoints(rel.type, ends[rel.source], ends[rel.target])
                checked.add(key)
            if rel.target < rel.source:
                rel = canonical(rel)
            before = relations.get(rel.id)
            relations[rel.id] = rel if before is None else merge_relation(before, rel)
        old_entities = self.get_entities(sorted(in_batch))
        entities = [merge_entity(old_entities.get(i), r) for i, r in in_batch.items()]
        old_relations = self.get_relations(sorted(relations))
        merged = [merge_relation(old_relations.get(i), r) for i, r in relations.items()]
        self._persist(batch.sources, entities, merged)
        return WriteResult(len(entities), len(merged), len(batch.sources))

    @abstractmethod
    def _persist(self, sources: list[Source], entities: list[EntityRecord], relations: list[Relation]) -> None:
        """Store validated, merged records in one transaction."""

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
        """Remove everything only ``source_id`` asserted, atomically.

        Relations keep evidence from other sources; entities no source and no
        relation supports any more are removed; the source record goes too.
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
