"""Events and who holds, co-hosts, speaks at or joins them; founding and membership."""

from __future__ import annotations

import re

from ingest.extract.lexicon import AGREEMENT_VERBS, SPEAKER_WORDS
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import EVENT, ORG, PERSON, PLACE
from ingest.extract.rules.patterns import (
    ATTENDEE_HEADINGS,
    HELD_AT,
    HELD_WITH,
    HOLDS,
    JOINS,
    ORGANISER_ROW,
    PEOPLE_HEADINGS,
    QUOTED_PARTNER,
    QUOTED_SUBJECT,
)
from ingest.extract.rules.text import closest, nested_in, sentence_at


class Events(Core):
    """Events and who holds, co-hosts, speaks at or joins them; founding and membership."""

    def signed_at_events(self) -> None:
        """「Eにおいて、AとBが覚書を締結」: the parties of a signing held at a named event attended it."""
        signings: dict[tuple[int, int], dict[str, None]] = {}  # parties in the order they were found
        for f in self.facts:
            if f.type == "party_to" and self.entities[f.source].type is not PERSON:
                signings.setdefault((f.start, f.end), {})[f.source] = None
        signing = "|".join(map(re.escape, AGREEMENT_VERBS))
        for (s, e), parties in signings.items():
            verbs = [s + m.start() for m in re.finditer(signing, self.text[s:e])]
            for ev in self.in_span(s, e):
                if ev.type is EVENT and any(ev.end < v for v in verbs) and HELD_AT.match(self.text, ev.end):
                    for p in parties:
                        self.add("attended", p, self.key(ev), (s, e), 0.55)

    def founding(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        for fm in re.finditer(r"設立", sentence):
            pos = s + fm.start()
            before = self.text[max(s, pos - 3) : pos]
            if "が" in before:  # 「Xが設立したY」
                founders = [m for m in ms if m.end <= pos and self.actor(m)][-1:]
                created = [m for m in ms if m.start > pos and m.type is ORG][:1]
            else:  # 「(Xは) … Yを設立」
                founders = [subject] if subject else []
                founders += [
                    m
                    for m in ms
                    if m.end < pos
                    and self.actor(m)
                    and m.type is ORG
                    and re.match(r"(?:及び|および|と)", self.text[m.end : m.end + 3])
                    and m is not subject
                ]
                created = [
                    m for m in ms if m.end <= pos and m.type is ORG and re.match(r"\s*を", self.text[m.end : pos])
                ]
                created += [
                    m
                    for m in ms
                    if m.end <= pos
                    and m.type is ORG
                    and self.text[m.end : m.end + 1] == "と"
                    and any(c.start == m.end + 1 for c in created)
                ]
            for c in created:
                for f in founders:
                    if f is not None and self.key(f) != self.key(c):
                        self.add("established", self.key(f), self.key(c), (s, e), 0.6)

    def events(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        evs = [m for m in ms if m.type is EVENT]
        hosts: list[Mention] = []
        quoted = self._quoted_hosts(ms) if subject is None and evs and HOLDS.search(sentence) else []
        subject = quoted[0] if quoted else subject
        if HOLDS.search(sentence) and subject is not None and subject.type is not EVENT:
            hosts = [subject, *self._coordinated(subject, ms), *quoted[1:]]
            for pm in re.finditer(r"と(?:の)?(?:連携|共同|協力|共催)(?:し|で|により|して)", sentence):
                # co-organisers: 「Bと連携し…を開催」, 「Bと共催で…を開催」
                near = closest([m for m in ms if m.end <= s + pm.start() and self.actor(m) and m.type is not PERSON])
                if near and re.fullmatch(r"\s?(?:\([^()]*\))?", self.text[near.end : s + pm.start()]):
                    hosts += [near, *self._coordinated(near, ms)]  # 「A、Bと共催で」: both co-host
            for ev in evs:
                # 「AはBと「E」を開催」, 「Bとウェビナー「E」を共催」: B, just before the event, co-hosts it
                ahead = HOLDS.match(self.text, ev.end + (self.text[ev.end : ev.end + 1] == "」"))
                with_ = [
                    m
                    for m in ms
                    if m.end < ev.start
                    and self.actor(m)
                    and m.type is not PERSON
                    and m is not subject
                    and HELD_WITH.fullmatch(self.text, m.end, ev.start)
                ]
                if ahead and with_:
                    hosts.append(max(with_, key=lambda m: (m.end, m.length)))
        # 「…「M」派遣から…セミナーを開催」: only the event the verb holds is the subject's
        held = [ev for ev in evs if self._held(ev)]
        for ev in evs:
            organisers = []
            for m in ms:
                if m is ev or not self.actor(m):
                    continue
                after = self._after(m, 8)
                if re.match(r"」?(?:政府|当局)?(?:が|の)?(?:主催|共催)", after):
                    organisers += [m, *self._coordinated(m, ms)]
            if (
                not organisers
                and HOLDS.search(sentence)
                and subject is not None
                and subject is not ev
                and (not held or ev in held)
            ):
                organisers += [subject, *self._coordinated(subject, ms)]
            if not organisers and ev.source != "ner":
                organisers = list(self.last_organisers)
            for o in organisers:
                self.add("organised", self.key(o), self.key(ev), (s, e), 0.6)
            for m in ms:
                if m.type is PLACE and re.match(r"\s*(?:で|にて)(?:開催|行われ)", self.text[m.end : m.end + 8]):
                    self.add("located_in", self.key(ev), self.key(m), (s, e), 0.6)
            d = self.date_in(s, e)
            if d:
                self.entities[self.key(ev)].attrs.setdefault("start", d.iso)
        if hosts:
            for ev in held or evs:
                for h in hosts[1:]:
                    self.add("organised", self.key(h), self.key(ev), (s, e), 0.5)
        self.last_organisers = hosts

    def _held(self, ev: Mention) -> bool:
        """The event is what a hosting verb holds: 「E」を(オンラインで)開催, 同セミナーを開いた."""
        return HOLDS.match(self.text, ev.end + (self.text[ev.end : ev.end + 1] == "」")) is not None or bool(
            re.match(r"」?を(?:[^、。をがは]{1,12}(?:で|にて)\s?)?開[きいく]", self.text[ev.end : ev.end + 20])
        )

    def _quoted_hosts(self, ms: list[Mention]) -> list[Mention]:
        """A host named in quotes, maybe with its full name in brackets (「「TX(Tokyo X)」は…を共催」),
        then a body quoted before it with its own description (「「A」と…プラットフォーム「TX」は」)."""
        for m in ms:
            if self.actor(m) and m.type is not PERSON and QUOTED_SUBJECT.match(self.text, m.end):
                partners = [
                    x
                    for x in ms
                    if x.end < m.start
                    and self.actor(x)
                    and x.type is not PERSON
                    and QUOTED_PARTNER.fullmatch(self.text, x.end, m.start)
                ]
                return [m, *partners[:1]]
        return []

    def list_organisers(self) -> None:
        """Bodies listed under a 主催:/共催: line organised the page's event."""
        main = self._main_event()
        for row in ORGANISER_ROW.finditer(self.text):
            # 「「E」を開催(主催:A、共催:B)」: a bracket after an event names who held that event
            if self.text[row.start() : row.start() + 1] in ("(", "（", "、", ","):
                s, _e = sentence_at(self.text, row.start())
                held = [m for m in self.in_span(s, row.start()) if m.type is EVENT]
                if held:
                    self._row_organisers(row, held[-1])
        if main is None:
            return
        event = main
        for block in re.finditer(r"^(?:主催|共催)\s?[:：]\s*\n((?:[‐\-・•]\s?[^\n]+\n?)+)", self.text, re.MULTILINE):
            for item in re.finditer(r"^[‐\-・•]\s?([^\n]+)$", self.text[block.start(1) : block.end(1)], re.MULTILINE):
                start, end = block.start(1) + item.start(1), block.start(1) + item.end(1)
                inside = [m for m in self.in_span(start, end) if self.actor(m) and m.type is not PERSON]
                outer = [m for m in inside if not any(o is not m and nested_in(m, o) for o in inside)]
                named = max(outer, key=lambda x: x.end, default=None)
                if named is not None:
                    self.add("organised", self.key(named), self.key(event), (start, end), 0.6)
        for row in ORGANISER_ROW.finditer(self.text):
            # 「主催:A、B」 on one line, or 「主催:A/共催:B/後援:C」 (only the first two name organisers)
            self._row_organisers(row, event)

    def _row_organisers(self, row: re.Match[str], event: Mention) -> None:
        start, end = row.start("bodies"), row.end("bodies")
        inside = [m for m in self.in_span(start, end) if self.actor(m) and m.type is not PERSON]
        for m in inside:
            if not any(o is not m and nested_in(m, o) for o in inside):
                self.add("organised", self.key(m), self.key(event), (start, end), 0.6)

    def partners(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「A、B などの組織と協力し」 -> partner_of; 「Eに出席」 -> attended; 「Pとの会談」 -> met_with."""
        bodies = [m for m in ms if self.actor(m) and m.type is not PERSON]
        for pm in re.finditer(r"と(?:も|の)?(?:連携|協力|共同|提携)", sentence):
            pos = s + pm.start()
            subj = self._subject([m for m in ms if m.start < pos]) or subject
            if subj is None:
                continue
            subj = self._body_of(subj)  # 「X市長は…Yとも連携し」: the mayor speaks for the city
            chain: list[Mention] = []
            outer = [b for b in bodies if b.end <= pos and not any(o is not b and nested_in(b, o) for o in bodies)]
            for m in sorted(outer, key=lambda x: x.end, reverse=True):
                gap = self.text[m.end : (chain[-1].start if chain else pos)]
                pattern = (
                    r"\s?(?:\([^()]*\))?(?:など(?:の[^、。]{0,15})?)?"
                    if not chain
                    else r"\s?(?:\([^()]*\))?(?:、|及び|および|と|,)"
                )
                if re.fullmatch(pattern, gap):
                    chain.append(m)
                else:
                    break
            if subj.type is PERSON:
                continue  # a person working with a body works for or with it: no partnership of bodies
            for m in chain:
                if self.key(m) != self.key(subj):
                    self.add("partner_of", self.key(subj), self.key(m), (s, e), 0.55)
        for pm in re.finditer(r"の(?:共同研究|共同開発|共同事業|共同プロジェクト|連携|協力)", sentence):
            pos = s + pm.start()  # 「AとBの共同研究」: A and B work together
            right = [b for b in bodies if b.end == pos]
            left = [b for b in bodies if right and b.end == right[0].start - 1 and self.text[b.end] == "と"]
            if left and right and self.key(left[0]) != self.key(right[0]):
                self.add("partner_of", self.key(left[0]), self.key(right[0]), (s, e), 0.55)
        for m in ms:
            if m.type is EVENT and JOINS.match(self.text, m.end, m.end + 60):
                subj = self._subject([x for x in ms if x.start < m.start]) or subject or self.narrator
                hosted = subj is not None and any(
                    f.type == "organised" and f.source == self.key(subj) and f.target == self.key(m) for f in self.facts
                )
                if hosted:  # 「Xが主催するEに参加」: the one attending is the narrator, not X
                    subj = self.narrator
                if subj is not None and subj.type is not EVENT:
                    self.add("attended", self.key(subj), self.key(m), (s, e), 0.55)
            if m.type is PERSON and self._met(m, ms):
                subj = self._subject([x for x in ms if x.start < m.start]) or subject
                if subj is not None:
                    self.add("met_with", self.key(subj), self.key(m), (s, e), 0.55)

    def membership(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「XはYに加盟/参画/加入」, 「XはYの会員(企業)」 -> X member_of Y."""
        for mm in re.finditer(r"に(?:正式に)?(?:加盟|参画|加入|入会)|の(?:正)?会員", sentence):
            pos = s + mm.start()
            target = closest([m for m in ms if m.end <= pos and m.type is ORG])
            if target is None or not re.fullmatch(r"\s?(?:\([^()]*\))?」?", self.text[target.end : pos]):
                continue
            subj = self._subject([m for m in ms if m.end <= target.start]) or subject
            if subj is None or subj.type is EVENT or subj.start >= target.start:
                continue
            self.add("member_of", self.key(subj), self.key(target), (s, e), 0.55)

    def _field_lines(self, labels: list[str]) -> list[tuple[str, int, int]]:
        """Each 「label | value」 row's label with where its line starts and ends in the text."""
        out = []
        for label in labels:
            start = self.doc.field_offsets.get(label, 0)
            end = self.text.find("\n", start)
            out.append((label, start, len(self.text) if end < 0 else end))
        return out

    def field_organisers(self) -> None:
        """A 「主催 | A、B」 row: the bodies in it organised the event the page is about."""
        rows = [label for label in self.doc.fields if re.fullmatch(r"(?:主催|共催)(?:者|団体)?", label.strip())]
        if not rows:
            return
        event = self._main_event()
        if event is None:
            return
        for _label, start, end in self._field_lines(rows):
            row = self.in_span(start, end)
            for m in row:
                inner = any(o is not m and o.start <= m.start and m.end <= o.end and o.length > m.length for o in row)
                if not inner and m.type is not EVENT and m.type is not PERSON and self.actor(m):
                    self.add("organised", self.key(m), self.key(event), (start, end), 0.6)

    def field_attendees(self) -> None:
        """A 「参加者 | X大学 P学長、Y社」 row: each item's person (else its body) attended the page's event; a
        「参加団体 | A、B」 row, each body."""
        rows = [label for label in self.doc.fields
                if re.fullmatch(r"(?:主な)?(?:" + "|".join(ATTENDEE_HEADINGS) + ")", label.strip())]
        event = self._main_event() if rows else None
        if event is None:
            return
        for label, start, end in self._field_lines(rows):
            people = any(w in label for w in PEOPLE_HEADINGS)
            for item in re.finditer(r"[^、,／/|｜]+", self.text[start:end]):
                inside = self.in_span(start + item.start(), start + item.end())
                named = [m for m in inside if self.actor(m) and m.length]
                listed = [m for m in named if people and m.type is PERSON] or [m for m in named if m.type is not PERSON]
                if listed:
                    self.add("attended", self.key(listed[0]), self.key(event), (start, end), 0.55)

    def speakers(self) -> None:
        """Persons (and their bodies) on a programme following an event name."""
        events = [m for m in self.mentions if m.type is EVENT]
        for i, ev in enumerate(events):
            end = events[i + 1].start if i + 1 < len(events) else min(len(self.text), ev.end + 1500)
            block = self.text[ev.end : end]
            if not any(w in block for w in SPEAKER_WORDS):
                continue
            for m in self.in_span(ev.end, end):
                if m.type is PERSON:
                    self.add("spoke_at", self.key(m), self.key(ev), (ev.start, m.end), 0.6)
