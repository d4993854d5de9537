"""Places a page names only as part of a body's name."""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import ORG, PLACE

# Facts that only say where something lies: a place known from them alone is no party of the page.
_CONTEXT = ("located_in",)
# What follows a place that stands apart inside a body's name: an office's word (「パリ事務所」, 「台北駐福岡
# 弁事処」), ・ (「リヨン・ビオポール」) or a space between words (「Embassy of Finland in Tokyo」): the body is
# that place's office or a thing of the place.
_APART = re.compile(r"\s|・|事務所|弁事処|代表処|オフィス|支部|支社|支店")


class Within(Core):
    """「北海道大学」, 「東京21cクラブ」, 「在大阪中国総領事館」: a place written only inside a body's name, run into
    it, is part of the name; the page does not speak of the place itself, so it is no entity of the page."""

    def drop_places_within_names(self) -> None:
        """Drop each place other than a country every mention of which is run into an organisation's name and
        that no fact but ``located_in`` reaches."""
        bodies = [(m.start, m.end) for m in self.mentions if m.type is ORG and m.length]
        tied = {k for f in self.facts if f.type not in _CONTEXT for k in (f.source, f.target)}
        dropped: set[str] = set()
        for key, ent in self.entities.items():
            if ent.type is not PLACE or ent.kind == "country" or key in tied:
                continue
            named = [m for m in ent.mentions if m.length]  # an empty mention: a place reached through another
            if named and all(self._run_into(m, bodies) for m in named) and len(named) == len(ent.mentions):
                dropped.add(key)
        if dropped:
            self.facts = [f for f in self.facts if f.source not in dropped and f.target not in dropped]
            self.entities = {k: v for k, v in self.entities.items() if k not in dropped}

    def _run_into(self, m: Mention, bodies: list[tuple[int, int]]) -> bool:
        """``m`` lies inside a body's longer name and does not stand apart in it."""
        inside = any(s <= m.start and m.end <= e and m.length < e - s for s, e in bodies)
        return inside and not _APART.match(self.text, m.end) and not self.text[m.start - 1 : m.start].isspace()
