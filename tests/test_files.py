"""Structured loading: formats, precise errors, and all-or-nothing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.errors import InvalidFile
from ingest.files import read_fact_file
from ingest.load import load_files

GOOD = """\
kizuna: 1
defaults: {source: doc-1}
sources:
  - {id: doc-1, title: Test document, published: 2021-03}
entities:
  - {id: place:jp, type: place, kind: country, name: {ja: 日本, en: Japan}}
  - id: org:acme
    type: organisation
    kind: company
    name: {ja: アクメ株式会社, en: Acme Corp}
    abbreviations: [ACME]
    parent: place:jp
relations:
  - {type: visited, source: org:acme, target: place:jp, valid_from: 2021-02}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_json_and_csv_load_the_same_facts(tmp_path: Path) -> None:
    yaml_file = write(tmp_path, "a.yaml", GOOD)
    json_file = write(tmp_path, "b.json", '{"kizuna": 1, "sources": [{"id": "doc-2", "title": "J"}], '
                      '"entities": [{"id": "org:beta", "type": "organisation", "kind": "agency", '
                      '"name": {"en": "Beta Agency"}, "sources": ["doc-2"]}]}')
    write(tmp_path, "c_sources.csv", "id,title,published\ndoc-3,CSV doc,2020\n")
    write(tmp_path, "d_entities.csv", "id,type,kind,name_ja,name_en,aliases,sources\n"
          "org:gamma,organisation,university,ガンマ大学,Gamma University,GU|ガンマ,doc-3\n")
    write(tmp_path, "e_relations.csv", "type,source,target,evidence_source,confidence\n"
          "partner_of,org:gamma,org:beta,doc-3,0.7\n")
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [yaml_file, json_file, tmp_path / "c_sources.csv", tmp_path / "d_entities.csv",
                           tmp_path / "e_relations.csv"])
        assert [e.id for e in store.resolve("ACME")] == ["org:acme"]
        assert [e.id for e in store.resolve("ガンマ")] == ["org:gamma"]
        (rel,) = store.neighbours("org:beta", types=["partner_of"])
        assert rel.relation.confidence == 0.7
        assert store.check() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace("kind: company", "kind: bank"), r"line 7, entities\[1\] \(org:acme\): .*unknown organisation kind 'bank'"),
        (GOOD.replace("valid_from: 2021-02", "valid_from: 2021-14"), r"line 14, relations\[0\] \(visited\), field 'valid_from'.*month 14"),
        (GOOD.replace("type: visited", "type: befriended"), r"unknown relation type 'befriended'"),
        (GOOD.replace("abbreviations", "abbrevs"), r"field 'abbrevs': Extra inputs are not permitted"),
        (GOOD + "  - {type: visited source: x}\n", r"line \d+, column \d+: not valid YAML"),
        (GOOD.replace("kizuna: 1", "kizuna: 2"), "unsupported format version 2"),
    ],
)
def test_errors_name_file_record_and_field(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with EmbeddedStore(tmp_path / "x.sqlite") as store, pytest.raises(InvalidFile, match=expected) as info:
        load_files(store, [path])
    assert str(path) in info.value.message


def test_bad_record_rejects_whole_file_and_keeps_store(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", GOOD.replace("doc-1", "doc-9").replace("org:acme", "org:other")
                .replace("target: place:jp, valid", "target: place:nowhere, valid"))
    with EmbeddedStore(tmp_path / "s.sqlite") as store:
        load_files(store, [good])
        before = store.export().model_dump()
        with pytest.raises(Exception, match="unknown entity 'place:nowhere'"):
            load_files(store, [bad])
        assert store.export().model_dump() == before
        assert store.get_entity("org:other") is None


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidFile, match="unsupported file type '.txt'"):
        read_fact_file(write(tmp_path, "a.txt", "x"))
    with pytest.raises(InvalidFile, match="no such file"):
        read_fact_file(tmp_path / "missing.yaml")
    with pytest.raises(InvalidFile, match="cannot tell what the CSV holds"):
        read_fact_file(write(tmp_path, "a.csv", "foo,bar\n1,2\n"))


def test_a_bad_record_in_a_bulk_loaded_file_is_named_as_in_a_plain_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file is written inside a bulk load, whose one pass for new records hands a bad record to the
    merging path: the message names the same file, line and record as a small file's."""
    import graph.embedded

    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", GOOD.replace("doc-1", "doc-9").replace("org:acme", "org:other")
                .replace("target: place:jp, valid", "target: place:nowhere, valid"))
    tried: list[bool] = []
    one_pass = EmbeddedStore._write_new

    def spy(self: EmbeddedStore, batch: object) -> object:
        result = one_pass(self, batch)  # type: ignore[arg-type]
        tried.append(result is not None)
        return result

    monkeypatch.setattr(EmbeddedStore, "_write_new", spy)
    messages = []
    for threshold in (graph.embedded.BULK_THRESHOLD, 1):  # 1: every load is a bulk load
        monkeypatch.setattr(graph.embedded, "BULK_THRESHOLD", threshold)
        with EmbeddedStore(tmp_path / f"s{threshold}.sqlite") as store:
            load_files(store, [good])
            before = store.export().model_dump()
            with pytest.raises(InvalidFile) as info:
                load_files(store, [bad])
            assert store.export().model_dump() == before
        messages.append(info.value.message)
    assert tried == [True, False]  # in the bulk load: the good file took the one pass, the bad one did not
    assert messages[0] == messages[1]
    assert str(bad) in messages[1] and "unknown entity 'place:nowhere'" in messages[1] and "\n" not in messages[1]
