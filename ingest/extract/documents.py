"""Reading documents (.txt, .md, .html) into normalised text plus provenance.

Front matter (YAML between ``---`` lines) or HTML metadata give the title,
date and URL kept as the document's ``Source``. Encodings other than UTF-8
(Shift_JIS, EUC-JP) are detected with charset-normalizer. Simple tables are
kept apart from the running text: "label | value" rows become fields and
○/- matrices become per-column marks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.ids import digest
from graph.model import Lang, Source
from ingest.extract.jdates import first_date
from ingest.extract.normalise import normalise_name, normalise_text

DOC_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_MARKS_YES = {"○", "◯", "●", "◎", "〇", "✓", "yes"}
_MARKS_NO = {"-", "×", "ー", "—", "", "no"}
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class DocumentError(ValueError):
    """A document that cannot be read; the batch reports it and goes on."""


@dataclass(frozen=True)
class Matrix:
    """A ○/- table: each labelled column is marked yes or no."""

    labels: tuple[str, ...]
    marks: tuple[bool, ...]
    offset: int  # where the header row starts in the text


@dataclass
class Document:
    path: str
    source: Source
    text: str  # normalised; every span refers to it
    fields: dict[str, str] = field(default_factory=dict)  # "label | value" rows
    field_offsets: dict[str, int] = field(default_factory=dict)
    matrices: list[Matrix] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        return self.source.published


def decode(data: bytes) -> str:
    """UTF-8 first; otherwise the encoding charset-normalizer finds most likely."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["shift_jis", "cp932", "euc_jp", "iso2022_jp", "utf_16"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise DocumentError("cannot detect the text encoding")
    return str(best)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.DOTALL)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


_HEADER_KEYS = {"source", "url", "title", "published", "date", "publisher"}
_HEADER_LINE = re.compile(r"([A-Za-z]+):[ \t]*(.*)")


def _header(text: str) -> tuple[dict[str, Any], str]:
    """A mail-style header: leading ``KEY: value`` lines (SOURCE, TITLE, PUBLISHED…) and a blank line.

    Values such as ``unknown`` carry nothing and are left out.
    """
    meta: dict[str, Any] = {}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[i + 1 :])
            return {}, text
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match or match.group(1).lower() not in _HEADER_KEYS:
            return {}, text
        value = match.group(2).strip()
        if value and value.lower() not in ("unknown", "n/a", "none", "-"):
            meta[match.group(1).lower()] = value
    return {}, text


def _date_value(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | str) and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", str(value).strip()):
        return str(value).strip()  # ISO, possibly partial: 2017, 2017-03
    if isinstance(value, int | str) and str(value).strip():
        return first_date(normalise_name(str(value)))
    return None


def _html(text: str) -> tuple[dict[str, Any], str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    meta: dict[str, Any] = {}

    def content(**attrs: Any) -> str | None:
        tag = soup.find("meta", attrs=attrs)
        value = tag.get("content") if tag else None
        return value if isinstance(value, str) else None

    meta["title"] = content(property="og:title") or (soup.title.get_text(strip=True) if soup.title else None)
    meta["date"] = (
        content(property="article:published_time")
        or content(name="date")
        or content(name="pubdate")
        or content(itemprop="datePublished")
    )
    time_tag = soup.find("time")
    if not meta["date"] and time_tag is not None:
        value = time_tag.get("datetime")
        meta["date"] = value if isinstance(value, str) else time_tag.get_text(strip=True)
    canonical = soup.find("link", rel="canonical")
    href = canonical.get("href") if canonical else None
    meta["url"] = content(property="og:url") or (href if isinstance(href, str) else None)
    meta["publisher"] = content(property="og:site_name")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header"]):
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        row.replace_with("\n" + "\t".join(cells) + "\n")
    for figure in soup.find_all(["figcaption", "img"]):
        figure.replace_with("\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "dt", "dd")
    for block in soup.find_all(blocks):
        block.insert_before("\n")
        block.insert_after("\n")
    body = soup.body or soup
    return meta, body.get_text()


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        cells = line.split("\t")
    elif "|" in line:
        cells = line.strip().strip("|").split("|") if line.strip().startswith("|") else line.split("|")
    else:
        return None
    return [c.strip() for c in cells]


def _tables(text: str) -> tuple[dict[str, str], dict[str, int], list[Matrix]]:
    """Fields from "label | value" rows and marks from ○/- matrices."""
    fields: dict[str, str] = {}
    offsets: dict[str, int] = {}
    matrices: list[Matrix] = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    pending: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        cells = _cells(line)
        if cells is None:
            if pending and line.strip():
                label, at = pending
                fields.setdefault(label, line.strip())
                offsets.setdefault(label, at)
            pending = None
            continue
        filled = [c for c in cells if c]
        if len(filled) == 1 and len(cells) >= 2 and cells[0] and len(cells[0]) <= 30:
            pending = (normalise_name(cells[0]), starts[i])
            continue
        pending = None
        if (
            len(filled) == 2
            and cells[0]
            and len(cells[0]) <= 30
            and not all(c in _MARKS_YES | _MARKS_NO for c in filled)
        ):
            label = normalise_name(cells[0])
            if label:
                fields.setdefault(label, next(c for c in cells[1:] if c))
                offsets.setdefault(label, starts[i])
            continue
        if i + 1 < len(lines):
            marks = _cells(lines[i + 1])
            if (
                marks
                and len(filled) >= 2
                and all(c in _MARKS_YES | _MARKS_NO for c in marks[: len(cells)])
                and any(c in _MARKS_YES for c in marks)
            ):
                labels = tuple(cells)
                flags = tuple((marks[j] if j < len(marks) else "") in _MARKS_YES for j in range(len(labels)))
                matrices.append(Matrix(labels, flags, starts[i]))
    return fields, offsets, matrices


def source_id_for(path: Path, url: str | None) -> str:
    """Stable across edits of the same document, so re-ingesting replaces its facts."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-")[:40] or "doc"
    return f"doc:{stem}-{digest(url or path.name)[:8]}"


def read_document(path: str | Path) -> Document:
    """Read one document; raises ``DocumentError`` when it cannot be used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror}") from None
    text = decode(raw)
    if "\x00" in text:
        raise DocumentError(f"{path} looks like a binary file")
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype html|html)", text, re.IGNORECASE):
        meta, body = _html(text)
    else:
        meta, body = _front_matter(text.lstrip("\ufeff"))
        if not meta:
            meta, body = _header(body)
            # A header's title is read like the text (it often names the parties): first, unless it leads already.
            heading = normalise_name(str(meta.get("title") or ""))
            if heading and heading not in normalise_text(body[: len(heading) + 200]):
                body = f"{heading}\n\n{body}"
    normal = normalise_text(body)
    if not normal.strip():
        raise DocumentError(f"{path} has no text")
    fields, offsets, matrices = _tables(normal)
    title = normalise_name(str(meta.get("title") or ""))
    if not title:
        first = next((ln.strip() for ln in normal.split("\n") if ln.strip()), path.stem)
        title = first[:200]
    url = meta.get("url") or meta.get("canonical_url") or meta.get("link") or meta.get("source")
    url = str(url) if url else None
    published = _date_value(meta.get("date") or meta.get("published") or meta.get("pubDate"))
    lang = Lang.JA if len(_JA.findall(normal)) > len(normal) * 0.05 else Lang.EN
    source = Source(
        id=source_id_for(path, url),
        title=title,
        url=url,
        published=published,
        file=str(path),
        lang=lang,
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
    )
    return Document(str(path), source, normal, fields, offsets, matrices)


def expand_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the documents inside folders named (sorted)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES)
        else:
            found.append(path)
    return found


def iter_documents(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Document | DocumentError]]:
    """Each document or the reason it could not be read (never raises for one bad file)."""
    for path in expand_documents(paths):
        try:
            yield path, read_document(path)
        except DocumentError as exc:
            yield path, exc
        except (UnicodeError, ValueError) as exc:
            yield path, DocumentError(f"{path}: {exc}")
