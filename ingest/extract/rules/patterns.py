"""The surface patterns and word lists the relation rules share."""

from __future__ import annotations

import re

from ingest.extract.gazetteer import place_id
from ingest.extract.lexicon import AGREEMENT_WORDS, GOVERNMENT_WORDS, HEAD_TITLES, TITLES

SENTENCE = re.compile(r"[^。!?\n]+[。!?]?")
SUBJECT_TAIL = (
    r"(?:の?(?:代表団|訪問団|視察団|使節団|一行)|(?:駐日|在日)[^\s、。はがのと]{0,10}?(?:大使|総領事|公使|領事)|"
    + "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True))
    + r")?\s?(?:\(\d{1,3}\))?\s?(?:氏|さん|様)?(?:ら)?(?:では|は|が)"
)
# A person's post with its portfolio before the title: 「P貿易大臣が」, 「P国際開発大臣は」, 「P観光局長は」.
PERSON_SUBJECT_TAIL = (
    r"[\u4e00-\u9fff]{1,8}?(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r")\s?(?:\(\d{1,3}\))?\s?(?:氏|さん|様)?(?:ら)?(?:は|が)"
)
# A post right after a body's name: 市長 split as 市+長, 県知事, 副省長, 観光誘客担当課長, 会頭.
# 「P・X大学教授」, 「P X経済省 局長」 (a list row): any title, after a space too.
POST_AFTER = re.compile(
    r"[ \t]?(?:長|[県州]?知事|首相|[^\s、。・()「」]{0,10}?(?:長|官|大臣|顧問|議員|理事|会頭|委員"
    r"|教授|准教授|講師|研究員|代表取締役|取締役|代表|CEO|総裁|頭取|ディレクター|マネージャー))"
    r"(?=[\s、。・()「」はがとのもに]|$)"
)
JAPAN = place_id("JP")
# A head's post and the ending of what it heads: 知事 heads a 県 (都, 道, 府), 議長 a 議会.
HEAD_OF: dict[str, tuple[str, ...]] = {
    "州知事": ("州",),
    "州首相": ("州",),
    "県知事": ("県",),
    "道知事": ("道",),
    "府知事": ("府",),
    "知事": ("県", "都", "道", "府"),
    "副知事": ("県", "都", "道", "府"),
    "副市長": ("市",),
    "市長": ("市",),
    "町長": ("町",),
    "村長": ("村",),
    "区長": ("区",),
    "県長": ("県",),
    "省長": ("省",),
    "議長": ("議会",),
}
# A visit to the page's own government: 来県/来庁/来市, or its offices visited (県庁を訪れ, 市役所を表敬訪問).
HOSTED_VISIT = re.compile(
    r"来(?P<came>県|庁|市|町|村|道|府|都)(?:し|した|する|され|中|(?=について|のお知らせ|[ \t]*$))"
    r"|(?<![\u4e00-\u9fff\u30a1-\u30fa])(?P<office>県庁|市役所|市庁舎|区役所|町役場|村役場|道庁|府庁|都庁|本庁舎|庁舎)"
    r"(?:を|に)(?:表敬)?(?:訪問|訪れ|来訪)"
)
# A list row pairing two sides: an optional number or bullet (or label 「実施地域:」), side A, a dash, side B,
# an optional bracket.
PAIRED_ROW = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)．]|[(（]\d{1,2}[)）]|[・•\-])?[ \t]*(?:[^\s:：\-—–－―|、。()（）]{2,8}[:：][ \t]*)?"
    r"(?P<a>[^\s\-—–－―|、。()（）]{2,30})[ \t]*[-—–－―][ \t]*"
    r"(?P<b>[^\s\-—–－―|、。()（）]{2,30})[ \t]*(?:[(（](?P<c>[^()（）\n]{2,40})[)）])?"
    r"(?:[ \t]+(?P<d>[^\s()（）|、。]{0,16}?(?:協定|覚書|提携|MOU|MoU)))?[ \t]*$",
    re.MULTILINE,
)
LEADER_POST = r"\s?(?:" + "|".join(sorted({*HEAD_TITLES, *TITLES}, key=len, reverse=True)) + r")?\s?(?:氏|さん|様)?"
# Between two persons of a list: the first one's post, a comma, maybe the second one's body (「市長、X大学の」).
LISTED_PERSON = re.compile(LEADER_POST + r"、\s?(?:[^、。「」()\s]{1,30}の\s?)?")
HEADS = ("知事", "市長", "町長", "村長", "区長", "県長", "省長", "首相", "大統領", "社長", "学長", "理事長", "会長")
# A bare event word standing for the event named before: 「セミナーでは」, 「同フォーラムに」.
EVENT_ANAPHOR = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z・])(?:同|本|当|この|その)?"
    r"(?P<word>セミナー|フォーラム|シンポジウム|ウェビナー|カンファレンス|ミッション|スタディーツアー|ツアー|イベント"
    r"|会議|大会|博覧会|展示会|見本市|サミット|交流会|説明会|商談会|式典|フェア|開会式|閉会式|開幕式"
    r"|レセプション|懇親会|ワークショップ)(?=[はでにのをがもへ、])"
)
# The opening or closing of an event stands for the event itself (「開会式には…が出席」).
EVENT_PARTS = ("開会式", "閉会式", "開幕式")
# A heading over a list: where a delegation went (「【主な訪問先】」, 「視察先:」) or who took part (「【参加団体】」).
ATTENDEE_HEADINGS = ("参加団体", "参加企業", "参加機関", "出展者", "出展企業", "出展団体", "参加者", "出席者")
# A list of who took part, each item a person with their body (「・X大学 P学長」): the person attended.
PEOPLE_HEADINGS = ("参加者", "出席者")
LIST_HEADING = re.compile(
    r"(?:^[ \t]*(?:[■◆●]|\d{1,2}[.)．]?)?[ \t]*|【)(?:主な)?"
    r"(?P<word>訪問先|視察先|訪問機関|訪問地|" + "|".join(ATTENDEE_HEADINGS) + r")"
    r"(?:一覧)?(?:】[ \t]*[:：]?|[ \t]*[:：]|[ \t]*$)[ \t]*",
    re.MULTILINE,
)
# A sentence announcing the list under it: 「…は、次の機関を訪問しました。」, 「以下の企業が参加しました。」
LIST_LEAD = re.compile(
    r"(?:次の|以下の)[^。\n]{0,15}?(?:を|に|が)(?:表敬)?(?P<verb>訪問|視察|訪れ|参加|出席|出展)"
    r"[^。\n]{0,10}[:：。]?[ \t]*$",
    re.MULTILINE,
)
# A labelled row of a courtesy-call notice: who came (「3 来訪者 X国 P大臣」, 「| 表敬者 | P |」) and who received them
# (「4 対応者 Q知事」); the value may stand on the line after its label.
VISITOR_LABELS = ("来訪者", "表敬者", "訪問者", "来庁者", "来県者", "来訪団", "来訪団体")
HOST_LABELS = ("対応者", "応対者", "面会者", "対応", "応対")
CALL_ROW = re.compile(
    r"^[ \t]*(?:[|｜][ \t]*)?(?:\d{1,2}[.．)）]?|[(（]\d{1,2}[)）]|[■◆●・])?[ \t]*【?"
    r"(?P<label>" + "|".join(VISITOR_LABELS + HOST_LABELS) + r")】?"
    r"[ \t]*(?:[:：|｜][ \t]*|[ \t]+|$)(?P<value>[^\n]*)$",
    re.MULTILINE,
)
# A line opening a numbered or marked section: 「(1) …」, 「2. …」, 「■ …」, 「【…】」.
SECTION_START = re.compile(r"^[ \t]*(?:[(（]\d{1,2}[)）]|\d{1,2}[.．]|[■◆●□]|【)", re.MULTILINE)
LIST_ITEM = re.compile(r"\s*(?:[・\-*●○◆■]|\d+[.)．]|[(（]?\d+[)）])")
TABLE_ROW = re.compile(r"\s*[|｜]")
SENT_GROUP = re.compile(r"(?:の|から)[^、。\s()]{0,10}?(?:代表団|訪問団|視察団|使節団|交流団|ミッション)")
FACILITIES = ("工場", "本社", "本部", "拠点", "施設", "研究所", "キャンパス", "事業所", "庁舎", "ブース")
TWINNED = re.compile(r"(?:姉妹|友好)(?:都市|州|県|省|提携|交流都市)")
STANDING = re.compile(r"である|関係にあ|の関係|提携している|提携を結んでいる|周年")
# A line introducing a list of partners: 「静岡県の友好提携先」, 「…は、次の地域と姉妹・友好提携を結んでいます」.
PARTNER_HEADING = re.compile(
    r"^[^\n]{0,40}?(?P<word>(?:姉妹|友好|交流|連携)[・\w]{0,6}?(?:提携先|都市|先|提携))(?:一覧)?[^\n]{0,30}$",
    re.MULTILINE,
)
# A line introducing a list or table of agreements: 「…が締結している覚書は次のとおりです。」,
# 「…は、以下の都市と協定を締結しています。」.
AGREEMENT_LIST_HEADING = re.compile(
    r"^(?=[^\n]{0,60}?(?:次の|以下の))[^\n]{0,60}?(?P<word>"
    + "|".join(re.escape(w) for w, _k in AGREEMENT_WORDS if w != "合意")
    + r")[^\n]{0,40}$",
    re.MULTILINE,
)
GROUPS = ("代表団", "訪問団", "視察団", "使節団", "交流団", "経済団")
DELEGATIONS = ("代表団", "訪問団", "視察団", "使節団", "ミッション", "一行", "団")
# Bodies of a kind from a place, no one body: 「日本企業40社」, 「タイ系メーカー」, 「地元企業」.
PLACE_MADE = re.compile(r"系?(?:企業|事業者|メーカー|バイヤー|団体|スタートアップ)")
# People sent by a body, named by what they are or how many: 「X機構の研究者3名」, 「X社の関係者」 travel for X;
# 「A、Bなどの関係者約40名」 for each body listed.
PEOPLE_SENT = re.compile(
    r"(?:研究者|関係者|担当者|職員|社員|役員|議員|教員|学生|幹部|メンバー|代表者)(?:ら)?(?:約?[0-9０-９]{1,4}(?:名|人))?$"
)
# 訪台, 訪米 …: a visit to the country its second character abbreviates (named so on the page).
COUNTRY_VISITS = {
    "訪台": ("台湾",),
    "訪中": ("中国", "中華人民共和国"),
    "訪米": ("米国", "アメリカ", "アメリカ合衆国"),
    "訪韓": ("韓国", "大韓民国"),
    "訪英": ("英国", "イギリス"),
    "訪仏": ("フランス",),
    "訪独": ("ドイツ",),
    "訪露": ("ロシア",),
    "訪豪": ("オーストラリア", "豪州"),
    "訪印": ("インド",),
    "訪越": ("ベトナム",),
    "訪伊": ("イタリア",),
}
VERBS = {
    "visit": frozenset({"訪問", "訪れる", "視察", "来訪", "歴訪", "訪ねる", "表敬訪問", "表敬", "見学"}),
    "attend": frozenset({"出席", "参加", "参列", "列席", "臨席", "立ち会う", "立会う", "出展", "招く", "招待"}),
    "meet": frozenset({"会談", "面会", "面談", "懇談", "会見", "協議", "迎える", "出迎える", "交換"}),
    "hold": frozenset({"開催", "主催", "共催", "派遣", "企画", "実施"}),
    "serve": frozenset({"務める", "務め"}),
    "receive": frozenset({"受ける", "受け"}),
    "accompany": frozenset({"同行"}),
    "visit_country": frozenset(COUNTRY_VISITS),
    "speak": frozenset({"講演", "挨拶", "あいさつ", "登壇", "基調講演"}),
}
LEADS = ("団長", "副団長", "団長代理")
# The leader of a mission named before it (「P知事を団長とする「E」」) or in a bracket after it (「「E」(団長:P知事)」).
LED_BEFORE = re.compile(r"\s?を(?:団長|副団長|団長代理)と(?:する|した|して)\s?「?")
LED_AFTER = re.compile(r"」?\s?[(（](?:団長|副団長)\s?[:：]\s?[^()（）\n]{0,12}?(?=[^()（）\n]*[)）])")
MEETINGS = ("会談", "会見", "面談", "面会", "懇談", "懇談会", "意見交換会")
GENERIC_AGREEMENT_WORDS = frozenset({"協定", "合意"})
# 「三者協定」, 「3者間の覚書」, 「4機関による」: one agreement of three or more parties, not one per pair.
JOINT = re.compile(r"(?<!第)[三四五六3-9３-９](?:者|機関|団体)|共同|多国間")
# The と-slot of an agreement: 「…と(の間で)(…に関する)MOU(を)締結」 (a signing verb within the clause).
PARTY_SLOT = re.compile(
    r"と(?:の間で)?[、,]?\s?[^、。と]{0,20}?(?:"
    + "|".join(re.escape(w) for w, _k in AGREEMENT_WORDS if w != "合意")
    + r")(?:\([^()]{0,30}\))?[^、。]{0,6}?(?:締結|調印|署名|交わ|結)"
)
# 「AとBは、8月30日、…覚書を締結」: a pair as the subject of a signing, whatever stands between.
SUBJECT_PAIR_SLOT = re.compile(
    r"(?P<pair>[^。\n、]{1,40}と[^。\n、はが]{2,30})(?:の両者|の両機関)?(?:は|が)[^。\n]{0,60}?(?:"
    + "|".join(re.escape(w) for w, _k in AGREEMENT_WORDS if w != "合意")
    + r")(?:\([^()]{0,30}\))?[^、。]{0,6}?(?:締結|調印|署名|交わ|結)"
)
LATIN_NAME = r"[A-Z][A-Za-z0-9&.\-]{1,15}(?: [A-Z][A-Za-z0-9&.\-]{1,15}){0,3}"
KATAKANA_NAME = r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc・ ]{2,24}"
NOT_NAMES = frozenset({"MOU", "MoU", "IT", "AI", "IoT", "ICT", "DX", "PR", "LOI", "NDA"})
# 「同オフィス」, 「同協議会」: 同 and the ending of a body's name (checked against the bodies named before).
SAME_BODY = re.compile(
    r"(?<![\u4e00-\u9fff])同(?P<ending>[\u30a1-\u30fa\u30fc]{2,12}|[\u4e00-\u9fff]{1,5}?)(?=[はがとのもをにへで、])"
)
# Holding an event: 「…を開催」, 「…を共同開催」, 「…交流会を開いた」, also with where, how or when between
# (「…をオンラインで開催」, 「…を2月8日に開催」).
HOLDS = re.compile(
    r"を(?:[^、。をがは]{1,16}(?:で|にて|に)\s?)?(?:共同)?(?:開催|主催|共催)|が開催し|は開催"
    r"|(?:会|セミナー|フォーラム|シンポジウム|ウェビナー|サミット|イベント)」?を(?:[^、。をがは]{1,16}(?:で|にて|に)\s?)?開[きいく]"
)
# Joining the event just named, maybe past a note in brackets: 「「E」に出席」, 「「E」(主催:X)に参加」, 「Eへも出展」.
JOINS = re.compile(r"」?\s?(?:[(（][^()（）\n]{0,40}[)）])?\s?(?:に|へ)(?:も|の)?(?:出席|参加|招待|出展)")
# A co-host just before the event, maybe with the event's kind between: 「Bと「E」」, 「Bとオンラインセミナー「E」」.
HELD_WITH = re.compile(
    r"\s?と、?\s?(?:[^\s、。「」]{0,10}?(?:セミナー|ウェビナー|フォーラム|シンポジウム|会議|交流会|商談会|イベント))?\s?「?"
)
# A quoted host before its topic marker (「「X」は」, 「「TX(Tokyo X)」は」) and a quoted partner described before it.
QUOTED_SUBJECT = re.compile(r"\)?」(?:\s?\([^()]*\))?\s?(?:は|が)、?")
QUOTED_PARTNER = re.compile(r"」(?:と|及び|および|並びに|、)[^、。「」()]{0,30}「[^「」()]{0,16}\(?")
# A one-line organiser row: 「主催:A、B」, 「【共催】A」, 「主催:A/共催:B/後援:C」 (the bodies up to the next label).
ORGANISER_ROW = re.compile(
    r"(?:^|[/／|]\s?|[(（]|[、,]\s?(?=(?:主催|共催)[:：]))"
    r"[【\[]?(?:主催|共催)(?:者|団体)?(?:[】\]]\s?[:：]?|\s?[:：])[ \t]*"
    r"(?P<bodies>(?:[^\n/／|()（）]|[(（][^()（）\n]*[)）])+?)"
    r"[ \t]*(?=[/／|)）]|[、,]\s?(?:主催|共催|後援|協賛|協力)|$)",
    re.MULTILINE,
)
# A signing still to come: 「締結することで合意」, 「締結に向けて」, 「締結を目指す」, 「締結を進めていく」.
PLANNED = re.compile(
    r"(?:締結|調印|署名|結ぶ|交わす)(?:する|の)?(?:ことで合意|ことに合意|に向け|を目指|を進め|を検討|方向)"
)
# What follows an event where something happens at it: 「Eにおいて」, 「Eの場で」, 「Eの席上」, 「Eに合わせて」.
HELD_AT = re.compile(
    r"」?\s?(?:において|の場で|の場において|の席上|の席で|の会場で|に合わせて|の機会に|の際に|で(?!開催|行われ|は|の))"
)
# 「本学」「当大学」「本校」: the university (or college) whose page it is (not 本学会, a society, nor 本学園, a
# school's trust, nor 本学部, this faculty)
OWN_UNIVERSITY = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa])(?:本学|当大学|本大学|本校|当校)(?!会|園|年|部|科|舎)")
# a faculty, graduate school or hospital of a university: 「医学部」, 「大学院医学系研究科」, 「附属病院」
UNIVERSITY_UNIT = re.compile(r"[\u4e00-\u9fff]{0,12}(?:学部|研究科|学群|学類|病院|研究所|大学院)")
# A place's government named after the place: 「X県政府と」, 「X省人民政府は」 (the place acts).
GOVERNMENT_AFTER = re.compile(r"^(?:" + "|".join(GOVERNMENT_WORDS) + r")(?=[はがとのもにをへで、])")
# An alliance made, said by its own verb: 「Bと業務提携した」, 「Bと友好提携する」 (no 締結 needed).
SIGNED_ALLIANCE = re.compile(r"(?:契約)?(?:を)?(?:し(?!て(?:いる|おり|います))|する|します|いたし|を行)")
# What may follow an agreement word that ends a headline: 「AとBが友好提携」, 「A、Bと連携協定(1月)」.
HEADLINE_END = re.compile(r"(?:契約|書)?\s?(?:[(][^()\n]{0,20}[)])?\s?[!。]?\s*")
# A body's post holder in brackets after it: 「X大学(学長:P)」, 「X社(代表取締役:P)」 (the match ends at P).
BRACKET_POST = re.compile(
    r"[(（](?:[^()（）]{1,40}?、)?(?P<post>[^()（）:：、\s]{1,10})\s?[:：]\s?$"
)  # 「X大学(学長:P)」, a company's profile 「X(本社:東京都港区、代表取締役:P)」
# What follows a party of a signing: 「Aは」, 「Aと」, 「A、」, 「Aの間で」, 「A、B、Cの3者は」, 「Aを訪問し」.
PARTY_AFTER = re.compile(
    r"(?:代表団|訪問団|知事|市長)?(?:は|が|では|と|及び|および|、|・|の間で"
    # 「A、B、Cの3大学と」, 「…の4者は」: the last of a counted list of parties
    r"|の[2-9二三四五六七八九十]{1,2}(?:者|大学|校|社|機関|団体|市町村|市町|自治体|県|市|町|村|か国|カ国))|を訪問|を訪れ"
)
# 「両者は」, 「双方が」, 「両県は」, 「両大学は」: a subject standing for both sides named before
BOTH_SIDES = re.compile(
    r"(?:両者|双方|両[県市州省国町村道府]{1,2}|両地域|両機関|両大学|両社|両団体|両会議所)(?:は|が|とも)"
)
