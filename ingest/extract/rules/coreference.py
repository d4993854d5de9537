"""In-document coreference: 同社, 本学, a family name before a post, 代表団 point back to the entity they
stand for, so the rules read them as its mentions."""

from __future__ import annotations

import re

from ingest.extract.lexicon import COREFERENCE, EVENT_WORDS, TITLES
from ingest.extract.mentions import Mention
from ingest.extract.rules.anaphora import bare_posts
from ingest.extract.rules.model import EVENT, ORG, PERSON, PLACE
from ingest.extract.rules.patterns import (
    EVENT_ANAPHOR,
    EVENT_PARTS,
    LEADER_POST,
    OWN_UNIVERSITY,
    SAME_BODY,
    UNIVERSITY_UNIT,
)
from ingest.extract.rules.state import State
from ingest.extract.rules.text import unyeared


class Coreference(State):
    """Mentions added for the words that refer back to an entity."""

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
