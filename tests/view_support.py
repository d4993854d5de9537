"""Views for tests: the embedded index seen only through frontier calls, and a counting wrapper.

``FrontierView`` hides the index's whole tie graph, so every walk runs the way
it runs on Neo4j (growing its tie graph a frontier at a time) while the
answers can be compared with the whole-graph ones. ``CountingView`` wraps any
view and records, per call, how many ids went in and how many records came out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.embedded import EmbeddedStore
from graph.model import EntityType, Source
from graph.rows import EntityRow, RelationRow
from queries.index import get_index
from queries.view import Direction, GraphView, TieEnds


class FrontierView:
    """A ``GraphView`` delegating to another, without any whole-graph shortcut."""

    def __init__(self, inner: GraphView) -> None:
        self.inner = inner
        self.memo: dict[str, Any] = {}

    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]:
        return self.inner.get_entities(ids)

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        return self.inner.get_sources(ids)

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: Direction = "both"
    ) -> list[tuple[str, RelationRow]]:
        return self.inner.adjacent(frontier, types, direction)

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]:
        return self.inner.ties(frontier, types, as_of, min_confidence)

    def places(self, kind: str) -> list[EntityRow]:
        return self.inner.places(kind)

    def entity_page(self, type: EntityType | None, start: int, limit: int) -> tuple[int, list[EntityRow]]:
        return self.inner.entity_page(type, start, limit)

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> Iterator[list[TieEnds]]:
        return self.inner.tie_pages(types, as_of, min_confidence)


@dataclass
class Call:
    operation: str
    asked: int  # ids in the frontier / ids asked for
    returned: int  # records returned
    frontier: tuple[str, ...] = ()  # adjacent / ties: the frontier asked about


@dataclass
class CountingView(FrontierView):
    """Records every call: the frontier it was asked about and the records it returned."""

    calls: list[Call] = field(default_factory=list)

    def __init__(self, inner: GraphView) -> None:
        super().__init__(inner)
        self.calls = []

    @property
    def returned(self) -> int:
        return sum(c.returned for c in self.calls)

    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]:
        ids = list(ids)
        found = super().get_entities(ids)
        self.calls.append(Call("get_entities", len(ids), len(found)))
        return found

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        ids = list(ids)
        found = super().get_sources(ids)
        self.calls.append(Call("get_sources", len(ids), len(found)))
        return found

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: Direction = "both"
    ) -> list[tuple[str, RelationRow]]:
        found = super().adjacent(frontier, types, direction)
        self.calls.append(Call("adjacent", len(frontier), len(found), tuple(frontier)))
        return found

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]:
        found = super().ties(frontier, types, as_of, min_confidence)
        self.calls.append(Call("ties", len(frontier), len(found), tuple(frontier)))
        return found

    def places(self, kind: str) -> list[EntityRow]:
        found = super().places(kind)
        self.calls.append(Call("places", 1, len(found)))
        return found

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> Iterator[list[TieEnds]]:
        for page in super().tie_pages(types, as_of, min_confidence):
            self.calls.append(Call("tie_pages", 0, len(page)))
            yield page


class FrontierStore(EmbeddedStore):
    """An embedded store whose queries see its index only through frontier calls."""

    def view(self) -> GraphView:
        return FrontierView(get_index(self))
