"""Tables for the terminal that keep what users copy whole.

Every column folds instead of cutting with "…", so ids and Japanese text wrap
onto the next line; cells are plain text (never read as rich markup). Long
titles are shortened in one place (``short``) so the same title reads the same
way everywhere, and sources are shown by title and date (``source_label``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from rich.table import Table

    from graph.model import Source
    from graph.store import Store

TITLE_CHARS = 48  # a title longer than this is shortened in tables (``show`` prints it whole)


def table(*columns: str, title: str | None = None, lines: bool = False) -> Table:
    """A table whose columns wrap (fold) rather than cut their cells."""
    from rich.table import Table  # only for terminal output: --json never draws one

    out = Table(title=Text(title) if title else None, show_lines=lines)
    for column in columns:
        out.add_column(column, overflow="fold", justify="right" if column == "#" else "left")
    return out


def row(t: Table, *cells: str | Text | None) -> None:
    """Add a row of plain-text cells (markup in data is shown as typed, never interpreted)."""
    t.add_row(*(c if isinstance(c, Text) else Text("" if c is None else str(c)) for c in cells))


def short(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` cut to ``limit`` characters at a word boundary where there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–(") + "…"


def source_label(source: Source | None, source_id: str) -> str:
    """``title (date)``, or the id when the source is not stored."""
    if source is None:
        return source_id
    return f"{source.title} ({source.published})" if source.published else source.title


def source_labels(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """Each source id's ``title (date)``."""
    wanted = sorted(set(ids))
    found = {s.id: s for s in store.get_sources(wanted)} if wanted else {}
    return {i: source_label(found.get(i), i) for i in wanted}


def joined(ids: Sequence[str], labels: Mapping[str, str], sep: str = "\n") -> str:
    return sep.join(labels.get(i, i) for i in sorted(set(ids), key=lambda i: labels.get(i, i)))
