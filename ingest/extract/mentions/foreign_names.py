"""Foreign names by pattern: a katakana name joined by ・ before 氏 or a post (a place at its end split off),
one katakana word before a post, a name after a post in a signatory list, Latin names with Dr./Prof. or 氏."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.gazetteer import Gazetteer
from ingest.extract.mentions.model import ORG, PERSON, PLACE, Context, Mention, _org_kind, _place_kind
from ingest.extract.mentions.patterns import (
    _KANJI,
    _KATAKANA_BEFORE_POST,
    _LATIN_PERSON,
    _NAME_AFTER_POST,
    _PERSON_KATAKANA,
    _PLACE_CHARS,
    _TITLE_PERSON,
)
from ingest.extract.mentions.tokens import _tokens_at


def _katakana_before_post(ctx: Context) -> None:
    """「ケビン・メセベルー観光局長」: a foreign name, then the field of the post; the name and the field
    are kept in ``ctx.posted`` so that no body claims them."""
    text, doc = ctx.text, ctx.doc
    for m in _KATAKANA_BEFORE_POST.finditer(text):
        # 「ケビン・メセベルー観光局長」, 「ソムチャイ・ウォン工業大臣」: a foreign name (its first part tagged as a
        # person's name), then the field of the post; a body's name before a post starts with an ordinary word
        first = _tokens_at(doc, m.start(1), m.start(1) + len(m.group(1).split("・")[0]))
        if first and "人名" in first[0].tag_ and m.group(2)[0] not in (*_PLACE_CHARS, "社"):
            ctx.candidates.append(Mention(m.start(1), m.end(1), m.group(1), PERSON, None, "pattern", confidence=0.75))
            ctx.posted.append((m.start(1), m.end(2)))


def _names_after_post(ctx: Context) -> None:
    """「…州議長 ダミアン・アラリ」: a signatory list gives the post, then the name."""
    text = ctx.text
    for m in _NAME_AFTER_POST.finditer(text):
        ctx.candidates.append(Mention(m.start(1), m.end(1), m.group(1), PERSON, None, "pattern", confidence=0.7))


def _katakana_persons(ctx: Context) -> None:
    """Katakana names joined by ・ before 氏 or a post — unless a place's head or a body's name; a place
    at the name's end (「…・クイーンズランド州首相」) is split off."""
    text, doc, gaz = ctx.text, ctx.doc, ctx.gaz
    for m in _PERSON_KATAKANA.finditer(text):
        name = re.sub(r"・\s+", "・", m.group(1))
        if text.startswith("州", m.end(1)) and re.search(re.escape(name) + r"州(?!知事|首相)", text):
            continue  # 「X州知事」 where X州 is named elsewhere: the governor of a place, not a person X
        kind = _org_kind(name)
        if kind is not None and name.rsplit("・", 1)[-1] != name:
            # 「デンマーク・デザインセンター所長」: a body's name before its head's post, not a person
            ctx.candidates.append(Mention(m.start(1), m.end(1), name, ORG, kind, "pattern", confidence=0.7))
            continue
        end = m.end(1)
        place = _place_in_name(doc, text, name, end, gaz)
        if place is not None:
            # 「アナ・パラシェ・クイーンズランド州首相」: the name's last part and the post's ending are the place
            ctx.candidates.append(place)
            name, end = name.rsplit("・", 1)[0], m.start(1) + m.group(1).rindex("・")
        ctx.candidates.append(Mention(m.start(1), end, name, PERSON, None, "pattern", confidence=0.8))


def _titled_persons(ctx: Context) -> None:
    """One katakana word before a post (「マクロン大統領」), unless the head of a place (「ソウル市長」)."""
    text, gaz = ctx.text, ctx.gaz
    for m in _TITLE_PERSON.finditer(text):
        head = text.startswith(("知事", "市長"), m.end(1))
        if head and (((e := gaz.lookup(m.group(1))) is not None and e.type is PLACE) or m.group(1) + "市" in text):
            continue  # 「ソウル市長」: the head of a place, not a person ソウル
        if len(m.group(1)) >= 3:
            start = _family_name_before(ctx.doc, m.start(1))
            name = text[start : m.end(1)]
            ctx.candidates.append(Mention(start, m.end(1), name, PERSON, None, "pattern", confidence=0.7))


def _family_name_before(doc: Any, start: int) -> int:
    """「玉城デニー知事」: a kanji family name (tagged 人名-姓) right before a katakana given name is the
    name's start."""
    toks = _tokens_at(doc, start, start + 1)
    if toks and toks[0].idx == start and toks[0].i > 0:
        prev = doc[toks[0].i - 1]
        if "人名-姓" in prev.tag_ and prev.idx + len(prev.text) == start and re.fullmatch(rf"[{_KANJI}々]+", prev.text):
            return int(prev.idx)
    return start


def _latin_persons(ctx: Context) -> None:
    """Latin names after Dr./Prof. or before 博士, 教授, 氏 or a post."""
    text = ctx.text
    for m in _LATIN_PERSON.finditer(text):
        g = 1 if m.group(1) else 2
        ctx.candidates.append(Mention(m.start(g), m.end(g), m.group(g), PERSON, None, "pattern", confidence=0.65))


def _place_in_name(doc: Any, text: str, name: str, end: int, gaz: Gazetteer) -> Mention | None:
    """The place at the end of 「P・X市長」: X and the post's first character (市, 州, 県 …) name a place
    the gazetteer knows, the tagger reads as a place name, or the page names without a post after it."""
    unit = text[end : end + 1]
    if "・" not in name or unit not in _PLACE_CHARS:
        return None
    tail = name.rsplit("・", 1)[1]
    place = tail + unit
    entry = next((x for x in (gaz.lookup(place), gaz.lookup(tail)) if x is not None and x.type is PLACE), None)
    start = end - len(tail)
    tagged = any("地名" in t.tag_ for t in _tokens_at(doc, start, end))
    if entry is None and not tagged and not re.search(re.escape(place) + r"(?!長|知事|首相|議長)", text):
        return None
    kind = entry.kind if entry is not None else _place_kind(place)
    return Mention(start, end + 1, place, PLACE, kind, "gazetteer" if entry else "suffix", entry, confidence=0.8)
