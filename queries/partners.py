"""Sector match: partners focused on a sector, reachable from A, strongest path first.

An actor focuses on sector S when it has a ``focuses_on`` S relation itself,
or takes part (party_to, spoke_at, organised, attended, established) in an
agreement or event that focuses on S. Candidates are ranked by the strength of
their best introduction path from A within the hop limit (the same graph,
filters and explanation as ``queries.paths``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from graph.model import Entity, EntityType
from graph.registry import MEETING_POINTS, TIE_TYPES
from graph.sectors import SECTORS_BY_ID
from graph.store import Store
from queries.errors import InvalidQuery
from queries.paths import DEFAULT_HOPS, MAX_HOPS, Introductions, Via
from queries.resolve import resolve_entity
from queries.results import EntityRef, Partner, PartnerResult
from queries.ties import ACTOR_TYPES, TieFilter, tie_network
from queries.view import view_of

PARTICIPATION = frozenset({"party_to", "spoke_at", "organised", "attended", "established"})


def resolve_sector(store: Store, text: str) -> Entity:
    """A sector by vocabulary id (``healthcare``), entity id or any of its names."""
    key = text.strip()
    if key in SECTORS_BY_ID:
        key = SECTORS_BY_ID[key].entity_id
    return resolve_entity(store, key, types=[EntityType.SECTOR])


def sector_partners(
    store: Store,
    sector: str,
    origin: str,
    *,
    hops: int = DEFAULT_HOPS,
    top: int = 10,
    as_of: dt.date | None = None,
    min_confidence: float = 0.0,
    exclude: Sequence[str] = (),
    via: Via | None = None,
) -> PartnerResult:
    """Actors focusing on ``sector`` reachable from ``origin``, by best path strength."""
    if not 1 <= hops <= MAX_HOPS:
        raise InvalidQuery(f"hops must be between 1 and {MAX_HOPS} (got {hops})")
    s = resolve_sector(store, sector)
    a = resolve_entity(store, origin)
    excluded = sorted({resolve_entity(store, x).id for x in exclude})
    view = view_of(store)
    context_rule = TieFilter(types=frozenset({"focuses_on"}), as_of=as_of, min_confidence=min_confidence)
    focus: dict[str, set[str]] = {}
    focusing = view.ties([s.id], context_rule.types, as_of, min_confidence)
    ends = view.get_entities(rel.source for _, rel in focusing)
    meetings = [rel.source for _, rel in focusing if ends[rel.source].type in MEETING_POINTS]
    takers = view.ties(meetings, PARTICIPATION, as_of, min_confidence) if meetings else []
    by_meeting: dict[str, list[str]] = {}
    for meeting, prel in takers:
        if prel.target == meeting:
            by_meeting.setdefault(meeting, []).append(prel.source)
    for _, rel in focusing:
        entity = ends[rel.source]
        if entity.type in ACTOR_TYPES:
            focus.setdefault(entity.id, set()).add("direct")
        elif entity.type in MEETING_POINTS:
            for actor in by_meeting.get(entity.id, ()):
                focus.setdefault(actor, set()).add(entity.id)
    focus.pop(a.id, None)
    for x in excluded:
        focus.pop(x, None)
    rule = TieFilter(types=TIE_TYPES, as_of=as_of, min_confidence=min_confidence)
    tg = tie_network(view, rule, [a.id])
    introductions = Introductions(view, tg, rule)
    near = introductions.within(a.id, hops, excluded, via)
    partners: list[Partner] = []
    for candidate in sorted(c for c in focus if c in near):
        found, _ = introductions.paths(a.id, candidate, 1, hops, excluded, via)
        if not found:
            continue
        path = found[0]
        partners.append(
            Partner(entity=EntityRef.of(tg.entities[candidate]), strength=path.strength, hops=path.hops,
                    focus=tuple(sorted(focus[candidate])), path=path)
        )
    # The ranking of every path query (queries.ranking): fewest steps, then strongest, then id.
    partners.sort(key=lambda p: (p.hops, -p.strength, p.entity.id))
    return PartnerResult(
        origin=EntityRef.of(a),
        sector=EntityRef.of(s),
        partners=tuple(partners[:top]),
        candidates=len(focus),
        unreachable=len(focus) - len(partners),
        options={
            "hops": hops,
            "top": top,
            "as_of": as_of.isoformat() if as_of else None,
            "min_confidence": min_confidence,
            "exclude": excluded,
            "via": via,
        },
    )
