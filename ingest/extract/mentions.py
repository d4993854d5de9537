"""Entity mentions: GiNZA's named entities, repaired and overridden by rules.

Order of trust: gazetteer matches and suffix-built organisation names beat
GiNZA's labels (which are weak for organisations and split katakana names);
person patterns (katakana joined across ・ up to 氏 or a title) beat GiNZA's
person spans. Titles and honorifics never end up inside a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.model import EntityType, EventKind, OrganisationKind, PlaceKind
from ingest.extract.gazetteer import GazEntry, Gazetteer
from ingest.extract.lexicon import (
    DEPARTMENT_SUFFIXES,
    EVENT_WORDS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    LEGAL_PREFIXES,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    SECTOR_WORDS,
    TITLES,
)

ORG, PERSON, PLACE, EVENT = EntityType.ORGANISATION, EntityType.PERSON, EntityType.PLACE, EntityType.EVENT

# GiNZA (extended named entity hierarchy) labels -> our types; anything else is ignored.
LABELS: dict[str, tuple[EntityType, str | None]] = {
    "Person": (PERSON, None),
    "Country": (PLACE, PlaceKind.COUNTRY.value),
    "Province": (PLACE, PlaceKind.REGION.value),
    "City": (PLACE, PlaceKind.CITY.value),
    "County": (PLACE, PlaceKind.DISTRICT.value),
    "GPE_Other": (PLACE, PlaceKind.REGION.value),
    "Domestic_Region": (PLACE, PlaceKind.AREA.value),
    "Company": (ORG, OrganisationKind.COMPANY.value),
    "Company_Group": (ORG, OrganisationKind.COMPANY.value),
    "Corporation_Other": (ORG, OrganisationKind.OTHER.value),
    "Organization_Other": (ORG, OrganisationKind.OTHER.value),
    "International_Organization": (ORG, OrganisationKind.OTHER.value),
    "Political_Organization_Other": (ORG, OrganisationKind.OTHER.value),
    "Government": (ORG, OrganisationKind.GOVERNMENT_BODY.value),
    "Public_Institution": (ORG, OrganisationKind.GOVERNMENT_BODY.value),
    "Research_Institute": (ORG, OrganisationKind.RESEARCH_INSTITUTE.value),
    "School": (ORG, OrganisationKind.UNIVERSITY.value),
    "Show_Organization": (ORG, OrganisationKind.OTHER.value),
    "Conference": (EVENT, EventKind.CONFERENCE.value),
    "Occasion_Other": (EVENT, EventKind.MEETING.value),
}
_KATAKANA_NAME = r"[\u30a1-\u30fa\u30fc]+"
# Kanji for names, with the rarer ideographs some names are written in (𠮷, 﨑: extension blocks, compatibility forms).
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_PERSON_KATAKANA = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])({_KATAKANA_NAME}(?:[・=][ ]?{_KATAKANA_NAME})+)[ ]?"
    r"(?=氏|さん|様|博士|大使|駐日|総領事|大統領|首相|所長|会長|社長|教授|州知事|州首相|県知事|副知事|知事|副市長|市長|長官|副委員長|委員長|大臣|議長|代表|"
    r"局長|理事|学長|副学長|病院長|処長|郷長|県長|特命全権大使|上席商務官|商務官|参事官|総領事|領事|書記官|准教授|"
    r"研究員|部長|課長|室長|会頭|議員|次官|副大臣|事務局長|事務総長|副社長|副会長|取締役|CEO|\(\d{1,3}\))"
)
# 「…州議長 ダミアン・アラリ」: a post, a space, then a katakana name (a list of signatories).
_NAME_AFTER_POST = re.compile(
    r"(?:" + "|".join(TITLES) + rf")[ \u3000]+({_KATAKANA_NAME}(?:・{_KATAKANA_NAME})+)"
    r"(?=[ \u3000]*(?:$|氏|さん|様|、))",
    re.MULTILINE,
)
_KATAKANA_BEFORE_POST = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])({_KATAKANA_NAME}(?:・{_KATAKANA_NAME})+)([{_KANJI}]{{1,5}}?)"
    r"(?=" + "|".join(t for t in TITLES if re.fullmatch(r"[\u4e00-\u9fff]+", t)) + ")"
)
_TITLE_PERSON = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])({_KATAKANA_NAME})(?=大統領|首相|所長|大使|駐日|会長|社長|博士|教授|氏|知事|市長)"
)
_LATIN_PERSON = re.compile(r"(?:Dr\.\s?|Prof\.\s?)([A-Z][a-z]+)|\b([A-Z][a-z]+)(?=博士|教授|氏)")
_ALIAS_PAREN = re.compile(r"\(([A-Za-z][A-Za-z0-9&.\- ]{1,15}|[\u30a1-\u30fa\u30fc]{2,10})\)")
_ALIAS_IKA = re.compile(r"\(以下[、,]?\s*[「\"“『]([^」\"”』]{1,30})[」\"”』]\s*(?:と(?:いう|呼ぶ|称する|略す))?\)?")
# 「岡本栄・伊賀市長」, 「王浩・浙江省副省長」 (a deputy: 副, and the unit again before 長)
_HEAD_POST = re.compile(
    r"・([\u4e00-\u9fff]{1,4}?)(市|県|町|村|区|州|省)(?:副(?:市|県|町|村|区|州|省)?)?(?:長|知事|首相)"
)
_BODY_SLOT_BEFORE = ("務める", "勤める", "所属する", "である")
_BODY_SLOT_AFTER = re.compile(r"(?:と|が|は)(?:の)?(?:連携|協力|共同|覚書|協定|提携|主催|共催)")
_COMPANY_SHA = re.compile(
    r"(?<![A-Za-z0-9\u30a1-\u30fa\u30fc・])([A-Z][A-Za-z0-9&.\-]{1,30}|[\u30a1-\u30fa\u30fc]{3,}(?:・[\u30a1-\u30fa\u30fc]+)*)社"
    r"(?![会長員内外屋殿])"
)
_PART_OF_REGION = re.compile(r"県?(?:北|南|東|西|央|中)部?[\u4e00-\u9fff]{0,4}?地域")
_REGION_SUFFIX = re.compile(r"(?:道|省|州|県)(?=知事|庁|政府|議会|内|[^\u4e00-\u9fff]|$)")
_PLACE_CHARS = ("区", "州", "市", "県", "省", "府", "都", "町", "村", "鎮", "郷")
_GENERIC_PLACES = {
    "府政府",
    "全州",
    "各州",
    "全省",
    "省都",
    "首都",
    "州都",
    "県都",
    "都市",
    "都府",
    "同省",
    "同県",
    "同市",
    "同区",
    "同州",
    "全県",
    "全市",
    "各省",
    "各県",
    "県内",
    "市内",
    "省内",
    "区内",
    "地区",
    "自治区",
    "東京都",
    # 台中|市政府: a place's government cut from the place's name, not a place
    "区政府",
    "市政府",
    "県政府",
    "州政府",
    "省政府",
}
_AREA = re.compile(r"(?:東北部|東北地方|西北部|東南部|西南部|北部|南部|東部|西部|中部|沿岸部|内陸部)")
_KATAKANA_BODY = re.compile(
    r"(?<![\u30a1-\u30fa\u30fc・])([\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)+)\s?\(([^()]{2,10})\)"
)
_QUOTED_EVENT = re.compile(
    r"(?P<w1>ウェビナー|シンポジウム|セミナー|フォーラム|会議|大会|講演会|展示会|見本市|博覧会|商談会|交流会|説明会"
    r"|(?<=[\u4e00-\u9fff\u30a1-\u30fa\u30fc])展)\s*「(?P<t1>[^「」]{4,80})」"
    r"|「(?P<t2>[^「」]{4,80})」\s*(?:と題し(?:た|て)?)?\s*(?P<w2>ウェビナー|シンポジウム|セミナー|フォーラム|会議|大会|講演会)?"
)
_QUOTED_NAME = re.compile(r"「([^「」]{3,40})」")
_TITLE_ALT = "|".join(re.escape(t) for t in TITLES)
# Title then a person's name and honorific: what follows an affiliation on a programme.
_BEFORE_TITLE = re.compile(rf"\s?(?:{_TITLE_ALT})(?:・|\s)[^\n|、。]{{0,40}}?(?:氏|さん|様)")
# 「… ・ X マネージャー Y氏」: a katakana-joined or Latin name, (a role phrase,) a title, a person.
_PROGRAMME_BODY = re.compile(
    r"(?:(?<=[・|])|(?<=^))\s?(?P<n>[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]+)+|[A-Z][A-Za-z0-9]{2,})"
    rf"(?= (?:\S+ )?(?:{_TITLE_ALT}) \S[^\n|]{{0,20}}?(?:氏|さん|様))",
    re.MULTILINE,
)
_KATAKANA_JOINED = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]+)+")
# A katakana name introduced by an org-type noun: 「支援機関であるX」, 「クラスター「X」」.
_INTRO_ORG = re.compile(
    r"(?:機関|団体|組織|クラスター|ネットワーク|企業|会社|ベンチャー|スタートアップ|協会|財団|エージェンシー"
    r"|キャピタル|ファンド|アクセラレーター)(?:である|の|、)?\s?"
    r"(?:「?(?P<n>[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]+)+)(?![\u30a1-\u30fa\u30fc・])」?"
    # 「スタートアップ「ミラクル」」: one quoted word after a kind of body is that body's name
    r"|「(?P<q>[\u30a1-\u30fa\u30fcA-Za-z][\u30a1-\u30fa\u30fcA-Za-z0-9 .&-]{1,24})」)"
)
# A quoted name that something is held under or attended: 「X」に参加, 「X」を開催, 「X」の会期中.
_QUOTED_OCCASION = re.compile(
    r"「([^「」]{4,40})」\s?(?=に(?:も)?(?:参加|出席|出展)|を(?:開催|主催|共催)|の会期|が開催"
    r"|の[^\s、。「」]{0,8}(?:イベント|セミナー|シンポジウム|式典)(?:が|を|は))"
)
_SCHOOLS = ("学校", "高専", "高校", "学院")  # schools, which the organisation endings leave to the recogniser
_VENUES = ("ホテル", "庁舎", "議事堂", "会館", "ホール", "庭園", "記念館", "スタジアム")
_OFFICE_END = re.compile(r"(?:は|が|と|の|では|、|\s|$)")
_KATAKANA_STATE = re.compile(
    r"(?:[\u30a1-\u30fa\u30fc]{2,8}(?:連邦|共和国|王国)?・?)??(?P<name>[\u30a1-\u30fa\u30fc・]{2,16}(?:州|省))"
)
_GOVERNMENT = re.compile(r"(.+?)(?:" + "|".join(GOVERNMENT_WORDS) + ")")
_KANJI_PERSON = re.compile(
    rf"(?:(?<=[のは、 ・])|(?<=^))((?:[{_KANJI}]{{1,4}} )?[{_KANJI}]{{2,4}})(?=\s?氏)", re.MULTILINE
)
_PROGRAMME_ITEMS = ("講演", "挨拶", "登壇", "講師", "司会", "報告", "発表")
_UNIT = re.compile(r"[^\s、。,()「」]{1,30}?(?:本部室|部局|部|局|課|室|グループ)(?=[\s、。,()]|$)")
_UNIT_SPLIT = ("局", "部")
_REPORT_TAIL = re.compile(r"(?:の)?(?:開催|実施)?(?:報告書?|レポート|結果|概要|(?:ご|の)?案内|(?:の)?お知らせ)$")
_GENERIC_EVENT = re.compile(
    r"(?:国際|年次|全体|実務者|定例|各種)*(?:会議|博覧会|シンポジウム|フォーラム|セミナー|大会|ウェビナー)"
)
_EVENT_SLOT = re.compile(
    r"」?\s?(?:を|が|は|に|へ|も)?(?:開催|派遣|実施|主催|共催|企画|組成|参加|出席|催|行われ|行い|行っ|開か|開い|受け入れ)"
)
_CREDIT = re.compile(
    r"[(（](?:写真|編集|文|撮影|取材|記者|出典|画像|提供|翻訳)[^()（）\n]{0,3}?[:：／/][^()（）\n]{1,60}[)）]"
    # a credit line of its own: 「取材・文・写真/X」, 「撮影:X」
    r"|^[ \t]*(?:取材|文|写真|撮影|編集|構成|記者|翻訳)(?:[・、](?:取材|文|写真|撮影|編集|構成|翻訳))*"
    r"[ \t]*[:：／/][^\n]{1,40}$"
    # a news agency's dateline: 「(台北 23日 中央社)」, 「【ワシントン共同】」, 「[北京 5日 ロイター]」
    r"|[(（【\[][^()（）【】\[\]\n]{1,12}?\s?(?:\d{1,2}日\s?)?[=＝]?(?:中央社|共同|時事|新華社|聯合|ロイター|AFP|AP|ブルームバーグ)"
    r"(?:通信)?[)）】\]]",
    re.MULTILINE,
)
# Event words that never end a body's name (unlike 協議会, 会議, フォーラム).
_HELD_ONLY = (
    "博覧会", "万博", "展示会", "見本市", "セミナー", "シンポジウム",
    "ウェビナー", "カンファレンス", "商談会", "説明会", "Expo",
)
_STRONG = ("大学", "株式会社", "ホールディングス", "大使館", "総領事館", "研究所", "商工会議所", "協会")
_KATAKANA_STEM_COMPANY = re.compile(
    r"[\u30a1-\u30fa\u30fc]{3,}(?:電機|製作所|重工|物産|精機|製鉄|製薬|商事)"
)
_ABBREVIATED_STATE = re.compile(r"([\u30a1-\u30fa\u30fc]+(?:[・=＝][\u30a1-\u30fa\u30fc]+)*)\(([A-Z]{2,4})\)(州|省)")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_KATAKANA_STEM_BODY = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}(?:財団|機構|大学|研究所|銀行|商工会議所)")
_NOT_NAME_SUFFIXES = frozenset({"とも", "ども", "ら", "たち", "など", "等"})
_KATAKANA_UNIT = re.compile(
    r"(?<![\u30a1-\u30fa\u30fc・])([\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,})*)(地域圏|州|県|省|市)"
    r"(?![\u4e00-\u9fff\u30a1-\u30fa\u30fc])"
)
_KIND_WORDS = ("クラスター", "機関", "団体", "組織", "ネットワーク", "コミュニティ", "プラットフォーム", "企業", "財団",
               "協会", "アクセラレーター", "ファンド")
_DEICTIC = ("同", "各", "本", "当", "両", "その", "この", "全")
_EN_ORG = re.compile(
    r"\b(?:(?:Embassy|Consulate(?: General)?) of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?(?: in [A-Z][a-z]+)?"
    r"|University of [A-Z][a-z]+"
    r"|(?:[A-Z][A-Za-z&-]+ ){1,5}(?:University|Chamber of Commerce(?: and Industry)?|Agency|Institute|Association|"
    r"Council|Centre|Center|Corporation|Foundation|Bureau|Ministry|Cluster|Alliance))\b"
)
_OFFICE = re.compile(r"(?:\s|の)?([^\s、。()「」・]{1,10}?(?:事務所|支部|支社|支店|オフィス))")
_PUNCT_OK = {"・", "&", "-", "/"}
_NAME_POS = {"NOUN", "PROPN", "NUM"}
_GENERIC = {
    "企業",
    "会社",
    "政府",
    "大学",
    "国立大学",
    "公立大学",
    "私立大学",
    "県立大学",
    "市立大学",
    "機関",
    "団体",
    "組織",
    "センター",
    "協会",
    "グループ",
    "事務所",
    "本社",
    "当局",
    "行政機関",
    "地方自治体",
    "自治体",
    "研究機関",
    "医療機関",
    "クラスター",
    "アライアンス",
    "代表団",
    "局",
}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: EntityType
    kind: str | None
    source: str  # gazetteer | suffix | pattern | ner | alias
    entry: GazEntry | None = None
    aliases: list[str] = field(default_factory=list)
    legal_name: str | None = None  # the name with its legal-form prefix
    confidence: float = 0.7
    parent_start: int | None = None  # for sub-units: where the parent mention starts

    @property
    def length(self) -> int:
        return self.end - self.start


def _org_kind(text: str) -> str | None:
    for suffix, kind in ORG_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return kind.value
    return None


def _place_kind(text: str) -> str | None:
    for suffix, kind in PLACE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return kind.value
    return None


def _event_kind(text: str) -> str | None:
    for word, kind in EVENT_WORDS:
        if text.endswith(word) and len(text) > len(word):
            return kind.value
    return None


_POST_JOIN = re.compile(rf"(?:{_TITLE_ALT})・")


def _split_at_posts(text: str, tokens: list[Any], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """「A協力センター専務理事・B商工会議所」: a post and ・ between two bodies (one person's two
    affiliations) end the first body's name; the second starts after the ・."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        s, e = tokens[a].idx, tokens[b - 1].idx + len(tokens[b - 1].text)
        join = _POST_JOIN.search(text, s, e + 8)  # the post may run on past the run: 「…センター専務」+「理事・」
        starts = {tok.idx: i for i, tok in enumerate(tokens[a:b], a)}
        post = starts.get(join.start()) if join and join.start() < e else None
        if join is None or post is None:
            out.append((a, b))
            continue
        if post > a:
            out.append((a, post))
        dot = starts.get(join.end() - 1)
        if dot is not None and dot + 1 < b:
            out.append((dot + 1, b))
    return out


def _is_title(text: str) -> bool:
    return text in TITLES or text in HONORIFICS


def _strip_legal(text: str) -> tuple[str, str | None]:
    for prefix in LEGAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            return text[len(prefix) :].lstrip(), text
    return text, None


def _noun_runs(doc: Any, tokens: list[Any] | None = None) -> list[tuple[int, int]]:
    """Token index ranges of name-like runs (nouns, proper nouns, ・ joins, Latin)."""
    runs: list[tuple[int, int]] = []
    start = None
    tokens = tokens if tokens is not None else list(doc)
    for i, tok in enumerate(tokens):
        text = tok.text
        if text.isspace() or tok.tag_.startswith(("空白", "代名詞")):
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        if start is None and (tok.tag_.startswith("接尾辞") or text in _PUNCT_OK or tok.pos_ == "NUM"):
            continue
        if text in _NOT_NAME_SUFFIXES:  # 「X財団とも協力」: とも is a particle the tagger calls a suffix
            if start is not None:
                runs.append((start, i))
                start = None
            continue
        ok = (
            tok.pos_ in _NAME_POS
            or tok.tag_.startswith(("接頭辞", "接尾辞-名詞", "名詞-固有名詞"))
            or (tok.tag_.startswith("名詞-普通名詞") and re.fullmatch(r"[\u30a1-\u30fa\u30fc]{2,}", text) is not None)
            or (text in _PUNCT_OK and start is not None and i + 1 < len(tokens) and tokens[i + 1].pos_ in _NAME_POS)
            or (text.isascii() and text.isalnum())
        )
        if ok and start is not None and i > 0 and tokens[i - 1].whitespace_:
            prev = tokens[i - 1].text
            if not (prev.isascii() and prev.isalpha() and (text.isascii() or re.match(r"[\u30a1-\u30fa]", text))):
                runs.append((start, i))
                start = None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        ends_here = nxt is None or bool(tok.whitespace_) or nxt.pos_ not in _NAME_POS or "人名" in nxt.tag_
        if ok and _is_title(text) and start is not None and ends_here:
            runs.append((start, i))
            start = None
            continue
        if ok:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(tokens)))
    return runs


def _proper(doc: Any, a: int, b: int, places: list[tuple[int, int]]) -> bool:
    """A run names something specific: a proper noun, Latin letters, a known place or quotes."""
    for tok in doc[a:b]:
        if "固有名詞" in tok.tag_ or re.search(r"[A-Za-z]", tok.text):
            return True
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return any(ps >= s and pe <= e for ps, pe in places)


def recognise(doc: Any, text: str, gaz: Gazetteer) -> list[Mention]:
    """All mentions in a parsed document, non-overlapping, in text order."""
    every = list(doc)  # made once: each pass over a Doc builds its Token objects again
    tokens = [(t.idx, t.idx + len(t.text)) for t in every if not t.text.isspace()]
    candidates: list[Mention] = []
    # 1. gazetteer
    found_gaz = gaz.find(text, tokens)
    ends = {gm.end for gm in found_gaz}
    starts = {gm.start for gm in found_gaz}
    for gm in found_gaz:
        after = text[gm.end : gm.end + 1]
        if gm.entry.type is PLACE and after in ("人", "語", "系", "製", "産", "風"):
            continue
        if gm.entry.type is PLACE and text[gm.start : gm.end] in _GENERIC_PLACES:
            continue  # 「全州において」: every state, not 全州 (Jeonju), which pages write 全州市
        if gm.entry.type is PLACE and _common_word(doc, gm.start, gm.end):
            continue  # 来賓 (guests), 諸島 (islands): a place's name used as an ordinary word
        if gm.entry.type is PLACE and _glued_katakana(text, gm.start, gm.end, ends, starts):
            continue  # デルタ in ダッチ・グリーンハウス・デルタ, ディジョン in ディジョンメトロポール
        if gm.entry.type is PLACE and text.startswith(_FACILITY_HEADS, gm.end):
            continue  # 伊勢神宮, 出雲大社, 姫路城: a shrine's, a temple's or a castle's name, not the place
        if gm.entry.type is PLACE and _in_latin_name(text, gm.start, gm.end, ends):
            continue  # Delta in 「Dutch Greenhouse Delta」: the last word of a longer English name
        area = _PART_OF_REGION.match(text, gm.end)
        if gm.entry.type is PLACE and area:
            # 茨城県北臨海地域, 長野県南部地域: an area of the prefecture, named with it
            candidates.append(Mention(gm.start, area.end(), text[gm.start : area.end()], PLACE,
                                      PlaceKind.AREA.value, "suffix", confidence=0.7))
            continue
        unit = _REGION_SUFFIX.match(text, gm.end)
        if gm.entry.type is PLACE and gm.entry.kind != PlaceKind.REGION.value and unit and gm.end not in starts:
            # 済州道, 江原道: a known city's name with a province's ending names the province around it
            name = text[gm.start : unit.end()]
            candidates.append(Mention(gm.start, unit.end(), name, PLACE, PlaceKind.REGION.value, "suffix",
                                      confidence=0.75))
            continue
        candidates.append(
            Mention(
                gm.start,
                gm.end,
                text[gm.start : gm.end],
                gm.entry.type,
                gm.entry.kind,
                "gazetteer",
                gm.entry,
                confidence=0.9 if gm.entry.stored else 0.85,
            )
        )
    place_spans = [(c.start, c.end) for c in candidates]
    title_end = text.find("\n") if "\n" in text else len(text)
    gaz_places = [(c.start, c.end) for c in candidates if c.type is PLACE]
    countries = [c for c in candidates if c.type is PLACE and c.kind == PlaceKind.COUNTRY.value]
    country_ends = {c.end for c in countries}
    # 2. suffix-built organisations, places and events over noun runs
    for a, b in _split_at_posts(text, every, _noun_runs(doc, every)):
        a = _after_full_name(every, a, b)
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        run = text[s:e]
        lead = re.match(r"[・*\d.|｜]+", run)  # 「…|金沢工業大学」: a title's separator before the site's name
        if lead:
            s += lead.end()
            run = run[lead.end() :]
        # 「タイ・チュラロンコン大学」: a country and ・ before a body's name say where it is (but
        # 「タイ・中国商工会議所」 is a body of two countries)
        where = next((c for c in countries if c.start == s and text[c.end : c.end + 1] == "・"), None)
        if where is not None and e - where.end > 3 and not any(c.start == where.end + 1 for c in countries):
            run = run[where.end + 1 - s :]
            s = where.end + 1
        if len(run) < 2:
            continue
        group = re.search(r"(?:代表団|訪問団|使節団|一行|関係者)$", run)
        if group and group.group() == "使節団" and not _proper(doc, a, b, place_spans) and _EVENT_SLOT.match(text, e):
            group = None  # 「経済交流使節団を派遣」: a mission named by its purpose is an event, not a body's group
        if group and len(run) > len(group.group()) + 1:  # 「X代表団」: the body is X
            run = run[: group.start()]
            e = s + len(run)
            while b > a and doc[b - 1].idx >= e:
                b -= 1
        if re.search(r"[部局課室]長$", run) and len(run) > 4:  # 「X商工会議所国際部長」: the head of X's 国際部
            run, e = run[:-1], e - 1
            while b > a and doc[b - 1].idx >= e:
                b -= 1
        role = re.search(r"(?:主催|共催|後援|協賛)$", run)
        if role and len(run) > len(role.group()) + 1:  # 「X共催で」: the body is X
            run = run[: role.start()]
            e = s + len(run)
            while b > a and doc[b - 1].idx >= e:
                b -= 1
        name, legal = _strip_legal(run)
        offset = e - len(name)
        kind = None if re.match(r"第\d+回", name) or _KATAKANA_PROVINCE.fullmatch(name) else _org_kind(name)
        if (
            kind is None and b - a >= 2 and every[b - 1].text == "大" and every[b - 1].tag_.startswith("接尾辞")
            and "固有名詞" in every[b - 2].tag_ and offset == every[a].idx
        ):
            kind = OrganisationKind.UNIVERSITY.value  # 筑波大, 東北大: a university by its short name
        if kind is None and re.fullmatch(r".{2,}大学.{1,10}(?:校|キャンパス)", name):
            kind = OrganisationKind.UNIVERSITY.value  # インド工科大学デリー校: a university's campus
        if kind is None and name.endswith(DEPARTMENT_SUFFIXES) and _inner_org_end(name):
            kind = OrganisationKind.OTHER.value  # a division of a complete body: X大使館商務部
        if kind is None and legal and re.match(r"(?:株式|有限|合同)会社", legal) and not name.endswith(_VENUES):
            kind = OrganisationKind.COMPANY.value  # 株式会社ミヤザキ精工: the legal form says what it is
        if kind and (name.endswith(_VENUES) or any(ps > offset and pe == e for ps, pe in gaz_places)):
            kind = None  # a building (奈良ホテル, 州議事堂) or a place (中国陝西省) is not a body
        strong = any(name.endswith(x) for x in _STRONG) and len(name) >= 4 and not name.startswith(_DEICTIC)
        # A katakana name joined by ・ and ending in an org-type word names a body: メディコン・バレー・アライアンス.
        strong = strong or bool(_KATAKANA_JOINED.match(name))
        # A katakana maker's name and its trade: ボッシュ電機, ミツワ製作所 (the tagger seldom knows the name;
        # trades that also follow loanwords, such as 産業 in エネルギー産業, are left out).
        strong = strong or bool(kind == OrganisationKind.COMPANY.value and _KATAKANA_STEM_COMPANY.fullmatch(name))
        # 「工業技術研究院(ITRI)」: a body's name is what an abbreviation in brackets stands for
        strong = strong or bool(len(name) >= 4 and re.match(r"\s?\([A-Z][A-Za-z&]{1,7}\)", text[e : e + 12]))
        # 「フードバレー財団」: a katakana name before the word for a body that only names bodies
        strong = strong or bool(_KATAKANA_STEM_BODY.fullmatch(name))
        # 「台湾の工業技術研究院」: a name ending like a body, said to be a country's
        strong = strong or (len(name) >= 5 and text[offset - 1 : offset] == "の" and (offset - 1) in country_ends)
        # A body name right before a title and a person: 「X協力センター専務理事 …氏」.
        strong = strong or (len(name) >= 5 and not name.startswith(_DEICTIC) and bool(_BEFORE_TITLE.match(text, e)))
        if kind and name not in _GENERIC and (_proper(doc, a, b, place_spans) or legal or strong):
            # A sub-unit after a complete body: 機構 + クラスター推進センター.
            cut = _inner_org_end(name)
            if cut:
                parent = Mention(
                    offset,
                    offset + cut,
                    name[:cut],
                    ORG,
                    _org_kind(name[:cut]),
                    "suffix",
                    legal_name=(legal[: len(legal) - len(name) + cut] if legal else None),
                    confidence=0.75,
                )
                candidates.append(parent)
                candidates.append(
                    Mention(offset, e, name, ORG, kind, "suffix", legal_name=legal, confidence=0.7, parent_start=offset)
                )
            else:
                candidates.append(Mention(offset, e, name, ORG, kind, "suffix", legal_name=legal, confidence=0.75))
            continue
        # 「…交流会2026」: an event's name often ends in its year
        ekind = _event_kind(re.sub(r"\s?(?:19|20)\d\d$", "", name)) or (
            EventKind.MEETING.value if re.match(r"第\d+回.+(会|祭)$", name) else None
        )
        in_title = e <= title_end  # the page's title names its event (貿易・技術革新ミッション)
        # 「…ビジネスセミナーを開催」, 「貿易使節団を派遣」: a run held, sent or joined is an event
        held = _EVENT_SLOT.match(text, e) is not None
        if (
            ekind
            and (re.match(r"第\d+回", name) or _proper(doc, a, b, place_spans) or in_title or held)
            and len(name) > 4
            and not (_GENERIC_EVENT.fullmatch(name))
        ):
            candidates.append(Mention(offset, e, name, EVENT, ekind, "suffix", confidence=0.7))
            continue
        # Places by suffix: 光明区, バスク州 (token by token so 深圳市光明区 gives two).
        for i in range(a, b):
            tok = doc[i]
            if tok.text[-1:] not in _PLACE_CHARS or tok.text.endswith("政府"):
                continue  # 「…市政府」: a government, never a place named 市政府
            if len(tok.text) >= 2 and "人名" in tok.tag_:
                continue  # 吉村, 中村: a family name that ends like a village
            if len(tok.text) >= 2 and "固有名詞" in tok.tag_:
                j = i
            elif len(tok.text) == 1 and i > a:
                j = i - 1
                if len(doc[j].text) == 1 and j - 1 >= a and doc[j - 1].text[-1:] not in _PLACE_CHARS:
                    j -= 1
                # 「ウェストラント市」: a katakana name the tokenizer cut in two
                while (
                    j - 1 >= a
                    and _KATAKANA_WORD.fullmatch(doc[j].text)
                    and _KATAKANA_WORD.fullmatch(doc[j - 1].text)
                    and doc[j - 1].idx + len(doc[j - 1].text) == doc[j].idx
                ):
                    j -= 1
            else:
                continue
            ps, pe = doc[j].idx, tok.idx + len(tok.text)
            ps = _joined_start(text, ps, pe, gaz_places)
            surface = text[ps:pe]
            if "・" in surface:
                cut = _joined_start(text, ps + surface.rindex("・") + 1, pe, gaz_places)
                ps = cut if cut < pe else ps
                surface = text[ps:pe]
            if not 2 <= len(surface) <= 14 or re.search(r"[0-9]", surface) or surface in _GENERIC_PLACES:
                continue
            if surface.startswith(("友好", "姉妹")):
                continue  # 「友好県省関係」, 「姉妹州」: a kind of partnership, not a place
            if re.search(r"[省県市州]副[省県市州]$", surface):
                continue  # 「浙江省副省長」: a deputy head's post, not a place 「浙江省副省」
            if re.fullmatch(r"[\u4e00-\u9fff]州", surface) and gaz.lookup(surface) is None:
                continue  # 欧州 (Europe), 九州, 本州: a continent or an island, not a state X (広州, 貴州 are known)
            if surface.startswith(_DEICTIC) or (
                _post_fragment(doc, j, i, text, pe)
                and gaz.lookup(surface) is None
                and not re.search(re.escape(surface) + r"(?!長)", text)
            ):
                continue
            pk = _place_kind(surface)
            if _ministry(surface, gaz):
                # 「経済省」, 「観光省」: a field of government and 省 name a ministry, not a province
                candidates.append(Mention(ps, pe, surface, ORG, OrganisationKind.GOVERNMENT_BODY.value, "suffix",
                                          confidence=0.65))
                continue
            if pk and (
                any("固有名詞" in t.tag_ for t in doc[j : i + 1])
                or re.fullmatch(r"[\u30a1-\u30fa\u30fc]{2,}(?:州|省|市)", surface)
                or doc[j].ent_type_ in LABELS
            ):
                inner = re.match(r"(.{2,4}?[都道府県])(.{2,})$", surface)
                outer = gaz.lookup(inner.group(1)) if inner else None
                if inner and outer is not None and outer.type is PLACE and _place_kind(inner.group(2)):
                    # one token for two places: 熊本県南阿蘇村 is 熊本県 and its village 南阿蘇村
                    cut = ps + len(inner.group(1))
                    candidates.append(Mention(ps, cut, inner.group(1), PLACE, outer.kind, "gazetteer", outer,
                                              confidence=0.85))
                    candidates.append(Mention(cut, pe, inner.group(2), PLACE, _place_kind(inner.group(2)), "suffix",
                                              confidence=0.7, parent_start=ps))
                    continue
                candidates.append(Mention(ps, pe, surface, PLACE, pk, "suffix", confidence=0.7))
    candidates += _provinces_in_do(every, text)
    # 「フィンランド・オウル地域」: a katakana name and 地域 after a country and ・ name a region of it
    ends = {c.end for c in countries}
    for m in _KATAKANA_AREA.finditer(text):
        if m.start() - 1 in ends:
            candidates.append(Mention(m.start(), m.end(), m.group(), PLACE, PlaceKind.REGION.value, "suffix",
                                      confidence=0.65))
    # 「SkyDrive社」, 「テラドローン社」: a Latin or katakana name marked as a company by 社.
    for m in _COMPANY_SHA.finditer(text):
        candidates.append(Mention(m.start(1), m.end(1), m.group(1), ORG, OrganisationKind.COMPANY.value, "pattern",
                                  legal_name=m.group(), confidence=0.7))
    # A state named by its Latin initials: BW州, NRW州.
    for m in re.finditer(r"(?<![A-Za-z])[A-Z]{2,4}(?:州|省)", text):
        candidates.append(Mention(m.start(), m.end(), m.group(), PLACE, PlaceKind.REGION.value, "suffix",
                                  confidence=0.65))
    # Areas: a country and a direction (ドイツ北部, 中国東北地方).
    for c in [c for c in candidates if c.type is PLACE and c.kind == PlaceKind.COUNTRY.value]:
        area = _AREA.match(text, c.end)
        if area:
            candidates.append(
                Mention(
                    c.start,
                    area.end(),
                    text[c.start : area.end()],
                    PLACE,
                    PlaceKind.AREA.value,
                    "suffix",
                    confidence=0.65,
                    parent_start=c.start,
                )
            )
    # Bodies named in katakana with their country in brackets: 「ライフ・サイエンス・ノルド (ドイツ)」.
    for m in _KATAKANA_BODY.finditer(text):
        country = m.group(2)
        if any(c.start == m.start(2) and c.kind == PlaceKind.COUNTRY.value for c in candidates) or country in ("日本",):
            tail = text[m.end() : m.end() + 2]
            if not tail.startswith(HONORIFICS):
                candidates.append(
                    Mention(
                        m.start(1), m.end(1), m.group(1), ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6
                    )
                )
    # Events named in quotes next to an event word: ウェビナー「…」, 「…」と題し(た)ウェビナー.
    for m in _QUOTED_EVENT.finditer(text):
        title = m.group("t1") or m.group("t2")
        word = m.group("w1") or m.group("w2")
        if word is None and "と題し" in m.group(0):
            near = re.findall(
                r"ウェビナー|シンポジウム|セミナー|フォーラム|会議|大会|講演会",
                text[max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1 : m.start()],
            )
            word = near[-1] if near else None
        if title and word and not _event_kind(title):
            kind = next((k.value for w, k in EVENT_WORDS if w == word), None) or (
                EventKind.EXHIBITION.value if word == "展" else EventKind.MEETING.value
            )
            start = m.start("t1") if m.group("t1") else m.start("t2")
            candidates.append(Mention(start, start + len(title), title, EVENT, kind, "pattern", confidence=0.6))
    for m in _INTRO_ORG.finditer(text):
        part = "n" if m.group("n") else "q"
        if not text[m.end() : m.end() + 3].lstrip().startswith((*HONORIFICS, *TITLES)):
            candidates.append(
                Mention(m.start(part), m.end(part), m.group(part), ORG, OrganisationKind.OTHER.value, "pattern",
                        confidence=0.6)
            )
    for m in _PROGRAMME_BODY.finditer(text):
        candidates.append(
            Mention(
                m.start("n"), m.end("n"), m.group("n"), ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6
            )
        )
    for m in _QUOTED_OCCASION.finditer(text):
        name = m.group(1)
        if not _org_kind(name) and not re.search(r"[。、]", name):
            kind = _event_kind(re.sub(r"\d+$", "", name)) or EventKind.MEETING.value
            candidates.append(Mention(m.start(1), m.end(1), name, EVENT, kind, "pattern", confidence=0.6))
    for m in _QUOTED_NAME.finditer(text):
        name = m.group(1)
        ekind = _event_kind(re.sub(r"\d+$", "", name))
        if ekind:
            candidates.append(Mention(m.start(1), m.end(1), name, EVENT, ekind, "pattern", confidence=0.65))
        elif (_org_kind(name) or name.endswith(_QUOTED_BODY)) and not re.search(r"[、。の]", name):
            # 「東京21cクラブ」: a quoted name ending like a body is one, whatever its middle
            kind = _org_kind(name) or OrganisationKind.ASSOCIATION.value
            candidates.append(Mention(m.start(1), m.end(1), name, ORG, kind, "pattern", confidence=0.65))
    candidates += _listed_bodies(text)
    candidates += _programmes(text)
    candidates += _bodies_by_kind(every, text, gaz)
    # Kanji names before 氏 that GiNZA missed (「党部書記の厳衛群氏」).
    for m in _KANJI_PERSON.finditer(text):
        name, start = m.group(1), m.start(1)
        if " " in name:
            first, rest = name.split(" ", 1)
            # a post (「理事長 山田太郎氏」) or a programme's item (「基調講演 山田太郎氏」) before the name
            if first in TITLES or first.endswith(("長", "官", "員", "者", "役", *_PROGRAMME_ITEMS)):
                name, start = rest, start + len(first) + 1
        if name[0] not in "同両各本当貴" and name not in TITLES:
            candidates.append(Mention(start, start + len(name), name, PERSON, None, "pattern", confidence=0.6))
    # Departments after a governing place: 三重県雇用経済部 国際戦略課 -> two nested units.
    for c in [c for c in candidates if c.type is PLACE and c.kind in ("region", "city", "district")]:
        pos, names = c.end, [c.text]
        while True:
            unit = _UNIT.match(text, pos + (1 if text[pos : pos + 1] == " " else 0))
            if not unit or unit.group().endswith(TITLES) or unit.group() in TITLES:
                break
            parts = _split_units(unit.group())
            for part in parts:
                names.append(part)
                full = "".join(names)
                cand = Mention(
                    c.start,
                    unit.end(),
                    full,
                    ORG,
                    OrganisationKind.GOVERNMENT_BODY.value,
                    "pattern",
                    confidence=0.6,
                    parent_start=c.start,
                )
                cand.aliases.append(names[-2] + part) if len(names) > 2 else None
                if part is not parts[-1]:
                    cand.end = unit.start() + unit.group().index(part) + len(part)
                candidates.append(cand)
            pos = unit.end()
    # English organisation names (Embassy of X in Y, University of X, … Agency).
    for m in _EN_ORG.finditer(text):
        name = re.sub(r"^(?:The|the) ", "", m.group())
        kind = (
            OrganisationKind.EMBASSY.value
            if name.startswith(("Embassy", "Consulate"))
            else (_org_kind(name) or OrganisationKind.OTHER.value)
        )
        candidates.append(Mention(m.end() - len(name), m.end(), name, ORG, kind, "pattern", confidence=0.7))
    # Offices of a body: 「X パリ事務所」, 「Xの東京事務所と福岡事務所」 -> sub-units of X.
    for c in [c for c in candidates if c.type is ORG and c.parent_start is None]:
        office = _OFFICE.match(text, c.end)
        while office:
            office_name = office.group(1)
            if _org_kind(office_name) and not office_name.startswith(_DEICTIC):
                full = c.text + office_name
                start = c.start if office.start() == c.end else office.start(1)
                candidates.append(
                    Mention(
                        start,
                        office.end(1),
                        full,
                        ORG,
                        OrganisationKind.OTHER.value,
                        "suffix",
                        confidence=0.65,
                        parent_start=c.start,
                    )
                )
            nxt = re.match(r"と|、|及び", text[office.end() : office.end() + 2])
            office = _OFFICE.match(text, office.end() + nxt.end()) if nxt else None
            if office and _names_body(re.sub(r"(?:事務所|支部|支社|支店|オフィス)$", "", office.group(1))):
                office = None  # 「…、台湾貿易センター高雄事務所」: the office of another body named in full
    # 3. persons by pattern
    candidates += _tagged_persons(doc, text, {ps for ps, _pe in place_spans}, every)
    candidates += _posted_names(doc, text)
    for m in _POST_COLON_NAME.finditer(text):
        # 「X大学(学長:受田浩之)」, 「団長:山田太郎」: a post, a colon, then the holder's name
        toks = _tokens_at(doc, m.start("n"), m.end("n"))
        if toks and (any("人名" in t.tag_ for t in toks) or "・" in m.group("n")):
            candidates.append(Mention(m.start("n"), m.end("n"), m.group("n"), PERSON, None, "pattern", confidence=0.7))
    posted: list[tuple[int, int]] = []
    for m in _KATAKANA_BEFORE_POST.finditer(text):
        # 「ケビン・メセベルー観光局長」, 「ソムチャイ・ウォン工業大臣」: a foreign name (its first part tagged as a
        # person's name), then the field of the post; a body's name before a post starts with an ordinary word
        first = _tokens_at(doc, m.start(1), m.start(1) + len(m.group(1).split("・")[0]))
        if first and "人名" in first[0].tag_ and m.group(2)[0] not in (*_PLACE_CHARS, "社"):
            candidates.append(Mention(m.start(1), m.end(1), m.group(1), PERSON, None, "pattern", confidence=0.75))
            posted.append((m.start(1), m.end(2)))
    for m in _NAME_AFTER_POST.finditer(text):
        # 「…州議長 ダミアン・アラリ」: a signatory list gives the post, then the name
        candidates.append(Mention(m.start(1), m.end(1), m.group(1), PERSON, None, "pattern", confidence=0.7))
    for m in _PERSON_KATAKANA.finditer(text):
        name = re.sub(r"・\s+", "・", m.group(1))
        if text.startswith("州", m.end(1)) and re.search(re.escape(name) + r"州(?!知事|首相)", text):
            continue  # 「X州知事」 where X州 is named elsewhere: the governor of a place, not a person X
        kind = _org_kind(name)
        if kind is not None and name.rsplit("・", 1)[-1] != name:
            # 「デンマーク・デザインセンター所長」: a body's name before its head's post, not a person
            candidates.append(Mention(m.start(1), m.end(1), name, ORG, kind, "pattern", confidence=0.7))
            continue
        end = m.end(1)
        place = _place_in_name(doc, text, name, end, gaz)
        if place is not None:
            # 「アナ・パラシェ・クイーンズランド州首相」: the name's last part and the post's ending are the place
            candidates.append(place)
            name, end = name.rsplit("・", 1)[0], m.start(1) + m.group(1).rindex("・")
        candidates.append(Mention(m.start(1), end, name, PERSON, None, "pattern", confidence=0.8))
    for m in _TITLE_PERSON.finditer(text):
        head = text.startswith(("知事", "市長"), m.end(1))
        if head and (((e := gaz.lookup(m.group(1))) is not None and e.type is PLACE) or m.group(1) + "市" in text):
            continue  # 「ソウル市長」: the head of a place, not a person ソウル
        if len(m.group(1)) >= 3:
            candidates.append(Mention(m.start(1), m.end(1), m.group(1), PERSON, None, "pattern", confidence=0.7))
    for m in _LATIN_PERSON.finditer(text):
        g = 1 if m.group(1) else 2
        candidates.append(Mention(m.start(g), m.end(g), m.group(g), PERSON, None, "pattern", confidence=0.65))
    # 4. GiNZA entities
    for ent in doc.ents:
        mapped = LABELS.get(ent.label_)
        if not mapped:
            continue
        etype, kind = mapped
        s, e = ent.start_char, ent.end_char
        surface = text[s:e]
        if surface != surface.rstrip():  # the recogniser can run a title line into the blank after it
            e = s + len(surface.rstrip())
            surface = text[s:e]
        if etype is EVENT:
            # 「…視察ツアー報告」: a page's title names the event it reports on, not the report
            report = _REPORT_TAIL.search(surface)
            if report and report.start() >= 4:
                e = s + report.start()
                surface = text[s:e]
        if etype is PERSON:
            surface, s, e = _person_span(text, s, e)
            rest = _NAME_REST.match(text, e)
            if (
                rest and re.fullmatch(rf"[{_KANJI}々]+", surface) and len(surface) + len(rest.group(1)) <= 5
                and not set(rest.group(1)) & {*_NOT_SURNAME, *_PLACE_CHARS}
                and (
                    all("人名" in t.tag_ for t in _tokens_at(doc, e, rest.end()))
                    or any("記号" in t.tag_ for t in _tokens_at(doc, s, e))
                )
            ):
                # 「山岡𠮷生教授」: a kanji the dictionary lacks (tagged a mark) cuts the name before its end
                surface, e = surface + rest.group(1), e + len(rest.group(1))
            if len(surface) < 2 or not _person_ok(doc, ent, text, e) or _common_word(doc, s, e, person=True):
                continue  # 両国 (both countries) is a word, not someone's name
            if _glued_katakana(text, s, e, set(), set()):
                continue  # ルカ in ルカイ族: part of a longer katakana word
            candidates.append(Mention(s, e, surface, PERSON, None, "ner", confidence=0.7))
        elif etype is ORG:
            if "|" in surface:  # 「X大学|国際交流|…」: a title's separators end the name
                parts = [p for p in surface.split("|") if _org_kind(p)]
                if not parts:
                    continue
                s += surface.index(parts[0])
                e = s + len(parts[0])
                surface = parts[0]
            post = re.search(r"(?<=[局部課室所])長$", surface)
            if post:  # 「札幌市経済局長」: the unit, then its head's post
                e -= 1
                surface = text[s:e]
            name, legal = _strip_legal(surface)
            if name in SECTOR_WORDS or _GENERIC_EVENT.fullmatch(name) or (name.isascii() and _glued(text, s, e)):
                continue
            if name.endswith(_VENUES):
                continue
            if any(c.type is PLACE and c.start == s and c.end == e for c in candidates):
                continue  # 中国東北部 tagged a body: an area by its ending (東北部)
            covered = {i for ps, pe in gaz_places for i in range(ps, pe)}
            if all(i in covered for i in range(e - len(name), e)):
                continue  # 中国河南省 tagged a government: places only, the places stand for it
            if name.endswith(("空港", "港", "駅")):
                candidates.append(Mention(s, e, name, PLACE, PlaceKind.AREA.value, "ner", confidence=0.5))
                continue
            if (
                name in _GENERIC
                or len(name) < 2
                or re.search(r"[\"「」()/]|以下", name)
                or (" " in name and not name.isascii())
            ):
                continue
            if not (
                re.fullmatch(r"[A-Za-z0-9]*[A-Z][A-Za-z0-9]*", name)
                or any("固有名詞" in t.tag_ for t in ent)
                or (len(name) >= 6 and _org_kind(name) and text[max(0, s - 8) : s].endswith(_BODY_SLOT_BEFORE))
                or (len(name) >= 6 and _org_kind(name) and _BODY_SLOT_AFTER.match(text, e) is not None)
            ):  # 「…を務める医療産業都市推進機構」: common words, but in a body's slot and ending like one
                continue
            if re.search(r"[A-Za-z]", name) and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .&-]*", name):
                continue
            proper = [t for t in ent if "固有名詞" in t.tag_]
            if (
                proper and all("地名" in t.tag_ for t in proper)
                and not (_org_kind(name) or legal or name.isascii() or name.endswith(("団", "一行", *_SCHOOLS)))
            ):
                continue  # オランダ園芸, 東京オリンピック: a place and ordinary words, no body's ending
            candidates.append(
                Mention(e - len(name), e, name, ORG, _org_kind(name) or kind, "ner", legal_name=legal, confidence=0.55)
            )
        elif etype is PLACE and _ministry(surface, gaz):
            candidates.append(Mention(s, e, surface, ORG, OrganisationKind.GOVERNMENT_BODY.value, "ner",
                                      confidence=0.55))
        elif etype is PLACE:
            pk = _place_kind(surface)
            if re.fullmatch(r"[\u4e00-\u9fff]州", surface) and gaz.lookup(surface) is None:
                pk = None  # 欧州, 九州: no state
            if pk and len(surface) >= 2 and surface not in _GENERIC_PLACES and not surface.startswith(_DEICTIC):
                candidates.append(Mention(s, e, surface, PLACE, pk, "ner", confidence=0.55))
        elif etype is EVENT and re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", surface):
            # a CamelCase word tagged as an event is a body's brand (BusinessOulu, EnterEspoo)
            candidates.append(Mention(s, e, surface, ORG, OrganisationKind.OTHER.value, "ner", confidence=0.5))
        elif (
            etype is EVENT
            and len(surface) >= 4
            and " " not in surface
            and "の" not in surface
            and not any(t in surface for t in TITLES)
        ):
            candidates.append(Mention(s, e, surface, EVENT, _event_kind(surface) or kind, "ner", confidence=0.5))
    # 「ウーシマー県(…)」, 「オクシタニー地域圏」: a katakana name and a unit's ending, which the tokenizer can glue
    # to a bracket or split from its name; a country before it (フィンランド・) only locates it.
    for m in _KATAKANA_UNIT.finditer(text):
        parts = m.group(1).split("・")
        while len(parts) > 1 and (entry := gaz.lookup(parts[0])) is not None and entry.type is PLACE:
            parts = parts[1:]
        name = "・".join(parts) + m.group(2)
        start = m.end() - len(name)
        if not any(c.start <= start and m.end() <= c.end for c in candidates):
            kind = PlaceKind.REGION.value if m.group(2) != "市" else PlaceKind.CITY.value
            candidates.append(Mention(start, m.end(), name, PLACE, kind, "suffix", confidence=0.65))
    candidates += _signing_parties(every, text, candidates)
    # 「イノベーション・ノルウェー」, 「ビジネス・フィンランド」: a word before a country's name names its agency.
    for m in _KATAKANA_JOINED.finditer(text):
        parts = m.group().split("・")
        if len(parts) != 2 or text[m.end() : m.end() + 1] in _PLACE_CHARS or text[m.end() : m.end() + 3] == "地域圏":
            continue
        first, last = gaz.lookup(parts[0]), gaz.lookup(parts[1])
        # the country last (「フランス・パリ」, 「シンガポール・ワンノース」 with it first are places)
        if first is None and last is not None and last.type is PLACE and last.kind == PlaceKind.COUNTRY.value:
            candidates.append(Mention(m.start(), m.end(), m.group(), ORG, OrganisationKind.AGENCY.value, "pattern",
                                      confidence=0.6))
    # 「ミナス・ジェライス(MG)州」: a state named with its abbreviation inside, which later stands alone (MG州).
    for m in _ABBREVIATED_STATE.finditer(text):
        candidates.append(
            Mention(m.start(), m.end(), m.group(1) + m.group(3), PLACE, PlaceKind.REGION.value, "pattern",
                    confidence=0.8, aliases=[m.group(2) + m.group(3)])
        )
    # 「岡本栄・伊賀市長」, 「鈴木英敬・三重県知事」: after a name and ・, the place whose head the person is.
    person_ends = {c.end for c in candidates if c.type is PERSON}
    candidates += _affiliations(every, text, gaz, {c.start: c for c in candidates if c.type is PERSON})
    for m in _HEAD_POST.finditer(text):
        if m.start() not in person_ends:
            continue
        name = m.group(1) + m.group(2)
        entry = gaz.lookup(name)
        if entry is not None and entry.type is PLACE:
            candidates.append(Mention(m.start(1), m.end(2), name, PLACE, entry.kind, "gazetteer", entry,
                                      confidence=0.85))
        else:
            candidates.append(Mention(m.start(1), m.end(2), name, PLACE, _place_kind(name), "suffix",
                                      confidence=0.7))
    # A name found once by a pattern names the same body wherever it recurs in the document.
    found = {c.text for c in candidates if c.type is ORG and c.source == "pattern" and len(c.text) >= 4}
    for name in found:
        for m in re.finditer(re.escape(name), text):
            if not any(c.start == m.start() and c.end == m.end() for c in candidates):
                candidates.append(
                    Mention(m.start(), m.end(), name, ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6)
                )
    places = {(c.start, c.end): c for c in candidates if c.type is PLACE}
    named_places = {c.text: c.kind for c in candidates if c.type is PLACE and c.kind}
    for c in candidates:
        # 「X市人民委員会」 tagged as an event is the body governing X, never something held
        gov = _GOVERNMENT.fullmatch(c.text) if c.type is ORG or (c.type is EVENT and c.source == "ner") else None
        if gov and c.text.endswith("州政府") and gov.group(1) + "州" in named_places:
            gov = re.fullmatch(r"(.+州)(政府)", c.text)  # 「MG州政府」: the government of MG州, not of "MG"
        if gov:
            # A place's government acts as the place: 台東県政府, 陝西省人民政府, X省人民委員会.
            # 「ダナン市人民委員会」: the gazetteer may know the city without its 市
            entry = gaz.lookup(gov.group(1)) or gaz.lookup(re.sub(r"(?<=.{2})市$", "", gov.group(1)))
            known = places.get((c.start, c.start + len(gov.group(1))))
            if entry is not None and entry.type is PLACE:
                c.type, c.kind, c.entry, c.text = PLACE, entry.kind, entry, gov.group(1)
                c.end = c.start + len(gov.group(1))
                c.source = "gazetteer"
            elif known is not None:
                c.type, c.kind, c.text, c.end, c.source = PLACE, known.kind, known.text, known.end, known.source
            elif gov.group(1) in named_places:
                c.type, c.kind, c.text = PLACE, named_places[gov.group(1)], gov.group(1)
                c.end = c.start + len(gov.group(1))
            elif unnamed := _KATAKANA_STATE.fullmatch(c.text.removesuffix("人民政府").removesuffix("政府")):
                # 「ヴォー州政府」, 「スイス連邦ヴォー州政府」: the state of a katakana name (its country before it)
                c.start += unnamed.start("name")
                c.type, c.kind, c.text = PLACE, PlaceKind.REGION.value, unnamed.group("name")
                c.end = c.start + len(c.text)
            elif all("地名" in t.tag_ for t in _tokens_at(doc, c.start, c.start + len(gov.group(1)))):
                # スコットランド政府: a place name the tagger knows, though the gazetteer does not
                end = c.start + len(gov.group(1))
                toks = _tokens_at(doc, c.start, end)
                if toks and toks[0].idx == c.start and toks[-1].idx + len(toks[-1].text) == end:
                    own_kind = _place_kind(gov.group(1)) or PlaceKind.REGION.value
                    c.kind = PlaceKind.COUNTRY.value if any("地名-国" in t.tag_ for t in toks) else own_kind
                    c.type, c.text, c.end = PLACE, gov.group(1), end
    for c in candidates:
        if c.type is ORG and c.entry is None and c.text.endswith(_HELD_ONLY) and len(c.text) > 4:
            c.type, c.kind = EVENT, _event_kind(c.text)  # 「…世界園芸博覧会」 is held, not a body
    # 「…・クラスター「X」」, 「ビジネスコミュニティ「X」」: the words before a quoted name say what X is.
    quoted_starts = {c.start for c in candidates if c.type in (ORG, EVENT)}
    candidates = [
        c for c in candidates
        if not (c.type is ORG and c.end + 1 in quoted_starts and text[c.end : c.end + 1] == "「"
                and c.text.endswith(_KIND_WORDS))
    ]
    # 「シンガポール政府機関」, 「台湾の関係団体」: a place and a kind of body describe bodies, they name none.
    candidates = [c for c in candidates if not (c.type is ORG and _described(c.text, gaz))]
    # A credit (「(写真:X/Y通信社)」, 「(編集:X)」) names who made the page, not who took part in anything.
    credits = [(c.start(), c.end()) for c in _CREDIT.finditer(text)]
    candidates = [c for c in candidates if not any(cs <= c.start < ce for cs, ce in credits)]
    candidates = [c for c in candidates if not (c.type is PERSON and _not_a_participant(text, c.start, c.end))]
    # the name and the post's field are no body (ソムチャイ・ウォン工業 of 「…工業大臣」)
    posted_starts = {ps for ps, _pe in posted}  # 「…観光局長」: nor the name and the post's unit
    candidates = [c for c in candidates if not (c.type is ORG and c.entry is None and c.start in posted_starts)]
    candidates += _offices(candidates, text)
    candidates += _chapters(candidates, text)
    return _drop_qualifiers(_select([c for c in candidates if not _not_a_name(c, text)]), text)


_KATAKANA_AREA = re.compile(r"(?<=・)[\u30a1-\u30fa\u30fc]{2,12}地域")
_DO_PARTS = ("特別", "自治", "道", "南道", "北道")


def _provinces_in_do(tokens: list[Any], text: str) -> list[Mention]:
    """「江原道」, 「慶尚|南道」, 「済州特別自治道」: place-name tokens ending in 道 name a province (道 is
    too common an ending to read as a place without the tagger's place-name tag)."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        if "地名" not in tokens[i].tag_ or "地名-国" in tokens[i].tag_:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and ("地名" in tokens[j].tag_ or tokens[j].text in _DO_PARTS):
            j += 1
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        name = text[start:end]
        if name.endswith("道") and 3 <= len(name) <= 8 and re.fullmatch(rf"[{_KANJI}]+", name):
            found.append(Mention(start, end, name, PLACE, PlaceKind.REGION.value, "suffix", confidence=0.7))
        i = j
    return found


def _offices(candidates: list[Mention], text: str) -> list[Mention]:
    """「ジェトロ名古屋は」, 「JETROパリが」: a known body's name run into a city's names its office
    there, a unit of the body."""
    cities = {c.start: c for c in candidates if c.type is PLACE and c.kind == PlaceKind.CITY.value}
    out = []
    for c in candidates:
        city = cities.get(c.end) if c.type is ORG and c.entry is not None else None
        if city is not None and _OFFICE_END.match(text, city.end):
            name = c.text + city.text
            out.append(Mention(c.start, city.end, name, ORG, c.kind, "pattern", confidence=0.75, parent_start=c.start))
    return out


_PROGRAMME = re.compile(
    r"(?:事業|プログラム|プロジェクト|イニシアティブ|イニシアチブ)\s?「(?P<n>[^「」()、。]{3,40}?)\s?(?:\((?P<a>[^「」()、。]{2,40})\))?」"
)


def _programmes(text: str) -> list[Mention]:
    """「…支援事業「X(Y)」」, 「育成プログラム「X」」: the quoted name of a programme is something run, an event,
    whatever its words (アクセラレーター, ラボ) say; a name in brackets inside is its other name."""
    out = []
    for m in _PROGRAMME.finditer(text):
        name, alias = m.group("n"), m.group("a")
        out.append(Mention(m.start("n"), m.end("n"), name, EVENT, EventKind.MEETING.value, "pattern", confidence=0.65,
                           aliases=[alias] if alias else []))
        if alias:
            out.append(Mention(m.start("a"), m.end("a"), alias, EVENT, EventKind.MEETING.value, "pattern",
                               confidence=0.65, aliases=[name]))
    return out


_CHAPTER = re.compile(r"([\u30a1-\u30fa\u30fc]{2,10})(?=\s?\([A-Z][A-Za-z&]{1,9}\))")


def _chapters(candidates: list[Mention], text: str) -> list[Mention]:
    """「印日商工会ケララ(INJACK)」: a body's name, a katakana name run into it and an abbreviation in
    brackets: the abbreviation stands for the whole, which is the body's name (a chapter's, a branch's)."""
    out = []
    for c in candidates:
        tail = _CHAPTER.match(text, c.end) if c.type is ORG and _org_kind(c.text) else None
        if tail is not None:
            out.append(Mention(c.start, tail.end(), c.text + tail.group(1), ORG, c.kind, "pattern", confidence=0.7))
    return out


# What may stand right before a place of each kind as the larger place it lies in.
_QUALIFIED_BY = {"city": ("region",), "district": ("region", "city")}


def _drop_qualifiers(mentions: list[Mention], text: str) -> list[Mention]:
    """「大分県玖珠町」, 「台中市大甲区」: a prefecture or city written only as the first part of the smaller
    place's full name says where that place lies; the page does not speak of it. Unless the page names it
    on its own elsewhere, it is no mention, and the full name is the smaller place's alias."""
    places = [m for m in mentions if m.type is PLACE]
    at = {m.start: m for m in places}
    qualifying: dict[int, Mention] = {}  # id of the qualifier -> the place it qualifies
    for m in places:
        inner = at.get(m.end)
        if inner is not None and inner is not m and m.kind in _QUALIFIED_BY.get(inner.kind or "", ()):
            qualifying[id(m)] = inner
        joined = at.get(m.end + 1) if text[m.end : m.end + 1] == "・" else None
        if m.kind == PlaceKind.AREA.value and m.parent_start is not None and joined is not None and joined.kind in (
            PlaceKind.REGION.value, PlaceKind.CITY.value
        ):
            qualifying[id(m)] = joined  # 「インド南部・ケララ州」: the quarter of the country says where the state lies
    if not qualifying:
        return mentions

    def key(m: Mention) -> str:
        return m.entry.id if m.entry is not None else m.text

    alone = {key(m) for m in places if id(m) not in qualifying}
    dropped = {i for i, m in ((id(m), m) for m in places) if i in qualifying and key(m) not in alone}
    for m in places:
        if id(m) in dropped and qualifying[id(m)].start == m.end:
            inner = qualifying[id(m)]  # its span takes the qualifier in: 「Aと新潟県B市の」 pairs A with B市
            inner.aliases.append(m.text + inner.text)
            inner.start = m.start
    return [m for m in mentions if id(m) not in dropped]


_DESCRIPTIONS = (
    "政府機関", "政府系機関", "関係機関", "支援機関", "行政機関", "研究機関", "医療機関", "金融機関", "教育機関",
    "関係団体", "経済団体", "業界団体", "企業", "政府関係者",
)


def _described(name: str, gaz: Gazetteer) -> bool:
    for word in _DESCRIPTIONS:
        if name.endswith(word):
            stem = name[: -len(word)].rstrip("の")
            entry = gaz.lookup(stem) if stem else None
            return not stem or (entry is not None and entry.type is PLACE)
    return False


_FOREIGN_WORD = re.compile(r"[\u30a1-\u30fa\u30fcA-Za-z][\u30a1-\u30fa\u30fcA-Za-z0-9]+")
_SIGNING = re.compile(
    r"(?:協定|覚書|MOU|MoU|提携)[^。]{0,16}?(?:締結|署名|調印|結ん|結び|結ぶ|交わし)|と(?:も)?(?:連携|協力|提携)(?:し|する|して)"
)


def _signing_parties(tokens: list[Any], text: str, known: list[Mention]) -> list[Mention]:
    """「ノキアと札幌市は…連携協定を締結」: a proper noun (katakana or Latin, no legal form) coordinated with a
    party of a signing is a body, although nothing in its name says so."""
    taken = {i for c in known for i in range(c.start, c.end)}
    named = {i for c in known if c.type is not PLACE for i in range(c.start, c.end)}  # a place may sit inside
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        latin = re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]*", tok.text) is not None
        if not latin and not (tok.tag_.startswith("名詞-固有名詞-一般") and _FOREIGN_WORD.fullmatch(tok.text)):
            i += 1
            continue
        j = i + 1  # 「ダッソー・システムズ」: katakana joined on; 「Business Finland」: Latin words spaced on
        while j + 1 < len(tokens) and tokens[j].text == "・" and _FOREIGN_WORD.fullmatch(tokens[j + 1].text):
            j += 2
        while latin and j < len(tokens) and tokens[j - 1].whitespace_ and re.fullmatch(
            r"[A-Z][A-Za-z0-9&.\-]*|and|of|for|&", tokens[j].text
        ):
            j += 1
        start, end = tok.idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        single = j == i + 1
        i = j
        if any(k in (named if latin else taken) for k in range(start, end)) or end - start < 3:
            continue
        if latin and single and re.fullmatch(r"[A-Z]{2,6}", tok.text) and f"({tok.text})" in text:
            continue  # 「…センター(GCC)」 named in full: the acronym is its alias, not another body
        after, before = text[end : end + 2], text[max(0, start - 1) : start]
        if not re.match(r"と|及び|および|、|は|が", after) or (before and before not in "、。「 \nと"):
            continue
        s0 = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
        e0 = min(x for x in (text.find("。", end), text.find("\n", end), len(text)) if x >= 0)
        if not _SIGNING.search(text, s0, e0):
            continue
        # coordinated with a party: 「XとY」 or 「YとX」
        actors = [c for c in known if c.type in (ORG, PLACE) and s0 <= c.start < e0]
        if any(0 <= c.start - end <= 2 or (c.end <= start and re.fullmatch(r"(?:は|が)?、?|と", text[c.end : start]))
               for c in actors):
            out.append(Mention(start, end, text[start:end], ORG, OrganisationKind.OTHER.value, "pattern",
                               confidence=0.6))
    return out


def _ministry(name: str, gaz: Gazetteer) -> bool:
    """A kanji X省 that names no known province (経産省, 農水省) is a ministry."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}省", name) or re.search(r"[県市州都府道区]", name[:-1]):
        return False  # 「友好県省」: a pair of places, not a ministry
    # 「中国浙江省」: a province the gazetteer knows at the end of the name
    return all(gaz.lookup(name[i:]) is None for i in range(len(name) - 2)) and gaz.lookup(name[:-1]) is None


def _not_a_name(c: Mention, text: str) -> bool:
    """A reading in brackets (後藤三男(ごとう・みつお)) is no person; a prize (ノーベル賞) is no body."""
    if c.type is PERSON and re.fullmatch(r"[\u3041-\u309f・ー\s]+", c.text):
        opened = text.rfind("(", 0, c.start)
        return opened >= 0 and text.find(")", opened) >= c.end
    return c.type is ORG and c.text.endswith(("賞", "アワード"))


def _place_in_name(doc: Any, text: str, name: str, end: int, gaz: Gazetteer) -> Mention | None:
    """The place at the end of 「P・X市長」: X and the post's first character (市, 州, 県 …) name a place
    the gazetteer knows, the tagger reads as a place name, or the page names without a post after it."""
    unit = text[end : end + 1]
    if "・" not in name or unit not in _PLACE_CHARS:
        return None
    tail = name.rsplit("・", 1)[1]
    place = tail + unit
    entry = next((x for x in (gaz.lookup(place), gaz.lookup(tail)) if x is not None and x.type is PLACE), None)
    start = end - len(tail)
    tagged = any("地名" in t.tag_ for t in _tokens_at(doc, start, end))
    if entry is None and not tagged and not re.search(re.escape(place) + r"(?!長|知事|首相|議長)", text):
        return None
    kind = entry.kind if entry is not None else _place_kind(place)
    return Mention(start, end + 1, place, PLACE, kind, "gazetteer" if entry else "suffix", entry, confidence=0.8)


# A byline (「…と述べた。【山田太郎】」) and a character's name in quotes (「しのぶ」, 「みえ太郎さん」).
_BYLINE = re.compile(r"【\s*(?P<n>[^【】\s]{2,12})\s*】")
_QUOTED_NICKNAME = re.compile(r"「(?P<n>[^「」、。\s]{1,12}?)(?:さん|くん|君|ちゃん)?」")


def _not_a_participant(text: str, start: int, end: int) -> bool:
    """A name that is a whole byline in 【】 names the writer; a name that is a whole quote, or a
    quote's end before さん/くん/ちゃん, names a mascot or a character: neither takes part in anything."""
    open_at = text.rfind("【", max(0, start - 2), start + 1)
    byline = _BYLINE.match(text, open_at) if open_at >= 0 else None
    if byline and byline.start("n") == start and byline.end("n") == end:
        return True
    quote_at = text.rfind("「", max(0, start - 12), start + 1)
    quoted = _QUOTED_NICKNAME.match(text, quote_at) if quote_at >= 0 else None
    return bool(quoted and quoted.end("n") == end and start >= quoted.start("n"))


# A province named in katakana (バリア・ブンタウ省); ministries carry kanji (タイ工業省).
_KATAKANA_PROVINCE = re.compile(r"[\u30a1-\u30fa\u30fc・]+省")
_JOINED_LEFT = re.compile(r"(?:[\u30a1-\u30fa\u30fc]{2,}・)+$")


def _joined_start(text: str, start: int, end: int, known: list[tuple[int, int]]) -> int:
    """Where a katakana name joined by ・ begins (ラングドック・ルシヨン州, バリア・ブンタウ省).

    The name does not reach back over a known place before a ・ (フランス・ディジョン…):
    that one only says where the name lies. Nor is a person's name before a post a place
    (マルク・ファンデルベルク州執行委員): the joined name must occur without a post after it.
    """
    left = _JOINED_LEFT.search(text, max(0, start - 40), start)
    if left is None:
        return start
    joined = text[left.start() : end]
    if not re.search(re.escape(joined) + r"(?!" + _TITLE_ALT + r"|執行|議長|首相|知事)", text):
        return start
    begin = left.start()
    for ks, ke in known:
        if begin <= ks < start and ke < start and text[ke : ke + 1] == "・":
            begin = ke + 1
    return begin


_NAME_STOP = ("同", "両", "各", "本", "当", "前", "元", "新")


def _common_word(doc: Any, start: int, end: int, person: bool = False) -> bool:
    """A kanji name the tagger reads as one common noun, with no entity label, is a word here
    (for a person, whatever the entity recogniser says: it names no one)."""
    span = doc.char_span(start, end)
    toks = list(span) if span is not None else []
    return (
        len(toks) == 1
        and re.fullmatch(r"[\u4e00-\u9fff]+", toks[0].text) is not None
        and "普通名詞" in toks[0].tag_
        and (person or not toks[0].ent_type_)
    )


def _post_fragment(doc: Any, j: int, i: int, text: str, end: int) -> bool:
    """「久元市長」, 「和成副市長」: a name (tagged 人名) or 副 before the post 市長 is no place."""
    if text[end : end + 1] != "長":
        return False
    return any(t.text == "副" for t in doc[j : i + 1]) or all("人名" in t.tag_ for t in doc[j:i] if t.text)


def _tagged_persons(doc: Any, text: str, place_starts: set[int], tokens: list[Any] | None = None) -> list[Mention]:
    """Family name (tagged 人名-姓) and given name: 三村申吾, 黄健庭, 郭 永平 — GiNZA's tagger
    finds these where its entity recogniser cuts or misses them. The given name is the kanji
    tokens that follow, up to a post, a place, a mark or four characters in all."""
    found: list[Mention] = []
    tokens = tokens if tokens is not None else list(doc)
    for i, tok in enumerate(tokens):
        if "人名-姓" not in tok.tag_ or not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", tok.text):
            continue
        end, size, j = tok.idx + len(tok.text), len(tok.text), i + 1
        if j < len(tokens) and tokens[j].text.isspace():
            j += 1
        while j < len(tokens):
            nxt = tokens[j]
            if (
                not re.fullmatch(rf"[{_KANJI}々]{{1,3}}", nxt.text)
                or size + len(nxt.text) > 4
                or nxt.text.startswith(_NAME_STOP)
                or nxt.text in TITLES
                or nxt.text.startswith(HONORIFICS)
                or (size > len(tok.text) and text[end : nxt.idx].strip() == "" and nxt.idx > end)
                or nxt.text.endswith(TITLES)
                or (len(nxt.text) >= 2 and nxt.text[-1] in "長官")
                or (nxt.text[-1] in _PLACE_CHARS and text.startswith("長", nxt.idx + len(nxt.text)))
                or nxt.idx in place_starts
                or ("人名" not in nxt.tag_ and "名詞" not in nxt.tag_)
            ):
                break
            end, size, j = nxt.idx + len(nxt.text), size + len(nxt.text), j + 1
        start = tok.idx
        reading = _READING.match(text, start)
        if reading:  # 「五月女裕久彦(そうとめ・ゆきひこ)」: the reading after it marks where the name ends
            end, size = reading.end(1), len(reading.group(1))
        if size > len(tok.text) and not (j < len(tokens) and tokens[j].text in _PLACE_CHARS and not reading):
            found.append(Mention(start, end, text[start:end], PERSON, None, "pattern", confidence=0.65))
    return found


# Two or three kanji right before a post of a head or an officer (「同省の王建国省長」, 「…処の余明勲処長」):
# how Chinese names stand before their post; the tagger often splits them into ordinary words.
_POST_COLON_NAME = re.compile(
    rf"(?:{_TITLE_ALT})\s?[:：]\s?(?P<n>[{_KANJI}々]{{2,4}}\s?[{_KANJI}々]{{1,3}}|[\u30a1-\u30fa\u30fc]{{2,}}(?:・[\u30a1-\u30fa\u30fc]+)+)"
    r"(?=\s?(?:氏|さん|様)?\s?(?:[)）、,。/／|]|$))",
    re.MULTILINE,
)
_POSTED_NAME = re.compile(
    rf"(?:(?<=[の・、\s「(])|(?<=^))(?P<n>[{_KANJI}]{{2,3}})(?=副?(?:省長|市長|県長|区長|郷長|鎮長|州長|知事|主席|書記"
    r"|処長|庁長|局長|主任|理事長|会長|社長|院長|所長|学長)(?:[はがとのも、。]|\s|$))",
    re.MULTILINE,
)
_NOT_A_NAME_END = set("役員務当事者任理頭協会部課局室処庁省市県区州郷鎮")


def _posted_names(doc: Any, text: str) -> list[Mention]:
    """Names before a post that are no dictionary word (a single common noun such as 筆頭 or 常務
    is a qualifier of the post) and no place."""
    found: list[Mention] = []
    for m in _POSTED_NAME.finditer(text):
        name, start, end = m.group("n"), m.start("n"), m.end("n")
        if name[0] in _NOT_SURNAME or name[0] in "第党常筆" or name[-1] in _NOT_A_NAME_END:
            continue
        toks = _tokens_at(doc, start, end)
        if not toks or toks[0].idx != start or any("地名" in t.tag_ or "数詞" in t.tag_ for t in toks):
            continue
        if len(toks) == 1 and "人名" not in toks[0].tag_:
            continue  # one ordinary word: 筆頭副市長, 常務理事長
        found.append(Mention(start, end, name, PERSON, None, "pattern", confidence=0.6))
    return found


# A name's reading in brackets: family and given name in hiragana, joined by ・.
_READING = re.compile(rf"([{_KANJI}々]{{2,7}})\s?\([\u3041-\u309f]+・[\u3041-\u309f]+\)")
# The last kanji of a name before a post or honorific (not a place's ending, not 副/前/元 of the post).
_NAME_REST = re.compile(rf"([{_KANJI}]{{1,2}}?)(?=\s?(?:" + "|".join((*TITLES, *HONORIFICS)) + "))")
_NOT_SURNAME = set("同両各本当前元新現副故旧総首次全上下諸")


_QUOTED_BODY = ("クラブ", "クラスター", "アライアンス", "プラットフォーム", "ハブ", "ネットワーク")
# A label line (主催:) and its list items (‐X, ・X): the items name bodies.
_LABEL_LIST = re.compile(
    r"^(?:主催|共催|後援|協力|協賛|参加団体|実施機関)\s?[:：]\s*\n((?:[‐\-・•]\s?[^\n]+\n?)+)", re.MULTILINE
)
_LIST_ITEM = re.compile(r"^[‐\-・•]\s?([^\n]+)$", re.MULTILINE)


def _listed_bodies(text: str) -> list[Mention]:
    """Bodies listed under an organiser label, one per item: the item's Japanese name
    (after an English one), or the whole item; a bracketed full name becomes an alias."""
    found: list[Mention] = []
    for block in _LABEL_LIST.finditer(text):
        for item in _LIST_ITEM.finditer(text, block.start(1), block.end(1)):
            raw = item.group(1).rstrip()
            start = item.start(1)
            latin = re.match(r"[A-Za-z][A-Za-z .&-]*[A-Za-z](?=\s+[^\sA-Za-z])\s+", raw)
            if latin:
                start += latin.end()
                raw = raw[latin.end() :]
            bracket = re.search(r"\(([^()]{2,30})\)$", raw)
            name = raw[: bracket.start()] if bracket else raw
            if not 2 <= len(name) <= 40 or re.search(r"[、。]", name):
                continue
            kind = _place_kind(name) if name.endswith(("市", "州", "県", "省")) else None
            if kind:
                found.append(Mention(start, start + len(name), name, PLACE, kind, "pattern", confidence=0.6))
            else:
                ok = _org_kind(name) or OrganisationKind.OTHER.value
                mention = Mention(start, start + len(name), name, ORG, ok, "pattern", confidence=0.6)
                if bracket:
                    mention.aliases.append(bracket.group(1))
                found.append(mention)
    return found


_KATA = re.compile(r"[\u30a1-\u30fa\u30fc]")


def _affiliations(tokens: list[Any], text: str, gaz: Gazetteer, persons: dict[int, Mention]) -> list[Mention]:
    """「丸紅・山本氏」: a proper noun (no place, no person) joined by ・ to a person with an honorific is
    the body the person comes from."""
    found: list[Mention] = []
    for i, tok in enumerate(tokens):
        if tok.text != "・" or i == 0:
            continue
        person = persons.get(tok.idx + 1)
        if person is None or not text.startswith(("氏", "さん", "様"), person.end):
            continue
        j = i
        while j > 0 and i - j < 3 and tokens[j - 1].pos_ in _NAME_POS and not tokens[j - 1].whitespace_:
            j -= 1
        run = tokens[j:i]
        if not run or not any("固有名詞" in t.tag_ or re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]+", t.text) for t in run):
            continue
        if any(re.search("地名|人名", t.tag_) for t in run):
            continue  # 「三重県・鈴木氏」, 「岡本栄・伊賀市長」: a place or a person, not a body
        start, end = run[0].idx, tok.idx
        name = text[start:end]
        entry = gaz.lookup(name)
        if len(name) >= 2 and not (entry is not None and entry.type is PLACE) and name not in TITLES:
            found.append(Mention(start, end, name, ORG, _org_kind(name) or OrganisationKind.OTHER.value, "pattern",
                                 confidence=0.6))
    return found
# Words for kinds of bodies: what a list of names (「AやBなどの企業」) or 「XというY」 says the names are.
_BODY_KINDS = (
    "企業", "会社", "メーカー", "スタートアップ", "ベンチャー", "団体", "機関", "大学", "研究所", "ファンド",
    "コミュニティ", "メイカースペース", "コワーキングスペース", "インキュベーター", "アクセラレーター", "銀行", "商社",
)
_LIST_MARK = re.compile(
    r"\s?(?:など|等|のような|みたいな|といった)(?:の|な)?[^。、\n「」()]{0,16}?(?:" + "|".join(_BODY_KINDS) + ")"
)
_CALLED = re.compile(r"という[^。、\n「」()]{0,16}?(?:" + "|".join(_BODY_KINDS) + ")")
# 「EGG JAPANのビジネスコミュニティ」: a Latin name whose community, fund or incubator this is runs it
_OWNS = re.compile(
    r"の[\u30a1-\u30fa\u30fc]{0,8}(?:コミュニティ|ファンド|インキュベーター|アクセラレーター|コワーキングスペース)"
)
_LIST_JOIN = re.compile(r"\s?(?:、|や|と|及び|および|,)\s?")


def _bodies_by_kind(tokens: list[Any], text: str, gaz: Gazetteer) -> list[Mention]:
    """「DJIやInsta360などの企業」, 「XというY大学」: names (Latin, or katakana the tagger knows as a proper
    noun) listed before a word for a kind of body, or introduced by という before one, are bodies of that kind."""
    names: list[tuple[int, int]] = []  # name-like token runs: Latin words (spaced), or one proper katakana noun
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        latin = re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", tok.text) is not None and re.search(r"[A-Z]", tok.text)
        proper = "固有名詞" in tok.tag_ and not re.search("地名|人名", tok.tag_) and _KATA.match(tok.text)
        if not (latin or proper):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            re.fullmatch(r"[A-Za-z0-9&.\-]+", tokens[j].text) and (latin or not tokens[j - 1].whitespace_)
        ):
            j += 1
        names.append((tok.idx, tokens[j - 1].idx + len(tokens[j - 1].text)))
        i = j
    found: list[Mention] = []
    for k, (s, e) in enumerate(names):
        if _CALLED.match(text, e) or (" " in text[s:e] and _OWNS.match(text, e)):
            group = [(s, e)]
        elif _LIST_MARK.match(text, e):
            group = [(s, e)]
            while k - len(group) >= 0:  # 「A、BやC」: the names joined before the last one
                ps, pe = names[k - len(group)]
                if not _LIST_JOIN.fullmatch(text[pe : group[0][0]]):
                    break
                group.insert(0, (ps, pe))
        else:
            continue
        for gs, ge in group:
            name = text[gs:ge]
            entry = gaz.lookup(name)
            if len(name) >= 2 and not (entry is not None and entry.type is PLACE):
                found.append(Mention(gs, ge, name, ORG, _org_kind(name) or OrganisationKind.COMPANY.value, "pattern",
                                     confidence=0.6))
    return found


def _glued_katakana(text: str, s: int, e: int, known_ends: set[int], known_starts: set[int]) -> bool:
    """A katakana place name that is only part of a longer katakana name.

    A known place next to it (タジキスタンキルギス) or before the ・ (ドイツ・バイエルン州)
    is a neighbour, not part of one name.
    """
    if not _KATA.match(text, s) or not _KATA.match(text, e - 1):
        return False
    if e < len(text) and _KATA.match(text, e) and e not in known_starts:
        return True
    if s > 0 and _KATA.match(text, s - 1) and s not in known_ends:
        return True
    return s > 1 and text[s - 1] == "・" and bool(_KATA.match(text, s - 2)) and (s - 1) not in known_ends


def _names_body(text: str) -> bool:
    """Whether a body's name ends somewhere in ``text`` (センター in 台湾貿易センター高雄)."""
    return any(len(suffix) >= 2 and suffix in text[1:] for suffix, _kind in ORG_SUFFIXES)


_FACILITY_HEADS = ("神宮", "神社", "大社", "寺", "城")


def _in_latin_name(text: str, s: int, e: int, known_ends: set[int]) -> bool:
    """A Latin place name right after a capitalised word of a longer name (「Dutch Greenhouse Delta」);
    a known place before it (「Osaka Kobe」) is a neighbour, not part of one name."""
    if not text[s:e].isascii():
        return False
    before = re.search(r"(?:^|[^A-Za-z])([A-Z][A-Za-z]+) $", text[max(0, s - 30) : s])
    return before is not None and (s - 1) not in known_ends


def _glued(text: str, s: int, e: int) -> bool:
    """An ASCII span that is only part of a longer Latin word (MARKET in MAGIA2MARKET)."""
    return (s > 0 and text[s - 1].isascii() and text[s - 1].isalnum()) or (
        e < len(text) and text[e].isascii() and text[e].isalnum()
    )


def _split_units(chunk: str) -> list[str]:
    """政策局ヘルスケア推進本部室 -> [政策局, ヘルスケア推進本部室]."""
    for i, ch in enumerate(chunk[:-3]):
        if ch in _UNIT_SPLIT and i >= 1 and _UNIT.fullmatch(chunk[i + 1 :]):
            return [chunk[: i + 1], *_split_units(chunk[i + 1 :])]
    return [chunk]


def _inner_org_end(name: str) -> int | None:
    """Where a complete body ends inside a longer org name, if a sub-unit follows."""
    for strong in ("機構", "協会", "大学", "商工会議所", "株式会社", "財団", "大使館", "センター"):
        at = name.find(strong)
        if at > 0 and at + len(strong) < len(name) - 1:
            rest = name[at + len(strong) :]
            if _org_kind(rest) or rest.endswith(DEPARTMENT_SUFFIXES):
                return at + len(strong)
    return None


def _person_span(text: str, s: int, e: int) -> tuple[str, int, int]:
    surface = text[s:e]
    for title in (*TITLES, *HONORIFICS):
        if surface.endswith(title) and len(surface) > len(title) + 1:
            e -= len(title)
            surface = surface[: -len(title)]
            break
    surface = surface.strip(" ・")
    return surface, s, s + len(surface)


def clean_person(name: str) -> str:
    """笹山 美紀子 -> 笹山美紀子; katakana and Latin names keep their separators."""
    if re.fullmatch(rf"[{_KANJI}々]+ [{_KANJI}々]+", name):
        return name.replace(" ", "")
    return re.sub(r"・\s+", "・", name)


def _after_full_name(tokens: list[Any], a: int, b: int) -> int:
    """Where a name run starts after a person's full name in it (family then given name, tagged so):
    「山根常正山陰インド協会会長」 names a person, then the body they head."""
    for i in range(b - 2, a, -1):
        if "人名-名" in tokens[i].tag_ and "人名-姓" in tokens[i - 1].tag_:
            return i + 1
    return a


def _tokens_at(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _person_ok(doc: Any, ent: Any, text: str, e: int) -> bool:
    """GiNZA persons need a person-name tag or a following honorific/title."""
    after = text[e : e + 6].lstrip()
    if after.startswith(HONORIFICS) or after.startswith(TITLES):
        return True
    tags = [t.tag_ for t in ent]
    return all("人名" in t for t in tags if t.startswith("名詞")) and any("人名" in t for t in tags)


_SOURCE_RANK = {"gazetteer": 4, "pattern": 3, "suffix": 3, "alias": 2, "ner": 1}


def _inside(inner: Mention, outer: Mention) -> bool:
    """Places and bodies named inside an event title or a body's name stay mentions."""
    if not (outer.start <= inner.start and inner.end <= outer.end and inner.length < outer.length):
        return False
    if outer.type is EVENT and inner.type is not EVENT:
        return True
    return outer.type is ORG and inner.type is PLACE and inner.source == "gazetteer"


def _select(candidates: list[Mention]) -> list[Mention]:
    """Keep the best non-overlapping mentions; sub-unit parents may nest."""
    ranked = sorted(
        candidates,
        key=lambda m: (
            -(m.entry.stored if m.entry else 0),
            m.source == "ner",
            -m.length,
            m.parent_start is None,
            -_SOURCE_RANK[m.source],
        ),
    )
    chosen: list[Mention] = []
    for m in ranked:
        clash = False
        for c in chosen:
            if m.start < c.end and c.start < m.end:
                nested = (
                    (c.parent_start is not None and m.start == c.parent_start and m.end <= c.end < m.end + c.length)
                    or (m.parent_start is not None and c.start == m.parent_start and c.end <= m.end < c.end + m.length)
                    or _inside(m, c)
                    or _inside(c, m)
                )
                if not nested:
                    clash = True
                    break
        if not clash:
            chosen.append(m)
    # Places inside a chosen organisation name are mentions too (深圳市光明区創新局).
    return sorted(chosen, key=lambda m: (m.start, -m.length))


def capture_aliases(text: str, mentions: list[Mention]) -> None:
    """正式名称(略称), (以下「X」という) and ASCII abbreviations right after a name.

    A numbered event followed by its quoted title (第3回ウェビナー 「…」) is one event.
    """
    for m in [m for m in mentions if m.type is EVENT]:
        title = next(
            (o for o in mentions if o.type is EVENT and o is not m and re.fullmatch(r"\s*「", text[m.end : o.start])),
            None,
        )
        if title is not None:
            title.aliases.append(m.text)
            mentions.remove(m)
    for m in list(mentions):
        if m.type not in (ORG, PLACE, EVENT) or m not in mentions:
            continue
        tail = text[m.end : m.end + 40]
        ika = _ALIAS_IKA.match(tail)
        if ika:
            m.aliases.append(ika.group(1).strip())
            continue
        paren = _ALIAS_PAREN.match(tail)
        if not paren:
            continue
        inner = next((o for o in mentions if o.start == m.end + paren.start(1)), None)
        # A mention of another kind in the brackets is a separate entity
        # (リヨン・ビオポール(フランス)); the NER's own pick of the abbreviation
        # (サンプル・テクノロジーズ(STC)) is the same entity's alias.
        if inner is not None and (inner.type is not m.type or inner.source != "ner"):
            continue
        alias = paren.group(1).strip()
        if alias != m.text and not alias.isdigit():
            m.aliases.append(alias)
            if inner is not None:
                mentions.remove(inner)
