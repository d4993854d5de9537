"""A place's government acts as the place (台東県政府, 陝西省人民政府, X省人民委員会): a body or an
event the earlier stages found whose name is a place and a word for its government becomes the place."""

from __future__ import annotations

import re

from graph.model import PlaceKind
from ingest.extract.mentions.model import EVENT, ORG, PLACE, Context, Mention, _place_kind
from ingest.extract.mentions.patterns import _GOVERNMENT, _KATAKANA_STATE
from ingest.extract.mentions.tokens import _tokens_at


def governments_as_places(ctx: Context) -> None:
    """Each government's name turned into its place's, the place found by the gazetteer, by a place
    mention at the same start, by a place named elsewhere on the page, or by the tagger."""
    candidates = ctx.candidates
    places = {(c.start, c.end): c for c in candidates if c.type is PLACE}
    named_places = {c.text: c.kind for c in candidates if c.type is PLACE and c.kind}
    for c in candidates:
        # 「X市人民委員会」 tagged as an event is the body governing X, never something held
        gov = _GOVERNMENT.fullmatch(c.text) if c.type is ORG or (c.type is EVENT and c.source == "ner") else None
        if gov and c.text.endswith("州政府") and gov.group(1) + "州" in named_places:
            gov = re.fullmatch(r"(.+州)(政府)", c.text)  # 「MG州政府」: the government of MG州, not of "MG"
        if gov:
            _as_place(ctx, c, gov.group(1), places, named_places)


def _as_place(
    ctx: Context, c: Mention, place: str, places: dict[tuple[int, int], Mention], named_places: dict[str, str]
) -> None:
    """Rewrite ``c`` (a government of ``place``) as the place, where the place can be told."""
    # 「ダナン市人民委員会」: the gazetteer may know the city without its 市
    entry = ctx.gaz.lookup(place) or ctx.gaz.lookup(re.sub(r"(?<=.{2})市$", "", place))
    known = places.get((c.start, c.start + len(place)))
    if entry is not None and entry.type is PLACE:
        c.type, c.kind, c.entry, c.text = PLACE, entry.kind, entry, place
        c.end = c.start + len(place)
        c.source = "gazetteer"
    elif known is not None:
        c.type, c.kind, c.text, c.end, c.source = PLACE, known.kind, known.text, known.end, known.source
    elif place in named_places:
        c.type, c.kind, c.text = PLACE, named_places[place], place
        c.end = c.start + len(place)
    elif unnamed := _KATAKANA_STATE.fullmatch(
        _without_country(ctx, c.text).removesuffix("人民政府").removesuffix("政府")
    ):
        # 「ヴォー州政府」, 「スイス連邦ヴォー州政府」, 「南アフリカ共和国ハウテン州政府」: the state of a
        # katakana name (its country before it)
        c.start += len(c.text) - len(_without_country(ctx, c.text)) + unnamed.start("name")
        c.type, c.kind, c.text = PLACE, PlaceKind.REGION.value, unnamed.group("name")
        c.end = c.start + len(c.text)
    elif all("地名" in t.tag_ for t in _tokens_at(ctx.doc, c.start, c.start + len(place))):
        # スコットランド政府: a place name the tagger knows, though the gazetteer does not
        end = c.start + len(place)
        toks = _tokens_at(ctx.doc, c.start, end)
        if toks and toks[0].idx == c.start and toks[-1].idx + len(toks[-1].text) == end:
            own_kind = _place_kind(place) or PlaceKind.REGION.value
            c.kind = PlaceKind.COUNTRY.value if any("地名-国" in t.tag_ for t in toks) else own_kind
            c.type, c.text, c.end = PLACE, place, end


def _without_country(ctx: Context, name: str) -> str:
    """The name after a country's leading name (南アフリカ共和国, ブラジル連邦共和国), which only locates it."""
    for size in range(min(12, len(name) - 2), 1, -1):
        entry = ctx.gaz.lookup(name[:size])
        if entry is not None and entry.kind == PlaceKind.COUNTRY.value:
            return name[size:].lstrip("・")
    return name
