"""Realistic synthetic graphs for benchmarks: deterministic from a seed, streamed as batches.

The shape follows the seed dataset: countries, regions and cities (``located_in``
upwards), organisations of every kind located in cities, people who work for
them, agreements of 2-5 parties with signing dates, events with organisers,
speakers and audiences, and free ties (partnerships, memberships, meetings,
visits, foundings). Activity is heavy tailed: every actor draws a Pareto
fitness and is picked in proportion to it, so a few hubs gather hundreds of
ties while most actors have a handful, as in real networks. Roughly half of
the direct ties and most agreements cross a border, like the seeds.

Evidence cites a few hundred synthetic documents published over 25 years, so
tie decay varies. The size parameter is the number of relations; entities
follow (about one per 3.5 relations). Only compact arrays are kept while
generating: pydantic models are built batch by batch.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from graph.ids import digest, relation_id
from graph.model import (
    Batch,
    Entity,
    EntityRecord,
    EntityType,
    Evidence,
    Lang,
    Name,
    NameKind,
    Relation,
    Source,
)
from graph.sectors import SECTORS
from ingest.vocabulary import sector_batch

RELATIONS_PER_ENTITY = 3.5
LAST_YEAR = 2025
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def parse_size(text: str) -> int:
    """``10k``, ``100k``, ``1m`` or a plain number of relations."""
    key = text.strip().lower()
    if key in SIZES:
        return SIZES[key]
    scale = {"k": 1_000, "m": 1_000_000}.get(key[-1:], 1)
    number = key[:-1] if scale > 1 else key
    try:
        value = int(float(number) * scale)
    except ValueError:
        raise ValueError(f"size {text!r}: expected 10k, 100k, 1m or a number of relations") from None
    if value < 1_000:
        raise ValueError(f"size {text!r}: at least 1000 relations")
    return value


def size_label(relations: int) -> str:
    for label, value in SIZES.items():
        if value == relations:
            return label
    return str(relations)


# -- vocabulary ------------------------------------------------------------------------------------

Names = tuple[tuple[str, Lang], ...]


def _split(words: str) -> list[str]:
    return words.split()



@dataclass(frozen=True)
class Country:
    iso: str
    en: str
    ja: str
    zh: str
    weight: float  # share of activity
    style: str  # naming style: ja, zh or en


COUNTRIES: tuple[Country, ...] = (
    Country("JP", "Japan", "日本", "日本", 0.30, "ja"),
    Country("CN", "China", "中国", "中国", 0.17, "zh"),
    Country("US", "United States", "米国", "美国", 0.06, "en"),
    Country("KR", "South Korea", "韓国", "韩国", 0.05, "en"),
    Country("DE", "Germany", "ドイツ", "德国", 0.045, "en"),
    Country("TW", "Taiwan", "台湾", "台湾", 0.03, "zh"),
    Country("TH", "Thailand", "タイ", "泰国", 0.03, "en"),
    Country("VN", "Vietnam", "ベトナム", "越南", 0.03, "en"),
    Country("FR", "France", "フランス", "法国", 0.03, "en"),
    Country("GB", "United Kingdom", "英国", "英国", 0.025, "en"),
    Country("SG", "Singapore", "シンガポール", "新加坡", 0.02, "en"),
    Country("IN", "India", "インド", "印度", 0.02, "en"),
    Country("ES", "Spain", "スペイン", "西班牙", 0.02, "en"),
    Country("IT", "Italy", "イタリア", "意大利", 0.02, "en"),
    Country("NL", "Netherlands", "オランダ", "荷兰", 0.015, "en"),
    Country("BE", "Belgium", "ベルギー", "比利时", 0.015, "en"),
    Country("MY", "Malaysia", "マレーシア", "马来西亚", 0.015, "en"),
    Country("ID", "Indonesia", "インドネシア", "印度尼西亚", 0.015, "en"),
    Country("AU", "Australia", "オーストラリア", "澳大利亚", 0.015, "en"),
    Country("CA", "Canada", "カナダ", "加拿大", 0.015, "en"),
    Country("FI", "Finland", "フィンランド", "芬兰", 0.01, "en"),
    Country("SE", "Sweden", "スウェーデン", "瑞典", 0.01, "en"),
    Country("IL", "Israel", "イスラエル", "以色列", 0.01, "en"),
    Country("KZ", "Kazakhstan", "カザフスタン", "哈萨克斯坦", 0.01, "en"),
)

_JA_PARTS = tuple(
    zip(
        _split("山 川 田 中 本 北 南 東 西 高 松 岡 島 石 大 小 長 福 宮 新 浜 野 原 井 沢 津 崎 和 広 富"),
        _split(
            "yama kawa ta naka moto kita minami higashi nishi taka matsu oka shima ishi o ko naga fuku miya shin hama "
            "no hara i sawa tsu saki wa hiro tomi"
        ),
        strict=True,
    )
)
_ZH_PARTS = tuple(
    zip(
        _split("安 北 长 大 东 丰 广 海 河 华 江 津 昆 兰 林 明 南 宁 平 青 山 深 泰 天 武 西 阳 云 州 珠"),
        _split(
            "an bei chang da dong feng guang hai he hua jiang jin kun lan lin ming nan ning ping qing shan shen tai "
            "tian wu xi yang yun zhou zhu"
        ),
        strict=True,
    )
)
_EN_HEADS = _split("Al Ber Cas Dor El Fal Gren Hal Is Jor Kel Lin Mar Nor Ost Pra Quen Ros Sal Tor Ul Val Wes Yor Zan")
_EN_TAILS = _split("burg ton ford ville stad mont heim field port dale gate wick")

_JA_SURNAMES = tuple(
    zip(
        _split("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 清水 森"),
        _split(
            "Sato Suzuki Takahashi Tanaka Ito Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
            "Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori"
        ),
        strict=True,
    )
)
_JA_GIVEN = tuple(
    zip(
        _split("健 翔太 大輔 直樹 美咲 陽子 誠 恵 拓也 由美 浩 彩 学 花子 一郎 真理"),
        _split("Ken Shota Daisuke Naoki Misaki Yoko Makoto Megumi Takuya Yumi Hiroshi Aya Manabu Hanako Ichiro Mari"),
        strict=True,
    )
)
_ZH_SURNAMES = tuple(
    zip(
        _split("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林"),
        _split("Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin"),
        strict=True,
    )
)
_ZH_GIVEN = tuple(
    zip(
        _split("伟 芳 娜 敏 静 磊 强 洋 勇 艳 杰 涛 明 超 霞 平 建华 晓东"),
        _split("Wei Fang Na Min Jing Lei Qiang Yang Yong Yan Jie Tao Ming Chao Xia Ping Jianhua Xiaodong"),
        strict=True,
    )
)
_EN_FIRST = _split("Anna Ben Clara David Elena Felix Grace Hugo Ines Jonas Karin Lukas Maria Nils Olivia Paul Rosa")
_EN_LAST = _split(
    "Müller Smith Martin Rossi García Dubois Schmidt Johnson Novak Peeters Jansen Lee Kim Park Nguyen Tan Singh Cohen "
    "Andersson Virtanen"
)

# organisation kind -> (share, Japanese suffix, Chinese suffix, English pattern)
_ORG_KINDS: dict[str, tuple[float, str, str, str]] = {
    "company": (0.40, "株式会社", "有限公司", "{} Co., Ltd."),
    "university": (0.06, "大学", "大学", "University of {}"),
    "research_institute": (0.07, "研究所", "研究院", "{} Research Institute"),
    "association": (0.10, "協会", "协会", "{} Association"),
    "cluster": (0.04, "クラスター", "产业联盟", "{} Cluster"),
    "government_body": (0.10, "産業振興局", "科技创新局", "{} Industry Promotion Bureau"),
    "agency": (0.10, "国際交流機構", "投资促进局", "{} Investment Agency"),
    "embassy": (0.03, "", "", ""),  # named after both countries
    "other": (0.10, "イノベーションセンター", "创新中心", "{} Innovation Centre"),
}
_COMPANY_WORDS = tuple(
    zip(
        _split("テック 精機 製薬 電子 化学 物産 バイオ ロボティクス マテリアル エナジー メディカル 工業"),
        _split("科技 精机 制药 电子 化学 贸易 生物 机器人 材料 能源 医疗 工业"),
        _split("Tech Precision Pharma Electronics Chemical Trading Bio Robotics Materials Energy Medical Industries"),
        strict=True,
    )
)
_AGREEMENT_KINDS = (
    ("mou", 0.40, "覚書", "MOU"),
    ("cooperation", 0.35, "協力協定", "cooperation agreement"),
    ("friendship", 0.10, "友好協定", "friendship agreement"),
    ("basic", 0.15, "基本合意", "letter of intent"),
)
_EVENT_KINDS = (("conference", 0.30, "カンファレンス", "Conference"), ("webinar", 0.20, "ウェビナー", "Webinar"),
                ("delegation_visit", 0.15, "訪問団", "Delegation"), ("exhibition", 0.10, "展示会", "Expo"),
                ("meeting", 0.25, "会議", "Meeting"))
_ROLES = ("Director", "Manager", "Researcher", "Engineer", "President", "Head of International Relations",
          "Project Lead", "Advisor")
_CONFIDENCE = (1.0, 0.9, 0.8, 0.7, 0.6)
_CONFIDENCE_WEIGHTS = (0.5, 0.15, 0.2, 0.1, 0.05)
_ORG_KIND_WEIGHTS = tuple(v[0] for v in _ORG_KINDS.values())
_AGREEMENT_WEIGHTS = tuple(k[1] for k in _AGREEMENT_KINDS)
_EVENT_WEIGHTS = tuple(k[1] for k in _EVENT_KINDS)
_FREE_TIES = ("partner_of", "member_of", "met_with", "visited", "established")
_FREE_TIE_WEIGHTS = (0.40, 0.25, 0.15, 0.12, 0.08)

# entity categories (compact codes kept per entity while generating)
COUNTRY, REGION, CITY, AREA, ORG, PERSON, AGREEMENT, EVENT = range(8)
_ENTITY_TYPE = {COUNTRY: EntityType.PLACE, REGION: EntityType.PLACE, CITY: EntityType.PLACE, AREA: EntityType.PLACE,
                ORG: EntityType.ORGANISATION, PERSON: EntityType.PERSON, AGREEMENT: EntityType.AGREEMENT,
                EVENT: EntityType.EVENT}
_PREFIX = {COUNTRY: "place", REGION: "place", CITY: "place", AREA: "place", ORG: "org", PERSON: "person",
           AGREEMENT: "agreement", EVENT: "event"}
ACTOR_CATEGORIES = frozenset({ORG, PERSON})


class _Pool:
    """Items picked in proportion to their weights (bisection over cumulative sums)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, items: Sequence[int], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def __bool__(self) -> bool:
        return bool(self.items)

    def pick(self, rng: random.Random) -> int:
        return self.items[min(bisect.bisect_right(self.cum, rng.random() * self.total), len(self.items) - 1)]


def _weighted(rng: random.Random, weights: Sequence[float]) -> int:
    """An index picked in proportion to ``weights``."""
    x = rng.random() * sum(weights)
    for i, w in enumerate(weights):
        x -= w
        if x <= 0:
            return i
    return len(weights) - 1


def _recent_year(rng: random.Random, mean_age: float, first: int) -> int:
    return max(first, LAST_YEAR - int(rng.expovariate(1 / mean_age)))


@dataclass
class SyntheticGraph:
    """A synthetic graph of about ``relations`` relations, reproducible from ``seed``.

    Iterate :meth:`batches` to get it; afterwards :attr:`counts` holds the
    relation counts by type and :meth:`tied_actors` the organisations and
    people that took part in at least one introduction tie.
    """

    relations: int
    seed: int = 0
    batch_size: int = 50_000
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.relations < 1_000:
            raise ValueError("a synthetic graph needs at least 1000 relations")
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._rng = random.Random(self.seed)
        self._ids: list[str] = []
        self._cat = bytearray()
        self._country: list[int] = []
        self._kind: list[str] = []
        self._year: list[int] = []  # agreements and events: their year; others: 0
        self._tied = bytearray()
        self._names: list[tuple[tuple[str, Lang], ...]] = []
        self._extra: dict[int, dict[str, str]] = {}  # typed entity fields: iso_code, signed, start ...
        self._home: dict[int, int] = {}  # embassy -> the country it represents
        self._planned = False
        # Zipf over the vocabulary: the first sectors are the common ones
        self._sector_pool = _Pool(range(len(SECTORS)), [1 / (k + 1) for k in range(len(SECTORS))])

    # -- public helpers ------------------------------------------------------------------------------
    def tied_actors(self) -> list[str]:
        """Organisations and people with at least one introduction tie, in generation order."""
        return [self._ids[i] for i in range(len(self._ids)) if self._tied[i] and self._cat[i] in ACTOR_CATEGORIES]

    def places(self, category: int) -> list[str]:
        """Ids of the places of one category (``REGION``, ``CITY`` ...), in generation order."""
        return [self._ids[i] for i in range(len(self._ids)) if self._cat[i] == category]

    def country_of(self, entity_id: str) -> str:
        """ISO code of the country an entity was generated in (tests compare it with what the graph says)."""
        return COUNTRIES[self._country[self._index[entity_id]]].iso

    # -- the plan: entities as compact arrays ------------------------------------------------------
    def _add(self, cat: int, country: int, kind: str, names: Names, year: int = 0) -> int:
        i = len(self._ids)
        self._ids.append(f"{_PREFIX[cat]}:{digest('synthetic', str(self.seed), str(i))}")
        self._cat.append(cat)
        self._country.append(country)
        self._kind.append(kind)
        self._year.append(year)
        self._tied.append(0)
        self._names.append(names)
        return i

    def _place_name(self, style: str) -> tuple[str, str]:
        """(native, English) name of a made-up place in a country's naming style."""
        rng = self._rng
        if style == "ja":
            parts = [rng.choice(_JA_PARTS) for _ in range(rng.choice((2, 2, 3)))]
            roman = "".join(p[1] for p in parts)
            return "".join(p[0] for p in parts), roman.capitalize()
        if style == "zh":
            parts = [rng.choice(_ZH_PARTS) for _ in range(2)]
            return "".join(p[0] for p in parts), "".join(p[1] for p in parts).capitalize()
        name = rng.choice(_EN_HEADS) + rng.choice(_EN_TAILS)
        return name, name

    def _plan(self) -> None:
        rng = self._rng
        n = self.relations / RELATIONS_PER_ENTITY
        cw = [c.weight for c in COUNTRIES]
        self._country_pool = _Pool(range(len(COUNTRIES)), cw)
        self._country_place: list[int] = []
        for ci, c in enumerate(COUNTRIES):
            names: Names = ((c.en, Lang.EN), (c.ja, Lang.JA)) if c.ja == c.zh else ((c.en, Lang.EN), (c.ja, Lang.JA),
                                                                                 (c.zh, Lang.ZH))
            i = self._add(COUNTRY, ci, "country", names)
            self._extra[i] = {"iso_code": c.iso}
            self._country_place.append(i)
        # regions: at least one per country, the rest by activity weight
        n_regions = max(len(COUNTRIES), round(0.0035 * n))
        regions_of: list[list[int]] = [[] for _ in COUNTRIES]
        for k in range(n_regions):
            ci = k if k < len(COUNTRIES) else self._country_pool.pick(rng)
            native, en = self._place_name(COUNTRIES[ci].style)
            style = COUNTRIES[ci].style
            if style == "ja":
                names = ((native + "県", Lang.JA), (f"{en} Prefecture", Lang.EN))
            elif style == "zh":
                names = ((native + "省", Lang.ZH), (f"{en} Province", Lang.EN))
            else:
                names = ((f"{en} Region", Lang.EN),)
            regions_of[ci].append(self._add(REGION, ci, "region", names))
        self._region_of: dict[int, int] = {}
        n_cities = max(2 * n_regions, round(0.012 * n))
        city_fitness: list[float] = []
        cities: list[int] = []
        all_regions = [r for rs in regions_of for r in rs]
        for k in range(n_cities):
            if k < len(all_regions):
                region = all_regions[k]
            else:
                ci = self._country_pool.pick(rng)
                region = rng.choice(regions_of[ci])
            ci = self._country[region]
            native, en = self._place_name(COUNTRIES[ci].style)
            style = COUNTRIES[ci].style
            names = ((native + "市", Lang.JA if style == "ja" else Lang.ZH), (en, Lang.EN)) if style != "en" else (
                (en, Lang.EN),)
            city = self._add(CITY, ci, "city", names)
            self._region_of[city] = region
            cities.append(city)
            city_fitness.append(rng.paretovariate(1.3))
        self._cities_by_country = [
            _Pool([c for c in cities if self._country[c] == ci],
                  [f for c, f in zip(cities, city_fitness, strict=True) if self._country[c] == ci])
            for ci in range(len(COUNTRIES))
        ]
        areas = []
        for _ in range(max(5, round(0.002 * n))):
            ci = self._country_pool.pick(rng)
            city = self._cities_by_country[ci].pick(rng)
            native, en = self._place_name(COUNTRIES[ci].style)
            names = ((f"{native}イノベーションパーク", Lang.JA), (f"{en} Innovation Park", Lang.EN)) if (
                COUNTRIES[ci].style == "ja") else ((f"{en} Science Park", Lang.EN),)
            area = self._add(AREA, ci, "area", names)
            self._region_of[area] = city
            areas.append(area)
        self._areas_by_country = [[a for a in areas if self._country[a] == ci] for ci in range(len(COUNTRIES))]
        # governing places (country, region, city) as actors: a few big ones dominate
        governing = [*self._country_place, *all_regions, *cities]
        gov_weight = [30.0] * len(COUNTRIES) + [5.0 * rng.paretovariate(1.5) for _ in all_regions] + [
            f for f in city_fitness]
        self._gov_pool = _Pool(governing, gov_weight)
        self._gov_by_country = [
            _Pool([g for g in governing if self._country[g] == ci],
                  [w for g, w in zip(governing, gov_weight, strict=True) if self._country[g] == ci])
            for ci in range(len(COUNTRIES))
        ]
        self._plan_organisations(round(0.30 * n))
        self._plan_people(round(0.42 * n))
        self._plan_meetings(round(0.075 * n), round(0.11 * n))
        self._index = {eid: i for i, eid in enumerate(self._ids)}
        self._planned = True

    def _plan_organisations(self, count: int) -> None:
        rng = self._rng
        kinds = list(_ORG_KINDS.items())
        orgs: list[int] = []
        fitness: list[float] = []
        self._located: dict[int, int] = {}
        for _ in range(count):
            kind, (_share, ja_suffix, zh_suffix, en_pattern) = kinds[_weighted(rng, _ORG_KIND_WEIGHTS)]
            ci = self._country_pool.pick(rng)
            style = COUNTRIES[ci].style
            place = self._cities_by_country[ci].pick(rng)
            if kind in ("company", "research_institute", "other") and self._areas_by_country[ci] and rng.random() < .1:
                place = rng.choice(self._areas_by_country[ci])
            base_native, base_en = self._names[place][0][0], self._names[place][-1][0]
            base_native = base_native.removesuffix("市")
            extra_native, extra_en = self._place_name(style)
            if kind == "embassy":
                home = self._country_pool.pick(rng)
                while home == ci:
                    home = self._country_pool.pick(rng)
                h, c = COUNTRIES[home], COUNTRIES[ci]
                names: Names = (
                    (f"在{c.ja}{h.ja}大使館", Lang.JA), (f"Embassy of {h.en} in {c.en}", Lang.EN))
                self._home[len(self._ids)] = self._country_place[home]
                place = self._cities_by_country[ci].items[0]  # the first city stands for the capital
            elif kind == "company":
                word = rng.choice(_COMPANY_WORDS)
                if style == "ja":
                    names = ((f"{extra_native}{word[0]}{_ORG_KINDS[kind][1]}", Lang.JA),
                             (f"{extra_en} {word[2]} Co., Ltd.", Lang.EN))
                elif style == "zh":
                    names = ((f"{base_native}{extra_native}{word[1]}{zh_suffix}", Lang.ZH),
                             (f"{base_en} {extra_en} {word[2]} Co., Ltd.", Lang.EN))
                else:
                    names = ((f"{extra_en} {word[2]} {rng.choice(('Inc.', 'GmbH', 'Ltd.', 'AG', 'SA'))}", Lang.EN),)
            else:
                sector = rng.choice(SECTORS)
                label = base_en if kind in ("government_body", "agency", "university") else f"{base_en} {sector.en}"
                if style == "ja":
                    native = (f"{base_native}{sector.ja if kind in ('association', 'cluster') else ''}"
                              f"{ja_suffix}")
                    names = ((native, Lang.JA), (en_pattern.format(label), Lang.EN))
                elif style == "zh":
                    names = ((f"{base_native}{zh_suffix}", Lang.ZH), (en_pattern.format(label), Lang.EN))
                else:
                    names = ((en_pattern.format(label), Lang.EN),)
            i = self._add(ORG, ci, kind, names)
            self._located[i] = place
            orgs.append(i)
            # embassies and bureaus are hubs of exchange; companies vary most
            fitness.append(rng.paretovariate(1.6) * (3.0 if kind in ("embassy", "agency", "association") else 1.0))
        self._orgs = orgs
        self._org_fitness = fitness
        self._org_pool = _Pool(orgs, fitness)
        self._orgs_by_country = [
            _Pool([o for o in orgs if self._country[o] == ci],
                  [f for o, f in zip(orgs, fitness, strict=True) if self._country[o] == ci])
            for ci in range(len(COUNTRIES))
        ]
        clubs = [(o, f) for o, f in zip(orgs, fitness, strict=True) if self._kind[o] in ("association", "cluster")]
        self._club_pool = _Pool([o for o, _ in clubs], [f for _, f in clubs])

    def _plan_people(self, count: int) -> None:
        rng = self._rng
        people: list[int] = []
        fitness: list[float] = []
        self._employer: dict[int, int] = {}
        for _ in range(count):
            employer = self._org_pool.pick(rng) if rng.random() < 0.93 else self._gov_pool.pick(rng)
            ci = self._country[employer]
            style = COUNTRIES[ci].style
            if style == "ja":
                (sj, se), (gj, ge) = rng.choice(_JA_SURNAMES), rng.choice(_JA_GIVEN)
                names: Names = ((f"{sj} {gj}", Lang.JA), (f"{ge} {se}", Lang.EN))
            elif style == "zh":
                (sz, se), (gz, ge) = rng.choice(_ZH_SURNAMES), rng.choice(_ZH_GIVEN)
                names = ((f"{sz}{gz}", Lang.ZH), (f"{se} {ge}", Lang.EN))
            else:
                names = ((f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}", Lang.EN),)
            i = self._add(PERSON, ci, "", names)
            self._employer[i] = employer
            people.append(i)
            fitness.append(rng.paretovariate(1.7))
        self._people_pool = _Pool(people, fitness)
        self._people_by_country = [
            _Pool([p for p in people if self._country[p] == ci],
                  [f for p, f in zip(people, fitness, strict=True) if self._country[p] == ci])
            for ci in range(len(COUNTRIES))
        ]

    def _plan_meetings(self, agreements: int, events: int) -> None:
        rng = self._rng
        for _ in range(agreements):
            k = _weighted(rng, _AGREEMENT_WEIGHTS)
            kind, _w, ja, en = _AGREEMENT_KINDS[k]
            year = _recent_year(rng, 8, 1980)
            ci = self._country_pool.pick(rng)
            native, roman = self._place_name(COUNTRIES[ci].style)
            names = ((f"{native}{ja}{year}", Lang.JA), (f"{roman} {en} {year}", Lang.EN))
            i = self._add(AGREEMENT, ci, kind, names, year)
            self._extra[i] = {"signed": f"{year}-{rng.randint(1, 12):02d}",
                              "status": "expired" if year < 2015 and rng.random() < 0.4 else "active"}
        self._events_start = len(self._ids)
        for _ in range(events):
            k = _weighted(rng, _EVENT_WEIGHTS)
            kind, _w, ja, en = _EVENT_KINDS[k]
            year = _recent_year(rng, 5, 2000)
            ci = self._country_pool.pick(rng)
            city = self._cities_by_country[ci].pick(rng)
            city_en = self._names[city][-1][0]
            names = ((f"{self._names[city][0][0]}{ja}{year}", Lang.JA), (f"{city_en} {en} {year}", Lang.EN))
            i = self._add(EVENT, ci, kind, names, year)
            month, day = rng.randint(1, 12), rng.randint(1, 26)
            start = f"{year}-{month:02d}-{day:02d}"
            length = rng.choice((0, 0, 1, 2)) if kind in ("conference", "exhibition") else 0
            self._extra[i] = {"start": start, "end": f"{year}-{month:02d}-{day + length:02d}"}
            self._located[i] = city

    # -- sources and evidence ----------------------------------------------------------------------
    def _make_sources(self) -> list[Source]:
        rng = self._rng
        count = max(60, self.relations // 2_000)
        sources = []
        self._sources_by_year: dict[int, list[str]] = {}
        for j in range(count):
            year = _recent_year(rng, 7, 2000)
            sid = f"synthetic:{self.seed}-doc{j:05d}"
            lang = (Lang.JA, Lang.JA, Lang.EN, Lang.ZH)[j % 4]
            sources.append(Source(id=sid, title=f"Synthetic report {j} ({year})",
                                  published=f"{year}-{rng.randint(1, 12):02d}", lang=lang,
                                  publisher="Kizuna synthetic benchmark"))
            self._sources_by_year.setdefault(year, []).append(sid)
        self._source_ids = [s.id for s in sources]
        self._evidence: dict[tuple[str, float, bool], Evidence] = {}
        return sources

    def _source_for(self, year: int) -> str:
        """A document of ``year`` (or the nearest later one) for dated facts; any document otherwise."""
        if year:
            for y in range(year, LAST_YEAR + 1):
                docs = self._sources_by_year.get(y)
                if docs:
                    return self._rng.choice(docs)
        return self._rng.choice(self._source_ids)

    def _evidence_for(self, year: int) -> tuple[Evidence, ...]:
        rng = self._rng
        out = []
        for n in range(2 if rng.random() < 0.1 else 1):
            src = self._source_for(year if n == 0 else 0)
            conf = _CONFIDENCE[_weighted(rng, _CONFIDENCE_WEIGHTS)]
            curated = rng.random() < 0.6
            key = (src, conf, curated)
            ev = self._evidence.get(key)
            if ev is None:
                ev = Evidence(source=src, confidence=conf, asserted_by="curated" if curated else "synthetic/1")
                self._evidence[key] = ev
            out.append(ev)
        if len(out) == 2 and out[0].source == out[1].source:
            out.pop()
        return tuple(out)

    # -- batches -----------------------------------------------------------------------------------
    def _record(self, i: int) -> EntityRecord:
        cat = self._cat[i]
        etype = _ENTITY_TYPE[cat]
        names = tuple(Name(text=t, lang=lang, kind=NameKind.PRIMARY) for t, lang in self._names[i])
        extra = self._extra.get(i, {})
        entity = Entity(id=self._ids[i], type=etype, kind=self._kind[i] or None, names=names, **extra)
        return EntityRecord(entity=entity, sources=(self._source_for(self._year[i]),))

    def batches(self) -> Iterator[Batch]:
        """The whole graph: sources and sectors first, then entities, then relations."""
        if not self._planned:
            self._plan()
        self.counts = {}
        sectors = sector_batch()
        yield Batch(sources=[*sectors.sources, *self._make_sources()], entities=sectors.entities)
        for start in range(0, len(self._ids), self.batch_size):
            yield Batch(entities=[self._record(i) for i in range(start, min(len(self._ids), start + self.batch_size))])
        pending: list[Relation] = []
        for rel in self._relations():
            pending.append(rel)
            if len(pending) >= self.batch_size:
                yield Batch(relations=pending)
                pending = []
        if pending:
            yield Batch(relations=pending)

    def _rel(self, rtype: str, a: int, b: int, year: int = 0, role: str | None = None,
             valid_from: str | None = None, valid_to: str | None = None) -> Relation:
        source, target = self._ids[a], self._ids[b]
        self.counts[rtype] = self.counts.get(rtype, 0) + 1
        if rtype not in ("located_in", "focuses_on"):
            self._tied[a] = self._tied[b] = 1
        return Relation(id=relation_id(rtype, source, target, role), type=rtype, source=source, target=target,
                        role=role, valid_from=valid_from, valid_to=valid_to, evidence=self._evidence_for(year))

    def _sectors(self, i: int, mean_extra: float) -> Iterator[Relation]:
        rng = self._rng
        count = 1 + min(4, int(rng.expovariate(1 / mean_extra))) if mean_extra else 1
        picked = {self._sector_pool.pick(rng) for _ in range(count)}
        for s in sorted(picked):
            sid = SECTORS[s].entity_id
            self.counts["focuses_on"] = self.counts.get("focuses_on", 0) + 1
            yield Relation(id=relation_id("focuses_on", self._ids[i], sid), type="focuses_on", source=self._ids[i],
                           target=sid, evidence=self._evidence_for(0))

    def _other_country(self, ci: int) -> int:
        other = self._country_pool.pick(self._rng)
        while other == ci:
            other = self._country_pool.pick(self._rng)
        return other

    def _body(self, ci: int, cross: float, gov_share: float = 0.0) -> int:
        """An organisation (or governing place) from ``ci``, or from another country with probability ``cross``."""
        rng = self._rng
        c = self._other_country(ci) if rng.random() < cross else ci
        if gov_share and rng.random() < gov_share:
            return self._gov_by_country[c].pick(rng)
        pool = self._orgs_by_country[c]
        return pool.pick(rng) if pool else self._gov_by_country[c].pick(rng)

    def _person(self, ci: int, cross: float) -> int:
        rng = self._rng
        c = self._other_country(ci) if rng.random() < cross else ci
        pool = self._people_by_country[c]
        return pool.pick(rng) if pool else self._people_pool.pick(rng)

    def _relations(self) -> Iterator[Relation]:
        rng = self._rng
        ids = self._ids
        # places: city -> region -> country, areas -> city
        for i in range(len(ids)):
            cat = self._cat[i]
            if cat == REGION:
                yield self._rel("located_in", i, self._country_place[self._country[i]])
            elif cat in (CITY, AREA):
                yield self._rel("located_in", i, self._region_of[i])
        # organisations: location, sectors, parent bodies
        for o in self._orgs:
            yield self._rel("located_in", o, self._located[o])
            yield from self._sectors(o, 0.5)
            kind = self._kind[o]
            ci = self._country[o]
            if kind == "embassy":
                yield self._rel("part_of", o, self._home[o], year=_recent_year(rng, 10, 1990))
            elif kind in ("government_body", "agency") and rng.random() < 0.7:
                parent = self._region_of.get(self._located[o], self._country_place[ci]) if rng.random() < 0.5 else (
                    self._located[o] if self._cat[self._located[o]] == CITY else self._country_place[ci])
                yield self._rel("part_of", o, parent)
            elif kind == "company" and rng.random() < 0.06:
                parent = self._body(ci, 0.35)
                if parent != o and self._cat[parent] == ORG:
                    yield self._rel("part_of", o, parent)
        # people: jobs, some of them past ones
        for p, employer in self._employer.items():
            start = _recent_year(rng, 8, 1985)
            ended = rng.random() < 0.25
            end = min(LAST_YEAR, start + 1 + int(rng.expovariate(1 / 5))) if ended else None
            yield self._rel("works_for", p, employer, year=start, role=rng.choice(_ROLES), valid_from=str(start),
                            valid_to=str(end) if end else None)
            if ended and end is not None:
                nxt = self._body(self._country[p], 0.08, gov_share=0.05)
                if nxt != employer:
                    yield self._rel("works_for", p, nxt, year=end, role=rng.choice(_ROLES), valid_from=str(end))
        # agreements: 2-5 parties, mostly across a border
        for i in range(len(ids)):
            if self._cat[i] != AGREEMENT:
                continue
            year, ci = self._year[i], self._country[i]
            signed = str(self._extra[i]["signed"])
            expired = self._extra[i]["status"] == "expired"
            n_parties = (2, 2, 2, 2, 2, 2, 3, 3, 4, 5)[rng.randrange(10)]
            parties: list[int] = []
            for k in range(n_parties * 3):
                if len(parties) == n_parties:
                    break
                if k and rng.random() < 0.05:
                    party = self._person(ci, 0.3)
                else:
                    party = self._body(ci if k == 0 else (ci if rng.random() < 0.25 else self._other_country(ci)),
                                       0.0, gov_share=0.3)
                if party not in parties:
                    parties.append(party)
            until = str(min(LAST_YEAR, year + 3 + rng.randrange(5))) if expired else None
            for party in parties:
                yield self._rel("party_to", party, i, year=year, role="Signatory", valid_from=signed, valid_to=until)
            yield from self._sectors(i, 0.0)
        # events: location, organisers, speakers, audience
        for i in range(self._events_start, len(ids)):
            year, ci = self._year[i], self._country[i]
            day = self._extra[i]["start"]
            yield self._rel("located_in", i, self._located[i])
            yield from self._sectors(i, 0.0)
            seen: set[int] = set()
            for _ in range((1, 1, 1, 1, 1, 1, 1, 2, 2, 3)[rng.randrange(10)]):
                org = self._body(ci, 0.1, gov_share=0.25)
                if org not in seen:
                    seen.add(org)
                    yield self._rel("organised", org, i, year=year, valid_from=day)
            for _ in range(min(40, int(rng.paretovariate(1.6)) + 1)):
                speaker = self._person(ci, 0.35) if rng.random() < 0.8 else self._body(ci, 0.35)
                if speaker not in seen:
                    seen.add(speaker)
                    yield self._rel("spoke_at", speaker, i, year=year, role="Speaker", valid_from=day)
            for _ in range(min(300, int(rng.paretovariate(1.25)) - 1 + rng.randrange(2))):
                r = rng.random()
                guest = self._person(ci, 0.3) if r < 0.6 else (self._body(ci, 0.3) if r < 0.95 else
                                                               self._gov_by_country[self._other_country(ci)].pick(rng))
                if guest not in seen:
                    seen.add(guest)
                    yield self._rel("attended", guest, i, year=year, valid_from=day)
        yield from self._free_ties()

    def _free_ties(self) -> Iterator[Relation]:
        """Partnerships, memberships, meetings, visits and foundings up to the requested size."""
        rng = self._rng
        budget = self.relations - sum(self.counts.values())
        n = len(self._ids)
        seen: set[int] = set()
        codes = {name: k for k, name in enumerate(_FREE_TIES)}
        made = 0
        attempts = 0
        while made < budget and attempts < budget * 5:
            attempts += 1
            rtype = _FREE_TIES[_weighted(rng, _FREE_TIE_WEIGHTS)]
            r = rng.random()
            if rtype == "partner_of":
                if r < 0.8:
                    a = self._org_pool.pick(rng)
                    b = self._body(self._country[a], 0.55)
                elif r < 0.9:
                    a = self._gov_pool.pick(rng)
                    b = self._gov_by_country[self._other_country(self._country[a])].pick(rng)  # sister cities
                else:
                    a = self._people_pool.pick(rng)
                    b = self._person(self._country[a], 0.5)
            elif rtype == "member_of":
                a = self._org_pool.pick(rng) if r < 0.7 else self._people_pool.pick(rng)
                b = self._club_pool.pick(rng)
                if rng.random() < 0.7:  # mostly a club of one's own country
                    for _ in range(4):
                        if self._country[b] == self._country[a]:
                            break
                        b = self._club_pool.pick(rng)
            elif rtype == "met_with":
                a = self._people_pool.pick(rng) if r < 0.7 else self._org_pool.pick(rng)
                if rng.random() < 0.15:
                    b = self._gov_by_country[self._other_country(self._country[a])].pick(rng)
                else:
                    b = self._person(self._country[a], 0.55) if rng.random() < 0.6 else self._body(
                        self._country[a], 0.55)
            elif rtype == "visited":
                a = self._people_pool.pick(rng) if r < 0.4 else (self._org_pool.pick(rng) if r < 0.8 else
                                                                 self._gov_pool.pick(rng))
                b = self._body(self._country[a], 0.8, gov_share=0.5)
            else:  # established: founders of organisations
                b = self._org_pool.pick(rng)
                a = self._person(self._country[b], 0.1) if r < 0.5 else self._body(self._country[b], 0.15, 0.3)
            if a == b:
                continue
            lo, hi = (min(a, b), max(a, b)) if rtype in ("partner_of", "met_with") else (a, b)
            key = (codes[rtype] * n + lo) * n + hi
            if key in seen:
                continue
            seen.add(key)
            made += 1
            year = _recent_year(rng, 7, 1995)
            yield self._rel(rtype, a, b, year=year,
                            valid_from=str(year) if rtype in ("partner_of", "member_of", "established") else None)
