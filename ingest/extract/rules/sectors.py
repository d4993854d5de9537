"""Which sectors an entity is said to work in."""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import EVENT, ORG, PLACE
from ingest.extract.rules.text import sectors_in


class Sectors(Core):
    """Which sectors an entity is said to work in."""

    def matrix_sectors(self) -> None:
        """○ columns of a matrix naming a sector -> the document's main body focuses on it."""
        if not self.doc.matrices:
            return
        subject = self._main_entity()
        if subject is None:
            return
        for matrix in self.doc.matrices:
            for label, yes in zip(matrix.labels, matrix.marks, strict=False):
                if not yes:
                    continue
                for sector in sectors_in(label, strict=False):
                    self._sector(subject, sector, (matrix.offset, matrix.offset + len(label)))

    def _main_entity(self) -> str | None:
        for label in ("組織名", "機関名", "名称", "団体名"):
            value = self.doc.fields.get(label)
            if value:
                for m in self.mentions:
                    if m.start >= self.doc.field_offsets.get(label, 0) and m.type in (ORG, PLACE) and m.text in value:
                        pass
                placed = [
                    (max(value.rfind(n) for n in ent.names if n in value), k)
                    for k, ent in self.entities.items()
                    if ent.actor and any(n in value for n in ent.names)
                ]
                if placed:
                    return max(placed)[1]
        title = self.doc.source.title
        for m in self.mentions:
            if m.start < len(title) + 5 and self.actor(m):
                return self.key(m)
        return None

    def name_sectors(self) -> None:
        """Bodies, events and agreements whose names say their field (再生医療センター, 銀行, 工業団地)."""
        for key, ent in list(self.entities.items()):
            if ent.type not in (ORG, EVENT) or not ent.mentions:
                continue
            m = ent.mentions[0]
            for sector in sectors_in(ent.name, strict=ent.type is not EVENT):
                self._sector(key, sector, (m.start, m.end), 0.55)

    def topic_sectors(self, sentence: str, s: int, e: int, subject: Mention | None) -> None:
        """「Xは…新素材や医療に注目/注力/重点」 -> X focuses on those sectors."""
        if subject is None or not re.search(r"注力|重点|焦点|注目|力を入れ|重視|強化|育成|目指", sentence):
            return
        for sector in sectors_in(sentence):
            self._sector(self.key(subject), sector, (s, e), 0.5)
