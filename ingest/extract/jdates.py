"""Dates in Japanese (and English) text, as ISO partial dates.

Handles 2018年5月8日, Japanese eras (令和/平成/昭和/大正, 元年), 2018-05-08,
English month names, and dates relative to the document date (昨年, 今年,
来年, a bare 6月24日). Without a document date, relative dates are left out
rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868}
_MONTHS_EN = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_MONTHS_EN.update({m[:3]: i for m, i in list(_MONTHS_EN.items())})
_RELATIVE = {"一昨年": -2, "昨年": -1, "去年": -1, "前年": -1, "今年": 0, "本年": 0, "当年": 0, "来年": 1}

_ERA = "|".join(ERAS)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("era", re.compile(rf"({_ERA})\s*(\d{{1,2}}|元)\s*年(?:度)?(?:\s*(\d{{1,2}})\s*月(?:\s*(\d{{1,2}})\s*日)?)?")),
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*年(?:度)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")),
    ("iso", re.compile(r"(?<![\d/.-])(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d/.-])")),
    (
        "rel",
        re.compile(r"(一昨年|昨年|去年|前年|今年|本年|当年|来年)(?:度)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?"),
    ),
    ("md", re.compile(r"(?<![\d年])(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")),
    (
        "en_mdy",
        re.compile(
            r"\b(" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "en_dmy",
        re.compile(
            r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?\s+(\d{4})\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str
    relative: bool = False  # resolved against the document date


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Every date in ``text``; ``reference`` (an ISO partial date) resolves relative ones."""
    ref_year = int(reference[:4]) if reference else None
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            iso: str | None = None
            relative = False
            if kind == "era":
                n = 1 if m.group(2) == "元" else int(m.group(2))
                iso = _iso(ERAS[m.group(1)] + n - 1, _int(m.group(3)), _int(m.group(4)))
            elif kind in ("ymd", "iso"):
                iso = _iso(int(m.group(1)), _int(m.group(2)), _int(m.group(3)))
            elif kind == "rel":
                if ref_year is None:
                    continue
                iso = _iso(ref_year + _RELATIVE[m.group(1)], _int(m.group(2)), _int(m.group(3)))
                relative = True
            elif kind == "md":
                if ref_year is None:
                    continue
                iso = _iso(ref_year, int(m.group(1)), _int(m.group(2)))
                relative = True
            elif kind == "en_mdy":
                iso = _iso(int(m.group(3)), _MONTHS_EN[m.group(1).lower()], _int(m.group(2)))
            elif kind == "en_dmy":
                iso = _iso(int(m.group(3)), _MONTHS_EN[m.group(2).lower()], int(m.group(1)))
            if iso:
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), iso, relative))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str, reference: str | None = None) -> str | None:
    """The first date in ``text`` (for metadata values such as a table cell)."""
    dates = find_dates(text, reference)
    return dates[0].iso if dates else None
