"""The country overview: every country with entities in the graph, and how many
introduction ties link each pair of countries.

Built from the region network of each country (``queries.region``), so a tie
means exactly what it means there (meeting points collapsed, as-of and
confidence filters applied, countries from ``queries.geo``). A tie seen from
both of its countries is counted once: ties are keyed by their two ends and
the agreement or event they meet at. Countries are the stored places of kind
country (``GraphView.places``). The result is cached per store version and options.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from typing import Any

from graph.model import EntityType
from graph.store import Store
from queries.geo import Geography
from queries.region import region_network
from queries.results import AggregateTie, EntityRef, Result
from queries.view import view_of

_CACHE_SIZE = 4
_cache: OrderedDict[tuple[int, str, str], CountryOverview] = OrderedDict()
_lock = threading.Lock()


class CountryNode(Result):
    country: EntityRef
    iso: str | None
    members: int  # entities in the country (its region network's members)
    domestic_ties: int  # ties with both ends in this country
    cross_border_ties: int  # ties with one end here and the other in another country


class CountryOverview(Result):
    countries: tuple[CountryNode, ...]  # most cross-border ties first
    pairs: tuple[AggregateTie, ...]  # country pairs (a < b), most ties first
    options: dict[str, Any]


def country_overview(
    store: Store, *, as_of: dt.date | None = None, min_confidence: float = 0.0, include_people: bool = True
) -> CountryOverview:
    """Countries and the number of ties between each pair of them (cached per store version)."""
    options = {
        "as_of": as_of.isoformat() if as_of else None,
        "min_confidence": min_confidence,
        "include_people": include_people,
    }
    key = (id(store), store.version(), repr(sorted(options.items())))
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    view = view_of(store)
    countries = view.places("country")
    geo = Geography.of(view)
    members: dict[str, int] = {}
    # (the two ends, the meeting point) -> (country of one end, country of the other, agreement id)
    ties: dict[tuple[frozenset[str], str | None], tuple[str, str, str | None]] = {}
    for country in countries:
        result = region_network(
            store, country.id, as_of=as_of, min_confidence=min_confidence, include_people=include_people,
            max_ties=10**9,
        )
        members[country.id] = len(result.members)
        for tie in result.ties:
            if tie.member_country is None or tie.other_country is None:
                continue
            via = tie.via.id if tie.via else None
            agreement = via if tie.via is not None and tie.via.type == EntityType.AGREEMENT.value else None
            ties.setdefault(
                (frozenset((tie.member.id, tie.other.id)), via), (tie.member_country, tie.other_country, agreement)
            )
    domestic: dict[str, int] = defaultdict(int)
    crossing: dict[str, int] = defaultdict(int)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    agreements: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ca, cb, agreement in ties.values():
        if ca == cb:
            domestic[ca] += 1
            continue
        crossing[ca] += 1
        crossing[cb] += 1
        pair = (min(ca, cb), max(ca, cb))
        counts[pair] += 1
        if agreement:
            agreements[pair].add(agreement)
    by_id = {c.id: c for c in countries}
    names = {c.id: c.name("en") for c in countries}
    nodes = tuple(
        sorted(
            (
                CountryNode(country=EntityRef.of(c), iso=geo.iso(c.id), members=members[c.id],
                            domestic_ties=domestic[c.id], cross_border_ties=crossing[c.id])
                for c in countries
                if members[c.id] > 1 or crossing[c.id] or domestic[c.id]
            ),
            key=lambda n: (-n.cross_border_ties, -n.members, n.country.id),
        )
    )
    pairs = tuple(
        AggregateTie(a=a, b=b, a_name=names[a], b_name=names[b], ties=n, agreements=tuple(sorted(agreements[(a, b)])))
        for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if a in by_id and b in by_id
    )
    overview = CountryOverview(countries=nodes, pairs=pairs, options=options)
    with _lock:
        _cache[key] = overview
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return overview
