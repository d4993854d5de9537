"""Agreements, their parties and their dates."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from graph.model import AgreementKind
from ingest.extract.jdates import DateMention, find_dates
from ingest.extract.lexicon import AGREEMENT_VERBS, AGREEMENT_WORDS, HEAD_TITLES, RENEWAL_VERBS, TITLES
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import AGREEMENT, EVENT, ORG, PERSON, PLACE, LocalEntity
from ingest.extract.rules.patterns import (
    BOTH_SIDES,
    GENERIC_AGREEMENT_WORDS,
    HEADLINE_END,
    JOINT,
    KATAKANA_NAME,
    LATIN_NAME,
    NOT_NAMES,
    PARTY_AFTER,
    PARTY_SLOT,
    PLANNED,
    SIGNED_ALLIANCE,
    STANDING,
    SUBJECT_PAIR_SLOT,
    TWINNED,
)
from ingest.extract.rules.text import closest, nested_in, sectors_in

# 「FPTソフトウェア」: a company's Latin initials run into a katakana word.
_LATIN_LED = r"[A-Z][A-Z0-9&]{1,7}[\u30a1-\u30fa\u30fc]{3,15}"
# 「A及びBを訪問し」: a place or body visited on the way to a signing (ended by を and a verb of visiting).
_VISITED = re.compile(r"(?:\s?(?:及び|および|と|、|・|や)\s?[^、。を]{1,20}?)?を(?:表敬)?(?:訪問|訪れ|視察)")


class Agreements(Core):
    """Agreements, their parties and their dates."""

    def listed_parties(self) -> None:
        """Bodies with no legal-form suffix in the と-slot of an agreement: 「A、Bメトロポール、Cウエストと
        …MOU締結」, 「Xのスタートアップ機関・ACE(…)とMOUを締結」. A Latin name counts anywhere in the slot;
        a katakana one when the tagger calls part of it a proper noun or a recognised body is listed with it."""
        slots = [(slot.start(), False) for slot in PARTY_SLOT.finditer(self.text)]
        # 「AとBは、…覚書を締結」: the pair that signs is the clause's subject, each item a whole name
        slots += [(slot.end("pair"), True) for slot in SUBJECT_PAIR_SLOT.finditer(self.text)]
        for end, paired in slots:
            separators = r"[^、,と]+" if paired else r"[^、,]+"
            start = max(self.text.rfind(ch, 0, end) for ch in "。\n") + 1
            items = [(m.start() + start, m.end() + start) for m in re.finditer(separators, self.text[start:end])]
            found: list[tuple[int, int]] = []
            quoted_names: set[tuple[int, int]] = set()
            listed_body = False
            for i_start, i_end in reversed(items):
                item = self.text[i_start:i_end]
                lead = re.match(r"\s*(?:および|及び|並びに|と)?\s*", item)
                b_start = i_start + (lead.end() if lead else 0)
                bare = re.sub(r"\s?\([^()]*\)\s?$", "", self.text[b_start:i_end])  # 「ACE(…)」
                quoted = re.fullmatch(r"「([^「」]+)」", bare)
                if quoted:  # 「「エアロスペース・バレー」(フランス)と」: a quoted name is a name
                    b_start, bare = b_start + 1, quoted.group(1)
                b_end = b_start + len(bare)
                if any(m.start <= b_start and b_end <= m.end and self.actor(m) for m in self.mentions):
                    listed_body = True
                    continue
                name = re.search(r"(?:^|[の・])(" + _LATIN_LED + "|" + LATIN_NAME + r"|" + KATAKANA_NAME + r")$", bare)
                initials = re.search(r"\((" + LATIN_NAME + r")\)\s?$", self.text[b_start:i_end])
                if name is None and initials is not None and initials.group(1) not in NOT_NAMES:
                    # 「タイ国営石油会社(PTT)と」: a body named in words the recogniser does not take, and its initials
                    found.append((b_start + initials.start(1), b_start + initials.end(1)))
                    continue
                inside = paired and name is not None and name.start() > 0
                if name is None or (inside and not self._place_before(b_start, b_start + name.start())):
                    break  # 「経済団体のトップが」: a pair's item is a name (「フィンランドのX」 says where it is)
                n_start, n_end = b_start + name.start(1), b_start + name.end(1)
                if re.fullmatch(KATAKANA_NAME, bare):
                    n_start = b_start  # 「ボルドー・メトロポール」: the whole item
                found.append((n_start, n_end))
                quoted_names.update([(n_start, n_end)] if quoted else [])
                if name.start() > 0:
                    break  # 「Xの機関・ACE」: the list starts here
            for n_start, n_end in found:
                text = self.text[n_start:n_end]
                last = n_start + text.rfind("・") + 1  # 「リヨン・メトロポール」: a place named inside a body's name
                if text in NOT_NAMES or any(
                    m.start < n_end
                    and n_start < m.end
                    and (m.type is not PLACE or m.start < n_start or m.end > n_end or m.end > last)
                    for m in self.mentions
                ):
                    continue
                named = (listed_body and not paired) or (n_start, n_end) in quoted_names
                latin = re.fullmatch(LATIN_NAME, text) or re.fullmatch(_LATIN_LED, text)
                if not latin and not named and not self._proper(n_start, n_end):
                    continue  # 「スタートアップと協定を締結」: a common word, not a body
                # 「ビジネス・オウルのP事務局長」: the name stands for the body wherever the page writes it
                again = [x.start() for x in re.finditer(re.escape(text), self.text) if x.start() != n_start]
                for at in [n_start, *again]:
                    if at != n_start and any(x.start < at + len(text) and at < x.end for x in self.mentions):
                        continue
                    m = Mention(at, at + len(text), text, ORG, "other", "context", confidence=0.55)
                    self.mentions.append(m)
                    self._register(m)
        self.mentions.sort(key=lambda x: x.start)

    def _in_profile(self, m: Mention) -> bool:
        """「株式会社X(本社:東京都港区、代表取締役:P)は」: the bracket after a company says where it sits and who
        heads it; the place in it signs nothing."""
        opened = self.text.rfind("(", max(0, m.start - 40), m.start)
        return (
            opened >= 0
            and ")" not in self.text[opened : m.start]
            and re.match(r"\((?:本社|本部|本店|所在地|住所)\s?[:：]", self.text[opened : opened + 8]) is not None
        )

    def _unnamed_counterpart(self, ms: list[Mention], pos: int) -> bool:
        """Whether a body before ``pos`` is joined by と to words naming no body, then との (「Aと米国関係機関と」)."""
        for m in ms:
            if m.end > pos or not self.actor(m):
                continue
            joined = re.match(r"(?:\([^()]{1,20}\))?と([^、。と]{1,20}?)との", self.text[m.end : pos])
            # 「米国関係機関」: a place may qualify the unnamed bodies, a name may not end the phrase
            if joined and not any(x.end == m.end + joined.end(1) for x in ms):
                return True
        return False

    def _place_before(self, start: int, end: int) -> bool:
        """Whether ``start``–``end`` is a place and の or ・ (「フィンランドの」 before a body's name)."""
        return any(m.type is PLACE and m.start == start and m.end == end for m in self.mentions)

    def _parties(self, ms: list[Mention], upto: int, subject: Mention | None) -> list[Mention]:
        parties: list[Mention] = []
        for m in ms:
            if m.start >= upto or not self.actor(m) or (m.type is PERSON and self._body_of(m) is m):
                continue  # a person signs only as the head of a body (「X知事は…と覚書を締結」)
            if m.kind == "country" and any(
                x.type is PLACE and x.start in (m.end + 1, m.end) and x.start < upto for x in ms
            ):
                continue  # 「オランダ・北ブラバント州」: the country only locates the party
            after = self._after(m)
            if re.match(PARTY_AFTER, after):
                if re.match(r"・", after) and not re.match(
                    r"・\S*?(?:は|が|と)", after[:0] + self.text[m.end : m.end + 30]
                ):
                    continue
                parties.append(m)
        if subject is not None and all(self.key(subject) != self.key(p) for p in parties):
            parties.insert(0, subject)
        seen: set[str] = set()
        unique = []
        for p in parties:
            if self.key(p) not in seen:
                seen.add(self.key(p))
                unique.append(p)
        return unique

    def agreements(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """Each agreement word with a signing verb, its parties and date from the text just before it."""
        ms = [m for m in ms if not self._in_profile(m)]
        hits: list[tuple[int, str, AgreementKind]] = []
        for word, kind in AGREEMENT_WORDS:
            for m in re.finditer(re.escape(word), sentence):
                if not any(h <= m.start() < h + len(w) or m.start() <= h < m.end() for h, w, _k in hits):
                    hits.append((m.start(), word, kind))
        hits.sort()
        seg_start = 0
        covered = -1  # a keyword inside the previous one's wording: MOU(Memorandum of Understanding:覚書)を締結
        last_parties: list[Mention] = []
        for at, word, kind in hits:
            if at < covered:
                continue
            # 「MOU締結先機関」: the counterpart (締結先) of an agreement signs nothing there
            tail = re.sub(r"(?:締結|調印|署名)先", "先", sentence[at : at + 40])
            signs = any(v in tail for v in AGREEMENT_VERBS)
            headline = s == 0 and HEADLINE_END.fullmatch(sentence, at + len(word)) is not None
            if not signs and ((word.endswith("提携") and SIGNED_ALLIANCE.match(tail, len(word))) or headline):
                # 「Bと業務提携した」, a headline 「AとBが友好提携」: made, though no signing verb says so
                tail = tail[: len(word)] + "締結" + tail[len(word) :]
                signs = True
            pair = self._named_pair(s + at, ms) if word != "合意" else None
            partner = self._apposed_partner(s + at, word, ms) if kind is AgreementKind.FRIENDSHIP else None
            if partner is not None and not signs:
                # 「A県の友好提携都市、B州を訪問」: B is A's partner under a friendship agreement
                self._agreement(word, kind, partner, None, tail, "", s, e)
                continue
            if word == "合意":
                if not re.match(r"合意(?:に達|し)", tail):
                    continue
            elif not signs and pair is None:
                continue
            if pair is not None and not signs:
                # 「AとBの姉妹提携は…」: the agreement stated as a noun, its parties before it
                date = self.date_in(s, e, before=s + at)
                self._agreement(word, kind, pair, date, tail, sentence[: at + len(word)], s, e)
                seg_start = at + len(word)
                continue
            covered = at + min(tail.find(v) for v in AGREEMENT_VERBS if v in tail) if word != "合意" else at + 2
            pos = s + at
            segment = [m for m in ms if m.start >= s + seg_start]
            parties = self._parties(segment, pos, subject if subject and subject.start < s + seg_start else None)
            if subject is not None and subject in ms and subject.start < s + seg_start:
                parties = [subject, *[p for p in parties if p is not subject]]
            paired = pair or self._pair_subject(segment, pos)
            framed = None if paired is not None else self._frame(segment, pos)
            if paired is not None:
                # 「AとBの「…覚書」締結」, 「(Xでは、)AとBが…を締結」: the pair signs, not the topic
                parties = paired
            elif framed is not None:
                parties = framed
            if subject is not None and subject not in ms and self._unnamed_counterpart(segment, pos):
                # 「AとX関係機関との覚書締結」: A signs with bodies the page leaves unnamed, not with the
                # subject carried over from the sentences before
                parties = [p for p in parties if p is not subject]
            date = self.date_in(s + seg_start, e, before=pos)
            if word != "合意" and PLANNED.match(sentence, covered):
                date = None  # 「…を締結することで合意」, 「締結に向けて」: not signed yet, so not signed then
            if len(parties) < 2 and date is not None:
                # 「同年5月に覚書を締結」: the parties are the pair named just before, if it includes
                # every body this clause names
                fallback = self._fallback_pair(s) or []
                named_here = {self.key(m) for m in segment if m.end <= pos and self.actor(m) and m.type is not PERSON}
                if len(fallback) == 2 and named_here <= {self.key(m) for m in fallback}:
                    parties = fallback
            if (
                len(parties) < 2
                and self.last_visit
                and (
                    self.last_visit[2] >= self.prev_sentence
                    or (re.search(r"双方|両者", sentence) and s - self.last_visit[2] < 400)
                )
            ):
                # 「Yを訪問。(そこで)…について合意」: the visit names both sides
                parties = [self.last_visit[0], self.last_visit[1]]
            if len(parties) < 2 and BOTH_SIDES.search(sentence, seg_start, at):
                # 「両者は…覚書に調印した」: both sides are the pair the page named last
                parties = self._fallback_pair(s) or parties
            seg_text = sentence[seg_start : at + len(word)]
            named = [m for m in segment if m.start < pos and self.actor(m)]
            if len(parties) < 2 and last_parties and word != "合意" and not named:
                # 「AとBは…協定を締結し、…覚書を締結した」: the clauses share their subject
                parties = last_parties
                seg_text = ""  # what lies between the two is about the first one
            seg_start = at + len(word)
            if parties and any(self._own_signs(p, pos) for p in parties):
                # 「本学とX大学との間で大学間協定を締結」, 「本学はX大学及びY大学と…」 on a page that never
                # names itself: each signs with it (one agreement per counterpart unless it is joint)
                joint = bool(JOINT.search(sentence) or "コンソーシアム" in sentence)
                for group in [parties] if joint else [[p] for p in parties]:
                    self._agreement(word, kind, group, date, tail, seg_text, s, e, own=True)
                continue
            if len(parties) < 2:
                continue
            if any(re.match(r"と|との間で", self._after(p)) for p in parties):
                # 「XはA及びBを訪問し、Cと覚書を締結」: the counterpart is named with と; the places visited are not
                visited = [p for p in parties if p is not subject and _VISITED.match(self.text, p.end)]
                parties = [p for p in parties if p not in visited] if len(parties) - len(visited) >= 2 else parties
            last_parties = parties
            lead = parties[0] if subject is not None and parties[0] is subject and framed is None else None
            if lead is not None and len(parties) > 2 and not JOINT.search(sentence):
                # 「XはAとBを訪問し、協力協定を締結」: one bilateral agreement per counterpart
                for other in parties[1:]:
                    self._agreement(word, kind, [lead, other], date, tail, seg_text, s, e)
                continue
            self._agreement(word, kind, parties, date, tail, seg_text, s, e)

    def _own_signs(self, party: Mention, pos: int) -> bool:
        """An unnamed 本学 coordinated with ``party`` (「本学とX」, 「Xと本学」, 「本学はXと」) before ``pos``."""
        for w in self.own_words:
            if not (w < pos and party.end <= pos and "。" not in self.text[min(w, party.start) : pos]):
                continue
            if w < party.start and re.fullmatch(r"(?:と|は|が)[^。]{0,20}?", self.text[w + 2 : party.start]):
                return True
            if party.end <= w and re.fullmatch(r"\s?(?:\([^()]*\))?と", self.text[party.end : w]):
                return True
        return False

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

    def _agreement(
        self,
        word: str,
        kind: AgreementKind,
        parties: list[Mention],
        date: DateMention | None,
        tail: str,
        seg_text: str,
        s: int,
        e: int,
        own: bool = False,
    ) -> None:
        """With ``own``, the other party is the page's own university, unnamed (「本学」): the agreement is
        labelled with the page's site, so that agreements of different universities with one partner stay apart."""
        # a person signs for the body they head; one heading none (a researcher, a visitor) is no party
        heads = [h for h in (self._body_of(p) for p in parties) if h.type is not PERSON]
        parties = [p for i, p in enumerate(heads) if all(self.key(p) != self.key(q) for q in heads[:i])]
        # 「ベトナム・ダナン市」, 「タイ・X大学」: a country just before a party of it says where the party is
        parties = [p for p in parties if not (p.kind == "country" and any(self._qualifies(p, q) for q in parties))]
        site = re.sub(r"^www\.", "", urlparse(self.doc.source.url or "").hostname or "") if own else None
        if len(parties) < (1 if site else 2):
            return
        renew = any(v in tail for v in RENEWAL_VERBS)
        if renew and date is not None:
            # 「2014年に締結した協定を更新」: the date the clause before the agreement gives is when it was signed
            stretch = self.text[date.end : max(date.end, self.text.find(word, date.end))]
            renew = not re.search(r"(?:締結|調印|署名)(?:した|された|し、)|結んだ|交わした", stretch)
        names = [*([site] if site else []), *(self.entities[self.key(p)].name for p in parties[:6])]
        label = "・".join(names) + " " + word
        signers = [*([site] if site else []), *sorted(self.key(p) for p in parties[:6])]
        akey = f"agreement:{kind.value}:" + "+".join(signers)
        signed = self.entities[akey].attrs.get("signed") if akey in self.entities else None
        if date and not renew and isinstance(signed, str) and signed[:4] != date.iso[:4]:
            # signed in another year, not a renewal: an earlier, different agreement of the same parties
            akey += f":{date.iso[:4]}"
            label += f" ({date.iso[:4]})"
        ent = self.entities.get(akey) or LocalEntity(akey, AGREEMENT, kind.value, [label], confidence=0.65)
        self.entities[akey] = ent
        self.agreement_words.setdefault(akey, set()).add(word)
        if date and not renew:
            ent.attrs["signed"] = date.iso
        elif date:
            renewed = ent.attrs.setdefault("renewed", [])
            if isinstance(renewed, list):
                renewed.append(date.iso)
        if kind in (AgreementKind.MOU, AgreementKind.FRIENDSHIP, AgreementKind.BASIC) and len(parties) == 2:
            self.add("partner_of", self.key(parties[0]), self.key(parties[1]), (s, e), 0.5)
        for p in parties[:6]:
            self.add(
                "party_to", self.key(p), akey, (s, e), 0.7, role="signatory", valid_from=date.iso if date else None
            )
        sectors = sectors_in(seg_text)
        for label_, value in self.doc.fields.items():
            if word in label_ and any(k in label_ for k in ("目的", "内容", "分野")):
                sectors += [x for x in sectors_in(value) if x not in sectors]
        for sector in sectors:
            self._sector(akey, sector, (s, e))
            for p in parties[:6]:
                self._sector(self.key(p), sector, (s, e), 0.5)
        self._field_date(ent, word)

    def _qualifies(self, country: Mention, m: Mention) -> bool:
        gap = self.text[country.end : m.start]
        return m.kind != "country" and 0 <= m.start - country.end <= 1 and gap in ("", "・", " ")

    def drop_signed_events(self) -> None:
        """「「A・B交流協力計画」に調印した」: a name the recogniser calls an event but which is signed is the
        document signed, not something held; it is no event (its parties are not named with it)."""
        signed = re.compile(r"(?:[^「」。、]{0,12}」)?\s?(?:に|を)(?:調印|締結|署名)")  # 「…計画2017年〜2019年」に調印
        for key, ent in list(self.entities.items()):
            if (
                ent.type is EVENT
                and ent.mentions
                and all(m.source != "alias" and signed.match(self.text, m.end) for m in ent.mentions)
            ):
                del self.entities[key]
                self.facts = [f for f in self.facts if key not in (f.source, f.target)]

    def merge_generic_agreements(self) -> None:
        """「県と平川市が協定締結」 beside 「…が友好交流協定を締結」: an agreement named only by a bare
        協定 (or 合意) whose parties all sign a more specific agreement of the page is that agreement,
        unless the two were signed in different years or are named in one sentence."""
        parties: dict[str, set[str]] = {}
        spans: dict[str, set[int]] = {}  # the sentences stating each agreement
        for f in self.facts:
            if f.type == "party_to" and f.target in self.agreement_words:
                parties.setdefault(f.target, set()).add(f.source)
                spans.setdefault(f.target, set()).add(f.start)
        merged: dict[str, str] = {}
        for key, words in self.agreement_words.items():
            if not words <= GENERIC_AGREEMENT_WORDS or key not in parties:
                continue
            signed = str(self.entities[key].attrs.get("signed") or "")
            wider = [
                other
                for other, ws in self.agreement_words.items()
                if other != key
                and not ws <= GENERIC_AGREEMENT_WORDS
                and parties[key] <= parties.get(other, set())
                and (not signed or str(self.entities[other].attrs.get("signed") or "")[:4] == signed[:4])
                # two agreements named in one sentence are two, but what was agreed (合意し) is what was signed
                and (not spans[key] & spans[other] or words == {"合意"})
            ]
            if len(wider) == 1:
                merged[key] = wider[0]
        if not merged:
            return
        for key, into in merged.items():
            target = self.entities[into]
            for attr, value in self.entities.pop(key).attrs.items():
                target.attrs.setdefault(attr, value)
            del self.agreement_words[key]
        seen: set[tuple[str, str, str]] = set()
        facts = []
        for f in self.facts:
            f.source, f.target = merged.get(f.source, f.source), merged.get(f.target, f.target)
            if (f.type, f.source, f.target) not in seen:
                seen.add((f.type, f.source, f.target))
                facts.append(f)
        self.facts = facts

    def _field_date(self, ent: LocalEntity, word: str) -> None:
        """A "締結時期 | 2018年5月8日" table row refines the date of the agreement it names."""
        for label, value in self.doc.fields.items():
            if word in label and any(v in label for v in ("締結", "調印", "署名", "時期", "日")):
                found = find_dates(value, self.doc.date)
                signed = ent.attrs.get("signed")
                if found and (signed is None or (isinstance(signed, str) and found[0].iso.startswith(signed))):
                    ent.attrs["signed"] = found[0].iso

    def _fallback_pair(self, s: int) -> list[Mention] | None:
        """Parties named just before: the last 「AとB」 pair of actors in the preceding text."""
        window = self.text[max(0, s - 1500) : s]
        base = max(0, s - 1500)
        for m in reversed(list(re.finditer(r"と", window))):
            pos = base + m.start()
            left = [x for x in self.mentions if x.end == pos and self.actor(x) and x.type is not PERSON]
            right = [
                x for x in self.mentions if x.start in (pos + 1, pos + 2) and self.actor(x) and x.type is not PERSON
            ]
            if left and right:
                first = max((x for x in right if x.start == right[0].start), key=lambda x: x.length)
                if first.kind != "country":
                    return [left[0], first]  # 「AとX国投資庁は」: the body, not its country
                # 「三重県とスペイン・バスク州」: take the most specific right-hand place.
                chain = [x for x in self.mentions if x.start >= first.start and x.start <= first.end + 1]
                return [left[0], chain[-1] if chain else first]
        return None

    def standing_twinning(self, sentence: str, s: int, e: int, ms: list[Mention]) -> None:
        """「北九州市と大連市は友好都市である」, 「XはYと姉妹提携の関係にあり」: a twinning stated as standing, not
        as signed, is still the friendship agreement between the two places."""
        word = TWINNED.search(sentence)
        if word is None or not STANDING.search(sentence):
            return
        if any(f.type == "party_to" and s <= f.start < e for f in self.facts):
            return  # the sentence's signing was read already
        sides: list[Mention] = []
        for m in ms:
            fits = m.type is PLACE and m.kind != "country" and self.actor(m) and m.length
            if fits and all(self.key(m) != self.key(x) for x in sides):
                sides.append(m)
        if len(sides) == 2:
            # no sectors: the sentence names the twinning in passing, its topics are another matter's
            self._agreement(word.group(), AgreementKind.FRIENDSHIP, sides, None, "", "", s, e)
