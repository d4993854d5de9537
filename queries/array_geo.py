"""Countries and regions of a snapshot's entities, found over its arrays.

Why: ``queries.geo.Geography`` loads each entity's row and upward relations as
objects and keeps them, with its answers, in dicts: finding the country and
region of every entity of a million-relation store (a server's warm-up) held
about 300 MB. Here the upward relations are a compact adjacency made once from
the snapshot's outgoing arrays and the answers are integer arrays: a few
megabytes. The walks are ``Geography``'s, step for step (``located_in`` chains
first, their answer shared along the chain, then breadth first through employers
and parent bodies, parents in relation-id order), so the answers are the same.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from graph.model import EntityType
from graph.rows import EntityRow
from queries.geo import UPWARD, Geography

if TYPE_CHECKING:
    from queries.snapshot import SnapshotView

_UNKNOWN, _NONE = -2, -1
_KINDS = ("country", "region")


class ArrayGeography(Geography):
    """``Geography`` over a mapped snapshot: answers kept as entity indices."""

    def __init__(self, view: SnapshotView) -> None:
        super().__init__(view)
        self.snap = view
        a = view.a
        count = len(a["entity_id"])
        place = a["entity_type"] == list(EntityType).index(EntityType.PLACE)
        self._is: dict[str, bytes] = {}
        for kind in _KINDS:
            mask = place & (a["entity_kind"] == view._kinds.index(kind)) if kind in view._kinds else place & False
            self._is[kind] = mask.astype(np.uint8).tobytes()
        # Upward relations (relation-id order per entity): target and whether it is ``located_in``.
        ptr, out = a["outgoing_ptr"], a["outgoing"]
        types = a["relation_type"][out]
        codes = [i for i, t in enumerate(view._rel_types) if t in UPWARD]
        keep = np.isin(types, codes)
        owner = np.repeat(np.arange(count), np.diff(ptr))[keep]
        up_ptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=count), out=up_ptr[1:])
        located = view._rel_types.index("located_in") if "located_in" in view._rel_types else -1
        self._up_ptr = array("q", up_ptr.tolist())
        self._up_target = array("i", a["relation_ends"][out[keep], 1].tolist())
        self._up_located = (types[keep] == located).astype(np.uint8).tobytes()
        self._found = {kind: array("i", [_UNKNOWN]) * count for kind in _KINDS}
        self._chain = {kind: array("i", [_UNKNOWN]) * count for kind in _KINDS}  # ``located_in`` answers
        self._ids: dict[int, str] = {}

    # -- the walks, on entity indices ------------------------------------------------------------------
    def _parents_of(self, node: int, located_only: bool) -> list[int]:
        lo, hi = self._up_ptr[node], self._up_ptr[node + 1]
        if located_only:
            return [t for t, loc in zip(self._up_target[lo:hi], self._up_located[lo:hi], strict=True) if loc]
        return self._up_target[lo:hi].tolist()

    def _chain_of(self, entity: int, kind: str) -> int:
        """``Geography._located``: up the ``located_in`` chain while a node has one place above it."""
        memo, is_kind = self._chain[kind], self._is[kind]
        path: list[int] = []
        node, found = entity, _NONE
        while node != _NONE:
            if memo[node] != _UNKNOWN:
                found = memo[node]
                break
            if is_kind[node]:
                found = node
                break
            parents = self._parents_of(node, located_only=True)
            if len(parents) != 1:
                found = self._breadth_first(node, kind, located_only=True) if parents else _NONE
                break
            path.append(node)
            node = parents[0] if parents[0] not in path else _NONE
        for visited in path:
            memo[visited] = found
        return found

    def _breadth_first(self, entity: int, kind: str, located_only: bool) -> int:
        is_kind = self._is[kind]
        seen = {entity}
        queue = deque([entity])
        while queue:
            node = queue.popleft()
            if is_kind[node]:
                return node
            for other in self._parents_of(node, located_only):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
        return _NONE

    def _of(self, entity: int, kind: str) -> int:
        found = self._found[kind][entity]
        if found == _UNKNOWN:
            found = self._chain_of(entity, kind)
            if found == _NONE:
                found = self._breadth_first(entity, kind, located_only=False)
            if found == _NONE and kind == "region":
                found = self._of(entity, "country")
            self._found[kind][entity] = found
        return found

    def _id(self, index: int) -> str | None:
        if index == _NONE:
            return None
        found = self._ids.get(index)  # countries and regions: a few thousand at most
        if found is None:
            found = self._ids[index] = bytes(self.snap.a["entity_id"][index]).decode("ascii")
        return found

    # -- Geography -------------------------------------------------------------------------------------
    def country(self, entity_id: str) -> str | None:
        i = self.snap._index(entity_id)
        return None if i is None else self._id(self._of(i, "country"))

    def region(self, entity_id: str) -> str | None:
        i = self.snap._index(entity_id)
        return None if i is None else self._id(self._of(i, "region"))

    def entity(self, entity_id: str) -> EntityRow | None:
        return self.snap.get_entities([entity_id]).get(entity_id)

    def prefetch(self, ids: Iterable[str]) -> None:
        """Nothing to load: the upward relations are at hand."""

    def locate_all(self, ids: Iterable[str]) -> None:
        known = self.snap.a["entity_id"]
        width = known.dtype.itemsize
        wanted = np.array([i.encode("ascii") for i in ids if i.isascii() and len(i) <= width], dtype=known.dtype)
        at = np.searchsorted(known, wanted)
        at = at[(at < len(known)) & (known[np.minimum(at, len(known) - 1)] == wanted)]
        for i in at.tolist():
            self._of(i, "country")
            self._of(i, "region")
