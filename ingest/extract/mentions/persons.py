"""Stage 3: persons by pattern — a family name the tagger marks and its given name, a kanji name before a
post or 氏, a name after a post and a colon; foreign names (katakana, Latin) by the patterns of
``foreign_names``."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.lexicon import HONORIFICS, TITLES
from ingest.extract.mentions.foreign_names import (
    _katakana_before_post,
    _katakana_persons,
    _latin_persons,
    _names_after_post,
    _titled_persons,
    latin_bodies_before_persons,
)
from ingest.extract.mentions.model import PERSON, PLACE, Context, Mention
from ingest.extract.mentions.patterns import (
    _KANJI,
    _KANJI_PERSON,
    _NAME_STOP,
    _NOT_A_NAME_END,
    _NOT_SURNAME,
    _PLACE_CHARS,
    _POST_COLON_NAME,
    _POSTED_NAME,
    _PROGRAMME_ITEMS,
    _READING,
)
from ingest.extract.mentions.tokens import _tokens_at


def persons_by_pattern(ctx: Context) -> None:
    """The person patterns, in their order of trust for the final selection's ties."""
    ctx.candidates += _tagged_persons(ctx.doc, ctx.text, {ps for ps, _pe in ctx.place_spans}, ctx.tokens)
    _family_names_read_as_places(ctx)
    ctx.candidates += _posted_names(ctx.doc, ctx.text)
    _colon_names(ctx)
    _katakana_before_post(ctx)
    _names_after_post(ctx)
    _katakana_persons(ctx)
    _titled_persons(ctx)
    _latin_persons(ctx)
    latin_bodies_before_persons(ctx)
    _dictionary_names(ctx)


def _dictionary_names(ctx: Context) -> None:
    """「石破茂首相」: a full name the dictionary knows as one word (tagged 人名-一般), then a post or an
    honorific, is a person even where the entity recogniser takes name and post for one position."""
    for i, tok in enumerate(ctx.tokens[:-1]):
        if "人名-一般" not in tok.tag_ or not re.fullmatch(rf"[{_KANJI}々]{{3,5}}", tok.text):
            continue
        after = ctx.tokens[i + 1].text
        if after in TITLES or after.startswith(HONORIFICS):
            ctx.candidates.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, PERSON, None, "pattern",
                                          confidence=0.65))


def kanji_persons(ctx: Context) -> None:
    """Kanji names before 氏 that GiNZA missed (「党部書記の厳衛群氏」), without a post or a programme's item
    before them."""
    text = ctx.text
    for m in _KANJI_PERSON.finditer(text):
        name, start = m.group(1), m.start(1)
        if " " in name:
            first, rest = name.split(" ", 1)
            # a post (「理事長 山田太郎氏」) or a programme's item (「基調講演 山田太郎氏」) before the name
            if first in TITLES or first.endswith(("長", "官", "員", "者", "役", *_PROGRAMME_ITEMS)):
                name, start = rest, start + len(first) + 1
        if name[0] not in "同両各本当貴" and name not in TITLES:
            ctx.candidates.append(Mention(start, start + len(name), name, PERSON, None, "pattern", confidence=0.6))


def _family_names_read_as_places(ctx: Context) -> None:
    """A family name and a given name the tagger marks so, run together (「大分県知事 佐藤樹一郎」, past the four
    characters the tagged-name pattern takes); a family name that is also a place's name (長崎, 千葉) with a post
    or 氏 after the name (「山梨県の長崎幸太郎知事」) is the person's, not the place."""
    posts = r"\s?(?:" + "|".join((*TITLES, *HONORIFICS)) + ")"
    starts = {ps for ps, _pe in ctx.place_spans}
    toks = ctx.tokens
    for i, tok in enumerate(toks[:-1]):
        if "人名-姓" not in tok.tag_ or not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", tok.text):
            continue
        given = toks[i + 1]
        end = given.idx + len(given.text)
        if (
            "人名-名" not in given.tag_
            or given.idx != tok.idx + len(tok.text)
            or not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", given.text)
            or (given.text[-1] in _PLACE_CHARS and ctx.text.startswith("長", end))  # 「村上|修市|長」
        ):
            continue
        if tok.idx in starts:
            if not (re.match(posts, ctx.text[end : end + 12]) or _place_then_post(ctx, end, posts)):
                continue
            ctx.candidates = [c for c in ctx.candidates if not (c.type is PLACE and c.start == tok.idx and c.end < end)]
        name = ctx.text[tok.idx : end]
        ctx.candidates.append(Mention(tok.idx, end, name, PERSON, None, "pattern", confidence=0.65))


def _place_then_post(ctx: Context, end: int, posts: str) -> bool:
    """「長崎幸太郎山梨県知事」: the name, then the place the post is of (a place found there), then the post."""
    place = next((pe for ps, pe in ctx.place_spans if ps == end), None)
    if place is None:
        return False
    unit = 1 if ctx.text[place : place + 1] in _PLACE_CHARS else 0
    return re.match(posts, ctx.text[place + unit : place + 12]) is not None


def _colon_names(ctx: Context) -> None:
    """「X大学(学長:受田浩之)」, 「団長:山田太郎」: a post, a colon, then the holder's name."""
    text, doc = ctx.text, ctx.doc
    for m in _POST_COLON_NAME.finditer(text):
        toks = _tokens_at(doc, m.start("n"), m.end("n"))
        if toks and (any("人名" in t.tag_ for t in toks) or "・" in m.group("n")):
            ctx.candidates.append(Mention(m.start("n"), m.end("n"), m.group("n"), PERSON, None, "pattern",
                                          confidence=0.7))


def _tagged_persons(doc: Any, text: str, place_starts: set[int], tokens: list[Any] | None = None) -> list[Mention]:
    """Family name (tagged 人名-姓) and given name: 三村申吾, 黄健庭, 郭 永平 — GiNZA's tagger
    finds these where its entity recogniser cuts or misses them. The given name is the kanji
    tokens that follow, up to a post, a place, a mark or four characters in all."""
    found: list[Mention] = []
    tokens = tokens if tokens is not None else list(doc)
    for i, tok in enumerate(tokens):
        if "人名-姓" not in tok.tag_ or not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", tok.text):
            continue
        end, size, j = tok.idx + len(tok.text), len(tok.text), i + 1
        if j < len(tokens) and tokens[j].text.isspace():
            j += 1
        while j < len(tokens):
            nxt = tokens[j]
            if _given_end_in_post(nxt, text, size):  # 「盧|秀|燕市|長」: 燕 ends the name, 市長 is the post
                end, size, j = nxt.idx + 1, size + 1, len(tokens)
                break
            if (
                not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", nxt.text)
                or size + len(nxt.text) > 4
                or nxt.text.startswith(_NAME_STOP)
                or nxt.text in TITLES
                or nxt.text.startswith(HONORIFICS)
                or (size > len(tok.text) and text[end : nxt.idx].strip() == "" and nxt.idx > end)
                or nxt.text.endswith(TITLES)
                or (len(nxt.text) >= 2 and nxt.text[-1] in "長官")
                or (nxt.text[-1] in _PLACE_CHARS and text.startswith("長", nxt.idx + len(nxt.text)))
                or nxt.idx in place_starts
                or ("人名" not in nxt.tag_ and "名詞" not in nxt.tag_)
                or nxt.tag_.startswith("接尾辞")  # 五大 + 湖: a suffix makes a word (a lake), no given name
            ):
                break
            end, size, j = nxt.idx + len(nxt.text), size + len(nxt.text), j + 1
        start = tok.idx
        reading = _READING.match(text, start)
        if reading:  # 「五月女裕久彦(そうとめ・ゆきひこ)」: the reading after it marks where the name ends
            end, size = reading.end(1), len(reading.group(1))
        if size > len(tok.text) and not (j < len(tokens) and tokens[j].text in _PLACE_CHARS and not reading):
            found.append(Mention(start, end, text[start:end], PERSON, None, "pattern", confidence=0.65))
    return found


def _given_end_in_post(tok: Any, text: str, size: int) -> bool:
    """A given name's last kanji run together with the place ending of a head's post (市長, 町長) into one
    word the tagger reads as a place: 「盧秀燕市長」 cut 「盧|秀|燕市|長」."""
    return (
        size >= 2
        and len(tok.text) == 2
        and tok.text[0] not in _PLACE_CHARS
        and tok.text[1] in "市町村区"
        and "地名" in tok.tag_
        and text.startswith("長", tok.idx + 2)
        and re.fullmatch(rf"[{_KANJI}]", tok.text[0]) is not None
    )


def _posted_names(doc: Any, text: str) -> list[Mention]:
    """Names before a post that are no dictionary word (a single common noun such as 筆頭 or 常務
    is a qualifier of the post) and no place."""
    found: list[Mention] = []
    for m in _POSTED_NAME.finditer(text):
        name, start, end = m.group("n"), m.start("n"), m.end("n")
        if name[0] in _NOT_SURNAME or name[0] in "第党常筆" or name[-1] in _NOT_A_NAME_END:
            continue
        toks = _tokens_at(doc, start, end)
        if not toks or toks[0].idx != start or any("地名" in t.tag_ or "数詞" in t.tag_ for t in toks):
            continue
        if len(toks) == 1 and "人名" not in toks[0].tag_:
            continue  # one ordinary word: 筆頭副市長, 常務理事長
        found.append(Mention(start, end, name, PERSON, None, "pattern", confidence=0.6))
    return found

