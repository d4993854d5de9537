"""Relations stated by a page's layout: titles, lists and table rows."""

from __future__ import annotations

import re

from graph.model import AgreementKind, PlaceKind
from ingest.extract.lexicon import AGREEMENT_WORDS
from ingest.extract.mentions import Mention
from ingest.extract.rules.agreements import Agreements
from ingest.extract.rules.model import ORG, PERSON, PLACE, LocalEntity
from ingest.extract.rules.patterns import AGREEMENT_LIST_HEADING, PAIRED_ROW, PARTNER_HEADING, TABLE_ROW


class Structure(Agreements):
    """Relations stated by a page's layout: titles, lists and table rows."""

    def structure(self) -> None:
        """located_in from adjacency, sub-units and the gazetteer; part_of for sub-units."""
        for m in self.mentions:
            if m.parent_start is not None:
                parent = [x for x in self.mentions if x.start == m.parent_start and x.end < m.end and self.actor(x)]
                if parent and m.type is ORG:
                    prefixes = [x for x in parent if m.text.startswith(x.text)] or parent
                    container = max(prefixes, key=lambda x: x.end)
                    self.add("part_of", self.key(m), self.key(container), (m.start, m.end), 0.7)
            if m.type is ORG and m.parent_start is None:
                inner = [x for x in self.mentions if x.type is PLACE and x.start >= m.start and x.end <= m.end]
                if inner and m.kind in ("government_body", "embassy") and self.actor(inner[-1]):
                    sending_last = m.kind == "government_body" or (m.text.startswith("在") and len(inner) > 1)
                    target = inner[-1] if sending_last else inner[0]
                    self.add("part_of", self.key(m), self.key(target), (m.start, m.end), 0.6)
                elif inner:
                    self.add("located_in", self.key(m), self.key(inner[0]), (m.start, m.end), 0.6)
                emb = re.match(r"駐(日)", m.text)
                if emb and m.kind == "embassy":
                    japan = self._place_named("日本")
                    if japan:
                        self.add("located_in", self.key(m), japan, (m.start, m.end), 0.6)
                # 「日本の九州再生医療センター」, 「タイのC Pグループ」
                before = [x for x in self.mentions if x.type is PLACE and x.end < m.start and m.start - x.end <= 12]
                if before and re.fullmatch(r"の[^、。,()「」]{0,10}?(?:である)?", self.text[before[-1].end : m.start]):
                    self.add("located_in", self.key(m), self.key(before[-1]), (before[-1].start, m.end), 0.55)
                bracket = re.match(r"\s?\(([^()]{2,10})\)", self.text[m.end : m.end + 14])
                if bracket:
                    place = self._place_named(bracket.group(1))
                    if place:
                        self.add("located_in", self.key(m), place, (m.start, m.end + bracket.end()), 0.6)
            if m.type is ORG and m.parent_start is not None and self.gaz is not None:
                unit = re.sub(r"(事務所|支部|支社|支店|オフィス|本部)$", "", m.text)
                for size in range(min(6, len(unit)), 1, -1):
                    entry = self.gaz.lookup(unit[-size:])
                    if entry is not None and entry.type is PLACE:
                        if entry.id not in self.entities:
                            self.entities[entry.id] = LocalEntity(
                                entry.id, PLACE, entry.kind, [unit[-size:]], confidence=0.6
                            )
                            self.entities[entry.id].mentions.append(
                                Mention(m.start, m.start, "", PLACE, entry.kind, "gazetteer", entry)
                            )
                        self.add("located_in", self.key(m), entry.id, (m.start, m.end), 0.6)
                        break
            if m.type is PLACE and m.kind == "country" and self.text[m.end : m.end + 1] in ("の", "・"):
                # 「フィンランドのタンペレ市」, 「ベトナム・ビンズン省」: a country names where its place lies
                inner = [x for x in self.mentions if x.start == m.end + 1 and x.type is PLACE and x.kind != "country"]
                for n in inner:
                    self.add("located_in", self.key(n), self.key(m), (m.start, n.end), 0.65)
            if m.type is PLACE and m.kind != "country":
                nxt = [x for x in self.mentions if x.start == m.end and x.type is PLACE]
                for n in nxt:
                    self.add("located_in", self.key(n), self.key(m), (m.start, n.end), 0.75)
            if m.type is PLACE and m.parent_start is not None:
                country = [x for x in self.mentions if x.start == m.parent_start and x.end < m.end and x.type is PLACE]
                if country:
                    self.add("located_in", self.key(m), self.key(country[0]), (m.start, m.end), 0.7)
        regions = [m for m in self.mentions if m.type is PLACE and m.kind == "region" and m.entry is not None]
        for ent in list(self.entities.values()):
            for m in ent.mentions:
                if m.entry is None or not m.entry.parent:
                    continue
                up = m.entry.parent
                if ent.kind == "city":
                    same = [
                        r
                        for r in regions
                        if r.entry is not None
                        and r.entry.parent == up
                        and 0 <= m.start - r.end <= 80
                        and not re.search(r"[。\n]|\. ", self.text[r.end : m.start])
                    ]
                    if same:
                        nearest = min(same, key=lambda r: abs(r.start - m.start))
                        up = self.key(nearest)
                if up not in self.entities:
                    entry = self.gaz_entry(up)
                    if entry is None:
                        break
                    if entry.kind == PlaceKind.COUNTRY.value and not any(n.text in self.text for n in entry.names):
                        break  # a country the page never names is not a place it mentions
                    self.entities[up] = LocalEntity(
                        up,
                        entry.type,
                        entry.kind,
                        [n.text for n in entry.names if n.lang.value == "ja"][:1] or [entry.names[0].text],
                        confidence=0.6,
                    )
                    self.entities[up].mentions.append(
                        Mention(m.start, m.start, "", entry.type, entry.kind, "gazetteer", entry)
                    )
                self.add("located_in", ent.key, up, (m.start, m.end), 0.75)
                break

    def partner_lists(self) -> None:
        """「静岡県の友好提携先」 or 「兵庫県は、次の地域と姉妹・友好提携を結んでいます。」 over a list or a table:
        each row names a partner (the first place or body in it that is not only its country), with the year
        the row gives; twinning words make each row a friendship agreement."""
        partners = list(PARTNER_HEADING.finditer(self.text))
        lines = {head.start() for head in partners}
        listed = [h for h in AGREEMENT_LIST_HEADING.finditer(self.text) if h.start() not in lines]
        for head in partners + listed:
            line_s, line_e = head.start(), head.end()
            signed = head.re is AGREEMENT_LIST_HEADING
            homes = [
                m
                for m in self.in_span(line_s, line_e)
                if self.actor(m)
                and m.type is not PERSON
                and m.kind != "country"
                and m.end <= line_s + head.start("word") - head.start()
            ]
            home = homes[-1] if homes else None if signed else self._home("県") or self._home("市")
            if home is None:
                continue
            twinning = bool(re.search(r"姉妹|友好", head.group("word")))
            word, kind = next((w, k) for w, k in AGREEMENT_WORDS if w in head.group("word")) if signed else ("", None)
            for s, e in self._list_lines(line_e + 1, tables=True):
                line = self.text[s:e]
                found = [
                    m
                    for m in self.in_span(s, e)
                    if self.actor(m) and m.type is not PERSON and m.length and self.key(m) != self.key(home)
                ]
                partner = next((m for m in found if m.kind != "country"), found[0] if found else None)
                if partner is None:
                    continue
                side = home
                if not homes:
                    side, partner = self._row_sides(found, s, e) or (home, partner)
                if signed and kind is not None:
                    # 「日付 | 相手先 | 覚書の名称」: each row is an agreement of the kind it names, else the heading's
                    row_word, row_kind = next(((w, k) for w, k in AGREEMENT_WORDS if w in line), (word, kind))
                    if TABLE_ROW.match(line) or self.date_in(s, e) is not None or row_word in line:
                        self._agreement(row_word, row_kind, [side, partner], self.date_in(s, e), "", line, s, e)
                elif twinning:
                    self._agreement(
                        "友好提携", AgreementKind.FRIENDSHIP, [side, partner], self.date_in(s, e), "", line, s, e
                    )
                else:
                    self.add("partner_of", self.key(side), self.key(partner), (s, e), 0.55)

    def _row_sides(self, found: list[Mention], s: int, e: int) -> tuple[Mention, Mention] | None:
        """「| 帯広市 | マディソン市(アメリカ) | 2006年 |」 under a heading that names no home: a table row that
        names a place or body in one cell and another (not lying in it) in a later cell names both sides."""
        sides = [m for m in found if m.kind != "country"]
        if not TABLE_ROW.match(self.text[s:e]) or len(sides) < 2:
            return None
        first, other = sides[0], sides[1]
        inside = first.entry is not None and other.entry is not None and other.entry.parent == first.entry.id
        apart = re.search(r"[|｜]", self.text[first.end : other.start]) is not None
        return (first, other) if apart and not inside else None

    def paired_rows(self) -> None:
        """A list row pairing two sides, 「1. A県 - ドイツ・B州(自動車産業)」, 「A市 — B州 (C機関)」:
        the sides are partners; a body in the bracket works with the first side."""
        for row in PAIRED_ROW.finditer(self.text):
            left_s, left_e = row.span("a")
            right_s, right_e = row.span("b")
            left = [m for m in self.mentions if left_s <= m.start and m.end <= left_e and self.actor(m)]
            right = [m for m in self.mentions if right_s <= m.start and m.end <= right_e and self.actor(m)]
            if not left or not right or left[0].start - left_s > 2:
                continue
            a = left[0]
            # 「ドイツ・BW州」: the country only locates the side named after it
            named = [m for m in right if not (m.kind == "country" and self.text[m.end : m.end + 1] in "・の")]
            b = (named or right)[0]
            span = (row.start(), row.end())
            if row.group("d"):
                # 「A県 ― B州(国) 経済交流協定」: the row names the agreement the two sides hold
                word = row.group("d")
                kind = next(k for w, k in AGREEMENT_WORDS if w in word)
                self._agreement(word, kind, [a, b], self.date_in(*span), "", row.group(), *span)
            else:
                self.add("partner_of", self.key(a), self.key(b), span, 0.55)
            if row.group("c"):
                c_s, c_e = row.span("c")
                for m in self.mentions:
                    if c_s <= m.start and m.end <= c_e and m.type is ORG:
                        self.add("partner_of", self.key(a), self.key(m), span, 0.5)
