"""Partial dates: documents often say only "2018" or "May 2018".

A partial date is kept as the ISO prefix the source supports (``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``) and compared through the interval it covers, so
"valid in 2018" neither invents a day nor loses the year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: Any) -> str:
    """Validate and normalise a partial date to its ISO prefix form."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date like 2018, 2018-05 or 2018-05-08, got {value!r}")
    text = value.strip()
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"malformed date {value!r}: expected 2018, 2018-05 or 2018-05-08")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"malformed date {value!r}: month {month} is out of range")
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValueError(f"malformed date {value!r}: {exc}") from None
    return text


PartialDate = Annotated[str, BeforeValidator(parse_partial_date)]


def earliest(value: str) -> dt.date:
    """First day covered by a partial date."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(value: str) -> dt.date:
    """Last day covered by a partial date."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return dt.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, parts[2])


def valid_on(valid_from: str | None, valid_to: str | None, day: dt.date) -> bool:
    """Whether a fact valid from ``valid_from`` to ``valid_to`` may hold on ``day``.

    A partial bound is read generously (a tie "from 2018" may hold on any day of
    2018); an open bound is unbounded.
    """
    if valid_from is not None and earliest(valid_from) > day:
        return False
    return not (valid_to is not None and latest(valid_to) < day)
