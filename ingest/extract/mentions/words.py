"""Tests on a name's characters alone (no parse): legal forms, titles, ministries, a body inside a
longer name, names glued to a neighbour, where a ・-joined katakana name begins."""

from __future__ import annotations

import re

from ingest.extract.gazetteer import Gazetteer
from ingest.extract.lexicon import DEPARTMENT_SUFFIXES, HONORIFICS, LEGAL_PREFIXES, ORG_SUFFIXES, TITLES
from ingest.extract.mentions.model import _org_kind
from ingest.extract.mentions.patterns import _JOINED_LEFT, _KANJI, _KATA, _TITLE_ALT, _UNIT, _UNIT_SPLIT


def _is_title(text: str) -> bool:
    """A post, its deputy's (副学長, 副理事長) or an honorific: it ends a name run and never belongs inside a
    name."""
    return text in TITLES or text in HONORIFICS or (text[:1] == "副" and text[1:] in TITLES)


def _strip_legal(text: str) -> tuple[str, str | None]:
    """The name without its legal-form prefix (株式会社, 公益財団法人 …), and the full legal name if it had one."""
    for prefix in LEGAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            return text[len(prefix) :].lstrip(), text
    return text, None


def _ministry(name: str, gaz: Gazetteer) -> bool:
    """A kanji X省 that names no known province (経産省, 農水省) is a ministry."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}省", name) or re.search(r"[県市州都府道区]", name[:-1]):
        return False  # 「友好県省」: a pair of places, not a ministry
    # 「中国浙江省」: a province the gazetteer knows at the end of the name
    return all(gaz.lookup(name[i:]) is None for i in range(len(name) - 2)) and gaz.lookup(name[:-1]) is None


def _joined_start(text: str, start: int, end: int, known: list[tuple[int, int]]) -> int:
    """Where a katakana name joined by ・ begins (ラングドック・ルシヨン州, バリア・ブンタウ省).

    The name does not reach back over a known place before a ・ (フランス・ディジョン…):
    that one only says where the name lies. Nor is a person's name before a post a place
    (マルク・ファンデルベルク州執行委員): the joined name must occur without a post after it.
    """
    left = _JOINED_LEFT.search(text, max(0, start - 40), start)
    if left is None:
        return start
    joined = text[left.start() : end]
    if not re.search(re.escape(joined) + r"(?!" + _TITLE_ALT + r"|執行|議長|首相|知事)", text):
        return start
    begin = left.start()
    for ks, ke in known:
        if begin <= ks < start and ke < start and text[ke : ke + 1] == "・":
            begin = ke + 1
    return begin


def _glued_katakana(text: str, s: int, e: int, known_ends: set[int], known_starts: set[int]) -> bool:
    """A katakana place name that is only part of a longer katakana name.

    A known place next to it (タジキスタンキルギス) or before the ・ (ドイツ・バイエルン州)
    is a neighbour, not part of one name.
    """
    if not _KATA.match(text, s) or not _KATA.match(text, e - 1):
        return False
    if e < len(text) and _KATA.match(text, e) and e not in known_starts:
        return True
    if s > 0 and _KATA.match(text, s - 1) and s not in known_ends:
        return True
    return s > 1 and text[s - 1] == "・" and bool(_KATA.match(text, s - 2)) and (s - 1) not in known_ends


def _names_body(text: str) -> bool:
    """Whether a body's name ends somewhere in ``text`` (センター in 台湾貿易センター高雄)."""
    return any(len(suffix) >= 2 and suffix in text[1:] for suffix, _kind in ORG_SUFFIXES)


def _in_latin_name(text: str, s: int, e: int, known_ends: set[int]) -> bool:
    """A Latin place name right after a capitalised word of a longer name (「Dutch Greenhouse Delta」);
    a known place before it (「Osaka Kobe」) is a neighbour, not part of one name."""
    if not text[s:e].isascii():
        return False
    before = re.search(r"(?:^|[^A-Za-z])([A-Z][A-Za-z]+) $", text[max(0, s - 30) : s])
    return before is not None and (s - 1) not in known_ends


def _glued(text: str, s: int, e: int) -> bool:
    """An ASCII span that is only part of a longer Latin word (MARKET in MAGIA2MARKET)."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or (
        e < len(text) and text[e].isascii() and text[e].isalnum()
    )


def _split_units(chunk: str) -> list[str]:
    """政策局ヘルスケア推進本部室 -> [政策局, ヘルスケア推進本部室]."""
    for i, ch in enumerate(chunk[:-3]):
        if ch in _UNIT_SPLIT and i >= 1 and _UNIT.fullmatch(chunk[i + 1 :]):
            return [chunk[: i + 1], *_split_units(chunk[i + 1 :])]
    return [chunk]


def _inner_org_end(name: str) -> int | None:
    """Where a complete body ends inside a longer org name, if a sub-unit follows."""
    for strong in ("機構", "協会", "大学", "商工会議所", "株式会社", "財団", "大使館", "センター"):
        at = name.find(strong)
        if at > 0 and at + len(strong) < len(name) - 1:
            rest = name[at + len(strong) :]
            if rest.startswith("院"):
                continue  # 「X大学院大学」: 大学院 is one word, the graduate university one body
            if _org_kind(rest) or rest.endswith(DEPARTMENT_SUFFIXES):
                return at + len(strong)
    return None


def _person_span(text: str, s: int, e: int) -> tuple[str, int, int]:
    """A person's span without the title or honorific the entity recogniser ran into it."""
    surface = text[s:e]
    for title in (*TITLES, *HONORIFICS):
        if surface.endswith(title) and len(surface) > len(title) + 1:
            e -= len(title)
            surface = surface[: -len(title)]
            break
    surface = surface.strip(" ・")
    return surface, s, s + len(surface)


def clean_person(name: str) -> str:
    """笹山 美紀子 -> 笹山美紀子; katakana and Latin names keep their separators."""
    if re.fullmatch(rf"[{_KANJI}々]+ [{_KANJI}々]+", name):
        return name.replace(" ", "")
    return re.sub(r"・\s+", "・", name)

