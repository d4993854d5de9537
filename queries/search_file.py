"""The search arrays (``queries.search``) of a big embedded store, persisted beside its view snapshot.

Why: a command answering one question on a million-relation store would otherwise
grow its tie graph frontier by frontier (seconds: a fewest-step search takes in
every unit and staff member of each actor it reaches), and a server would hold the
whole tie graph in memory to search it. The arrays — neighbours, half steps, step
weights, hub penalties — are what the search needs; mapped from ``<store>.search``
they answer at once.

Same life as the view snapshot (``queries.snapshot``: header with format, store
version, length and CRC-32; written to a temporary file and renamed; anything torn
or stale is rebuilt, never trusted). Step weights age with the day (evidence decays
from its publication to today), so the file also names the day it was built for and
is rebuilt on the first search of another day. Built from the whole tie graph of the
default filter, by the same code as in a warm process, so answers are identical; for another
day of the same store version only the step weights are computed again, column by column.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

import numpy as np

from graph.registry import TIE_TYPES
from queries.search import TieArrays
from queries.snapshot import SnapshotInvalid, SnapshotView, WholeSnapshotView, read_snapshot, write_snapshot
from queries.ties import TieFilter

if TYPE_CHECKING:
    from queries.paths import Introductions

_COLUMNS = ("ptr", "nbr", "cost", "weight", "penalty", "rank", "blocked")
_lock = threading.Lock()


def search_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".search")


class _Ids(Sequence[str]):
    """Node ids of the arrays: the snapshot's entities, in its (id) order."""

    def __init__(self, view: SnapshotView) -> None:
        self._ids = view.a["entity_id"]

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [bytes(x).decode("ascii") for x in self._ids[i]]
        return bytes(self._ids[i]).decode("ascii")


class _Index(Mapping[str, int]):
    """Node index by id, through the snapshot's sorted ids."""

    def __init__(self, view: SnapshotView) -> None:
        self._view = view

    def __getitem__(self, key: str) -> int:
        found = self._view._index(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_Ids(self._view))

    def __len__(self) -> int:
        return len(self._view.a["entity_id"])


def default_rule() -> TieFilter:
    return TieFilter(frozenset(TIE_TYPES))


def _build(view: SnapshotView, day: dt.date) -> TieArrays | None:
    """The arrays from the whole tie graph of the default filter (a temporary warm view; freed after)."""
    from queries.paths import Introductions

    whole = WholeSnapshotView(view.version, view.a, view.vocab, _mapped=view._mapped)
    rule = default_rule()
    tg = whole.tie_graph(rule)
    if list(tg.graph) != [*_Ids(view)]:  # the arrays index nodes as the snapshot does
        return None
    intro: Introductions = Introductions(whole, tg, rule)
    return intro.arrays()


def search_arrays(view: SnapshotView, store_path: Path, min_ties: int, build: bool = True) -> TieArrays | None:
    """The persisted search arrays of this view's store version and today, built when missing or stale
    (unless not ``build``: a process holding the whole tie graph makes its own); None for a store with
    fewer than ``min_ties`` tie relations (the dict-based search serves it)."""
    day = dt.date.today()
    found = view.memo.get("search_arrays")
    if isinstance(found, tuple) and found[0] == day:
        return found[1]  # type: ignore[no-any-return]
    codes = [i for i, t in enumerate(view.vocab["relation_types"]) if t in TIE_TYPES]
    if int(np.isin(view.a["relation_type"], codes).sum()) < min_ties:
        return None
    path = search_path(store_path)
    with _lock:
        arrays = _open(view, path, day)
        if arrays is None and not build:
            return None
        if arrays is None:
            built = _reweighed(view, path, day) or _build(view, day)
            if built is None:
                return None
            columns = {name: np.asarray(getattr(built, name)) for name in _COLUMNS}
            try:
                write_snapshot(path, view.version, columns, {"day": day.isoformat()})
                arrays = _open(view, path, day)
            except (OSError, SnapshotInvalid):
                arrays = None
            if arrays is None:  # a read-only folder: keep it in memory
                arrays = built
        view.memo["search_arrays"] = (day, arrays)
    return arrays


def _reweighed(view: SnapshotView, path: Path, day: dt.date) -> TieArrays | None:
    """This store version's arrays of another day, with the step weights of ``day``: only they age.

    A step's half steps, a node's hub penalty, rank and whether it is a country do not depend on the day,
    nor does the weight of a move inside one actor (its best confidence). A tie's weight is ``-log`` of
    its strength, the strongest of its relations; those are computed column by column with the same
    arithmetic as ``relation_strength`` (``queries.array_ties.relation_strengths``), so no tie graph is
    built. None when there is no such file (then the arrays are built from the whole tie graph)."""
    from graph.model import EntityType
    from graph.registry import MEETING_POINTS
    from queries.array_ties import relation_strengths
    from queries.ties import Decay

    try:
        columns, vocab, mapped = read_snapshot(path, view.version)
    except SnapshotInvalid:
        return None
    try:
        if set(columns) != set(_COLUMNS) or vocab.get("day") == day.isoformat():
            return None
        fresh = {name: np.array(columns[name]) for name in _COLUMNS}  # (copied out of the map)
    finally:
        columns.clear()
        mapped.close()
    a = view.a
    count = len(a["entity_id"])
    relations = np.flatnonzero(view._type_mask(TIE_TYPES)[a["relation_type"]])
    ends = a["relation_ends"][relations].astype(np.int64)
    meeting = np.isin(a["entity_type"], [list(EntityType).index(t) for t in MEETING_POINTS])
    strength = relation_strengths(view, relations, meeting[ends[:, 0]] | meeting[ends[:, 1]],
                                  Decay(view.get_sources(view._source_ids), day))
    key = np.minimum(ends[:, 0], ends[:, 1]) * count + np.maximum(ends[:, 0], ends[:, 1])
    order = np.argsort(key, kind="stable")
    key, strength = key[order], strength[order]
    heads = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    pair_key = key[heads]
    pair_weight = np.array([-math.log(s) for s in np.maximum.reduceat(strength, heads).tolist()]
                           if len(heads) else [], dtype=np.float64)
    owner = np.repeat(np.arange(count, dtype=np.int64), np.diff(fresh["ptr"]))
    other = fresh["nbr"].astype(np.int64)
    at = np.searchsorted(pair_key, np.minimum(owner, other) * count + np.maximum(owner, other))
    if len(at) and (int(at.max()) >= len(pair_key) or not np.array_equal(
            pair_key[at], np.minimum(owner, other) * count + np.maximum(owner, other))):
        return None  # not the ties of this snapshot after all: build them anew
    fresh["weight"] = np.where(fresh["cost"] == 0, fresh["weight"], pair_weight[at] if len(at) else fresh["weight"])
    return TieArrays(_Ids(view), _Index(view), *(fresh[name] for name in _COLUMNS))


def _open(view: SnapshotView, path: Path, day: dt.date) -> TieArrays | None:
    try:
        columns, vocab, mapped = read_snapshot(path, view.version)
    except SnapshotInvalid:
        return None
    if vocab.get("day") != day.isoformat() or set(columns) != set(_COLUMNS):
        columns.clear()  # (the arrays view the map: drop them before closing it)
        mapped.close()
        return None
    view.memo.setdefault("search_maps", []).append(mapped)  # kept open as long as the view
    return TieArrays(_Ids(view), _Index(view), *(columns[name] for name in _COLUMNS))
