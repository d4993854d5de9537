"""Word lists the rules use: name suffixes, titles, keywords and sector words.

All general Japanese vocabulary of the genre (press releases, prefectural
pages, webinar reports); nothing here names a particular organisation.
"""

from __future__ import annotations

from graph.model import AgreementKind, EventKind, OrganisationKind, PlaceKind
from graph.sectors import SECTORS

# Organisation suffixes, longest first, with the kind they imply.
ORG_SUFFIXES: tuple[tuple[str, OrganisationKind], ...] = tuple(
    sorted(
        (
            ("株式会社", OrganisationKind.COMPANY),
            ("有限会社", OrganisationKind.COMPANY),
            ("合同会社", OrganisationKind.COMPANY),
            ("ホールディングス", OrganisationKind.COMPANY),
            ("グループ", OrganisationKind.COMPANY),
            ("商事", OrganisationKind.COMPANY),
            ("銀行", OrganisationKind.COMPANY),
            ("製薬", OrganisationKind.COMPANY),
            ("工業", OrganisationKind.COMPANY),
            ("Inc.", OrganisationKind.COMPANY),
            ("Ltd.", OrganisationKind.COMPANY),
            ("Co., Ltd.", OrganisationKind.COMPANY),
            ("Corporation", OrganisationKind.COMPANY),
            ("GmbH", OrganisationKind.COMPANY),
            ("商工会議所", OrganisationKind.ASSOCIATION),
            ("商工会", OrganisationKind.ASSOCIATION),
            ("協会", OrganisationKind.ASSOCIATION),
            ("総会", OrganisationKind.ASSOCIATION),
            ("連合会", OrganisationKind.ASSOCIATION),
            ("協議会", OrganisationKind.ASSOCIATION),
            ("学会", OrganisationKind.ASSOCIATION),
            ("財団", OrganisationKind.ASSOCIATION),
            ("コミュニティ", OrganisationKind.ASSOCIATION),
            ("Chamber of Commerce", OrganisationKind.ASSOCIATION),
            ("Association", OrganisationKind.ASSOCIATION),
            ("大使館", OrganisationKind.EMBASSY),
            ("総領事館", OrganisationKind.EMBASSY),
            ("領事館", OrganisationKind.EMBASSY),
            ("代表部", OrganisationKind.EMBASSY),
            ("Embassy", OrganisationKind.EMBASSY),
            ("大学", OrganisationKind.UNIVERSITY),
            ("大学院", OrganisationKind.UNIVERSITY),
            ("University", OrganisationKind.UNIVERSITY),
            ("研究所", OrganisationKind.RESEARCH_INSTITUTE),
            ("研究機構", OrganisationKind.RESEARCH_INSTITUTE),
            ("研究センター", OrganisationKind.RESEARCH_INSTITUTE),
            ("研究院", OrganisationKind.RESEARCH_INSTITUTE),
            ("Institute", OrganisationKind.RESEARCH_INSTITUTE),
            ("機構", OrganisationKind.AGENCY),
            ("振興会", OrganisationKind.AGENCY),
            ("公社", OrganisationKind.AGENCY),
            ("事業団", OrganisationKind.AGENCY),
            ("エージェンシー", OrganisationKind.AGENCY),
            ("Agency", OrganisationKind.AGENCY),
            ("センター", OrganisationKind.AGENCY),
            ("Center", OrganisationKind.AGENCY),
            ("Centre", OrganisationKind.AGENCY),
            ("省", OrganisationKind.GOVERNMENT_BODY),
            ("庁", OrganisationKind.GOVERNMENT_BODY),
            ("局", OrganisationKind.GOVERNMENT_BODY),
            ("委員会", OrganisationKind.GOVERNMENT_BODY),
            ("政府", OrganisationKind.GOVERNMENT_BODY),
            ("Ministry", OrganisationKind.GOVERNMENT_BODY),
            ("クラスター", OrganisationKind.CLUSTER),
            ("アライアンス", OrganisationKind.CLUSTER),
            ("Cluster", OrganisationKind.CLUSTER),
            ("Alliance", OrganisationKind.CLUSTER),
            ("モデル地区", OrganisationKind.OTHER),
            ("事務所", OrganisationKind.OTHER),
        ),
        key=lambda item: -len(item[0]),
    )
)

# Units inside a body: a person's department, kept out of the organisation name.
DEPARTMENT_SUFFIXES = ("部局", "本部室", "本部", "部門", "部", "課", "室", "班", "グループ", "事務所", "支部", "支社")

# Legal-form and public-body prefixes: kept as an alias, dropped from the display name.
LEGAL_PREFIXES = (
    "公益財団法人",
    "一般財団法人",
    "公益社団法人",
    "一般社団法人",
    "独立行政法人",
    "国立研究開発法人",
    "地方独立行政法人",
    "特定非営利活動法人",
    "NPO法人",
    "学校法人",
    "社会福祉法人",
    "株式会社",
    "有限会社",
    "財団法人",
    "社団法人",
)

PLACE_SUFFIXES: tuple[tuple[str, PlaceKind], ...] = (
    ("自治区", PlaceKind.REGION),
    ("特別区", PlaceKind.DISTRICT),
    ("都", PlaceKind.REGION),
    ("道", PlaceKind.REGION),
    ("府", PlaceKind.REGION),
    ("県", PlaceKind.REGION),
    ("省", PlaceKind.REGION),
    ("州", PlaceKind.REGION),
    ("市", PlaceKind.CITY),
    ("区", PlaceKind.DISTRICT),
    ("町", PlaceKind.DISTRICT),
    ("村", PlaceKind.DISTRICT),
)

# Honorifics and titles: they mark a person and never belong to the name.
HONORIFICS = ("氏", "さん", "様", "殿", "君")
TITLES = tuple(
    sorted(
        {
            "大統領",
            "首相",
            "総理",
            "総理大臣",
            "大臣",
            "副大臣",
            "大使",
            "公使",
            "参事官",
            "公使参事官",
            "総領事",
            "領事",
            "知事",
            "副知事",
            "市長",
            "副市長",
            "町長",
            "区長",
            "村長",
            "議長",
            "会長",
            "副会長",
            "社長",
            "副社長",
            "理事長",
            "専務理事",
            "常務理事",
            "理事",
            "事務局長",
            "局長",
            "部長",
            "副部長",
            "課長",
            "係長",
            "班長",
            "室長",
            "所長",
            "副所長",
            "センター長",
            "館長",
            "学長",
            "総長",
            "校長",
            "院長",
            "教授",
            "准教授",
            "助教",
            "講師",
            "博士",
            "代表",
            "代表取締役",
            "取締役",
            "執行役員",
            "CEO",
            "CTO",
            "COO",
            "書記",
            "党書記",
            "主任",
            "主席",
            "委員長",
            "責任者",
            "部局責任者",
            "担当者",
            "マネージャー",
            "マネジャー",
            "ディレクター",
            "コーディネーター",
            "チーフ・コーディネーター",
            "プロジェクト・デベロッパー",
            "デベロッパー",
            "コンサルタント",
            "アドバイザー",
            "フェロー",
            "研究員",
            "主任研究員",
            "顧問",
            "参与",
            "長官",
            "次官",
            "審議官",
            "総裁",
            "副総裁",
            "頭取",
            "創業者",
            "共同創業者",
            "代表理事",
            "事務総長",
        },
        key=len,
        reverse=True,
    )
)
# Titles that stand for a governing place's head: "X市長が訪問" means X visited.
HEAD_TITLES = ("知事", "県知事", "市長", "町長", "区長", "村長", "大統領", "首相", "総理", "省長", "州首相")

AGREEMENT_WORDS: tuple[tuple[str, AgreementKind], ...] = (
    ("基本合意書", AgreementKind.BASIC),
    ("合意書", AgreementKind.BASIC),
    ("意向書", AgreementKind.BASIC),
    ("友好提携", AgreementKind.FRIENDSHIP),
    ("友好交流協定", AgreementKind.FRIENDSHIP),
    ("友好都市", AgreementKind.FRIENDSHIP),
    ("姉妹都市", AgreementKind.FRIENDSHIP),
    ("姉妹提携", AgreementKind.FRIENDSHIP),
    ("覚書", AgreementKind.MOU),
    ("MOU", AgreementKind.MOU),
    ("MoU", AgreementKind.MOU),
    ("Memorandum of Understanding", AgreementKind.MOU),
    ("協力協定", AgreementKind.COOPERATION),
    ("連携協定", AgreementKind.COOPERATION),
    ("協定", AgreementKind.COOPERATION),
    ("パートナーシップ", AgreementKind.COOPERATION),
)
AGREEMENT_VERBS = (
    "締結",
    "調印",
    "署名",
    "更新",
    "結び",
    "結ん",
    "結ぶ",
    "交わし",
    "交わす",
    "かわす",
    "取り交わ",
    "合意",
)
RENEWAL_VERBS = ("更新",)

VISIT_WORDS = ("訪問", "来日", "訪日", "赴き", "赴い", "赴く", "訪れ", "視察", "歴訪")

EVENT_WORDS: tuple[tuple[str, EventKind], ...] = (
    ("ウェビナー", EventKind.WEBINAR),
    ("Webinar", EventKind.WEBINAR),
    ("webinar", EventKind.WEBINAR),
    ("シンポジウム", EventKind.CONFERENCE),
    ("カンファレンス", EventKind.CONFERENCE),
    ("フォーラム", EventKind.CONFERENCE),
    ("サミット", EventKind.CONFERENCE),
    ("Congress", EventKind.CONFERENCE),
    ("Conference", EventKind.CONFERENCE),
    ("Forum", EventKind.CONFERENCE),
    ("Summit", EventKind.CONFERENCE),
    ("Symposium", EventKind.CONFERENCE),
    ("大会", EventKind.CONFERENCE),
    ("国際会議", EventKind.CONFERENCE),
    ("協議会", EventKind.MEETING),
    ("会議", EventKind.MEETING),
    ("セミナー", EventKind.CONFERENCE),
    ("博覧会", EventKind.EXHIBITION),
    ("万博", EventKind.EXHIBITION),
    ("展示会", EventKind.EXHIBITION),
    ("見本市", EventKind.EXHIBITION),
    ("Expo", EventKind.EXHIBITION),
)
ORGANISER_WORDS = ("主催", "共催", "開催")
SPEAKER_WORDS = (
    "講演",
    "登壇",
    "挨拶",
    "あいさつ",
    "プレゼンテーション",
    "パネルディスカッション",
    "パネリスト",
    "基調講演",
    "パネラー",
    "話す機会",
    "スピーカー",
    "モデレーター",
)

# Sector words: the vocabulary's own labels and synonyms plus general Japanese terms.
_EXTRA_SECTOR_WORDS = {
    "life_sciences": ("ライフサイエンス", "ライフ・サイエンス", "life sciences", "life science"),
    "healthcare": ("医療・ヘルスケア", "ヘルスケア", "医療", "healthcare"),
    "public_health": ("公衆衛生", "感染症"),
    "medical_devices": ("医療機器", "メドテック", "medtech", "medical devices"),
    "biopharma": ("バイオ医薬品", "バイオ医療", "製薬", "創薬", "医薬品", "バイオテック", "バイオ", "biotech"),
    "regenerative_medicine": ("再生医療", "幹細胞", "遺伝子治療"),
    "elderly_care": ("介護",),
    "digital_health_ai": ("ヘルステック", "AI活用", "人工知能"),
    "robotics": ("ロボット", "robotics"),
    "environment": ("環境保護", "環境"),
    "semiconductors": ("半導体", "semiconductor"),
    "advanced_materials": ("新素材", "素材", "材料"),
    "precision_manufacturing": ("精密加工", "超精密加工", "マイクロナノ製造"),
    "automotive": ("自動車部品", "自動車"),
    "textiles_apparel": ("繊維", "アパレル"),
    "food": ("食産業", "食品", "食"),
    "agritech": ("農業技術", "農業"),
    "tourism": ("観光", "巡礼道", "tourism"),
    "culture": ("文化交流", "文化", "青少年", "スポーツ"),
    "trade": ("越境貿易", "物品貿易", "貿易", "trade"),
    "investment": ("投資促進", "外資誘致", "投資", "investment"),
    "startups": ("スタートアップ", "起業支援", "創業支援", "起業", "startups"),
    "technology_transfer": ("技術移転", "technology transfer"),
    "innovation": ("イノベーション", "innovation"),
    "energy_resources": ("天然資源", "天然ガス", "エネルギー"),
    "finance": ("金融",),
    "real_estate": ("工業団地", "複合施設", "都市開発"),
}


def sector_words() -> dict[str, str]:
    """Surface word -> sector id, from the controlled vocabulary and general terms."""
    words: dict[str, str] = {}
    for sector in SECTORS:
        for word in (sector.ja, *sector.synonyms, *_EXTRA_SECTOR_WORDS.get(sector.id, ())):
            words.setdefault(word, sector.id)
    return words


SECTOR_WORDS = sector_words()
# One-character or very broad words count only next to 分野/産業/領域.
WEAK_SECTOR_WORDS = frozenset(
    {
        "食",
        "環境",
        "文化",
        "医療",
        "投資",
        "貿易",
        "材料",
        "素材",
        "バイオ",
        "健康",
        "AI",
        "イノベーション",
        "スポーツ",
        "起業",
        "銀行",
        "石油",
        "ウラン",
        "料理",
    }
)

# Anaphors resolved to the last fitting entity in the document.
COREFERENCE = {
    "同社": ("organisation", ("company",)),
    "当社": ("organisation", ("company",)),
    "同行": ("organisation", ("company",)),
    "同省": ("any", ("省",)),
    "同県": ("place", ("県",)),
    "同市": ("place", ("市",)),
    "同区": ("place", ("区",)),
    "同州": ("place", ("州",)),
    "同国": ("place", ("country",)),
    "同機構": ("organisation", ("機構",)),
    "当機構": ("organisation", ("機構",)),
    "同協会": ("organisation", ("協会",)),
    "同センター": ("organisation", ("センター",)),
    "同大学": ("organisation", ("大学",)),
    "同大使館": ("organisation", ("大使館",)),
    "同アライアンス": ("organisation", ("アライアンス",)),
    "同局": ("organisation", ("局",)),
}
