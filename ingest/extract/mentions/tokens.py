"""Readings of the parse the stages share: name-like token runs, the tokens under a span, and the
tagger's word-level judgements (a common noun, a name before a post) that overrule a pattern."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.lexicon import HONORIFICS, TITLES
from ingest.extract.mentions.patterns import _NAME_POS, _NOT_NAME_SUFFIXES, _POST_JOIN, _PUNCT_OK
from ingest.extract.mentions.words import _is_title


def _split_at_posts(text: str, tokens: list[Any], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """「A協力センター専務理事・B商工会議所」: a post and ・ between two bodies (one person's two
    affiliations) end the first body's name; the second starts after the ・."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        s, e = tokens[a].idx, tokens[b - 1].idx + len(tokens[b - 1].text)
        join = _POST_JOIN.search(text, s, e + 8)  # the post may run on past the run: 「…センター専務」+「理事・」
        starts = {tok.idx: i for i, tok in enumerate(tokens[a:b], a)}
        post = starts.get(join.start()) if join and join.start() < e else None
        if join is None or post is None:
            out.append((a, b))
            continue
        if post > a:
            out.append((a, post))
        dot = starts.get(join.end() - 1)
        if dot is not None and dot + 1 < b:
            out.append((dot + 1, b))
    return out


def _noun_runs(doc: Any, tokens: list[Any] | None = None) -> list[tuple[int, int]]:
    """Token index ranges of name-like runs (nouns, proper nouns, ・ joins, Latin)."""
    runs: list[tuple[int, int]] = []
    start = None
    tokens = tokens if tokens is not None else list(doc)
    for i, tok in enumerate(tokens):
        text = tok.text
        if text.isspace() or tok.tag_.startswith(("空白", "代名詞")):
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        if start is None and (tok.tag_.startswith("接尾辞") or text in _PUNCT_OK or tok.pos_ == "NUM"):
            continue
        if text in _NOT_NAME_SUFFIXES:  # 「X財団とも協力」: とも is a particle the tagger calls a suffix
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        ok = (
            tok.pos_ in _NAME_POS
            or tok.tag_.startswith(("接頭辞", "接尾辞-名詞", "名詞-固有名詞"))
            or (tok.tag_.startswith("名詞-普通名詞") and re.fullmatch(r"[\u30a1-\u30fa\u30fc]{2,}", text) is not None)
            or (
                text in _PUNCT_OK
                and start is not None
                and i + 1 < len(tokens)
                and (tokens[i + 1].pos_ in _NAME_POS or tokens[i + 1].tag_.startswith("名詞-固有名詞"))
            )
            or (text.isascii() and text.isalnum())
        )
        if ok and start is not None and i > 0 and tokens[i - 1].whitespace_:
            prev = tokens[i - 1].text
            if not (prev.isascii() and prev.isalpha() and (text.isascii() or re.match(r"[\u30a1-\u30fa]", text))):
                runs.append((start, i))
                start = None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        ends_here = nxt is None or bool(tok.whitespace_) or nxt.pos_ not in _NAME_POS or "人名" in nxt.tag_
        if ok and _is_title(text) and start is not None and ends_here:
            runs.append((start, i))
            start = None
            continue
        if ok:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(tokens)))
    return runs


def _proper(doc: Any, a: int, b: int, places: list[tuple[int, int]]) -> bool:
    """A run names something specific: a proper noun, Latin letters, a known place or quotes."""
    for tok in doc[a:b]:
        if "固有名詞" in tok.tag_ or re.search(r"[A-Za-z]", tok.text):
            return True
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return any(ps >= s and pe <= e for ps, pe in places)


def _common_word(doc: Any, start: int, end: int, person: bool = False) -> bool:
    """A kanji name the tagger reads as one common noun, with no entity label, is a word here
    (for a person, whatever the entity recogniser says: it names no one)."""
    span = doc.char_span(start, end)
    toks = list(span) if span is not None else []
    return (
        len(toks) == 1
        and re.fullmatch(r"[\u4e00-\u9fff]+", toks[0].text) is not None
        and "普通名詞" in toks[0].tag_
        and (person or not toks[0].ent_type_)
    )


def _post_fragment(doc: Any, j: int, i: int, text: str, end: int) -> bool:
    """「久元市長」, 「和成副市長」: a name (tagged 人名) or 副 before the post 市長 is no place."""
    if text[end : end + 1] != "長":
        return False
    return any(t.text == "副" for t in doc[j : i + 1]) or all("人名" in t.tag_ for t in doc[j:i] if t.text)


def _after_full_name(tokens: list[Any], a: int, b: int) -> int:
    """Where a name run starts after a person's full name in it (family then given name, tagged so):
    「山根常正山陰インド協会会長」 names a person, then the body they head."""
    for i in range(b - 2, a, -1):
        if "人名-名" in tokens[i].tag_ and "人名-姓" in tokens[i - 1].tag_:
            return i + 1
    return a


def _tokens_at(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens a character span touches, widened to whole tokens (none if it leaves the Doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _person_ok(doc: Any, ent: Any, text: str, e: int) -> bool:
    """GiNZA persons need a person-name tag or a following honorific/title."""
    after = text[e : e + 6].lstrip()
    if after.startswith(HONORIFICS) or after.startswith(TITLES):
        return True
    tags = [t.tag_ for t in ent]
    return all("人名" in t for t in tags if t.startswith("名詞")) and any("人名" in t for t in tags)

