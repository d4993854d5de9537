"""Stage 2: bodies, events and places built from noun runs by how their names end (大学, セミナー,
市 …), the run first trimmed to the name (a group word, a head's post or a sponsor's role cut off)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.model import EventKind, OrganisationKind
from ingest.extract.lexicon import DEPARTMENT_SUFFIXES
from ingest.extract.mentions.model import EVENT, ORG, Context, Mention, _event_kind, _org_kind
from ingest.extract.mentions.patterns import (
    _AREA,
    _BEFORE_TITLE,
    _DEICTIC,
    _EVENT_SLOT,
    _GENERIC,
    _GENERIC_EVENT,
    _KATAKANA_JOINED,
    _KATAKANA_PROVINCE,
    _KATAKANA_STEM_BODY,
    _KATAKANA_STEM_COMPANY,
    _PLACE_DEPARTMENT,
    _STRONG,
    _VENUES,
)
from ingest.extract.mentions.places import places_in_run
from ingest.extract.mentions.tokens import _after_full_name, _noun_runs, _proper, _split_at_posts
from ingest.extract.mentions.words import _inner_org_end, _strip_legal


@dataclass
class _Run:
    """A noun run trimmed to a name: tokens [a, b), the name (legal form off) ending at ``end``."""

    a: int
    b: int
    end: int
    name: str
    legal: str | None

    @property
    def offset(self) -> int:
        """Where the name (without its legal form) starts."""
        return self.end - len(self.name)


def named_by_suffix(ctx: Context) -> None:
    """Each noun run names a body if it ends like one and something marks it as a name, else an
    event if it ends like one and is numbered, named, titled or held, else the places in it."""
    doc = ctx.doc
    for a, b in _split_at_posts(ctx.text, ctx.tokens, _noun_runs(doc, ctx.tokens)):
        run = _trimmed(ctx, a, b)
        if run is None:
            continue
        kind = _body_kind(ctx, run)
        if kind and run.name not in _GENERIC and (
            _proper(doc, run.a, run.b, ctx.place_spans) or run.legal or _strong(ctx, run, kind)
        ):
            _add_body(ctx, run, kind)
            continue
        event = _event(ctx, run)
        if event is not None:
            ctx.candidates.append(event)
            continue
        places_in_run(ctx, run.a, run.b)


def _last_token(doc: Any, a: int, b: int, end: int) -> int:
    """The run's token end once its text is cut at ``end``."""
    while b > a and doc[b - 1].idx >= end:
        b -= 1
    return b


def _trimmed(ctx: Context, a: int, b: int) -> _Run | None:
    """The run without what precedes or follows the name in it: a person's full name, a title's
    separator, a country before ・, a group word (代表団), a head's 長, a sponsor's role (共催)."""
    doc, text = ctx.doc, ctx.text
    a = _after_full_name(ctx.tokens, a, b)
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    run = text[s:e]
    lead = re.match(r"[・*\d.|｜]+", run)  # 「…|金沢工業大学」: a title's separator before the site's name
    if lead:
        s += lead.end()
        run = run[lead.end() :]
    # 「タイ・チュラロンコン大学」: a country and ・ before a body's name say where it is (but
    # 「タイ・中国商工会議所」 is a body of two countries)
    countries = ctx.countries
    where = next((c for c in countries if c.start == s and text[c.end : c.end + 1] == "・"), None)
    if where is not None and e - where.end > 3 and not any(c.start == where.end + 1 for c in countries):
        run = run[where.end + 1 - s :]
        s = where.end + 1
    # 「米国ワシントン州商務局」: a country run into a place of it and a body's name says where the place is
    # (「日本北京商工会議所」, with a place of another country, is the country's body there)
    where = next((c for c in countries if c.start == s and c.end < e and c.entry is not None), None)
    if where is not None and any(
        ps == where.end and pe < e and _lies_in(ctx, text[ps:pe], where) for ps, pe in ctx.gaz_places
    ):
        run = run[where.end - s :]
        s = where.end
    if len(run) < 2:
        return None
    group = re.search(r"(?:代表団|訪問団|使節団|一行|関係者)$", run)
    if group and group.group() == "使節団" and not _proper(doc, a, b, ctx.place_spans) and _EVENT_SLOT.match(text, e):
        group = None  # 「経済交流使節団を派遣」: a mission named by its purpose is an event, not a body's group
    if group and len(run) > len(group.group()) + 1:  # 「X代表団」: the body is X
        run = run[: group.start()]
        e = s + len(run)
        b = _last_token(doc, a, b, e)
    if re.fullmatch(r"[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)+[部局課室]長", run):
        return None  # 「マイク・フォン局長」: a foreign name and a head's post, no unit
    if re.search(r"[部局課室]長$", run) and len(run) > 4:  # 「X商工会議所国際部長」: the head of X's 国際部
        run, e = run[:-1], e - 1
        b = _last_token(doc, a, b, e)
    role = re.search(r"(?:主催|共催|後援|協賛)$", run)
    if role and len(run) > len(role.group()) + 1:  # 「X共催で」: the body is X
        run = run[: role.start()]
        e = s + len(run)
        b = _last_token(doc, a, b, e)
    visit = re.search(r"(?:表敬訪問|訪問|視察|見学)$", run)
    if visit and len(run) > len(visit.group()) + 1:  # a schedule's 「X大学視察」, 「株式会社Y訪問」: the body is X, Y
        run = run[: visit.start()]
        e = s + len(run)
        b = _last_token(doc, a, b, e)
    name, legal = _strip_legal(run)
    return _Run(a, b, e, name, legal)


def _lies_in(ctx: Context, name: str, country: Mention) -> bool:
    """Whether the gazetteer places ``name`` (no country itself) in ``country``."""
    entry = ctx.gaz.lookup(name)
    return entry is not None and country.entry is not None and entry.parent == country.entry.id


def _body_kind(ctx: Context, run: _Run) -> str | None:
    """The organisation kind the run's name says: its ending, a short university name, a campus, a
    division, a legal form; none for a building or a name that ends in a known place."""
    every, name, legal, offset = ctx.tokens, run.name, run.legal, run.offset
    a, b = run.a, run.b
    kind = None if re.match(r"第\d+回", name) or _KATAKANA_PROVINCE.fullmatch(name) else _org_kind(name)
    if (
        kind is None and b - a >= 2 and every[b - 1].text == "大" and every[b - 1].tag_.startswith("接尾辞")
        and "固有名詞" in every[b - 2].tag_ and offset == every[a].idx
    ):
        kind = OrganisationKind.UNIVERSITY.value  # 筑波大, 東北大: a university by its short name
    if kind is None and re.fullmatch(r".{2,}大学.{1,10}(?:校|キャンパス)", name):
        kind = OrganisationKind.UNIVERSITY.value  # インド工科大学デリー校: a university's campus
    if kind is None and name.endswith(DEPARTMENT_SUFFIXES) and _inner_org_end(name):
        kind = OrganisationKind.OTHER.value  # a division of a complete body: X大使館商務部
    if kind is None and _place_department(ctx, run):
        kind = OrganisationKind.GOVERNMENT_BODY.value  # 北海道経済部: a department of the place's government
    if kind is None and legal and re.match(r"(?:株式|有限|合同)会社", legal) and not name.endswith(_VENUES):
        kind = OrganisationKind.COMPANY.value  # 株式会社ミヤザキ精工: the legal form says what it is
    if kind is None and legal and re.match(r"(?:一般|公益)?(?:社団|財団)法人|NPO法人|特定非営利活動法人", legal):
        kind = OrganisationKind.ASSOCIATION.value  # 「NPO法人アジア交流ネット」: so does a non-profit's
    if kind and (name.endswith(_VENUES) or any(ps > offset and pe == run.end for ps, pe in ctx.gaz_places)):
        kind = None  # a building (奈良ホテル, 州議事堂) or a place (中国陝西省) is not a body
    return kind


def _place_department(ctx: Context, run: _Run) -> bool:
    """「X県Y部」, 「X市Y局」: a prefecture's, city's or province's name, then a department's (not an area of
    it, 県北部 or 沿岸部)."""
    unit = _PLACE_DEPARTMENT.search(run.name)
    if unit is None or _AREA.search(unit.group()):
        return False
    return any(ps == run.offset and pe == run.offset + unit.start() for ps, pe in ctx.gaz_places)


def _strong(ctx: Context, run: _Run, kind: str) -> bool:
    """Whether the name's own shape or its neighbours mark it as a body's name, with no proper noun
    or legal form in it."""
    text, name, offset, e = ctx.text, run.name, run.offset, run.end
    strong = any(name.endswith(x) for x in _STRONG) and len(name) >= 4 and not name.startswith(_DEICTIC)
    # A katakana name joined by ・ and ending in an org-type word names a body: メディコン・バレー・アライアンス.
    strong = strong or bool(_KATAKANA_JOINED.match(name))
    # A katakana maker's name and its trade: ボッシュ電機, ミツワ製作所 (the tagger seldom knows the name;
    # trades that also follow loanwords, such as 産業 in エネルギー産業, are left out).
    strong = strong or bool(kind == OrganisationKind.COMPANY.value and _KATAKANA_STEM_COMPANY.fullmatch(name))
    # 「工業技術研究院(ITRI)」: a body's name is what an abbreviation in brackets stands for
    strong = strong or bool(len(name) >= 4 and re.match(r"\s?\([A-Z][A-Za-z&]{1,7}\)", text[e : e + 12]))
    # 「フードバレー財団」: a katakana name before the word for a body that only names bodies
    strong = strong or bool(_KATAKANA_STEM_BODY.fullmatch(name))
    # 「台湾の工業技術研究院」: a name ending like a body, said to be a country's
    strong = strong or (len(name) >= 5 and text[offset - 1 : offset] == "の" and (offset - 1) in ctx.country_ends)
    # A body name right before a title and a person: 「X協力センター専務理事 …氏」.
    return strong or (len(name) >= 5 and not name.startswith(_DEICTIC) and bool(_BEFORE_TITLE.match(text, e)))


def _add_body(ctx: Context, run: _Run, kind: str) -> None:
    """The body, or a complete body and its sub-unit after it (機構 + クラスター推進センター)."""
    name, legal, offset, e = run.name, run.legal, run.offset, run.end
    cut = _inner_org_end(name)
    if cut:
        parent = Mention(
            offset,
            offset + cut,
            name[:cut],
            ORG,
            _org_kind(name[:cut]),
            "suffix",
            legal_name=(legal[: len(legal) - len(name) + cut] if legal else None),
            confidence=0.75,
        )
        ctx.candidates.append(parent)
        ctx.candidates.append(
            Mention(offset, e, name, ORG, kind, "suffix", legal_name=legal, confidence=0.7, parent_start=offset)
        )
    else:
        ctx.candidates.append(Mention(offset, e, name, ORG, kind, "suffix", legal_name=legal, confidence=0.75))


def _event(ctx: Context, run: _Run) -> Mention | None:
    """An event by its name's ending, if numbered, proper, in the page's title or held there."""
    name, e = run.name, run.end
    # 「…交流会2026」: an event's name often ends in its year
    ekind = _event_kind(re.sub(r"\s?(?:19|20)\d\d$", "", name)) or (
        EventKind.MEETING.value if re.match(r"第\d+回.+(会|祭)$", name) else None
    )
    in_title = e <= ctx.title_end  # the page's title names its event (貿易・技術革新ミッション)
    # 「…ビジネスセミナーを開催」, 「貿易使節団を派遣」: a run held, sent or joined is an event
    held = _EVENT_SLOT.match(ctx.text, e) is not None
    if (
        ekind
        and (re.match(r"第\d+回", name) or _proper(ctx.doc, run.a, run.b, ctx.place_spans) or in_title or held)
        and len(name) > 4
        and not (_GENERIC_EVENT.fullmatch(name))
    ):
        return Mention(run.offset, e, name, EVENT, ekind, "suffix", confidence=0.7)
    return None
