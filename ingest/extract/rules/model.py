"""What the relation rules produce: local entities and facts with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import EntityType, PlaceKind
from graph.names import name_key
from ingest.extract.mentions import Mention

ORG, PERSON, PLACE, EVENT, AGREEMENT = (
    EntityType.ORGANISATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.EVENT,
    EntityType.AGREEMENT,
)
GOVERNING = {k.value for k in (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CITY, PlaceKind.DISTRICT)}


@dataclass
class LocalEntity:
    """One entity of a document: its mentions' names merged."""

    key: str
    type: EntityType
    kind: str | None
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.7
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def actor(self) -> bool:
        return self.type in (ORG, PERSON) or (self.type is PLACE and self.kind in GOVERNING)


@dataclass
class Fact:
    type: str
    source: str  # local entity key
    target: str
    start: int  # evidence span
    end: int
    confidence: float
    role: str | None = None
    valid_from: str | None = None


@dataclass
class Extraction:
    entities: dict[str, LocalEntity]
    facts: list[Fact]


def key_of(m: Mention) -> str:
    if m.entry is not None:
        return m.entry.id
    return f"{m.type.value}:{name_key(m.text)}"
