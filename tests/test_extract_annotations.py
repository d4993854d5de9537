"""The corpus annotations hold together, and annotation scoring counts what it says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from graph.errors import InvalidFile
from ingest.extract.annotations import read_annotations, score_document
from ingest.format import parse_fact_file, to_batch

ANNOTATIONS = Path(__file__).parent / "fixtures" / "corpus"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUOTE_LIMIT = 40  # evidence quotes are short spans, not copied sentences


@pytest.mark.parametrize("split", ["dev", "held-out"])
def test_every_page_of_the_split_is_annotated_and_every_quote_is_in_its_page(split: str) -> None:
    if not (CORPUS / "index.tsv").is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    annotations = read_annotations(ANNOTATIONS / f"{split}.yaml")
    with (CORPUS / "index.tsv").open(encoding="utf-8") as fh:
        pages = {row["file"] for row in csv.DictReader(fh, delimiter="\t") if row["split"] == split}
    assert set(annotations.files()) == pages
    files = {s.id: s.file for s in annotations.facts.sources}
    texts = {sid: (CORPUS / "docs" / str(f)).read_text(encoding="utf-8") for sid, f in files.items()}
    for relation in annotations.facts.relations:
        assert isinstance(relation.evidence, list), relation
        for ev in relation.evidence:
            assert ev.quote, relation
            assert len(ev.quote) <= QUOTE_LIMIT, ev.quote
            assert ev.quote in texts[ev.source], (ev.source, ev.quote)
    for file_name in annotations.files():
        assert annotations.batch_for(file_name).entities, file_name


def _batch(entities: list[dict[str, object]], relations: list[dict[str, object]]) -> object:
    return to_batch(
        parse_fact_file({"sources": [{"id": "d", "title": "a"}], "entities": entities, "relations": relations}, "t")
    )


def _annotation(tmp_path: Path) -> Path:
    data = {
        "sources": [{"id": "d", "title": "a", "file": "a.txt"}],
        "entities": [
            {"id": "place:a", "type": "place", "kind": "region", "name": {"ja": "甲県"}, "sources": ["d"]},
            {"id": "place:b", "type": "place", "kind": "region", "name": {"ja": "乙州"}, "sources": ["d"]},
            {
                "id": "place:c",
                "type": "place",
                "kind": "region",
                "name": {"ja": "丙市"},
                "must": False,
                "sources": ["d"],
            },
            {"id": "person:p", "type": "person", "name": {"ja": "山田太郎"}, "sources": ["d"]},
        ],
        "relations": [
            {"type": "works_for", "source": "person:p", "target": "place:a", "evidence": "d"},
            {"type": "visited", "source": "place:a", "target": "place:b", "evidence": "d"},
            {"type": "visited", "source": "place:a", "target": "place:c", "must": False, "evidence": "d"},
        ],
    }
    path = tmp_path / "ann.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_pairs_are_unlabelled_and_optional_facts_are_never_missed(tmp_path: Path) -> None:
    annotations = read_annotations(_annotation(tmp_path))
    gold = annotations.batch_for("a.txt")
    predicted = _batch(
        [
            {"id": "place:x", "type": "place", "kind": "region", "name": {"ja": "甲県"}},
            {"id": "place:y", "type": "place", "kind": "region", "name": {"ja": "乙州"}},
            {"id": "place:z", "type": "place", "kind": "region", "name": {"ja": "丁市"}},
        ],
        [
            {"type": "partner_of", "source": "place:y", "target": "place:x", "evidence": "d"},
            {"type": "visited", "source": "place:x", "target": "place:z", "evidence": "d"},
        ],
    )
    report = score_document(gold, predicted, annotations)  # type: ignore[arg-type]
    places = report.entities["place"]
    assert (places.tp, places.fp, places.fn, places.found) == (2, 1, 0, 2)  # 丙市 is optional: not missed
    assert report.entities["person"].fn == 1
    # partner_of between 甲県 and 乙州 finds the gold visited pair; the 丁市 pair is false.
    assert report.relations["visited"].tp == 1
    total = report.total(report.relations)
    assert (total.tp, total.fp, total.fn) == (1, 1, 1)
    assert total.recall == 0.5


def test_a_must_flag_that_is_not_a_boolean_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("entities:\n  - {id: place:a, type: place, name: {ja: 甲県}, must: maybe}\n", encoding="utf-8")
    with pytest.raises(InvalidFile, match=r"bad.yaml: entities\[0\]: 'must'"):
        read_annotations(path)


def test_an_annotation_that_is_not_yaml_is_named_in_one_line_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("entities:\n  - {id: place:a, type: place\n", encoding="utf-8")
    with pytest.raises(InvalidFile) as raised:
        read_annotations(path)
    message = str(raised.value.message)
    assert "broken.yaml: line 3, column 1: not valid YAML" in message
    assert "\n" not in message
