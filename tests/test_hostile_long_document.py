"""A document longer than the tokenizer accepts (~49 KB) is parsed in pieces and
its evidence spans still point into the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.limits import PARSE_PIECE_BYTES
from ingest.extract.documents import read_document
from ingest.extract.pipeline import pieces

FILLER = "この段落は長い文書を作るための説明文であり、特定の組織や地域の名前を含まない。\n"
FACT = "2024年6月1日、神奈川県と遼寧省は医療機器分野での協力に関する覚書を締結した。\n"


def _ginza() -> bool:
    try:
        import spacy

        spacy.util.get_package_path("ja_ginza")
    except Exception:
        return False
    return True


@pytest.mark.parametrize("text", ["a" * 100_000, "あ" * 50_000, FILLER * 2_000, "😀" * 30_000, "", "x"])
def test_pieces_rebuild_the_text_within_the_limit(text: str) -> None:
    parts = pieces(text)
    assert "".join(parts) == text
    assert all(len(p.encode("utf-8")) <= PARSE_PIECE_BYTES for p in parts)


def test_pieces_end_at_sentence_ends_when_there_are_some() -> None:
    parts = pieces(FILLER * 2_000)
    assert len(parts) > 1 and all(p.endswith("\n") for p in parts)


@pytest.mark.slow
@pytest.mark.skipif(not _ginza(), reason="GiNZA (the nlp extra) is not installed")
def test_a_long_document_is_extracted_and_its_spans_point_into_it(tmp_path: Path) -> None:
    from ingest.extract.pipeline import extract_paths

    path = tmp_path / "long-report.txt"
    path.write_text("# 長い報告書\n\n" + FILLER * 1_000 + FACT, encoding="utf-8")
    assert path.stat().st_size > 100_000
    (result,) = extract_paths([path])
    assert result.error is None, result.error
    assert result.facts is not None
    text = read_document(path).text
    spans = [ev for rel in result.facts["relations"] for ev in rel.get("evidence", [])
             if isinstance(ev, dict) and ev.get("locator", "").startswith("chars ")]
    assert spans, result.facts["relations"]
    for ev in spans:
        start, end = (int(x) for x in ev["locator"].removeprefix("chars ").split("-"))
        assert start > 90_000 // 3  # the fact sits after the first pieces
        assert text[start:end] in FACT and text[start:end]
