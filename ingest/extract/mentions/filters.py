"""The last passes over the candidates: a body's name that names something held is an event;
descriptions, credits, bylines, mascots and a name cut from a post are dropped; and what was dropped
or kept settles which bodies' offices and chapters are named."""

from __future__ import annotations

import re

from graph.model import EntityType, PlaceKind
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.lexicon import ORG_SUFFIXES, TITLES
from ingest.extract.mentions.model import (
    EVENT,
    ORG,
    PERSON,
    PLACE,
    Context,
    Mention,
    _event_kind,
    _org_kind,
    _place_kind,
)
from ingest.extract.mentions.patterns import _CREDIT, _GENERIC, _HELD_ONLY, _KIND_WORDS, _OFFICE_END


def held_not_bodies(ctx: Context) -> None:
    """「…世界園芸博覧会」: a name ending in a word for something held is held, not a body."""
    for c in ctx.candidates:
        if c.type is ORG and c.entry is None and c.text.endswith(_HELD_ONLY) and len(c.text) > 4:
            c.type, c.kind = EVENT, _event_kind(c.text)


def lists_not_bodies(ctx: Context) -> None:
    """「熊本県・熊本大学・X大学が連携」: names joined by ・, each a complete place or body (its ending
    and more), list the parties of a headline; the run is no body of its own. Its items are named
    instead (a country before ・ only says where the next name is, and is left to the stages before)."""
    known = {(c.start, c.end) for c in ctx.candidates}
    places = {(c.start, c.end) for c in ctx.candidates if c.type is PLACE and c.kind != PlaceKind.COUNTRY.value}
    kept: list[Mention] = []
    added: list[Mention] = []
    for c in ctx.candidates:
        items = _listed_items(c, places) if c.type is ORG and c.entry is None and "・" in c.text else None
        if items is None:
            kept.append(c)
            continue
        for start, end, kind, type_ in items:
            if (start, end) not in known:
                known.add((start, end))
                text = ctx.text[start:end]
                added.append(Mention(start, end, text, type_, kind, "suffix", confidence=0.7))
    ctx.candidates = kept + added


def _listed_items(
    c: Mention, places: set[tuple[int, int]]
) -> list[tuple[int, int, str | None, EntityType]] | None:
    """The items of a ・-list of complete names (places first, then a body's ending), or None."""
    items: list[tuple[int, int, str | None, EntityType]] = []
    at = c.start
    for piece in c.text.split("・"):
        end = at + len(piece)
        place = (at, end) in places or (_place_kind(piece) is not None and _org_kind(piece) is None)
        kind = None if place else _org_kind(piece)
        if len(piece) < 3 or piece in _GENERIC or (not place and kind is None):
            return None
        items.append((at, end, _place_kind(piece) if place else kind, PLACE if place else ORG))
        at = end + 1
    return items if len(items) >= 2 else None


def drop_non_names(ctx: Context) -> None:
    """Candidates that name no one who takes part: a kind word before a quoted name, a description,
    a credit, a byline or a mascot, and a person's name run into the field of their post."""
    text, candidates = ctx.text, ctx.candidates
    # 「…・クラスター「X」」, 「ビジネスコミュニティ「X」」: the words before a quoted name say what X is.
    quoted_starts = {c.start for c in candidates if c.type in (ORG, EVENT)}
    candidates = [
        c for c in candidates
        if not (c.type is ORG and c.end + 1 in quoted_starts and text[c.end : c.end + 1] == "「"
                and c.text.endswith(_KIND_WORDS))
    ]
    # 「シンガポール政府機関」, 「台湾の関係団体」: a place and a kind of body describe bodies, they name none.
    candidates = [c for c in candidates if not (c.type is ORG and _described(c.text, ctx.gaz))]
    # 「州立大学」, 「県立病院」: who runs a kind of body, with no name of it
    candidates = [c for c in candidates if not (c.type is ORG and _run_by_whom(c.text))]
    # A credit (「(写真:X/Y通信社)」, 「(編集:X)」) names who made the page, not who took part in anything.
    credits = [(c.start(), c.end()) for c in _CREDIT.finditer(text)]
    candidates = [c for c in candidates if not any(cs <= c.start < ce for cs, ce in credits)]
    candidates = [c for c in candidates if not (c.type is PERSON and _not_a_participant(text, c.start, c.end))]
    candidates = _surnames_not_places(candidates, text)
    # the name and the post's field are no body (ソムチャイ・ウォン工業 of 「…工業大臣」)
    posted_starts = {ps for ps, _pe in ctx.posted}  # 「…観光局長」: nor the name and the post's unit
    ctx.candidates = [c for c in candidates if not (c.type is ORG and c.entry is None and c.start in posted_starts)]


_DESCRIPTIONS = (
    "政府機関", "政府系機関", "関係機関", "支援機関", "行政機関", "研究機関", "医療機関", "金融機関", "教育機関",
    "関係団体", "経済団体", "業界団体", "企業", "政府関係者",
)


def _described(name: str, gaz: Gazetteer) -> bool:
    """A kind of body after nothing or after a known place only (「政府機関」, 「台湾の関係団体」): a description."""
    for word in _DESCRIPTIONS:
        if name.endswith(word):
            stem = name[: -len(word)].rstrip("の")
            entry = gaz.lookup(stem) if stem else None
            return not stem or (entry is not None and entry.type is PLACE)
    return False


def _surnames_not_places(candidates: list[Mention], text: str) -> list[Mention]:
    """「山口祥義知事 … (写真左から)山口知事」: a place's name before a post, where the page names a person whose
    name starts with it, is that person's family name, not the place."""
    persons = [c.text for c in candidates if c.type is PERSON]
    if not persons:
        return candidates
    return [
        c for c in candidates
        if not (
            c.type is PLACE
            and text.startswith(TITLES, c.end)
            and any(p.startswith(c.text) and len(p) > len(c.text) for p in persons)
        )
    ]


def _run_by_whom(name: str) -> bool:
    """A kind of body after only the word for who runs it (州立, 県立, 国立, 私立 …) names none."""
    return bool(re.fullmatch(r"[州県市府都道国公私町村区]立", name[:2])) and any(
        name[2:] == suffix for suffix, _kind in ORG_SUFFIXES
    )


def _not_a_name(c: Mention, text: str) -> bool:
    """A reading in brackets (後藤三男(ごとう・みつお)) is no person; a prize (ノーベル賞) is no body."""
    if c.type is PERSON and re.fullmatch(r"[\u3041-\u309f・ー\s]+", c.text):
        opened = text.rfind("(", 0, c.start)
        return opened >= 0 and text.find(")", opened) >= c.end
    return c.type is ORG and c.text.endswith(("賞", "アワード"))


# A byline (「…と述べた。【山田太郎】」) and a character's name in quotes (「しのぶ」, 「みえ太郎さん」).
_BYLINE = re.compile(r"【\s*(?P<n>[^【】\s]{2,12})\s*】")
_QUOTED_NICKNAME = re.compile(r"「(?P<n>[^「」、。\s]{1,12}?)(?:さん|くん|君|ちゃん)?」")


def _not_a_participant(text: str, start: int, end: int) -> bool:
    """A name that is a whole byline in 【】 names the writer; a name that is a whole quote, or a
    quote's end before さん/くん/ちゃん, names a mascot or a character: neither takes part in anything."""
    open_at = text.rfind("【", max(0, start - 2), start + 1)
    byline = _BYLINE.match(text, open_at) if open_at >= 0 else None
    if byline and byline.start("n") == start and byline.end("n") == end:
        return True
    quote_at = text.rfind("「", max(0, start - 12), start + 1)
    quoted = _QUOTED_NICKNAME.match(text, quote_at) if quote_at >= 0 else None
    return bool(quoted and quoted.end("n") == end and start >= quoted.start("n"))


def offices_and_chapters(ctx: Context) -> None:
    """Units named by running a name into a body's: an office in a city, a chapter with its abbreviation."""
    ctx.candidates += _offices(ctx.candidates, ctx.text)
    ctx.candidates += _chapters(ctx.candidates, ctx.text)


def _offices(candidates: list[Mention], text: str) -> list[Mention]:
    """「ジェトロ名古屋は」, 「JETROパリが」: a known body's name run into a city's names its office
    there, a unit of the body."""
    cities = {c.start: c for c in candidates if c.type is PLACE and c.kind == PlaceKind.CITY.value}
    out = []
    for c in candidates:
        city = cities.get(c.end) if c.type is ORG and c.entry is not None else None
        if city is not None and _OFFICE_END.match(text, city.end):
            name = c.text + city.text
            out.append(Mention(c.start, city.end, name, ORG, c.kind, "pattern", confidence=0.75, parent_start=c.start))
    return out


_CHAPTER = re.compile(r"([\u30a1-\u30fa\u30fc]{2,10})(?=\s?\([A-Z][A-Za-z&]{1,9}\))")


def _chapters(candidates: list[Mention], text: str) -> list[Mention]:
    """「印日商工会ケララ(INJACK)」: a body's name, a katakana name run into it and an abbreviation in
    brackets: the abbreviation stands for the whole, which is the body's name (a chapter's, a branch's)."""
    out = []
    for c in candidates:
        tail = _CHAPTER.match(text, c.end) if c.type is ORG and _org_kind(c.text) else None
        if tail is not None:
            out.append(Mention(c.start, tail.end(), c.text + tail.group(1), ORG, c.kind, "pattern", confidence=0.7))
    return out

