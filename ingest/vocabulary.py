"""The sector vocabulary as a batch, so every store holds the same sector nodes."""

from __future__ import annotations

from graph.model import Batch, Entity, EntityRecord, EntityType, Lang, Name, NameKind, Source
from graph.sectors import SECTORS

VOCABULARY_SOURCE = Source(id="kizuna.sectors", title="Kizuna sector vocabulary", lang=Lang.EN, publisher="Kizuna")


def sector_batch() -> Batch:
    """Sector entities with English and Japanese labels and Japanese synonyms."""
    records = []
    for sector in SECTORS:
        names = [
            Name(text=sector.en, lang=Lang.EN, kind=NameKind.PRIMARY),
            Name(text=sector.ja, lang=Lang.JA, kind=NameKind.PRIMARY),
            Name(text=sector.id.replace("_", " "), lang=Lang.EN, kind=NameKind.ALIAS),
            *(Name(text=s, lang=Lang.JA, kind=NameKind.ALIAS) for s in sector.synonyms),
        ]
        entity = Entity(id=sector.entity_id, type=EntityType.SECTOR, names=tuple(names))
        records.append(EntityRecord(entity=entity, sources=(VOCABULARY_SOURCE.id,)))
    return Batch(sources=[VOCABULARY_SOURCE], entities=records)
