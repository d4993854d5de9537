"""Who signs, read from how a clause joins two names: 「AとBの」 right before the agreement word, 「AとBが」
as the clause's subject, 「AはB及びCと」 (a subject and its と-listed counterparts), and 「Aの友好都市、B」 in
apposition. Each lookup answers a pair or None, so the sentence rule can try them in turn."""

from __future__ import annotations

import re

from ingest.extract.lexicon import HEAD_TITLES, TITLES
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import PERSON, PLACE
from ingest.extract.rules.text import closest, nested_in


class Counterparts(Core):
    """Pairs of signing bodies read from the shape of the clause before an agreement word."""

    def _apposed_partner(self, pos: int, word: str, ms: list[Mention]) -> list[Mention] | None:
        """「A県の友好提携都市、(イタリアの)B州」, 「A市の姉妹都市であるB市」: A and the partner named
        in apposition to the friendship word at ``pos``."""
        owner = closest([m for m in ms if m.end <= pos and self.actor(m) and m.type is not PERSON])
        if owner is None or not re.fullmatch(r"\s?の", self.text[owner.end : pos]):
            return None
        end = pos + len(word)
        rest = re.match(r"(?:都市|州|県|省|市|町|村|提携先)?(?:である|の|、)\s?", self.text[end : end + 8])
        if rest is None:
            return None
        after = [m for m in ms if m.start >= end + rest.end() and self.actor(m) and m.type is not PERSON]
        first = max((m for m in after if m.start == end + rest.end()), key=lambda m: m.length, default=None)
        while first is not None and first.kind == "country" and self.text[first.end : first.end + 1] in ("の", "・"):
            # 「イタリアのB州」: the country only locates the partner
            first = max((m for m in after if m.start == first.end + 1), key=lambda m: m.length, default=None)
        if first is None:
            return None
        return [owner, first] if self.key(owner) != self.key(first) else None

    def _frame(self, ms: list[Mention], pos: int) -> list[Mention] | None:
        """「(Xでは、)AがBと…覚書を締結」, 「A政府は…B市およびC市と「…」を締結」: the subject of the
        signing clause and the list of counterparts marked by と before ``pos`` sign, not a topic or
        scope named before them. None unless both are found."""
        actors = [m for m in ms if m.end <= pos and self.actor(m)]
        outer = [m for m in actors if not any(o is not m and nested_in(m, o) for o in actors)]
        titles = "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True))
        marked = r"\s?(?:\([^()]*\))?(?:" + titles + r")?\s?(?:\(\d{1,3}\))?\s?(?:氏|さん|様)?"
        counterparts: list[Mention] = []
        edge = pos  # where the last counterpart found starts, with the country that locates it
        for m in sorted(outer, key=lambda x: x.end, reverse=True):
            rest = self.text[m.end : pos]
            if not counterparts:
                hit = re.match(marked + r"と(?:の間で)?", rest)
                if hit is None or re.search(r"[。]", rest):
                    continue
                if any(x.start == m.end + hit.end() for x in outer):
                    continue  # 「AとBが」, 「AとBを」: coordinated, not a counterpart
                counterparts.append(m)
                edge = self.lead(m)
            elif m.kind == "country" and self.text[m.end : edge] in ("の", "・"):
                edge = m.start  # 「B及びドイツのCと」: the country only says where C is
            elif re.fullmatch(marked + r"(?:、|,|及び|および|並びに|と|・)", self.text[m.end : edge]):
                counterparts.append(m)  # 「B、CおよびDと」
                edge = self.lead(m)
            else:
                break
        subject_mark = marked + r"(?:政府|当局)?(?:は|が)(?!で)"
        if not counterparts or any(
            m.start >= counterparts[0].end and re.match(subject_mark, self.text[m.end : m.end + 30]) for m in outer
        ):
            return None  # 「…Bと…、AとCは覚書を」: a subject after the counterpart heads its own clause
        first = min(counterparts, key=lambda x: x.start)
        before = [m for m in outer if m.end <= first.start]
        subject = next(
            (
                m
                for m in reversed(before)
                if re.match(subject_mark, self.text[m.end : m.end + 30])
                and not re.search(r"[。]", self.text[m.end : first.start])
            ),
            None,
        )
        if subject is None:
            return None
        group = [subject, *self._coordinated(subject, ms)]
        while (
            joined := next(
                (m for m in outer if m.end + 1 == group[-1].start and m.kind != "country" and self.text[m.end] == "・"),
                None,
            )
        ) is not None:
            group.append(joined)  # 「熊本県・熊本市が」: a prefecture and its city sign together
        parties = sorted(group, key=lambda x: x.start) + sorted(counterparts, key=lambda x: x.start)
        # a person signs only as the head of a body (「X知事は…」); researchers are no parties
        parties = [p for p in parties if self._body_of(p).type is not PERSON]
        return parties if len({self.key(self._body_of(p)) for p in parties}) >= 2 else None

    def _pair_subject(self, ms: list[Mention], pos: int) -> list[Mention] | None:
        """「AとBが」, 「A・B両者は」, 「AとBの間で」: a coordinated pair of bodies as the subject before ``pos``."""
        bodies = [m for m in ms if m.end <= pos and self.actor(m) and m.type is not PERSON]
        for b in reversed(bodies):
            tail = r"\s?(?:\([^()]*\))?(?:(?:の?両者|の?双方|の?両[県市州省国])?(?:が|は)|(?:との|の)間で)"
            if not re.match(tail, self.text[b.end : pos]):
                continue
            first = b  # 「…と屏東県東港鎮が」: the place that locates B belongs to it
            while (up := next((m for m in ms if m.end == first.start and m.type is PLACE), None)) is not None:
                first = up
            joint = r"\s?(?:\([^()]*\))?(?:と|及び|および)"
            start = self.lead(first)
            left = [a for a in bodies if a.end < first.start and re.fullmatch(joint, self.text[a.end : start])]
            counterpart = any(
                m is not b and (not left or m is not left[-1]) and re.match(r"と|及び", self._after(m)) for m in bodies
            )
            if left and self.key(left[-1]) != self.key(b) and not counterpart:  # not 「AとBがCと」
                return [left[-1], b]
            return None
        return None

    def _named_pair(self, pos: int, ms: list[Mention]) -> list[Mention] | None:
        """「AとBの」, 「A・B間の」, 「AとBとの間の」 right before an agreement word."""
        bodies = [m for m in ms if m.end <= pos and self.actor(m) and m.type is not PERSON]
        # 「AとBの「X協力覚書」」, 「AとBの交流協定」, 「AとBの間における協力覚書」: a compound noun may
        # say what the agreement is about between the pair and the agreement word
        joint = (
            r"\s?(?:\([^()]*\))?(?:(?:との|の)?間(?:における|での|の)|の|との)"
            r"(?:「[^「」。]{0,30}|[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{0,8})?"
        )
        right = [m for m in bodies if re.fullmatch(joint, self.text[m.end : pos])]
        if not right:
            return None
        b = max(right, key=lambda x: (x.end, x.length))
        first = b  # 「Aと新潟県B市の」: the place that locates B belongs to it
        while (up := next((m for m in ms if m.end == first.start and m.type is PLACE), None)) is not None:
            first = up
        left = [
            m
            for m in bodies
            if m.end < first.start
            and re.fullmatch(r"\s?(?:\([^()]*\))?(?:と|・)", self.text[m.end : self.lead(first)])
        ]
        if not left:
            return None
        a = max(left, key=lambda x: (x.end, x.length))
        if self.key(a) == self.key(b) or (a.kind == "country" and b.type is PLACE and self.text[a.end] == "・"):
            return None
        return [a, b]
