"""The terminal output keeps what users copy whole and shows everything an entity holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("terminal") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


def run(seed_file: Path, *args: str, width: int = 80) -> str:
    result = CliRunner().invoke(app, [*args, "--store", str(seed_file)], env={"COLUMNS": str(width)},
                                terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def unboxed(text: str) -> str:
    """The table's text with borders and line breaks gone (folded cells read as one string)."""
    return re.sub(r"[\s│┃┏┓┗┛┡┩└┘├┤┼┳┻╇━─┬┴]+", "", text)


def test_search_never_cuts_ids(seed_file: Path) -> None:
    out = run(seed_file, "search", "Kanagawa", "--limit", "20")
    assert "…" not in out
    first_column = "".join(line.split("│")[1].strip() for line in out.splitlines() if line.count("│") > 2)
    for entity_id in ("agreement:kanagawa-liaoning-mou-2018", "agreement:kanagawa-liaoning-friendship-1983"):
        assert entity_id in first_column  # folded over lines, never cut


def test_show_lists_everything_about_an_entity(seed_file: Path) -> None:
    out = run(seed_file, "show", "遼寧省", width=140)
    for expected in ("遼寧省", "Liaoning Province", "zh-Hans", "辽宁省", "romaji", "Liaoning Sheng",
                     "CN-LN", "http://www.ln.gov.cn/", "Province in the south of Northeast China",
                     "party_to", "located_in", "遼寧省（中国） (2020)", "MOU summary table", "1.00"):
        assert expected in out, expected
    assert "…" not in out
    friendship, mou = out.index("1983"), out.index("2018-05-08")
    assert friendship < mou  # relations of a type in date order
    assert out.index("party_to") < out.index("partner_of") < out.index("located_in")  # grouped by type


def test_agreements_show_their_dates_and_purpose(seed_file: Path) -> None:
    out = run(seed_file, "show", "agreement:kanagawa-liaoning-mou-2018", width=160)
    assert "signed" in out and "2018-05-08" in out
    assert "Signatory" in out and "place:kanagawa" in out


def test_path_steps_shorten_long_titles_once_and_name_them(seed_file: Path) -> None:
    out = run(seed_file, "path", "三重県", "org:fbri", "--k", "1", width=160)
    flat = unboxed(out)
    assert "viaevent:clair-webinar-2022-03" in flat
    with EmbeddedStore(seed_file) as store:
        record = store.get_entity("event:clair-webinar-2022-03")
    assert record is not None
    title = record.entity.name("en")
    assert len(title) > 60 and unboxed(title) not in flat  # shortened in the path...
    assert unboxed(title) in unboxed(run(seed_file, "show", "event:clair-webinar-2022-03", width=160))  # ...whole here


def test_data_that_looks_like_markup_is_printed_as_typed(tmp_path: Path) -> None:
    facts = tmp_path / "odd.yaml"
    facts.write_text("kizuna: 1\nsources: [{id: s1, title: '[bold]x[/]'}]\ndefaults: {source: s1}\n"
                     "entities:\n  - {id: org:odd, type: organisation, kind: other, name: {en: '[/] odd [red]'}}\n",
                     encoding="utf-8")
    store = tmp_path / "odd.sqlite"
    with EmbeddedStore(store) as st:
        load_files(st, [facts])
    out = run(store, "show", "org:odd", width=120)
    assert "[/] odd [red]" in out and "[bold]x[/]" in out
