"""What a page's layout says: items listed under a heading, the section an event heads, and the senders of
a bare 一行 or 代表団 named before."""

from __future__ import annotations

import re

from graph.model import EventKind
from ingest.extract.mentions import Mention
from ingest.extract.rules.model import EVENT, PERSON
from ingest.extract.rules.patterns import LEADER_POST, LIST_ITEM, SECTION_START, SENT_GROUP, TABLE_ROW
from ingest.extract.rules.state import State


class Layout(State):
    """Lookups on lists, sections and the delegations named before a position."""

    def _list_lines(self, pos: int, tables: bool = False) -> list[tuple[int, int]]:
        """Spans of the bulleted or numbered lines (with ``tables``, also table rows) from ``pos`` on."""
        out: list[tuple[int, int]] = []
        for line in self.text[pos:].split("\n"):
            if not out and not line.strip() and pos < len(self.text):
                pos += len(line) + 1  # 「…次のとおりです。」, a blank line, then the list
                continue
            if not (LIST_ITEM.match(line) or (tables and TABLE_ROW.match(line))):
                break
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def _listed(self, head: re.Match[str], people: bool = False) -> list[Mention]:
        """The first body or place of each item listed after a heading: on its line (「訪問先:A社、B大学」)
        or on the bulleted or numbered lines under it; with ``people``, the person an item names before any body."""
        inline = self.text[head.end() :].split("\n", 1)[0]
        if inline.strip():
            items = [(head.end() + m.start(), head.end() + m.end()) for m in re.finditer(r"[^、,\n]+", inline)]
        else:
            items = self._list_lines(head.end() + len(inline) + 1)
        out = []
        for s, e in items:
            named = [m for m in self.in_span(s, e) if self.actor(m) and m.length]
            listed = [m for m in named if m.type is PERSON] if people else []
            listed = listed or [m for m in named if m.type is not PERSON]
            if listed:
                out.append(listed[0])
        return out

    def _sender_event(self, pos: int) -> Mention | None:
        before = [m for m in self.mentions if m.type is EVENT and m.end <= pos]
        return before[-1] if before else None

    def _section_event(self, pos: int) -> Mention | None:
        """The event named last before ``pos`` in the same section: a list under 「(2) …締結」 is that
        section's, not an event named above it."""
        ev = self._sender_event(pos)
        if ev is None or SECTION_START.search(self.text, ev.end, pos):
            return None
        return ev

    def _leader(self, pos: int) -> Mention | None:
        """「P上院議員ら訪問団一行が」: a bare group word right after a person with their post is that person's."""
        people = [m for m in self.mentions if m.type is PERSON and m.end <= pos and pos - m.end <= 20]
        group = r"\s?(?:ら|一行)?\s?(?:の)?(?:代表団|訪問団|視察団|使節団|経済団|交流団)?\s?"
        led = r"(?:を(?:副)?団長と(?:する|した)[^、。]{0,12}?)?"  # 「Pを団長とする経済視察団一行」
        gap = self.text[people[-1].end : pos] if people else ""
        if people and re.fullmatch(r"[\u4e00-\u9fff]{0,6}?" + LEADER_POST + led + group, gap):
            return people[-1]
        return None

    def _sender(self, pos: int) -> Mention | None:
        """A bare 「一行」「代表団」 is the delegation last named before ``pos``: who organised it."""
        missions = [
            m for m in self.mentions if m.type is EVENT and m.end <= pos and m.kind == EventKind.DELEGATION_VISIT.value
        ]
        if missions:
            key = self.key(missions[-1])
            for f in self.facts:
                if f.type == "organised" and f.target == key and self.entities[f.source].type is not EVENT:
                    return self.entities[f.source].mentions[0] if self.entities[f.source].mentions else None
        # 「浙江省の経済交流団(…)一行15名が」: the body or place whose delegation was named last
        sent = [
            m
            for m in self.mentions
            if m.end <= pos and self.actor(m) and m.type is not PERSON and SENT_GROUP.match(self.text, m.end)
        ]
        return sent[-1] if sent else None

    def _main_event(self) -> Mention | None:
        """The event named in a 名称 row, else the first event in the title."""
        events = [m for m in self.mentions if m.type is EVENT]
        for label in ("名称", "イベント名", "セミナー名", "タイトル", "件名"):
            value = self.doc.fields.get(label)
            if value:
                named = [m for m in events if m.text in value]
                if named:
                    return named[0]
        title = self.doc.source.title or ""
        named = [m for m in events if m.text in title]
        return named[0] if named else None
