"""The domain model: entities, relations, sources and their provenance.

Declared once here and used by every room. Entity kinds and relation types are
closed vocabularies (``registry`` holds the relation rules as data). A place of
kind country/region/city/district is also the government of that place: it may
sign agreements, be visited and employ a governor, so "Kanagawa signed an MOU"
and "Dalian is in Liaoning" hold on the same entities.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.dates import PartialDate, earliest, latest
from graph.limits import MAX_NAMES_PER_ENTITY
from graph.names import name_key


class EntityType(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"
    AGREEMENT = "agreement"
    SECTOR = "sector"
    EVENT = "event"


class OrganisationKind(StrEnum):
    GOVERNMENT_BODY = "government_body"
    AGENCY = "agency"
    COMPANY = "company"
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    ASSOCIATION = "association"  # including chambers of commerce
    CLUSTER = "cluster"  # clusters and alliances
    EMBASSY = "embassy"  # embassies and consulates
    OTHER = "other"


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"  # prefecture, province, state, autonomous community
    CITY = "city"
    DISTRICT = "district"
    AREA = "area"  # a zone or park that governs nothing by itself


GOVERNING_PLACE_KINDS = frozenset(
    {PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CITY, PlaceKind.DISTRICT}
)


_GOVERNING_KIND_VALUES = frozenset(k.value for k in GOVERNING_PLACE_KINDS)

# Entities with a lifetime (``start``/``end``): events are held; organisations and places are founded and may
# be dissolved (a district carved out in 2007 did not exist in 2005).
LIFETIME_TYPES = (EntityType.EVENT, EntityType.ORGANISATION, EntityType.PLACE)


class AgreementKind(StrEnum):
    MOU = "mou"  # memorandum of understanding
    FRIENDSHIP = "friendship"  # friendship / sister agreement
    COOPERATION = "cooperation"
    BASIC = "basic"  # letter of intent / basic agreement


class EventKind(StrEnum):
    CONFERENCE = "conference"
    WEBINAR = "webinar"
    DELEGATION_VISIT = "delegation_visit"
    EXHIBITION = "exhibition"
    MEETING = "meeting"


class Lang(StrEnum):
    JA = "ja"
    EN = "en"
    ZH = "zh"
    ZH_HANS = "zh-Hans"  # a name written in simplified characters (辽宁省)
    ZH_HANT = "zh-Hant"  # a name written in traditional characters (臺灣)
    ROMAJI = "romaji"  # romanised (Hepburn for Japanese, pinyin for Chinese)
    UND = "und"  # unknown or mixed


class NameKind(StrEnum):
    PRIMARY = "primary"
    ALIAS = "alias"
    ABBREVIATION = "abbreviation"


# Control characters (NUL, ESC...) and unpaired surrogates never belong in a name.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Name(Frozen):
    text: Annotated[str, Field(min_length=1, max_length=300)]
    lang: Lang = Lang.UND
    kind: NameKind = NameKind.ALIAS

    @field_validator("text")
    @classmethod
    def _has_letters(cls, value: str) -> str:
        value = value.strip()
        bad = _UNPRINTABLE.search(value)
        if bad:
            raise ValueError(f"name {value!r} holds a control character or unpaired surrogate "
                             f"(U+{ord(bad.group()):04X})")
        if not name_key(value):
            raise ValueError(f"name {value!r} has no letters or digits")
        return value


class Entity(Frozen):
    """A node. Type-specific attributes are optional and checked against ``type``."""

    id: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")]
    type: EntityType
    names: Annotated[tuple[Name, ...], Field(min_length=1)]
    kind: str | None = None
    # place
    iso_code: str | None = None
    # agreement
    signed: PartialDate | None = None
    renewed: tuple[PartialDate, ...] = ()
    status: Literal["active", "expired", "terminated", "unknown"] | None = None
    purpose: str | None = None
    # event: first and last day it was held; organisation or place: founded (established) and
    # dissolved (abolished, merged away). An actor before its start or after its end takes no part in
    # introductions on that date; an event stays a meeting point after it ends.
    start: PartialDate | None = None
    end: PartialDate | None = None
    # free text
    description: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _check_type_fields(self) -> Entity:
        if len(self.names) > MAX_NAMES_PER_ENTITY:
            raise ValueError(f"an entity may hold {MAX_NAMES_PER_ENTITY} names and aliases (MAX_NAMES_PER_ENTITY); "
                             f"{self.id} would hold {len(self.names):,}")
        kinds: dict[EntityType, type[StrEnum] | None] = {
            EntityType.ORGANISATION: OrganisationKind,
            EntityType.PLACE: PlaceKind,
            EntityType.AGREEMENT: AgreementKind,
            EntityType.EVENT: EventKind,
            EntityType.PERSON: None,
            EntityType.SECTOR: None,
        }
        allowed = kinds[self.type]
        if allowed is None:
            if self.kind is not None:
                raise ValueError(f"{self.type.value} entities take no kind (got {self.kind!r})")
        else:
            if self.kind is None:
                raise ValueError(
                    f"{self.type.value} needs a kind: one of {', '.join(k.value for k in allowed)}"
                )
            if self.kind not in {k.value for k in allowed}:
                raise ValueError(
                    f"unknown {self.type.value} kind {self.kind!r}: expected one of "
                    f"{', '.join(k.value for k in allowed)}"
                )
        only = {
            "iso_code": (EntityType.PLACE,),
            "signed": (EntityType.AGREEMENT,),
            "status": (EntityType.AGREEMENT,),
            "purpose": (EntityType.AGREEMENT,),
            "start": LIFETIME_TYPES,
            "end": LIFETIME_TYPES,
        }
        for field, owners in only.items():
            if getattr(self, field) is not None and self.type not in owners:
                raise ValueError(f"field {field!r} belongs to {' and '.join(o.value for o in owners)} entities, "
                                 f"not {self.type.value}")
        if self.renewed and self.type is not EntityType.AGREEMENT:
            raise ValueError("field 'renewed' belongs to agreement entities")
        if self.start and self.end and latest(self.end) < earliest(self.start):  # 2018 may end after 2018-05-31
            raise ValueError(f"{self.type.value} ends ({self.end}) before it starts ({self.start})")
        return self

    def name(self, lang: Lang | str = Lang.EN) -> str:
        """The best display name in ``lang``: its first primary name, else its first name, else the
        first primary name in any language, else the first name."""
        if not isinstance(lang, Lang):
            lang = Lang(lang)
        best, rank = self.names[0], 3
        for n in self.names:
            here = (0 if n.lang is lang else 2) + (0 if n.kind is NameKind.PRIMARY else 1)
            if here < rank:
                best, rank = n, here
                if rank == 0:
                    break
        return best.text

    @property
    def is_governing_place(self) -> bool:
        return self.type is EntityType.PLACE and self.kind in _GOVERNING_KIND_VALUES


class Source(Frozen):
    """A document that facts come from."""

    id: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")]
    title: str
    url: str | None = None
    published: PartialDate | None = None
    file: str | None = None
    lang: Lang | None = None
    publisher: str | None = None


class Evidence(Frozen):
    """Where and by whom a relation was asserted."""

    source: str
    locator: str | None = None  # where in the document: section, table row, character span
    asserted_by: str = "curated"  # "curated" or "<extractor>/<version>"
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    quote: str | None = None  # extractor evidence sentence (never used for curated facts)


class Relation(Frozen):
    """An edge with validity dates and its evidence."""

    id: str
    type: str
    source: str
    target: str
    role: str | None = None  # e.g. a job title for works_for, "signatory" for party_to
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _check_dates(self) -> Relation:
        if self.valid_from and self.valid_to and latest(self.valid_to) < earliest(self.valid_from):
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        if self.source == self.target:
            raise ValueError(f"relation {self.type} links {self.source} to itself")
        return self

    @property
    def confidence(self) -> float:
        """The strongest evidence decides: independent sources only add support."""
        return max(e.confidence for e in self.evidence)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({e.source for e in self.evidence}))


class EntityRecord(Frozen):
    """An entity as stored: the entity plus the sources that asserted it."""

    entity: Entity
    sources: tuple[str, ...] = ()


class Batch(BaseModel):
    """A unit of writing: stored whole or not at all."""

    model_config = ConfigDict(extra="forbid")

    sources: list[Source] = Field(default_factory=list)
    entities: list[EntityRecord] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sources) + len(self.entities) + len(self.relations)


def entity_summary(entity: Entity) -> dict[str, Any]:
    """A compact, language-complete view used by CLI and API outputs."""
    return {
        "id": entity.id,
        "type": entity.type.value,
        "kind": entity.kind,
        "name_ja": entity.name(Lang.JA),
        "name_en": entity.name(Lang.EN),
    }


def record_json(model: BaseModel) -> str:
    """A record as stored by every backend: pydantic's core serialiser (an order of
    magnitude faster than ``json.dumps`` of a dump), no null fields."""
    return model.__pydantic_serializer__.to_json(model, exclude_none=True).decode()
