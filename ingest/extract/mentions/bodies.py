"""Bodies by the constructions of the genre around their names: 社 after a name, a country in brackets,
a programme's line, a department after its governing place, an English name, an office after a body, an
agency named for its country; and a body found once by a pattern wherever its name recurs."""

from __future__ import annotations

import re

from graph.model import OrganisationKind, PlaceKind
from ingest.extract.lexicon import HONORIFICS, TITLES
from ingest.extract.mentions.model import ORG, PLACE, Context, Mention, _org_kind
from ingest.extract.mentions.patterns import (
    _COMPANY_SHA,
    _DEICTIC,
    _EN_ORG,
    _KATAKANA_BODY,
    _KATAKANA_JOINED,
    _OFFICE,
    _PLACE_CHARS,
    _PROGRAMME_BODY,
    _UNIT,
)
from ingest.extract.mentions.words import _names_body, _split_units


def companies_by_sha(ctx: Context) -> None:
    """「SkyDrive社」, 「テラドローン社」: a Latin or katakana name marked as a company by 社."""
    text = ctx.text
    for m in _COMPANY_SHA.finditer(text):
        ctx.candidates.append(Mention(m.start(1), m.end(1), m.group(1), ORG, OrganisationKind.COMPANY.value,
                                      "pattern", legal_name=m.group(), confidence=0.7))


def bodies_with_country(ctx: Context) -> None:
    """Bodies named in katakana with their country in brackets: 「ライフ・サイエンス・ノルド (ドイツ)」."""
    text = ctx.text
    for m in _KATAKANA_BODY.finditer(text):
        country = m.group(2)
        named = any(c.start == m.start(2) and c.kind == PlaceKind.COUNTRY.value for c in ctx.candidates)
        if named or country in ("日本",):
            tail = text[m.end() : m.end() + 2]
            if not tail.startswith(HONORIFICS):
                ctx.candidates.append(
                    Mention(
                        m.start(1), m.end(1), m.group(1), ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6
                    )
                )


def programme_bodies(ctx: Context) -> None:
    """「… ・ X マネージャー Y氏」: on a programme, the name before a role, a title and a person is a body."""
    text = ctx.text
    for m in _PROGRAMME_BODY.finditer(text):
        ctx.candidates.append(
            Mention(
                m.start("n"), m.end("n"), m.group("n"), ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6
            )
        )


def departments(ctx: Context) -> None:
    """Departments after a governing place: 三重県雇用経済部 国際戦略課 -> two nested units."""
    text = ctx.text
    for c in [c for c in ctx.candidates if c.type is PLACE and c.kind in ("region", "city", "district")]:
        if re.match(r"[A-Za-z\u30a1-\u30fa\u30fc]", text[c.start - 1 : c.start]):
            continue  # 「JETRO大阪本部」: a place run into a body's name names that body's unit, not the place's
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
                ctx.candidates.append(cand)
            pos = unit.end()


def english_bodies(ctx: Context) -> None:
    """English organisation names (Embassy of X in Y, University of X, … Agency)."""
    text = ctx.text
    for m in _EN_ORG.finditer(text):
        name = re.sub(r"^(?:The|the) ", "", m.group())
        kind = (
            OrganisationKind.EMBASSY.value
            if name.startswith(("Embassy", "Consulate"))
            else (_org_kind(name) or OrganisationKind.OTHER.value)
        )
        ctx.candidates.append(Mention(m.end() - len(name), m.end(), name, ORG, kind, "pattern", confidence=0.7))


def offices_of_bodies(ctx: Context) -> None:
    """Offices of a body: 「X パリ事務所」, 「Xの東京事務所と福岡事務所」 -> sub-units of X."""
    text = ctx.text
    for c in [c for c in ctx.candidates if c.type is ORG and c.parent_start is None]:
        office = _OFFICE.match(text, c.end)
        while office:
            office_name = office.group(1)
            if (_org_kind(office_name) or office_name.endswith("本部")) and not office_name.startswith(_DEICTIC):
                full = c.text + office_name
                start = c.start if office.start() == c.end else office.start(1)
                ctx.candidates.append(
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
            if office and _names_body(re.sub(r"(?:事務所|支部|支社|支店|オフィス|本部)$", "", office.group(1))):
                office = None  # 「…、台湾貿易センター高雄事務所」: the office of another body named in full


def agencies_of_countries(ctx: Context) -> None:
    """「イノベーション・ノルウェー」, 「ビジネス・フィンランド」: a word before a country's name names its agency."""
    text, gaz = ctx.text, ctx.gaz
    for m in _KATAKANA_JOINED.finditer(text):
        parts = m.group().split("・")
        if len(parts) != 2 or text[m.end() : m.end() + 1] in _PLACE_CHARS or text[m.end() : m.end() + 3] == "地域圏":
            continue
        first, last = gaz.lookup(parts[0]), gaz.lookup(parts[1])
        # the country last (「フランス・パリ」, 「シンガポール・ワンノース」 with it first are places)
        if first is None and last is not None and last.type is PLACE and last.kind == PlaceKind.COUNTRY.value:
            ctx.candidates.append(Mention(m.start(), m.end(), m.group(), ORG, OrganisationKind.AGENCY.value,
                                          "pattern", confidence=0.6))


def recurring_bodies(ctx: Context) -> None:
    """A name found once by a pattern names the same body wherever it recurs in the document."""
    text = ctx.text
    found = {c.text for c in ctx.candidates if c.type is ORG and c.source == "pattern" and len(c.text) >= 4}
    for name in sorted(found, key=lambda n: (-len(n), n)):  # one order in every process: ties go to the first
        for m in re.finditer(re.escape(name), text):
            if not any(c.start == m.start() and c.end == m.end() for c in ctx.candidates):
                ctx.candidates.append(
                    Mention(m.start(), m.end(), name, ORG, OrganisationKind.OTHER.value, "pattern", confidence=0.6)
                )
