"""Founding and ending dates of organisations and places: stored by every backend, respected on as-of dates.

The fixture: Home Office meets Far Institute's people only through go-betweens
that did not always exist — Young Agency (founded 2020-04) and Gone Company
(2001 to 2015-06); New District (split off in 2007) visited Other Works. The ties
themselves are undated and documented in 2000, so only the actors' lifetimes
decide which chain holds on a date.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.embedded import SCHEMA_VERSION, EmbeddedStore
from graph.model import Batch, Entity, EntityRecord, EntityType, Name, Source
from graph.neo4j_store import entity_row, entity_row_of, exists_from, exists_to, record_from_row
from graph.rows import EntityRow, GraphRows
from queries.paths import introduction_paths
from queries.snapshot import load_or_build
from queries.ties import AS_OF_HELP, TieFilter
from tests.test_queries_support import entity, relation
from tests.view_support import FrontierStore

DOC = Source(id="doc-directory", title="A directory of bodies", published="2000-01-01")


def _record(record: EntityRecord) -> EntityRecord:
    return EntityRecord(entity=record.entity, sources=(DOC.id,))


def lifetime_batch() -> Batch:
    ents = [
        entity("org:home", "organisation", "government_body", "Home Office"),
        entity("org:far", "organisation", "research_institute", "Far Institute"),
        entity("org:young", "organisation", "agency", "Young Agency", start="2020-04"),
        entity("org:gone", "organisation", "company", "Gone Company", start="2001", end="2015-06"),
        entity("org:other", "organisation", "company", "Other Works"),
        entity("place:district", "place", "district", "New District", start="2007"),
        entity("event:forum", "event", "conference", "Old Forum", start="2003-05-01", end="2003-05-02"),
    ]
    rels = [
        relation("met_with", "org:home", "org:young", doc=DOC.id),
        relation("met_with", "org:young", "org:far", doc=DOC.id),
        relation("partner_of", "org:home", "org:gone", doc=DOC.id),
        relation("partner_of", "org:gone", "org:far", doc=DOC.id),
        relation("visited", "place:district", "org:other", doc=DOC.id),
        relation("spoke_at", "org:home", "event:forum", doc=DOC.id),
        relation("spoke_at", "place:district", "event:forum", doc=DOC.id),
    ]
    return Batch(sources=[DOC], entities=[_record(e) for e in ents], relations=rels)


STORES = ["index", "snapshot", "frontier"]


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedStore]:
    """The same facts read through the in-memory index, the mapped snapshot, and frontier calls (as on Neo4j)."""
    if request.param == "snapshot":
        monkeypatch.setattr("queries.view.SNAPSHOT_MIN_RELATIONS", 0)
    cls = FrontierStore if request.param == "frontier" else EmbeddedStore
    s = cls(tmp_path / "life.sqlite")
    s.write(lifetime_batch())
    yield s
    s.close()


def _intermediaries(store: EmbeddedStore, day: dt.date | None) -> list[str]:
    result = introduction_paths(store, "org:home", "org:far", k=3, as_of=day)
    return sorted(n.id for p in result.paths for n in p.nodes[1:-1])


def test_an_organisation_takes_part_only_between_its_founding_and_its_end(store: EmbeddedStore) -> None:
    assert _intermediaries(store, None) == ["org:gone", "org:young"]
    assert _intermediaries(store, dt.date(2021, 1, 1)) == ["org:young"]  # Gone Company dissolved in 2015
    assert _intermediaries(store, dt.date(2012, 1, 1)) == ["org:gone"]  # Young Agency not founded yet
    assert _intermediaries(store, dt.date(2015, 6, 30)) == ["org:gone"]  # its last month still counts whole
    assert _intermediaries(store, dt.date(2020, 4, 1)) == ["org:young"]  # founded 2020-04: from its first day


def test_between_the_two_lifetimes_nobody_links_them(store: EmbeddedStore) -> None:
    result = introduction_paths(store, "org:home", "org:far", as_of=dt.date(2018, 1, 1))
    assert result.paths == ()
    assert result.reason_code == "filtered_out"


def test_a_place_at_an_end_must_exist_on_the_date(store: EmbeddedStore) -> None:
    before = introduction_paths(store, "place:district", "org:other", as_of=dt.date(2005, 1, 1))
    assert before.paths == () and before.reason_code == "filtered_out"
    assert before.reason is not None and before.reason.endswith("(New District: founded 2007, after 2005-01-01)")
    gone = introduction_paths(store, "org:gone", "org:far", as_of=dt.date(2018, 1, 1))
    assert gone.reason is not None and gone.reason.endswith("(Gone Company: dissolved 2015-06, before 2018-01-01)")
    after = introduction_paths(store, "place:district", "org:other", as_of=dt.date(2010, 1, 1))
    assert [n.id for n in after.paths[0].nodes] == ["place:district", "org:other"]


def test_an_event_that_has_ended_stays_a_meeting_point(store: EmbeddedStore) -> None:
    """Those who spoke at a 2003 forum still know each other in 2010 (the district existed by then)."""
    result = introduction_paths(store, "org:home", "place:district", k=3, as_of=dt.date(2010, 1, 1))
    assert any(s.via is not None and s.via.id == "event:forum" for p in result.paths for s in p.steps)


def test_lifetimes_round_trip_through_the_embedded_rows_and_the_snapshot(tmp_path: Path) -> None:
    batch = lifetime_batch()
    with EmbeddedStore(tmp_path / "rows.sqlite") as s:
        s.write(batch)
        assert s.export().entities == sorted(batch.entities, key=lambda r: r.entity.id)
        expected = GraphRows.of(batch).entities
        assert sorted(s.rows().entities) == sorted(expected)
        gone = s.entity_rows(["org:gone"])["org:gone"]
        assert (gone.start, gone.end) == ("2001", "2015-06")
        snap = load_or_build(s.path, s.version())
        assert snap.get_entities(["org:gone", "org:young", "event:forum"]) == {
            r.id: r for r in expected if r.id in {"org:gone", "org:young", "event:forum"}}
    with EmbeddedStore(tmp_path / "rows.sqlite") as reopened:  # read back from the columns, not the writer's rows
        assert sorted(reopened.rows().entities) == sorted(expected)


def test_lifetimes_round_trip_through_the_neo4j_rows() -> None:
    for record in lifetime_batch().entities:
        row = entity_row(record)
        assert record_from_row(row["data"], row["sources"]) == record
        assert entity_row_of(row["data"]) == EntityRow.of(record.entity)  # what the Neo4j read view hands out
    assert entity_row_of(entity_row(lifetime_batch().entities[3])["data"]).end == "2015-06"
    gone = Entity(id="org:gone", type=EntityType.ORGANISATION, kind="company", names=(Name(text="Gone"),),
                  start="2001", end="2015-06")
    assert (exists_from(gone), exists_to(gone)) == ("2001-01-01", "2015-06-30")


def test_a_schema_4_store_gains_the_end_dates_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with EmbeddedStore(path) as s:
        s.write(lifetime_batch())
        before = s.export()
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE entities DROP COLUMN end_date")
    db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with EmbeddedStore(path) as s:
        assert s.check() == []
        assert s.export() == before
        assert s.entity_rows(["org:gone"])["org:gone"].end == "2015-06"
        assert s.entity_rows(["event:forum"])["event:forum"].end == "2003-05-02"
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    db.close()


def test_only_events_organisations_and_places_have_lifetimes() -> None:
    names = (Name(text="x"),)
    with pytest.raises(ValueError, match="field 'start' belongs to event and organisation and place entities"):
        Entity(id="person:p", type=EntityType.PERSON, names=names, start="1960")
    with pytest.raises(ValueError, match=r"organisation ends \(2001\) before it starts \(2005\)"):
        Entity(id="org:o", type=EntityType.ORGANISATION, kind="company", names=names, start="2005", end="2001")
    row = EntityRow("org:o", EntityType.ORGANISATION, "company", "o", "o", start="2005", end="2010")
    assert [TieFilter(as_of=dt.date(y, 6, 1)).entity_usable(row) for y in (2004, 2005, 2010, 2011)] == [
        False, True, True, False]


def test_fact_files_carry_founding_and_ending_dates(tmp_path: Path) -> None:
    from ingest.load import load_files

    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "kizuna: 1\n"
        "sources: [{id: doc, title: Directory, published: 2000}]\n"
        "entities:\n"
        "  - {id: 'org:gone', type: organisation, kind: company, name: {en: Gone Company}, start: 2001,"
        " end: 2015-06, sources: [doc]}\n",
        encoding="utf-8",
    )
    table = tmp_path / "entities.csv"
    table.write_text("id,type,kind,name_en,start,end,sources\n"
                     "org:young,organisation,agency,Young Agency,2020-04,,doc\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "f.sqlite") as s:
        load_files(s, [facts, table])
        stored = s.get_entity("org:gone")
        assert stored is not None and (stored.entity.start, stored.entity.end) == ("2001", "2015-06")
        young = s.get_entity("org:young")
        assert young is not None and (young.entity.start, young.entity.end) == ("2020-04", None)


def test_the_as_of_help_says_dissolved_actors_are_left_out() -> None:
    from cli.app import app

    assert "organisations and places established by then and not yet dissolved" in AS_OF_HELP
    out = CliRunner().invoke(app, ["path", "--help"], env={"COLUMNS": "200"}).output
    assert "not yet dissolved" in " ".join(out.split())
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "organisations and places founded by then and not yet dissolved" in " ".join(readme.split())


def test_show_names_an_organisations_lifetime(tmp_path: Path) -> None:
    from cli.app import app

    path = tmp_path / "show.sqlite"
    with EmbeddedStore(path) as s:
        s.write(lifetime_batch())
    out = CliRunner().invoke(app, ["show", "org:gone", "--store", str(path)], env={"COLUMNS": "200"}).output
    assert "founded" in out and "2001" in out and "dissolved" in out and "2015-06" in out
    event = CliRunner().invoke(app, ["show", "event:forum", "--store", str(path)], env={"COLUMNS": "200"}).output
    assert "2003-05-01" in event and "founded" not in event
