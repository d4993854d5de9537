"""Small text helpers of the relation rules: names, sentences, roles, sectors."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ingest.extract.lexicon import HONORIFICS, SECTOR_WORDS, WEAK_SECTOR_WORDS
from ingest.extract.mentions import Mention


def unyeared(name: str) -> str:
    """「日豪水素サミット2026」 is named again as 「サミット」: compare names without their year."""
    return re.sub(r"\s?(?:19|20)\d\d(?:年)?$", "", name)


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence (as the sentence rules cut them) around ``pos``."""
    start = max(text.rfind(ch, 0, pos) for ch in "。!?\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。!?\n") if i >= 0]
    return start, min(ends) + 1 if ends else len(text)


def full_names(names: list[str]) -> dict[str, str]:
    """Short person names that stand for exactly one longer name of the document.

    A kanji family name is the start of the full name (鈴木 -> 鈴木英敬); a katakana one
    is its last part (ボナッチーニ -> ステファノ・ボナッチーニ).
    """
    out: dict[str, str] = {}
    distinct = set(names)
    for short in distinct:
        if len(short) < 2:
            continue
        longer = {
            n
            for n in distinct
            if len(n) > len(short)
            and (
                (re.fullmatch(r"[\u4e00-\u9fff々]+", short) and n.startswith(short))
                or n.endswith("・" + short)
                or n.startswith(short + "・")
            )
        }
        if len(longer) == 1:
            out[short] = longer.pop()
    # the same foreign name spelt two ways on one page (グエン・タイン・ロン, later グエン・タン・ロン)
    ordered = list(dict.fromkeys(names))
    for i, later in enumerate(ordered):
        if later in out:
            continue
        first = next((n for n in ordered[:i] if spelt_alike(n, later)), None)
        if first is not None:
            out[later] = out.get(first, first)
    return out


def spelt_alike(a: str, b: str) -> bool:
    """Two katakana names of as many parts, all alike but one, and that one close in sound and length."""
    pa, pb = a.split("・"), b.split("・")
    if len(pa) < 2 or len(pa) != len(pb) or not re.fullmatch(r"[\u30a1-\u30fa\u30fc・]+", a + b):
        return False
    differ = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
    return len(differ) == 1 and fuzz.ratio(*differ[0]) >= 75


def nested_in(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.length < outer.length


def closest(before: list[Mention]) -> Mention | None:
    """The mention ending last (the longest of those), not a place nested in its name."""
    return max(before, key=lambda m: (m.end, m.length)) if before else None


def role_between(between: str) -> str | None:
    text = re.sub(r"^\s*(?:の|である)?\s*", "", between).strip()
    text = re.sub(r"\s*(?:である|の)\s*$", "", text).strip()
    text = text.strip(" ・")
    for h in HONORIFICS:
        text = text.removesuffix(h)
    return text[:80] or None


def sectors_in(text: str, strict: bool = True) -> list[str]:
    """Sector ids named in ``text`` (broad words only next to 分野/産業/領域 when strict)."""
    found: list[str] = []
    covered: list[tuple[int, int]] = []
    for word in sorted(SECTOR_WORDS, key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if any(m.start() < ce and cs < m.end() for cs, ce in covered):
                continue
            if (
                strict
                and word in WEAK_SECTOR_WORDS
                and not re.match(r"[・、やと]?.{0,12}(?:分野|産業|領域)", text[m.end() :])
            ):
                continue
            covered.append((m.start(), m.end()))
            sector = SECTOR_WORDS[word]
            if sector not in found:
                found.append(sector)
    return found


def fellows(text: str, subject: Mention, people: list[Mention]) -> list[Mention]:
    """The people coordinated before a person who is a subject: 「P教授と、同大学のQ准教授が」, 「P、Q及びRは」
    — each does what the subject does."""
    joined = r"[^、。と()「」]{0,10}?(?:氏|さん|様)?(?:と|、|及び|および|並びに)、?(?:[^、。と()「」]{1,20}?の)?"
    out: list[Mention] = []
    head = subject
    while True:
        before = [p for p in people if p.end <= head.start and re.fullmatch(joined, text[p.end : head.start])]
        if not before:
            return out
        head = before[-1]
        out.append(head)
