"""Visits, delegations and meetings."""

from __future__ import annotations

import re

from ingest.extract.lexicon import VISIT_WORDS
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import ORG, PERSON
from ingest.extract.rules.patterns import (
    ATTENDEE_HEADINGS,
    CALL_ROW,
    HOST_LABELS,
    HOSTED_VISIT,
    LEADER_POST,
    LIST_HEADING,
    LIST_LEAD,
    PEOPLE_HEADINGS,
)
from ingest.extract.rules.text import closest, fellows, nested_in, sentence_at

# What stands between a visitor and its visit named as a noun: 「X州政府代表団の来県」, 「X市の来庁」.
OWN_GROUP = r"(?:政府)?(?:の)?(?:代表団|訪問団|視察団|一行)?の"


class Visits(Core):
    """Visits, delegations and meetings."""

    def _visitor_after(self, end: int, ms: list[Mention]) -> Mention | None:
        """「…を訪問したP」, 「来県したP」: the visitor named right after the verb's relative clause."""
        clause = re.match(r"(?:し|され)?た(?:[^、。「」]{0,12}?の)?「?", self.text[end : end + 16])
        if clause is None:
            return None
        after = [m for m in ms if m.start == end + clause.end() and self.actor(m)]
        return max(after, key=lambda m: m.end) if after else None

    def visits(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        self._hosted_visits(sentence, s, e, ms, subject)
        for dm in re.finditer(r"(?:訪問先|訪問地|滞在先)(?:の|である)", sentence):
            # 「訪問先のシンガポールで」: the place so named is where the subject travelled
            there = [m for m in ms if m.start == s + dm.end() and self.actor(m) and m.type is not PERSON]
            who = self._subject([m for m in ms if m.end <= s + dm.start()]) or subject
            if there and who is not None and self.actor(who) and self.key(who) != self.key(there[0]):
                who = self._sent_by(self._holder(who))
                self.add("visited", self.key(who), self.key(there[0]), (s, e), 0.6)
        for word in VISIT_WORDS:
            for vm in re.finditer(word + r"(?![団先者])", sentence):
                # 「訪問団」「視察先」「訪問者」 name a group, a place or a person, not a visit
                pos = s + vm.start()
                objs = []
                called: list[Mention] = []
                for m in ms:
                    if m.end > pos or not self.actor(m):
                        continue
                    gap = self.text[m.end : pos]
                    if m.type is PERSON:
                        # 「A知事を表敬訪問」: a courtesy call visits the body the person serves (the person
                        # while none is known) and meets the person
                        if re.fullmatch(r"[^\s、。を]{0,8}?(?:氏|さん|様)?を表敬", gap):
                            objs.append(self._body_of(m, heads_only=False))
                            called.append(m)
                        continue
                    if m.type is ORG:
                        gap = re.sub(r"^社", "", gap)  # 「ミシュラン社視察」 reads as 「ミシュラン視察」
                    if re.fullmatch(r"\s*(?:を|に|へ)?\s*(?:初めて|正式に|表敬)?\s*", gap) or re.fullmatch(r"と", gap):
                        objs.append(m)
                # coordinated objects: 「AとBに赴き」, 「A、B及びCを訪れ」 (a country before its place only locates it)
                for m in list(objs):
                    before = [x for x in ms if x.end == m.start - 1 and self.text[x.end] == "と" and self.actor(x)]
                    if m.type is not PERSON:
                        before += [x for x in self._coordinated(m, ms) if x.kind != "country" and x not in before]
                    objs += before
                later = self._visitor_after(pos + len(word), ms)
                # a subject written after the verb (「…を視察したほか、X大学では」) heads another clause
                before_verb = subject if subject is not None and subject.start < pos else None
                subj = later or self._subject([m for m in ms if m.start < pos]) or before_verb
                subj = subj or self._group_leader(sentence, s, pos) or self.narrator
                if word in ("来日", "訪日"):
                    japan = [m for m in self.mentions if m.text == "日本"]
                    objs = japan[:1]
                    head = [m for m in ms if m.end <= pos and pos - m.end <= 8 and self.actor(m)]
                    if not head:
                        continue
                    subj = head[-1]
                for o in objs:
                    # 「P知事によるY訪問」: the visit named as a noun says whose it is
                    own = self._noun_visitor(o, pos, ms)
                    if own is not None and self.key(own) != self.key(o):
                        d = self.date_in(s, e, before=pos)
                        self.add("visited", self.key(own), self.key(o), (s, e), 0.6, valid_from=d.iso if d else None)
                        self.last_visit = (own, o, s)
                if subj is None:
                    continue
                subj = self._sent_by(self._holder(subj))
                people = [m for m in ms if m.type is PERSON and m.length]
                together = fellows(self.text, subj, people) if subj.type is PERSON and subj in ms else []
                for o in objs:
                    for v in [*together, subj]:
                        if self.key(o) != self.key(v):
                            d = self.date_in(s, e, before=pos)
                            self.add("visited", self.key(v), self.key(o), (s, e), 0.65, valid_from=d.iso if d else None)
                            self.last_visit = (v, o, s)
                for q in called:
                    if subj.type is PERSON:
                        self.add("met_with", self.key(subj), self.key(q), (s, e), 0.6)

    def _group_leader(self, sentence: str, s: int, pos: int) -> Mention | None:
        """「Pを団長とする視察団一行15名が」: a group with no body of its own as subject travels with its leader."""
        group = r"(?:代表団|訪問団|視察団|使節団|経済団|交流団|一行)(?:\s?(?:約)?[0-9０-９]{1,3}(?:名|人))?(?:は|が)"
        hit = re.search(group, sentence[: pos - s])
        return self._leader(s + hit.start()) if hit else None

    def _noun_visitor(self, o: Mention, pos: int, ms: list[Mention]) -> Mention | None:
        """The visitor of 「XによるY訪問」 (Y right before the visit word). 「XのY訪問」 is left alone: an の
        also locates (「中国の上海市訪問」) and names visits the page only mentions in passing."""
        if o.end != pos:
            return None
        start = o.start  # 「カナダ・アルバータ州訪問」: the country locating the place is part of the phrase
        country = next((m for m in ms if m.kind == "country" and m.end == start - 1 and self.text[m.end] == "・"), None)
        start = country.start if country is not None else start
        before = [
            m
            for m in ms
            if m.end <= start and self.actor(m) and re.fullmatch(LEADER_POST + r"による", self.text[m.end : start])
        ]
        return closest(before)

    def _hosted_visits(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「来県」「県庁を訪れ」「市役所を表敬訪問」: a visit whose host is the page's own prefecture
        (or city), named nowhere in the phrase."""
        for hm in HOSTED_VISIT.finditer(sentence):
            office = hm.group("office") or hm.group("came")
            suffix = "市" if office.startswith(("市", "区")) else office[0] if office[0] in "町村道府都" else "県"
            host = self._home(suffix)
            if host is None:
                continue
            pos, end = s + hm.start(), s + hm.end()
            before = [m for m in ms if m.end <= pos]
            visitor = (
                self._visitor_after(end, ms)
                or self._subject(before)
                or closest(
                    [
                        m
                        for m in before
                        if m.type is PERSON
                        and re.fullmatch(r"[^、。]{0,8}?(?:氏|さん|様)?(?:ら|一行)?(?:が|は)?", self.text[m.end : pos])
                    ]
                )
                or subject
                # 「X州政府代表団の来県」: the visit named as a noun, whose visitor comes before it
                or closest([m for m in before if re.fullmatch(OWN_GROUP, self.text[m.end : pos])])
            )
            if visitor is None or not self.actor(visitor) or self.key(visitor) == self.key(host):
                continue
            d = self.date_in(s, e, before=pos)
            self.add("visited", self.key(visitor), self.key(host), (s, e), 0.6, valid_from=d.iso if d else None)

    def met_pairs(self, sentence: str, s: int, e: int, ms: list[Mention]) -> None:
        """「P知事とQ市長が(10日、県庁で)会談した」: two people as the subject of a meeting;
        「P知事とQ知事との会談」: the meeting named as a noun after the pair."""
        for hit in re.finditer(r"会談|面会|面談|懇談|意見交換|会見", sentence):
            pos = s + hit.start()
            people = [m for m in ms if m.type is PERSON and m.end <= pos]
            for q in reversed(people):
                subject = re.match(r"[^、。と()]{0,10}?(?:氏|さん|様)?(?:ら)?(?:が|は)", self.text[q.end : q.end + 14])
                named = re.fullmatch(r"[^、。と()]{0,10}?(?:氏|さん|様)?(?:との|の)", self.text[q.end : pos])
                if subject is None and named is None:
                    continue
                gap = r"[^、。と()]{0,10}?(?:氏|さん|様)?と(?![\u3040-\u309f])[^、。()]{0,20}?"
                earlier = [p for p in people if p.end < q.start and re.fullmatch(gap, self.text[p.end : q.start])]
                if earlier and self.key(earlier[-1]) != self.key(q):
                    self.add("met_with", self.key(earlier[-1]), self.key(q), (s, e), 0.55)
                break
        self._meeting_frame(sentence, s, e, ms)

    def _meeting_frame(self, sentence: str, s: int, e: int, ms: list[Mention]) -> None:
        """「会談で、P知事はQ知事に対し…を提案」: in a meeting the sentence opens with, its subject addresses the
        people it names with に対し, に or と."""
        opening = r"\s*(?:[^、。]{0,20}?の)?(?:会談|面談|会見|懇談|面会)(?:で|では|の中で|の席で|の席上|において)、?"
        frame = re.match(opening, sentence)
        if frame is None:
            return
        tail = r"[^、。と()]{0,10}?(?:\(\d{1,3}\))?(?:氏|さん|様)?"
        people = [m for m in ms if m.type is PERSON and m.start >= s + frame.end()]
        speaker = next((m for m in people if re.match(tail + r"(?:は|が)", self.text[m.end : m.end + 16])), None)
        if speaker is None:
            return
        for q in people:
            addressed = re.match(tail + r"(?:に対し|に|と|へ)", self.text[q.end : q.end + 16])
            if addressed and self.key(q) != self.key(speaker):
                self.add("met_with", self.key(speaker), self.key(q), (s, e), 0.55)

    def itinerary(self) -> None:
        """「【主な訪問先】」 and the list under it: each body or place listed was visited by the
        delegation the page reports on (who organised it), else by the subject written before;
        「【参加団体】」: each body listed attended the page's event, 「出席者:」 each person listed;
        「…は、次の機関を訪問しました。」 or 「以下の企業が参加しました。」 over a list reads the same."""
        for head in LIST_HEADING.finditer(self.text):
            if head.group("word") in ATTENDEE_HEADINGS:
                people = head.group("word") in PEOPLE_HEADINGS
                event = self._main_event() or (
                    self._section_event(head.start()) if people else self._sender_event(head.start())
                )
                for m in self._listed(head, people=people):
                    if event is not None:
                        self.add("attended", self.key(m), self.key(event), (m.start, m.end), 0.55)
                continue
            visitor = self._sender(head.start()) or self.topics.get(sentence_at(self.text, head.start())[0])
            if visitor is None or not self.actor(visitor):
                continue
            for m in self._listed(head):
                self.add("visited", self.key(visitor), self.key(m), (m.start, m.end), 0.55)
        for lead in LIST_LEAD.finditer(self.text):
            # 「…は、次の機関を訪問しました。」 over a list: the sentence's subject visited (attended) each
            if lead.group("verb") in ("参加", "出席", "出展"):
                event = self._main_event() or self._section_event(lead.start())
                if event is not None:
                    for m in self._listed(lead):
                        self.add("attended", self.key(m), self.key(event), (m.start, m.end), 0.55)
                continue
            subject = self.topics.get(sentence_at(self.text, lead.start())[0])
            if subject is None or not self.actor(subject):
                continue
            visitor = self._sent_by(self._holder(subject))
            for m in self._listed(lead):
                self.add("visited", self.key(visitor), self.key(m), (m.start, m.end), 0.55)

    def call_rows(self) -> None:
        """A courtesy-call notice's rows: 「来訪者 X省 P副大臣」 and 「対応者 Q知事」 — the visitors met the people
        who received them and visited the bodies those serve."""
        sides: dict[bool, list[Mention]] = {True: [], False: []}
        for row in CALL_ROW.finditer(self.text):
            start, end = row.start("value"), row.end("value")
            if not row.group("value").strip(" \t|｜"):  # the value on the next line
                start = end + 1
                nxt = self.text.find("\n", start)
                end = len(self.text) if nxt < 0 else nxt
                if CALL_ROW.match(self.text, start):
                    continue
            named = [m for m in self.in_span(start, end) if self.actor(m) and m.length]
            people = [m for m in named if m.type is PERSON]
            host = row.group("label") in HOST_LABELS
            bodies = [m for m in named if m.type is not PERSON]
            outer = [m for m in bodies if not any(o is not m and nested_in(m, o) for o in bodies)]
            outer = [m for m in outer if m.kind != "country"] or outer  # 「台湾新竹市」: the city, not its country
            sides[host] += people or ([] if host else outer[:1])  # 「X省 P副大臣」: the body comes first
        for v in sides[False]:
            for h in sides[True]:
                span = (min(v.start, h.start), max(v.end, h.end))
                if v.type is PERSON and self.key(v) != self.key(h):
                    self.add("met_with", self.key(v), self.key(h), span, 0.55)
                body = self._body_of(h, heads_only=False)
                if body.type is not PERSON and self.key(body) != self.key(v):
                    self.add("visited", self.key(v), self.key(body), span, 0.55)
