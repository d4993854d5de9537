"""Who does what a verb says: its subjects, those named beside them or listed before them, a group's
leader, and the bodies people named only by what they are come from."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import EVENT, PERSON
from ingest.extract.rules.patterns import (
    LEADER_POST,
    LEADS,
    LED_AFTER,
    LED_BEFORE,
    LISTED_PERSON,
    PEOPLE_SENT,
)
from ingest.extract.rules.text import sentence_at
from ingest.extract.syntax import arguments, cases, phrase, subject_of
from ingest.extract.syntax import dep_label as _dep_label


class Actors(Core):
    """The actors of a verb in the dependency parse."""

    led: dict[str, list[Mention]]  # a mission's key -> who leads it

    def _group_leaders(self, verb: Any) -> list[Mention]:
        """「P知事を団長とする訪問団は」, 「P知事(が)率いる訪問団は」: the person leading the group that is the
        verb's subject goes with it."""
        subj, _modified = subject_of(verb)
        if subj is None:
            return []
        leaders: list[Mention] = []
        for clause in (c for c in subj.head.children if _dep_label(c) == "acl"):
            cargs = arguments(clause)
            posts = [a for a in cargs if "と" in a.cases and self.text[a.start : a.end].endswith(LEADS)]
            if posts:  # the parser hangs 「Pを」 on the verb or on 団長 itself
                cargs += [x for a in posts for x in arguments(a.head) if x.dep == "obj"]
                leaders += [m for m in self._arg(cargs, "obj", ("を",)) if m.type is PERSON]
            elif clause.lemma_ == "率いる":  # the parser seldom links the leader to 率いる: the name just before it
                leaders += [m for m in self.mentions if m.type is PERSON and m.end <= clause.idx and re.fullmatch(
                    LEADER_POST + r"(?:が|の)?", self.text[m.end : clause.idx])]  # not one named after 率いる
        return leaders

    def mission_leaders(self) -> dict[str, list[Mention]]:
        """「P知事を団長とする「E」」, 「「E」(団長:P知事)」: P leads the mission E and takes part in it."""
        out: dict[str, list[Mention]] = {}
        people = [m for m in self.mentions if m.type is PERSON and m.length]
        for ev in (m for m in self.mentions if m.type is EVENT):
            led = [p for p in people if ev.start - 40 <= p.end <= ev.start
                   and re.fullmatch(LEADER_POST + LED_BEFORE.pattern, self.text[p.end : ev.start])]
            after = LED_AFTER.match(self.text, ev.end)
            if after is not None:  # the first person inside the bracket
                close = re.compile(r"[)）]").search(self.text, after.end())
                end = close.start() if close is not None else after.end()
                led += [p for p in people if after.start() < p.start and p.end <= end][:1]
            for p in led:
                out.setdefault(self.key(ev), []).append(p)
                self.add("attended", self.key(p), self.key(ev), (min(p.start, ev.start), max(p.end, ev.end)), 0.55)
        return out

    def _besides(self, verb: Any) -> list[Mention]:
        """「P知事のほか、Q副署長が出席」: who is named before ほか acts with the subject."""
        return [
            m
            for a in arguments(verb)
            if a.head.text in ("ほか", "他", "外") and not set(a.cases) & {"に", "を", "で", "と"}
            for c in a.head.children
            if _dep_label(c) == "nmod" and "の" in cases(c)
            for m in self._arg_mentions(c)
            if self.actor(m)
        ]

    def _listed_with(self, people: list[Mention]) -> list[Mention]:
        """「Aの P市長、Bの Q会頭らが出席」: the persons listed before a person subject, each with a post and
        the next one's body, act with it (the parser often splits a post and loses the list)."""
        out: list[Mention] = []
        persons = [m for m in self.mentions if m.type is PERSON and m.length]
        for v in people:
            while v.type is PERSON:
                s, _e = sentence_at(self.text, v.start)
                prev = [p for p in persons if s <= p.start and p.end < v.start]
                if not prev or not LISTED_PERSON.fullmatch(self.text, prev[-1].end, v.start):
                    break
                v = prev[-1]
                out.append(v)
        return out

    def _sent_from(self, verb: Any, actors: list[Mention]) -> list[Mention]:
        """「X大学から研究者12名が参加」, 「X協会からも関係者が出席」: people named only by what they are come for
        the body they come from."""
        subj, _modified = subject_of(verb)
        if actors or subj is None or not PEOPLE_SENT.search(self.text[slice(*phrase(subj.head))]):
            return []
        return [m for m in self._arg(arguments(verb), None, ("から",)) if self.actor(m) and m.type is not PERSON]

    def _actors(self, verb: Any) -> list[Mention]:
        """Who does what the verb says: its subjects, those named beside them with ほか, and the leader of a
        group (or of a mission) that is its subject."""
        subjects = self._subjects(verb)
        led = [p for v in subjects for p in self.led.get(self.key(v), [])]
        return [*subjects, *self._besides(verb), *self._group_leaders(verb), *led]
