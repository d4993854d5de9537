"""Who signs, read from the names a clause lists: the bodies in the と-slot before an agreement word (even
without a legal-form suffix), the actors marked as parties before it, the page's own unnamed 本学 beside one,
and the pair the page named last. Split from agreements.py so the sentence rule reads apart from its lookups."""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import ORG, PERSON, PLACE
from ingest.extract.rules.patterns import (
    KATAKANA_NAME,
    LATIN_NAME,
    NOT_NAMES,
    PARTY_AFTER,
    PARTY_SLOT,
    SUBJECT_PAIR_SLOT,
)

# 「FPTソフトウェア」: a company's Latin initials run into a katakana word.
_LATIN_LED = r"[A-Z][A-Z0-9&]{1,7}[\u30a1-\u30fa\u30fc]{3,15}"


class Parties(Core):
    """The parties an agreement's clause lists, and the bodies it only mentions in passing."""

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
