"""Which language and script a name is written in: ja, zh-Hans, zh-Hant, en or romaji.

A Han-only name is Japanese unless its characters say otherwise: simplified
forms Japanese does not use (辽宁省, 沈阳) make it zh-Hans, traditional forms
Japanese simplified differently (臺灣, 國) make it zh-Hant — both decided with
OpenCC's own tables. Latin names are romaji when they carry a romanised
administrative suffix or a macron (Kanagawa-ken, Liaoning Sheng, Tōkyō),
English otherwise.
"""

from __future__ import annotations

import functools
import re

import opencc

from graph.model import Lang

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ROMAJI = re.compile(
    r"(?:[-\s](?:ken|shi|to|fu|do|ku|machi|cho|chō|mura|son|gun|sheng|zizhiqu|xian|qu|zhen)$)|[āēīōūĀĒĪŌŪ]",
    re.IGNORECASE,
)


@functools.cache
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t"), opencc.OpenCC("t2jp")


@functools.lru_cache(maxsize=16384)
def name_lang(text: str) -> Lang:
    """The language-and-script tag of one name."""
    if _KANA.search(text):
        return Lang.JA
    if _HAN.search(text):
        t2s, s2t, t2jp = _converters()
        if t2jp.convert(text) != text:
            return Lang.ZH_HANT
        if t2s.convert(text) == text and t2jp.convert(s2t.convert(text)) != text:
            return Lang.ZH_HANS
        return Lang.JA
    if _ROMAJI.search(text.strip()):
        return Lang.ROMAJI
    return Lang.EN if re.search(r"[A-Za-z]", text) else Lang.UND
