"""Stage 4: GiNZA's named entities, kept where the text bears them out: a person needs a name tag or a
post after it, a body a proper noun or a body's slot, a place a place's ending; spans are repaired first."""

from __future__ import annotations

import re
from typing import Any

from graph.model import OrganisationKind, PlaceKind
from ingest.extract.lexicon import HONORIFICS, LEGAL_PREFIXES, ORG_SUFFIXES, SECTOR_WORDS, TITLES
from ingest.extract.mentions.model import (
    EVENT,
    LABELS,
    ORG,
    PERSON,
    PLACE,
    Context,
    Mention,
    _event_kind,
    _org_kind,
    _place_kind,
)
from ingest.extract.mentions.patterns import (
    _BODY_SLOT_AFTER,
    _BODY_SLOT_BEFORE,
    _DEICTIC,
    _GENERIC,
    _GENERIC_EVENT,
    _GENERIC_PLACES,
    _KANJI,
    _NAME_REST,
    _NOT_SURNAME,
    _PLACE_CHARS,
    _REPORT_TAIL,
    _SCHOOLS,
    _VENUES,
)
from ingest.extract.mentions.tokens import _common_word, _person_ok, _tokens_at
from ingest.extract.mentions.words import _glued, _glued_katakana, _ministry, _person_span, _strip_legal


def ginza_entities(ctx: Context) -> None:
    """Each entity GiNZA labels with a type of ours, its span trimmed of a trailing blank (and, for an
    event, of a report's word), then judged by what kind of entity it is."""
    text, gaz = ctx.text, ctx.gaz
    for ent in ctx.doc.ents:
        mapped = LABELS.get(ent.label_)
        if not mapped:
            continue
        etype, kind = mapped
        s, e = ent.start_char, ent.end_char
        surface = text[s:e]
        if surface != surface.rstrip():  # the recogniser can run a title line into the blank after it
            e = s + len(surface.rstrip())
            surface = text[s:e]
        if etype is EVENT:
            # 「…視察ツアー報告」: a page's title names the event it reports on, not the report
            report = _REPORT_TAIL.search(surface)
            if report and report.start() >= 4:
                e = s + report.start()
                surface = text[s:e]
        if etype is PERSON or (etype is EVENT and _tagged_name_before_post(ctx, s, e)):
            _person(ctx, ent, s, e)
        elif etype is ORG:
            _body(ctx, ent, s, e, surface, kind)
        elif etype is PLACE and _ministry(surface, gaz):
            ctx.candidates.append(Mention(s, e, surface, ORG, OrganisationKind.GOVERNMENT_BODY.value, "ner",
                                          confidence=0.55))
        elif etype is PLACE:
            pk = _place_kind(surface)
            if re.fullmatch(r"[\u4e00-\u9fff]州", surface) and gaz.lookup(surface) is None:
                pk = None  # 欧州, 九州: no state
            if pk and len(surface) >= 2 and surface not in _GENERIC_PLACES and not surface.startswith(_DEICTIC):
                ctx.candidates.append(Mention(s, e, surface, PLACE, pk, "ner", confidence=0.55))
        elif etype is EVENT and re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", surface):
            # a CamelCase word tagged as an event is a body's brand (BusinessOulu, EnterEspoo)
            ctx.candidates.append(Mention(s, e, surface, ORG, OrganisationKind.OTHER.value, "ner", confidence=0.5))
        elif (
            etype is EVENT
            and len(surface) >= 4
            and " " not in surface
            and "の" not in surface
            and not any(t in surface for t in TITLES)
            and not surface.endswith(_VENUES)  # 「北九州国際会議場」: where something is held, not what is held
            and not (_event_kind(surface) is None and _has_case_particle(ctx.doc, s, e))
        ):
            ctx.candidates.append(Mention(s, e, surface, EVENT, _event_kind(surface) or kind, "ner", confidence=0.5))


def _tagged_name_before_post(ctx: Context, s: int, e: int) -> bool:
    """「ソムチャイ・ウォン校長」 labelled as an event: words the tagger marks as names, then a post."""
    toks = _tokens_at(ctx.doc, s, e)
    named = bool(toks) and all("人名" in t.tag_ or t.text == "・" for t in toks)
    return named and ctx.text.startswith(TITLES, e)


_FOREIGN_BEFORE_KANJI = re.compile(
    r"(?:(?:[A-Z]\.)+[\u30a1-\u30fa\u30fc]+|[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)+)(?=[\u4e00-\u9fff])"
)


def _has_case_particle(doc: Any, s: int, e: int) -> bool:
    """「フライブルク大学と協定」: a span with a case particle and no event's ending is a phrase, not a name."""
    return any(t.tag_.startswith("助詞-格助詞") for t in _tokens_at(doc, s, e))


def _names_a_body(text: str, e: int) -> bool:
    """A body's ending right after a person's name (no post first) makes the name part of the body's."""
    if text.startswith((*TITLES, *HONORIFICS), e):
        return False
    return any(len(suffix) >= 2 and text.startswith(suffix, e) for suffix, _kind in ORG_SUFFIXES)


def _person(ctx: Context, ent: Any, s: int, e: int) -> None:
    """A person entity without its title, lengthened over a kanji the dictionary lacks, kept if tagged
    as a name or followed by a post, and no common word or part of a katakana word."""
    text, doc = ctx.text, ctx.doc
    surface, s, e = _person_span(text, s, e)
    rest = _NAME_REST.match(text, e)
    if (
        rest and re.fullmatch(rf"[{_KANJI}々]+", surface) and len(surface) + len(rest.group(1)) <= 5
        and not set(rest.group(1)) & {*_NOT_SURNAME, *_PLACE_CHARS}
        and (
            all("人名" in t.tag_ for t in _tokens_at(doc, e, rest.end()))
            or any("記号" in t.tag_ for t in _tokens_at(doc, s, e))
        )
    ):
        # 「山岡𠮷生教授」: a kanji the dictionary lacks (tagged a mark) cuts the name before its end
        surface, e = surface + rest.group(1), e + len(rest.group(1))
    if len(surface) < 2 or not _person_ok(doc, ent, text, e) or _common_word(doc, s, e, person=True):
        return  # 両国 (both countries) is a word, not someone's name
    if _names_a_body(text, e):
        return  # 「アルベルト・ルートヴィヒ大学」: a body named after a person
    foreign = _FOREIGN_BEFORE_KANJI.match(surface)
    if foreign:  # 「ラジェシュ・クマール州産業(大臣)」: the name ends where the kanji of the post's unit begin
        surface, e = foreign.group(), s + foreign.end()
    if _glued_katakana(text, s, e, set(), set()):
        return  # ルカ in ルカイ族: part of a longer katakana word
    ctx.candidates.append(Mention(s, e, surface, PERSON, None, "ner", confidence=0.7))


def _body(ctx: Context, ent: Any, s: int, e: int, surface: str, kind: str | None) -> None:
    """An organisation entity cut at a title's separators and a head's 長, kept if a proper noun, Latin
    capitals or a body's slot bear it out; an airport or station is a place, a place alone no body."""
    text = ctx.text
    if "|" in surface:  # 「X大学|国際交流|…」: a title's separators end the name
        parts = [p for p in surface.split("|") if _org_kind(p)]
        if not parts:
            return
        s += surface.index(parts[0])
        e = s + len(parts[0])
        surface = parts[0]
    post = re.search(r"(?<=[局部課室所])長$", surface)
    if post:  # 「札幌市経済局長」: the unit, then its head's post
        e -= 1
        surface = text[s:e]
    titled = re.search(r"(?:" + "|".join(TITLES) + r")$", surface) if surface.startswith(LEGAL_PREFIXES) else None
    if titled and _strip_legal(surface[: titled.start()])[1]:  # 「株式会社X代表取締役」: the company is 株式会社X
        e -= len(titled.group())
        surface = text[s:e]
    name, legal = _strip_legal(surface)
    if name in SECTOR_WORDS or _GENERIC_EVENT.fullmatch(name) or (name.isascii() and _glued(text, s, e)):
        return
    if name.endswith(_VENUES) or text[max(0, s - 6) : s].endswith(_VENUES):
        return  # a building (奈良ホテル), or the rest of one's name (JRホテル|クレメント高松)
    school_end = (*_SCHOOLS, "大", "学園", "団", "一行")
    if ent.label_ == "School" and _org_kind(name) is None and not name.endswith(school_end):
        return  # 兼六園 read as a school: a school's name ends like one (a group, 「X訪問団」, is X's)
    if any(c.type is PLACE and c.start == s and c.end == e for c in ctx.candidates):
        return  # 中国東北部 tagged a body: an area by its ending (東北部)
    covered = {i for ps, pe in ctx.gaz_places for i in range(ps, pe)}
    if all(i in covered for i in range(e - len(name), e)):
        return  # 中国河南省 tagged a government: places only, the places stand for it
    if name.endswith(("空港", "港", "駅")):
        ctx.candidates.append(Mention(s, e, name, PLACE, PlaceKind.AREA.value, "ner", confidence=0.5))
        return
    if (
        name in _GENERIC
        or len(name) < 2
        or re.search(r"[\"「」()/]|以下", name)
        or (" " in name and not name.isascii())
    ):
        return
    if not (
        re.fullmatch(r"[A-Za-z0-9]*[A-Z][A-Za-z0-9]*", name)
        or any("固有名詞" in t.tag_ for t in ent)
        or (legal and re.fullmatch(r"[\u30a1-\u30fa\u30fc・\u4e00-\u9fffA-Za-z0-9]{2,20}", name))  # 株式会社X
        or (len(name) >= 6 and _org_kind(name) and text[max(0, s - 8) : s].endswith(_BODY_SLOT_BEFORE))
        or (len(name) >= 6 and _org_kind(name) and _BODY_SLOT_AFTER.match(text, e) is not None)
    ):  # 「…を務める医療産業都市推進機構」: common words, but in a body's slot and ending like one
        return
    if re.search(r"[A-Za-z]", name) and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .&-]*", name):
        return
    proper = [t for t in ent if "固有名詞" in t.tag_]
    if (
        proper and all("地名" in t.tag_ for t in proper)
        and not (_org_kind(name) or legal or name.isascii() or name.endswith(("団", "一行", *_SCHOOLS)))
    ):
        return  # オランダ園芸, 東京オリンピック: a place and ordinary words, no body's ending
    ctx.candidates.append(
        Mention(e - len(name), e, name, ORG, _org_kind(name) or kind, "ner", legal_name=legal, confidence=0.55)
    )
