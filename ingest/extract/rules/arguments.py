"""Relations read from a verb's arguments in the dependency parse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.model import EventKind
from ingest.extract.mentions import Mention
from ingest.extract.rules.actors import Actors
from ingest.extract.rules.model import EVENT, PERSON
from ingest.extract.rules.patterns import (
    COUNTRY_VISITS,
    DELEGATIONS,
    LEADS,
    MEETINGS,
    VERBS,
)
from ingest.extract.rules.text import sentence_at
from ingest.extract.syntax import Arg, arguments, cases, predicates, subject_of
from ingest.extract.syntax import dep_label as _dep_label


class Arguments(Actors):
    """Relations read from a verb's arguments in the dependency parse."""

    def _sent_delegation(self, verb: Any, args: list[Arg], add: Callable[..., None]) -> None:
        """「XはP知事を団長とする訪問団をYに派遣」: X's delegation, and P who leads it, visit Y."""
        groups = [a for a in args if a.dep == "obj" and self.text[a.start : a.end].endswith(DELEGATIONS)]
        if not groups:
            return
        goals = [m for m in self._arg(args, "obl", ("に", "へ")) if self.actor(m) and m.type is not PERSON]
        senders = [v for v in self._subjects(verb) if self.actor(v) and v.type is not PERSON]
        leaders = []
        for clause in (c for g in groups for c in g.head.children if _dep_label(c) == "acl"):
            cargs = arguments(clause)
            if any(self.text[a.start : a.end].endswith(LEADS) for a in cargs if "と" in a.cases):
                leaders += [m for m in self._arg(cargs, "obj", ("を",)) if m.type is PERSON]
        span = self._span_of(verb)
        for v in [*senders, *leaders]:
            for g in goals:
                add("visited", v, g, span, verb.idx)

    def _courtesy_call(self, verb: Any, add: Callable[..., None]) -> None:
        """「P知事はQ首相の表敬訪問を受けた」: Q called on P (a meeting) and visited P's body."""
        greeted = [c for c in verb.children if _dep_label(c) == "obj" and c.text in ("出迎え", "歓迎", "出迎")]
        if greeted:  # 「P知事はQ副首相の出迎えを受けた」: Q received P, a meeting
            hosts = [m for c in greeted for x in c.children if _dep_label(x) == "nmod" and "の" in cases(x)
                     for m in self._arg_mentions(x) if m.type is PERSON]
            for guest in self._subjects(verb):
                for host in hosts:
                    if guest.type is PERSON:
                        add("met_with", guest, host, self._span_of(verb), verb.idx)
        calls = [c for c in verb.children if _dep_label(c) == "obj" and c.text in ("訪問", "表敬", "来訪", "表敬訪問")]
        if not calls:
            return
        callers = [
            m
            for c in calls
            for x in c.children
            if _dep_label(x) == "nmod"
            for m in self._arg_mentions(x)
            if self.actor(m)
        ]
        span = self._span_of(verb)
        for host in self._subjects(verb):
            body = self._body_of(host, heads_only=False)
            for caller in callers:
                if host.type is PERSON and caller.type is PERSON:
                    add("met_with", host, caller, span, verb.idx)
                if body.type is not PERSON and self.actor(body):
                    add("visited", caller, body, span, verb.idx)

    def _accompanied(self, verb: Any, add: Callable[..., None]) -> None:
        """「訪問にはX商工会議所などが同行」, 「知事はX協会を同行して」: a body that goes along visits where the
        visit reported last (in this sentence or the one before) went."""
        span = self._span_of(verb)
        visits = [f for f in self.facts if f.type == "visited" and span[0] - 400 <= f.start <= span[0]]
        if not visits:
            return
        last = max(f.start for f in visits)
        places = {f.target for f in visits if f.start == last}
        taken = self._arg(arguments(verb), "obj", ("を",))
        # the bodies that go along; people named beside them (a chair, an aide) are the lead's party
        companions = [m for m in taken or self._subjects(verb) if self.actor(m) and m.type is not PERSON]
        for c in companions:
            for key in places:
                target = self.entities[key]
                if target.mentions:
                    add("visited", c, target.mentions[0], span, verb.idx)

    def _country_visit(self, verb: Any, add: Callable[..., None]) -> None:
        """「P知事は7月に訪米し」: a visit to the country 訪X abbreviates, when the page names that country. Where
        the parser reads 訪X as a noun (「…が訪台、」) its visitor is not linked to it, and nothing is read."""
        names = COUNTRY_VISITS.get(verb.text) or COUNTRY_VISITS.get(verb.lemma_) or ()
        key = next((k for k in (self._place_named(n) for n in names) if k is not None), None)
        if key is None or not self.entities[key].mentions:
            return
        country = self.entities[key].mentions[0]
        if verb.pos_ != "VERB":
            return
        for v in self._subjects(verb):
            if self.actor(v) and self.key(v) != key:
                add("visited", v, country, self._span_of(verb), verb.idx)

    def _events_at(self, args: list[Arg], particles: tuple[str, ...]) -> list[Mention]:
        """The events among the arguments marked so; 「Eの開会式に」, 「Eの歓迎レセプションに」: a part of an event
        stands for it."""
        out: list[Mention] = []
        for a in args:
            if not set(a.cases) & set(particles):
                continue
            found = self._events_of(a.head)
            if not found:
                owners = [c for c in a.head.children if _dep_label(c) == "nmod" and "の" in cases(c)]
                found = [m for c in owners for m in self._events_of(c)]
            out += found
        return out

    def _previous_event(self, start: int) -> list[Mention]:
        """「Eが…で開催されました。本県からは、P副知事が出席しました。」: attending with no event named, in a sentence
        naming none, is attending the one event the sentence before names."""
        if any(m.type is EVENT for m in self.in_span(*sentence_at(self.text, start))) or start < 2:
            return []
        if "\n\n" in self.text[max(0, start - 2) : start]:
            return []  # a new paragraph
        before = [m for m in self.in_span(*sentence_at(self.text, start - 2)) if m.type is EVENT]
        return before[:1] if len({self.key(m) for m in before}) == 1 else []

    def _met_at(self, verb: Any, add: Callable[..., None]) -> None:
        """「会談には、P知事とQ省長が出席」: the people attending a meeting met each other."""
        meetings = [a for a in arguments(verb) if "に" in a.cases and self.text[a.start : a.end].endswith(MEETINGS)]
        if not meetings:
            return
        # the people named between the meeting and the verb (the parser often splits their list)
        people = [m for m in self.mentions if m.type is PERSON and meetings[0].end <= m.start and m.end <= verb.idx]
        for i, p in enumerate(people):
            for q in people[i + 1 :]:
                add("met_with", p, q, self._span_of(verb), verb.idx)

    def argument_relations(self) -> None:
        """Visits, attendance, meetings and talks read from the verb's subject and objects, so
        coordinated lists (「A、B、Cを訪問」) and subjects far from the verb are found."""
        if self.parse is None or not self.parse.has_annotation("DEP"):
            return
        self.led = self.mission_leaders()
        have = {(f.type, f.source, f.target) for f in self.facts}
        verbs = predicates(self.parse, VERBS)

        def add(kind: str, a: Mention, b: Mention, span: tuple[int, int], at: int) -> None:
            ka, kb = self.key(a), self.key(b)
            if ka == kb or (kind, ka, kb) in have:
                return
            have.add((kind, ka, kb))
            d = self.date_in(span[0], span[1], before=at) if kind == "visited" else None
            self.add(kind, ka, kb, span, 0.55, valid_from=d.iso if d else None)

        for verb in verbs["hold"]:
            # 「XはYにミッションを派遣」, 「Xが…セミナーを開催」: X organised it; a mission sent to Y visits Y
            args = arguments(verb)
            events = [m for a in args if a.dep == "obj" and "を" in a.cases for m in self._events_of(a.head)]
            if verb.lemma_ == "派遣":
                self._sent_delegation(verb, args, add)
            if not events:
                continue
            span = self._span_of(verb)
            senders = [v for v in self._subjects(verb) if self.actor(v) and v.type is not PERSON]
            goals = [m for m in self._arg(args, "obl", ("に", "へ")) if self.actor(m) and m.type is not PERSON]
            for v in senders:
                for ev in events:
                    add("organised", v, ev, span, verb.idx)
                if verb.lemma_ == "派遣":
                    for g in goals:
                        add("visited", v, g, span, verb.idx)
        for verb in verbs["visit"]:
            span = self._span_of(verb)
            courtesy = "表敬" in self.text[max(0, verb.idx - 3) : verb.idx + 4]
            if _dep_label(verb) == "compound" or (verb.text == "表敬" and verb.pos_ != "VERB"):
                continue  # 「表敬訪問」: read once, at 訪問
            args = arguments(verb)
            if _dep_label(verb) == "obj" and verb.head.lemma_ in ("行う", "実施"):
                # 「Q首相への表敬訪問を行った」: the visit is what the verb does; its への-modifier is the host
                noun, verb = verb, verb.head
                args = [a for a in arguments(verb) if a.head.i != noun.i]
                args += [a for a in arguments(noun) if set(a.cases) & {"へ", "に"}]
            # 「万博を視察」, 「見本市を訪れ」: a visit to an event is attending it
            toured = self._events_at(args, ("を", "に", "へ"))
            for ev in toured:
                for v in self._subjects(verb):
                    if self.actor(v):
                        add("attended", v, ev, span, verb.idx)
            subj, _modified = subject_of(verb)
            also = [a for a in args if a.cases == ("も",) and subj is not None and a.head.i != subj.head.i]
            hosts = [m for m in [*self._arg(args, None, ("を", "に", "へ")), *self._arg(also, None, ())]
                     if self.actor(m)
                     and not any(ev.start <= m.start and m.end <= ev.end for ev in toured)]  # 「「日本・X展」を視察」
            # a courtesy call on a person visits the body the person serves, when it is known
            hosts = [self._body_of(m, heads_only=False) for m in hosts if m.type is not PERSON or courtesy]
            callers = self._actors(verb)
            for v in callers:
                if not self.actor(v):
                    continue
                for h in hosts:
                    add("visited", v, h, span, verb.idx)
            # 「P知事はQ知事を訪ね」: calling on a person is meeting them (「Q首相への表敬訪問」 too)
            for q in self._arg(args, None, ("を", "へ") if courtesy else ("を",)):
                for v in callers:
                    if q.type is PERSON and v.type is PERSON:
                        add("met_with", v, q, span, verb.idx)
        for verb in verbs["attend"]:
            if verb.lemma_ in ("招く", "招待") and not any(c.lemma_ in ("れる", "られる") for c in verb.children):
                continue  # 「XをEに招いた」: X's host invites; 「Eに招かれ」: the guest attends
            span = self._span_of(verb)
            events = self._events_at(arguments(verb), ("に",))
            self._met_at(verb, add)
            if not events:  # 「Eが北京で開催され、A知事らが出席」: the event the clause before holds
                events = [
                    m
                    for c in verb.children
                    if _dep_label(c) == "advcl" and c.i < verb.i and c.lemma_ in ("開催", "開く", "行う")
                    for a in arguments(c)
                    if a.dep == "nsubj"
                    for m in self._events_of(a.head)
                ]
            if not events:  # 「Eには、Aが列席し、Bが立ち会った」: the event the chained clause before names
                events = [
                    m
                    for c in verb.children
                    if _dep_label(c) == "advcl" and c.i < verb.i and c.lemma_ in VERBS["attend"]
                    for m in self._events_at(arguments(c), ("に",))
                ]
            if not events and _dep_label(verb) == "advcl":
                # 「Eには、Pが出席し、講演した」: the topic before the chained clause frames it too
                events = [m for m in self._events_at(arguments(verb.head), ("に",)) if m.end <= verb.idx]
            named, _modified = subject_of(verb)
            if not events and verb.pos_ == "VERB" and named is not None and self._arg_mentions(named.head):
                events = self._previous_event(span[0])  # who attends is named, not carried over
            actors = self._actors(verb)
            for v in [*actors, *self._listed_with(actors), *self._sent_from(verb, actors)]:
                if self.actor(v) and not (verb.lemma_ == "出展" and v.type is PERSON):  # bodies exhibit, not people
                    for ev in events:
                        add("attended", v, ev, span, verb.idx)
        for verb in verbs["receive"]:
            self._courtesy_call(verb, add)
        for verb in verbs["accompany"]:
            self._accompanied(verb, add)
        for verb in verbs["visit_country"]:
            self._country_visit(verb, add)
        for verb in verbs["speak"]:
            # 「P知事は「E」の開会式で挨拶した」, 「Eで講演」: a person speaking at an event
            if verb.pos_ != "VERB":
                if _dep_label(verb) != "obj" or verb.head.lemma_ not in ("行う", "実施"):
                    continue
                verb = verb.head  # 「挨拶を行った」: the speech is what the verb does
            events = self._events_at(arguments(verb), ("で", "に", "において"))
            if not events:  # 「Eに出席し、挨拶を行った」: the event the chained clause attends
                events = [m for c in verb.children if _dep_label(c) == "advcl" and c.i < verb.i
                          and c.lemma_ in VERBS["attend"] for m in self._events_at(arguments(c), ("に",))]
            for ev in events:
                for v in self._subjects(verb):
                    if v.type is PERSON:
                        add("spoke_at", v, ev, self._span_of(verb), verb.idx)
        for verb in verbs["serve"]:
            # 「P知事が団長を務めた」, 「団長はP知事が務めた」: the leader of a delegation takes part in it
            posts = [self.text[a.start : a.end] for a in arguments(verb) if a.dep == "obj"]
            posts += [c.text for c in verb.children if _dep_label(c) == "dislocated"]  # 「団長は」 as the topic
            if not any(p.endswith(LEADS) for p in posts):
                continue
            missions = [
                m
                for m in self.mentions
                if m.type is EVENT and m.start < verb.idx and m.kind == EventKind.DELEGATION_VISIT.value
            ]
            if missions:
                for v in self._subjects(verb):
                    if v.type is PERSON:
                        add("attended", v, missions[-1], self._span_of(verb), verb.idx)
        employed = {f.source for f in self.facts if f.type == "works_for"}
        for p in self.mentions:
            if p.type is not PERSON or p.source == "alias" or self.key(p) in employed:
                continue
            body = self._employer(p)
            if body is not None:
                employed.add(self.key(p))
                add("works_for", p, body, sentence_at(self.text, p.start), p.start)
        for verb in verbs["meet"]:
            # 「P知事はQ大使と会談」; 「A町はB郷とオンラインで会談」: bodies or places meeting as such
            if verb.text == "交換" and not any(c.text in ("意見", "情報") for c in verb.children):
                continue  # 「Qと意見交換を行った」 is a meeting, 名刺交換 or 人事交換 not
            span = self._span_of(verb)
            if _dep_label(verb) == "obj" and verb.head.lemma_ in ("行う", "実施", "持つ"):
                verb = verb.head  # 「Qと県庁で会談を行った」: the meeting is what the verb does
            args = arguments(verb)
            others = [m for m in self._arg(args, None, ("と",)) if self.actor(m)]
            if verb.lemma_ in ("迎える", "出迎える"):  # 「P知事はQ知事を県庁に迎え」: the guest received
                others = [m for m in self._arg(args, "obj", ("を",)) if m.type is PERSON]
            for a in args:  # 「Qとオンラインで会談」: the parser hangs Q on the manner or place after it
                if "と" not in a.cases:
                    others += [
                        m
                        for c in a.head.children
                        if _dep_label(c) == "nmod" and cases(c)[-1:] == ("と",)
                        for m in self._arg_mentions(c)
                        if self.actor(m)
                    ]
            for v in self._actors(verb):
                if not self.actor(v):
                    continue
                for o in others:
                    if (v.type is PERSON) == (o.type is PERSON):
                        add("met_with", v, o, span, verb.idx)
