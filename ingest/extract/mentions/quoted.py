"""Names in quotes: an event next to an event word or something held, attended or opened under a quoted
name, a body introduced by a word for its kind, a programme's name; a quoted name that ends like a body."""

from __future__ import annotations

import re

from graph.model import EventKind, OrganisationKind
from ingest.extract.lexicon import EVENT_WORDS, HONORIFICS, TITLES
from ingest.extract.mentions.model import EVENT, ORG, Context, Mention, _event_kind, _org_kind
from ingest.extract.mentions.patterns import _INTRO_ORG, _QUOTED_BODY, _QUOTED_EVENT, _QUOTED_NAME, _QUOTED_OCCASION

_PROGRAMME = re.compile(
    r"(?:事業|プログラム|プロジェクト|イニシアティブ|イニシアチブ)\s?「(?P<n>[^「」()、。]{3,40}?)\s?(?:\((?P<a>[^「」()、。]{2,40})\))?」"
)


def quoted_events(ctx: Context) -> None:
    """Events named in quotes next to an event word: ウェビナー「…」, 「…」と題し(た)ウェビナー."""
    text = ctx.text
    for m in _QUOTED_EVENT.finditer(text):
        title = m.group("t1") or m.group("t2")
        word = m.group("w1") or m.group("w2")
        if word is None and "と題し" in m.group(0):
            near = re.findall(
                r"ウェビナー|シンポジウム|セミナー|フォーラム|会議|大会|講演会",
                text[max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1 : m.start()],
            )
            word = near[-1] if near else None
        if title and word and not _event_kind(title):
            kind = next((k.value for w, k in EVENT_WORDS if w == word), None) or (
                EventKind.EXHIBITION.value if word == "展" else EventKind.MEETING.value
            )
            start = m.start("t1") if m.group("t1") else m.start("t2")
            ctx.candidates.append(Mention(start, start + len(title), title, EVENT, kind, "pattern", confidence=0.6))


def introduced_bodies(ctx: Context) -> None:
    """A katakana name introduced by an org-type noun: 「支援機関であるX」, 「クラスター「X」」."""
    text = ctx.text
    for m in _INTRO_ORG.finditer(text):
        part = "n" if m.group("n") else "q"
        if not text[m.end() : m.end() + 3].lstrip().startswith((*HONORIFICS, *TITLES)):
            ctx.candidates.append(
                Mention(m.start(part), m.end(part), m.group(part), ORG, OrganisationKind.OTHER.value, "pattern",
                        confidence=0.6)
            )


def quoted_occasions(ctx: Context) -> None:
    """A quoted name that something is held under or attended: 「X」に参加, 「X」を開催, 「X」の会期中."""
    text = ctx.text
    for m in _QUOTED_OCCASION.finditer(text):
        name = m.group(1)
        if not _org_kind(name) and not re.search(r"[。、]", name):
            sent = text.startswith("派遣", m.end() + 1)  # 「「X視察団」を派遣」: a mission
            kind = _event_kind(re.sub(r"\d+$", "", name)) or (
                EventKind.DELEGATION_VISIT.value if sent else EventKind.MEETING.value
            )
            ctx.candidates.append(Mention(m.start(1), m.end(1), name, EVENT, kind, "pattern", confidence=0.6))


def quoted_names(ctx: Context) -> None:
    """A quoted name ending like an event or a body (「東京21cクラブ」) is one, whatever its middle."""
    text = ctx.text
    for m in _QUOTED_NAME.finditer(text):
        name = m.group(1)
        ekind = _event_kind(re.sub(r"\d+$", "", name))
        if ekind:
            ctx.candidates.append(Mention(m.start(1), m.end(1), name, EVENT, ekind, "pattern", confidence=0.65))
        elif (_org_kind(name) or name.endswith(_QUOTED_BODY)) and not re.search(r"[、。の]", name):
            # 「東京21cクラブ」: a quoted name ending like a body is one, whatever its middle
            kind = _org_kind(name) or OrganisationKind.ASSOCIATION.value
            ctx.candidates.append(Mention(m.start(1), m.end(1), name, ORG, kind, "pattern", confidence=0.65))


def programmes(ctx: Context) -> None:
    """「…支援事業「X(Y)」」, 「育成プログラム「X」」: the quoted name of a programme is something run, an event,
    whatever its words (アクセラレーター, ラボ) say; a name in brackets inside is its other name."""
    for m in _PROGRAMME.finditer(ctx.text):
        name, alias = m.group("n"), m.group("a")
        ctx.candidates.append(Mention(m.start("n"), m.end("n"), name, EVENT, EventKind.MEETING.value, "pattern",
                                      confidence=0.65, aliases=[alias] if alias else []))
        if alias:
            ctx.candidates.append(Mention(m.start("a"), m.end("a"), alias, EVENT, EventKind.MEETING.value, "pattern",
                                          confidence=0.65, aliases=[name]))
