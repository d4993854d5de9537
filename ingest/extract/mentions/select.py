"""The last word on overlapping candidates: the best non-overlapping mentions, and the larger places
written only as part of a smaller place's full name dropped."""

from __future__ import annotations

from graph.model import PlaceKind
from ingest.extract.mentions.model import EVENT, ORG, PLACE, Mention

_SOURCE_RANK = {"gazetteer": 4, "pattern": 3, "suffix": 3, "alias": 2, "ner": 1}


def _inside(inner: Mention, outer: Mention) -> bool:
    """Places and bodies named inside an event title or a body's name stay mentions."""
    if not (outer.start <= inner.start and inner.end <= outer.end and inner.length < outer.length):
        return False
    if outer.type is EVENT and inner.type is not EVENT:
        return True
    return outer.type is ORG and inner.type is PLACE and inner.source == "gazetteer"


def _select(candidates: list[Mention]) -> list[Mention]:
    """Keep the best non-overlapping mentions; sub-unit parents may nest."""
    ranked = sorted(
        candidates,
        key=lambda m: (
            -(m.entry.stored if m.entry else 0),
            m.source == "ner",
            -m.length,
            m.parent_start is None,
            -_SOURCE_RANK[m.source],
        ),
    )
    chosen: list[Mention] = []
    for m in ranked:
        clash = False
        for c in chosen:
            if m.start < c.end and c.start < m.end:
                nested = (
                    (c.parent_start is not None and m.start == c.parent_start and m.end <= c.end < m.end + c.length)
                    or (m.parent_start is not None and c.start == m.parent_start and c.end <= m.end < c.end + m.length)
                    or _inside(m, c)
                    or _inside(c, m)
                )
                if not nested:
                    clash = True
                    break
        if not clash:
            chosen.append(m)
    # Places inside a chosen organisation name are mentions too (深圳市光明区創新局).
    return sorted(chosen, key=lambda m: (m.start, -m.length))


# What may stand right before a place of each kind as the larger place it lies in.
_QUALIFIED_BY = {"city": ("region",), "district": ("region", "city")}


def _drop_qualifiers(mentions: list[Mention], text: str) -> list[Mention]:
    """「大分県玖珠町」, 「台中市大甲区」: a prefecture or city written only as the first part of the smaller
    place's full name says where that place lies; the page does not speak of it. Unless the page names it
    on its own elsewhere, it is no mention, and the full name is the smaller place's alias."""
    places = [m for m in mentions if m.type is PLACE]
    at = {m.start: m for m in places}
    qualifying: dict[int, Mention] = {}  # id of the qualifier -> the place it qualifies
    for m in places:
        inner = at.get(m.end)
        if inner is not None and inner is not m and m.kind in _QUALIFIED_BY.get(inner.kind or "", ()):
            qualifying[id(m)] = inner
        joined = at.get(m.end + 1) if text[m.end : m.end + 1] == "・" else None
        if m.kind == PlaceKind.AREA.value and m.parent_start is not None and joined is not None and joined.kind in (
            PlaceKind.REGION.value, PlaceKind.CITY.value
        ):
            qualifying[id(m)] = joined  # 「インド南部・ケララ州」: the quarter of the country says where the state lies
    if not qualifying:
        return mentions

    def key(m: Mention) -> str:
        """One place however often it is written: its gazetteer entry, else its text."""
        return m.entry.id if m.entry is not None else m.text

    alone = {key(m) for m in places if id(m) not in qualifying}
    dropped = {i for i, m in ((id(m), m) for m in places) if i in qualifying and key(m) not in alone}
    for m in places:
        if id(m) in dropped and qualifying[id(m)].start == m.end:
            inner = qualifying[id(m)]  # its span takes the qualifier in: 「Aと新潟県B市の」 pairs A with B市
            inner.aliases.append(m.text + inner.text)
            inner.start = m.start
    return [m for m in mentions if id(m) not in dropped]
