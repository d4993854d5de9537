"""Property tests: introduction paths on small random graphs in a real embedded store.

Checked against an independent reading of the stored graph: every step is a
stored, usable tie; paths are simple, distinct in substance, within k, hops,
exclusions, via and as-of; ranked fewest steps first, then strongest; and the
first path has exactly the fewest steps a reader counts (a tie one step, a
meeting point one step, a move inside one actor none) when that is within the
limit.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.dates import earliest, valid_on
from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Lang, Name, NameKind, Relation, Source
from graph.registry import TIE_TYPES
from queries.paths import OVERLAP_LIMIT, introduction_paths, overlap, substance
from tests.actor_reading import Actors

ACTORS = [("org", EntityType.ORGANISATION, "company"), ("person", EntityType.PERSON, None)]
MEETINGS = [("agreement", EntityType.AGREEMENT, "mou"), ("event", EntityType.EVENT, "meeting")]


@dataclass
class Spec:
    entities: list[Entity]
    relations: list[Relation]
    sources: list[Source]


def _name(text: str) -> tuple[Name, ...]:
    return (Name(text=text, lang=Lang.EN, kind=NameKind.PRIMARY),)


@st.composite
def graphs(draw: st.DrawFn) -> Spec:
    n_actors = draw(st.integers(3, 9))
    n_meet = draw(st.integers(0, 3))
    entities: list[Entity] = []
    for i in range(n_actors):
        prefix, etype, kind = draw(st.sampled_from(ACTORS))
        entities.append(Entity(id=f"{prefix}:a{i}", type=etype, kind=kind, names=_name(f"Actor {i}")))
    for j in range(n_meet):
        prefix, etype, kind = draw(st.sampled_from(MEETINGS))
        year = draw(st.integers(2010, 2024))
        dates = {"signed": str(year)} if etype is EntityType.AGREEMENT else {"start": str(year)}
        entities.append(Entity(id=f"{prefix}:m{j}", type=etype, kind=kind, names=_name(f"Meeting {j}"), **dates))
    sources = [Source(id=f"doc{y}", title=f"Report {y}", published=str(y)) for y in (2012, 2016, 2020, 2024)]
    actors = [e for e in entities if e.type in (EntityType.ORGANISATION, EntityType.PERSON)]
    meetings = [e for e in entities if e.type in (EntityType.AGREEMENT, EntityType.EVENT)]
    relations: dict[str, Relation] = {}
    for _ in range(draw(st.integers(2, 16))):
        a = draw(st.sampled_from(actors))
        coin: bool = draw(st.booleans())
        if meetings and coin:
            m = draw(st.sampled_from(meetings))
            rtype = "party_to" if m.type is EntityType.AGREEMENT else draw(st.sampled_from(["spoke_at", "attended"]))
            source, target = a.id, m.id
        else:
            b = draw(st.sampled_from([x for x in actors if x.id != a.id]))
            if a.type is EntityType.PERSON and b.type is EntityType.ORGANISATION:
                rtype = draw(st.sampled_from(["works_for", "met_with", "partner_of"]))
            else:
                rtype = draw(st.sampled_from(["met_with", "partner_of"]))
            source, target = a.id, b.id
        start = draw(st.one_of(st.none(), st.integers(2010, 2024)))
        rel = Relation(
            id=relation_id(rtype, source, target),
            type=rtype,
            source=source,
            target=target,
            valid_from=str(start) if start else None,
            evidence=(
                Evidence(
                    source=draw(st.sampled_from(sources)).id,
                    confidence=draw(st.sampled_from([0.5, 0.8, 1.0])),
                ),
            ),
        )
        relations[rel.id] = rel
    return Spec(entities, list(relations.values()), sources)


def usable(rel: Relation, spec: Spec, as_of: dt.date | None, min_conf: float) -> bool:
    """An independent statement of which relations a query may use."""
    if rel.type not in TIE_TYPES:
        return False
    evidence = list(rel.evidence)
    if as_of is not None:
        if not valid_on(rel.valid_from, rel.valid_to, as_of):
            return False
        published = {src.id: src.published for src in spec.sources}
        if rel.valid_from is None and all(
            published.get(e.source) and earliest(str(published[e.source])) > as_of for e in evidence
        ):
            return False  # undated, and told of only by later documents
        ends = {e.id: e for e in spec.entities}
        for end in (ends[rel.source], ends[rel.target]):
            when = end.signed or end.start
            if when and earliest(when) > as_of:
                return False
    return bool(evidence) and max(e.confidence for e in evidence) >= min_conf


def fewest_steps(
    spec: Spec, a: str, b: str, ok: list[Relation], exclude: set[str], via: str | None, actors: Actors
) -> int | None:
    """Fewest steps from a to b as users count them: a direct tie is one step, two ties
    through a meeting point one step, a move inside one actor none (half steps: 2, 1, 0)."""
    kinds = {e.id: e.type for e in spec.entities}
    meeting = {i for i, t in kinds.items() if t in (EntityType.AGREEMENT, EntityType.EVENT)}

    def allowed(node: str) -> bool:
        if node in (a, b) or node in meeting:
            return True
        if node in exclude:
            return False
        if actors.own(a, node) or actors.own(b, node):
            return True
        if via == "people":
            return kinds[node] is EntityType.PERSON
        if via == "organisations":
            return kinds[node] is EntityType.ORGANISATION
        return True

    g = nx.Graph()
    g.add_nodes_from(i for i in kinds if allowed(i))
    for r in ok:
        if r.source not in g or r.target not in g:
            continue
        if r.source in meeting or r.target in meeting:
            half = 1
        elif actors.inside(r):
            half = 0
        else:
            half = 2
        if not g.has_edge(r.source, r.target) or g.edges[r.source, r.target]["half"] > half:
            g.add_edge(r.source, r.target, half=half)
    try:
        return int(nx.shortest_path_length(g, a, b, weight="half")) // 2
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spec=graphs(),
    data=st.data(),
    k=st.integers(1, 4),
    hops=st.integers(1, 5),
    as_of_year=st.one_of(st.none(), st.integers(2011, 2025)),
    min_conf=st.sampled_from([0.0, 0.6, 0.9]),
    via=st.sampled_from([None, None, "people", "organisations"]),
)
def test_paths_are_real_distinct_and_within_limits(
    spec: Spec, data: st.DataObject, k: int, hops: int, as_of_year: int | None, min_conf: float, via: str | None
) -> None:
    actors = [e.id for e in spec.entities if e.type in (EntityType.ORGANISATION, EntityType.PERSON)]
    a, b = data.draw(st.permutations(actors))[:2]
    others = [x for x in actors if x not in (a, b)]
    exclude = set(data.draw(st.lists(st.sampled_from(others), max_size=2))) if others else set()
    as_of = dt.date(as_of_year, 6, 30) if as_of_year else None
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "random.sqlite")
        try:
            store.write(
                Batch(
                    sources=spec.sources,
                    entities=[EntityRecord(entity=e, sources=(spec.sources[0].id,)) for e in spec.entities],
                    relations=spec.relations,
                )
            )
            result = introduction_paths(
                store, a, b, k=k, hops=hops, as_of=as_of, exclude=sorted(exclude), via=via,  # type: ignore[arg-type]
                min_confidence=min_conf,
            )
        finally:
            store.close()
    ok = [r for r in spec.relations if usable(r, spec, as_of, min_conf)]
    records = [EntityRecord(entity=e) for e in spec.entities]
    actors = Actors.of(Batch(entities=records, relations=ok))
    pairs = {frozenset((r.source, r.target)): r for r in ok}
    kinds = {e.id: e.type for e in spec.entities}
    assert len(result.paths) <= k
    for path in result.paths:
        nodes = [n.id for n in path.nodes]
        assert nodes[0] == a and nodes[-1] == b
        assert len(set(nodes)) == len(nodes)  # simple
        assert path.hops <= hops
        assert not exclude & set(nodes)
        for u, v in itertools.pairwise(nodes):
            assert frozenset((u, v)) in pairs  # a real, usable stored tie
        for node in actors.intermediaries(nodes):
            if via == "people":
                assert kinds[node] is EntityType.PERSON
            if via == "organisations":
                assert kinds[node] is EntityType.ORGANISATION
        for step in path.steps:
            for rel in step.relations:
                assert rel.id in {r.id for r in ok}
    # One ranking: fewest steps first, then strongest.
    order = [(p.hops, -p.strength) for p in result.paths]
    assert order == sorted(order)
    subs = [substance([n.id for n in p.nodes], actors.intermediaries([n.id for n in p.nodes])) for p in result.paths]
    for x, y in itertools.combinations(subs, 2):
        assert x != y and overlap(x, y) < OVERLAP_LIMIT
    expected = fewest_steps(spec, a, b, ok, exclude, via, actors)
    if expected is not None and expected <= hops:
        assert result.paths, result.reason
        assert result.paths[0].hops == expected
    else:
        assert not result.paths
        if expected is None:
            assert result.reason_code in ("disconnected", "filtered_out")
        else:
            assert result.reason_code == "beyond_hop_limit" and result.shortest_hops == expected
