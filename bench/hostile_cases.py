"""Hostile fact files: each breaks one rule or limit, and each must be refused
with a one-line message naming the file and the rule, leaving the store as it was.

Shared by the test suite (``tests/test_hostile_files.py``) and the hostile run
(``bench/hostile.py``), so both try the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str  # ".yaml", ".json" or ".csv"
    content: bytes
    expect: str  # a phrase the refusal must contain


def _alias_bomb(levels: int) -> bytes:
    """The "billion laughs": each level lists the previous one nine times."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


_ENTITY = '{"kizuna": 1, "entities": [{"type": "person", "name": {"en": %s}}]}'

CASES: tuple[Case, ...] = (
    Case("yaml alias bomb", ".yaml", _alias_bomb(9), "MAX_ALIAS_EXPANSION"),
    Case("yaml self-referring alias", ".yaml", b"entities: &a [*a]\n", "refers to the collection"),
    Case("yaml nested 100,000 deep", ".yaml", b"[" * 100_000 + b"]" * 100_000, "MAX_NESTING_DEPTH"),
    Case("json nested 100,000 deep", ".json", b"[" * 100_000 + b"]" * 100_000, "MAX_NESTING_DEPTH"),
    Case("json 5,000-digit integer", ".json", b'{"kizuna": ' + b"9" * 5000 + b"}", "digits"),
    Case("yaml 5,000-digit integer", ".yaml", b"kizuna: " + b"9" * 5000 + b"\n", "digits"),
    Case("lone surrogate in a title", ".json",
         b'{"kizuna": 1, "sources": [{"id": "s1", "title": "bad \\ud800 title"}]}', "unpaired surrogate"),
    Case("NUL in a name", ".json", (_ENTITY % '"a\\u0000b"').encode(), "control character (U+0000)"),
    Case("escape sequence in a name", ".json", (_ENTITY % '"\\u001b[31mred"').encode(), "control character (U+001B)"),
    Case("duplicate yaml keys", ".yaml", b"kizuna: 1\nentities: []\nentities: []\n", "appears twice"),
    Case("duplicate json keys", ".json", b'{"kizuna": 1, "kizuna": 1}', "appears twice"),
    Case("not utf-8", ".yaml", b"kizuna: 1\ntitle: \xff\xfe\n", "not UTF-8"),
    Case("broken yaml", ".yaml", b"entities: [\n", "not valid YAML"),
    Case("too many aliases", ".json",
         ('{"kizuna": 1, "entities": [{"type": "person", "name": {"en": "Many Names"}, "aliases": ['
          + ", ".join(f'"alias {i}"' for i in range(1000)) + "]}]}").encode(), "MAX_NAMES_PER_ENTITY"),
    Case("duplicate entities", ".json",
         b'{"kizuna": 1, "defaults": {"source": "s"}, "sources": [{"id": "s", "title": "t"}], "entities": ['
         b'{"id": "person:x", "type": "person", "name": {"en": "X"}},'
         b'{"id": "person:x", "type": "person", "name": {"en": "X again"}}]}', "person:x"),
    Case("relation to an unknown entity", ".yaml",
         b"kizuna: 1\nsources: [{id: s, title: t}]\nrelations:\n  - {type: works_for, source: person:nobody,"
         b" target: org:nothing, evidence: s}\n", "line 4"),
)
