"""Relation rules over recognised mentions, sentence by sentence.

Each rule reads the surface between mentions (particles, titles, keywords)
rather than any particular name: affiliation (「A県 B部 課長 C氏」), agreements
(覚書/MOU/協定… with 締結/調印/署名/更新 and coordinated parties), visits,
event speakers and organisers, founding, located-in and sectors. In-document
coreference (同社, 同省, 代表団 …) points back to the last fitting entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from rapidfuzz import fuzz

from graph.model import AgreementKind, EntityType, EventKind, PlaceKind
from graph.names import name_key
from ingest.extract.documents import Document
from ingest.extract.gazetteer import GazEntry, Gazetteer, place_id
from ingest.extract.jdates import DateMention, find_dates
from ingest.extract.lexicon import (
    AGREEMENT_VERBS,
    AGREEMENT_WORDS,
    COREFERENCE,
    EVENT_WORDS,
    HEAD_TITLES,
    HONORIFICS,
    RENEWAL_VERBS,
    SECTOR_WORDS,
    SPEAKER_WORDS,
    TITLES,
    VISIT_WORDS,
    WEAK_SECTOR_WORDS,
)
from ingest.extract.mentions import Mention, clean_person
from ingest.extract.syntax import Arg, arguments, conjuncts, phrase, predicates, subject_of
from ingest.extract.syntax import dep_label as _dep_label

ORG, PERSON, PLACE, EVENT, AGREEMENT = (
    EntityType.ORGANISATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.EVENT,
    EntityType.AGREEMENT,
)
_SENTENCE = re.compile(r"[^。!?\n]+[。!?]?")
_SUBJECT_TAIL = (
    r"(?:の?(?:代表団|訪問団|視察団|使節団|一行)|"
    + "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True))
    + r")?\s?(?:\(\d{1,3}\))?\s?(?:氏|さん|様)?(?:ら)?(?:では|は|が)"
)
# A post right after a body's name: 市長 split as 市+長, 県知事, 副省長, 観光誘客担当課長, 会頭.
_POST_AFTER = re.compile(
    r"(?:長|[県州]?知事|首相|[^\s、。・()「」]{0,10}?(?:長|官|大臣|顧問|議員|理事|会頭|委員))(?=[\s、。・()「」はがとのもに]|$)"
)
_JAPAN = place_id("JP")
# A head's post and the ending of what it heads: 知事 heads a 県 (都, 道, 府), 議長 a 議会.
_HEAD_OF: dict[str, tuple[str, ...]] = {
    "州知事": ("州",),
    "州首相": ("州",),
    "知事": ("県", "都", "道", "府"),
    "市長": ("市",),
    "町長": ("町",),
    "村長": ("村",),
    "区長": ("区",),
    "県長": ("県",),
    "省長": ("省",),
    "議長": ("議会",),
}
# A visit to the page's own government: 来県/来庁/来市, or its offices visited (県庁を訪れ, 市役所を表敬訪問).
_HOSTED_VISIT = re.compile(
    r"来(?P<came>県|庁|市|町|村|道|府|都)(?:し|した|する|され|中)"
    r"|(?<![\u4e00-\u9fff\u30a1-\u30fa])(?P<office>県庁|市役所|市庁舎|区役所|町役場|村役場|道庁|府庁|都庁|本庁舎|庁舎)"
    r"(?:を|に)(?:表敬)?(?:訪問|訪れ|来訪)"
)
# A list row pairing two sides: an optional number or bullet, side A, a dash, side B, an optional bracket.
_PAIRED_ROW = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)．]|[(（]\d{1,2}[)）]|[・•\-])?[ \t]*(?P<a>[^\s\-—–－―|、。()（）]{2,30})[ \t]*[-—–－―][ \t]*"
    r"(?P<b>[^\s\-—–－―|、。()（）]{2,30})[ \t]*(?:[(（](?P<c>[^()（）\n]{2,40})[)）])?[ \t]*$",
    re.MULTILINE,
)
_LEADER_POST = r"\s?(?:" + "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True)) + r")?\s?(?:氏|さん|様)?"
_HEADS = ("知事", "市長", "町長", "村長", "区長", "県長", "省長", "首相", "大統領", "社長", "学長", "理事長", "会長")
# A bare event word standing for the event named before: 「セミナーでは」, 「同フォーラムに」.
_EVENT_ANAPHOR = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z・])(?:同|本|当|この|その)?"
    r"(?P<word>セミナー|フォーラム|シンポジウム|ウェビナー|カンファレンス|ミッション|スタディーツアー|ツアー|イベント"
    r"|会議|大会|博覧会|展示会|見本市|サミット|交流会|説明会|商談会)(?=[はでにのをがもへ、])"
)
# A heading over a list: where a delegation went (「【主な訪問先】」, 「視察先:」) or who took part (「【参加団体】」).
_ATTENDEE_HEADINGS = ("参加団体", "参加企業", "参加機関", "出展者", "出展企業", "出展団体")
_LIST_HEADING = re.compile(
    r"(?:^[ \t]*(?:[■◆●]|\d{1,2}[.)．]?)?[ \t]*|【)(?:主な)?"
    r"(?P<word>訪問先|視察先|訪問機関|訪問地|" + "|".join(_ATTENDEE_HEADINGS) + r")"
    r"(?:一覧)?(?:】[ \t]*[:：]?|[ \t]*[:：]|[ \t]*$)[ \t]*",
    re.MULTILINE,
)
_LIST_ITEM = re.compile(r"\s*(?:[・\-*●○◆■]|\d+[.)．]|[(（]?\d+[)）])")
_TABLE_ROW = re.compile(r"\s*[|｜]")
_SENT_GROUP = re.compile(r"の[^、。\s()]{0,10}?(?:代表団|訪問団|視察団|使節団|交流団|ミッション)")
_FACILITIES = ("工場", "本社", "本部", "拠点", "施設", "研究所", "キャンパス", "事業所", "庁舎", "ブース")
_TWINNED = re.compile(r"(?:姉妹|友好)(?:都市|州|県|省|提携|交流都市)")
_STANDING = re.compile(r"である|関係にあ|の関係|提携している|提携を結んでいる|周年")
# A line introducing a list of partners: 「静岡県の友好提携先」, 「…は、次の地域と姉妹・友好提携を結んでいます」.
_PARTNER_HEADING = re.compile(
    r"^[^\n]{0,40}?(?P<word>(?:姉妹|友好|交流|連携)[・\w]{0,6}?(?:提携先|都市|先|提携))(?:一覧)?[^\n]{0,30}$",
    re.MULTILINE,
)
_DELEGATIONS = ("代表団", "訪問団", "視察団", "使節団", "ミッション", "一行", "団")
_VERBS = {
    "visit": frozenset({"訪問", "訪れる", "視察", "来訪", "歴訪", "訪ねる", "表敬訪問", "見学"}),
    "attend": frozenset({"出席", "参加", "参列", "出展"}),
    "meet": frozenset({"会談", "面会", "面談", "懇談", "会見"}),
    "hold": frozenset({"開催", "主催", "共催", "派遣", "企画", "実施"}),
    "serve": frozenset({"務める", "務め"}),
    "receive": frozenset({"受ける", "受け"}),
}
_LEADS = ("団長", "副団長", "団長代理")
_GENERIC_AGREEMENT_WORDS = frozenset({"協定", "合意"})
# The と-slot of an agreement: 「…と(の間で)(…に関する)MOU(を)締結」 (a signing verb within the clause).
_PARTY_SLOT = re.compile(
    r"と(?:の間で)?[^、。と]{0,20}?(?:" + "|".join(re.escape(w) for w, _k in AGREEMENT_WORDS if w != "合意")
    + r")(?:\([^()]{0,30}\))?[^、。]{0,6}?(?:締結|調印|署名|交わ|結)"
)
_LATIN_NAME = r"[A-Z][A-Za-z0-9&.\-]{1,15}(?: [A-Z][A-Za-z0-9&.\-]{1,15}){0,3}"
_KATAKANA_NAME = r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・ ]{2,24}"
_NOT_NAMES = frozenset({"MOU", "MoU", "IT", "AI", "IoT", "ICT", "DX", "PR", "LOI", "NDA"})
# 「同オフィス」, 「同協議会」: 同 and the ending of a body's name (checked against the bodies named before).
_SAME_BODY = re.compile(
    r"(?<![\u4e00-\u9fff])同(?P<ending>[\u30a1-\u30fa\u30fc]{2,12}|[\u4e00-\u9fff]{2,5}?)(?=[はがとのもをにへで、])"
)
# Holding an event: 「…を開催」, 「…を共同開催」, 「…交流会を開いた」, also with where or how between
# (「…をオンラインで開催」).
_HOLDS = re.compile(
    r"を(?:[^、。をがは]{1,12}(?:で|にて)\s?)?(?:共同)?(?:開催|主催|共催)|が開催し|は開催"
    r"|(?:会|セミナー|フォーラム|シンポジウム|ウェビナー|サミット|イベント)」?を(?:[^、。をがは]{1,12}(?:で|にて)\s?)?開[きいく]"
)
# A co-host just before the event, maybe with the event's kind between: 「Bと「E」」, 「Bとオンラインセミナー「E」」.
_HELD_WITH = re.compile(
    r"\s?と、?\s?(?:[^\s、。「」]{0,10}?(?:セミナー|ウェビナー|フォーラム|シンポジウム|会議|交流会|商談会|イベント))?\s?「?"
)
# A quoted host before its topic marker (「「X」は」, 「「TX(Tokyo X)」は」) and a quoted partner described before it.
_QUOTED_SUBJECT = re.compile(r"\)?」(?:\s?\([^()]*\))?\s?(?:は|が)、?")
_QUOTED_PARTNER = re.compile(r"」(?:と|及び|および|並びに|、)[^、。「」()]{0,30}「[^「」()]{0,16}\(?")
# A one-line organiser row: 「主催:A、B」, 「【共催】A」, 「主催:A/共催:B/後援:C」 (the bodies up to the next label).
_ORGANISER_ROW = re.compile(
    r"(?:^|[/／|]\s?)[【\[]?(?:主催|共催)(?:者|団体)?(?:[】\]]\s?[:：]?|\s?[:：])[ \t]*"
    r"(?P<bodies>[^\n/／|]+?)[ \t]*(?=[/／|]|$)",
    re.MULTILINE,
)
# A signing still to come: 「締結することで合意」, 「締結に向けて」, 「締結を目指す」, 「締結を進めていく」.
_PLANNED = re.compile(
    r"(?:締結|調印|署名|結ぶ|交わす)(?:する|の)?(?:ことで合意|ことに合意|に向け|を目指|を進め|を検討|方向)"
)
_GOVERNING = {k.value for k in (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CITY, PlaceKind.DISTRICT)}


@dataclass
class LocalEntity:
    """One entity of a document: its mentions' names merged."""

    key: str
    type: EntityType
    kind: str | None
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.7
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def actor(self) -> bool:
        return self.type in (ORG, PERSON) or (self.type is PLACE and self.kind in _GOVERNING)


@dataclass
class Fact:
    type: str
    source: str  # local entity key
    target: str
    start: int  # evidence span
    end: int
    confidence: float
    role: str | None = None
    valid_from: str | None = None


@dataclass
class Extraction:
    entities: dict[str, LocalEntity]
    facts: list[Fact]


def _key_of(m: Mention) -> str:
    if m.entry is not None:
        return m.entry.id
    return f"{m.type.value}:{name_key(m.text)}"


class _Builder:
    def __init__(
        self, doc: Document, mentions: list[Mention], gaz: Gazetteer | None = None, parse: Any = None
    ) -> None:
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
        full = _full_names([m.text for m in mentions if m.type is PERSON])
        for m in sorted(mentions, key=lambda x: x.type is PERSON and x.text in full):
            target = self.alias_keys.get(f"person:{name_key(full.get(m.text, ''))}") if m.type is PERSON else None
            if target is not None:
                # a family name alone (荒井知事, ボナッチーニ州知事) is the person named in full elsewhere
                self.alias_keys.setdefault(f"person:{name_key(m.text)}", target)
            self._register(m)

    def _register(self, m: Mention) -> None:
        key = self.alias_keys.get(f"{m.type.value}:{name_key(m.text)}") or self._shortened(m) or _key_of(m)
        ent = self.entities.get(key)
        if ent is None:
            ent = LocalEntity(key, m.type, m.kind, confidence=m.confidence)
            self.entities[key] = ent
        for name in (m.text, *(m.aliases or []), *([m.legal_name] if m.legal_name else [])):
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
            if ent.type is EVENT and any(_unyeared(n).endswith(_unyeared(m.text)) and n != m.text for n in ent.names):
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
                target = self._last_before(m.start(), etype, hints)
                if target is not None:
                    copy = Mention(m.start(), m.end(), word, target.type, target.kind, "alias", confidence=0.6)
                    extra.append(copy)
                    self.of[id(copy)] = self.key(target)
        for m in _SAME_BODY.finditer(self.text):
            # 「同オフィス」, 「同協議会」: the last body named before whose name ends so
            if m.group() in COREFERENCE or any(x.start <= m.start() < x.end for x in self.mentions + extra):
                continue
            ending = m.group("ending")
            named = [x for x in self.mentions if x.type is ORG and x.end <= m.start() and x.text.endswith(ending)
                     and len(x.text) > len(ending)]
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
        # 「本県」「県と…」: the page's own prefecture (or city), the one it names most often.
        bare = r"(?<![\u4e00-\u9fff\u30a1-\u30fa])(?:本|当)?(県|市)(?=と|は|が|では|の|、|内)"
        for m in re.finditer(bare, self.text):
            home = self._home(m.group(1))
            if home is not None and not any(x.start <= m.start() < x.end for x in self.mentions):
                copy = Mention(m.start(), m.end(), m.group(), PLACE, home.kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(home)
        for m in _EVENT_ANAPHOR.finditer(self.text):
            # 「セミナーでは」, 「同フォーラムに」: the last event named so
            word = m.group("word")
            before = [x for x in self.mentions if x.type is EVENT and x.end <= m.start()]
            named = [x for x in before if word == "イベント" or _unyeared(x.text).endswith(word)]
            if not named:  # 「展示会には」 after 「…展「X」」: the last event of that kind, however named
                kind = next((k.value for w, k in EVENT_WORDS if w == word), None)
                named = [x for x in before if kind is not None and x.kind == kind]
            if named and not any(x.start <= m.start() < x.end for x in self.mentions):
                copy = Mention(m.start(), m.end(), m.group(), EVENT, named[-1].kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(named[-1])
        extra += self._own_university()
        for m in re.finditer(r"代表団|訪問団|一行", self.text):
            before = [x for x in self.mentions if x.end <= m.start() and x.type is ORG]
            if before and before[-1].end == m.start():
                continue  # 「X代表団」: X is already the mention
            people = [x for x in self.mentions if x.end <= m.start() and x.type is PERSON]
            if people and re.fullmatch(_LEADER_POST, self.text[people[-1].end : m.start()]):
                continue  # 「吉本町長一行」: the group of the person named, not the last body
            target = self._last_before(m.start(), "organisation", ())
            if target is not None:
                copy = Mention(m.start(), m.end(), m.group(), ORG, target.kind, "alias", confidence=0.55)
                extra.append(copy)
                self.of[id(copy)] = self.key(target)
        self.mentions = sorted(self.mentions + extra, key=lambda x: x.start)

    def _own_university(self) -> list[Mention]:
        """「本学」「当大学」: the page's own university, when its title names it as the site (「…|X大学」) or as
        the subject signing with a partner (「X大学、Y大学と協定」). Left unnamed otherwise: its positions are
        kept so that no post after it (「本学のP学長」) is given to another university named before."""
        self.own_words = []
        owner = self._title_university()
        found: list[Mention] = []
        for m in _OWN_UNIVERSITY.finditer(self.text):
            if any(x.start <= m.start() < x.end for x in self.mentions):
                continue
            if owner is None:
                self.own_words.append(m.start())
                continue
            copy = Mention(m.start(), m.end(), m.group(), ORG, owner.kind, "alias", confidence=0.6)
            found.append(copy)
            self.of[id(copy)] = self.key(owner)
            unit = _UNIVERSITY_UNIT.match(self.text, m.end())
            if unit is not None:  # 「本学医学部」: a faculty of the university, named after it
                name = self.entities[self.key(owner)].name + unit.group()
                part = Mention(m.start(), unit.end(), name, ORG, "other", "context", confidence=0.6,
                               parent_start=m.start())
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
            and not _OWN_UNIVERSITY.search(title)
            and re.match(signs, self.text[first.end : end])
        ):
            return first  # 「X大学、Y大学と協定を締結」: X signs, so X's page speaks of itself as 本学
        return None

    def listed_parties(self) -> None:
        """Bodies with no legal-form suffix in the と-slot of an agreement: 「A、Bメトロポール、Cウエストと
        …MOU締結」, 「Xのスタートアップ機関・ACE(…)とMOUを締結」. A Latin name counts anywhere in the slot;
        a katakana one when the tagger calls part of it a proper noun or a recognised body is listed with it."""
        for slot in _PARTY_SLOT.finditer(self.text):
            end = slot.start()
            start = max(self.text.rfind(ch, 0, end) for ch in "。\n") + 1
            items = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^、,]+", self.text[start:end])]
            found: list[tuple[int, int]] = []
            listed_body = False
            for i_start, i_end in reversed(items):
                item = self.text[i_start:i_end]
                lead = re.match(r"\s*(?:および|及び|並びに|と)?\s*", item)
                b_start = i_start + (lead.end() if lead else 0)
                bare = re.sub(r"\s?\([^()]*\)\s?$", "", self.text[b_start:i_end])  # 「ACE(…)」
                b_end = b_start + len(bare)
                if any(m.start <= b_start and b_end <= m.end and self.actor(m) for m in self.mentions):
                    listed_body = True
                    continue
                name = re.search(r"(?:^|[の・])(" + _LATIN_NAME + r"|" + _KATAKANA_NAME + r")$", bare)
                if name is None:
                    break
                n_start, n_end = b_start + name.start(1), b_start + name.end(1)
                if re.fullmatch(_KATAKANA_NAME, bare):
                    n_start = b_start  # 「ボルドー・メトロポール」: the whole item
                found.append((n_start, n_end))
                if name.start() > 0:
                    break  # 「Xの機関・ACE」: the list starts here
            for n_start, n_end in found:
                text = self.text[n_start:n_end]
                last = n_start + text.rfind("・") + 1  # 「リヨン・メトロポール」: a place named inside a body's name
                if text in _NOT_NAMES or any(
                    m.start < n_end and n_start < m.end
                    and (m.type is not PLACE or m.start < n_start or m.end > n_end or m.end > last)
                    for m in self.mentions
                ):
                    continue
                if not re.fullmatch(_LATIN_NAME, text) and not listed_body and not self._proper(n_start, n_end):
                    continue  # 「スタートアップと協定を締結」: a common word, not a body
                m = Mention(n_start, n_end, text, ORG, "other", "context", confidence=0.55)
                self.mentions.append(m)
                self._register(m)
        self.mentions.sort(key=lambda x: x.start)

    def _proper(self, start: int, end: int) -> bool:
        """Whether the tagger reads part of the span as a proper noun or an entity."""
        span = self.parse.char_span(start, end, alignment_mode="expand") if self.parse is not None else None
        return span is not None and any("固有名詞" in t.tag_ or t.ent_type_ for t in span)

    def _headed(self, pos: int, suffixes: tuple[str, ...], foreign: bool = False) -> Mention | None:
        """What a head's post refers to: the last body or place before ``pos`` whose name ends so
        (with ``foreign``, one named in katakana first), else the page's own prefecture or city."""
        before = [x for x in self.mentions if x.end <= pos and x.type is not PERSON and self.actor(x)]
        fitting = [m for m in before if any(n.endswith(suffixes) for n in self.entities[self.key(m)].names)]
        katakana = [m for m in fitting if re.match(r"[\u30a1-\u30fa\u30fc]", m.text)]
        if foreign and katakana:
            return katakana[-1]
        if fitting:
            return fitting[-1]
        for suffix in suffixes:
            if suffix in ("県", "市"):
                home = self._home(suffix)
                if home is not None:
                    return home
        return None

    def _home(self, suffix: str) -> Mention | None:
        """The Japanese prefecture (or city) named most often, or first: what a bare 県 (市) refers to."""
        counts: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.type is not PLACE or m.kind not in ("region", "city"):
                continue
            names = [*self.entities[self.key(m)].names, *(n.text for n in (m.entry.names if m.entry else ()))]
            japanese = m.entry is not None and m.entry.parent == _JAPAN
            if japanese and any(n.endswith(suffix) for n in names):
                counts.setdefault(self.key(m), []).append(m)
        if not counts:
            return None
        ranked = sorted(counts.values(), key=lambda ms: (-len(ms), ms[0].start))
        return ranked[0][0]  # most often named; on a tie, named first

    def _last_before(self, pos: int, etype: str, hints: tuple[str, ...]) -> Mention | None:
        for m in reversed([x for x in self.mentions if x.end <= pos]):
            if etype != "any" and m.type.value != etype:
                continue
            if m.type is PERSON:
                continue
            if hints and not any(n.endswith(h) or m.kind == h for h in hints for n in self._all_names(m)):
                continue  # 同市 after 台中 (the city's known name is 台中市)
            return m
        return None

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
        rest = re.sub(r"^\s?\([^()]{1,30}\)", "", rest)
        if self.text[m.start - 1 : m.start] == "「":
            rest = re.sub(r"^」", "", rest)  # 「クラスター「X」と」 reads as 「Xと」
        if m.type is ORG:
            rest = re.sub(r"^社(?=[はがとのも、])", "", rest)  # 「SkyDrive社は」 reads as 「SkyDriveは」
        return rest[:size]

    def actor(self, m: Mention) -> bool:
        return self.entities[self.key(m)].actor

    # -- rules ------------------------------------------------------------------
    def run(self) -> Extraction:
        self.coreference()
        self.listed_parties()
        self.narrator = self._narrator()
        last_subject: Mention | None = None
        self.last_organisers: list[Mention] = []
        self.last_visit: tuple[Mention, Mention, int] | None = None
        self.prev_sentence = 0
        self.topics: dict[int, Mention | None] = {}  # sentence start -> its subject (or the one carried over)
        for sm in _SENTENCE.finditer(self.text):
            s, e = sm.start(), sm.end()
            sentence = sm.group()
            ms = self.in_span(s, e)
            if "\n\n" in self.text[max(0, s - 2) : s]:
                last_subject = None  # a new paragraph does not inherit the last one's subject
            subject = self._subject(ms) or last_subject
            # who acts in the sentence is its own subject (「Aが運営するBは…を共催」: B, not A)
            main = self._subject(ms, main=True) or last_subject
            self.topics[s] = main
            self.affiliation(ms)
            self.agreements(sentence, s, e, ms, subject)
            self.standing_twinning(sentence, s, e, ms)
            self.visits(sentence, s, e, ms, subject)
            self.founding(sentence, s, e, ms, subject)
            self.events(sentence, s, e, ms, main)
            self.partners(sentence, s, e, ms, subject)
            self.membership(sentence, s, e, ms, subject)
            self.met_pairs(sentence, s, e, ms)
            self.topic_sectors(sentence, s, e, subject)
            self.prev_sentence = s
            if self._subject(ms):
                last_subject = self._subject(ms)
            elif sentence.strip() == "" or "\n\n" in self.text[max(0, s - 2) : s]:
                last_subject = None
        self.argument_relations()
        self.structure()
        self.paired_rows()
        self.itinerary()
        self.partner_lists()
        self.field_organisers()
        self.list_organisers()
        self.speakers()
        self.matrix_sectors()
        self.name_sectors()
        self.merge_generic_agreements()
        self.drop_signed_events()
        return Extraction(self.entities, self.facts)

    def _narrator(self) -> Mention | None:
        """「Xの訪問団の一員として」: a report written from inside X's delegation speaks for X."""
        hit = re.search(r"の(?:訪問団|代表団|視察団|使節団|ミッション)の一員(?:として|で)", self.text)
        if hit is None:
            return None
        before = _closest([m for m in self.mentions if m.end == hit.start() and self.actor(m) and m.type is not PERSON])
        return before

    def _subject(self, ms: list[Mention], main: bool = False) -> Mention | None:
        """The first actor marked as a subject; with ``main``, not one inside a relative clause."""
        for m in ms:
            if not self.actor(m):
                continue
            after = self._after(m, 14)
            if re.match(_SUBJECT_TAIL, after) and not (main and self._in_relative_clause(m)):
                return m
        return None

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

    def affiliation(self, ms: list[Mention]) -> None:
        """「A県 B部 課長 C氏」, 「Aの B責任者である C氏」, 「C氏(A … 責任者)」 -> works_for with role."""
        for i, p in enumerate(ms):
            if p.type is not PERSON:
                continue
            found: list[tuple[Mention, str]] = []
            after = self.text[p.end : p.end + 60]
            paren = re.match(r"\s*(?:氏|さん|様)?\s*\(", after)
            if paren:  # 「C氏(A 国際関係部局責任者)」: the bracket names the employer
                inside = [q for q in ms if p.end + paren.end() <= q.start <= p.end + paren.end() + 2]
                if inside and self.actor(inside[0]) and inside[0].type is not PERSON and inside[0].kind != "country":
                    close = self.text.find(")", inside[0].end)
                    role_text = self.text[inside[0].end : close if close > 0 else inside[0].end + 30]
                    found.append((inside[0], re.sub(r"\([^)]*\)?", "", role_text)))
            if not found:
                limit = p.start
                for q in sorted(ms[:i], key=lambda x: (x.end, x.length), reverse=True):
                    if q.type is PERSON or q.end > limit:
                        if q.type is PERSON:
                            break
                        continue
                    between = self.text[q.end : limit]
                    if len(between) > 45 or re.search(r"[、。,]|を|が|は|と|で(?!ある)|に|した|する|\)|.\(", between):
                        break  # 「X市政府で P」, 「Xに参加した双日・P」, 「X視察団(代表・P」: no post of X
                    if not self.actor(q):
                        continue
                    found.append((q, between))
                    # 「A 専務理事・B 公使参事官 C氏」: a second body before a title and ・
                    before = self.text[max(0, q.start - 20) : q.start]
                    if not re.search(r"(?:" + "|".join(TITLES) + r")\s?・\s?$", before):
                        break
                    title_tail = re.search(r"\S*・\s?$", before)
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
                    post = _POST_AFTER.match(self.text, q.end)
                    if post:
                        # 「伊賀市長」: the post is 市長, the place's ending and 長
                        unit = self.text[q.end - 1] if post.group() in ("長", "知事") else ""
                        found.append((q, (unit if unit in "市県州省町村区" else "") + post.group()))
            if not found:
                # 「BusinessOuluでシニアアドバイザーを務める内田貴子さん」, 「X大学では楊帆学長」
                before = self.text[max(0, p.start - 40) : p.start]
                serve = re.search(r"(で|では)([^、。]{0,20}?)(?:を務める|として活躍する)?\s?$", before)
                if serve:
                    at = p.start - len(before) + serve.start()
                    host = _closest([x for x in ms if x.end == at and self.actor(x) and x.type is not PERSON])
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
                side = _closest([
                    x for x in ms
                    if x.end <= p.start and x.type is not PERSON and self.actor(x)
                    and re.match(r"側(?:から|では|は|も)", self.text[x.end : x.end + 4])
                    and not re.search(r"[。]", self.text[x.end : p.start])
                ])
                title = next((t for t in TITLES if after.lstrip().startswith(t)), None)
                if side is not None and title is not None:
                    found.append((side, title))
            if not found:
                # 「三村申吾知事」, 「後藤三男(ごとう・みつお)町長」: a head's post names the kind of place it heads
                post = re.match(r"\s?(?:\([^()]{1,20}\))?\s?(" + "|".join(_HEAD_OF) + ")", after)
                if post:
                    # 「門川大作市長とダリオ・ナルデッラ市長」: a name in katakana heads a place named in katakana
                    foreign = bool(re.fullmatch(r"[\u30a1-\u30fa\u30fc・=＝ ]+", p.text))
                    host = self._headed(p.start, _HEAD_OF[post.group(1)], foreign)
                    if host is not None:
                        found.append((host, post.group(1)))
            if not found:
                # 「…太洋工業は…。細江美則社長は」: a company's head belongs to the company named just before
                post = re.match(r"\s?(?:\([^()]{1,20}\))?\s?(代表取締役社長|社長|代表取締役|CEO|学長|総長)", after)
                if post:
                    wanted = "university" if post.group(1) in ("学長", "総長") else "company"
                    near = [x for x in self.mentions if x.type is ORG and x.kind == wanted
                            and x.end <= p.start and p.start - x.end <= 200
                            and not any(x.end <= w < p.start for w in self.own_words)]  # 「本学のP学長」
                    if near:
                        found.append((near[-1], post.group(1)))
            for q, between in found:
                role = _role(between) or next((t for t in TITLES if after.lstrip().startswith(t)), None)
                if q.kind == "country" and role and "領事" in role:
                    continue  # 「在X日本国総領事 P」: a consul serves a consulate the page leaves unnamed
                self.add("works_for", self.key(p), self.key(q), (q.start, p.end), 0.7, role=role)

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
            if re.match(r"(?:代表団|訪問団|知事|市長)?(?:は|が|では|と|及び|および|、|・)|を訪問|を訪れ", after):
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
            pair = self._named_pair(s + at, ms) if word != "合意" else None
            partner = self._apposed_partner(s + at, word, ms) if kind is AgreementKind.FRIENDSHIP else None
            if partner is not None and not any(v in tail for v in AGREEMENT_VERBS):
                # 「A県の友好提携都市、B州を訪問」: B is A's partner under a friendship agreement
                self._agreement(word, kind, partner, None, tail, "", s, e)
                continue
            if word == "合意":
                if not re.match(r"合意(?:に達|し)", tail):
                    continue
            elif not any(v in tail for v in AGREEMENT_VERBS) and pair is None:
                continue
            if pair is not None and not any(v in tail for v in AGREEMENT_VERBS):
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
            date = self.date_in(s + seg_start, e, before=pos)
            if word != "合意" and _PLANNED.match(sentence, covered):
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
                joint = bool(re.search(r"三者|共同|多国間|コンソーシアム", sentence))
                for group in [parties] if joint else [[p] for p in parties]:
                    self._agreement(word, kind, group, date, tail, seg_text, s, e, own=True)
                continue
            if len(parties) < 2:
                continue
            last_parties = parties
            lead = parties[0] if subject is not None and parties[0] is subject and framed is None else None
            if lead is not None and len(parties) > 2 and not re.search(r"三者|共同|多国間", sentence):
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
        owner = _closest([m for m in ms if m.end <= pos and self.actor(m) and m.type is not PERSON])
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
        outer = [m for m in actors if not any(o is not m and _within(m, o) for o in actors)]
        titles = "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True))
        marked = r"\s?(?:\([^()]*\))?(?:" + titles + r")?\s?(?:\(\d{1,3}\))?\s?(?:氏|さん|様)?"
        counterparts: list[Mention] = []
        for m in sorted(outer, key=lambda x: x.end, reverse=True):
            rest = self.text[m.end : pos]
            if not counterparts:
                hit = re.match(marked + r"と(?:の間で)?", rest)
                if hit is None or re.search(r"[。]", rest):
                    continue
                if any(x.start == m.end + hit.end() for x in outer):
                    continue  # 「AとBが」, 「AとBを」: coordinated, not a counterpart
                counterparts.append(m)
            elif re.fullmatch(marked + r"(?:、|,|及び|および|並びに|と|・)", self.text[m.end : counterparts[-1].start]):
                counterparts.append(m)  # 「B、CおよびDと」
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
                m for m in reversed(before)
                if re.match(subject_mark, self.text[m.end : m.end + 30])
                and not re.search(r"[。]", self.text[m.end : first.start])
            ),
            None,
        )
        if subject is None:
            return None
        group = [subject, *self._coordinated(subject, ms)]
        while (joined := next((m for m in outer if m.end + 1 == group[-1].start and m.kind != "country"
                               and self.text[m.end] == "・"), None)) is not None:
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
            left = [a for a in bodies if a.end < first.start and re.fullmatch(joint, self.text[a.end : first.start])]
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
            if m.end < first.start and re.fullmatch(r"\s?(?:\([^()]*\))?(?:と|・)", self.text[m.end : first.start])
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
        site = re.sub(r"^www\.", "", urlparse(self.doc.source.url or "").hostname or "") if own else None
        if len(parties) < (1 if site else 2):
            return
        renew = any(v in tail for v in RENEWAL_VERBS)
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
        sectors = _sectors(seg_text)
        for label_, value in self.doc.fields.items():
            if word in label_ and any(k in label_ for k in ("目的", "内容", "分野")):
                sectors += [x for x in _sectors(value) if x not in sectors]
        for sector in sectors:
            self._sector(akey, sector, (s, e))
            for p in parties[:6]:
                self._sector(self.key(p), sector, (s, e), 0.5)
        self._field_date(ent, word)

    def drop_signed_events(self) -> None:
        """「「A・B交流協力計画」に調印した」: a name the recogniser calls an event but which is signed is the
        document signed, not something held; it is no event (its parties are not named with it)."""
        signed = re.compile(r"(?:[^「」。、]{0,12}」)?\s?(?:に|を)(?:調印|締結|署名)")  # 「…計画2017年〜2019年」に調印
        for key, ent in list(self.entities.items()):
            if ent.type is EVENT and ent.mentions and all(
                m.source != "alias" and signed.match(self.text, m.end) for m in ent.mentions
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
            if not words <= _GENERIC_AGREEMENT_WORDS or key not in parties:
                continue
            signed = str(self.entities[key].attrs.get("signed") or "")
            wider = [
                other for other, ws in self.agreement_words.items()
                if other != key and not ws <= _GENERIC_AGREEMENT_WORDS and parties[key] <= parties.get(other, set())
                and (not signed or str(self.entities[other].attrs.get("signed") or "")[:4] == signed[:4])
                and not spans[key] & spans[other]  # two agreements named in one sentence are two
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

    def _body_of(self, p: Mention, heads_only: bool = True) -> Mention:
        """「黒岩知事が…MOUを締結」: a head signs for the body they head (found by the post rules); without
        ``heads_only``, the body a person works for in any post. A person with none is returned as is."""
        if p.type is not PERSON:
            return p
        for f in self.facts:
            if (f.type == "works_for" and f.source == self.key(p)
                    and (not heads_only or (f.role and f.role.endswith(_HEADS)))):
                body = self.entities.get(f.target)
                if body is not None and body.mentions:
                    return body.mentions[0]
        return p

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
                # 「三重県とスペイン・バスク州」: take the most specific right-hand place.
                chain = [x for x in self.mentions if x.start >= right[0].start and x.start <= right[0].end + 1]
                return [left[0], chain[-1] if chain else right[0]]
        return None

    def _visitor_after(self, end: int, ms: list[Mention]) -> Mention | None:
        """「…を訪問したP」, 「来県したP」: the visitor named right after the verb's relative clause."""
        clause = re.match(r"(?:し|され)?た(?:[^、。「」]{0,12}?の)?「?", self.text[end : end + 16])
        if clause is None:
            return None
        after = [m for m in ms if m.start == end + clause.end() and self.actor(m)]
        return max(after, key=lambda m: m.end) if after else None

    def visits(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        self._hosted_visits(sentence, s, e, ms, subject)
        for word in VISIT_WORDS:
            for vm in re.finditer(word, sentence):
                pos = s + vm.start()
                objs = []
                for m in ms:
                    if m.end > pos or not self.actor(m):
                        continue
                    gap = self.text[m.end : pos]
                    if m.type is PERSON:
                        # 「A知事を表敬訪問」: a courtesy call visits the person
                        if re.fullmatch(r"[^\s、。を]{0,8}?(?:氏|さん|様)?を表敬", gap):
                            objs.append(m)
                        continue
                    if re.fullmatch(r"\s*(?:を|に|へ)?\s*(?:初めて|正式に|表敬)?\s*", gap) or re.fullmatch(r"と", gap):
                        objs.append(m)
                # coordinated objects: 「AとBに赴き」
                for m in list(objs):
                    before = [x for x in ms if x.end == m.start - 1 and self.text[x.end] == "と" and self.actor(x)]
                    objs += before
                later = self._visitor_after(pos + len(word), ms)
                # a subject written after the verb (「…を視察したほか、X大学では」) heads another clause
                before_verb = subject if subject is not None and subject.start < pos else None
                subj = later or self._subject([m for m in ms if m.start < pos]) or before_verb or self.narrator
                if word in ("来日", "訪日"):
                    japan = [m for m in self.mentions if m.text == "日本"]
                    objs = japan[:1]
                    head = [m for m in ms if m.end <= pos and pos - m.end <= 8 and self.actor(m)]
                    if not head:
                        continue
                    subj = head[-1]
                if subj is None:
                    continue
                subj = self._holder(subj)
                for o in objs:
                    if self.key(o) != self.key(subj):
                        d = self.date_in(s, e, before=pos)
                        self.add("visited", self.key(subj), self.key(o), (s, e), 0.65, valid_from=d.iso if d else None)
                        self.last_visit = (subj, o, s)

    def _hosted_visits(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「来県」「県庁を訪れ」「市役所を表敬訪問」: a visit whose host is the page's own prefecture
        (or city), named nowhere in the phrase."""
        for hm in _HOSTED_VISIT.finditer(sentence):
            office = hm.group("office") or hm.group("came")
            suffix = "市" if office.startswith(("市", "区")) else office[0] if office[0] in "町村道府都" else "県"
            host = self._home(suffix)
            if host is None:
                continue
            pos, end = s + hm.start(), s + hm.end()
            before = [m for m in ms if m.end <= pos]
            visitor = (
                self._visitor_after(end, ms)
                or self._subject(before)
                or _closest([m for m in before if m.type is PERSON and re.fullmatch(
                    r"[^、。]{0,8}?(?:氏|さん|様)?(?:ら|一行)?(?:が|は)?", self.text[m.end : pos])])
                or subject
            )
            if visitor is None or not self.actor(visitor) or self.key(visitor) == self.key(host):
                continue
            d = self.date_in(s, e, before=pos)
            self.add("visited", self.key(visitor), self.key(host), (s, e), 0.6, valid_from=d.iso if d else None)

    def founding(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        for fm in re.finditer(r"設立", sentence):
            pos = s + fm.start()
            before = self.text[max(s, pos - 3) : pos]
            if "が" in before:  # 「Xが設立したY」
                founders = [m for m in ms if m.end <= pos and self.actor(m)][-1:]
                created = [m for m in ms if m.start > pos and m.type is ORG][:1]
            else:  # 「(Xは) … Yを設立」
                founders = [subject] if subject else []
                founders += [
                    m
                    for m in ms
                    if m.end < pos
                    and self.actor(m)
                    and m.type is ORG
                    and re.match(r"(?:及び|および|と)", self.text[m.end : m.end + 3])
                    and m is not subject
                ]
                created = [
                    m for m in ms if m.end <= pos and m.type is ORG and re.match(r"\s*を", self.text[m.end : pos])
                ]
                created += [
                    m
                    for m in ms
                    if m.end <= pos
                    and m.type is ORG
                    and self.text[m.end : m.end + 1] == "と"
                    and any(c.start == m.end + 1 for c in created)
                ]
            for c in created:
                for f in founders:
                    if f is not None and self.key(f) != self.key(c):
                        self.add("established", self.key(f), self.key(c), (s, e), 0.6)

    def events(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        evs = [m for m in ms if m.type is EVENT]
        hosts: list[Mention] = []
        quoted = self._quoted_hosts(ms) if subject is None and evs and _HOLDS.search(sentence) else []
        subject = quoted[0] if quoted else subject
        if (
            _HOLDS.search(sentence)
            and subject is not None
            and subject.type is not EVENT
        ):
            hosts = [subject, *self._coordinated(subject, ms), *quoted[1:]]
            for pm in re.finditer(r"と(?:の)?(?:連携|共同|協力|共催)(?:し|で|により|して)", sentence):
                # co-organisers: 「Bと連携し…を開催」, 「Bと共催で…を開催」
                near = _closest([m for m in ms if m.end <= s + pm.start() and self.actor(m) and m.type is not PERSON])
                if near and re.fullmatch(r"\s?(?:\([^()]*\))?", self.text[near.end : s + pm.start()]):
                    hosts.append(near)
            for ev in evs:
                # 「AはBと「E」を開催」, 「Bとウェビナー「E」を共催」: B, just before the event, co-hosts it
                ahead = _HOLDS.match(self.text, ev.end + (self.text[ev.end : ev.end + 1] == "」"))
                with_ = [
                    m
                    for m in ms
                    if m.end < ev.start and self.actor(m) and m.type is not PERSON and m is not subject
                    and _HELD_WITH.fullmatch(self.text, m.end, ev.start)
                ]
                if ahead and with_:
                    hosts.append(max(with_, key=lambda m: (m.end, m.length)))
        # 「…「M」派遣から…セミナーを開催」: only the event the verb holds is the subject's
        held = [ev for ev in evs if self._held(ev)]
        for ev in evs:
            organisers = []
            for m in ms:
                if m is ev or not self.actor(m):
                    continue
                after = self._after(m, 8)
                if re.match(r"」?(?:政府|当局)?(?:が|の)?(?:主催|共催)", after):
                    organisers += [m, *self._coordinated(m, ms)]
            if (
                not organisers
                and _HOLDS.search(sentence)
                and subject is not None
                and subject is not ev
                and (not held or ev in held)
            ):
                organisers += [subject, *self._coordinated(subject, ms)]
            if not organisers and ev.source != "ner":
                organisers = list(self.last_organisers)
            for o in organisers:
                self.add("organised", self.key(o), self.key(ev), (s, e), 0.6)
            for m in ms:
                if m.type is PLACE and re.match(r"\s*(?:で|にて)(?:開催|行われ)", self.text[m.end : m.end + 8]):
                    self.add("located_in", self.key(ev), self.key(m), (s, e), 0.6)
            d = self.date_in(s, e)
            if d:
                self.entities[self.key(ev)].attrs.setdefault("start", d.iso)
        if hosts:
            for ev in held or evs:
                for h in hosts[1:]:
                    self.add("organised", self.key(h), self.key(ev), (s, e), 0.5)
        self.last_organisers = hosts

    def _held(self, ev: Mention) -> bool:
        """The event is what a hosting verb holds: 「E」を(オンラインで)開催, 同セミナーを開いた."""
        return _HOLDS.match(self.text, ev.end + (self.text[ev.end : ev.end + 1] == "」")) is not None or bool(
            re.match(r"」?を(?:[^、。をがは]{1,12}(?:で|にて)\s?)?開[きいく]", self.text[ev.end : ev.end + 20])
        )

    def _quoted_hosts(self, ms: list[Mention]) -> list[Mention]:
        """A host named in quotes, maybe with its full name in brackets (「「TX(Tokyo X)」は…を共催」),
        then a body quoted before it with its own description (「「A」と…プラットフォーム「TX」は」)."""
        for m in ms:
            if self.actor(m) and m.type is not PERSON and _QUOTED_SUBJECT.match(self.text, m.end):
                partners = [
                    x
                    for x in ms
                    if x.end < m.start
                    and self.actor(x)
                    and x.type is not PERSON
                    and _QUOTED_PARTNER.fullmatch(self.text, x.end, m.start)
                ]
                return [m, *partners[:1]]
        return []

    def _coordinated(self, m: Mention, ms: list[Mention]) -> list[Mention]:
        """Bodies coordinated before ``m``: 「A及びBの主催」, 「「A」と「B(…)」は」 -> [B's partners]."""
        out: list[Mention] = []
        head = m
        while True:
            before = [
                x
                for x in ms
                if x.end <= head.start
                and self.actor(x)
                and x.type is not PERSON
                and re.fullmatch(
                    r"」?\s?(?:\([^()]*\))?」?\s?(?:及び|および|と|、|,|並びに)\s?「?", self.text[x.end : head.start]
                )
            ]
            if not before:
                return out
            head = max(before, key=lambda x: (x.end, x.length))
            out.append(head)

    def list_organisers(self) -> None:
        """Bodies listed under a 主催:/共催: line organised the page's event."""
        event = self._main_event()
        if event is None:
            return
        for block in re.finditer(r"^(?:主催|共催)\s?[:：]\s*\n((?:[‐\-・•]\s?[^\n]+\n?)+)", self.text, re.MULTILINE):
            for item in re.finditer(r"^[‐\-・•]\s?([^\n]+)$", self.text[block.start(1) : block.end(1)], re.MULTILINE):
                start, end = block.start(1) + item.start(1), block.start(1) + item.end(1)
                inside = [m for m in self.in_span(start, end) if self.actor(m) and m.type is not PERSON]
                outer = [m for m in inside if not any(o is not m and _within(m, o) for o in inside)]
                named = max(outer, key=lambda x: x.end, default=None)
                if named is not None:
                    self.add("organised", self.key(named), self.key(event), (start, end), 0.6)
        for row in _ORGANISER_ROW.finditer(self.text):
            # 「主催:A、B」 on one line, or 「主催:A/共催:B/後援:C」 (only the first two name organisers)
            start, end = row.start("bodies"), row.end("bodies")
            inside = [m for m in self.in_span(start, end) if self.actor(m) and m.type is not PERSON]
            for m in inside:
                if not any(o is not m and _within(m, o) for o in inside):
                    self.add("organised", self.key(m), self.key(event), (start, end), 0.6)

    def partners(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「A、B などの組織と協力し」 -> partner_of; 「Eに出席」 -> attended; 「Pとの会談」 -> met_with."""
        bodies = [m for m in ms if self.actor(m) and m.type is not PERSON]
        for pm in re.finditer(r"と(?:も|の)?(?:連携|協力|共同|提携)", sentence):
            pos = s + pm.start()
            subj = self._subject([m for m in ms if m.start < pos]) or subject
            if subj is None:
                continue
            subj = self._body_of(subj)  # 「X市長は…Yとも連携し」: the mayor speaks for the city
            chain: list[Mention] = []
            outer = [b for b in bodies if b.end <= pos and not any(o is not b and _within(b, o) for o in bodies)]
            for m in sorted(outer, key=lambda x: x.end, reverse=True):
                gap = self.text[m.end : (chain[-1].start if chain else pos)]
                pattern = (
                    r"\s?(?:\([^()]*\))?(?:など(?:の[^、。]{0,15})?)?"
                    if not chain
                    else r"\s?(?:\([^()]*\))?(?:、|及び|および|と|,)"
                )
                if re.fullmatch(pattern, gap):
                    chain.append(m)
                else:
                    break
            if subj.type is PERSON:
                continue  # a person working with a body works for or with it: no partnership of bodies
            for m in chain:
                if self.key(m) != self.key(subj):
                    self.add("partner_of", self.key(subj), self.key(m), (s, e), 0.55)
        for pm in re.finditer(r"の(?:共同研究|共同開発|共同事業|共同プロジェクト|連携|協力)", sentence):
            pos = s + pm.start()  # 「AとBの共同研究」: A and B work together
            right = [b for b in bodies if b.end == pos]
            left = [b for b in bodies if right and b.end == right[0].start - 1 and self.text[b.end] == "と"]
            if left and right and self.key(left[0]) != self.key(right[0]):
                self.add("partner_of", self.key(left[0]), self.key(right[0]), (s, e), 0.55)
        for m in ms:
            if m.type is EVENT and re.match(
                r"」?\s?(?:に|へ)(?:も|の)?(?:出席|参加|招待|出展)", self.text[m.end : m.end + 7]
            ):
                subj = self._subject([x for x in ms if x.start < m.start]) or subject or self.narrator
                hosted = subj is not None and any(
                    f.type == "organised" and f.source == self.key(subj) and f.target == self.key(m) for f in self.facts
                )
                if hosted:  # 「Xが主催するEに参加」: the one attending is the narrator, not X
                    subj = self.narrator
                if subj is not None and subj.type is not EVENT:
                    self.add("attended", self.key(subj), self.key(m), (s, e), 0.55)
            if m.type is PERSON and self._met(m, ms):
                subj = self._subject([x for x in ms if x.start < m.start]) or subject
                if subj is not None:
                    self.add("met_with", self.key(subj), self.key(m), (s, e), 0.55)

    def met_pairs(self, sentence: str, s: int, e: int, ms: list[Mention]) -> None:
        """「P知事とQ市長が(10日、県庁で)会談した」: two people as the subject of a meeting."""
        for hit in re.finditer(r"会談|面会|面談|懇談|意見交換", sentence):
            pos = s + hit.start()
            people = [m for m in ms if m.type is PERSON and m.end <= pos]
            for q in reversed(people):
                if not re.match(r"[^、。と()]{0,10}?(?:氏|さん|様)?(?:ら)?(?:が|は)", self.text[q.end : q.end + 14]):
                    continue
                gap = r"[^、。と()]{0,10}?(?:氏|さん|様)?と(?![\u3040-\u309f])[^、。()]{0,20}?"
                earlier = [p for p in people if p.end < q.start and re.fullmatch(gap, self.text[p.end : q.start])]
                if earlier and self.key(earlier[-1]) != self.key(q):
                    self.add("met_with", self.key(earlier[-1]), self.key(q), (s, e), 0.55)
                break

    def _met(self, m: Mention, ms: list[Mention]) -> bool:
        """「Pと会談」, 「P州知事(56)とQ大使と会談」: P is one of the people met."""
        tail = r"[^、。と()]{0,10}?(?:\(\d{1,3}\))?(?:氏|さん|様)?"
        rest = self.text[m.end : m.end + 24]
        if re.match(tail + r"ら?(?:と|との)(?:会談|面会|面談|懇談|意見交換)", rest):
            return True
        joined = re.match(tail + r"(?:と|、)", rest)
        if joined is None:
            return False
        nxt = [x for x in ms if x.start == m.end + joined.end() and x.type is PERSON]
        return bool(nxt) and self._met(nxt[0], ms)

    def membership(self, sentence: str, s: int, e: int, ms: list[Mention], subject: Mention | None) -> None:
        """「XはYに加盟/参画/加入」, 「XはYの会員(企業)」 -> X member_of Y."""
        for mm in re.finditer(r"に(?:正式に)?(?:加盟|参画|加入|入会)|の(?:正)?会員", sentence):
            pos = s + mm.start()
            target = _closest([m for m in ms if m.end <= pos and m.type is ORG])
            if target is None or not re.fullmatch(r"\s?(?:\([^()]*\))?」?", self.text[target.end : pos]):
                continue
            subj = self._subject([m for m in ms if m.end <= target.start]) or subject
            if subj is None or subj.type is EVENT or subj.start >= target.start:
                continue
            self.add("member_of", self.key(subj), self.key(target), (s, e), 0.55)

    def field_organisers(self) -> None:
        """A 「主催 | A、B」 row: the bodies in it organised the event the page is about."""
        rows = [label for label in self.doc.fields if re.fullmatch(r"(?:主催|共催)(?:者|団体)?", label.strip())]
        if not rows:
            return
        event = self._main_event()
        if event is None:
            return
        for label in rows:
            start = self.doc.field_offsets.get(label, 0)
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            row = self.in_span(start, end)
            for m in row:
                inner = any(o is not m and o.start <= m.start and m.end <= o.end and o.length > m.length for o in row)
                if not inner and m.type is not EVENT and m.type is not PERSON and self.actor(m):
                    self.add("organised", self.key(m), self.key(event), (start, end), 0.6)

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

    def speakers(self) -> None:
        """Persons (and their bodies) on a programme following an event name."""
        events = [m for m in self.mentions if m.type is EVENT]
        for i, ev in enumerate(events):
            end = events[i + 1].start if i + 1 < len(events) else min(len(self.text), ev.end + 1500)
            block = self.text[ev.end : end]
            if not any(w in block for w in SPEAKER_WORDS):
                continue
            for m in self.in_span(ev.end, end):
                if m.type is PERSON:
                    self.add("spoke_at", self.key(m), self.key(ev), (ev.start, m.end), 0.6)

    # -- verbs and their arguments (dependency parse) ---------------------------
    def _named(self, start: int, end: int, people: bool = True) -> Mention | None:
        """The mention a noun phrase stands for: a person in it first (「佐藤一郎教授」), else the
        actor ending last in it; a delegation (「X市の代表団」) stands for who sends it."""
        inside = [m for m in self.mentions if m.start < end and m.end > start and m.end <= end + 1 and m.length]
        persons = [m for m in inside if m.type is PERSON]
        if persons and people:
            return persons[-1]
        actors = [m for m in inside if self.actor(m) and m.type is not PERSON]
        if actors:
            return max(actors, key=lambda m: (m.end, m.length))
        events = [m for m in inside if m.type is EVENT]
        return max(events, key=lambda m: (m.end, m.length)) if events else None

    def _arg_mentions(self, token: Any, people: bool = True) -> list[Mention]:
        out = []
        for c in conjuncts(token):
            start, end = phrase(c)
            m = self._named(start, end, people)
            if m is None and people:
                # 「…のP会頭と」: the parser hangs the name off the post it precedes
                m = next((x for x in self.mentions if x.type is PERSON and x.end == start and x.length), None)
            if m is None and self.text[start:end].endswith((*_DELEGATIONS, *_FACILITIES)):
                # 「X県の代表団」 is X's; 「X社の工場」 is X's site: the body in the の-modifier
                sender = [x for x in c.children if "の" in {y.text for y in x.children}]
                if sender:
                    m = self._named(*phrase(sender[-1]), people=False)
                    if m is not None and m.type is not ORG and self.text[start:end].endswith(_FACILITIES):
                        m = None  # 「X市の本社」 says where a site is, not whose
                elif self.text[start:end] in _DELEGATIONS:
                    m = self._sender(start)
            if m is not None:
                out.append(m)
        return out

    def _sender_event(self, pos: int) -> Mention | None:
        before = [m for m in self.mentions if m.type is EVENT and m.end <= pos]
        return before[-1] if before else None

    def _sender(self, pos: int) -> Mention | None:
        """A bare 「一行」「代表団」 is the delegation last named before ``pos``: who organised it."""
        missions = [m for m in self.mentions if m.type is EVENT and m.end <= pos
                    and m.kind == EventKind.DELEGATION_VISIT.value]
        if missions:
            key = self.key(missions[-1])
            for f in self.facts:
                if f.type == "organised" and f.target == key and self.entities[f.source].type is not EVENT:
                    return self.entities[f.source].mentions[0] if self.entities[f.source].mentions else None
        # 「浙江省の経済交流団(…)一行15名が」: the body or place whose delegation was named last
        sent = [m for m in self.mentions if m.end <= pos and self.actor(m) and m.type is not PERSON
                and _SENT_GROUP.match(self.text, m.end)]
        return sent[-1] if sent else None

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
            topic = self.topics.get(_sentence_at(self.text, verb.idx)[0])
            found = [topic] if topic is not None else []
        return [self._holder(m) for m in found]

    def _holder(self, m: Mention) -> Mention:
        """A bare post as subject (「知事は…訪問」) is the person the page names in that post."""
        if m.source != "alias" or m.text not in _HEAD_OF:
            return m
        for f in self.facts:
            if f.type == "works_for" and f.target == self.key(m) and f.role and f.role.endswith(m.text):
                person = self.entities[f.source]
                if person.mentions:
                    return person.mentions[0]
        return m

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
                c for c in head.children
                if _dep_label(c) == "nmod" and "の" in {x.text for x in c.children if _dep_label(x) == "case"}
            ]
            if not modifiers:
                return None
            head = max(modifiers, key=lambda t: t.i)
            m = self._named(*phrase(head), people=False)
            if m is not None:
                return m if self.actor(m) and m.type is not PERSON and m.kind != "country" else None
        return None

    def _sent_delegation(self, verb: Any, args: list[Arg], add: Callable[..., None]) -> None:
        """「XはP知事を団長とする訪問団をYに派遣」: X's delegation, and P who leads it, visit Y."""
        groups = [a for a in args if a.dep == "obj" and self.text[a.start : a.end].endswith(_DELEGATIONS)]
        if not groups:
            return
        goals = [m for m in self._arg(args, "obl", ("に", "へ")) if self.actor(m) and m.type is not PERSON]
        senders = [v for v in self._subjects(verb) if self.actor(v) and v.type is not PERSON]
        leaders = []
        for clause in (c for g in groups for c in g.head.children if _dep_label(c) == "acl"):
            cargs = arguments(clause)
            if any(self.text[a.start : a.end].endswith(_LEADS) for a in cargs if "と" in a.cases):
                leaders += [m for m in self._arg(cargs, "obj", ("を",)) if m.type is PERSON]
        span = self._span_of(verb)
        for v in [*senders, *leaders]:
            for g in goals:
                add("visited", v, g, span, verb.idx)

    def _courtesy_call(self, verb: Any, add: Callable[..., None]) -> None:
        """「P知事はQ首相の表敬訪問を受けた」: Q called on P (a meeting) and visited P's body."""
        calls = [c for c in verb.children if _dep_label(c) == "obj" and c.text in ("訪問", "表敬", "来訪", "表敬訪問")]
        if not calls:
            return
        callers = [m for c in calls for x in c.children if _dep_label(x) == "nmod"
                   for m in self._arg_mentions(x) if self.actor(m)]
        span = self._span_of(verb)
        for host in self._subjects(verb):
            body = self._body_of(host, heads_only=False)
            for caller in callers:
                if host.type is PERSON and caller.type is PERSON:
                    add("met_with", host, caller, span, verb.idx)
                if body.type is not PERSON and self.actor(body):
                    add("visited", caller, body, span, verb.idx)

    def _span_of(self, verb: Any) -> tuple[int, int]:
        return _sentence_at(self.text, verb.idx)

    def argument_relations(self) -> None:
        """Visits, attendance, meetings and talks read from the verb's subject and objects, so
        coordinated lists (「A、B、Cを訪問」) and subjects far from the verb are found."""
        if self.parse is None or not self.parse.has_annotation("DEP"):
            return
        have = {(f.type, f.source, f.target) for f in self.facts}
        verbs = predicates(self.parse, _VERBS)

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
            events = [m for m in self._arg(args, "obj", ("を",)) if m.type is EVENT]
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
            args = arguments(verb)
            courtesy = "表敬" in self.text[max(0, verb.idx - 3) : verb.idx + 4]
            hosts = [m for m in self._arg(args, None, ("を", "に", "へ")) if self.actor(m)]
            hosts = [m for m in hosts if m.type is not PERSON or courtesy]
            for v in self._subjects(verb):
                if not self.actor(v):
                    continue
                for h in hosts:
                    add("visited", v, h, span, verb.idx)
        for verb in verbs["attend"]:
            span = self._span_of(verb)
            events = [m for m in self._arg(arguments(verb), None, ("に",)) if m.type is EVENT]
            for v in self._subjects(verb):
                if self.actor(v):
                    for ev in events:
                        add("attended", v, ev, span, verb.idx)
        for verb in verbs["receive"]:
            self._courtesy_call(verb, add)
        for verb in verbs["serve"]:
            # 「P知事が団長を務めた」: the leader of a delegation takes part in it
            if not any(self.text[a.start : a.end].endswith(_LEADS) for a in arguments(verb) if a.dep == "obj"):
                continue
            missions = [m for m in self.mentions if m.type is EVENT and m.start < verb.idx
                        and m.kind == EventKind.DELEGATION_VISIT.value]
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
                add("works_for", p, body, _sentence_at(self.text, p.start), p.start)
        for verb in verbs["meet"]:
            span = self._span_of(verb)
            others = [m for m in self._arg(arguments(verb), None, ("と",)) if m.type is PERSON]
            for v in self._subjects(verb):
                if v.type is PERSON:
                    for o in others:
                        add("met_with", v, o, span, verb.idx)

    def structure(self) -> None:
        """located_in from adjacency, sub-units and the gazetteer; part_of for sub-units."""
        for m in self.mentions:
            if m.parent_start is not None:
                parent = [x for x in self.mentions if x.start == m.parent_start and x.end < m.end and self.actor(x)]
                if parent and m.type is ORG:
                    prefixes = [x for x in parent if m.text.startswith(x.text)] or parent
                    container = max(prefixes, key=lambda x: x.end)
                    self.add("part_of", self.key(m), self.key(container), (m.start, m.end), 0.7)
            if m.type is ORG and m.parent_start is None:
                inner = [x for x in self.mentions if x.type is PLACE and x.start >= m.start and x.end <= m.end]
                if inner and m.kind in ("government_body", "embassy") and self.actor(inner[-1]):
                    sending_last = m.kind == "government_body" or (m.text.startswith("在") and len(inner) > 1)
                    target = inner[-1] if sending_last else inner[0]
                    self.add("part_of", self.key(m), self.key(target), (m.start, m.end), 0.6)
                elif inner:
                    self.add("located_in", self.key(m), self.key(inner[0]), (m.start, m.end), 0.6)
                emb = re.match(r"駐(日)", m.text)
                if emb and m.kind == "embassy":
                    japan = self._place_named("日本")
                    if japan:
                        self.add("located_in", self.key(m), japan, (m.start, m.end), 0.6)
                # 「日本の九州再生医療センター」, 「タイのC Pグループ」
                before = [x for x in self.mentions if x.type is PLACE and x.end < m.start and m.start - x.end <= 12]
                if before and re.fullmatch(r"の[^、。,()「」]{0,10}?(?:である)?", self.text[before[-1].end : m.start]):
                    self.add("located_in", self.key(m), self.key(before[-1]), (before[-1].start, m.end), 0.55)
                bracket = re.match(r"\s?\(([^()]{2,10})\)", self.text[m.end : m.end + 14])
                if bracket:
                    place = self._place_named(bracket.group(1))
                    if place:
                        self.add("located_in", self.key(m), place, (m.start, m.end + bracket.end()), 0.6)
            if m.type is ORG and m.parent_start is not None and self.gaz is not None:
                unit = re.sub(r"(事務所|支部|支社|支店|オフィス)$", "", m.text)
                for size in range(min(6, len(unit)), 1, -1):
                    entry = self.gaz.lookup(unit[-size:])
                    if entry is not None and entry.type is PLACE:
                        if entry.id not in self.entities:
                            self.entities[entry.id] = LocalEntity(
                                entry.id, PLACE, entry.kind, [unit[-size:]], confidence=0.6
                            )
                            self.entities[entry.id].mentions.append(
                                Mention(m.start, m.start, "", PLACE, entry.kind, "gazetteer", entry)
                            )
                        self.add("located_in", self.key(m), entry.id, (m.start, m.end), 0.6)
                        break
            if m.type is PLACE and m.kind == "country" and self.text[m.end : m.end + 1] in ("の", "・"):
                # 「フィンランドのタンペレ市」, 「ベトナム・ビンズン省」: a country names where its place lies
                inner = [x for x in self.mentions if x.start == m.end + 1 and x.type is PLACE and x.kind != "country"]
                for n in inner:
                    self.add("located_in", self.key(n), self.key(m), (m.start, n.end), 0.65)
            if m.type is PLACE and m.kind != "country":
                nxt = [x for x in self.mentions if x.start == m.end and x.type is PLACE]
                for n in nxt:
                    self.add("located_in", self.key(n), self.key(m), (m.start, n.end), 0.75)
            if m.type is PLACE and m.parent_start is not None:
                country = [x for x in self.mentions if x.start == m.parent_start and x.end < m.end and x.type is PLACE]
                if country:
                    self.add("located_in", self.key(m), self.key(country[0]), (m.start, m.end), 0.7)
        regions = [m for m in self.mentions if m.type is PLACE and m.kind == "region" and m.entry is not None]
        for ent in list(self.entities.values()):
            for m in ent.mentions:
                if m.entry is None or not m.entry.parent:
                    continue
                up = m.entry.parent
                if ent.kind == "city":
                    same = [
                        r
                        for r in regions
                        if r.entry is not None
                        and r.entry.parent == up
                        and 0 <= m.start - r.end <= 80
                        and not re.search(r"[。\n]|\. ", self.text[r.end : m.start])
                    ]
                    if same:
                        nearest = min(same, key=lambda r: abs(r.start - m.start))
                        up = self.key(nearest)
                if up not in self.entities:
                    entry = self.gaz_entry(up)
                    if entry is None:
                        break
                    if entry.kind == PlaceKind.COUNTRY.value and not any(n.text in self.text for n in entry.names):
                        break  # a country the page never names is not a place it mentions
                    self.entities[up] = LocalEntity(
                        up,
                        entry.type,
                        entry.kind,
                        [n.text for n in entry.names if n.lang.value == "ja"][:1] or [entry.names[0].text],
                        confidence=0.6,
                    )
                    self.entities[up].mentions.append(
                        Mention(m.start, m.start, "", entry.type, entry.kind, "gazetteer", entry)
                    )
                self.add("located_in", ent.key, up, (m.start, m.end), 0.75)
                break

    def itinerary(self) -> None:
        """「【主な訪問先】」 and the list under it: each body or place listed was visited by the
        delegation the page reports on (who organised it), else by the subject written before;
        「【参加団体】」: each body listed attended the page's event."""
        for head in _LIST_HEADING.finditer(self.text):
            if head.group("word") in _ATTENDEE_HEADINGS:
                event = self._main_event() or self._sender_event(head.start())
                for m in self._listed(head):
                    if event is not None:
                        self.add("attended", self.key(m), self.key(event), (m.start, m.end), 0.55)
                continue
            visitor = self._sender(head.start()) or self.topics.get(_sentence_at(self.text, head.start())[0])
            if visitor is None or not self.actor(visitor):
                continue
            for m in self._listed(head):
                self.add("visited", self.key(visitor), self.key(m), (m.start, m.end), 0.55)

    def standing_twinning(self, sentence: str, s: int, e: int, ms: list[Mention]) -> None:
        """「北九州市と大連市は友好都市である」, 「XはYと姉妹提携の関係にあり」: a twinning stated as standing, not
        as signed, is still the friendship agreement between the two places."""
        word = _TWINNED.search(sentence)
        if word is None or not _STANDING.search(sentence):
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

    def partner_lists(self) -> None:
        """「静岡県の友好提携先」 or 「兵庫県は、次の地域と姉妹・友好提携を結んでいます。」 over a list or a table:
        each row names a partner (the first place or body in it that is not only its country), with the year
        the row gives; twinning words make each row a friendship agreement."""
        for head in _PARTNER_HEADING.finditer(self.text):
            line_s, line_e = head.start(), head.end()
            homes = [m for m in self.in_span(line_s, line_e) if self.actor(m) and m.type is not PERSON
                     and m.kind != "country" and m.end <= line_s + head.start("word") - head.start()]
            home = homes[-1] if homes else self._home("県") or self._home("市")
            if home is None:
                continue
            twinning = bool(re.search(r"姉妹|友好", head.group("word")))
            for s, e in self._list_lines(line_e + 1, tables=True):
                line = self.text[s:e]
                found = [m for m in self.in_span(s, e) if self.actor(m) and m.type is not PERSON and m.length
                         and self.key(m) != self.key(home)]
                partner = next((m for m in found if m.kind != "country"), found[0] if found else None)
                if partner is None:
                    continue
                if twinning:
                    self._agreement("友好提携", AgreementKind.FRIENDSHIP, [home, partner], self.date_in(s, e), "",
                                    line, s, e)
                else:
                    self.add("partner_of", self.key(home), self.key(partner), (s, e), 0.55)

    def _list_lines(self, pos: int, tables: bool = False) -> list[tuple[int, int]]:
        """Spans of the bulleted or numbered lines (with ``tables``, also table rows) from ``pos`` on."""
        out = []
        for line in self.text[pos:].split("\n"):
            if not (_LIST_ITEM.match(line) or (tables and _TABLE_ROW.match(line))):
                break
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def _listed(self, head: re.Match[str]) -> list[Mention]:
        """The first body or place of each item listed after a heading: on its line (「訪問先:A社、B大学」)
        or on the bulleted or numbered lines under it."""
        inline = self.text[head.end() :].split("\n", 1)[0]
        if inline.strip():
            items = [(head.end() + m.start(), head.end() + m.end()) for m in re.finditer(r"[^、,\n]+", inline)]
        else:
            items = self._list_lines(head.end() + len(inline) + 1)
        out = []
        for s, e in items:
            listed = [m for m in self.in_span(s, e) if self.actor(m) and m.type is not PERSON and m.length]
            if listed:
                out.append(listed[0])
        return out

    def paired_rows(self) -> None:
        """A list row pairing two sides, 「1. A県 - ドイツ・B州(自動車産業)」, 「A市 — B州 (C機関)」:
        the sides are partners; a body in the bracket works with the first side."""
        for row in _PAIRED_ROW.finditer(self.text):
            left_s, left_e = row.span("a")
            right_s, right_e = row.span("b")
            left = [m for m in self.mentions if left_s <= m.start and m.end <= left_e and self.actor(m)]
            right = [m for m in self.mentions if right_s <= m.start and m.end <= right_e and self.actor(m)]
            if not left or not right or left[0].start - left_s > 2:
                continue
            a = left[0]
            # 「ドイツ・BW州」: the country only locates the side named after it
            named = [m for m in right if not (m.kind == "country" and self.text[m.end : m.end + 1] in "・の")]
            b = (named or right)[0]
            span = (row.start(), row.end())
            self.add("partner_of", self.key(a), self.key(b), span, 0.55)
            if row.group("c"):
                c_s, c_e = row.span("c")
                for m in self.mentions:
                    if c_s <= m.start and m.end <= c_e and m.type is ORG:
                        self.add("partner_of", self.key(a), self.key(m), span, 0.5)

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

    def matrix_sectors(self) -> None:
        """○ columns of a matrix naming a sector -> the document's main body focuses on it."""
        if not self.doc.matrices:
            return
        subject = self._main_entity()
        if subject is None:
            return
        for matrix in self.doc.matrices:
            for label, yes in zip(matrix.labels, matrix.marks, strict=False):
                if not yes:
                    continue
                for sector in _sectors(label, strict=False):
                    self._sector(subject, sector, (matrix.offset, matrix.offset + len(label)))

    def _main_entity(self) -> str | None:
        for label in ("組織名", "機関名", "名称", "団体名"):
            value = self.doc.fields.get(label)
            if value:
                for m in self.mentions:
                    if m.start >= self.doc.field_offsets.get(label, 0) and m.type in (ORG, PLACE) and m.text in value:
                        pass
                placed = [
                    (max(value.rfind(n) for n in ent.names if n in value), k)
                    for k, ent in self.entities.items()
                    if ent.actor and any(n in value for n in ent.names)
                ]
                if placed:
                    return max(placed)[1]
        title = self.doc.source.title
        for m in self.mentions:
            if m.start < len(title) + 5 and self.actor(m):
                return self.key(m)
        return None

    def _sector(self, subject: str, sector: str, span: tuple[int, int], conf: float = 0.6) -> None:
        key = f"sector:{sector}"
        if key not in self.entities:
            self.entities[key] = LocalEntity(key, EntityType.SECTOR, None, [sector])
        if not any(f.type == "focuses_on" and f.source == subject and f.target == key for f in self.facts):
            self.add("focuses_on", subject, key, span, conf)

    def name_sectors(self) -> None:
        """Bodies, events and agreements whose names say their field (再生医療センター, 銀行, 工業団地)."""
        for key, ent in list(self.entities.items()):
            if ent.type not in (ORG, EVENT) or not ent.mentions:
                continue
            m = ent.mentions[0]
            for sector in _sectors(ent.name, strict=ent.type is not EVENT):
                self._sector(key, sector, (m.start, m.end), 0.55)

    def topic_sectors(self, sentence: str, s: int, e: int, subject: Mention | None) -> None:
        """「Xは…新素材や医療に注目/注力/重点」 -> X focuses on those sectors."""
        if subject is None or not re.search(r"注力|重点|焦点|注目|力を入れ|重視|強化|育成|目指", sentence):
            return
        for sector in _sectors(sentence):
            self._sector(self.key(subject), sector, (s, e), 0.5)


# 「本学」「当大学」「本校」: the university (or college) whose page it is (not 本学会, a society, nor 本学園, a
# school's trust, nor 本学部, this faculty)
_OWN_UNIVERSITY = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa])(?:本学|当大学|本大学|本校|当校)(?!会|園|年|部|科|舎)")
# a faculty, graduate school or hospital of a university: 「医学部」, 「大学院医学系研究科」, 「附属病院」
_UNIVERSITY_UNIT = re.compile(r"[\u4e00-\u9fff]{0,12}(?:学部|研究科|学群|学類|病院|研究所|大学院)")


def _unyeared(name: str) -> str:
    """「日豪水素サミット2026」 is named again as 「サミット」: compare names without their year."""
    return re.sub(r"\s?(?:19|20)\d\d(?:年)?$", "", name)


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence (as the sentence rules cut them) around ``pos``."""
    start = max(text.rfind(ch, 0, pos) for ch in "。!?\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。!?\n") if i >= 0]
    return start, min(ends) + 1 if ends else len(text)


def _full_names(names: list[str]) -> dict[str, str]:
    """Short person names that stand for exactly one longer name of the document.

    A kanji family name is the start of the full name (鈴木 -> 鈴木英敬); a katakana one
    is its last part (ボナッチーニ -> ステファノ・ボナッチーニ).
    """
    out: dict[str, str] = {}
    distinct = set(names)
    for short in distinct:
        if len(short) < 2:
            continue
        longer = {
            n
            for n in distinct
            if len(n) > len(short)
            and (
                (re.fullmatch(r"[\u4e00-\u9fff々]+", short) and n.startswith(short))
                or n.endswith("・" + short)
                or n.startswith(short + "・")
            )
        }
        if len(longer) == 1:
            out[short] = longer.pop()
    # the same foreign name spelt two ways on one page (グエン・タイン・ロン, later グエン・タン・ロン)
    ordered = list(dict.fromkeys(names))
    for i, later in enumerate(ordered):
        if later in out:
            continue
        first = next((n for n in ordered[:i] if _spelt_alike(n, later)), None)
        if first is not None:
            out[later] = out.get(first, first)
    return out


def _spelt_alike(a: str, b: str) -> bool:
    """Two katakana names of as many parts, all alike but one, and that one close in sound and length."""
    pa, pb = a.split("・"), b.split("・")
    if len(pa) < 2 or len(pa) != len(pb) or not re.fullmatch(r"[\u30a1-\u30fa\u30fc・]+", a + b):
        return False
    differ = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
    return len(differ) == 1 and fuzz.ratio(*differ[0]) >= 75


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.length < outer.length


def _closest(before: list[Mention]) -> Mention | None:
    """The mention ending last (the longest of those), not a place nested in its name."""
    return max(before, key=lambda m: (m.end, m.length)) if before else None


def _role(between: str) -> str | None:
    text = re.sub(r"^\s*(?:の|である)?\s*", "", between).strip()
    text = re.sub(r"\s*(?:である|の)\s*$", "", text).strip()
    text = text.strip(" ・")
    for h in HONORIFICS:
        text = text.removesuffix(h)
    return text[:80] or None


def _sectors(text: str, strict: bool = True) -> list[str]:
    """Sector ids named in ``text`` (broad words only next to 分野/産業/領域 when strict)."""
    found: list[str] = []
    covered: list[tuple[int, int]] = []
    for word in sorted(SECTOR_WORDS, key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if any(m.start() < ce and cs < m.end() for cs, ce in covered):
                continue
            if (
                strict
                and word in WEAK_SECTOR_WORDS
                and not re.match(r"[・、やと]?.{0,12}(?:分野|産業|領域)", text[m.end() :])
            ):
                continue
            covered.append((m.start(), m.end()))
            sector = SECTOR_WORDS[word]
            if sector not in found:
                found.append(sector)
    return found


def extract_relations(
    doc: Document, mentions: list[Mention], gaz: Gazetteer | None = None, parse: Any = None
) -> Extraction:
    """Local entities and facts of one document; ``parse`` (a spaCy Doc with GiNZA's
    dependency parse) lets the argument rules read verbs' subjects and objects."""
    return _Builder(doc, mentions, gaz, parse).run()
