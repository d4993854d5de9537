"""Queries on the bundled seed graph, with answers a reader of the documents expects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path
from queries.brokers import brokers
from queries.paths import introduction_paths
from queries.region import region_network
from queries.resolve import resolve_entity

WEBINARS = {"event:clair-webinar-2022-02", "event:clair-webinar-2022-03"}
MOU_2018 = "agreement:kanagawa-liaoning-mou-2018"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    if not seed_path().exists():
        pytest.skip("the seed dataset ingest/seed/seed.yaml is not there yet")
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("seed")) / "seed.sqlite")
    load_files(store, [seed_path()])
    yield store
    store.close()


def nodes(path: object) -> list[str]:
    return [n.id for n in path.nodes]  # type: ignore[attr-defined]


def test_jtg_and_natd_are_one_step_apart_through_their_mou(seed: EmbeddedStore) -> None:
    result = introduction_paths(seed, "org:jtg", "org:natd")
    best = result.paths[0]
    assert best.hops == 1
    (step,) = best.steps
    assert step.via is not None and step.via.id == "agreement:jtg-natd-mou-2016"
    assert "both parties to" in step.text_en
    assert step.sources and all(s.id.startswith("seed:") for s in step.sources)


def test_kanagawa_and_liaoning_through_both_agreements(seed: EmbeddedStore) -> None:
    result = introduction_paths(seed, "神奈川県", "遼寧省")
    assert all(p.hops == 1 for p in result.paths)
    vias = {p.steps[0].via.id for p in result.paths if p.steps[0].via}
    assert {MOU_2018, "agreement:kanagawa-liaoning-friendship-1983"} <= vias


def test_mie_reaches_the_kobe_cluster_through_the_webinar_series(seed: EmbeddedStore) -> None:
    result = introduction_paths(seed, "place:mie", "org:fbri")
    assert result.paths, result.reason
    assert set(nodes(result.paths[0])) >= WEBINARS
    for path in result.paths:
        assert "place:japan" not in nodes(path)
        assert WEBINARS & set(nodes(path))
        assert {n.type for n in path.nodes[1:-1]} & {"person"}  # people of the series carry it


def test_an_as_of_date_before_2018_never_uses_the_2018_mou(seed: EmbeddedStore) -> None:
    for day in (dt.date(2017, 6, 1), dt.date(2018, 5, 7)):
        for a, b in (("place:kanagawa", "place:liaoning"), ("place:kanagawa", "org:jetro-dalian")):
            result = introduction_paths(seed, a, b, as_of=day, hops=8)
            assert all(MOU_2018 not in nodes(p) for p in result.paths)
        region = region_network(seed, "place:liaoning", as_of=day)
        assert all(t.via is None or t.via.id != MOU_2018 for t in region.ties)
    later = introduction_paths(seed, "place:kanagawa", "place:liaoning", as_of=dt.date(2021, 1, 1))
    assert any(MOU_2018 in nodes(p) for p in later.paths)


def test_names_resolve_across_scripts(seed: EmbeddedStore) -> None:
    for text in ("遼寧省", "辽宁省", "place:liaoning"):
        assert resolve_entity(seed, text).id == "place:liaoning"
    assert resolve_entity(seed, "神奈川県").id == "place:kanagawa"


def test_liaoning_region_network(seed: EmbeddedStore) -> None:
    result = region_network(seed, "遼寧省")
    members = {m.entity.id for m in result.members}
    assert {"place:liaoning", "place:dalian", "place:shenyang"} <= members
    kanagawa = [t for t in result.ties if t.other.id == "place:kanagawa"]
    assert kanagawa and all(t.cross_border for t in kanagawa)
    pair = next(p for p in result.country_pairs if {p.a, p.b} == {"place:china", "place:japan"})
    assert MOU_2018 in pair.agreements


def test_brokers_between_japan_and_europe_sit_on_the_webinar_series(seed: EmbeddedStore) -> None:
    result = brokers(seed, between=("Japan", "Europe"), top=5)
    assert result.brokers
    top_ids = {b.entity.id for b in result.brokers}
    assert "place:kanagawa" not in top_ids and "place:liaoning" not in top_ids


def test_region_pairs_count_relationships_not_pairs(seed: EmbeddedStore) -> None:
    # 002: five Basque speakers and officials met Japanese ones at one March 2022 webinar: one relationship
    result = region_network(seed, "バスク州")
    pair = next(p for p in result.country_pairs if {p.a, p.b} == {"place:japan", "place:spain"})
    webinar = "Mie Prefecture and the Basque Country: regional cooperation in industry, food and pilgrimage routes"
    assert sum(1 for r in pair.relationships if r.startswith(webinar)) == 1
    assert pair.ties == len(pair.relationships)
    assert "Mie Prefecture - Basque Country memorandum of understanding (2018)" in pair.agreement_names
    assert result.region_pairs  # Basque Country with Mie, with Alsace: regions only, never a country
    assert not {x for p in result.region_pairs for x in (p.a, p.b)} & {"place:japan", "place:spain", "place:france"}
