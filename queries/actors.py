"""Which moves stay inside one actor, so that an introduction path does not count them as steps.

An *actor* is a body (an organisation, or a place acting as its government) with its units
and staff:

* a unit is ``part_of`` its parent body, unless the parent is a country (a national agency
  or an embassy is an actor of its own, not a room of "Japan");
* a person belongs to the actor of their employer (``works_for``) when all their employers
  belong to one actor; someone who works for two actors (a managing director who is also a
  diplomat) is a person between them, and meeting through them is a step like meeting at an
  event.

Read through the view's outgoing relations of a node (its parents, its employers), so
finding a unit's body never scans the body's thousand other ties; memoised for as long as
the tie graph lives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.model import EntityType
from graph.rows import EntityRow, RelationRow

Relations = Callable[[str, str], list[RelationRow]]


def _is_country(entity: EntityRow | None) -> bool:
    return entity is not None and entity.type is EntityType.PLACE and entity.kind == "country"


@dataclass
class Actors:
    """Actor membership over one tie graph: ``upward(node, type)`` gives the node's own usable
    relations of one type (outgoing: its parents, its employers), ``relations(u, v)`` the usable
    relations on a tie."""

    entities: dict[str, EntityRow]
    upward: Callable[[str, str], list[RelationRow]]
    relations: Relations
    lookup: Callable[[str], EntityRow | None] | None = None  # rows not in ``entities`` yet (a growing graph)
    _parents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _roots: dict[str, frozenset[str]] = field(default_factory=dict)
    _employers: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)

    def _row(self, node: str) -> EntityRow | None:
        found = self.entities.get(node)
        return found if found is not None or self.lookup is None else self.lookup(node)

    def parents(self, node: str) -> tuple[str, ...]:
        """Bodies ``node`` is a unit of (never a country), in id order."""
        found = self._parents.get(node)
        if found is None:
            ups = {rel.target for rel in self.upward(node, "part_of") if not _is_country(self._row(rel.target))}
            found = self._parents[node] = tuple(sorted(ups))
        return found

    def employers(self, person: str) -> tuple[tuple[str, str | None], ...]:
        """(body, role) of every ``works_for`` of a person, countries left out, in id order."""
        found = self._employers.get(person)
        if found is None:
            jobs = {(rel.target, rel.role) for rel in self.upward(person, "works_for")
                    if not _is_country(self._row(rel.target))}
            found = self._employers[person] = tuple(sorted(jobs, key=lambda j: (j[0], j[1] or "")))
        return found

    def roots(self, node: str) -> frozenset[str]:
        """The top bodies of ``node``'s actor; a person between actors is their own root."""
        found = self._roots.get(node)
        if found is not None:
            return found
        entity = self._row(node)
        if entity is not None and entity.type is EntityType.PERSON:
            tops: set[str] = set()
            for body, _role in self.employers(node):
                tops |= self.roots(body)
            found = frozenset(tops) if len(tops) == 1 else frozenset({node})
        else:
            seen, frontier, top = {node}, [node], set()
            while frontier:
                nxt = []
                for n in frontier:
                    ups = self.parents(n)
                    if not ups:
                        top.add(n)
                    for up in ups:
                        if up not in seen:
                            seen.add(up)
                            nxt.append(up)
                frontier = nxt
            found = frozenset(top)
        self._roots[node] = found
        return found

    def inside(self, u: str, v: str) -> bool:
        """Whether the tie u-v is a move inside one actor (a unit to its body, a body to its staff)."""
        for rel in self.relations(u, v):
            if rel.type == "part_of" and not _is_country(self.entities.get(rel.target)):
                return True
            if (
                rel.type == "works_for"
                and not _is_country(self.entities.get(rel.target))
                and self.roots(rel.source) & self.roots(rel.target)
            ):
                return True
        return False

    def same(self, u: str, v: str) -> bool:
        return bool(self.roots(u) & self.roots(v))

    def role(self, person: str) -> tuple[str, str | None] | None:
        """The person's first employer and role (for "野村知宏 (CLAIR パリ事務所 所長)")."""
        jobs = self.employers(person)
        return jobs[0] if jobs else None
