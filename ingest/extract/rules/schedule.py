"""Visits read from a delegation's schedule: the rows under 「【日程】」 or 「行程:」."""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import PERSON
from ingest.extract.rules.patterns import FACILITIES

# A heading over a schedule: 「【日程】」, 「■主な行程」, 「訪問日程:」 (nothing else on its line).
SCHEDULE_HEADING = re.compile(
    r"^[ \t]*(?:[■◆●□]|【)?[ \t]*(?:主な|訪問|視察|滞在)?(?:日程|行程|スケジュール)(?:概要)?(?:】|[ \t]*[:：])?[ \t]*$",
    re.MULTILINE,
)
# A row of it: a date first (「8月6日」, 「8/6(木)」, 「1日目」), as a line or a table row.
SCHEDULE_ROW = re.compile(
    r"[ \t]*(?:[|｜・\-][ \t]*)?(?:\d{1,2}月\d{1,2}日|\d{1,2}/\d{1,2}|第?\d{1,2}日目)(?:\s?[(（][^()（）\n]{1,4}[)）])?"
)
# What a row's item says was done at a place or body: 「X表敬訪問」, 「Xを訪問」, 「X視察」, 「X見学」.
ROW_VISIT = re.compile(r"(?:を|へ)?(?:表敬訪問|表敬|訪問|視察|見学)")
# A table's header row with a column of the places or bodies visited: 「| 月日 | 訪問先 | 内容 |」.
VISITS_COLUMN = re.compile(r"^[ \t]*[|｜][^\n]*?(?:訪問先|視察先|訪問機関|訪問地)[^\n]*$", re.MULTILINE)
COLUMN_NAMES = ("訪問先", "視察先", "訪問機関", "訪問地", "主な訪問先", "訪問先機関")
# A site of the body named before the verb: 「香川県庁表敬訪問」 calls on the prefecture, 「X社本社訪問」 on X.
SITE = r"\s?(?:県庁|市役所|庁舎|" + "|".join(FACILITIES) + r")?\s?"


class Schedule(Core):
    """Visits read from a delegation's schedule."""

    def schedule_rows(self) -> None:
        """Each place or body a schedule row says was called on, visited or toured (「8月6日 香川大学視察、
        株式会社タダノ訪問」) was visited by whoever the page reports travelling: the visitor of the last visit
        it stated before the schedule, else the delegation named last."""
        for head in SCHEDULE_HEADING.finditer(self.text):
            visitor = self._visitor(head.start())
            if visitor is None:
                continue
            pos = head.end() + 1
            for line in self.text[pos:].split("\n"):
                row = SCHEDULE_ROW.match(line)
                if row is None:
                    break
                self._row_visits(visitor, pos + row.end(), pos + len(line))
                pos += len(line) + 1

    def _visitor(self, pos: int) -> Mention | None:
        """Whoever the page reports travelling, before ``pos``: the visitor of the last visit it stated, else
        the delegation named last."""
        visits = [f for f in self.facts if f.type == "visited" and f.start < pos]
        visitor = self.entities[visits[-1].source].mentions[0] if visits else None
        return visitor or self._sender(pos)

    def visits_column(self) -> None:
        """「| 5月21日 | X社 | 工場視察 |」 under 「| 月日 | 訪問先 | 内容 |」: the body or place in the visits
        column of each row was visited by whoever the page reports travelling."""
        for head in VISITS_COLUMN.finditer(self.text):
            cells = [c.strip() for c in re.split(r"[|｜]", head.group().strip())]
            column = next((i for i, c in enumerate(cells) if c in COLUMN_NAMES), None)
            visitor = self._visitor(head.start())
            if column is None or visitor is None:
                continue
            pos = head.end() + 1
            for line in self.text[pos:].split("\n"):
                if not re.match(r"[ \t]*[|｜]", line):
                    break
                bounds = [0, *(m.start() for m in re.finditer(r"[|｜]", line)), len(line)]
                if column + 1 < len(bounds) and not re.fullmatch(r"[|｜\s:：\-—]*", line):
                    s, e = pos + bounds[column], pos + bounds[column + 1]
                    named = [m for m in self.in_span(s, e) if self.actor(m) and m.length and m.type is not PERSON]
                    outer = [m for m in named if not any(o.start <= m.start and m.end <= o.end and o is not m
                                                          and o.length > m.length for o in named)]
                    if outer and self.key(outer[0]) != self.key(visitor):
                        self.add("visited", self.key(visitor), self.key(outer[0]), (s, e), 0.55)
                pos += len(line) + 1

    def _row_visits(self, visitor: Mention, s: int, e: int) -> None:
        named = [m for m in self.in_span(s, e) if self.actor(m) and m.length and m.type is not PERSON]
        for hit in ROW_VISIT.finditer(self.text, s, e):
            # the body or place right before the verb, maybe with its site between (「香川県庁」, 「X社本社」)
            before = [
                m
                for m in named
                if m.end <= hit.start()
                and re.fullmatch(SITE, self.text[m.end : hit.start()])
            ]
            # the whole name, not a place inside it (「静岡大学浜松キャンパス」 is no visit to 浜松)
            host = max(before, key=lambda m: (m.end, m.length)) if before else None
            inner = host is not None and any(o.start < host.start and host.end <= o.end for o in named)
            if host is not None and not inner and self.key(host) != self.key(visitor):
                self.add("visited", self.key(visitor), self.key(host), (s, e), 0.55)
