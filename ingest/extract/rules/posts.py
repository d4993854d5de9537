"""Who holds which post where: affiliations and their roles."""

from __future__ import annotations

import re

from ingest.extract.lexicon import LEGAL_PREFIXES, TITLES
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import ORG, PERSON
from ingest.extract.rules.patterns import BRACKET_POST, HEAD_OF, HEADS, POST_AFTER
from ingest.extract.rules.text import closest, role_between, sentence_at

# The post of a body's head, bare after a name: 「P院長」, 「P理事長」.
_BODY_HEAD = re.compile(r"\s?(院長|所長|理事長|会長|センター長|館長|機構長|総裁|頭取)(?![\u4e00-\u9fff])")
# A country in brackets after a body or a person: 「X (ドイツ)」, 「A氏(イタリア)」.
_COUNTRY_BRACKET = re.compile(r"\s?\([^()]{1,12}\)")
# 「…Xを(表敬)訪問」: X is visited
_VISITS = re.compile(r"\s?(?:\([^()]{1,20}\))?を(?:表敬)?(?:訪問|訪れ|視察)")


class Posts(Core):
    """Who holds which post where: affiliations and their roles."""

    def affiliation(self, ms: list[Mention]) -> None:
        """「A県 B部 課長 C氏」, 「Aの B責任者である C氏」, 「C氏(A … 責任者)」 -> works_for with role."""
        for i, p in enumerate(ms):
            if p.type is not PERSON:
                continue
            found: list[tuple[Mention, str]] = []
            after = self.text[p.end : p.end + 60]
            paren = re.match(r"\s*(?:" + "|".join(TITLES) + r")?\s*(?:氏|さん|様)?\s*\(", after)  # 「P長官(BOI)」
            if paren:  # 「C氏(A 国際関係部局責任者)」: the bracket names the employer
                at = p.end + paren.end()  # 「P(株式会社X代表取締役)」: a legal form before the body's name
                inside = [q for q in ms if at <= q.start and self.text[at : q.start].strip() in ("", *LEGAL_PREFIXES)]
                if inside and self.actor(inside[0]) and inside[0].type is not PERSON and inside[0].kind != "country":
                    close = self.text.find(")", inside[0].end)
                    role_text = self.text[inside[0].end : close if close > 0 else inside[0].end + 30]
                    if not re.search(r"歴任|を経て|出身|卒業", role_text):  # 「(X大学教授を歴任)」: a past post
                        found.append((inside[0], re.sub(r"\([^)]*\)?", "", role_text)))
            post = BRACKET_POST.search(self.text, max(0, p.start - 60), p.start)
            if not found and post is not None:
                # 「X大学(学長:P)」: the bracket after a body names its post holder
                body = next((q for q in ms if q.end == post.start() and self.actor(q) and q.type is not PERSON), None)
                if body is not None:
                    found.append((body, post.group("post")))
            if not found:
                limit = p.start
                for q in sorted(ms[:i], key=lambda x: (x.end, x.length), reverse=True):
                    if q.type is PERSON or q.end > limit:
                        if q.type is PERSON:
                            found += self._colleague(q, p)
                            break
                        continue
                    if q.kind == "country" and self._bracketed(q):
                        continue  # 「X (ドイツ) 部長 P」: where X is, not whom P serves
                    between = _COUNTRY_BRACKET.sub("", self.text[q.end : limit])
                    if len(between) > 45 or re.search(r"[、。,]|を|が|は|と|で(?!ある)|に|した|する|\)|.\(", between):
                        break  # 「X市政府で P」, 「Xに参加した双日・P」, 「X視察団(代表・P」: no post of X
                    if not self.actor(q):
                        continue
                    found.append((q, between))
                    # 「A 専務理事・B 公使参事官 C氏」: a second body before a title and ・
                    before = self.text[max(0, q.start - 20) : q.start]
                    if not re.search(r"(?:" + "|".join(TITLES) + r")\s?・\s?$", before):
                        break
                    title_tail = re.search(r"(?:" + "|".join(TITLES) + r")\s?・\s?$", before)
                    limit = q.start - len(title_tail.group()) if title_tail else q.start
            if not found:
                title = next((t for t in TITLES if after.startswith(t)), None)
                if title == "大使":
                    emb = [q for q in ms if q.kind == "embassy" and q.end <= p.start]
                    if emb:
                        found.append((emb[-1], title))
            if not found:
                # 「長尾忠行平川市長」, 「黄健庭・台東県長」, 「林佳龍同市長」, 「古瀬誠松江商工会議所会頭」
                gap = re.match(r"[・\s]?", after)
                nxt = [q for q in ms if q.start == p.end + (gap.end() if gap else 0) and q.type is not PERSON]
                if nxt and self.actor(nxt[0]) and nxt[0].kind != "country":
                    q = max(nxt, key=lambda x: x.length)
                    post = POST_AFTER.match(self.text, q.end)
                    if post:
                        # 「伊賀市長」: the post is 市長, the place's ending and 長
                        unit = self.text[q.end - 1] if post.group() in ("長", "知事") else ""
                        found.append((q, (unit if unit in "市県州省町村区" else "") + post.group().strip()))
            if not found:
                # 「BusinessOuluでシニアアドバイザーを務める内田貴子さん」, 「X大学では楊帆学長」
                before = self.text[max(0, p.start - 40) : p.start]
                serve = re.search(r"(で|では)([^、。]{0,20}?)(?:を務める|として活躍する)?\s?$", before)
                if serve:
                    at = p.start - len(before) + serve.start()
                    host = closest([x for x in ms if x.end == at and self.actor(x) and x.type is not PERSON])
                    role = serve.group(2) if "務める" in serve.group() else None
                    titled = any(after.startswith(t) for t in TITLES)
                    if host is not None and (role or (titled and (serve.group(1) == "では" or host.type is ORG))):
                        found.append((host, role or ""))  # 「台北市で P知事は」: where, not for whom
            if not found:
                # 「本庶佑先生が理事長を務める医療産業都市推進機構」
                serve = re.match(r"\s?(?:氏|さん|様|先生)?が([^、。]{1,12}?)を務める", after)
                if serve:
                    host = next((q for q in ms if q.start == p.end + serve.end() and q.type is not PERSON), None)
                    if host is not None and self.actor(host):
                        found.append((host, serve.group(1)))
            if not found:
                # 「ダバオ市側からは、P市長が出席」: the side named before speaks through its people
                side = closest(
                    [
                        x
                        for x in ms
                        if x.end <= p.start
                        and x.type is not PERSON
                        and self.actor(x)
                        and re.match(r"側(?:から|では|は|も)", self.text[x.end : x.end + 4])
                        and not re.search(r"[。]", self.text[x.end : p.start])
                    ]
                )
                title = next((t for t in TITLES if after.lstrip().startswith(t)), None)
                if side is not None and title is not None:
                    found.append((side, title))
            if not found:
                # 「三村申吾知事」, 「後藤三男(ごとう・みつお)町長」: a head's post names the kind of place it heads
                post = re.match(r"\s?(?:\([^()]{1,20}\))?\s?(" + "|".join(HEAD_OF) + ")", after)
                posted = any(
                    f.type == "works_for" and f.source == self.key(p) and (f.role or "").endswith(HEADS)
                    for f in self.facts
                )
                if post and not posted:  # 「金振兌知事は」 after 「江原道の金振兌知事」: the post is known
                    # 「門川大作市長とダリオ・ナルデッラ市長」: a name in katakana heads a place named in katakana
                    foreign = bool(re.fullmatch(r"[\u30a1-\u30fa\u30fc・=＝ ]+", p.text))
                    suffixes = HEAD_OF[post.group(1)]
                    host = self._in_order(p, ms, post.group(1), self._fitting(p.start, suffixes), by_script=True)
                    host = host or self._headed(p.start, suffixes, foreign, self._taken(p, ms))
                    if host is not None:
                        found.append((host, post.group(1)))
            if not found:
                # 「…太洋工業は…。細江美則社長は」: a company's head belongs to the company named just before
                post = re.match(r"\s?(?:\([^()]{1,20}\))?\s?(代表取締役社長|社長|代表取締役|CEO|学長|総長)", after)
                if post:
                    wanted = "university" if post.group(1) in ("学長", "総長") else "company"
                    taken = self._taken(p, ms)
                    near = [
                        x
                        for x in self.mentions
                        if x.type is ORG
                        and x.kind == wanted
                        and x.end <= p.start
                        and p.start - x.end <= 200
                        and not any(x.end <= w < p.start for w in self.own_words)
                        and self.key(x) not in taken
                    ]  # 「本学のP学長」
                    # 「佐野学長がベトナムを訪れ、ヴー・ハイ・クアン学長と」: a name in katakana heads a body named
                    # in katakana first, a name in kanji one named in kanji
                    foreign = bool(re.fullmatch(r"[\u30a1-\u30fa\u30fc・=＝ ]+", p.text))
                    script = [x for x in near if bool(re.match(r"[\u30a1-\u30fa\u30fc]", x.text)) == foreign]
                    if near:
                        host = self._in_order(p, ms, post.group(1), near) or (script or near)[-1]
                        found.append((host, post.group(1)))
            if not found:
                found += self._head_of_body_before(p, ms, after)
            for q, between in found:
                role = role_between(between) or next((t for t in TITLES if after.lstrip().startswith(t)), None)
                if q.kind == "country" and role and "領事" in role:
                    continue  # 「在X日本国総領事 P」: a consul serves a consulate the page leaves unnamed
                self.add("works_for", self.key(p), self.key(q), (q.start, p.end), 0.7, role=role)

    def _head_of_body_before(self, p: Mention, ms: list[Mention], after: str) -> list[tuple[Mention, str]]:
        """「釜山テクノパークを訪問し、李明哲院長と面談」: a bare head's post serves the last body the sentence
        named before the person, with no other person between them and none already its head."""
        start, _end = sentence_at(self.text, p.start)
        before = [q for q in ms if start <= q.start and q.end <= p.start]
        body = max(before, key=lambda q: (q.end, q.length), default=None)  # 「釜山テクノパーク」, not its 釜山
        if body is None or body.type is not ORG or not self.actor(body) or body.kind == "embassy":
            return []
        # 「四川省商務庁を訪問し、王建華庁長と」: a post named by the body's last word and 長 heads that body
        last = body.text[-1]
        own = re.match(r"\s?(副?" + last + "長)", after) if re.fullmatch(r"[\u4e00-\u9fff]", last) else None
        post = _BODY_HEAD.match(after) or own
        if post is None:
            return []
        if self.key(body) in self._taken(p, ms):
            return []  # 「Xの Q会長と P会長」: X has its head named
        return [(body, post.group(1))]

    def _taken(self, p: Mention, ms: list[Mention]) -> frozenset[str]:
        """Bodies another person of ``p``'s sentence is named with (「Xの Q市長」, 「X Q学長」): a bare post of
        ``p`` in the same sentence (「秋元市長はXの李市長と署名」) is not X's; nor is a place ``p`` visits there."""
        start, end = sentence_at(self.text, p.start)
        out = set()
        for x in ms:
            if x.type is not PERSON and p.end <= x.start < end and _VISITS.match(self.text, x.end):
                out.add(self.key(x))  # 「P市長がXを訪問」: no one visits the place they head
        for q in ms:
            if q.type is not PERSON or q is p or not start <= q.start < end:
                continue
            for x in ms:
                if x.type is not PERSON and x.end <= q.start and re.fullmatch(r"の?\s?", self.text[x.end : q.start]):
                    out.add(self.key(x))
        return frozenset(out)

    def _in_order(
        self, p: Mention, ms: list[Mention], post: str, bodies: list[Mention], by_script: bool = False
    ) -> Mention | None:
        """「AとBが協定を締結し、P学長とQ学長が署名」: heads named together with one post serve the bodies
        named before them in the same order; None when ``p`` is named alone or the bodies are too few, and
        with ``by_script`` when the names' scripts tell the places apart (「門川大作市長とダリオ・ナルデッラ市長」)."""
        people = [m for m in ms if m.type is PERSON]
        joined = re.compile(r"\s?(?:氏)?\s?" + re.escape(post) + r"\s?(?:氏)?\s?(?:と|、|及び|および)\s?")
        group = [p]
        while (i := people.index(group[0])) > 0 and joined.fullmatch(self.text[people[i - 1].end : group[0].start]):
            group.insert(0, people[i - 1])
        while (i := people.index(group[-1])) + 1 < len(people) and joined.fullmatch(
            self.text[group[-1].end : people[i + 1].start]
        ):
            group.append(people[i + 1])
        if not all(re.match(r"\s?(?:氏\s?)?" + re.escape(post), self.text[q.end : q.end + 12]) for q in group):
            return None  # 「P知事とQ平川市長」: the second holds another post
        distinct: list[Mention] = []
        for x in bodies:
            if all(self.key(x) != self.key(b) for b in distinct):
                distinct.append(x)
        scripts = {bool(re.fullmatch(r"[\u30a1-\u30fa\u30fc・=＝ ]+", q.text)) for q in group}
        if len(group) < 2 or len(distinct) < len(group) or (by_script and len(scripts) > 1):
            return None
        return distinct[-len(group) :][group.index(p)]

    def _bracketed(self, m: Mention) -> bool:
        return self.text[m.start - 1 : m.start] == "(" and self.text[m.end : m.end + 1] == ")"

    def _colleague(self, q: Mention, p: Mention) -> list[tuple[Mention, str]]:
        """「X研究所 主任研究員 A氏(イタリア) 研究員 B氏」: B, listed straight after A with a post of
        their own, serves the body A was listed under."""
        gap = _COUNTRY_BRACKET.sub("", self.text[q.end : p.start])
        post = re.fullmatch(r"(?:氏|さん|様)\s+([^\s、。,()はがをにとで]{1,20})\s?", gap)
        if post is None:
            return []
        for f in self.facts:
            if f.type == "works_for" and f.source == self.key(q) and f.end == q.end:
                body = next((m for m in self.mentions if m.start == f.start and self.key(m) == f.target), None)
                if body is not None:
                    return [(body, post.group(1))]
        return []
