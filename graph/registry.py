"""The closed registry of relation types, declared as data.

Each type names its allowed endpoints, whether it is symmetric, and whether it
is an *introduction tie* (a real relationship through which one party could
introduce another) or only *context*. ``strength`` is the documented tie
strength used to rank introduction paths (1.0 = strongest):

=================  ========  ==============================================
type               strength  why
=================  ========  ==============================================
party_to           1.00      co-signatories negotiated a text together
partner_of         0.85      a declared, standing partnership
works_for          0.80      colleagues and employers know each other
part_of            0.75      a department and its parent body
established        0.75      founders stay close to what they founded
member_of          0.65      members of one body meet through it
met_with           0.55      a recorded meeting
spoke_at           0.50      speakers on one programme
organised          0.40      an organising body knows its programme, rarely each speaker as
                             well as the speakers on one panel know each other
visited            0.40      a visit, often once
attended           0.30      being in the audience
located_in         --        context: sharing a city is not an introduction
focuses_on         --        context: sharing a sector is not an introduction
=================  ========  ==============================================
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import InvalidFact
from graph.model import Entity, EntityType
from graph.rows import EntityRow

ORG = EntityType.ORGANISATION
PERSON = EntityType.PERSON
PLACE = EntityType.PLACE
AGREEMENT = EntityType.AGREEMENT
SECTOR = EntityType.SECTOR
EVENT = EntityType.EVENT

ACTORS = frozenset({ORG, PERSON, PLACE})
BODIES = frozenset({ORG, PLACE})
# Agreements and events are meeting points: two parties to one MOU, or two
# speakers at one webinar, are one introduction step apart through it.
MEETING_POINTS = frozenset({AGREEMENT, EVENT})


@dataclass(frozen=True, kw_only=True)
class RelationType:
    """One relation type; every field is named where the registry declares it."""

    name: str
    sources: frozenset[EntityType]
    targets: frozenset[EntityType]
    tie: bool  # an introduction tie (else context only)
    strength: float  # tie strength for path ranking (0 for context)
    symmetric: bool  # stored with its endpoints in id order
    label_en: str  # "A <label_en> B"
    label_ja: str
    governing_places_only: bool = True  # a place endpoint acting as an actor must govern


def _tie(name: str, sources: frozenset[EntityType], targets: frozenset[EntityType], strength: float,
         label_en: str, label_ja: str, symmetric: bool = False) -> RelationType:
    return RelationType(name=name, sources=sources, targets=targets, tie=True, strength=strength,
                        symmetric=symmetric, label_en=label_en, label_ja=label_ja)


def _context(name: str, sources: frozenset[EntityType], targets: frozenset[EntityType],
             label_en: str, label_ja: str) -> RelationType:
    return RelationType(name=name, sources=sources, targets=targets, tie=False, strength=0.0, symmetric=False,
                        label_en=label_en, label_ja=label_ja, governing_places_only=False)


RELATION_TYPES: dict[str, RelationType] = {
    t.name: t
    for t in (
        _tie("party_to", ACTORS, frozenset({AGREEMENT}), 1.00, "is a party to", "の締結当事者"),
        _tie("partner_of", BODIES | {PERSON}, BODIES | {PERSON}, 0.85, "is a partner of", "と連携", symmetric=True),
        _tie("works_for", frozenset({PERSON}), BODIES, 0.80, "works for", "に所属"),
        _tie("part_of", frozenset({ORG}), BODIES, 0.75, "is part of", "の一部門"),
        _tie("established", ACTORS, frozenset({ORG, EVENT}), 0.75, "established", "を設立"),
        _tie("member_of", BODIES | {PERSON}, frozenset({ORG}), 0.65, "is a member of", "の会員"),
        _tie("organised", BODIES | {PERSON}, frozenset({EVENT}), 0.40, "organised", "を主催"),
        _tie("met_with", ACTORS, ACTORS, 0.55, "met with", "と会談", symmetric=True),
        _tie("spoke_at", BODIES | {PERSON}, frozenset({EVENT}), 0.50, "spoke at", "で登壇"),
        _tie("visited", ACTORS, ACTORS, 0.40, "visited", "を訪問"),
        _tie("attended", ACTORS, frozenset({EVENT}), 0.30, "attended", "に参加"),
        _context("located_in", frozenset({ORG, PLACE, EVENT}), frozenset({PLACE}), "is located in", "に所在"),
        _context("focuses_on", frozenset({ORG, PLACE, PERSON, AGREEMENT, EVENT}), frozenset({SECTOR}),
                 "focuses on", "を重点分野とする"),
    )
}

TIE_TYPES = frozenset(name for name, t in RELATION_TYPES.items() if t.tie)
CONTEXT_TYPES = frozenset(name for name, t in RELATION_TYPES.items() if not t.tie)


def relation_type(name: str) -> RelationType:
    """Look up a relation type, naming the allowed ones when it is unknown."""
    try:
        return RELATION_TYPES[name]
    except KeyError:
        raise InvalidFact(
            f"unknown relation type {name!r}; allowed: {', '.join(sorted(RELATION_TYPES))}"
        ) from None


def check_endpoints(type_name: str, source: Entity | EntityRow, target: Entity | EntityRow) -> None:
    """Raise ``InvalidFact`` unless ``source -type-> target`` is allowed."""
    rt = relation_type(type_name)
    for role, entity, allowed in (("source", source, rt.sources), ("target", target, rt.targets)):
        if entity.type not in allowed:
            raise InvalidFact(
                f"{type_name} cannot have a {entity.type.value} as {role} ({entity.id}); "
                f"allowed: {', '.join(sorted(t.value for t in allowed))}"
            )
        acting = entity.type is PLACE and rt.governing_places_only
        if acting and not entity.is_governing_place:
            raise InvalidFact(
                f"{type_name}: place {entity.id} of kind {entity.kind} governs nothing and cannot act as {role}"
            )
