"""Who acts, read mostly from the text around a mention (particles, posts, coordination): a sentence's
subject, the body a post refers to, the people met, the bodies named together."""

from __future__ import annotations

import re

from ingest.extract.mentions import Mention
from ingest.extract.rules.model import PERSON, PLACE
from ingest.extract.rules.patterns import HEADS, JAPAN, PERSON_SUBJECT_TAIL, SUBJECT_TAIL
from ingest.extract.rules.state import State
from ingest.extract.rules.text import closest
from ingest.extract.syntax import dep_label as _dep_label

# 「A及びB」, 「「A」と「B(…)」」: what joins two coordinated names
_JOINED = r"」?\s?(?:\([^()]*\))?」?\s?(?:及び|および|と|、|,|並びに)\s?「?"


class Surface(State):
    """Subjects, heads and partners read from the surface of a sentence."""

    def _narrator(self) -> Mention | None:
        """「Xの訪問団の一員として」: a report written from inside X's delegation speaks for X."""
        hit = re.search(r"の(?:訪問団|代表団|視察団|使節団|ミッション)の一員(?:として|で)", self.text)
        if hit is None:
            return None
        before = closest([m for m in self.mentions if m.end == hit.start() and self.actor(m) and m.type is not PERSON])
        return before

    def _subject(self, ms: list[Mention], main: bool = False) -> Mention | None:
        """The first actor marked as a subject; with ``main``, not one inside a relative clause."""
        for m in ms:
            if not self.actor(m):
                continue
            after = self._after(m, 14)
            tail = re.match(SUBJECT_TAIL, after)
            if tail is None and m.type is PERSON:
                tail = re.match(PERSON_SUBJECT_TAIL, self._after(m, 16))
            if tail is None or (main and self._in_relative_clause(m)):
                continue
            if m.type is PLACE and tail.group().endswith("では") and not self._japanese(m):
                continue  # 「ブリスベンでは、…と会談」: where it happened; 「本県では」 still acts
            if m.type is not PERSON and tail.group()[:1] not in "はがで(の ":
                # 「P・X社社長は」: the person before ・ holds the post and acts; X says for whom
                held = [q for q in ms if q.type is PERSON and q.end + 1 == m.start and self.text[q.end] == "・"]
                return held[0] if held else m
            return m
        return None

    def _japanese(self, m: Mention) -> bool:
        """A place in Japan (or Japan itself), known to the gazetteer."""
        entry = m.entry
        for _level in range(4):  # a city's parent is its prefecture, the prefecture's Japan
            if entry is None:
                return False
            if entry.id == JAPAN or entry.parent == JAPAN:
                return True
            entry = self.gaz_entry(entry.parent) if entry.parent else None
        return False

    def _in_relative_clause(self, m: Mention) -> bool:
        """「Aが運営するBは…」: A is the subject of a clause describing B, not of the sentence."""
        if self.parse is None or not m.length:
            return False
        span = self.parse.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        head = span[-1]
        while _dep_label(head) in ("compound", "flat", "nmod") and head.head.i > head.i and head.head.idx < m.end + 4:
            head = head.head
        return _dep_label(head) == "nsubj" and _dep_label(head.head) == "acl"

    def _body_of(self, p: Mention, heads_only: bool = True) -> Mention:
        """「黒岩知事が…MOUを締結」: a head signs for the body they head (found by the post rules); without
        ``heads_only``, the body a person works for in any post. A person with none is returned as is."""
        if p.type is not PERSON:
            return p
        for f in self.facts:
            if (
                f.type == "works_for"
                and f.source == self.key(p)
                and (not heads_only or (f.role and f.role.endswith(HEADS)))
            ):
                body = self.entities.get(f.target)
                if body is not None and body.mentions:
                    return body.mentions[0]
        return p

    def _proper(self, start: int, end: int) -> bool:
        """Whether the tagger reads part of the span as a proper noun or an entity."""
        span = self.parse.char_span(start, end, alignment_mode="expand") if self.parse is not None else None
        return span is not None and any("固有名詞" in t.tag_ or t.ent_type_ for t in span)

    def _headed(
        self, pos: int, suffixes: tuple[str, ...], foreign: bool = False, taken: frozenset[str] = frozenset()
    ) -> Mention | None:
        """What a head's post refers to: the last body or place before ``pos`` whose name ends so
        (with ``foreign``, one named in katakana first), else the page's own prefecture or city.
        Bodies in ``taken`` have their own head named with them and are passed over."""
        fitting = [m for m in self._fitting(pos, suffixes) if self.key(m) not in taken]
        katakana = [m for m in fitting if re.match(r"[\u30a1-\u30fa\u30fc]", m.text)]
        if foreign and katakana:
            return katakana[-1]
        kanji = [m for m in fitting if m not in katakana]
        if not foreign and kanji:
            return kanji[-1]  # 「平井伸治知事とバトボルド県知事」: a name in kanji heads a place named in kanji
        if fitting:
            return fitting[-1]
        for suffix in suffixes:
            if suffix in ("県", "市"):
                home = self._home(suffix)
                if home is not None:
                    return home
        return None

    def _fitting(self, pos: int, suffixes: tuple[str, ...]) -> list[Mention]:
        """The bodies and places before ``pos`` whose name ends so: what a head's post may refer to."""
        before = [x for x in self.mentions if x.end <= pos and x.type is not PERSON and self.actor(x)]
        # 「X州政府」 ends in 府 but is no 府 (大阪府, 京都府) a 知事 could head
        return [
            m
            for m in before
            if any(n.endswith(suffixes) and not n.endswith("政府") for n in self.entities[self.key(m)].names)
        ]

    def _met(self, m: Mention, ms: list[Mention]) -> bool:
        """「Pと会談」, 「P州知事(56)とQ大使と会談」: P is one of the people met."""
        tail = r"[^、。と()]{0,10}?(?:\(\d{1,3}\))?(?:氏|さん|様)?"
        rest = self.text[m.end : m.end + 48]
        # 「Pと(、Xについて)意見交換」: what they spoke about may stand between
        topic = r"(?:、?[^、。「」]{1,20}?(?:について|に関して|をめぐって|をテーマに)、?)?"
        if re.match(tail + r"ら?(?:と|との)" + topic + r"(?:会談|面会|面談|懇談|意見交換)", rest):
            return True
        joined = re.match(tail + r"(?:と|、)", rest)
        if joined is None:
            return False
        nxt = [x for x in ms if x.start == m.end + joined.end() and x.type is PERSON]
        return bool(nxt) and self._met(nxt[0], ms)

    def _coordinated(self, m: Mention, ms: list[Mention]) -> list[Mention]:
        """Bodies coordinated before ``m``: 「A及びBの主催」, 「「A」と「B(…)」は」 -> [B's partners]."""
        out: list[Mention] = []
        head = m
        while True:
            start = self.lead(head)
            before = [
                x
                for x in ms
                if x.end <= head.start
                and self.actor(x)
                and x.type is not PERSON
                and re.fullmatch(_JOINED, self.text[x.end : start])
            ]
            if not before:
                return out
            head = max(before, key=lambda x: (x.end, x.length))
            out.append(head)
