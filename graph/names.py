"""Name keys: one comparable form for a name written in ja, zh or en.

Users type 遼寧省, 辽宁省 or "Liaoning  Province"; sources mix full and half
width. A key folds width (NFKC), case, spacing and punctuation, and variant
characters (Japanese shinjitai, traditional and simplified Chinese all map to
simplified through OpenCC), so equal names meet on one key. Keys are only ever
compared whole: a key never matches a longer name that contains it.
"""

from __future__ import annotations

import functools
import unicodedata

import opencc

_DROP_CATEGORIES = ("P", "Z", "S", "C")


@functools.cache
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")


def fold_variants(text: str) -> str:
    """Map Japanese, traditional and simplified variant characters to one form."""
    jp2t, t2s = _converters()
    return str(t2s.convert(jp2t.convert(text)))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison key of a name (empty for a name with no letters)."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(ch for ch in normal if not unicodedata.category(ch).startswith(_DROP_CATEGORIES))
    return fold_variants(kept)
