"""A document's entities, facts and mentions, and the lookups every rule needs: the base the readers
(coreference, phrases, layout, surface) and through them every rule family build on."""

from __future__ import annotations

import re
from typing import Any

from graph.model import EntityType
from graph.names import name_key
from ingest.extract.documents import Document
from ingest.extract.gazetteer import GazEntry, Gazetteer
from ingest.extract.jdates import DateMention, find_dates
from ingest.extract.lexicon import LEGAL_PREFIXES
from ingest.extract.mentions import Mention, clean_person
from ingest.extract.rules.model import EVENT, ORG, PERSON, PLACE, Fact, LocalEntity, key_of
from ingest.extract.rules.patterns import GOVERNMENT_AFTER, JAPAN
from ingest.extract.rules.text import full_names, sentence_at, unyeared


class State:
    """A document's entities, facts and mentions, with the lookups every rule family shares."""

    narrator: Mention | None
    last_organisers: list[Mention]
    last_visit: tuple[Mention, Mention, int] | None
    prev_sentence: int
    topics: dict[int, Mention | None]

    def __init__(self, doc: Document, mentions: list[Mention], gaz: Gazetteer | None = None, parse: Any = None) -> None:
        self.gaz = gaz
        self.parse = parse
        self.doc = doc
        self.text = doc.text
        self.entities: dict[str, LocalEntity] = {}
        self.facts: list[Fact] = []
        self.alias_keys: dict[str, str] = {}
        self.of: dict[int, str] = {}  # id(mention) -> entity key
        self.mentions = mentions
        self.dates = find_dates(self.text, doc.date)
        self.agreement_words: dict[str, set[str]] = {}  # agreement key -> the words that named it
        self.own_words: list[int] = []  # where 本学 stands for a university the page never names
        for m in mentions:
            if m.type is PERSON:
                m.text = clean_person(m.text)
        full = full_names([m.text for m in mentions if m.type is PERSON])
        # a name with its abbreviation (「X大学院大学(OIST)」) first: the abbreviation named before it (in the
        # title) is the same body
        for m in sorted(mentions, key=lambda x: (x.type is PERSON and x.text in full, not x.aliases)):
            target = self.alias_keys.get(f"person:{name_key(full.get(m.text, ''))}") if m.type is PERSON else None
            if target is not None:
                # a family name alone (荒井知事, ボナッチーニ州知事) is the person named in full elsewhere
                self.alias_keys.setdefault(f"person:{name_key(m.text)}", target)
            self._register(m)

    def _register(self, m: Mention) -> None:
        # 「シーメンス株式会社」 and 「シーメンス」: a company named with its legal form after the name is the
        # company named without it
        bare = next((m.text[: -len(f)] for f in LEGAL_PREFIXES if m.type is ORG and m.text.endswith(f)), "")
        bare = bare if len(bare) >= 2 else ""
        key = (
            self.alias_keys.get(f"{m.type.value}:{name_key(m.text)}")
            or (self.alias_keys.get(f"{m.type.value}:{name_key(bare)}") if bare else None)
            or self._shortened(m)
            or key_of(m)
        )
        ent = self.entities.get(key)
        if ent is None:
            ent = LocalEntity(key, m.type, m.kind, confidence=m.confidence)
            self.entities[key] = ent
        for name in (m.text, *(m.aliases or []), *([m.legal_name] if m.legal_name else []), *([bare] if bare else [])):
            if name and name not in ent.names:
                ent.names.append(name)
            if name:
                self.alias_keys.setdefault(f"{m.type.value}:{name_key(name)}", key)
        ent.mentions.append(m)
        ent.confidence = max(ent.confidence, m.confidence)
        if ent.kind is None and m.kind:
            ent.kind = m.kind
        self.of[id(m)] = key

    def _shortened(self, m: Mention) -> str | None:
        """「ベトナム経済ミッション」 then 「経済ミッション」: an event named again without its qualifier."""
        if m.type is not EVENT or len(m.text) < 4:
            return None
        for ent in self.entities.values():
            if ent.type is EVENT and any(unyeared(n).endswith(unyeared(m.text)) and n != m.text for n in ent.names):
                return ent.key
        return None

    def key(self, m: Mention) -> str:
        return self.of[id(m)]

    def add(
        self,
        type_: str,
        a: str,
        b: str,
        span: tuple[int, int],
        conf: float,
        role: str | None = None,
        valid_from: str | None = None,
    ) -> None:
        if a == b:
            return
        self.facts.append(Fact(type_, a, b, span[0], span[1], conf, role, valid_from))

    def in_span(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= s and m.end <= e]

    def date_in(self, s: int, e: int, before: int | None = None) -> DateMention | None:
        inside = [d for d in self.dates if d.start >= s and d.end <= e]
        if before is not None:
            earlier = [d for d in inside if d.end <= before]
            inside = earlier or inside
            return inside[-1] if inside else None
        return inside[0] if inside else None

    def _after(self, m: Mention, size: int = 8) -> str:
        """Text after a mention, skipping a bracketed alias: 「X(JTG)は」 reads as 「Xは」."""
        rest = self.text[m.end : m.end + 40]
        if self.text[m.start - 1 : m.start] == "「":
            rest = re.sub(r"^」", "", rest)  # 「クラスター「X」と」 reads as 「Xと」
        rest = re.sub(r"^\s?\([^()]{1,30}\)", "", rest)
        if self.text[m.start - 1 : m.start] == "(" and re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]{1,10}", m.text):
            rest = re.sub(r"^\)", "", rest)  # 「インドネシア国営電力会社(PLN)と」: the initials stand for the name
        if m.type is ORG:
            rest = re.sub(r"^社(?=[はがとのも、])", "", rest)  # 「SkyDrive社は」 reads as 「SkyDriveは」
        elif m.type is PLACE:
            rest = GOVERNMENT_AFTER.sub("", rest)  # 「台東県政府と」 reads as 「台東県と」: the place acts
        return rest[:size]

    def actor(self, m: Mention) -> bool:
        return self.entities[self.key(m)].actor

    def lead(self, m: Mention) -> int:
        """Where ``m`` starts with the legal form written before its name (「株式会社X」, 「公益財団法人X」), so
        that what joins it to the name before (「AとB」) is read up to the legal form."""
        legal = m.legal_name
        if legal and legal.endswith(m.text) and self.text[max(0, m.end - len(legal)) : m.end] == legal:
            return m.end - len(legal)
        return m.start

    def gaz_entry(self, ident: str) -> GazEntry | None:
        return self.gaz.by_id.get(ident) if self.gaz else None

    def _all_names(self, m: Mention) -> list[str]:
        """A mention's text and its gazetteer entry's names."""
        return [m.text, *(n.text for n in (m.entry.names if m.entry else ()))]

    def _home(self, suffix: str) -> Mention | None:
        """The Japanese prefecture (or city) named most often, or first: what a bare 県 (市) refers to."""
        counts: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.type is not PLACE or m.kind not in ("region", "city"):
                continue
            names = [*self.entities[self.key(m)].names, *(n.text for n in (m.entry.names if m.entry else ()))]
            japanese = m.entry is not None and m.entry.parent == JAPAN
            if japanese and any(n.endswith(suffix) for n in names):
                counts.setdefault(self.key(m), []).append(m)
        if not counts:
            return None
        ranked = sorted(counts.values(), key=lambda ms: (-len(ms), ms[0].start))
        return ranked[0][0]  # most often named; on a tie, named first

    def _span_of(self, verb: Any) -> tuple[int, int]:
        return sentence_at(self.text, verb.idx)

    def _place_named(self, name: str) -> str | None:
        for m in self.mentions:
            if m.type is PLACE and m.text == name:
                return self.key(m)
        entry = self.gaz.lookup(name) if self.gaz else None
        if entry is not None and entry.type is PLACE and entry.id in self.entities:
            return entry.id
        return None

    def _sector(self, subject: str, sector: str, span: tuple[int, int], conf: float = 0.6) -> None:
        key = f"sector:{sector}"
        if key not in self.entities:
            self.entities[key] = LocalEntity(key, EntityType.SECTOR, None, [sector])
        if not any(f.type == "focuses_on" and f.source == subject and f.target == key for f in self.facts):
            self.add("focuses_on", subject, key, span, conf)
