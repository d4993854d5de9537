"""Text normalisation before recognition.

Entity spans must never contain markup, URLs or reading aids, and the same
name must look the same wherever it appears, so the text is rewritten once
(NFKC width folding, furigana removal, markdown and URL stripping) and every
character span the extractor reports refers to this normalised text.
"""

from __future__ import annotations

import re
import unicodedata

_KANJI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
# 大連（だいれん）市 -> 大連市: a reading in hiragana (or katakana) right after kanji.
_FURIGANA = re.compile(rf"(?<=[{_KANJI}])\((?:[\u3041-\u309f]{{1,12}}|[\u30a1-\u30fa\u30fc]{{1,12}})\)")
# Every pattern is bounded (no unbounded run before a required character, no
# whitespace run that may span lines), so matching stays linear in the text:
# a document of one repeated character must not cost quadratic time.
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(<?[^)\n]{0,2000}>?\)")
_ANGLE_URL = re.compile(r"\(?<https?://[^<>\s]{1,2000}>\)?")
_URL = re.compile(r"https?://[^\s\u3000-\u30ff\u4e00-\u9fff()<>\"'「」（）、。]{1,2000}")
_HATENA_IMAGE = re.compile(r"\bf:id:[\w-]{1,100}:\d{1,20}[a-z]?:(?:plain|image)\b")
# An address starts where a run of address characters starts (the lookbehind),
# and each part has the length RFC 5321 allows.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?:/[\w/]{0,200})?")
_MD_EMPHASIS = re.compile(r"(\*\*|__)([^\n]{1,300}?)\1")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:-[ \t]*){3,}$", re.MULTILINE)
_SPACES = re.compile(r"[ \u00a0]{2,}")
# Characters NFKC leaves that we still want folded to their plain forms.
_EXTRA = str.maketrans({"〜": "~", "～": "~", "−": "-", "‐": "-", "―": "-", "“": '"', "”": '"', "＂": '"'})


def nfkc(text: str) -> str:
    """Width and compatibility folding (full-width digits and Latin become ASCII)."""
    return unicodedata.normalize("NFKC", text).translate(_EXTRA)


def remove_furigana(text: str) -> str:
    """Drop parenthesised readings that follow kanji (大連(だいれん)市 -> 大連市)."""
    return _FURIGANA.sub("", text)


def strip_markup(text: str) -> str:
    """Remove markdown syntax, image references, URLs and e-mail addresses.

    An image becomes a line break so its caption is a sentence of its own and
    never glues onto the name before it.
    """
    text = _MD_IMAGE.sub("\n", text)
    text = _HATENA_IMAGE.sub("\n", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _ANGLE_URL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_RULE.sub("", text)
    return text


# A line broken inside a sentence, as text taken from a PDF or a fixed-width page is: a katakana name broken
# after its ・ (「ノルトライン・\nヴェストファーレン州」), or a line of some length ending in a particle or a comma
# (「…ハノイ工科大学と\n学術交流協定を締結」). Headings, labels and list items do not end so.
_BROKEN_NAME = re.compile(r"(?<=[\u30a1-\u30fa\u30fc]・)\n(?=[\u30a1-\u30fa])")
_BROKEN_LINE = re.compile(
    r"^([^\n]{14,300}?[とをにがはでへや、])\n(?=[\u3041-\u309f\u30a1-\u30fa\u4e00-\u9fff])", re.MULTILINE
)


def unwrap(text: str) -> str:
    """Join the lines a sentence or a name was broken over."""
    return _BROKEN_LINE.sub(r"\1", _BROKEN_NAME.sub("", text))


def normalise_text(text: str) -> str:
    """The one text form every span refers to."""
    text = nfkc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = remove_furigana(text)
    text = strip_markup(text)
    text = _SPACES.sub(" ", text)
    text = unwrap(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def normalise_name(text: str) -> str:
    """A display form for a name: folded, readings removed, spaces squeezed."""
    text = remove_furigana(nfkc(text)).strip(" \t\n・、,:;\"'「」『』()")
    return re.sub(r"\s+", " ", text)
