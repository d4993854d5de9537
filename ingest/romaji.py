"""Romaji for Japanese names that have none, so a name can be typed as it sounds
("Mie ken", "Kanagawa ken", "Sakamoto Katsuaki").

cutlet (Hepburn over the fugashi/MeCab tokenizer with the UniDic-lite dictionary
shipped in its wheel, nothing downloaded) romanises the primary Japanese name;
katakana loanwords keep their foreign spelling (バスク州 → "Basque shuu"). The
result is stored as a romaji alias, which search and name resolution match like
any other name and which ``Entity.name("romaji")`` shows.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from graph.model import Batch, EntityRecord, Lang, Name, NameKind
from graph.names import name_key

log = logging.getLogger("kizuna.ingest")


@functools.cache
def _cutlet() -> Any:
    try:
        import cutlet
    except ImportError:  # an environment installed before cutlet was a dependency: load without romaji
        log.warning("cutlet is not installed (pip install -e .): Japanese names get no generated romaji")
        return None
    return cutlet.Cutlet()


def romanise(text: str) -> str | None:
    """``text`` in Hepburn romaji, or None when nothing readable comes out (or cutlet is missing)."""
    converter = _cutlet()
    if converter is None:
        return None
    romaji = " ".join(str(converter.romaji(text)).split())
    return romaji if romaji and name_key(romaji) and romaji.isascii() else None


def with_romaji(batch: Batch) -> Batch:
    """``batch`` with a generated romaji alias on every entity that has a Japanese name and no romaji one."""
    records = []
    for record in batch.entities:
        e = record.entity
        japanese = [n for n in e.names if n.lang is Lang.JA and n.kind is NameKind.PRIMARY]
        if not japanese or any(n.lang is Lang.ROMAJI for n in e.names):
            records.append(record)
            continue
        romaji = romanise(japanese[0].text)
        if romaji is None or name_key(romaji) in {name_key(n.text) for n in e.names}:
            records.append(record)
            continue
        names = (*e.names, Name(text=romaji, lang=Lang.ROMAJI, kind=NameKind.ALIAS))
        records.append(EntityRecord(entity=e.model_copy(update={"names": names}), sources=record.sources))
    return batch.model_copy(update={"entities": records})
