"""The embedded store's read view as compact arrays, persisted beside the store and memory-mapped.

Why: building the in-memory index of a million relations took 25 s and 1.9 GB
in every process that queried a big store. The same graph as numpy arrays
(sorted fixed-width ids, codes for the small vocabularies, CSR adjacency) is
about 150 MB on disk; a process maps the file and answers its first query at
once, and only the pages it touches become resident. Rows are made on demand,
for the frontier a walk asks about, with the same fields and order as the
in-memory index, so answers are identical.

The file (``<store>.view``) is rebuilt only when the store's version changes.
It is written to a temporary file, flushed to disk and renamed over the old one,
so readers see the old snapshot or the new one, whole. Its header carries the
format, the store version, the length of the data and its CRC-32: a snapshot
that is torn, truncated, from another format or another store version is
never trusted, it is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
import mmap
import os
import sqlite3
import struct
import threading
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from graph.model import EntityType, Source
from graph.rows import EntityRow, EvidenceRow, GraphRows, RelationRow, gc_paused

if TYPE_CHECKING:
    from queries.array_ties import ArrayTieGraph
    from queries.geo import Geography
    from queries.ties import TieFilter, TieGraph

MAGIC = b"KIZUNA-VIEW\n"
FORMAT = 2  # 2: entity_attrs gained the end date
_ALIGN = 64
_HEADER_LEN = struct.Struct("<Q")
_TYPES = list(EntityType)
_NONE = -1
ROW_CACHE = 300_000  # entity rows kept made; beyond it the oldest go first
RELATION_CACHE = 500_000  # relation rows kept made
POSITION_CACHE = 300_000  # entity ids kept with their index
EVIDENCE_CACHE = 100_000  # distinct evidence tuples kept

Array = npt.NDArray[Any]


class SnapshotInvalid(Exception):
    """The file is not a whole snapshot of this format and store version (it is then rebuilt)."""


def snapshot_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".view")


# -- building ------------------------------------------------------------------------------------------


class _Codes:
    """A small vocabulary: each distinct string gets a number (None gets -1)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None:
            return _NONE
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.index)
        return code

    @property
    def values(self) -> list[str]:
        return list(self.index)


def _strings(values: Sequence[str]) -> tuple[Array, Array]:
    """UTF-8 blob and offsets (n + 1) of a list of strings."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _csr(nodes: Array, items: Array, count: int) -> tuple[Array, Array]:
    """Group ``items`` by ``nodes``, in item order within a node (relations in id order, as the index has them)."""
    order = np.lexsort((items, nodes))
    ptr = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(nodes, minlength=count), out=ptr[1:])
    return ptr, items[order].astype(np.int32)


def build_arrays(db: sqlite3.Connection, in_transaction: bool = False) -> tuple[dict[str, Array], dict[str, Any]]:
    """Read one consistent snapshot of an embedded store (schema 3) into arrays and vocabularies."""
    if not in_transaction:
        db.execute("BEGIN")
    try:
        entities = db.execute(
            "SELECT key, id, type, kind, name_en, name_ja, signed, start, iso_code, end_date FROM entities ORDER BY id"
        ).fetchall()
        relations = db.execute(
            "SELECT id, type, source, target, valid_from, valid_to, role, evidence FROM relations ORDER BY id"
        ).fetchall()
        sources = [json.loads(r[0]) for r in db.execute("SELECT data FROM sources ORDER BY id")]
    finally:
        if not in_transaction:
            db.execute("COMMIT")
    kinds, texts, rel_types, source_codes = _Codes(), _Codes(), _Codes(), _Codes()
    for s in sources:
        source_codes(s["id"])
    type_code = {t.value: i for i, t in enumerate(_TYPES)}
    n = len(entities)
    position = {row[0]: i for i, row in enumerate(entities)}  # store key -> index in id order
    width = max((len(r[1]) for r in entities), default=1)
    arrays: dict[str, Array] = {
        "entity_id": np.array([r[1].encode("ascii") for r in entities], dtype=f"S{width}"),
        "entity_type": np.array([type_code[r[2]] for r in entities], dtype=np.int8),
        "entity_kind": np.array([kinds(r[3]) for r in entities], dtype=np.int32),
        "entity_attrs": np.array([[texts(r[6]), texts(r[7]), texts(r[8]), texts(r[9])] for r in entities],
                                 dtype=np.int32).reshape(n, 4),
    }
    arrays["name_en"], arrays["name_en_ptr"] = _strings([r[4] or "" for r in entities])
    arrays["name_ja"], arrays["name_ja_ptr"] = _strings([r[5] or "" for r in entities])
    m = len(relations)
    rel_width = max((len(r[0]) for r in relations), default=1)
    src = np.array([position[r[2]] for r in relations], dtype=np.int64)
    dst = np.array([position[r[3]] for r in relations], dtype=np.int64)
    ev_ptr = np.zeros(m + 1, dtype=np.int64)
    ev_source: list[int] = []
    ev_confidence: list[float] = []
    for i, r in enumerate(relations):
        parts = r[7].split(" ")
        ev_source.extend(source_codes(parts[j]) for j in range(0, len(parts), 2))
        ev_confidence.extend(float(parts[j]) for j in range(1, len(parts), 2))
        ev_ptr[i + 1] = len(ev_source)
    arrays |= {
        "relation_id": np.array([r[0].encode("ascii") for r in relations], dtype=f"S{rel_width}"),
        "relation_type": np.array([rel_types(r[1]) for r in relations], dtype=np.int16),
        "relation_ends": np.stack([src, dst], axis=1).astype(np.int32).reshape(m, 2),
        "relation_attrs": np.array([[texts(r[4]), texts(r[5]), texts(r[6])] for r in relations], dtype=np.int32
                                   ).reshape(m, 3),
        "evidence_ptr": ev_ptr,
        "evidence_source": np.array(ev_source, dtype=np.int32),
        "evidence_confidence": np.array(ev_confidence, dtype=np.float64),
    }
    ids = np.arange(m, dtype=np.int64)
    arrays["adjacency_ptr"], arrays["adjacency"] = _csr(np.concatenate([src, dst]), np.concatenate([ids, ids]), n)
    arrays["outgoing_ptr"], arrays["outgoing"] = _csr(src, ids, n)
    vocabularies = {"kinds": kinds.values, "texts": texts.values, "relation_types": rel_types.values,
                    "sources": sources}
    return arrays, vocabularies


# -- the file ------------------------------------------------------------------------------------------


def write_snapshot(path: Path, version: str, arrays: dict[str, Array], vocabularies: dict[str, Any]) -> None:
    """Write atomically: a temporary file, flushed and synced, renamed over ``path``."""
    layout: dict[str, Any] = {}
    offset = 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        arrays[name] = array
        layout[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}
        offset += -(-array.nbytes // _ALIGN) * _ALIGN
    crc = 0
    for array in arrays.values():
        crc = zlib.crc32(_padded(array), crc)
    header = json.dumps({"format": FORMAT, "version": version, "length": offset, "crc32": crc, "arrays": layout,
                         "vocabularies": vocabularies}, ensure_ascii=False).encode("utf-8")
    start = -(-(len(MAGIC) + _HEADER_LEN.size + len(header)) // _ALIGN) * _ALIGN
    for leftover in path.parent.glob(f"{path.name}.tmp-*"):  # from writers that died half-way
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        with temporary.open("wb") as handle:
            handle.write(MAGIC + _HEADER_LEN.pack(len(header)) + header)
            handle.write(b"\0" * (start - handle.tell()))
            for array in arrays.values():
                handle.write(_padded(array))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _padded(array: Array) -> bytes:
    data = array.tobytes()
    return data + b"\0" * (-len(data) % _ALIGN)


def read_snapshot(path: Path, version: str) -> tuple[dict[str, Array], dict[str, Any], mmap.mmap]:
    """Map a snapshot of store ``version``; raise ``SnapshotInvalid`` unless it is whole and current."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        raise SnapshotInvalid(f"cannot map {path}: {exc}") from exc
    try:
        if mapped[: len(MAGIC)] != MAGIC:
            raise SnapshotInvalid(f"{path} is not a view snapshot")
        (length,) = _HEADER_LEN.unpack_from(mapped, len(MAGIC))
        begin = len(MAGIC) + _HEADER_LEN.size
        try:
            header = json.loads(mapped[begin : begin + length])
        except ValueError as exc:
            raise SnapshotInvalid(f"{path}: unreadable header") from exc
        if header.get("format") != FORMAT or header.get("version") != version:
            raise SnapshotInvalid(f"{path} holds format {header.get('format')} of version {header.get('version')}")
        start = -(-(begin + length) // _ALIGN) * _ALIGN
        if len(mapped) != start + header["length"]:
            raise SnapshotInvalid(f"{path} is {len(mapped)} bytes, its header says {start + header['length']}")
        if zlib.crc32(memoryview(mapped)[start:]) != header["crc32"]:
            raise SnapshotInvalid(f"{path}: checksum mismatch")
        arrays = {
            name: np.frombuffer(mapped, dtype=np.dtype(spec["dtype"]), count=int(np.prod(spec["shape"])),
                                offset=start + spec["offset"]).reshape(spec["shape"])
            for name, spec in header["arrays"].items()
        }
    except SnapshotInvalid:
        mapped.close()
        raise
    return arrays, header["vocabularies"], mapped


# -- the view ------------------------------------------------------------------------------------------


@dataclass
class SnapshotView:
    """The read view (``queries.view.GraphView``) over a mapped snapshot."""

    version: str
    a: dict[str, Array]
    vocab: dict[str, Any]
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _mapped: Any = field(default=None, repr=False)
    store_path: Path | None = None  # the store it belongs to (files kept beside it: ``queries.search_file``)

    def __post_init__(self) -> None:
        self._kinds: list[str] = self.vocab["kinds"]
        self._texts: list[str] = self.vocab["texts"]
        self._rel_types: list[str] = self.vocab["relation_types"]
        self._source_ids: list[str] = [s["id"] for s in self.vocab["sources"]]
        self._sources: dict[str, Source] = {}
        self._rows: dict[int, EntityRow] = {}
        self._evidence: dict[tuple[tuple[int, ...], tuple[float, ...]], tuple[EvidenceRow, ...]] = {}
        self._relation_rows: dict[int, RelationRow] = {}
        self._positions: dict[str, int] = {}
        self._masks: dict[frozenset[str], Array] = {}

    @classmethod
    def open(cls, path: Path, version: str, store_path: Path | None = None) -> SnapshotView:
        arrays, vocab, mapped = read_snapshot(path, version)
        return cls(version, arrays, vocab, _mapped=mapped, store_path=store_path)

    # -- lookups -------------------------------------------------------------------------------------
    def _index(self, entity_id: str) -> int | None:
        found = self._positions.get(entity_id)
        if found is not None:
            return found
        ids = self.a["entity_id"]
        try:
            key = entity_id.encode("ascii")
        except UnicodeEncodeError:
            return None
        if len(key) > ids.dtype.itemsize:
            return None
        i = int(np.searchsorted(ids, key))
        if i < len(ids) and ids[i] == key:
            _make_room(self._positions, 1, POSITION_CACHE)
            self._positions[entity_id] = i
            return i
        return None

    def _text(self, code: int) -> str | None:
        return None if code == _NONE else self._texts[code]

    def _name(self, which: str, i: int) -> str:
        ptr = self.a[f"{which}_ptr"]
        return bytes(self.a[which][ptr[i] : ptr[i + 1]]).decode("utf-8")

    def _entity(self, i: int) -> EntityRow:
        row = self._rows.get(i)
        return row if row is not None else self._entities([i])[0]

    def _entities(self, indices: Sequence[int]) -> list[EntityRow]:
        """Rows of entities by index: missing ones made together (columns gathered at once, not per cell)."""
        rows = self._rows
        todo = [i for i in indices if i not in rows]
        if todo:
            if _make_room(rows, len(todo), ROW_CACHE):
                todo = [i for i in dict.fromkeys(indices) if i not in rows]
            a, kinds, texts = self.a, self._kinds, self._texts
            picked = np.array(todo, dtype=np.int64)
            columns = zip(todo, a["entity_id"][picked].tolist(), a["entity_type"][picked].tolist(),
                          a["entity_kind"][picked].tolist(), a["entity_attrs"][picked].tolist(), strict=True)
            for i, raw, type_code, kind, (signed, start, iso, end) in columns:
                rows[i] = EntityRow(
                    raw.decode("ascii"), _TYPES[type_code], None if kind == _NONE else kinds[kind],
                    self._name("name_en", i), self._name("name_ja", i),
                    None if signed == _NONE else texts[signed], None if start == _NONE else texts[start],
                    None if iso == _NONE else texts[iso], None if end == _NONE else texts[end])
        return [rows[i] for i in indices]

    def _relations(self, indices: Array, cache_rows: bool = True) -> list[RelationRow]:
        """Rows of relations by index (cached: walks come back to the same hubs)."""
        cache = self._relation_rows if cache_rows else {}
        wanted = indices.tolist()
        todo = [r for r in wanted if r not in cache]
        if todo:
            if cache_rows and _make_room(cache, len(todo), RELATION_CACHE):
                todo = [r for r in dict.fromkeys(wanted) if r not in cache]
            a = self.a
            picked = np.array(todo, dtype=np.int64)
            ends = a["relation_ends"][picked].tolist()
            self._entities(sorted({e for pair in ends for e in pair}))  # the ends' rows, made together
            rows, texts, types, sources = self._rows, self._texts, self._rel_types, self._source_ids
            lows, highs = a["evidence_ptr"][picked].tolist(), a["evidence_ptr"][picked + 1].tolist()
            ev_source, ev_conf = a["evidence_source"], a["evidence_confidence"]
            columns = zip(todo, a["relation_id"][picked].tolist(), a["relation_type"][picked].tolist(), ends,
                          a["relation_attrs"][picked].tolist(), lows, highs, strict=True)
            for r, raw, type_code, (src, dst), (vf, vt, role), lo, hi in columns:
                codes, confidences = ev_source[lo:hi].tolist(), ev_conf[lo:hi].tolist()
                shared = (tuple(codes), tuple(confidences))
                evidence = self._evidence.get(shared)
                if evidence is None:
                    _make_room(self._evidence, 1, EVIDENCE_CACHE)
                    evidence = self._evidence[shared] = tuple(
                        EvidenceRow(sources[c], x) for c, x in zip(codes, confidences, strict=True))
                cache[r] = RelationRow(
                    raw.decode("ascii"), types[type_code], rows[src].id, rows[dst].id, evidence,
                    None if vf == _NONE else texts[vf], None if vt == _NONE else texts[vt],
                    None if role == _NONE else texts[role])
        return [cache[r] for r in wanted]

    def hubs(self, min_degree: int) -> list[str]:
        """Entities with more than ``min_degree`` relations, in id order."""
        degree = np.diff(self.a["adjacency_ptr"])
        return [self._entity(int(i)).id for i in np.flatnonzero(degree > min_degree)]

    def _type_mask(self, types: Collection[str]) -> Array:
        """A lookup table: relation type code -> whether it is among ``types``."""
        key = frozenset(types)
        found = self._masks.get(key)
        if found is None:
            found = self._masks[key] = np.array([t in key for t in self._rel_types] or [False], dtype=bool)
        return found

    def _type_codes(self, types: Collection[str]) -> Array:
        return np.array([i for i, t in enumerate(self._rel_types) if t in types], dtype=np.int16)

    # -- the read view -------------------------------------------------------------------------------
    def get_entities(self, ids: Iterable[str]) -> dict[str, EntityRow]:
        known = [(entity_id, i) for entity_id in ids if (i := self._index(entity_id)) is not None]
        rows = self._entities([i for _, i in known])
        return {entity_id: row for (entity_id, _), row in zip(known, rows, strict=True)}

    def get_sources(self, ids: Iterable[str]) -> dict[str, Source]:
        if not self._sources:
            self._sources = {s["id"]: Source.model_validate(s) for s in self.vocab["sources"]}
        return {i: self._sources[i] for i in ids if i in self._sources}

    def adjacent(
        self, frontier: Sequence[str], types: Collection[str], direction: str = "both"
    ) -> list[tuple[str, RelationRow]]:
        a = self.a
        ptr, items = (a["outgoing_ptr"], a["outgoing"]) if direction == "out" else (a["adjacency_ptr"], a["adjacency"])
        nodes = [(node, i) for node in frontier if (i := self._index(node)) is not None]
        if not nodes:
            return []
        # Every frontier node's slice of the adjacency at once (frontier order, relation-id order within a node).
        where = np.array([i for _, i in nodes], dtype=np.int64)
        starts, lengths = ptr[where], ptr[where + 1] - ptr[where]
        owner = np.repeat(np.arange(len(nodes)), lengths)
        rels = items[np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))]
        keep = self._type_mask(types)[a["relation_type"][rels]]
        if direction == "in":
            keep &= a["relation_ends"][rels, 1] == where[owner]
        rels, owner = rels[keep], owner[keep]
        return [(nodes[o][0], row) for o, row in zip(owner.tolist(), self._relations(rels), strict=True)]

    def ties(
        self, frontier: Sequence[str], types: Collection[str], as_of: dt.date | None, min_confidence: float
    ) -> list[tuple[str, RelationRow]]:
        from queries.ties import TieFilter

        rule = TieFilter(frozenset(types), as_of, min_confidence)
        sources = self.get_sources(self._source_ids) if as_of is not None else {}
        found = []
        entities = self.get_entities({rel.source for _, rel in pairs} | {rel.target for _, rel in pairs}) if (
            pairs := self.adjacent(frontier, rule.types)) and as_of is not None else {}
        for node, rel in pairs:
            if rule.relation_usable(rel, sources) is None:
                continue
            if as_of is None or rule.entity_usable(entities[rel.target if rel.source == node else rel.source]):
                found.append((node, rel))
        return found

    def places(self, kind: str) -> list[EntityRow]:
        if kind not in self._kinds:
            return []
        a = self.a
        hits = np.flatnonzero((a["entity_type"] == _TYPES.index(EntityType.PLACE))
                              & (a["entity_kind"] == self._kinds.index(kind)))
        return [self._entity(int(i)) for i in hits]

    def entity_page(self, type: EntityType | None, start: int, limit: int) -> tuple[int, list[EntityRow]]:
        key = f"ids:{type.value if type else '*'}"
        hits = self.memo.get(key)
        if hits is None:
            everyone = np.arange(len(self.a["entity_id"]))
            hits = self.memo[key] = everyone if type is None else np.flatnonzero(
                self.a["entity_type"] == _TYPES.index(type))
        return len(hits), [self._entity(int(i)) for i in hits[start : start + limit]]

    def tie_pages(
        self, types: Collection[str], as_of: dt.date | None, min_confidence: float, page: int = 50_000
    ) -> Iterator[list[tuple[str, EntityType, str, EntityType]]]:
        """Every usable tie (one per pair of entities, like the tie graph's edges), a page at a time."""
        from queries.ties import TieFilter, documented_by

        rule = TieFilter(frozenset(types), as_of, min_confidence)
        sources = self.get_sources(self._source_ids) if as_of is not None else {}
        a = self.a
        candidates = np.flatnonzero(np.isin(a["relation_type"], self._type_codes(rule.types)))
        seen: set[tuple[int, int]] = set()
        batch: list[tuple[str, EntityType, str, EntityType]] = []
        for r in candidates:
            src, dst = (int(x) for x in a["relation_ends"][r])
            pair = (min(src, dst), max(src, dst))
            if pair in seen:
                continue
            (rel,) = self._relations(np.array([r]))
            if rule.relation_usable(rel, sources) is None:
                continue
            if as_of is not None and rel.valid_from is None and not documented_by(rel, sources, as_of):
                continue  # undated, and only later documents tell of it (as the tie graphs are built)
            s, t = self._entity(src), self._entity(dst)
            if not (rule.entity_usable(s) and rule.entity_usable(t)):
                continue
            seen.add(pair)
            batch.append((s.id, s.type, t.id, t.type))
            if len(batch) >= page:
                yield batch
                batch = []
        if batch:
            yield batch


    def ranked_relations(
        self, nodes: list[str], types: Collection[str], reference: dt.date
    ) -> dict[str, Sequence[tuple[float, str, RelationRow]]]:
        """Each node's relations ranked for the neighbourhood's fan-out cap, kept compact
        (``queries.array_ties.ranked_relations``)."""
        from queries.array_ties import ranked_relations

        return dict(ranked_relations(self, nodes, types, reference))

    def geography(self) -> Geography:
        """Countries and regions found over the arrays (``queries.array_geo``)."""
        from queries.array_geo import ArrayGeography

        return ArrayGeography(self)

    def array_tie_graph(self, rule: TieFilter) -> ArrayTieGraph | None:
        """The whole tie graph of the default filter read from arrays (``queries.array_ties``), when the
        store is big enough to have search arrays; None otherwise."""
        from queries.array_ties import array_tie_graph

        return array_tie_graph(self, rule)

    def built_tie_graph(self, rule: TieFilter) -> TieGraph:
        """A whole networkx tie graph for ``rule``, built for one whole-graph count and not kept."""
        from queries.ties import TieGraph

        with gc_paused():
            return TieGraph.build(self.rows(rule.types), rule, rule.as_of or dt.date.today())

    def rows(self, types: Collection[str]) -> GraphRows:
        """Every entity and every relation of ``types`` as rows (made for one build, not cached)."""
        picked = np.flatnonzero(np.isin(self.a["relation_type"], self._type_codes(types)))
        entities = self._entities(range(len(self.a["entity_id"])))
        relations = self._relations(picked, cache_rows=False)
        sources = list(self.get_sources(self._source_ids).values())
        return GraphRows(sources=sources, entities=entities, relations=relations)


class WholeSnapshotView(SnapshotView):
    """The snapshot view of a store too small for search arrays, once warmed up: it also hands
    out the whole tie graph per filter (``queries.view.WholeTieGraph``), built from the arrays once
    per filter and day, so a long-running server answers paths from memory as the in-memory index
    did. (A big store's tie graph is read from arrays instead: ``queries.array_ties``; the search
    arrays are built from one of these, once per store version.)"""

    def tie_graph(self, rule: TieFilter) -> TieGraph:
        from queries.ties import TieGraph

        key = (rule, rule.as_of or dt.date.today())
        graphs: dict[tuple[TieFilter, dt.date], TieGraph] = self.memo.setdefault("tie_graphs", {})
        found = graphs.get(key)
        if found is not None:
            return found
        with _build_lock:  # one build at a time: at a million relations a tie graph takes a gigabyte
            found = graphs.get(key)
            if found is None:
                with gc_paused(long_lived=True):
                    found = TieGraph.build(self.rows(rule.types), rule, key[1])
                if len(graphs) >= 4:
                    graphs.pop(next(iter(graphs)))
                graphs[key] = found
        return found


# -- one per store version -----------------------------------------------------------------------------


def _store_version(db: sqlite3.Connection) -> str:
    (store_id,) = db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
    (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM writes").fetchone()
    return f"{store_id}:{seq}"


def load_or_build(store_path: Path, version: str) -> SnapshotView:
    """The snapshot of ``version`` beside the store: mapped when whole and current, else rebuilt and written.

    The data is read in one transaction together with the version it belongs
    to; if the store moved on meanwhile, the snapshot says so and the next
    query (seeing the newer version) rebuilds it.
    """
    path = snapshot_path(store_path)
    try:
        return SnapshotView.open(path, version, store_path)
    except SnapshotInvalid:
        pass
    db = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, isolation_level=None)
    try:
        db.execute("BEGIN")
        try:
            built_version = _store_version(db)
            arrays, vocab = build_arrays(db, in_transaction=True)
        finally:
            db.execute("COMMIT")
    finally:
        db.close()
    try:
        write_snapshot(path, built_version, arrays, vocab)
        view = SnapshotView.open(path, built_version, store_path)
    except (OSError, SnapshotInvalid):
        return SnapshotView(built_version, arrays, vocab)  # a read-only folder: keep it in memory
    # The path search's arrays live as long as the snapshot: built with it (``queries.search_file``).
    from queries.paths import ARRAY_SEARCH_MIN_TIES
    from queries.search_file import search_arrays

    search_arrays(view, store_path, ARRAY_SEARCH_MIN_TIES)
    return view


_views: dict[str, SnapshotView] = {}
_views_lock = threading.Lock()
_build_lock = threading.Lock()


def embedded_view(store_path: Path, version: str) -> SnapshotView:
    """The view of this store version, mapped once per process (a build, when needed, runs once)."""
    key = f"{store_path.resolve()}:{version}"
    with _views_lock:
        found = _views.get(key)
        if found is None:
            found = load_or_build(store_path, version)
            found.store_path = store_path
            for stale in [k for k in _views if k.startswith(f"{store_path.resolve()}:")]:
                del _views[stale]
            _views[key] = found
        return found


def warm(store_path: Path, version: str, rule: TieFilter) -> WholeSnapshotView:
    """Turn this version's view into one holding whole tie graphs, and build the one for ``rule``.

    Until then walks grow their tie graph frontier by frontier: a command that
    asks one question starts at once. A server on a store too small for search
    arrays warms up in the background and then answers from the whole graph.
    """
    view = embedded_view(store_path, version)
    if not isinstance(view, WholeSnapshotView):
        view = WholeSnapshotView(view.version, view.a, view.vocab, _mapped=view._mapped, store_path=store_path)
        with _views_lock:
            _views[f"{store_path.resolve()}:{version}"] = view
    view.tie_graph(rule)
    return view


def _make_room(cache: dict[Any, Any], adding: int, bound: int) -> bool:
    """Drop the oldest entries so that ``adding`` more keep ``cache`` within ``bound``, at least a
    64th of it at a time. Queries free about what they add: dropping a whole full cache at once
    (hundreds of thousands of rows) would stall the one query that happened to fill it. True if
    anything was dropped."""
    excess = len(cache) + adding - bound
    if excess <= 0:
        return False
    for key in list(islice(cache, max(excess, bound // 64))):
        del cache[key]
    return True
