"""The structured fact format (YAML, JSON) and its pure transform into a ``Batch``.

One file format for curated data, extractor output and ``POST /facts``::

    kizuna: 1
    defaults: {source: doc-a}        # evidence for records that name none
    sources:   [{id, title, url, published, file, lang, publisher}]
    entities:  [{id, type, kind, name: {ja, en, zh, romaji}, aliases, abbreviations,
                 parent, sectors, iso_code, signed, renewed, status, purpose,
                 start, end, description, url, sources}]
    relations: [{type, source, target, role, valid_from, valid_to,
                 evidence: doc-a | [{source, locator, asserted_by, confidence, quote}],
                 locator, confidence}]

``parent`` and ``sectors`` are shorthands for ``located_in`` and ``focuses_on``
relations. An entity without ``id`` gets a deterministic one from its type and
first name. Every field is checked; unknown fields are errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from graph.dates import PartialDate
from graph.errors import InvalidFact, InvalidFile
from graph.ids import entity_id, relation_id
from graph.model import (
    Batch,
    Entity,
    EntityRecord,
    EntityType,
    Evidence,
    Lang,
    Name,
    NameKind,
    Relation,
    Source,
)
from graph.registry import relation_type

FORMAT_VERSION = 1
LINE_KEY = "__line__"  # set by the YAML reader so errors can name lines


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NamesIn(_Strict):
    ja: str | None = None
    en: str | None = None
    zh: str | None = None
    romaji: str | None = None

    @model_validator(mode="after")
    def _one(self) -> NamesIn:
        if not any((self.ja, self.en, self.zh, self.romaji)):
            raise ValueError("give at least one of ja, en, zh, romaji")
        return self


class AliasIn(_Strict):
    text: str
    lang: Lang = Lang.UND


class EvidenceIn(_Strict):
    source: str
    locator: str | None = None
    asserted_by: str = "curated"
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    quote: str | None = None


class EntityIn(_Strict):
    id: str | None = None
    type: EntityType
    kind: str | None = None
    name: NamesIn
    aliases: list[str | AliasIn] = Field(default_factory=list)
    abbreviations: list[str | AliasIn] = Field(default_factory=list)
    parent: str | None = None
    sectors: list[str] = Field(default_factory=list)
    iso_code: str | None = None
    signed: PartialDate | None = None
    renewed: list[PartialDate] = Field(default_factory=list)
    status: str | None = None
    purpose: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    description: str | None = None
    url: str | None = None
    sources: list[str] = Field(default_factory=list)


class RelationIn(_Strict):
    type: str
    source: str
    target: str
    role: str | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    evidence: str | list[EvidenceIn] | None = None
    locator: str | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None


class DefaultsIn(_Strict):
    source: str | None = None
    asserted_by: str = "curated"
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0


class FactFile(_Strict):
    kizuna: int = FORMAT_VERSION
    defaults: DefaultsIn = Field(default_factory=DefaultsIn)
    sources: list[Source] = Field(default_factory=list)
    entities: list[EntityIn] = Field(default_factory=list)
    relations: list[RelationIn] = Field(default_factory=list)
    _lines: dict[tuple[str, int], int] = PrivateAttr(default_factory=dict)

    def where(self, section: str, index: int, label: str | None) -> str:
        """``line N, section[i] (label)``: how errors point at a record."""
        text = f"{section}[{index}]" + (f" ({label})" if label else "")
        line = self._lines.get((section, index))
        return f"line {line}, {text}" if line else text

    @model_validator(mode="after")
    def _version(self) -> FactFile:
        if self.kizuna != FORMAT_VERSION:
            raise ValueError(f"unsupported format version {self.kizuna}; this Kizuna reads version {FORMAT_VERSION}")
        return self


def _where(data: Any, loc: tuple[int | str, ...]) -> str:
    """Describe a pydantic error location as record + field (+ line when known)."""
    node = data
    record = ""
    line = None
    for depth, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            break
        if depth == 1 and isinstance(node, dict):
            record = f"{loc[0]}[{part}]"
            node_id = node.get("id") or node.get("type")
            if node_id:
                record += f" ({node_id})"
            line = node.get(LINE_KEY)
    field = ".".join(str(p) for p in loc[2:]) if record else ".".join(str(p) for p in loc)
    text = record or "file"
    if line:
        text = f"line {line}, {text}"
    return f"{text}, field {field!r}" if field else text


def _strip_lines(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_lines(v) for k, v in data.items() if k != LINE_KEY}
    if isinstance(data, list):
        return [_strip_lines(v) for v in data]
    return data


def parse_fact_file(data: Any, origin: str) -> FactFile:
    """Validate raw file content; errors name ``origin``, the record and the field."""
    if not isinstance(data, dict):
        raise InvalidFile(f"{origin}: expected a mapping with sources, entities and relations")
    try:
        facts = FactFile.model_validate(_strip_lines(data))
    except ValidationError as exc:
        problems = [f"{_where(data, err['loc'])}: {err['msg']}" for err in exc.errors()[:10]]
        more = exc.error_count() - len(problems)
        suffix = f" (and {more} more)" if more > 0 else ""
        raise InvalidFile(f"{origin}: " + "; ".join(problems) + suffix) from None
    for section in ("entities", "relations"):
        for index, record in enumerate(data.get(section) or []):
            if isinstance(record, dict) and LINE_KEY in record:
                facts._lines[(section, index)] = record[LINE_KEY]
    return facts


def _names(entity: EntityIn) -> tuple[Name, ...]:
    names = [
        Name(text=text, lang=Lang(lang), kind=NameKind.PRIMARY)
        for lang, text in entity.name.model_dump().items()
        if text
    ]
    for kind, items in ((NameKind.ALIAS, entity.aliases), (NameKind.ABBREVIATION, entity.abbreviations)):
        for item in items:
            alias = item if isinstance(item, AliasIn) else AliasIn(text=item)
            names.append(Name(text=alias.text, lang=alias.lang, kind=kind))
    return tuple(names)


def _evidence(rel: RelationIn, defaults: DefaultsIn, where: str) -> tuple[Evidence, ...]:
    if isinstance(rel.evidence, list):
        return tuple(Evidence(**e.model_dump()) for e in rel.evidence)
    source = rel.evidence or defaults.source
    if source is None:
        raise InvalidFile(f"{where}: field 'evidence' is missing and the file sets no defaults.source")
    return (
        Evidence(
            source=source,
            locator=rel.locator,
            asserted_by=defaults.asserted_by,
            confidence=rel.confidence if rel.confidence is not None else defaults.confidence,
        ),
    )


def to_entity(raw: EntityIn) -> Entity:
    """The entity a record describes (raises pydantic's ``ValidationError`` when it breaks the model)."""
    first_name = next(t for t in raw.name.model_dump().values() if t)
    return Entity(
        id=raw.id or entity_id(raw.type.value, first_name),
        type=raw.type,
        names=_names(raw),
        **raw.model_dump(
            exclude={"id", "type", "name", "aliases", "abbreviations", "parent", "sectors", "sources"},
            exclude_defaults=True,
        ),
    )


def to_batch(facts: FactFile, origin: str = "<facts>", tick: Callable[[int], None] | None = None) -> Batch:
    """Pure transform of a validated file into a batch (no store access).

    ``tick(n)`` is called with the number of records done every 1,000 records,
    so large files can show progress.
    """
    defaults = facts.defaults
    records: list[EntityRecord] = []
    relations: list[Relation] = []

    def add_relation(raw: RelationIn, where: str) -> None:
        try:
            relation_type(raw.type)
            evidence = _evidence(raw, defaults, where)
            relations.append(
                Relation(
                    id=relation_id(raw.type, raw.source, raw.target, raw.role),
                    type=raw.type,
                    source=raw.source,
                    target=raw.target,
                    role=raw.role,
                    valid_from=raw.valid_from,
                    valid_to=raw.valid_to,
                    evidence=evidence,
                )
            )
        except InvalidFact as exc:
            raise InvalidFile(f"{origin}: {where}: {exc.message}") from None
        except ValidationError as exc:
            raise InvalidFile(f"{origin}: {where}: {exc.errors()[0]['msg']}") from None

    for index, raw in enumerate(facts.entities):
        if tick and index % 1000 == 0:
            tick(index)
        where = facts.where("entities", index, raw.id)
        sources = raw.sources or ([defaults.source] if defaults.source else [])
        try:
            entity = to_entity(raw)
            ident = entity.id
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"])
            at = f"{where}, field {field!r}" if field else where
            raise InvalidFile(f"{origin}: {at}: {err['msg']}") from None
        records.append(EntityRecord(entity=entity, sources=tuple(sources)))
        shorthand = [("located_in", raw.parent)] if raw.parent else []
        shorthand += [("focuses_on", sector) for sector in raw.sectors]
        for type_name, target in shorthand:
            if not sources:
                raise InvalidFile(f"{origin}: {where}: 'parent'/'sectors' need the entity's sources or defaults.source")
            add_relation(
                RelationIn(type=type_name, source=ident, target=target, evidence=sources[0]),
                f"{where}, field {'parent' if type_name == 'located_in' else 'sectors'!r}",
            )
    for index, raw_rel in enumerate(facts.relations):
        if tick and index % 1000 == 0:
            tick(len(facts.entities) + index)
        add_relation(raw_rel, facts.where("relations", index, f"{raw_rel.type} {raw_rel.source} -> {raw_rel.target}"))
    return Batch(sources=list(facts.sources), entities=records, relations=relations)


def to_fact_file(batch: Batch) -> dict[str, Any]:
    """The inverse of ``to_batch``: a batch as file content (for export and review)."""
    entities = []
    for record in batch.entities:
        e = record.entity
        primary = {n.lang.value: n.text for n in e.names if n.kind is NameKind.PRIMARY and n.lang is not Lang.UND}
        if not primary:
            primary = {"en": e.names[0].text}
        item: dict[str, Any] = {"id": e.id, "type": e.type.value, "name": primary}
        aliases = [
            {"text": n.text, "lang": n.lang.value}
            for n in e.names
            if n.kind is not NameKind.PRIMARY or n.lang is Lang.UND or primary.get(n.lang.value) != n.text
        ]
        if aliases:
            item["aliases"] = aliases
        item.update(e.model_dump(mode="json", exclude={"id", "type", "names"}, exclude_defaults=True))
        if record.sources:
            item["sources"] = list(record.sources)
        entities.append(item)
    relations = [
        {
            **r.model_dump(mode="json", exclude={"id", "evidence"}, exclude_none=True),
            "evidence": [e.model_dump(mode="json", exclude_none=True) for e in r.evidence],
        }
        for r in batch.relations
    ]
    return {
        "kizuna": FORMAT_VERSION,
        "sources": [s.model_dump(mode="json", exclude_none=True) for s in batch.sources],
        "entities": entities,
        "relations": relations,
    }
