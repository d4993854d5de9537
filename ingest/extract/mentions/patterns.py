"""The recogniser's compiled patterns and word lists, shared by its stages: kept in one place so a
construction of the genre is written once, whichever stage reads it."""

from __future__ import annotations

import re

from ingest.extract.lexicon import GOVERNMENT_WORDS, HONORIFICS, TITLES

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
    r"(?=[ \u3000]*(?:$|氏|さん|様|、|[|｜]))",  # a table's cell ends at its bar
    re.MULTILINE,
)
_KATAKANA_BEFORE_POST = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])({_KATAKANA_NAME}(?:・{_KATAKANA_NAME})+)([{_KANJI}]{{1,5}}?)"
    r"(?=" + "|".join(t for t in TITLES if re.fullmatch(r"[\u4e00-\u9fff]+", t)) + ")"
)
_TITLE_PERSON = re.compile(
    rf"(?<![\u30a1-\u30fa\u30fc・])({_KATAKANA_NAME})(?=大統領|首相|所長|大使|駐日|会長|社長|博士|教授|氏|知事|市長)"
)
# 「Dr. Weber」, 「Marie Dubois氏」, 「Tan Wei Ming ディレクター」: a Latin name of up to four words before a post
_LATIN_PERSON = re.compile(
    r"(?:Dr\.\s?|Prof\.\s?)([A-Z][a-z]+)|(?<![A-Za-z])((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)"
    r"(?=\s?(?:博士|教授|准教授|氏|さん|ディレクター|マネージャー|マネジャー|社長|会長|大使|総領事|CEO|代表)(?![A-Za-z]))"
)
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
    # 台中|市政府: a place's government cut from the place's name, not a place
    "区政府",
    "市政府",
    "県政府",
    "州政府",
    "省政府",
}
# What follows a place's name in the name of a department of its government: 「(北海道)経済部」, 「(X県)商工労働部」.
_PLACE_DEPARTMENT = re.compile(r"(?<=[県都道府市省州])[\u4e00-\u9fff]{2,8}(?:部|局)$")
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
    r"「([^「」]{4,40})」\s?(?=に(?:も)?(?:参加|出席|出展)|を(?:開催|主催|共催|派遣)|の会期|が開催"
    r"|の[^\s、。「」]{0,8}(?:イベント|セミナー|シンポジウム|式典)(?:が|を|は))"
)
_SCHOOLS = ("学校", "高専", "高校", "学院")  # schools, which the organisation endings leave to the recogniser
_VENUES = ("ホテル", "庁舎", "議事堂", "会館", "ホール", "庭園", "記念館", "スタジアム", "会議場", "展示場", "会場")
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
    r"(?<![\u30a1-\u30fa\u30fc・=＝])([\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,}|[=＝][\u30a1-\u30fa\u30fc]+)*)(地域圏|自治県|自治州|自治区|州|県|省|市)"
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
_OFFICE = re.compile(r"(?:\s|の)?([^\s、。()「」・]{1,10}?(?:事務所|支部|支社|支店|オフィス|本部)|日本法人|現地法人)")
_PUNCT_OK = {"・", "&", "-", "/", "=", "＝"}
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
# A post joined by ・ to what follows: one person's two affiliations (「…専務理事・B商工会議所」).
_POST_JOIN = re.compile(rf"(?:{_TITLE_ALT})・")
# 「フィンランド・オウル地域」: a katakana name and 地域 after a ・.
_KATAKANA_AREA = re.compile(r"(?<=・)[\u30a1-\u30fa\u30fc]{2,12}地域")
# Tokens that continue a province in 道 (「済州特別自治道」, 「慶尚|南道」).
_DO_PARTS = ("特別", "自治", "道", "南道", "北道")
# A province named in katakana (バリア・ブンタウ省); ministries carry kanji (タイ工業省).
_KATAKANA_PROVINCE = re.compile(r"[\u30a1-\u30fa\u30fc・]+省")
_JOINED_LEFT = re.compile(r"(?:[\u30a1-\u30fa\u30fc]{2,}・)+$")
# Characters a given name never starts with (同, 前, 元 … begin a word after the family name).
_NAME_STOP = ("同", "両", "各", "本", "当", "前", "元", "新")
# 「X大学(学長:受田浩之)」, 「団長:山田太郎」: a post, a colon, then the holder's name.
_POST_COLON_NAME = re.compile(
    rf"(?:{_TITLE_ALT})\s?[:：]\s?(?P<n>[{_KANJI}々]{{2,4}}\s?[{_KANJI}々]{{1,3}}|[\u30a1-\u30fa\u30fc]{{2,}}(?:・[\u30a1-\u30fa\u30fc]+)+)"
    r"(?=\s?(?:氏|さん|様)?\s?(?:[)）、,。/／|]|$))",
    re.MULTILINE,
)
# Two or three kanji right before a post of a head or an officer (「同省の王建国省長」, 「…処の余明勲処長」):
# how Chinese names stand before their post; the tagger often splits them into ordinary words.
_POSTED_NAME = re.compile(
    rf"(?:(?<=[の・、と\s「(])|(?<=^))(?P<n>[{_KANJI}]{{2,3}})(?<![副准])(?=(?:副|准)?(?:省長|市長|県長|区長|郷長|鎮長|州長|知事|主席"
    r"|書記|処長|庁長|局長|主任|理事長|会長|社長|院長|所長|学長|教授)(?:[はがとのもらをにへや、。]|から|\s|$))",
    re.MULTILINE,
)
# Last characters of a post's qualifier or a unit, never of a name before a post.
_NOT_A_NAME_END = set("役員務当事者任理頭協会部課局室処庁省市県区州郷鎮副准")
# A name's reading in brackets: family and given name in hiragana, joined by ・.
_READING = re.compile(rf"([{_KANJI}々]{{2,7}})\s?\([\u3041-\u309f]+・[\u3041-\u309f]+\)")
# The last kanji of a name before a post or honorific (not a place's ending, not 副/前/元 of the post).
_NAME_REST = re.compile(rf"([{_KANJI}]{{1,2}}?)(?=\s?(?:" + "|".join((*TITLES, *HONORIFICS)) + "))")
# Characters no family name starts with: deictics and qualifiers (同, 両, 前, 副 …).
_NOT_SURNAME = set("同両各本当前元新現副故旧総首次全上下諸")
# Endings that make a quoted name a body, whatever its middle (「東京21cクラブ」).
_QUOTED_BODY = ("クラブ", "クラスター", "アライアンス", "プラットフォーム", "ハブ", "ネットワーク")
_KATA = re.compile(r"[\u30a1-\u30fa\u30fc]")
# A shrine's, a temple's or a castle's word after a place's name (伊勢神宮, 姫路城).
_FACILITY_HEADS = ("神宮", "神社", "大社", "寺", "城")
