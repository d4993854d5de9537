"""Every word a view page shows, in English and Japanese, in one place.

``text(lang, key, **values)`` formats one message; pages in Chinese or romaji
take their names in that language and their words in English. Relation and
entity-type names have their own small tables (``relation_name``,
``type_name``). ``script_messages`` is the subset the page's script needs.
"""

from __future__ import annotations

from typing import Any

from graph.model import Lang

# key -> (English, Japanese); ``{name}`` fields are filled by ``text``.
MESSAGES: dict[str, tuple[str, str]] = {
    # headings
    "region.heading": ("{ja} / {en} — region network: {members} members, {ties} ties ({cross} cross-border)",
                       "{ja} / {en} — 地域ネットワーク: メンバー {members}、"
                       "つながり {ties} 件(うち国境を越えるもの {cross} 件)"),
    "entity.heading": ("{ja} / {en} — neighbourhood: radius {radius}, {count} entities",
                       "{ja} / {en} — 周辺: 半径 {radius}、{count} 件"),
    "path.heading": ("{a_ja} → {b_ja} ({a_en} → {b_en}) — introduction paths: {found}",
                     "{a_ja} → {b_ja}({a_en} → {b_en})— 紹介経路: {found}"),
    "path.found": ("{count} path(s)", "{count} 本"),
    "countries.heading": ("Countries — {countries} countries, {pairs} linked pairs, {ties} cross-border ties",
                          "国 — {countries} か国、つながりのある組 {pairs}、国境を越えるつながり {ties} 件"),
    # legend
    "legend.colour": ("colour = country", "色 = 国"),
    "legend.shape": ("shape = type", "形 = 種類"),
    "legend.size": ("size = ties", "大きさ = つながりの数"),
    "legend.line": ("line = relation", "線 = 関係"),
    "legend.more_countries": ("… {count} more countries", "… ほか {count} か国"),
    "legend.no_country": ("no country / not a place-bound entity", "国なし / 地域に属さないもの"),
    "legend.cross": ("cross-border tie", "国境を越えるつながり"),
    "legend.path": ("path {rank}", "経路 {rank}"),
    "legend.best_path": ("path 1 = the best path", "経路 1 = 最良の経路"),
    "legend.step_labels": ("labels: path.step", "ラベル: 経路.ステップ"),
    "legend.group": ("group (click to open)", "グループ(クリックで展開)"),
    "legend.country_node": ("country (size = cross-border ties)", "国(大きさ = 国境を越えるつながり)"),
    "legend.country_pair": ("ties between two countries (width and label = number)",
                            "2 か国間のつながり(太さとラベル = 件数)"),
    # tooltips
    "tip.country": ("country: {name}", "国: {name}"),
    "tip.signed": ("signed {date}", "{date} 締結"),
    "tip.held": ("held {dates}", "{dates} 開催"),
    "tip.ties_drawn": ("{count} ties drawn · {id}", "表示中のつながり {count} · {id}"),
    "tip.source": ("source: {title}", "出典: {title}"),
    "tip.source_dated": ("source: {title} ({date})", "出典: {title}({date})"),
    "tip.more_sources": ("… and {count} more sources", "… ほか出典 {count} 件"),
    "tip.role": ("role: {role}", "役割: {role}"),
    "tip.dates": ("dates: {start} – {end}", "期間: {start} – {end}"),
    "tip.tie": ("introduction tie · confidence {confidence}", "紹介につながる関係 · 確度 {confidence}"),
    "tip.context": ("context · confidence {confidence}", "背景情報 · 確度 {confidence}"),
    "tip.step": ("path {rank}, step {step}", "経路 {rank}、ステップ {step}"),
    "tip.country_entities": ("{count} entities", "{count} 件"),
    "tip.country_ties": ("{cross} cross-border ties, {domestic} domestic ties",
                         "国境を越えるつながり {cross} 件、国内 {domestic} 件"),
    "tip.pair": ("{a} ↔ {b}: {ties} tie(s)", "{a} ↔ {b}: {ties} 件"),
    "tip.agreements": ("{count} agreement(s):", "協定 {count} 件:"),
    "tip.more": ("… and {count} more", "… ほか {count} 件"),
    "tip.group": ("{count} entities, mostly {country}; click to open", "{count} 件(主に{country})。クリックで展開"),
    # side panel
    "panel.hint": ("Hover or click a node to highlight its ties; click a node or a tie for names, dates and sources.",
                   "ノードにカーソルを合わせるかクリックすると、そのつながりが強調されます。"
                   "ノードや線をクリックすると名前・日付・出典が表示されます。"),
    "panel.members": ("Members by country ({count}):", "国別のメンバー({count}):"),
    "panel.entities": ("Entities by country ({count}):", "国別の件数({count}):"),
    "panel.country_line": ("{country}: {count} ({types})", "{country}: {count}({types})"),
    "panel.agreements": ("Agreements ({count}):", "協定({count}):"),
    "panel.no_agreements": ("No agreements drawn.", "表示中の協定はありません。"),
    "panel.pairs": ("Ties between countries:", "国と国のつながり:"),
    "panel.no_pairs": ("No cross-border ties found.", "国境を越えるつながりは見つかりません。"),
    "panel.pair": ("{a} ↔ {b}: {ties} tie(s){agreements}", "{a} ↔ {b}: {ties} 件{agreements}"),
    "panel.pair_agreements": (", {count} agreement(s)", "(協定 {count} 件)"),
    "panel.groups": ("Groups (click one on the canvas to open it):", "グループ(キャンバス上でクリックすると展開):"),
    "panel.path": ("Path {rank}: {hops} step(s), strength {strength}", "経路 {rank}: {hops} ステップ、強さ {strength}"),
    "panel.most_linked": ("Most linked pairs:", "つながりの多い組:"),
    "panel.no_country": ("no country", "国なし"),
    # messages
    "msg.ties_cap": ("Only the first {count} ties are drawn (the query's cap).",
                     "最初の {count} 件のつながりだけを表示しています(検索の上限)。"),
    "msg.truncated": ("Truncated: {count} relations were left out at {at} entities (fan-out or node cap); "
                      "raise max_nodes or narrow the filters to see them.",
                      "省略: {at} 件のエンティティで {count} 件の関係を省きました(上限)。"
                      "max_nodes を増やすか条件を絞ってください。"),
    "msg.no_path": ("No introduction path was found.", "紹介経路は見つかりませんでした。"),
    "msg.grouped": ("{count} entities are shown in {groups} groups (communities of closely tied entities); "
                    "click a group to open it.",
                    "{count} 件を {groups} のグループ(密につながったまとまり)にまとめて表示しています。"
                    "グループをクリックすると展開します。"),
    "msg.hidden_countries": ("{count} countries without cross-border ties are not drawn.",
                             "国境を越えるつながりのない {count} か国は表示していません。"),
    "msg.nodes_cap": ("Showing {shown} of {total} entities (the cap for one page): the best connected are kept. "
                      "Narrow the view (a smaller place, radius or fewer types) to see the rest.",
                      "{total} 件のうち {shown} 件を表示しています(1 ページの上限)。つながりの多いものを残しました。"),
    "msg.edges_cap": ("Showing {shown} of {total} ties (the cap for one page).",
                      "{total} 件のうち {shown} 件のつながりを表示しています(1 ページの上限)。"),
    # the page's script
    "js.laying_out": ("Laying out {count} nodes…", "{count} 件を配置しています…"),
    "js.drawn": ("{nodes} nodes, {edges} edges drawn", "ノード {nodes}、線 {edges} を表示"),
    "js.step": ("Step {label}", "ステップ {label}"),
    "js.tie": ("Tie", "つながり"),
    "js.neighbourhood": ("Neighbourhood of this entity", "このエンティティの周辺"),
    "js.region": ("Region network of this place", "この地域のネットワーク"),
    "js.group": ("Group of {count}", "{count} 件のグループ"),
    # the landing page
    "home.intro": ("Cross-border innovation relationships, with introduction paths and their evidence.",
                   "国境を越えたイノベーションのつながりを、紹介経路とその根拠とともに。"),
    "home.counts": ("{entities} entities, {relations} relations, {sources} sources (backend {backend}).",
                    "エンティティ {entities}、関係 {relations}、出典 {sources}(バックエンド {backend})。"),
    "home.find": ("Find an entity", "エンティティを探す"),
    "home.label_lang": ("label language", "表示言語"),
    "home.search": ("Search", "検索"),
    "home.path": ("Introduction path", "紹介経路"),
    "home.from": ("from", "出発"),
    "home.to": ("to", "相手"),
    "home.show_paths": ("Show paths", "経路を表示"),
    "home.views": ("Network views", "ネットワーク図"),
    "home.countries": ("Countries and the ties between them", "国と国のつながり"),
    "home.region": ("A region: Liaoning", "地域の例: 遼寧省"),
    "home.example_path": ("Introduction paths: Mie → FBRI Kobe", "紹介経路の例: 三重県 → 神戸医療産業都市推進機構"),
    "home.neighbourhood": ("Neighbourhood of an entity", "エンティティの周辺"),
    "home.old_addresses": ("Older addresses under /views/ answer the same pages.",
                           "旧アドレス /views/ でも同じページが表示されます。"),
    "home.docs": ("API documentation (Swagger UI)", "API ドキュメント(Swagger UI)"),
    "home.places": ("places", "地域一覧"),
    "home.sources": ("sources", "出典一覧"),
    "home.entities": ("Entities", "エンティティ"),
    "home.relations": ("Relations", "関係"),
    "home.js.nothing": ("Nothing found for", "見つかりません:"),
    "home.js.neighbourhood": ("neighbourhood", "周辺"),
    "home.js.region": ("region network", "地域ネットワーク"),
    "home.js.paths_from": ("paths from here", "ここからの経路"),
    # not found
    "missing.title": ("Not found: {text}", "見つかりません: {text}"),
    "missing.unknown": ("Nothing is named {text!r}.", "「{text}」という名前のものはありません。"),
    "missing.ambiguous": ("{text!r} names several entities; pick one:",
                          "「{text}」に当たるものが複数あります。選んでください:"),
    "missing.suggestions": ("Did you mean:", "もしかして:"),
    "missing.none": ("No similar names either.", "似た名前も見つかりません。"),
    "missing.search": ("Search from the home page", "トップページで検索"),
}

TYPE_NAMES: dict[str, tuple[str, str]] = {
    "organisation": ("organisation", "組織"),
    "person": ("person", "人物"),
    "place": ("place", "地域"),
    "agreement": ("agreement", "協定"),
    "event": ("event", "イベント"),
    "sector": ("sector", "分野"),
}

RELATION_NAMES: dict[str, tuple[str, str]] = {
    "party_to": ("party to an agreement", "協定の締結"),
    "partner_of": ("partner of", "連携"),
    "works_for": ("works for", "所属"),
    "part_of": ("part of", "部門"),
    "established": ("established", "設立"),
    "member_of": ("member of", "会員"),
    "organised": ("organised", "主催"),
    "met_with": ("met with", "会談"),
    "spoke_at": ("spoke at", "登壇"),
    "visited": ("visited", "訪問"),
    "attended": ("attended", "参加"),
    "located_in": ("located in", "所在地"),
    "focuses_on": ("focuses on a sector", "重点分野"),
}

SCRIPT_KEYS = ("js.laying_out", "js.drawn", "js.step", "js.tie", "js.neighbourhood", "js.region", "js.group")


def _pick(pair: tuple[str, str], lang: Lang | str) -> str:
    return pair[1] if Lang(lang) is Lang.JA else pair[0]


def text(lang: Lang | str, key: str, **values: Any) -> str:
    """The message ``key`` in ``lang`` (Japanese for ``ja``, English otherwise), filled with ``values``."""
    return _pick(MESSAGES[key], lang).format(**values)


def type_name(lang: Lang | str, entity_type: str) -> str:
    return _pick(TYPE_NAMES[entity_type], lang) if entity_type in TYPE_NAMES else entity_type


def relation_name(lang: Lang | str, relation: str) -> str:
    return _pick(RELATION_NAMES[relation], lang) if relation in RELATION_NAMES else relation


def script_messages(lang: Lang | str) -> dict[str, str]:
    """The messages the page's script formats itself (``{field}`` placeholders kept)."""
    return {key.removeprefix("js."): _pick(MESSAGES[key], lang) for key in SCRIPT_KEYS}


def home_script_words(lang: Lang | str) -> dict[str, str]:
    """The landing page script's words."""
    return {key.removeprefix("home.js."): _pick(pair, lang) for key, pair in MESSAGES.items()
            if key.startswith("home.js.")}
