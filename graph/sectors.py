"""The controlled sector vocabulary: English ids, English and Japanese labels,
and the Japanese/Chinese words that mean each sector in documents."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sector:
    id: str
    en: str
    ja: str
    synonyms: tuple[str, ...] = ()

    @property
    def entity_id(self) -> str:
        return f"sector:{self.id}"


SECTORS: tuple[Sector, ...] = (
    Sector("life_sciences", "Life sciences", "ライフサイエンス", ("生命科学", "ライフ・サイエンス")),
    Sector("healthcare", "Healthcare and medicine", "医療・ヘルスケア", ("医療", "ヘルスケア", "医療分野", "健康")),
    Sector("public_health", "Public health", "公衆衛生", ("感染症",)),
    Sector("medical_devices", "Medical technology and devices", "医療機器", ("メドテック", "MedTech", "医療機器産業")),
    Sector(
        "biopharma",
        "Biotechnology and pharmaceuticals",
        "バイオ・創薬",
        ("製薬", "医薬品", "創薬", "バイオ医薬品", "バイオ医療", "医薬"),
    ),
    Sector("regenerative_medicine", "Regenerative medicine", "再生医療", ("幹細胞", "遺伝子治療")),
    Sector("elderly_care", "Elderly care", "介護", ("高齢者介護", "介護人材")),
    Sector(
        "digital_health_ai", "Digital health and AI", "ヘルステック・AI", ("ヘルステック", "AI活用", "人工知能", "AI")
    ),
    Sector("robotics", "Robotics", "ロボット", ("ロボット産業",)),
    Sector("environment", "Environmental protection", "環境保護", ("環境", "環境保護素材")),
    Sector("semiconductors", "Semiconductors", "半導体", ("半導体材料",)),
    Sector("advanced_materials", "Advanced materials", "新素材", ("素材", "材料", "液晶パネル")),
    Sector(
        "precision_manufacturing", "Precision manufacturing", "精密加工", ("超精密加工", "マイクロナノ製造", "製造業")
    ),
    Sector("automotive", "Automotive", "自動車", ("自動車部品",)),
    Sector("textiles_apparel", "Textiles and apparel", "繊維・アパレル", ("繊維", "アパレル")),
    Sector("food", "Food", "食", ("食産業", "料理", "食品")),
    Sector("agritech", "Agricultural technology", "農業技術", ("農業",)),
    Sector("tourism", "Tourism", "観光", ("巡礼道",)),
    Sector("culture", "Culture and exchange", "文化交流", ("文化", "青少年", "スポーツ")),
    Sector("trade", "Trade", "貿易", ("越境貿易", "物品貿易")),
    Sector("investment", "Investment promotion", "投資促進", ("投資", "外資誘致")),
    Sector(
        "startups", "Startups and entrepreneurship", "起業支援", ("スタートアップ", "起業", "創業支援", "留学生起業")
    ),
    Sector("technology_transfer", "Technology transfer", "技術移転", ()),
    Sector("innovation", "Innovation policy", "イノベーション", ("イノベーション創出", "創新")),
    Sector(
        "energy_resources",
        "Energy and natural resources",
        "資源・エネルギー",
        ("天然資源", "天然ガス", "石油", "ウラン"),
    ),
    Sector("finance", "Finance", "金融", ("銀行",)),
    Sector("real_estate", "Industrial parks and real estate", "工業団地・開発", ("工業団地", "複合施設", "都市開発")),
)

SECTORS_BY_ID = {s.id: s for s in SECTORS}
