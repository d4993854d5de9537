"""Places by their endings and by the constructions around them: 光明区 in a noun run, provinces in
道, a region after a country and ・, a country's quarter (ドイツ北部), a katakana name and its unit."""

from __future__ import annotations

import re
from typing import Any

from graph.model import OrganisationKind, PlaceKind
from ingest.extract.mentions.model import LABELS, ORG, PERSON, PLACE, Context, Mention, _place_kind
from ingest.extract.mentions.patterns import (
    _ABBREVIATED_STATE,
    _AREA,
    _DEICTIC,
    _DO_PARTS,
    _GENERIC_PLACES,
    _HEAD_POST,
    _KANJI,
    _KATAKANA_AREA,
    _KATAKANA_UNIT,
    _KATAKANA_WORD,
    _PLACE_CHARS,
)
from ingest.extract.mentions.tokens import _post_fragment
from ingest.extract.mentions.words import _joined_start, _ministry


def places_in_run(ctx: Context, a: int, b: int) -> None:
    """Places by suffix in a run that names no body or event: 光明区, バスク州 (token by token so
    深圳市光明区 gives two)."""
    for i in range(a, b):
        j = _place_start(ctx, a, i)
        if j is not None:
            _place(ctx, j, i)


def _place_start(ctx: Context, a: int, i: int) -> int | None:
    """The first token of a place whose name ends with token ``i`` (a place's ending), if any."""
    doc = ctx.doc
    tok = doc[i]
    if tok.text[-1:] not in _PLACE_CHARS or tok.text.endswith("政府"):
        return None  # 「…市政府」: a government, never a place named 市政府
    if len(tok.text) >= 2 and "人名" in tok.tag_:
        return None  # 吉村, 中村: a family name that ends like a village
    if len(tok.text) >= 2 and "固有名詞" in tok.tag_:
        return i
    if not (len(tok.text) == 1 and i > a):
        return None
    j = i - 1
    if len(doc[j].text) == 1 and j - 1 >= a and doc[j - 1].text[-1:] not in _PLACE_CHARS:
        j -= 1
    # 「ウェストラント市」: a katakana name the tokenizer cut in two
    while (
        j - 1 >= a
        and _KATAKANA_WORD.fullmatch(doc[j].text)
        and _KATAKANA_WORD.fullmatch(doc[j - 1].text)
        and doc[j - 1].idx + len(doc[j - 1].text) == doc[j].idx
    ):
        j -= 1
    return j


def _place(ctx: Context, j: int, i: int) -> None:
    """The place on tokens j..i (reaching back over a ・-joined katakana name), a ministry in 省, or
    two places in one token (熊本県南阿蘇村) — unless the words are no place's name."""
    doc, text, gaz = ctx.doc, ctx.text, ctx.gaz
    tok = doc[i]
    ps, pe = doc[j].idx, tok.idx + len(tok.text)
    ps = _joined_start(text, ps, pe, ctx.gaz_places)
    surface = text[ps:pe]
    if "・" in surface:
        cut = _joined_start(text, ps + surface.rindex("・") + 1, pe, ctx.gaz_places)
        ps = cut if cut < pe else ps
        surface = text[ps:pe]
    if _no_place(ctx, surface, j, i, pe):
        return
    pk = _place_kind(surface)
    if _ministry(surface, gaz):
        # 「経済省」, 「観光省」: a field of government and 省 name a ministry, not a province
        ctx.candidates.append(Mention(ps, pe, surface, ORG, OrganisationKind.GOVERNMENT_BODY.value, "suffix",
                                      confidence=0.65))
        return
    if pk and (
        any("固有名詞" in t.tag_ for t in doc[j : i + 1])
        or re.fullmatch(r"[\u30a1-\u30fa\u30fc]{2,}(?:州|省|市)", surface)
        or (doc[j].ent_type_ in LABELS and not _inside_person(doc, i))
    ):
        inner = re.match(r"(.{2,4}?[都道府県])(.{2,})$", surface)
        outer = gaz.lookup(inner.group(1)) if inner else None
        if inner and outer is not None and outer.type is PLACE and _place_kind(inner.group(2)):
            # one token for two places: 熊本県南阿蘇村 is 熊本県 and its village 南阿蘇村
            cut = ps + len(inner.group(1))
            ctx.candidates.append(Mention(ps, cut, inner.group(1), PLACE, outer.kind, "gazetteer", outer,
                                          confidence=0.85))
            ctx.candidates.append(Mention(cut, pe, inner.group(2), PLACE, _place_kind(inner.group(2)), "suffix",
                                          confidence=0.7, parent_start=ps))
            return
        ctx.candidates.append(Mention(ps, pe, surface, PLACE, pk, "suffix", confidence=0.7))


def _inside_person(doc: Any, i: int) -> bool:
    """「ラジェシュ・クマール州産業大臣」 read as one person: a place's ending inside a person's span, with the
    post's field after it, ends no place (a person's span ending at 鎮 or 市 may still be a misread place)."""
    return doc[i].ent_type_ == "Person" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"


def _no_place(ctx: Context, surface: str, j: int, i: int, pe: int) -> bool:
    """Words with a place's ending that name no place: a number, a partnership, a deputy's post,
    a continent or island in 州, a deictic (同市), a person's name before 市長."""
    text, gaz = ctx.text, ctx.gaz
    if not 2 <= len(surface) <= 14 or re.search(r"[0-9]", surface) or surface in _GENERIC_PLACES:
        return True
    if surface.startswith(("友好", "姉妹")):
        return True  # 「友好県省関係」, 「姉妹州」: a kind of partnership, not a place
    if re.search(r"[省県市州]副[省県市州]$", surface):
        return True  # 「浙江省副省長」: a deputy head's post, not a place 「浙江省副省」
    if re.fullmatch(r"[\u4e00-\u9fff]州", surface) and gaz.lookup(surface) is None:
        return True  # 欧州 (Europe), 九州, 本州: a continent or an island, not a state X (広州, 貴州 are known)
    return surface.startswith(_DEICTIC) or (
        _post_fragment(ctx.doc, j, i, text, pe)
        and gaz.lookup(surface) is None
        and not re.search(re.escape(surface) + r"(?!長)", text)
    )


def provinces_in_do(ctx: Context) -> None:
    """「江原道」, 「慶尚|南道」, 「済州特別自治道」: place-name tokens ending in 道 name a province (道 is
    too common an ending to read as a place without the tagger's place-name tag)."""
    tokens, text = ctx.tokens, ctx.text
    i = 0
    while i < len(tokens):
        if "地名" not in tokens[i].tag_ or "地名-国" in tokens[i].tag_:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and ("地名" in tokens[j].tag_ or tokens[j].text in _DO_PARTS):
            j += 1
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        name = text[start:end]
        if name.endswith("道") and 3 <= len(name) <= 8 and re.fullmatch(rf"[{_KANJI}]+", name):
            ctx.candidates.append(Mention(start, end, name, PLACE, PlaceKind.REGION.value, "suffix", confidence=0.7))
        i = j


def regions_after_country(ctx: Context) -> None:
    """「フィンランド・オウル地域」: a katakana name and 地域 after a country and ・ name a region of it."""
    ends = ctx.country_ends
    for m in _KATAKANA_AREA.finditer(ctx.text):
        if m.start() - 1 in ends:
            ctx.candidates.append(Mention(m.start(), m.end(), m.group(), PLACE, PlaceKind.REGION.value, "suffix",
                                          confidence=0.65))


def states_by_initials(ctx: Context) -> None:
    """A state named by its Latin initials: BW州, NRW州."""
    for m in re.finditer(r"(?<![A-Za-z])[A-Z]{2,4}(?:州|省)", ctx.text):
        ctx.candidates.append(Mention(m.start(), m.end(), m.group(), PLACE, PlaceKind.REGION.value, "suffix",
                                      confidence=0.65))


def country_areas(ctx: Context) -> None:
    """Areas: a country and a direction (ドイツ北部, 中国東北地方)."""
    text = ctx.text
    for c in [c for c in ctx.candidates if c.type is PLACE and c.kind == PlaceKind.COUNTRY.value]:
        area = _AREA.match(text, c.end)
        if area:
            ctx.candidates.append(
                Mention(
                    c.start,
                    area.end(),
                    text[c.start : area.end()],
                    PLACE,
                    PlaceKind.AREA.value,
                    "suffix",
                    confidence=0.65,
                    parent_start=c.start,
                )
            )


def katakana_units(ctx: Context) -> None:
    """「ウーシマー県(…)」, 「オクシタニー地域圏」: a katakana name and a unit's ending, which the tokenizer can
    glue to a bracket or split from its name; a country before it (フィンランド・) only locates it."""
    for m in _KATAKANA_UNIT.finditer(ctx.text):
        parts = m.group(1).split("・")
        while len(parts) > 1 and (entry := ctx.gaz.lookup(parts[0])) is not None and entry.type is PLACE:
            parts = parts[1:]
        name = "・".join(parts) + m.group(2)
        start = m.end() - len(name)
        if not any(c.start <= start and m.end() <= c.end for c in ctx.candidates):
            kind = PlaceKind.REGION.value if m.group(2) != "市" else PlaceKind.CITY.value
            ctx.candidates.append(Mention(start, m.end(), name, PLACE, kind, "suffix", confidence=0.65))


def abbreviated_states(ctx: Context) -> None:
    """「ミナス・ジェライス(MG)州」: a state named with its abbreviation inside, which later stands alone (MG州)."""
    for m in _ABBREVIATED_STATE.finditer(ctx.text):
        ctx.candidates.append(
            Mention(m.start(), m.end(), m.group(1) + m.group(3), PLACE, PlaceKind.REGION.value, "pattern",
                    confidence=0.8, aliases=[m.group(2) + m.group(3)])
        )


def places_of_heads(ctx: Context) -> None:
    """「岡本栄・伊賀市長」, 「鈴木英敬・三重県知事」: after a name and ・, the place whose head the person is."""
    person_ends = {c.end for c in ctx.candidates if c.type is PERSON}
    for m in _HEAD_POST.finditer(ctx.text):
        if m.start() not in person_ends:
            continue
        name = m.group(1) + m.group(2)
        entry = ctx.gaz.lookup(name)
        if entry is not None and entry.type is PLACE:
            ctx.candidates.append(Mention(m.start(1), m.end(2), name, PLACE, entry.kind, "gazetteer", entry,
                                          confidence=0.85))
        else:
            ctx.candidates.append(Mention(m.start(1), m.end(2), name, PLACE, _place_kind(name), "suffix",
                                          confidence=0.7))
