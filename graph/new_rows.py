"""The embedded store's rows for a batch of new records, made in one pass per table.

Why: in a bulk load nearly every batch holds only records the store has never
seen. For those, merging, claims of earlier sources and keyed lookups have
nothing to do, and the general write path's separate passes (check the ends,
canonicalise, merge, collect sources, build rows, set claims) cost more than
SQLite's own inserts. Here one pass over the entities and one over the
relations check each record against the load's in-memory maps and build its
rows, claims included, exactly as the general path would store them.

Anything that is not plainly new and valid (an id already stored or repeated
in the batch, an unknown end or source, an end of the wrong type) raises
``NotNew``: the caller then writes the batch through the general path, which
merges it or names the bad record. So this module never decides an error.
"""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from graph.errors import InvalidFact
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation
from graph.names import name_key
from graph.registry import check_endpoints, relation_type
from graph.rows import EntityRow
from graph.store import canonical, entity_claims

_PAIRS: dict[tuple[str, float], str] = {}

Row = tuple[Any, ...]


def evidence_text(evidence: Sequence[Evidence]) -> str:
    """``source confidence`` pairs, space separated (ids never contain spaces): what whole-graph
    reads need of the evidence, without a join. A store holds few distinct pairs, so their text is made once."""
    if len(evidence) == 1:  # the common case
        e = evidence[0]
        text = _PAIRS.get((e.source, e.confidence))
        if text is not None:
            return text
    parts = []
    for e in evidence:
        key = (e.source, e.confidence)
        text = _PAIRS.get(key)
        if text is None:
            if len(_PAIRS) > 100_000:
                _PAIRS.clear()
            text = _PAIRS[key] = f"{e.source} {e.confidence!r}"
        parts.append(text)
    return " ".join(parts)


def display_names(names: Sequence[Name]) -> tuple[str, str]:
    """``(entity.name(EN), entity.name(JA))`` in one pass over the names (the same choice, see ``Entity.name``)."""
    first = names[0]
    if len(names) == 1:
        return first.text, first.text
    en = ja = first
    en_rank = ja_rank = 3
    primary, english, japanese = NameKind.PRIMARY, Lang.EN, Lang.JA
    for n in names:
        rest = 0 if n.kind is primary else 1
        lang = n.lang
        rank = (0 if lang is english else 2) + rest
        if rank < en_rank:
            en, en_rank = n, rank
        rank = (0 if lang is japanese else 2) + rest
        if rank < ja_rank:
            ja, ja_rank = n, rank
    return en.text, ja.text


SHAPE_BITS = 16  # an entity's place in ``Known.ends``: its key above these bits, its shape's code below


class Shapes:
    """Codes for the (type, kind) pairs of stored entities: what the endpoint rules read of an entity."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str | None], int] = {}
        self.rows: list[EntityRow] = []  # per code: a row of that type and kind, for ``check_endpoints``

    def code(self, etype: str, kind: str | None) -> int:
        found = self.codes.get((etype, kind))
        if found is None:
            found = self.codes[(etype, kind)] = len(self.rows)
            if found >> SHAPE_BITS:
                raise ValueError(f"more than {1 << SHAPE_BITS} entity types and kinds")
            self.rows.append(EntityRow("", EntityType(etype), kind, "", ""))
        return found


@dataclass
class Known:
    """What a bulk load keeps of the stored entities: each id's key and shape, in one int per entity
    (``key << SHAPE_BITS | shape``): one lookup gives both, and the map holds no object for the
    collector to walk."""

    ends: dict[str, int] = field(default_factory=dict)
    shapes: Shapes = field(default_factory=Shapes)
    seq: int = 0  # the store's last write when these were read or last written by this load

    def add(self, keys: dict[str, int], rows: dict[str, EntityRow]) -> None:
        """Entities written (``keys`` and ``rows`` by id)."""
        code = self.shapes.code
        for entity_id, row in rows.items():
            self.ends[entity_id] = keys[entity_id] << SHAPE_BITS | code(row.type._value_, row.kind)

    def key(self, entity_id: str) -> int | None:
        found = self.ends.get(entity_id)
        return None if found is None else found >> SHAPE_BITS


class NotNew(Exception):
    """The batch holds something stored, repeated or invalid: write it through the general path."""


# Python's sqlite3 binds None only after an adapter lookup (a dict probe and two attribute lookups per
# value), which costs more than binding the rest of a row. So these rows carry 0 for a missing text and
# the statements turn it back into NULL: ``NULLIF(?, 0)`` keeps every bound text, "0" and "" included (a
# text never equals the integer 0), and every nullable column written here is text.
# Each statement is (the INSERT up to VALUES, one row's values).
INSERT_ENTITIES = (
    "INSERT INTO entities(key, id, type, data, kind, signed, start, iso_code, name_en, name_ja, end_date, claims) "
    "VALUES ",
    "(?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?, NULLIF(?, 0), NULLIF(?, 0))",
)
INSERT_NAMES = ("INSERT OR IGNORE INTO names(entity, key, text) VALUES ", "(?, ?, ?)")
INSERT_ENTITY_SOURCES = ("INSERT OR IGNORE INTO entity_sources(entity, source) VALUES ", "(?, ?)")
INSERT_RELATIONS = (
    "INSERT INTO relations(key, id, type, source, target, confidence, valid_from, valid_to, role, evidence, claims) "
    "VALUES ",
    "(?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, NULLIF(?, 0))",
)
INSERT_EVIDENCE = (
    "INSERT INTO evidence(relation, seq, source, locator, asserted_by, confidence, quote) VALUES ",
    "(?, ?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0))",
)
ROWS_PER_STATEMENT = 100


def insert(db: sqlite3.Connection, statement: tuple[str, str], rows: list[Row]) -> None:
    """Insert ``rows`` in order, ``ROWS_PER_STATEMENT`` to a statement: each execution of a statement costs
    Python's sqlite3 about as much again as binding a row's values (measured: 1.4 µs a row one at a time,
    0.8 µs a hundred at a time)."""
    head, values = statement
    whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
    if whole:
        many = head + ",".join([values] * ROWS_PER_STATEMENT)
        db.executemany(many, (tuple(chain.from_iterable(rows[at : at + ROWS_PER_STATEMENT]))
                              for at in range(0, whole, ROWS_PER_STATEMENT)))
    if whole < len(rows):
        db.executemany(head + values, rows[whole:])


@dataclass
class NewRows:
    """What one batch of new records adds: rows per table (for the ``INSERT_*`` statements, in key order)
    and its entities' ``Known.ends`` entries."""

    entities: list[Row] = field(default_factory=list)
    names: list[Row] = field(default_factory=list)
    entity_sources: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)
    ends: dict[str, int] = field(default_factory=dict)


def new_rows(
    batch: Batch, known: Known, source_key: Callable[[str], int | None], entity_key: int, relation_key: int
) -> NewRows:
    """Rows of ``batch`` with keys from ``entity_key`` and ``relation_key`` on, in id order like the
    general path (``source_key``: a source's key, None when it is not stored). Raises ``NotNew``."""
    out = NewRows()
    if batch.entities:
        _entities(batch.entities, known, source_key, entity_key, out)
    if batch.relations:
        _relations(batch.relations, known, source_key, relation_key, out)
    return out


_quote = json.encoder.encode_basestring  # how ``json.dumps(..., ensure_ascii=False)`` writes a string


def _claims(claims: dict[str, str] | None) -> str | int:
    """``json.dumps(claims, ensure_ascii=False)`` as the general path stores them (0: none, see ``INSERT_*``),
    written directly: the encoder's set-up costs more than encoding two strings."""
    if not claims:
        return 0
    return "{" + ", ".join(f"{_quote(source)}: {_quote(claim)}" for source, claim in claims.items()) + "}"


def _relation_claims(relation: Relation, evidence_json: dict[int, str]) -> str | int:
    """``_claims(relation_claims(None, None, relation))`` for a new relation, without a model per source.

    Each claim is the relation as one source asserted it: its JSON without the evidence (``evidence``
    is the model's last field), then that source's evidence, each serialised once per batch
    (``evidence_json``, by object)."""
    serialise = Evidence.__pydantic_serializer__.to_json
    parts: dict[str, list[str]] = {}
    for e in relation.evidence:
        text = evidence_json.get(id(e))
        if text is None:
            text = evidence_json[id(e)] = serialise(e, exclude_none=True).decode()
        parts.setdefault(e.source, []).append(text)
    if len(parts) < 2:
        return 0
    head = Relation.__pydantic_serializer__.to_json(relation, exclude=_EVIDENCE, exclude_none=True).decode()
    head = head[:-1] + ',"evidence":['
    return _claims({source: head + ",".join(parts[source]) + "]}" for source in sorted(parts)})


_EVIDENCE = {"evidence"}


def _ranks(ids: list[str], first: int) -> dict[str, int]:
    """Each id's key when keys are given in id order from ``first`` on (``NotNew`` when an id repeats)."""
    ranks = dict(zip(sorted(ids), range(first, first + len(ids)), strict=True))
    if len(ranks) != len(ids):
        raise NotNew
    return ranks


# Rows are made in the batch's order, which is the order its records sit in memory, and sorted by key
# afterwards: visiting tens of thousands of records in id order instead costs a cache miss on almost
# every attribute read, more than the rest of the work together.


def _entities(
    records: list[EntityRecord], known: Known, source_key: Callable[[str], int | None], key: int, out: NewRows
) -> None:
    stored, code, codes = known.ends, known.shapes.code, known.shapes.codes
    rows, names, entity_sources, ends = out.entities, out.names, out.entity_sources, out.ends
    keys = _ranks([r.entity.id for r in records], key)
    serialise = Entity.__pydantic_serializer__.to_json  # ``record_json``
    name_keys: dict[str, str] = {}
    source_keys: dict[str, int] = {}
    for record in records:
        e = record.entity
        entity_id = e.id
        if entity_id in stored:
            raise NotNew
        key = keys[entity_id]
        sources = record.sources
        for source in sources:
            found = source_keys.get(source)
            if found is None:
                found = source_key(source)
                if found is None:
                    raise NotNew
                source_keys[source] = found
            entity_sources.append((key, found))
        claims: str | int = 0
        if len(sources) > 1 and len(set(sources)) > 1:  # what ``Store._claims_after`` keeps for a new record
            claims = _claims(entity_claims(None, None, record))
        all_names = e.names
        if len(all_names) == 1:
            en = ja = all_names[0].text
        else:
            en, ja = display_names(all_names)
        etype, kind, signed, start, iso_code, end = e.type._value_, e.kind, e.signed, e.start, e.iso_code, e.end
        rows.append((key, entity_id, etype, serialise(e, exclude_none=True).decode(), 0 if kind is None else kind,
                     0 if signed is None else signed, 0 if start is None else start,
                     0 if iso_code is None else iso_code, en, ja, 0 if end is None else end, claims))
        for n in all_names:
            text = n.text
            folded = name_keys.get(text)
            if folded is None:
                folded = name_keys[text] = name_key(text)
            names.append((key, folded, text))
        shape = codes.get((etype, kind))
        ends[entity_id] = key << SHAPE_BITS | (code(etype, kind) if shape is None else shape)
    rows.sort(key=_first)
    names.sort(key=_first)  # stable: each entity's names stay in their order
    entity_sources.sort(key=_first)


def _evidence_tail(e: Evidence, source: int) -> Row:
    """An evidence row after its relation and seq (0 for a missing text, see ``INSERT_EVIDENCE``)."""
    locator, quote = e.locator, e.quote
    return source, 0 if locator is None else locator, e.asserted_by, e.confidence, 0 if quote is None else quote


_first = operator.itemgetter(0)  # sorts by key; a stable sort keeps each record's names and evidence in order


def _relations(
    relations: list[Relation], known: Known, source_key: Callable[[str], int | None], key: int, out: NewRows
) -> None:
    """Relation and evidence rows. A relation already stored is left to SQLite's unique id to notice
    (the caller then takes the general path): the load keeps no map of a million relation ids."""
    stored, in_batch, shapes = known.ends, out.ends, known.shapes.rows
    mask = (1 << SHAPE_BITS) - 1
    rows, evidence = out.relations, out.evidence
    keys = _ranks([r.id for r in relations], key)
    # Endpoint rules depend only on the relation type and each end's type and kind: checked once per
    # combination, which also tells whether the type is symmetric.
    checked: dict[tuple[str, int, int], bool] = {}
    single: dict[int, tuple[Row, float, str]] = {}  # per evidence object (alive with the batch): its row's tail
    evidence_json: dict[int, str] = {}
    source_keys: dict[str, int] = {}

    def source_of(e: Evidence) -> int:
        found = source_keys.get(e.source)
        if found is None:
            found = source_key(e.source)
            if found is None:
                raise NotNew
            source_keys[e.source] = found
        return found

    for rel in relations:
        rel_id, rtype, source, target = rel.id, rel.type, rel.source, rel.target
        key = keys[rel_id]
        if in_batch:
            source_end = in_batch.get(source) or stored.get(source)
            target_end = in_batch.get(target) or stored.get(target)
        else:
            source_end = stored.get(source)
            target_end = stored.get(target)
        if source_end is None or target_end is None:
            raise NotNew
        shape = (rtype, source_end & mask, target_end & mask)
        symmetric = checked.get(shape)
        if symmetric is None:
            try:
                check_endpoints(rtype, shapes[shape[1]], shapes[shape[2]])
            except InvalidFact:
                raise NotNew from None
            symmetric = checked[shape] = relation_type(rtype).symmetric
        swapped = symmetric and target < source
        if swapped:
            source_end, target_end = target_end, source_end
        ev = rel.evidence
        claims: str | int = 0
        if len(ev) == 1:
            e = ev[0]
            made = single.get(id(e))
            if made is None:
                made = single[id(e)] = (_evidence_tail(e, source_of(e)), e.confidence, evidence_text(ev))
            tail, confidence, text = made
            evidence.append((key, 0, *tail))
        else:
            for seq, e in enumerate(ev):
                evidence.append((key, seq, *_evidence_tail(e, source_of(e))))
            confidence = max(e.confidence for e in ev)
            text = evidence_text(ev)
            claims = _relation_claims(canonical(rel) if swapped else rel, evidence_json)
        valid_from, valid_to, role = rel.valid_from, rel.valid_to, rel.role
        rows.append((key, rel_id, rtype, source_end >> SHAPE_BITS, target_end >> SHAPE_BITS, confidence,
                     0 if valid_from is None else valid_from, 0 if valid_to is None else valid_to,
                     0 if role is None else role, text, claims))
    rows.sort(key=_first)
    evidence.sort(key=_first)  # stable: each relation's evidence stays in its order
