"""Growing the seeded graph from documents: no crash, no duplicate of a seed entity, answers kept.

The seed dataset was curated from the five seed documents, so ingesting them
into the seeded store must find the curated entities again (by any name,
alias or script) rather than create second copies, and the curated answers
(遼寧省's region network, the 神奈川県 -> 遼寧省 introduction path) must stay
the same, now also citing the ingested document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.embedded import EmbeddedStore
from graph.model import EntityType
from graph.names import name_key
from ingest.extract.intake import ingest_documents
from ingest.files import read_fact_file
from ingest.format import to_batch
from ingest.load import load_files, seed_path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / ".." / "shared" / "seeds"
UNSEEN = REPO / "tests" / "fixtures" / "docs" / "unseen"


def _needs_documents() -> list[Path]:
    pytest.importorskip("ja_ginza")
    seeds = sorted(SEEDS.glob("*.txt"))
    if len(seeds) != 5:
        pytest.skip(f"the five seed documents are not at {SEEDS}")
    return seeds


def _seeded(path: Path) -> Path:
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


@pytest.mark.slow  # GiNZA over every seed and unseen document
def test_seed_and_unseen_documents_grow_the_seeded_store_without_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = _needs_documents()
    unseen = sorted(p for p in UNSEEN.iterdir() if p.suffix in (".md", ".txt"))
    seed = to_batch(read_fact_file(seed_path()))
    seed_ids = {r.entity.id for r in seed.entities}
    seed_keys = {name_key(n.text) for r in seed.entities if r.entity.type is not EntityType.SECTOR
                 for n in r.entity.names}
    with EmbeddedStore(_seeded(tmp_path / "s.sqlite")) as store:
        reports = ingest_documents(store, [*seeds, *unseen])
        assert [Path(r.file).name for r in reports] == [p.name for p in [*seeds, *unseen]]
        for report in reports:
            assert report.loaded, report.as_dict()
            assert not any(p.held for p in report.problems), report.as_dict()
        duplicates = [
            (r.entity.id, n.text)
            for r in store.export().entities
            if r.entity.id not in seed_ids and r.entity.type is not EntityType.SECTOR
            for n in r.entity.names
            if name_key(n.text) in seed_keys
        ]
        assert duplicates == []
        assert store.check() == []
    with capsys.disabled():
        print("\nresolution per document (matched / new / uncertain):")
        for report in reports:
            r = report.resolution
            print(f"  {Path(report.file).name}: {r['matched']} / {r['new']} / {r['uncertain']}")
    seed_reports = reports[: len(seeds)]
    assert all(r.resolution["matched"] > r.resolution["new"] for r in seed_reports)  # the seed came from them


def _without(value: Any, source: str) -> Any:
    """The answer with every mention of ``source`` taken out."""
    if isinstance(value, dict):
        return {k: _without(v, source) for k, v in value.items()}
    if isinstance(value, list):
        return [_without(v, source) for v in value
                if v != source and not (isinstance(v, dict) and v.get("id") == source)]
    return value


@pytest.mark.slow
def test_region_and_path_answer_the_same_after_document_004_with_its_evidence(tmp_path: Path) -> None:
    seeds = _needs_documents()
    db = str(_seeded(tmp_path / "s.sqlite"))
    runner = CliRunner()

    def answers() -> tuple[Any, Any]:
        region = runner.invoke(app, ["region", "遼寧省", "--store", db, "--json"])
        path = runner.invoke(app, ["path", "神奈川県", "遼寧省", "--store", db, "--json"])
        assert region.exit_code == 0 and path.exit_code == 0, region.output + path.output
        return json.loads(region.stdout), json.loads(path.stdout)

    region_before, path_before = answers()
    ingested = runner.invoke(app, ["ingest", str(seeds[4]), "--store", db, "--json"])
    assert ingested.exit_code == 0, ingested.output
    (report,) = json.loads(ingested.stdout)
    (source,) = report["sources"]
    region_after, path_after = answers()
    assert _without(region_after, source) == region_before
    assert _without(path_after, source) == path_before
    assert source in json.dumps(path_after)  # the document is cited on the path's ties …
    assert source in json.dumps(region_after)  # … and in the region network
    with EmbeddedStore(db) as store:
        assert len(store.resolve("遼寧省")) == 1  # one entity, also acting as its government
