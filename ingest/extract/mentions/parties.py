"""Bodies nothing in their names marks: items listed under an organiser's label, a party coordinated
with a signing's party, a proper noun joined by ・ to a person, names listed before a word for a kind of body."""

from __future__ import annotations

import re

from graph.model import OrganisationKind
from ingest.extract.lexicon import TITLES
from ingest.extract.mentions.model import ORG, PERSON, PLACE, Context, Mention, _org_kind, _place_kind
from ingest.extract.mentions.patterns import _KATA, _NAME_POS

# A label line (主催:) and its list items (‐X, ・X): the items name bodies.
_LABEL_LIST = re.compile(
    r"^(?:主催|共催|後援|協力|協賛|参加団体|実施機関)\s?[:：]\s*\n((?:[‐\-・•]\s?[^\n]+\n?)+)", re.MULTILINE
)
_LIST_ITEM = re.compile(r"^[‐\-・•]\s?([^\n]+)$", re.MULTILINE)


def listed_bodies(ctx: Context) -> None:
    """Bodies listed under an organiser label, one per item: the item's Japanese name
    (after an English one), or the whole item; a bracketed full name becomes an alias."""
    text = ctx.text
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
    ctx.candidates += found


_FOREIGN_WORD = re.compile(r"[\u30a1-\u30fa\u30fcA-Za-z][\u30a1-\u30fa\u30fcA-Za-z0-9]+")
_SIGNING = re.compile(
    r"(?:協定|覚書|MOU|MoU|提携)[^。]{0,16}?(?:締結|署名|調印|結ん|結び|結ぶ|交わし)|と(?:も)?(?:連携|協力|提携)(?:し|する|して)"
)


def signing_parties(ctx: Context) -> None:
    """「ノキアと札幌市は…連携協定を締結」: a proper noun (katakana or Latin, no legal form) coordinated with a
    party of a signing is a body, although nothing in its name says so."""
    tokens, text, known = ctx.tokens, ctx.text, ctx.candidates
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
    ctx.candidates += out


def affiliations(ctx: Context) -> None:
    """「丸紅・山本氏」: a proper noun (no place, no person) joined by ・ to a person with an honorific is
    the body the person comes from."""
    tokens, text, gaz = ctx.tokens, ctx.text, ctx.gaz
    persons = {c.start: c for c in ctx.candidates if c.type is PERSON}
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
    ctx.candidates += found
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


def bodies_by_kind(ctx: Context) -> None:
    """「DJIやInsta360などの企業」, 「XというY大学」: names (Latin, or katakana the tagger knows as a proper
    noun) listed before a word for a kind of body, or introduced by という before one, are bodies of that kind."""
    tokens, text, gaz = ctx.tokens, ctx.text, ctx.gaz
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
    ctx.candidates += found


# 「IT企業インフォシスと」, 「支援機関ビジネスオウルは」, 「精密機器メーカー、X」: a word for a kind of
# body, then at once a foreign name, then a particle: the name is that body's (after a katakana word only
# with a comma between: 「スタートアップカフェ」 is one word).
_APPOSED = re.compile(
    r"(?:(?:企業|大手|機関|団体|公社|機構|商社|運営会社)、?|(?:メーカー|スタートアップ|ベンチャー)、)"
    r"(?P<n>[\u30a1-\u30fa\u30fc]{3,}(?:・[\u30a1-\u30fa\u30fc]+)*|[A-Z][A-Za-z0-9&.\-]{1,20})(?=と|は|が|、|の)"
    # 「投資開発庁MIDAと」: an acronym right after any word for a public body
    r"|(?:庁|委員会|協会|財団|公団|局)(?P<a>[A-Z][A-Z0-9&]{1,7})(?=と|は|が|、|の)"
)
# katakana words that name a kind of thing, not a body: 「企業コンソーシアムが」, 「企業ネットワークと」
_KIND_NOUNS = (
    *("コンソーシアム", "ネットワーク", "グループ", "コミュニティ", "プラットフォーム", "エコシステム", "クラスター"),
    *("サービス", "システム", "ソリューション", "プロジェクト", "プログラム", "ビジネス", "マッチング", "セミナー"),
    *("イベント", "ツアー", "ミッション", "パートナー", "データ", "ブース"),
)


def apposed_bodies(ctx: Context) -> None:
    """A foreign name right after a word for a kind of body names a body of that kind."""
    taken = {i for c in ctx.candidates for i in range(c.start, c.end)}
    for m in _APPOSED.finditer(ctx.text):
        part = "n" if m.group("n") else "a"
        name, start, end = m.group(part), m.start(part), m.end(part)
        if name.endswith(_KIND_NOUNS) or any(i in taken for i in range(start, end)):
            continue
        entry = ctx.gaz.lookup(name)
        if entry is not None and entry.type is PLACE:
            continue
        ctx.candidates.append(Mention(start, end, name, ORG, _org_kind(name) or OrganisationKind.COMPANY.value,
                                      "pattern", confidence=0.6))
