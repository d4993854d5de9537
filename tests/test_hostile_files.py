"""Hostile fact files through `kizuna load`: refused with one line naming the
file and the rule, no traceback, the store byte for byte as it was."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.hostile_cases import CASES, Case
from cli.app import app
from graph.embedded import EmbeddedStore
from graph.errors import InvalidFact
from graph.model import Batch, Entity, EntityRecord, EntityType, Name
from tests.api_support import build_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "store.sqlite")


def load(store_path: Path, *files: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["load", *map(str, files), "--store", str(store_path)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_refused_cleanly(case: Case, store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / f"hostile{case.suffix}"
    path.write_bytes(case.content)
    before = digest(store_path)
    started = time.perf_counter()
    code, out, err = load(store_path, path)
    assert time.perf_counter() - started < 20, "refusing took too long"
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    assert err.count("\n") == 1, err
    assert str(path) in err and case.expect in err, err
    assert digest(store_path) == before


def test_csv_with_a_byte_order_mark_loads(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("\ufefftype,name_en,sources\nperson,Hana Example,api-fixture-note\n", encoding="utf-8")
    code, _out, err = load(store_path, path)
    assert code == 0, err
    with EmbeddedStore(store_path) as store:
        assert [e.id for e in store.resolve("Hana Example")]


def test_an_empty_folder_is_an_error(store_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    code, _out, err = load(store_path, folder)
    assert code == 1 and "holds no fact files" in err and str(folder) in err


def test_a_multi_file_load_names_the_failing_file_and_what_stayed_loaded(store_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "a-good.yaml"
    good.write_text("kizuna: 1\nsources: [{id: note-a, title: A note}]\n", encoding="utf-8")
    bad = tmp_path / "b-bad.yaml"
    bad.write_text("kizuna: 1\nrelations:\n  - {type: works_for, source: person:x, target: org:y, evidence: note-a}\n",
                   encoding="utf-8")
    code, _out, err = load(store_path, good, bad)
    assert code == 1
    assert "file 2 of 2" in err and str(bad) in err and "line 3" in err
    assert "stay loaded: a-good.yaml" in err
    with EmbeddedStore(store_path) as store:
        assert store.get_sources(["note-a"])


def test_duplicate_check_is_linear_and_names_the_ids(tmp_path: Path) -> None:
    n = 40_000
    entities = [EntityRecord(entity=Entity(id=f"person:p{i % (n // 2)}", type=EntityType.PERSON,
                                           names=(Name(text=f"P {i}"),))) for i in range(n)]
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        started = time.perf_counter()
        with pytest.raises(InvalidFact) as raised:
            store.write(Batch(entities=entities))
        assert time.perf_counter() - started < 5
    assert "person:p0" in raised.value.message and "more than once" in raised.value.message
