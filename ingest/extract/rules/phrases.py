"""Who a verb's arguments name: the mention a noun phrase of the dependency parse stands for, with bare
posts, delegations and sent people read as the person or body behind them."""

from __future__ import annotations

from typing import Any

from graph.model import EventKind
from ingest.extract.mentions import Mention
from ingest.extract.rules.layout import Layout
from ingest.extract.rules.model import EVENT, ORG, PERSON, PLACE
from ingest.extract.rules.patterns import DELEGATIONS, FACILITIES, GROUPS, HEAD_OF, PEOPLE_SENT, PLACE_MADE
from ingest.extract.rules.text import sentence_at
from ingest.extract.syntax import Arg, cases, conjuncts, phrase, subject_of
from ingest.extract.syntax import dep_label as _dep_label


class Phrases(Layout):
    """The mentions behind the noun phrases of the dependency parse."""

    def _named(self, start: int, end: int, people: bool = True) -> Mention | None:
        """The mention a noun phrase stands for: a person in it first (「佐藤一郎教授」), else the
        actor ending last in it; a delegation (「X市の代表団」) stands for who sends it."""
        inside = [m for m in self.mentions if m.start < end and m.end > start and m.end <= end + 1 and m.length
                  and not (self.text[m.end : m.end + 1] == "内" and m.end + 1 < end)  # 「県内事業者」: inside, not 県
                  and not (m.type is PLACE and PLACE_MADE.match(self.text, m.end, end))]  # 「日本企業40社」: not 日本
        persons = [m for m in inside if m.type is PERSON]
        if persons and people:
            return persons[-1]
        actors = [m for m in inside if self.actor(m) and m.type is not PERSON]
        if actors:
            return max(actors, key=lambda m: (m.end, m.length))
        events = [m for m in inside if m.type is EVENT]
        return max(events, key=lambda m: (m.end, m.length)) if events else None

    def _events_of(self, token: Any) -> list[Mention]:
        """The events the noun phrase ``token`` heads (and its conjuncts) name: 「「日本・タイ経済フォーラム」」 is
        the forum, though places are named inside it."""
        out = []
        for c in conjuncts(token):
            start, end = phrase(c)
            head = c.idx
            inside = [m for m in self.mentions if m.type is EVENT and m.start <= head < m.end + 1 and m.start < end
                      and m.end > start]
            if inside:
                out.append(max(inside, key=lambda m: m.length))
        return out

    def _arg_mentions(self, token: Any, people: bool = True) -> list[Mention]:
        out = []
        for c in conjuncts(token):
            start, end = phrase(c)
            m = self._named(start, end, people)
            if m is None and people:
                # 「…のP会頭と」: the parser hangs the name off the post it precedes
                m = next((x for x in self.mentions if x.type is PERSON and x.end == start and x.length), None)
            if m is None and self.text[start:end] in HEAD_OF and people:
                m = self._post_holder(self.text[start:end])  # 「知事と面談」: the page's own governor
            # 「A、Bなどの関係者約40名」: the parser may hang 関係者 (and its の-modifier) on the count
            staff = [k for k in c.children if _dep_label(k) in ("compound", "nmod") and not cases(k)
                     and PEOPLE_SENT.search(k.text)]
            sent = PEOPLE_SENT.search(self.text[start:end]) is not None or bool(staff)
            if m is None and (self.text[start:end].endswith((*DELEGATIONS, *FACILITIES)) or sent):
                # 「X県の代表団」 is X's; 「X社の工場」 is X's site: the body in the の-modifier
                sender = [x for k in [c, *staff] for x in k.children if "の" in {y.text for y in x.children}]
                if sent and sender:  # people from a list of bodies come from each of them (the last one below)
                    others = [x for x in conjuncts(sender[-1]) if x.i != sender[-1].i]
                    listed = [self._named(*phrase(x), people=False) for x in others]
                    out += [x for x in listed if x is not None]
                if sender:
                    m = self._named(*phrase(sender[-1]), people=False)
                    if m is not None and m.type is not ORG and self.text[start:end].endswith(FACILITIES):
                        m = None  # 「X市の本社」 says where a site is, not whose
                elif self.text[start:end] in DELEGATIONS:
                    m = self._sender(start) or self._leader(start)
            if m is not None:
                out.append(m)
        return out

    def _arg(self, args: list[Arg], dep: str | None, particles: tuple[str, ...]) -> list[Mention]:
        out: list[Mention] = []
        for a in args:
            if (dep is None or a.dep == dep or (dep == "obl" and a.dep in ("obl", "nmod", "iobj"))) and (
                not particles or set(a.cases) & set(particles)
            ):
                out += self._arg_mentions(a.head)
        return out

    def _subjects(self, verb: Any) -> list[Mention]:
        subj, modified = subject_of(verb)
        if subj is not None:
            found = self._arg_mentions(subj.head)
        elif modified is not None:
            found = self._arg_mentions(modified)
        else:
            # no subject in the sentence: the topic carried over from the sentences before
            topic = self.topics.get(sentence_at(self.text, verb.idx)[0])
            found = [topic] if topic is not None else []
        return [self._holder(self._sent_by(m)) for m in found]

    def _sent_by(self, m: Mention) -> Mention:
        """A delegation named as an event (「環境ミッションは…を訪問」) travels for the body that organised it;
        one named as a body after its sender (「愛媛県訪問団」) for the sender named in it."""
        if m.type is ORG and m.text.endswith(GROUPS):
            named = [x for x in self.entities[self.key(m)].mentions
                     if x.source != "alias" and x.length and x.text.endswith(GROUPS)]
            inner = [x for n in named for x in self.mentions
                     if x.start == n.start and x.end < n.end and self.actor(x) and x.type is not PERSON]
            return max(inner, key=lambda x: x.end) if inner else m
        if m.type is not EVENT or m.kind != EventKind.DELEGATION_VISIT.value:
            return m
        key = self.key(m)
        for f in self.facts:
            if f.type == "organised" and f.target == key and self.entities[f.source].actor:
                sender = self.entities[f.source]
                if sender.mentions:
                    return sender.mentions[0]
        return m

    def _holder(self, m: Mention) -> Mention:
        """A bare post as subject (「知事は…訪問」) is the person the page names in that post."""
        if m.source != "alias" or m.text not in HEAD_OF:
            return m
        for f in self.facts:
            if f.type == "works_for" and f.target == self.key(m) and f.role and f.role.endswith(m.text):
                person = self.entities[f.source]
                if person.mentions:
                    return person.mentions[0]
        return m

    def _post_holder(self, post: str) -> Mention | None:
        """A bare post (「知事」, 「市長」) is its holder at the page's own prefecture or city, else the only person
        the page names in that post."""
        holders = [f for f in self.facts if f.type == "works_for" and f.role and f.role.endswith(post)]
        home = self._home(HEAD_OF[post][0]) if HEAD_OF[post][0] in ("県", "市") else None
        own = [f for f in holders if home is not None and f.target == self.key(home)]
        chosen = own or (holders if len({f.source for f in holders}) == 1 else [])
        person = self.entities[chosen[0].source] if chosen else None
        return person.mentions[0] if person is not None and person.mentions else None

    def _employer(self, p: Mention) -> Mention | None:
        """「X大学医学部のP教授」, 「X社社長のP氏」: the body named in an の-modifier of the person's phrase."""
        span = self.parse.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            return None
        head = span[-1]
        while _dep_label(head) in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        for _level in range(3):  # 「X省の参事官のP」: through a post to the body that has it
            modifiers = [
                c
                for c in head.children
                if _dep_label(c) == "nmod" and "の" in {x.text for x in c.children if _dep_label(x) == "case"}
            ]
            if not modifiers:
                return None
            head = max(modifiers, key=lambda t: t.i)
            m = self._named(*phrase(head), people=False)
            if m is not None:
                return m if self.actor(m) and m.type is not PERSON and m.kind != "country" else None
        return None
