"""The page a browser gets when a view is asked for a name that names nothing (or several things):
the nearest names or the candidates, each linked to the same view, in the page's language."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from graph.model import Lang
from viz.messages import text, type_name


def _entity(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """A suggestion (a search hit, with ``entity``) or a candidate (the entity itself)."""
    inner = item.get("entity")
    return inner if isinstance(inner, Mapping) else item


def missing_html(
    asked: str,
    lang: Lang | str,
    *,
    suggestions: Iterable[Mapping[str, Any]] = (),
    candidates: Iterable[Mapping[str, Any]] = (),
    link: Callable[[str], str],
) -> str:
    """An HTML page: ``asked`` is unknown (``suggestions``) or ambiguous (``candidates``); ``link(id)``
    is the address of the same view for one of them."""
    lang = Lang(lang)
    picks = [_entity(c) for c in candidates] or [_entity(s) for s in suggestions]
    lead = text(lang, "missing.ambiguous" if candidates else "missing.unknown", text=asked)
    items = []
    for e in picks:
        ja, en = str(e.get("name_ja", "")), str(e.get("name_en", ""))
        name = ja if ja == en or not en else f"{ja} / {en}"
        kind = type_name(lang, str(e.get("type", "")))
        items.append(f'<li><a href="{html.escape(link(str(e["id"])))}">{html.escape(name)}</a> '
                     f'<span class="muted">({html.escape(kind)}, {html.escape(str(e["id"]))})</span></li>')
    if items:
        body = ("" if candidates else f"<p>{html.escape(text(lang, 'missing.suggestions'))}</p>") + \
            f"<ul>{''.join(items)}</ul>"
    else:
        body = f"<p>{html.escape(text(lang, 'missing.none'))}</p>"
    title = html.escape(text(lang, "missing.title", text=asked))
    return f"""<!doctype html>
<html lang="{lang.value}"><head><meta charset="utf-8"><title>{title} — Kizuna</title><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:"Hiragino Sans","Noto Sans CJK JP",system-ui,sans-serif;max-width:44rem;margin:2rem auto;
padding:0 1rem;color:#222}}li{{margin:.35rem 0}}.muted{{color:#777}}</style></head>
<body><h1>{title}</h1><p>{html.escape(lead)}</p>{body}
<p><a href="/?lang={lang.value}">{html.escape(text(lang, "missing.search"))}</a></p></body></html>"""
