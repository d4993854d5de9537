"""The state every relation rule works on: entities, facts, mentions and shared lookups."""

from __future__ import annotations

import re
from typing import Any

from graph.model import EntityType, EventKind
from graph.names import name_key
from ingest.extract.documents import Document
from ingest.extract.gazetteer import GazEntry, Gazetteer
from ingest.extract.jdates import DateMention, find_dates
from ingest.extract.lexicon import COREFERENCE, EVENT_WORDS, LEGAL_PREFIXES, TITLES
from ingest.extract.mentions import Mention, clean_person
from ingest.extract.rules.anaphora import bare_posts
from ingest.extract.rules.model import EVENT, ORG, PERSON, PLACE, Fact, LocalEntity, key_of
from ingest.extract.rules.patterns import (
    DELEGATIONS,
    EVENT_ANAPHOR,
    EVENT_PARTS,
    FACILITIES,
    GOVERNMENT_AFTER,
    GROUPS,
    HEAD_OF,
    HEADS,
    JAPAN,
    LEADER_POST,
    LIST_ITEM,
    OWN_UNIVERSITY,
    PEOPLE_SENT,
    PERSON_SUBJECT_TAIL,
    PLACE_MADE,
    SAME_BODY,
    SECTION_START,
    SENT_GROUP,
    SUBJECT_TAIL,
    TABLE_ROW,
    UNIVERSITY_UNIT,
)
from ingest.extract.rules.text import closest, full_names, sentence_at, unyeared
from ingest.extract.syntax import Arg, cases, conjuncts, phrase, subject_of
from ingest.extract.syntax import dep_label as _dep_label

# 「A及びB」, 「「A」と「B(…)」」: what joins two coordinated names
_JOINED = r"」?\s?(?:\([^()]*\))?」?\s?(?:及び|および|と|、|,|並びに)\s?「?"


class Core:
    """A document's entities and facts, with the lookups every rule family shares."""

    narrator: Mention | None
    last_organisers: list[Mention]
    last_visit: tuple[Mention, Mention, int] | None
    prev_sentence: int
    topics: dict[int, Mention | None]

    def __init__(self, doc: Document, mentions: list[Mention], gaz: Gazetteer | None = None, parse: Any = None) -> None:
        self.gaz = gaz
        self.parse = parse
        self.doc = doc
        self.text = doc.text
        self.entities: dict[str, LocalEntity] = {}
        self.facts: list[Fact] = []
        self.alias_keys: dict[str, str] = {}
        self.of: dict[int, str] = {}  # id(mention) -> entity key
        self.mentions = mentions
        self.dates = find_dates(self.text, doc.date)
        self.agreement_words: dict[str, set[str]] = {}  # agreement key -> the words that named it
        self.own_words: list[int] = []  # where 本学 stands for a university the page never names
        for m in mentions:
            if m.type is PERSON:
                m.text = clean_person(m.text)
        full = full_names([m.text for m in mentions if m.type is PERSON])
        # a name with its abbreviation (「X大学院大学(OIST)」) first: the abbreviation named before it (in the
        # title) is the same body
        for m in sorted(mentions, key=lambda x: (x.type is PERSON and x.text in full, not x.aliases)):
            target = self.alias_keys.get(f"person:{name_key(full.get(m.text, ''))}") if m.type is PERSON else None
            if target is not None:
                # a family name alone (荒井知事, ボナッチーニ州知事) is the person named in full elsewhere
                self.alias_keys.setdefault(f"person:{name_key(m.text)}", target)
            self._register(m)

    def _register(self, m: Mention) -> None:
        # 「シーメンス株式会社」 and 「シーメンス」: a company named with its legal form after the name is the
        # company named without it
        bare = next((m.text[: -len(f)] for f in LEGAL_PREFIXES if m.type is ORG and m.text.endswith(f)), "")
        bare = bare if len(bare) >= 2 else ""
        key = (
            self.alias_keys.get(f"{m.type.value}:{name_key(m.text)}")
            or (self.alias_keys.get(f"{m.type.value}:{name_key(bare)}") if bare else None)
            or self._shortened(m)
            or key_of(m)
        )
        ent = self.entities.get(key)
        if ent is None:
            ent = LocalEntity(key, m.type, m.kind, confidence=m.confidence)
            self.entities[key] = ent
        for name in (m.text, *(m.aliases or []), *([m.legal_name] if m.legal_name else []), *([bare] if bare else [])):
            if name and name not in ent.names:
                ent.names.append(name)
            if name:
                self.alias_keys.setdefault(f"{m.type.value}:{name_key(name)}", key)
        ent.mentions.append(m)
        ent.confidence = max(ent.confidence, m.confidence)
        if ent.kind is None and m.kind:
            ent.kind = m.kind
        self.of[id(m)] = key

    def _shortened(self, m: Mention) -> str | None:
        """「ベトナム経済ミッション」 then 「経済ミッション」: an event named again without its qualifier."""
        if m.type is not EVENT or len(m.text) < 4:
            return None
        for ent in self.entities.values():
            if ent.type is EVENT and any(unyeared(n).endswith(unyeared(m.text)) and n != m.text for n in ent.names):
                return ent.key
        return None

    def key(self, m: Mention) -> str:
        return self.of[id(m)]

    def add(
        self,
        type_: str,
        a: str,
        b: str,
        span: tuple[int, int],
        conf: float,
        role: str | None = None,
        valid_from: str | None = None,
    ) -> None:
        if a == b:
            return
        self.facts.append(Fact(type_, a, b, span[0], span[1], conf, role, valid_from))

    # -- coreference ------------------------------------------------------
    def coreference(self) -> None:
        """同社/同省/同県… and 代表団 become mentions of the last fitting entity."""
        extra: list[Mention] = []
        for word, (etype, hints) in COREFERENCE.items():
            for m in re.finditer(word, self.text):
                target = self._last_before(m.start(), etype, hints, topic=word in ("同社", "当社"))
                if target is not None:
                    copy = Mention(m.start(), m.end(), word, target.type, target.kind, "alias", confidence=0.6)
                    extra.append(copy)
                    self.of[id(copy)] = self.key(target)
        for m in SAME_BODY.finditer(self.text):
            # 「同オフィス」, 「同協議会」: the last body named before whose name ends so
            if m.group() in COREFERENCE or any(x.start <= m.start() < x.end for x in self.mentions + extra):
                continue
            ending = m.group("ending")
            named = [
                x
                for x in self.mentions
                if x.type is ORG and x.end <= m.start() and x.text.endswith(ending) and len(x.text) > len(ending)
            ]
            if named:
                copy = Mention(m.start(), m.end(), m.group(), ORG, named[-1].kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(named[-1])
        for m in re.finditer(r"(?<![\u4e00-\u9fff\u30a1-\u30fa])(県知事|知事|市長|省長|州首相)(?=が|は)", self.text):
            hint = {"県知事": "県", "知事": "県", "市長": "市", "省長": "省", "州首相": "州"}[m.group(1)]
            target = self._last_before(m.start(), "place", (hint,))
            if target is not None:
                copy = Mention(m.start(), m.end(), m.group(1), PLACE, target.kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(target)
        # 「本県」「県と…」, 「本市を訪問」, 「県主催の」: the page's own prefecture (or city), the one named most.
        bare = (
            r"(?<![\u4e00-\u9fff\u30a1-\u30fa])(?:(?:本|当)?(県|市)(?=と|は|が|では|の|、|内|主催|共催)"
            r"|(?:本|当)(県|市)(?=を|に|へ|で))"
        )
        for m in re.finditer(bare, self.text):
            home = self._home(m.group(1) or m.group(2))
            if home is not None and not any(x.start <= m.start() < x.end for x in self.mentions):
                copy = Mention(m.start(), m.end(), m.group(), PLACE, home.kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(home)
        for m in EVENT_ANAPHOR.finditer(self.text):
            # 「セミナーでは」, 「同フォーラムに」: the last event named so
            word = m.group("word")
            before = [x for x in self.mentions if x.type is EVENT and x.end <= m.start()]
            named = [x for x in before if word in ("イベント", *EVENT_PARTS) or unyeared(x.text).endswith(word)]
            if not named:  # 「展示会には」 after 「…展「X」」: the last event of that kind, however named
                kind = next((k.value for w, k in EVENT_WORDS if w == word), None)
                named = [x for x in before if kind is not None and x.kind == kind]
            if named and not any(x.start <= m.start() < x.end for x in self.mentions):
                copy = Mention(m.start(), m.end(), m.group(), EVENT, named[-1].kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(named[-1])
        for copy, person in bare_posts(self.text, self.mentions):
            extra.append(copy)
            self.of[id(copy)] = self.key(person)
        extra += self._own_university()
        extra += self._family_names()
        leader: Mention | None = None  # the person whose group was named last
        for m in re.finditer(r"代表団|訪問団|一行", self.text):
            before = [x for x in self.mentions if x.end <= m.start() and x.type is ORG]
            if before and before[-1].end == m.start():
                leader = None
                continue  # 「X代表団」: X is already the mention
            people = [x for x in self.mentions if x.end <= m.start() and x.type is PERSON]
            led = r"[\u4e00-\u9fff]{0,8}?" + LEADER_POST + r"(?:ら?|を(?:副)?団長と(?:する|した)[^、。]{0,12}?)\s?"
            if people and re.fullmatch(led, self.text[people[-1].end : m.start()]):
                leader = people[-1]
                continue  # 「吉本町長一行」, 「P副大臣ら一行」, 「Pを団長とする視察団一行」: the person's group
            # 「山梨県訪問団は…。訪問団は」: the group named so before, else the person who led the group named
            # last (「Pを団長とする視察団一行が…。一行は」), else the last body
            same = [x for x in self.mentions if x.type is ORG and x.end <= m.start() and x.text.endswith(m.group())
                    and len(x.text) > len(m.group())]
            target = same[-1] if same else leader or self._last_before(m.start(), "organisation", ())
            if target is not None:
                copy = Mention(m.start(), m.end(), m.group(), target.type, target.kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(target)
        self.mentions = sorted(self.mentions + extra, key=lambda x: x.start)

    def _family_names(self) -> list[Mention]:
        """「内堀雅雄知事…内堀知事と面談」, 「ハンソン大使は」: a family name before a post is the person the page
        names in full (the only one whose name starts, or for a katakana name ends, so)."""
        people = [m for m in self.mentions if m.type is PERSON and m.source != "alias" and m.length]
        families: dict[str, set[str]] = {}
        for p in people:
            name = p.text
            if re.fullmatch(r"[\u4e00-\u9fff々]{3,5}", name):
                for cut in (1, 2, 3) if len(name) == 3 else (2, 3):  # 陳志明 -> 陳; 内堀雅雄 -> 内堀
                    if len(name) - cut >= 1:
                        families.setdefault(name[:cut], set()).add(self.key(p))
            elif "・" in name:
                families.setdefault(name.rsplit("・", 1)[1], set()).add(self.key(p))
        posts = "|".join(sorted(TITLES, key=len, reverse=True))
        out = []
        for family, keys in families.items():
            if len(keys) != 1 or (len(family) < 2 and not re.fullmatch(r"[\u4e00-\u9fff]", family)):
                continue
            pattern = (
                r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc・])" + re.escape(family)
                + r"(?=\s?(?:" + posts + r"|氏|さん)(?![\u4e00-\u9fff]))"
            )
            for hit in re.finditer(pattern, self.text):
                if any(x.start < hit.end() and hit.start() < x.end for x in self.mentions):
                    continue
                copy = Mention(hit.start(), hit.end(), family, PERSON, None, "alias", confidence=0.55)
                out.append(copy)
                self.of[id(copy)] = next(iter(keys))
        return out

    def _own_university(self) -> list[Mention]:
        """「本学」「当大学」: the page's own university, when its title names it as the site (「…|X大学」) or as
        the subject signing with a partner (「X大学、Y大学と協定」). Left unnamed otherwise: its positions are
        kept so that no post after it (「本学のP学長」) is given to another university named before."""
        self.own_words = []
        owner = self._title_university()
        found: list[Mention] = []
        for m in OWN_UNIVERSITY.finditer(self.text):
            if any(x.start <= m.start() < x.end for x in self.mentions):
                continue
            if owner is None:
                self.own_words.append(m.start())
                continue
            copy = Mention(m.start(), m.end(), m.group(), ORG, owner.kind, "alias", confidence=0.6)
            found.append(copy)
            self.of[id(copy)] = self.key(owner)
            unit = UNIVERSITY_UNIT.match(self.text, m.end())
            if unit is not None:  # 「本学医学部」: a faculty of the university, named after it
                name = self.entities[self.key(owner)].name + unit.group()
                part = Mention(
                    m.start(), unit.end(), name, ORG, "other", "context", confidence=0.6, parent_start=m.start()
                )
                found.append(part)
                self._register(part)
        return found

    def _title_university(self) -> Mention | None:
        """The university the page's title names as its site or as the subject of its signing."""
        title = self.doc.source.title
        at = self.text.find(title) if title else -1
        if at < 0:
            return None
        end = at + len(title)
        unis = [m for m in self.mentions if at <= m.start and m.end <= end and m.type is ORG and m.kind == "university"]
        for m in reversed(unis):
            if not self.text[m.end : end].strip() and re.search(r"[|｜\-－–—:：/／]\s*$", self.text[at : m.start]):
                return m  # 「…を締結しました|X大学」: the site's name closes the title
        first = unis[0] if unis else None
        opens = first is not None and not self.text[at : first.start].strip()
        if first is not None and opens and re.match(r"\s*[|｜]", self.text[first.end : end]):
            return first  # 「X大学|ニュース|…」: the site's name opens the title
        signs = r"\s?(?:は|が|、)[^。]*?と[^。]*?(?:締結|調印|署名)"
        if (
            first is not None
            and opens
            and not OWN_UNIVERSITY.search(title)
            and re.match(signs, self.text[first.end : end])
        ):
            return first  # 「X大学、Y大学と協定を締結」: X signs, so X's page speaks of itself as 本学
        return None

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

    def _home(self, suffix: str) -> Mention | None:
        """The Japanese prefecture (or city) named most often, or first: what a bare 県 (市) refers to."""
        counts: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.type is not PLACE or m.kind not in ("region", "city"):
                continue
            names = [*self.entities[self.key(m)].names, *(n.text for n in (m.entry.names if m.entry else ()))]
            japanese = m.entry is not None and m.entry.parent == JAPAN
            if japanese and any(n.endswith(suffix) for n in names):
                counts.setdefault(self.key(m), []).append(m)
        if not counts:
            return None
        ranked = sorted(counts.values(), key=lambda ms: (-len(ms), ms[0].start))
        return ranked[0][0]  # most often named; on a tie, named first

    def _last_before(self, pos: int, etype: str, hints: tuple[str, ...], topic: bool = False) -> Mention | None:
        """The last fitting entity before ``pos``; with ``topic``, the last one the text made its topic
        (「X社は、Y社と…。同社の…」 speaks of X), when one of the paragraph was."""
        fitting = []
        for m in reversed([x for x in self.mentions if x.end <= pos]):
            if etype != "any" and m.type.value != etype:
                continue
            if m.type is PERSON:
                continue
            if hints and not any(n.endswith(h) or m.kind == h for h in hints for n in self._all_names(m)):
                continue  # 同市 after 台中 (the city's known name is 台中市)
            if not topic:
                return m
            fitting.append(m)
        paragraph = self.text.rfind("\n\n", 0, pos)
        topics = [m for m in fitting if m.start > paragraph and re.match(r"\s?(?:は|が)", self._after(m))]
        return topics[0] if topics else (fitting[0] if fitting else None)

    def _all_names(self, m: Mention) -> list[str]:
        """A mention's text and its gazetteer entry's names."""
        return [m.text, *(n.text for n in (m.entry.names if m.entry else ()))]

    # -- helpers --------------------------------------------------------------
    def in_span(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= s and m.end <= e]

    def date_in(self, s: int, e: int, before: int | None = None) -> DateMention | None:
        inside = [d for d in self.dates if d.start >= s and d.end <= e]
        if before is not None:
            earlier = [d for d in inside if d.end <= before]
            inside = earlier or inside
            return inside[-1] if inside else None
        return inside[0] if inside else None

    def _after(self, m: Mention, size: int = 8) -> str:
        """Text after a mention, skipping a bracketed alias: 「X(JTG)は」 reads as 「Xは」."""
        rest = self.text[m.end : m.end + 40]
        if self.text[m.start - 1 : m.start] == "「":
            rest = re.sub(r"^」", "", rest)  # 「クラスター「X」と」 reads as 「Xと」
        rest = re.sub(r"^\s?\([^()]{1,30}\)", "", rest)
        if self.text[m.start - 1 : m.start] == "(" and re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]{1,10}", m.text):
            rest = re.sub(r"^\)", "", rest)  # 「インドネシア国営電力会社(PLN)と」: the initials stand for the name
        if m.type is ORG:
            rest = re.sub(r"^社(?=[はがとのも、])", "", rest)  # 「SkyDrive社は」 reads as 「SkyDriveは」
        elif m.type is PLACE:
            rest = GOVERNMENT_AFTER.sub("", rest)  # 「台東県政府と」 reads as 「台東県と」: the place acts
        return rest[:size]

    def actor(self, m: Mention) -> bool:
        return self.entities[self.key(m)].actor

    def lead(self, m: Mention) -> int:
        """Where ``m`` starts with the legal form written before its name (「株式会社X」, 「公益財団法人X」), so
        that what joins it to the name before (「AとB」) is read up to the legal form."""
        legal = m.legal_name
        if legal and legal.endswith(m.text) and self.text[max(0, m.end - len(legal)) : m.end] == legal:
            return m.end - len(legal)
        return m.start

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

    # -- verbs and their arguments (dependency parse) ---------------------------
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

    def _span_of(self, verb: Any) -> tuple[int, int]:
        return sentence_at(self.text, verb.idx)

    def _place_named(self, name: str) -> str | None:
        for m in self.mentions:
            if m.type is PLACE and m.text == name:
                return self.key(m)
        entry = self.gaz.lookup(name) if self.gaz else None
        if entry is not None and entry.type is PLACE and entry.id in self.entities:
            return entry.id
        return None

    def gaz_entry(self, ident: str) -> GazEntry | None:
        return self.gaz.by_id.get(ident) if self.gaz else None

    def _list_lines(self, pos: int, tables: bool = False) -> list[tuple[int, int]]:
        """Spans of the bulleted or numbered lines (with ``tables``, also table rows) from ``pos`` on."""
        out: list[tuple[int, int]] = []
        for line in self.text[pos:].split("\n"):
            if not out and not line.strip() and pos < len(self.text):
                pos += len(line) + 1  # 「…次のとおりです。」, a blank line, then the list
                continue
            if not (LIST_ITEM.match(line) or (tables and TABLE_ROW.match(line))):
                break
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def _listed(self, head: re.Match[str], people: bool = False) -> list[Mention]:
        """The first body or place of each item listed after a heading: on its line (「訪問先:A社、B大学」)
        or on the bulleted or numbered lines under it; with ``people``, the person an item names before any body."""
        inline = self.text[head.end() :].split("\n", 1)[0]
        if inline.strip():
            items = [(head.end() + m.start(), head.end() + m.end()) for m in re.finditer(r"[^、,\n]+", inline)]
        else:
            items = self._list_lines(head.end() + len(inline) + 1)
        out = []
        for s, e in items:
            named = [m for m in self.in_span(s, e) if self.actor(m) and m.length]
            listed = [m for m in named if m.type is PERSON] if people else []
            listed = listed or [m for m in named if m.type is not PERSON]
            if listed:
                out.append(listed[0])
        return out

    def _sender_event(self, pos: int) -> Mention | None:
        before = [m for m in self.mentions if m.type is EVENT and m.end <= pos]
        return before[-1] if before else None

    def _section_event(self, pos: int) -> Mention | None:
        """The event named last before ``pos`` in the same section: a list under 「(2) …締結」 is that
        section's, not an event named above it."""
        ev = self._sender_event(pos)
        if ev is None or SECTION_START.search(self.text, ev.end, pos):
            return None
        return ev

    def _leader(self, pos: int) -> Mention | None:
        """「P上院議員ら訪問団一行が」: a bare group word right after a person with their post is that person's."""
        people = [m for m in self.mentions if m.type is PERSON and m.end <= pos and pos - m.end <= 20]
        group = r"\s?(?:ら|一行)?\s?(?:の)?(?:代表団|訪問団|視察団|使節団|経済団|交流団)?\s?"
        led = r"(?:を(?:副)?団長と(?:する|した)[^、。]{0,12}?)?"  # 「Pを団長とする経済視察団一行」
        gap = self.text[people[-1].end : pos] if people else ""
        if people and re.fullmatch(r"[\u4e00-\u9fff]{0,6}?" + LEADER_POST + led + group, gap):
            return people[-1]
        return None

    def _sender(self, pos: int) -> Mention | None:
        """A bare 「一行」「代表団」 is the delegation last named before ``pos``: who organised it."""
        missions = [
            m for m in self.mentions if m.type is EVENT and m.end <= pos and m.kind == EventKind.DELEGATION_VISIT.value
        ]
        if missions:
            key = self.key(missions[-1])
            for f in self.facts:
                if f.type == "organised" and f.target == key and self.entities[f.source].type is not EVENT:
                    return self.entities[f.source].mentions[0] if self.entities[f.source].mentions else None
        # 「浙江省の経済交流団(…)一行15名が」: the body or place whose delegation was named last
        sent = [
            m
            for m in self.mentions
            if m.end <= pos and self.actor(m) and m.type is not PERSON and SENT_GROUP.match(self.text, m.end)
        ]
        return sent[-1] if sent else None

    def _main_event(self) -> Mention | None:
        """The event named in a 名称 row, else the first event in the title."""
        events = [m for m in self.mentions if m.type is EVENT]
        for label in ("名称", "イベント名", "セミナー名", "タイトル", "件名"):
            value = self.doc.fields.get(label)
            if value:
                named = [m for m in events if m.text in value]
                if named:
                    return named[0]
        title = self.doc.source.title or ""
        named = [m for m in events if m.text in title]
        return named[0] if named else None

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

    def _sector(self, subject: str, sector: str, span: tuple[int, int], conf: float = 0.6) -> None:
        key = f"sector:{sector}"
        if key not in self.entities:
            self.entities[key] = LocalEntity(key, EntityType.SECTOR, None, [sector])
        if not any(f.type == "focuses_on" and f.source == subject and f.target == key for f in self.facts):
            self.add("focuses_on", subject, key, span, conf)
