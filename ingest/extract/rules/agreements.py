"""Agreements stated in a sentence around a signing verb (締結, 調印, 合意し, or a headline's 提携), and
twinnings stated as standing. Who signs is read by parties.py and counterparts.py, and what is recorded
by records.py; this module decides, per agreement word, which reading applies."""

from __future__ import annotations

import re

from graph.model import AgreementKind
from ingest.extract.lexicon import AGREEMENT_VERBS, AGREEMENT_WORDS
from ingest.extract.mentions import Mention
from ingest.extract.rules.counterparts import Counterparts
from ingest.extract.rules.model import PERSON, PLACE
from ingest.extract.rules.parties import Parties
from ingest.extract.rules.patterns import (
    BOTH_SIDES,
    HEADLINE_END,
    JOINT,
    PLANNED,
    SIGNED_ALLIANCE,
    STANDING,
    TWINNED,
)
from ingest.extract.rules.records import Records

# 「A及びBを訪問し」: a place or body visited on the way to a signing (ended by を and a verb of visiting).
_VISITED = re.compile(r"(?:\s?(?:及び|および|と|、|・|や)\s?[^、。を]{1,20}?)?を(?:表敬)?(?:訪問|訪れ|視察)")


class Agreements(Records, Parties, Counterparts):
    """Agreements, their parties and their dates."""

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
