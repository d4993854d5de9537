"""Runs the rule families over one document."""

from __future__ import annotations

from typing import Any

from ingest.extract.documents import Document
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.mentions import Mention
from ingest.extract.rules.arguments import Arguments
from ingest.extract.rules.events import Events
from ingest.extract.rules.model import Extraction
from ingest.extract.rules.patterns import SENTENCE
from ingest.extract.rules.posts import Posts
from ingest.extract.rules.schedule import Schedule
from ingest.extract.rules.sectors import Sectors
from ingest.extract.rules.structure import Structure
from ingest.extract.rules.visits import Visits
from ingest.extract.rules.within import Within


class _Builder(Posts, Visits, Schedule, Events, Arguments, Structure, Sectors, Within):
    """All rule families, run in the order their evidence needs."""

    def run(self) -> Extraction:
        self.coreference()
        self.listed_parties()
        self.narrator = self._narrator()
        last_subject: Mention | None = None
        self.last_organisers: list[Mention] = []
        self.last_visit: tuple[Mention, Mention, int] | None = None
        self.prev_sentence = 0
        self.topics: dict[int, Mention | None] = {}  # sentence start -> its subject (or the one carried over)
        for sm in SENTENCE.finditer(self.text):
            s, e = sm.start(), sm.end()
            sentence = sm.group()
            ms = self.in_span(s, e)
            if "\n\n" in self.text[max(0, s - 2) : s]:
                last_subject = None  # a new paragraph does not inherit the last one's subject
            subject = self._subject(ms) or last_subject
            # who acts in the sentence is its own subject (「Aが運営するBは…を共催」: B, not A)
            main = self._subject(ms, main=True) or last_subject
            self.topics[s] = main
            self.affiliation(ms)
            self.agreements(sentence, s, e, ms, subject)
            self.standing_twinning(sentence, s, e, ms)
            self.visits(sentence, s, e, ms, subject)
            self.founding(sentence, s, e, ms, subject)
            self.events(sentence, s, e, ms, main)
            self.partners(sentence, s, e, ms, subject)
            self.membership(sentence, s, e, ms, subject)
            self.met_pairs(sentence, s, e, ms)
            self.topic_sectors(sentence, s, e, subject)
            self.prev_sentence = s
            if self._subject(ms):
                last_subject = self._subject(ms)
            elif sentence.strip() == "" or "\n\n" in self.text[max(0, s - 2) : s]:
                last_subject = None
        self.argument_relations()
        self.signed_at_events()
        self.structure()
        self.paired_rows()
        self.itinerary()
        self.schedule_rows()
        self.visits_column()
        self.call_rows()
        self.partner_lists()
        self.field_organisers()
        self.field_attendees()
        self.list_organisers()
        self.speakers()
        self.matrix_sectors()
        self.name_sectors()
        self.merge_generic_agreements()
        self.drop_signed_events()
        self.drop_places_within_names()
        return Extraction(self.entities, self.facts)


def extract_relations(
    doc: Document, mentions: list[Mention], gaz: Gazetteer | None = None, parse: Any = None
) -> Extraction:
    """Local entities and facts of one document; ``parse`` (a spaCy Doc with GiNZA's
    dependency parse) lets the argument rules read verbs' subjects and objects."""
    return _Builder(doc, mentions, gaz, parse).run()
