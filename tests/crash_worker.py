"""Writes numbered batches into an embedded store until killed (crash tests).

Each batch holds ``SIZE`` organisations tagged with the batch number and a
chain of relations between them; after each commit it prints the number.
With ``bulk``, batches are written in bulk loads of ``BULK_BATCHES`` batches
each (secondary indexes dropped, rebuilt at the end of every load), so a kill
lands in the writes of a bulk load or in its index rebuild. Every third batch
of a bulk load is followed by the previous batch again: records already
stored, which the load's one pass for new records hands to the merging path
(after rolling its own transaction back), so a kill lands there too.
"""

from __future__ import annotations

import itertools
import sys

from graph.embedded import EmbeddedStore
from graph.ids import relation_id
from graph.model import Batch, Entity, EntityRecord, EntityType, Evidence, Name, Relation, Source

SIZE = 200
BULK_BATCHES = 5


def batch(number: int) -> Batch:
    ids = [f"org:b{number}-{j}" for j in range(SIZE)]
    entities = [
        EntityRecord(
            entity=Entity(id=i, type=EntityType.ORGANISATION, kind="company", names=(Name(text=f"Company {i}"),)),
            sources=("crash",),
        )
        for i in ids
    ]
    relations = [
        Relation(
            id=relation_id("partner_of", a, b), type="partner_of", source=a, target=b,
            evidence=(Evidence(source="crash", locator=f"batch {number}"),),
        )
        for a, b in itertools.pairwise(ids)
    ]
    return Batch(entities=entities, relations=relations)


def main(path: str, start: int, mode: str = "plain") -> None:
    store = EmbeddedStore(path)
    store.write(Batch(sources=[Source(id="crash", title="crash test")]))
    number = start
    while True:
        if mode == "bulk":
            with store.bulk(10**9):
                for n in range(BULK_BATCHES):
                    store.write(batch(number))
                    print(number, flush=True)
                    if n % 3 == 2:
                        store.write(batch(number - 1))  # stored already: merged, nothing changes
                    number += 1
            print("indexes", flush=True)
        else:
            store.write(batch(number))
            print(number, flush=True)
            number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:])
