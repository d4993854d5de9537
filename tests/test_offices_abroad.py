"""An office abroad stays marked as abroad when a path folds it into its body.

Fixture: a Japanese trade agency with a Düsseldorf office (in Germany), an Osaka
office (at home) and an office whose place is not recorded; each office's
staff met a German cluster. Only the Düsseldorf office is marked, in English
and Japanese, in the path summary and in the step texts; countries come from
``located_in`` chains (office → city → country).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.model import Batch, Source
from ingest.load import load_files, seed_path
from queries.paths import introduction_paths
from tests.test_queries_support import entity, relation
from tests.view_support import FrontierStore

DOC = Source(id="doc-offices", title="Agency offices", published="2022-01-01")


def offices_batch() -> Batch:
    ents = [
        entity("place:japan", "place", "country", "Japan", "日本", iso_code="JP"),
        entity("place:germany", "place", "country", "Germany", "ドイツ", iso_code="DE"),
        entity("place:tokyo", "place", "city", "Tokyo", "東京"),
        entity("place:osaka", "place", "city", "Osaka", "大阪"),
        entity("place:dusseldorf", "place", "city", "Düsseldorf", "デュッセルドルフ"),
        entity("org:agency", "organisation", "agency", "Trade Agency", "貿易機構"),
        entity("org:agency-dus", "organisation", "agency", "Trade Agency Düsseldorf", "貿易機構デュッセルドルフ事務所"),
        entity("org:agency-osaka", "organisation", "agency", "Trade Agency Osaka", "貿易機構大阪事務所"),
        entity("org:agency-nowhere", "organisation", "agency", "Trade Agency Liaison Desk", "貿易機構連絡窓口"),
        entity("person:mori", "person", None, "Mori Ken", "森健"),
        entity("person:ueda", "person", None, "Ueda Aya", "上田綾"),
        entity("org:cluster", "organisation", "cluster", "Rhine Cluster", "ライン・クラスター"),
        entity("org:kansai-lab", "organisation", "research_institute", "Kansai Lab", "関西研究所"),
        entity("org:desk-partner", "organisation", "company", "Desk Partner", "窓口パートナー"),
        entity("org:rhine-fair", "organisation", "company", "Rhine Fair", "ライン見本市"),
    ]
    rels = [
        relation("located_in", "place:tokyo", "place:japan", doc=DOC.id),
        relation("located_in", "place:osaka", "place:japan", doc=DOC.id),
        relation("located_in", "place:dusseldorf", "place:germany", doc=DOC.id),
        relation("located_in", "org:agency", "place:tokyo", doc=DOC.id),
        relation("located_in", "org:agency-dus", "place:dusseldorf", doc=DOC.id),
        relation("located_in", "org:agency-osaka", "place:osaka", doc=DOC.id),
        relation("part_of", "org:agency-dus", "org:agency", doc=DOC.id),
        relation("part_of", "org:agency-osaka", "org:agency", doc=DOC.id),
        relation("part_of", "org:agency-nowhere", "org:agency", doc=DOC.id),
        relation("works_for", "person:mori", "org:agency-dus", role="Director", doc=DOC.id),
        relation("works_for", "person:ueda", "org:agency-osaka", doc=DOC.id),
        relation("met_with", "person:mori", "org:cluster", doc=DOC.id),
        relation("met_with", "person:ueda", "org:kansai-lab", doc=DOC.id),
        relation("partner_of", "org:agency-nowhere", "org:desk-partner", doc=DOC.id),
        relation("partner_of", "org:agency-dus", "org:rhine-fair", doc=DOC.id),
    ]
    return Batch(sources=[DOC], entities=[e.model_copy(update={"sources": (DOC.id,)}) for e in ents], relations=rels)


@pytest.fixture(params=["index", "frontier"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EmbeddedStore]:
    cls = FrontierStore if request.param == "frontier" else EmbeddedStore
    s = cls(tmp_path / "offices.sqlite")
    s.write(offices_batch())
    yield s
    s.close()


def test_an_office_abroad_is_marked_with_its_country(store: EmbeddedStore) -> None:
    best = introduction_paths(store, "org:agency", "org:cluster").paths[0]
    assert best.hops == 1
    assert best.summary_en == "Trade Agency (Trade Agency Düsseldorf, in Germany · Mori Ken) → Rhine Cluster"
    assert best.summary_ja == "貿易機構 (貿易機構デュッセルドルフ事務所〔在ドイツ〕 · 森健) → ライン・クラスター"
    assert "Mori Ken (Director, Trade Agency Düsseldorf, in Germany)" in best.steps[0].text_en
    assert "森健(貿易機構デュッセルドルフ事務所〔在ドイツ〕 Director)" in best.steps[0].text_ja


def test_an_office_at_home_or_of_unknown_place_is_not_marked(store: EmbeddedStore) -> None:
    home = introduction_paths(store, "org:agency", "org:kansai-lab").paths[0]
    assert home.summary_en == "Trade Agency (Trade Agency Osaka · Ueda Aya) → Kansai Lab"
    assert "〔" not in home.summary_ja and "〔" not in home.steps[0].text_ja
    unknown = introduction_paths(store, "org:agency", "org:desk-partner").paths[0]
    assert unknown.summary_en == "Trade Agency (Trade Agency Liaison Desk) → Desk Partner"


def test_an_office_abroad_at_an_end_is_marked_alone(store: EmbeddedStore) -> None:
    """The office itself at an end, reached through its staff, and alone at the end of a tie."""
    best = introduction_paths(store, "org:cluster", "org:agency-dus").paths[0]
    assert best.summary_en == "Rhine Cluster → Trade Agency Düsseldorf, in Germany (Mori Ken)"
    assert best.summary_ja == "ライン・クラスター → 貿易機構デュッセルドルフ事務所〔在ドイツ〕 (森健)"
    alone = introduction_paths(store, "org:rhine-fair", "org:agency-dus").paths[0]
    assert alone.summary_en == "Rhine Fair → Trade Agency Düsseldorf (in Germany)"
    assert alone.summary_ja == "ライン見本市 → 貿易機構デュッセルドルフ事務所〔在ドイツ〕"
    assert alone.steps[0].text_en.startswith("Trade Agency Düsseldorf (in Germany) is a partner of Rhine Fair")


def test_seed_offices_abroad(tmp_path: Path) -> None:
    """The seed's offices abroad: CLAIR's Paris office (002) and ITOCHU's Beijing textile company (001)."""
    with EmbeddedStore(tmp_path / "seed.sqlite") as s:
        load_files(s, [seed_path()])
        clair = introduction_paths(s, "org:clair", "org:lyonbiopole").paths[0]
        assert clair.summary_en.startswith(
            "Council of Local Authorities for International Relations (CLAIR Paris office, in France")
        assert "パリ事務所〔在フランス〕" in clair.summary_ja
        assert all("in France" in step.text_en for step in clair.steps)
        itochu = introduction_paths(s, "org:itochu", "org:beijing-cj-zone").paths[0]
        assert itochu.summary_en.startswith("ITOCHU Corporation (ITOCHU Textile Beijing, in China)")
        assert "伊藤忠繊維北京〔在中国〕" in itochu.steps[0].text_ja
        # a Japanese body's office in Japan stays unmarked
        fbri = introduction_paths(s, "place:mie", "org:fbri").paths[0]
        assert "Sasayama" in fbri.summary_en and "FBRI Cluster Promotion Center ·" in fbri.summary_en
        assert "FBRI Cluster Promotion Center, in" not in fbri.summary_en


def test_a_body_and_its_own_staff_are_the_same_actor(store: EmbeddedStore) -> None:
    """A path without steps says plainly that no introduction is needed, in both languages."""
    own = introduction_paths(store, "org:agency", "person:mori").paths[0]
    assert (own.hops, own.steps, own.same_actor) == (0, (), True)
    assert own.note_en == "Mori Ken belongs to Trade Agency: no introduction is needed (ask within it)."
    assert own.note_ja == "森健は貿易機構に属しています。紹介は不要です(組織の中でお尋ねください)。"
    colleagues = introduction_paths(store, "org:agency-dus", "person:ueda").paths[0]
    assert colleagues.same_actor and colleagues.hops == 0
    assert colleagues.note_en == ("Trade Agency Düsseldorf and Ueda Aya belong to the same actor, Trade Agency: "
                                  "no introduction is needed (ask within it).")
    assert "同じ組織(貿易機構)" in colleagues.note_ja
    apart = introduction_paths(store, "org:agency", "org:cluster").paths[0]
    assert (apart.same_actor, apart.note_en, apart.note_ja) == (False, "", "")


def test_the_cli_says_same_actor_instead_of_an_empty_table(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.app import app

    path = tmp_path / "cli.sqlite"
    with EmbeddedStore(path) as s:
        s.write(offices_batch())
    out = CliRunner().invoke(app, ["path", "org:agency", "person:mori", "--store", str(path)],
                             env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "Path 1: no step — Mori Ken belongs to Trade Agency: no introduction is needed" in text
    assert "Step" not in text  # no empty step table
