"""The network of a place: who is there, whom they are tied to, which ties cross borders.

Members are the place itself (as government), every place and organisation
located in it through ``located_in`` chains, departments that are part of a
member without a location of their own, and people working for any member
(``queries.walks.region_members``). Ties are
introduction ties with meeting points collapsed as in paths: a member that is
party to an agreement is tied to each other party *via* that agreement. A tie
is cross-border when both ends have a known country and the countries differ
(``queries.geo``). The aggregates count *relationships* per region pair and per
country pair: one per agreement or event however many people met there, one
per direct tie, each listed by name (region pairs hold regions only, country
pairs countries only).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from graph.model import EntityType
from graph.registry import TIE_TYPES
from graph.rows import gc_paused
from graph.store import Store
from queries.geo import Geography
from queries.resolve import resolve_entity
from queries.results import AggregateTie, EntityRef, RegionMember, RegionResult, RegionTie
from queries.ties import TieFilter, tie_network
from queries.view import view_of
from queries.walks import region_members

REACH_CHUNK = 64  # members whose meeting points are fetched together


def region_network(
    store: Store,
    place: str,
    *,
    as_of: dt.date | None = None,
    min_confidence: float = 0.0,
    include_people: bool = True,
    max_ties: int = 2000,
) -> RegionResult:
    """Members of ``place`` (id or name) and their ties, cross-border ties marked."""
    # A large region's answer is thousands of small result objects and no reference cycles:
    # without the pause, collections that walk the whole heap would run while it is built.
    with gc_paused():
        return _network(store, place, as_of, min_confidence, include_people, max_ties)


def _network(
    store: Store, place: str, as_of: dt.date | None, min_confidence: float, include_people: bool, max_ties: int
) -> RegionResult:
    p = resolve_entity(store, place, types=[EntityType.PLACE])
    view = view_of(store)
    geo = Geography.of(view)
    why = region_members(view, p.id)
    rows = view.get_entities(why)
    if not include_people:
        why = {i: w for i, w in why.items() if rows[i].type is not EntityType.PERSON}
    rule = TieFilter(types=TIE_TYPES, as_of=as_of, min_confidence=min_confidence)
    tg = tie_network(view, rule, sorted(why))
    geo.prefetch(why)
    members = tuple(
        RegionMember(entity=EntityRef.of(rows[i]), why=why[i], country=geo.country(i)) for i in sorted(why)
    )
    # First the keys of all ties (cheap), then the evidence of the first max_ties only:
    # a member at a big event meets hundreds of others.
    keys: set[tuple[str, str, str | None]] = set()

    def add(m: str, other: str, via: str | None) -> None:
        a, b = (m, other) if other not in why or m < other else (other, m)
        keys.add((a, b, via))

    ordered = sorted(why)
    for m_index, m in enumerate(ordered):
        if len(keys) > max_ties:
            # Keys found later all sort after these (their first member is later),
            # so the first max_ties in key order are already here.
            break
        if m_index % REACH_CHUNK == 0:  # the meeting points of the next members, in one call
            chunk = [x for x in ordered[m_index : m_index + REACH_CHUNK] if x in tg.graph]
            tg.reach(n for x in chunk for n in tg.graph[x] if tg.is_meeting(n))
        if m not in tg.graph:
            continue
        for n in tg.graph[m]:
            if tg.is_meeting(n):
                for o in tg.graph[n]:
                    if o != m:
                        add(m, o, n)
            else:
                add(m, n, None)
    truncated = len(keys) > max_ties
    kept = sorted(keys, key=lambda k: (k[0], k[1], k[2] or ""))[:max_ties]
    ends = {end for a, b, _ in kept for end in (a, b)}
    geo.prefetch(ends)
    # Each end's country and region, looked up once (a member is in dozens of ties).
    country = {e: geo.country(e) for e in ends}
    region = {e: geo.region(e) for e in ends}
    refs = {m.entity.id: m.entity for m in members}
    others = view.get_entities(sorted({x for a, b, via in kept for x in (a, b, via) if x and x not in refs}))

    def ref(entity_id: str) -> EntityRef:
        # One reference per entity, shared by every tie it is in (a member has dozens).
        found = refs.get(entity_id)
        if found is None:
            found = refs[entity_id] = EntityRef.of(others[entity_id])
        return found

    # The relations, sources and types of each edge, read once and together: a member's edge
    # to a big event is half of every tie it has through that event.
    edges: set[tuple[str, str]] = set()
    for a, b, via in kept:
        for u, v in ((a, via), (via, b)) if via else ((a, b),):
            edges.add((u, v) if u < v else (v, u))
    facts = tg.relation_facts(sorted(edges))

    def edge_facts(u: str, v: str) -> tuple[set[str], set[str], set[str]]:
        return facts[(u, v) if u < v else (v, u)]

    ties: list[RegionTie] = []
    for a, b, via in kept:
        if via:
            (rels_a, srcs_a, types_a), (rels_b, srcs_b, types_b) = edge_facts(a, via), edge_facts(via, b)
            rels, srcs, rel_types = rels_a | rels_b, srcs_a | srcs_b, types_a | types_b
        else:
            rels, srcs, rel_types = edge_facts(a, b)
        ca, cb = country[a], country[b]
        ties.append(
            RegionTie(
                member=ref(a),
                other=ref(b),
                via=ref(via) if via else None,
                relation_types=tuple(sorted(rel_types)),
                relations=tuple(sorted(rels)),
                other_is_member=b in why,
                cross_border=ca is not None and cb is not None and ca != cb,
                member_country=ca,
                other_country=cb,
                sources=tuple(sorted(srcs)),
            )
        )

    # Where each end counts: its country, or its region (never a country: region pairs keep the two apart).
    places_at = {
        "country": country,
        "region": {e: r if r is not None and r != country[e] else None for e, r in region.items()},
    }

    # What each tie counts as (a relationship is one agreement or event, however many people
    # met there, or one direct tie: twenty speakers at one webinar are one relationship
    # between two places): (member, other, what it is, its name, an agreement).
    meeting_types = (EntityType.AGREEMENT.value, EntityType.EVENT.value)
    counted: list[tuple[str, str, str, str, bool]] = []
    for tie in ties:
        meeting = tie.via or next((e for e in (tie.member, tie.other) if e.type in meeting_types), None)
        if meeting is not None:
            counted.append((tie.member.id, tie.other.id, meeting.id, meeting.name_en,
                            meeting.type == EntityType.AGREEMENT.value))
        else:
            counted.append((tie.member.id, tie.other.id, "+".join(tie.relations),
                            f"{tie.member.name_en} – {tie.other.name_en} ({', '.join(tie.relation_types)})", False))

    def aggregate(level: str) -> tuple[AggregateTie, ...]:
        where = places_at[level]
        found: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        agreements: dict[tuple[str, str], set[str]] = defaultdict(set)
        for a, b, what, name, agreement in counted:
            ra, rb = where[a], where[b]
            if ra is None or rb is None or ra == rb:
                continue
            key = (ra, rb) if ra < rb else (rb, ra)
            found[key][what] = name
            if agreement:
                agreements[key].add(what)
        places = view.get_entities({p for key in found for p in key} | {x for xs in agreements.values() for x in xs})
        return tuple(
            AggregateTie(
                a=a,
                b=b,
                a_name=places[a].name_en,
                b_name=places[b].name_en,
                ties=len(rels),
                agreements=tuple(sorted(agreements[(a, b)])),
                agreement_names=tuple(sorted(places[x].name_en for x in agreements[(a, b)])),
                relationships=tuple(sorted(rels.values())),
            )
            for (a, b), rels in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        )

    return RegionResult(
        place=EntityRef.of(p),
        members=members,
        ties=tuple(ties),
        region_pairs=aggregate("region"),
        country_pairs=aggregate("country"),
        truncated=truncated,
        options={
            "as_of": as_of.isoformat() if as_of else None,
            "min_confidence": min_confidence,
            "include_people": include_people,
            "max_ties": max_ties,
        },
    )
