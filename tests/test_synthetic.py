"""The synthetic benchmark graph: reproducible, valid for the store, and shaped like the seeds."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

import pytest

from bench.synthetic import SyntheticGraph, parse_size
from graph.embedded import EmbeddedStore
from graph.model import Batch, Entity, EntityType, Relation
from graph.registry import MEETING_POINTS, TIE_TYPES


@cache
def graph_10k() -> tuple[dict[str, Entity], list[Relation], list[Batch]]:
    batches = list(SyntheticGraph(10_000, seed=7).batches())
    entities = {r.entity.id: r.entity for b in batches for r in b.entities}
    return entities, [r for b in batches for r in b.relations], batches


def countries(entities: dict[str, Entity], relations: Iterable[Relation]) -> dict[str, str | None]:
    """Each entity's country as the graph states it: located_in upwards first, then employers and parents."""
    up: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in relations:
        if r.type in ("located_in", "works_for", "part_of"):
            up[r.source].append((r.type, r.target))

    def walk(start: str) -> str | None:
        for allowed in (("located_in",), ("located_in", "works_for", "part_of")):
            seen, queue = {start}, [start]
            while queue:
                node = queue.pop(0)
                if entities[node].type is EntityType.PLACE and entities[node].kind == "country":
                    return node
                for rtype, other in up[node]:
                    if rtype in allowed and other not in seen:
                        seen.add(other)
                        queue.append(other)
        return None

    return {e: walk(e) for e in entities}


def test_same_seed_same_graph_other_seed_other_ids() -> None:
    def ids(seed: int) -> tuple[list[str], list[str]]:
        batches = list(SyntheticGraph(3_000, seed=seed, batch_size=700).batches())
        return [r.entity.id for b in batches for r in b.entities], [r.id for b in batches for r in b.relations]

    first = ids(1)
    assert first == ids(1)
    generated = {i for i in first[0] if not i.startswith("sector:")}  # the sector vocabulary is shared
    assert generated and generated.isdisjoint(ids(2)[0])


def test_every_batch_is_accepted_by_the_store(embedded: EmbeddedStore) -> None:
    _entities, relations, batches = graph_10k()
    for batch in batches:
        embedded.write(batch)
    stats = embedded.stats()
    assert stats.relation_total == len(relations) == 10_000  # no two generated relations share an id
    assert set(stats.relations) == set(TIE_TYPES) | {"located_in", "focuses_on"}
    assert embedded.check() == []


@pytest.mark.parametrize("size", [2_000, 25_000])
def test_sizes_land_near_the_requested_relation_count(size: int) -> None:
    graph = SyntheticGraph(size, seed=3)
    batches = list(graph.batches())
    relations = sum(len(b.relations) for b in batches)
    entities = sum(len(b.entities) for b in batches)
    assert abs(relations - size) <= size * 0.01
    assert size / 5 <= entities <= size / 2.5  # about one entity per 3.5 relations
    assert sum(graph.counts.values()) == relations
    assert all(len(b) <= 50_000 for b in batches)


def test_parse_size() -> None:
    assert [parse_size(s) for s in ("10k", "100K", "1m", "2500", "1.5m")] == [10_000, 100_000, 1_000_000, 2_500,
                                                                               1_500_000]
    with pytest.raises(ValueError, match="at least"):
        parse_size("10")


def test_every_kind_of_entity_and_a_place_hierarchy() -> None:
    entities, relations, _batches = graph_10k()
    kinds = Counter((e.type, e.kind) for e in entities.values())
    for kind in ("company", "university", "research_institute", "association", "cluster", "government_body",
                 "agency", "embassy", "other"):
        assert kinds[(EntityType.ORGANISATION, kind)] > 0, kind
    for kind in ("country", "region", "city", "area"):
        assert kinds[(EntityType.PLACE, kind)] > 0, kind
    assert kinds[(EntityType.PERSON, None)] > kinds[(EntityType.ORGANISATION, "company")]
    place = {e.id: e.kind for e in entities.values() if e.type is EntityType.PLACE}
    located = {(place.get(r.source), place[r.target]) for r in relations if r.type == "located_in" and r.source in place}
    assert located == {("region", "country"), ("city", "region"), ("area", "city")}
    # every organisation sits in a city (or a zone of one); every person works somewhere
    orgs_located = {r.source for r in relations if r.type == "located_in" and entities[r.source].type is
                    EntityType.ORGANISATION}
    assert orgs_located == {e.id for e in entities.values() if e.type is EntityType.ORGANISATION}
    employed = {r.source for r in relations if r.type == "works_for"}
    assert employed == {e.id for e in entities.values() if e.type is EntityType.PERSON}


def test_agreements_have_two_to_five_dated_parties_and_events_have_speakers() -> None:
    entities, relations, _batches = graph_10k()
    parties = Counter(r.target for r in relations if r.type == "party_to")
    agreements = [e for e in entities.values() if e.type is EntityType.AGREEMENT]
    assert set(parties) == {a.id for a in agreements}
    sizes = Counter(parties.values())
    assert set(sizes) <= {2, 3, 4, 5} and {2, 3, 4, 5} <= set(sizes)
    assert sizes.most_common(1)[0][0] == 2
    assert all(a.signed and a.status for a in agreements)
    assert all(r.valid_from for r in relations if r.type == "party_to")
    speakers = Counter(r.target for r in relations if r.type == "spoke_at")
    events = [e for e in entities.values() if e.type is EntityType.EVENT]
    assert len(speakers) >= 0.7 * len(events)
    assert all(e.start for e in events)


def test_evidence_spans_years_of_documents() -> None:
    _entities, relations, batches = graph_10k()
    published = {s.id: s.published for b in batches for s in b.sources if s.id.startswith("synthetic:")}
    years = {p[:4] for p in published.values() if p}
    assert len(years) >= 15
    cited = Counter(e.source for r in relations for e in r.evidence)
    assert set(cited) <= set(published)
    assert len(cited) >= 0.9 * len(published)  # the documents are all used, not one of them


def test_cross_border_share_is_like_the_seeds() -> None:
    """Seed: 47 of 86 direct ties between located actors cross a border, and 11 of 11 agreements."""
    entities, relations, _batches = graph_10k()
    country = countries(entities, relations)
    direct = [r for r in relations if r.type in TIE_TYPES and entities[r.target].type not in MEETING_POINTS]
    located = [r for r in direct if country[r.source] and country[r.target]]
    assert len(located) >= 0.95 * len(direct)
    share = sum(country[r.source] != country[r.target] for r in located) / len(located)
    assert 0.3 <= share <= 0.7
    parties: dict[str, set[str | None]] = defaultdict(set)
    for r in relations:
        if r.type == "party_to":
            parties[r.target].add(country[r.source])
    assert sum(len(c) > 1 for c in parties.values()) / len(parties) >= 0.6
    assert len({c for c in country.values() if c}) >= 20


def test_ties_are_heavy_tailed() -> None:
    entities, relations, _batches = graph_10k()
    degree: Counter[str] = Counter()
    for r in relations:
        if r.type in TIE_TYPES:
            degree[r.source] += 1
            degree[r.target] += 1
    actors = sorted((d for e, d in degree.items() if entities[e].type in (EntityType.ORGANISATION,
                                                                           EntityType.PERSON)), reverse=True)
    assert actors[0] >= 30 * statistics.median(actors)
    assert sum(actors[: len(actors) // 100]) >= 0.10 * sum(actors)  # the top 1% hold a tenth of all tie ends
    assert actors[len(actors) // 2] <= 4


def test_tied_actors_are_organisations_and_people_with_ties() -> None:
    graph = SyntheticGraph(2_000, seed=5)
    relations = [r for b in graph.batches() for r in b.relations]
    tied = {e for r in relations if r.type in TIE_TYPES for e in (r.source, r.target)}
    actors = graph.tied_actors()
    assert actors and set(actors) <= tied
    assert all(a.startswith(("org:", "person:")) for a in actors)
