"""Stage 1: names the gazetteer knows, kept unless the text around them says the name is used as
something else (a word, part of a longer name, a shrine) or names a larger unit around it."""

from __future__ import annotations

from graph.model import PlaceKind
from ingest.extract.gazetteer import GazMatch
from ingest.extract.mentions.model import PLACE, Context, Mention
from ingest.extract.mentions.patterns import _FACILITY_HEADS, _GENERIC_PLACES, _PART_OF_REGION, _REGION_SUFFIX
from ingest.extract.mentions.tokens import _common_word
from ingest.extract.mentions.words import _glued_katakana, _in_latin_name


def known_names(ctx: Context) -> None:
    """Gazetteer matches as mentions, then what later stages take as known: their spans, the places
    among them, the countries and where the page's title ends."""
    text = ctx.text
    tokens = [(t.idx, t.idx + len(t.text)) for t in ctx.tokens if not t.text.isspace()]
    found_gaz = ctx.gaz.find(text, tokens)
    ends = {gm.end for gm in found_gaz}
    starts = {gm.start for gm in found_gaz}
    for gm in found_gaz:
        if gm.entry.type is PLACE and _not_the_place(ctx, gm, ends, starts):
            continue
        area = _PART_OF_REGION.match(text, gm.end)
        if gm.entry.type is PLACE and area:
            # 茨城県北臨海地域, 長野県南部地域: an area of the prefecture, named with it
            ctx.candidates.append(Mention(gm.start, area.end(), text[gm.start : area.end()], PLACE,
                                          PlaceKind.AREA.value, "suffix", confidence=0.7))
            continue
        unit = _REGION_SUFFIX.match(text, gm.end)
        if gm.entry.type is PLACE and gm.entry.kind != PlaceKind.REGION.value and unit and gm.end not in starts:
            # 済州道, 江原道: a known city's name with a province's ending names the province around it
            name = text[gm.start : unit.end()]
            ctx.candidates.append(Mention(gm.start, unit.end(), name, PLACE, PlaceKind.REGION.value, "suffix",
                                          confidence=0.75))
            continue
        ctx.candidates.append(
            Mention(
                gm.start,
                gm.end,
                text[gm.start : gm.end],
                gm.entry.type,
                gm.entry.kind,
                "gazetteer",
                gm.entry,
                confidence=0.9 if gm.entry.stored else 0.85,
            )
        )
    candidates = ctx.candidates
    ctx.place_spans = [(c.start, c.end) for c in candidates]
    ctx.title_end = text.find("\n") if "\n" in text else len(text)
    ctx.gaz_places = [(c.start, c.end) for c in candidates if c.type is PLACE]
    ctx.countries = [c for c in candidates if c.type is PLACE and c.kind == PlaceKind.COUNTRY.value]
    ctx.country_ends = {c.end for c in ctx.countries}


def _not_the_place(ctx: Context, gm: GazMatch, ends: set[int], starts: set[int]) -> bool:
    """A known place's name that, where it stands, is no mention of the place."""
    text = ctx.text
    after = text[gm.end : gm.end + 1]
    if after in ("人", "語", "系", "製", "産", "風"):
        return True
    if text[gm.start : gm.end] in _GENERIC_PLACES:
        return True  # 「全州において」: every state, not 全州 (Jeonju), which pages write 全州市
    if _common_word(ctx.doc, gm.start, gm.end):
        return True  # 来賓 (guests), 諸島 (islands): a place's name used as an ordinary word
    if _glued_katakana(text, gm.start, gm.end, ends, starts):
        return True  # デルタ in ダッチ・グリーンハウス・デルタ, ディジョン in ディジョンメトロポール
    if text.startswith(_FACILITY_HEADS, gm.end):
        return True  # 伊勢神宮, 出雲大社, 姫路城: a shrine's, a temple's or a castle's name, not the place
    # Delta in 「Dutch Greenhouse Delta」: the last word of a longer English name
    return _in_latin_name(text, gm.start, gm.end, ends)
