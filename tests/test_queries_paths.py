"""Introduction paths on a small fixture graph in a real embedded store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.errors import UnknownEntity
from graph.model import Batch
from queries.errors import InvalidQuery
from queries.paths import introduction_paths
from tests.test_queries_support import entity, fixture_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = fixture_store(tmp_path)
    yield s
    s.close()


def via_ids(result) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[n.id for n in p.nodes] for p in result.paths]


def test_co_signatories_are_one_step_through_each_agreement(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "place:kanagawa", "place:liaoning")
    assert result.reason_code is None
    assert [p.hops for p in result.paths] == [1, 1]
    vias = [p.steps[0].via.id for p in result.paths if p.steps[0].via]
    assert set(vias) == {"agreement:mou-2018", "agreement:friendship-1983"}
    # newer evidence decays less, so the 2018 MOU ranks first
    assert vias[0] == "agreement:mou-2018"
    step = result.paths[0].steps[0]
    assert "are both parties to" in step.text_en and "signed 2018-05-08" in step.text_en
    assert step.start.name_ja == "神奈川県" and step.end.name_en == "Liaoning Province"
    assert step.date == "2018-05-08"
    assert [s.id for s in step.sources] == ["doc-kanagawa"]
    assert step.sources[0].url == "https://example.org/liaoning"


def test_as_of_before_the_mou_never_uses_it(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "Kanagawa", "Liaoning", as_of=dt.date(2017, 6, 1))
    used = {n.id for p in result.paths for n in p.nodes}
    assert "agreement:mou-2018" not in used
    assert via_ids(result) == [["place:kanagawa", "agreement:friendship-1983", "place:liaoning"]]


def test_as_of_judges_past_ties_on_later_evidence(store: EmbeddedStore) -> None:
    # the webinars (2022) had not happened yet in 2021, though the report is from 2022
    before = introduction_paths(store, "Mie", "FBRI", as_of=dt.date(2021, 1, 1))
    assert before.paths == ()
    assert before.reason_code == "filtered_out"
    # a 2022 report still documents the 1983 friendship agreement for 1990
    old = introduction_paths(store, "Kanagawa", "Liaoning", as_of=dt.date(1990, 1, 1))
    assert via_ids(old) == [["place:kanagawa", "agreement:friendship-1983", "place:liaoning"]]


def test_webinar_series_links_mie_to_the_kobe_cluster_not_the_country(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "Mie", "FBRI")
    best = result.paths[0]
    ids = [n.id for n in best.nodes]
    assert "place:japan" not in ids
    assert {"event:webinar-mar", "event:webinar-feb", "org:clair"} <= set(ids)
    # Mie's officer and FBRI's coordinator are inside their own actors: no step to reach them
    assert best.hops == 2
    assert [s.via.id if s.via else None for s in best.steps] == ["event:webinar-mar", "event:webinar-feb"]
    assert best.summary_en.startswith("Mie Prefecture (Mie Officer) → CLAIR → Kobe Biomedical")
    assert best.label in {"strong", "medium", "weak"} and best.weakest_step in (1, 2)
    assert all(step.sources for step in best.steps)


def test_context_ties_only_on_request(store: EmbeddedStore) -> None:
    plain = introduction_paths(store, "静岡県", "Kanagawa")
    assert plain.paths == () and plain.reason_code == "only_context"
    with_context = introduction_paths(store, "静岡県", "Kanagawa", context=True)
    assert with_context.paths and "place:japan" in [n.id for n in with_context.paths[0].nodes]


def test_hop_limit_reason_reports_the_shortest_chain(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "Mie", "FBRI", hops=1)
    assert result.paths == ()
    assert result.reason_code == "beyond_hop_limit"
    assert result.shortest_hops == 2
    assert "2 steps" in (result.reason or "")


def test_disconnected(store: EmbeddedStore) -> None:
    assert introduction_paths(store, "Kanagawa", "Mie").reason_code == "only_context"  # both are in Japan
    store.write(Batch(entities=[entity("org:hermit", "organisation", "company", "Hermit Works")]))
    result = introduction_paths(store, "Kanagawa", "Hermit Works")
    assert result.reason_code == "disconnected" and result.shortest_hops is None


def test_exclusion_and_via_restrictions(store: EmbeddedStore) -> None:
    excluded = introduction_paths(store, "Mie", "FBRI", exclude=["CLAIR"])
    assert excluded.paths == () and excluded.reason_code == "filtered_out"
    people_only = introduction_paths(store, "Mie", "FBRI", via="people")
    assert people_only.reason_code == "filtered_out"  # CLAIR is an organisation
    orgs = introduction_paths(store, "Mie", "FBRI", via="organisations")
    # the speakers are the ends' own staff, which "via organisations" accepts; CLAIR is between them
    assert [n.id for n in orgs.paths[0].nodes] == [
        "place:mie", "person:mie-officer", "event:webinar-mar", "org:clair", "event:webinar-feb",
        "person:sasayama", "org:fbri",
    ]
    both = introduction_paths(store, "Kanagawa", "Liaoning", via="people")
    assert len(both.paths) == 2  # meeting points are always allowed


def test_min_confidence(store: EmbeddedStore) -> None:
    assert introduction_paths(store, "Mie", "Basque Country").paths[0].hops == 1
    strict = introduction_paths(store, "Mie", "Basque Country", min_confidence=0.95)
    # the 0.9 partnership is gone; their own officers still met on the March webinar
    assert [s.via.id if s.via else None for p in strict.paths for s in p.steps] == ["event:webinar-mar"]


def test_diversity_rejects_the_same_chain_with_a_detour(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "Mie", "FBRI", k=5)
    # every other chain reuses CLAIR and both webinars, so it is not different in substance
    assert len(result.paths) == 1
    assert result.candidates_examined >= 1


def test_errors_and_json(store: EmbeddedStore) -> None:
    with pytest.raises(UnknownEntity) as info:
        introduction_paths(store, "Mie", "Atlantis")
    assert "suggestions" in info.value.extra
    with pytest.raises(InvalidQuery):
        introduction_paths(store, "Mie", "FBRI", hops=11)
    with pytest.raises(InvalidQuery):
        introduction_paths(store, "Mie", "Mie")
    with pytest.raises(InvalidQuery):
        introduction_paths(store, "Mie", "FBRI", exclude=["FBRI"])
    data = introduction_paths(store, "Kanagawa", "Liaoning").model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["paths"][0]["steps"][0]["via"]["id"] == "agreement:mou-2018"
