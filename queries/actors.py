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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from graph.model import EntityType
from graph.rows import EntityRow, RelationRow

Relations = Callable[[str, str], list[RelationRow]]
Upward = Callable[[Sequence[str], str], Mapping[str, list[RelationRow]]]


def _is_country(entity: EntityRow | None) -> bool:
    return entity is not None and entity.type is EntityType.PLACE and entity.kind == "country"


@dataclass
class Actors:
    """Actor membership over one tie graph: ``upward(nodes, type)`` gives each node's own usable
    relations of one type (outgoing: its parents, its employers), ``relations(u, v)`` the usable
    relations on a tie."""

    entities: dict[str, EntityRow]
    upward: Upward
    relations: Relations
    # Rows by id from the view: those not in ``entities`` yet (a growing graph), and many at once.
    lookup: Callable[[Sequence[str]], Mapping[str, EntityRow]] | None = None
    _parents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _roots: dict[str, frozenset[str]] = field(default_factory=dict)
    _employers: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)
    _people: dict[str, bool] = field(default_factory=dict)  # whether a node is a person, once read

    def _row(self, node: str) -> EntityRow | None:
        found = self.entities.get(node)
        return found if found is not None or self.lookup is None else self.lookup([node]).get(node)

    def _rows(self, nodes: Sequence[str]) -> Callable[[str], EntityRow | None]:
        """A row reader for ``nodes``, asked of the view together when it can."""
        if self.lookup is None or not nodes:
            return self._row
        known = self.lookup(nodes)
        return lambda node: known[node] if node in known else self._row(node)

    def parents(self, node: str) -> tuple[str, ...]:
        """Bodies ``node`` is a unit of (never a country), in id order."""
        found = self._parents.get(node)
        if found is None:
            found = self._keep_parents(node, self.upward([node], "part_of").get(node, []))
        return found

    def _keep_parents(
        self, node: str, rels: list[RelationRow], row: Callable[[str], EntityRow | None] | None = None
    ) -> tuple[str, ...]:
        row = row or self._row
        ups = {rel.target for rel in rels if not _is_country(row(rel.target))}
        found = self._parents[node] = tuple(sorted(ups))
        return found

    def employers(self, person: str) -> tuple[tuple[str, str | None], ...]:
        """(body, role) of every ``works_for`` of a person, countries left out, in id order."""
        found = self._employers.get(person)
        if found is None:
            found = self._keep_employers(person, self.upward([person], "works_for").get(person, []))
        return found

    def _keep_employers(
        self, person: str, rels: list[RelationRow], row: Callable[[str], EntityRow | None] | None = None
    ) -> tuple[tuple[str, str | None], ...]:
        row = row or self._row
        jobs = {(rel.target, rel.role) for rel in rels if not _is_country(row(rel.target))}
        found = self._employers[person] = tuple(sorted(jobs, key=lambda j: (j[0], j[1] or "")))
        return found

    def prime(self, nodes: Iterable[str]) -> None:
        """Read the employers and parents of many nodes, and of their bodies level by level, with one
        ``upward`` call per level and type. ``roots`` of them all then asks nothing more: asked node by
        node, a first question between two big bodies reads each of their hundreds of members alone."""
        todo = sorted({n for n in nodes if n not in self._roots})
        seen = set(todo)
        while todo:
            found: set[str] = set()
            row = self._rows(todo)
            for n in todo:
                self._people[n] = (entity := row(n)) is not None and entity.type is EntityType.PERSON
            people = [n for n in todo if self._people[n]]
            others = set(people)
            bodies = [n for n in todo if n not in others]
            jobs = self.upward(asked, "works_for") if (asked := [n for n in people if n not in self._employers]) else {}
            parts = self.upward(asked, "part_of") if (asked := [n for n in bodies if n not in self._parents]) else {}
            ends = self._rows(sorted({rel.target for rels in (*jobs.values(), *parts.values()) for rel in rels}))
            for person in people:
                held = self._employers.get(person)
                if held is None:
                    held = self._keep_employers(person, jobs.get(person, []), ends)
                found.update(body for body, _ in held)
            for body in bodies:
                ups = self._parents.get(body)
                if ups is None:
                    ups = self._keep_parents(body, parts.get(body, []), ends)
                found.update(ups)
            todo = sorted(found - seen)
            seen |= found

    def roots(self, node: str) -> frozenset[str]:
        """The top bodies of ``node``'s actor; a person between actors is their own root."""
        found = self._roots.get(node)
        if found is not None:
            return found
        person = self._people.get(node)
        if person is None:
            person = self._people[node] = (entity := self._row(node)) is not None and entity.type is EntityType.PERSON
        if person:
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
