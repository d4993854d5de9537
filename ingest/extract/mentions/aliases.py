"""Other names a mention is given right after it in the text: 正式名称(略称), (以下「X」という)."""

from __future__ import annotations

import re

from ingest.extract.mentions.model import EVENT, ORG, PLACE, Mention

_ALIAS_PAREN = re.compile(r"\(([A-Za-z][A-Za-z0-9&.\- ]{1,50}|[\u30a1-\u30fa\u30fc]{2,10})\)")
_ALIAS_IKA = re.compile(r"\(以下[、,]?\s*[「\"“『]([^」\"”』]{1,30})[」\"”』]\s*(?:と(?:いう|呼ぶ|称する|略す))?\)?")


def capture_aliases(text: str, mentions: list[Mention]) -> None:
    """正式名称(略称), (以下「X」という) and ASCII abbreviations right after a name.

    A numbered event followed by its quoted title (第3回ウェビナー 「…」) is one event.
    """
    for m in [m for m in mentions if m.type is EVENT]:
        title = next(
            (o for o in mentions if o.type is EVENT and o is not m and re.fullmatch(r"\s*「", text[m.end : o.start])),
            None,
        )
        if title is not None:
            title.aliases.append(m.text)
            mentions.remove(m)
    for m in list(mentions):
        if m.type not in (ORG, PLACE, EVENT) or m not in mentions:
            continue
        tail = text[m.end : m.end + 60]
        ika = _ALIAS_IKA.match(tail)
        if ika:
            m.aliases.append(ika.group(1).strip())
            continue
        paren = _ALIAS_PAREN.match(tail)
        if not paren:
            continue
        inner = next((o for o in mentions if o.start == m.end + paren.start(1)), None)
        # A mention of another kind filling the brackets is a separate entity
        # (リヨン・ビオポール(フランス)); the NER's own pick of the abbreviation
        # (サンプル・テクノロジーズ(STC)) is the same entity's alias, and so is an English name that
        # only begins with a place's (X公社(Malaysia External Trade Development)).
        whole = inner is not None and inner.end >= m.end + paren.end(1) - 1
        if inner is not None and whole and (inner.type is not m.type or inner.source != "ner"):
            continue
        alias = paren.group(1).strip()
        if alias != m.text and not alias.isdigit():
            m.aliases.append(alias)
            for o in [o for o in mentions if m.end + paren.start(1) <= o.start and o.end <= m.end + paren.end(1)]:
                mentions.remove(o)
            if m.type is ORG:
                mentions += _written_again(text, alias, m, m.end + paren.end(), mentions)
    mentions.sort(key=lambda x: x.start)


def _written_again(text: str, alias: str, m: Mention, after: int, mentions: list[Mention]) -> list[Mention]:
    """「ザクセン州経済振興公社(WFS)…WFSのP社長」: the short name written alone later is the body again."""
    edge = r"A-Za-z0-9" if re.match(r"[A-Za-z]", alias) else r"\u30a1-\u30fa\u30fc"
    found = []
    for hit in re.finditer(r"(?<![" + edge + r"])" + re.escape(alias) + r"(?![" + edge + r"])", text[after:]):
        start, end = after + hit.start(), after + hit.end()
        if not any(o.start < end and start < o.end for o in mentions):
            found.append(Mention(start, end, alias, ORG, m.kind, "context", confidence=0.6))
    return found
