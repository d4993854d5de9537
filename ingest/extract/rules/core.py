"""The base every rule family builds on: the document's state (state.py) and the lookups on it, split by
what they read: coreference.py, phrases.py (the parse's noun phrases, over layout.py) and surface.py."""

from __future__ import annotations

from ingest.extract.rules.coreference import Coreference
from ingest.extract.rules.phrases import Phrases
from ingest.extract.rules.surface import Surface


class Core(Coreference, Phrases, Surface):
    """A document's entities and facts, with the lookups every rule family shares."""
