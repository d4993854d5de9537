"""Entity mentions: GiNZA's named entities, repaired and overridden by rules.

Order of trust: gazetteer matches and suffix-built organisation names beat
GiNZA's labels (which are weak for organisations and split katakana names);
person patterns (katakana joined across ・ up to 氏 or a title) beat GiNZA's
person spans. Titles and honorifics never end up inside a name.

The recogniser is a pipeline of stages over one shared state (``Context``):
each stage adds candidates or rewrites and drops earlier ones, in a fixed
order (later stages read what earlier ones found), and the final selection
keeps the best non-overlapping mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest.extract.gazetteer import Gazetteer
from ingest.extract.mentions.aliases import capture_aliases
from ingest.extract.mentions.bodies import (
    agencies_of_countries,
    bodies_with_country,
    companies_by_sha,
    departments,
    english_bodies,
    offices_of_bodies,
    programme_bodies,
    recurring_bodies,
)
from ingest.extract.mentions.entities import ginza_entities
from ingest.extract.mentions.filters import (
    _not_a_name,
    drop_non_names,
    held_not_bodies,
    lists_not_bodies,
    offices_and_chapters,
)
from ingest.extract.mentions.governments import governments_as_places
from ingest.extract.mentions.known import known_names
from ingest.extract.mentions.model import EVENT, LABELS, ORG, PERSON, PLACE, Context, Mention
from ingest.extract.mentions.parties import (
    affiliations,
    apposed_bodies,
    bodies_by_kind,
    listed_bodies,
    signing_parties,
)
from ingest.extract.mentions.persons import kanji_persons, persons_by_pattern
from ingest.extract.mentions.places import (
    abbreviated_states,
    country_areas,
    katakana_units,
    places_of_heads,
    provinces_in_do,
    regions_after_country,
    states_by_initials,
)
from ingest.extract.mentions.quoted import (
    introduced_bodies,
    programmes,
    quoted_events,
    quoted_names,
    quoted_occasions,
)
from ingest.extract.mentions.select import _drop_qualifiers, _select
from ingest.extract.mentions.suffixes import named_by_suffix
from ingest.extract.mentions.words import clean_person

__all__ = ["EVENT", "LABELS", "ORG", "PERSON", "PLACE", "Mention", "capture_aliases", "clean_person", "recognise"]

Stage = Callable[[Context], None]

# The stages in order. The order is part of the behaviour: a stage reads what the earlier ones
# found (the countries, the persons before ・, the bodies a pattern named), and ties in the final
# selection go to the candidate found first.
STAGES: tuple[Stage, ...] = (
    known_names,  # 1. the gazetteer
    named_by_suffix,  # 2. bodies, events and places over noun runs by their endings
    provinces_in_do,
    regions_after_country,
    companies_by_sha,
    states_by_initials,
    country_areas,
    bodies_with_country,
    quoted_events,
    introduced_bodies,
    programme_bodies,
    quoted_occasions,
    quoted_names,
    listed_bodies,
    programmes,
    bodies_by_kind,
    apposed_bodies,
    kanji_persons,
    departments,
    english_bodies,
    offices_of_bodies,
    persons_by_pattern,  # 3. persons by pattern
    ginza_entities,  # 4. GiNZA's entities
    katakana_units,  # then passes over what the stages found
    signing_parties,
    agencies_of_countries,
    abbreviated_states,
    affiliations,
    places_of_heads,
    recurring_bodies,
    governments_as_places,
    held_not_bodies,
    lists_not_bodies,
    drop_non_names,
    offices_and_chapters,
)


def recognise(doc: Any, text: str, gaz: Gazetteer) -> list[Mention]:
    """All mentions in a parsed document, non-overlapping, in text order."""
    ctx = Context.of(doc, text, gaz)
    for stage in STAGES:
        stage(ctx)
    return _drop_qualifiers(_select([c for c in ctx.candidates if not _not_a_name(c, text)]), text)
