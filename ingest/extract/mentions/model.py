"""What the recogniser produces and what its stages share: the mention, the entity kinds a name's
ending says, and the working state of one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import EntityType, EventKind, OrganisationKind, PlaceKind
from ingest.extract.gazetteer import GazEntry, Gazetteer
from ingest.extract.lexicon import EVENT_WORDS, ORG_SUFFIXES, PLACE_SUFFIXES

ORG, PERSON, PLACE, EVENT = EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE, EntityType.EVENT

# GiNZA (extended named entity hierarchy) labels -> our types; anything else is ignored.
LABELS: dict[str, tuple[EntityType, str | None]] = {
    "Person": (PERSON, None),
    "Country": (PLACE, PlaceKind.COUNTRY.value),
    "Province": (PLACE, PlaceKind.REGION.value),
    "City": (PLACE, PlaceKind.CITY.value),
    "County": (PLACE, PlaceKind.DISTRICT.value),
    "GPE_Other": (PLACE, PlaceKind.REGION.value),
    "Domestic_Region": (PLACE, PlaceKind.AREA.value),
    "Company": (ORG, OrganisationKind.COMPANY.value),
    "Company_Group": (ORG, OrganisationKind.COMPANY.value),
    "Corporation_Other": (ORG, OrganisationKind.OTHER.value),
    "Organization_Other": (ORG, OrganisationKind.OTHER.value),
    "International_Organization": (ORG, OrganisationKind.OTHER.value),
    "Political_Organization_Other": (ORG, OrganisationKind.OTHER.value),
    "Government": (ORG, OrganisationKind.GOVERNMENT_BODY.value),
    "Public_Institution": (ORG, OrganisationKind.GOVERNMENT_BODY.value),
    "Research_Institute": (ORG, OrganisationKind.RESEARCH_INSTITUTE.value),
    "School": (ORG, OrganisationKind.UNIVERSITY.value),
    "Show_Organization": (ORG, OrganisationKind.OTHER.value),
    "Conference": (EVENT, EventKind.CONFERENCE.value),
    "Occasion_Other": (EVENT, EventKind.MEETING.value),
}


@dataclass
class Mention:
    """One name found in a document, with where it came from and how far it is trusted."""

    start: int
    end: int
    text: str
    type: EntityType
    kind: str | None
    source: str  # gazetteer | suffix | pattern | ner | alias
    entry: GazEntry | None = None
    aliases: list[str] = field(default_factory=list)
    legal_name: str | None = None  # the name with its legal-form prefix
    confidence: float = 0.7
    parent_start: int | None = None  # for sub-units: where the parent mention starts

    @property
    def length(self) -> int:
        """How many characters the mention spans: longer names win the final selection."""
        return self.end - self.start


@dataclass
class Context:
    """One document as every stage sees it: stages read the parse and the earlier stages' findings
    (which they may also rewrite), so each stage is a function of this state alone."""

    doc: Any
    text: str
    gaz: Gazetteer
    tokens: list[Any]  # the Doc's tokens, made once: each pass over a Doc builds its Token objects again
    candidates: list[Mention] = field(default_factory=list)
    # What the gazetteer stage found, which later stages take as known.
    place_spans: list[tuple[int, int]] = field(default_factory=list)  # every gazetteer-stage span
    gaz_places: list[tuple[int, int]] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    country_ends: set[int] = field(default_factory=set)  # 「台湾の…」: a body said to be a country's
    title_end: int = 0  # where the page's first line (its title) ends
    # 「ソムチャイ・ウォン工業大臣」: a person's name and the post's field, which no body may claim.
    posted: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Any, text: str, gaz: Gazetteer) -> Context:
        """A fresh state for a parsed document."""
        return cls(doc, text, gaz, list(doc))


def _org_kind(text: str) -> str | None:
    """The organisation kind a name's ending says (大学, 株式会社 …), if the name is more than the ending."""
    for suffix, kind in ORG_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return kind.value
    return None


def _place_kind(text: str) -> str | None:
    """The place kind a name's ending says (市, 県, 州 …), if the name is more than the ending."""
    for suffix, kind in PLACE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return kind.value
    return None


def _event_kind(text: str) -> str | None:
    """The event kind a name's ending says (セミナー, 博覧会 …), if the name is more than the ending."""
    for word, kind in EVENT_WORDS:
        if text.endswith(word) and len(text) > len(word):
            return kind.value
    return None
