"""An independent reading of actors from stored facts, for tests: which nodes belong to one actor.

An actor is a body with its units (``part_of`` chains up to a body that is not a country) and
the people who work only for that body or its units. Written from the definition, not from
``queries.actors``, so the tests judge the query rather than repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Batch, EntityType, Relation

MEETINGS = {EntityType.AGREEMENT, EntityType.EVENT}


@dataclass(frozen=True)
class Actors:
    """Which stored nodes belong to one actor, read from part_of and works_for."""

    types: dict[str, EntityType]
    kinds: dict[str, str | None]
    parents: dict[str, set[str]]
    employers: dict[str, set[str]]

    @classmethod
    def of(cls, graph: Batch) -> Actors:
        types = {r.entity.id: r.entity.type for r in graph.entities}
        kinds = {r.entity.id: r.entity.kind for r in graph.entities}
        parents: dict[str, set[str]] = {}
        employers: dict[str, set[str]] = {}
        for rel in graph.relations:
            if rel.type == "part_of" and kinds.get(rel.target) != "country":
                parents.setdefault(rel.source, set()).add(rel.target)
            if rel.type == "works_for" and kinds.get(rel.target) != "country":
                employers.setdefault(rel.source, set()).add(rel.target)
        return cls(types, kinds, parents, employers)

    def roots(self, node: str) -> set[str]:
        """The top bodies a node belongs to (itself when it is part of nothing)."""
        if self.types.get(node) is EntityType.PERSON:
            found: set[str] = set()
            for employer in self.employers.get(node, ()):
                found |= self.roots(employer)
            return found if len(found) == 1 else {node}
        seen, frontier, tops = {node}, [node], set()
        while frontier:
            nxt = []
            for n in frontier:
                ups = self.parents.get(n, set())
                if not ups:
                    tops.add(n)
                for up in ups - seen:
                    seen.add(up)
                    nxt.append(up)
            frontier = nxt
        return tops

    def inside(self, rel: Relation) -> bool:
        """Whether a stored relation is a move inside one actor (unit to body, body to its staff)."""
        if rel.type not in ("part_of", "works_for") or self.kinds.get(rel.target) == "country":
            return False
        return bool(self.roots(rel.source) & self.roots(rel.target))

    def own(self, end: str, node: str) -> bool:
        return node == end or bool(self.roots(end) & self.roots(node))

    def intermediaries(self, ids: list[str]) -> list[str]:
        a, b = ids[0], ids[-1]
        return [n for n in ids[1:-1] if self.types[n] not in MEETINGS and not self.own(a, n) and not self.own(b, n)]

    def meetings(self, ids: list[str]) -> set[str]:
        return {n for n in ids if self.types[n] in MEETINGS}
