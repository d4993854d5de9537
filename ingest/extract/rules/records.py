"""What an agreement becomes once its parties are known: one entity per kind and set of signers (apart by
year when signed again), its signing or renewal date (refined by a table row), its party_to facts and sectors;
then the page-level passes over what was recorded: signed documents taken for events, and a bare 協定 that
is a more specific agreement of the same parties. Kept apart from the rules that find the parties."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from graph.model import AgreementKind
from ingest.extract.jdates import DateMention, find_dates
from ingest.extract.lexicon import RENEWAL_VERBS
from ingest.extract.mentions import Mention
from ingest.extract.rules.core import Core
from ingest.extract.rules.model import AGREEMENT, EVENT, PERSON, LocalEntity
from ingest.extract.rules.patterns import GENERIC_AGREEMENT_WORDS
from ingest.extract.rules.text import sectors_in


class Records(Core):
    """Agreement entities and their facts, and the clean-ups of them once the page is read."""

    def _agreement(
        self,
        word: str,
        kind: AgreementKind,
        parties: list[Mention],
        date: DateMention | None,
        tail: str,
        seg_text: str,
        s: int,
        e: int,
        own: bool = False,
    ) -> None:
        """With ``own``, the other party is the page's own university, unnamed (「本学」): the agreement is
        labelled with the page's site, so that agreements of different universities with one partner stay apart."""
        # a person signs for the body they head; one heading none (a researcher, a visitor) is no party
        heads = [h for h in (self._body_of(p) for p in parties) if h.type is not PERSON]
        parties = [p for i, p in enumerate(heads) if all(self.key(p) != self.key(q) for q in heads[:i])]
        # 「ベトナム・ダナン市」, 「タイ・X大学」: a country just before a party of it says where the party is
        parties = [p for p in parties if not (p.kind == "country" and any(self._qualifies(p, q) for q in parties))]
        site = re.sub(r"^www\.", "", urlparse(self.doc.source.url or "").hostname or "") if own else None
        if len(parties) < (1 if site else 2):
            return
        renew = any(v in tail for v in RENEWAL_VERBS)
        if renew and date is not None:
            # 「2014年に締結した協定を更新」: the date the clause before the agreement gives is when it was signed
            stretch = self.text[date.end : max(date.end, self.text.find(word, date.end))]
            renew = not re.search(r"(?:締結|調印|署名)(?:した|された|し、)|結んだ|交わした", stretch)
        names = [*([site] if site else []), *(self.entities[self.key(p)].name for p in parties[:6])]
        label = "・".join(names) + " " + word
        signers = [*([site] if site else []), *sorted(self.key(p) for p in parties[:6])]
        akey = f"agreement:{kind.value}:" + "+".join(signers)
        signed = self.entities[akey].attrs.get("signed") if akey in self.entities else None
        if date and not renew and isinstance(signed, str) and signed[:4] != date.iso[:4]:
            # signed in another year, not a renewal: an earlier, different agreement of the same parties
            akey += f":{date.iso[:4]}"
            label += f" ({date.iso[:4]})"
        ent = self.entities.get(akey) or LocalEntity(akey, AGREEMENT, kind.value, [label], confidence=0.65)
        self.entities[akey] = ent
        self.agreement_words.setdefault(akey, set()).add(word)
        if date and not renew:
            ent.attrs["signed"] = date.iso
        elif date:
            renewed = ent.attrs.setdefault("renewed", [])
            if isinstance(renewed, list):
                renewed.append(date.iso)
        if kind in (AgreementKind.MOU, AgreementKind.FRIENDSHIP, AgreementKind.BASIC) and len(parties) == 2:
            self.add("partner_of", self.key(parties[0]), self.key(parties[1]), (s, e), 0.5)
        for p in parties[:6]:
            self.add(
                "party_to", self.key(p), akey, (s, e), 0.7, role="signatory", valid_from=date.iso if date else None
            )
        sectors = sectors_in(seg_text)
        for label_, value in self.doc.fields.items():
            if word in label_ and any(k in label_ for k in ("目的", "内容", "分野")):
                sectors += [x for x in sectors_in(value) if x not in sectors]
        for sector in sectors:
            self._sector(akey, sector, (s, e))
            for p in parties[:6]:
                self._sector(self.key(p), sector, (s, e), 0.5)
        self._field_date(ent, word)

    def _qualifies(self, country: Mention, m: Mention) -> bool:
        gap = self.text[country.end : m.start]
        return m.kind != "country" and 0 <= m.start - country.end <= 1 and gap in ("", "・", " ")

    def drop_signed_events(self) -> None:
        """「「A・B交流協力計画」に調印した」: a name the recogniser calls an event but which is signed is the
        document signed, not something held; it is no event (its parties are not named with it)."""
        signed = re.compile(r"(?:[^「」。、]{0,12}」)?\s?(?:に|を)(?:調印|締結|署名)")  # 「…計画2017年〜2019年」に調印
        for key, ent in list(self.entities.items()):
            if (
                ent.type is EVENT
                and ent.mentions
                and all(m.source != "alias" and signed.match(self.text, m.end) for m in ent.mentions)
            ):
                del self.entities[key]
                self.facts = [f for f in self.facts if key not in (f.source, f.target)]

    def merge_generic_agreements(self) -> None:
        """「県と平川市が協定締結」 beside 「…が友好交流協定を締結」: an agreement named only by a bare
        協定 (or 合意) whose parties all sign a more specific agreement of the page is that agreement,
        unless the two were signed in different years or are named in one sentence."""
        parties: dict[str, set[str]] = {}
        spans: dict[str, set[int]] = {}  # the sentences stating each agreement
        for f in self.facts:
            if f.type == "party_to" and f.target in self.agreement_words:
                parties.setdefault(f.target, set()).add(f.source)
                spans.setdefault(f.target, set()).add(f.start)
        merged: dict[str, str] = {}
        for key, words in self.agreement_words.items():
            if not words <= GENERIC_AGREEMENT_WORDS or key not in parties:
                continue
            signed = str(self.entities[key].attrs.get("signed") or "")
            wider = [
                other
                for other, ws in self.agreement_words.items()
                if other != key
                and not ws <= GENERIC_AGREEMENT_WORDS
                and parties[key] <= parties.get(other, set())
                and (not signed or str(self.entities[other].attrs.get("signed") or "")[:4] == signed[:4])
                # two agreements named in one sentence are two, but what was agreed (合意し) is what was signed
                and (not spans[key] & spans[other] or words == {"合意"})
            ]
            if len(wider) == 1:
                merged[key] = wider[0]
        if not merged:
            return
        for key, into in merged.items():
            target = self.entities[into]
            for attr, value in self.entities.pop(key).attrs.items():
                target.attrs.setdefault(attr, value)
            del self.agreement_words[key]
        seen: set[tuple[str, str, str]] = set()
        facts = []
        for f in self.facts:
            f.source, f.target = merged.get(f.source, f.source), merged.get(f.target, f.target)
            if (f.type, f.source, f.target) not in seen:
                seen.add((f.type, f.source, f.target))
                facts.append(f)
        self.facts = facts

    def _field_date(self, ent: LocalEntity, word: str) -> None:
        """A "締結時期 | 2018年5月8日" table row refines the date of the agreement it names."""
        for label, value in self.doc.fields.items():
            if word in label and any(v in label for v in ("締結", "調印", "署名", "時期", "日")):
                found = find_dates(value, self.doc.date)
                signed = ent.attrs.get("signed")
                if found and (signed is None or (isinstance(signed, str) and found[0].iso.startswith(signed))):
                    ent.attrs["signed"] = found[0].iso
