"""Checking extracted facts one by one before they reach the store.

A store batch is all or nothing, so one bad extracted fact (an event ending
before it starts once merged with the stored record, an entity listed twice,
a relation whose endpoint was rejected) would otherwise keep a whole document
out. Each record is checked here against the model, the registry and the
stored record it would merge with; a failing record is left out and reported
with the document, its character span and the reason, and the rest of the
document goes in. Relations touching a left-out entity are left out too (and
reported), so what is written is always a consistent batch.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from pydantic import ValidationError

from graph.errors import InvalidFact
from graph.ids import relation_id
from graph.model import Entity, EntityRecord, EntityType, Evidence, Name, Relation
from graph.registry import check_endpoints
from graph.sectors import SECTORS
from graph.store import Store, merge_entity
from ingest.format import EntityIn, RelationIn, to_entity

_CHARS = re.compile(r"chars (\d+)-(\d+)")
_SECTOR_IDS = frozenset(s.entity_id for s in SECTORS)


@dataclass(frozen=True)
class Problem:
    """One extracted fact that was left out (or a document held back), and why."""

    document: str
    record: str  # "entity <id>" or "relation <type> <source> -> <target>" or "document"
    reason: str
    start: int | None = None  # character span in the document's normalised text
    end: int | None = None
    held: bool = False  # True: the whole document was kept out

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        where = f" chars {self.start}-{self.end}" if self.start is not None else ""
        return f"{self.document}{where}: {self.record}: {self.reason}"


def reason_of(exc: ValidationError) -> str:
    """Pydantic's messages without their location noise, joined."""
    parts = []
    for err in exc.errors()[:3]:
        field = ".".join(str(p) for p in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(f"{field}: {msg}" if field else msg)
    return "; ".join(parts)


def _span(record: dict[str, Any]) -> tuple[int | None, int | None]:
    span = record.get("_span")
    if isinstance(span, list | tuple) and len(span) == 2:
        return int(span[0]), int(span[1])
    for ev in record.get("evidence") or []:
        match = _CHARS.fullmatch(str(ev.get("locator") or ""))
        if match:
            return int(match.group(1)), int(match.group(2))
    return None, None


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def check_facts(
    facts: dict[str, Any], document: str, store: Store | None
) -> tuple[dict[str, Any], list[Problem]]:
    """The facts without the records that cannot be stored, and a problem for each left out."""
    problems: list[Problem] = []
    kept: list[dict[str, Any]] = []
    entities: dict[str, Entity] = {}
    raw_records: list[tuple[dict[str, Any], Entity, tuple[str, ...]]] = []
    rejected: set[str] = set()
    for record in facts["entities"]:
        start, end = _span(record)
        label = f"entity {record.get('id') or '?'}"
        try:
            raw = EntityIn.model_validate(_public(record))
            entity = to_entity(raw)
        except ValidationError as exc:
            problems.append(Problem(document, label, reason_of(exc), start, end))
            rejected.add(str(record.get("id")))
            continue
        if entity.id in entities:
            problems.append(Problem(document, label, "the document lists this entity twice; the first is kept",
                                    start, end))
            continue
        entities[entity.id] = entity
        raw_records.append((record, entity, tuple(raw.sources)))
    stored = store.get_entities(sorted(entities)) if store is not None else {}
    for record, entity, sources in raw_records:
        start, end = _span(record)
        try:
            merged = merge_entity(stored.get(entity.id), EntityRecord(entity=entity, sources=sources))
        except InvalidFact as exc:
            reason = exc.message.removeprefix(f"entity {entity.id} ")
            problems.append(Problem(document, f"entity {entity.id}", reason, start, end))
            del entities[entity.id]
            rejected.add(entity.id)
            continue
        entities[entity.id] = merged.entity
        kept.append(record)
    relations: list[dict[str, Any]] = []
    for record in facts["relations"]:
        start, end = _span(record)
        label = f"relation {record.get('type')} {record.get('source')} -> {record.get('target')}"
        try:
            raw_rel = RelationIn.model_validate(_public(record))
            left_out = [i for i in (raw_rel.source, raw_rel.target) if i in rejected]
            if left_out:
                raise InvalidFact(f"its endpoint {left_out[0]!r} was left out")
            ends = [_endpoint(i, entities, store) for i in (raw_rel.source, raw_rel.target)]
            missing = [i for i, e in zip((raw_rel.source, raw_rel.target), ends, strict=True) if e is None]
            if missing:
                raise InvalidFact(f"unknown endpoint {missing[0]!r} (not stored, or left out above)")
            assert ends[0] is not None and ends[1] is not None
            check_endpoints(raw_rel.type, ends[0], ends[1])
            evidence = tuple(Evidence(**e.model_dump()) for e in raw_rel.evidence or [] if not isinstance(e, str))
            Relation(
                id=relation_id(raw_rel.type, raw_rel.source, raw_rel.target, raw_rel.role),
                type=raw_rel.type, source=raw_rel.source, target=raw_rel.target, role=raw_rel.role,
                valid_from=raw_rel.valid_from, valid_to=raw_rel.valid_to,
                evidence=evidence or (Evidence(source="-"),),
            )
        except ValidationError as exc:
            problems.append(Problem(document, label, reason_of(exc), start, end))
            continue
        except InvalidFact as exc:
            problems.append(Problem(document, label, exc.message, start, end))
            continue
        relations.append(record)
    return {**facts, "entities": kept, "relations": relations}, problems


def align_with_stored(facts: dict[str, Any], store: Store) -> dict[str, Any]:
    """Extracted relations the store already holds (same type and ends) become new evidence for them.

    The extractor may read a role ("signatory") or a coarser date ("2018") for a
    curated relation; written as it is, it would sit beside the curated one as a
    second tie. Taking the stored relation's role and dates makes it the same
    relation, so the document's evidence is cited on the stored tie instead.
    """
    aligned = []
    for record in facts["relations"]:
        source, target, type_ = record.get("source"), record.get("target"), record.get("type")
        if not (isinstance(source, str) and isinstance(target, str) and isinstance(type_, str)):
            aligned.append(record)
            continue
        try:
            same = [n.relation for n in store.neighbours(source, types=[type_]) if n.entity.id == target]
        except (KeyError, ValueError, InvalidFact):
            same = []
        if same and not any(r.role == record.get("role") for r in same):
            stored = min(same, key=lambda r: r.id)
            record = {k: v for k, v in record.items() if k not in ("role", "valid_from", "valid_to")}
            record.update({k: getattr(stored, k) for k in ("role", "valid_from", "valid_to")
                           if getattr(stored, k) is not None})
        elif same:
            stored = next(r for r in same if r.role == record.get("role"))
            record = {**record, **{k: getattr(stored, k) for k in ("valid_from", "valid_to")
                                   if getattr(stored, k) is not None}}
        aligned.append(record)
    return {**facts, "relations": aligned}


def _endpoint(ident: str, entities: dict[str, Entity], store: Store | None) -> Entity | None:
    found = entities.get(ident)
    if found is not None:
        return found
    if store is not None:
        record = store.get_entity(ident)
        if record is not None:
            return record.entity
    if ident in _SECTOR_IDS:  # the vocabulary every store is given before documents load
        return Entity(id=ident, type=EntityType.SECTOR, names=(Name(text=ident),))
    return None
