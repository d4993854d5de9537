"""Loading fact files into a store: each file is one atomic batch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from graph.errors import InvalidFact, InvalidFile, KizunaError
from graph.store import Store, WriteResult
from ingest.files import SUFFIXES, read_fact_file
from ingest.format import FactFile, to_batch
from ingest.romaji import with_romaji
from ingest.vocabulary import sector_batch

Progress = Callable[[str, int, int], None]  # (what, records done, records in the file)


@dataclass(frozen=True)
class FileLoaded:
    path: str
    result: WriteResult
    unchanged: bool = False  # the same file was loaded and nothing was written since: skipped


def seed_path() -> Path:
    """The bundled seed dataset (curated from the five founding documents)."""
    return Path(str(resources.files("ingest") / "seed" / "seed.yaml"))


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the fact files inside folders named (sorted); a folder
    without fact files is an error, not a silent success."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not inside:
                raise InvalidFile(f"{path}: the folder holds no fact files ({', '.join(SUFFIXES)})")
            found += inside
        else:
            found.append(path)
    return found


def ensure_vocabulary(store: Store) -> None:
    """Write the sector vocabulary unless every sector is already stored."""
    batch = sector_batch()
    ids = [r.entity.id for r in batch.entities]
    if len(store.get_entities(ids)) != len(ids):
        store.write(batch)


def load_facts(store: Store, facts: FactFile, origin: str, progress: Progress | None = None) -> WriteResult:
    """Transform and write one validated file as a single batch.

    A record the store refuses is named by file, line and record, like the
    file's own errors.
    """
    name = Path(origin).name
    total = len(facts.entities) + len(facts.relations)

    def tick(done: int) -> None:
        if progress:
            progress(f"{name}: checking", done, total)

    places: list[str] = []
    batch = with_romaji(to_batch(facts, origin, tick, places))
    if progress:
        progress(f"{name}: writing", total, total)
    try:
        with store.bulk(len(batch)):
            return store.write(batch)
    except InvalidFact as exc:
        record = exc.extra.get("record")
        where = ""
        if isinstance(record, tuple) and record[0] == "relations" and record[1] < len(places):
            where = f"{places[record[1]]}: "
        elif isinstance(record, tuple) and record[0] == "entities" and record[1] < len(facts.entities):
            where = f"{facts.where('entities', record[1], facts.entities[record[1]].id)}: "
        raise InvalidFile(f"{origin}: {where}{exc.message}") from None


def file_digest(path: Path) -> str:
    """Names a file's content as this version of Kizuna reads it."""
    digest = hashlib.sha256(f"kizuna {version('kizuna')}\n".encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def load_files(store: Store, paths: Iterable[str | Path], progress: Progress | None = None) -> list[FileLoaded]:
    """Load files one batch each, in order.

    A bad file raises before anything of it is written; files loaded before it
    stay loaded (each is complete on its own), and the message says which. A
    file loaded before, with nothing written to the store since, is skipped
    (``unchanged``).
    """
    files = expand(paths)
    ensure_vocabulary(store)
    digests = {path: file_digest(path) for path in files if path.is_file()}
    current = store.version()
    done: list[FileLoaded] = []
    for number, path in enumerate(files, 1):
        if path in digests and store.load_mark(digests[path]) == current:
            done.append(FileLoaded(str(path), WriteResult(0, 0, 0), unchanged=True))
            continue
        if progress:
            progress(f"{path.name}: reading", 0, 1)
        try:
            facts = read_fact_file(path)
            done.append(FileLoaded(str(path), load_facts(store, facts, str(path), progress)))
        except KizunaError as exc:
            if len(files) == 1:
                raise
            loaded = [f for f in done if not f.unchanged]
            kept = (f"; the {len(loaded)} file(s) before it stay loaded: {', '.join(Path(f.path).name for f in loaded)}"
                    if loaded else "; nothing was loaded")
            raise type(exc)(f"file {number} of {len(files)}: {exc.message}{kept}", **exc.extra) from None
    for digest in digests.values():
        store.set_load_mark(digest)
    return done
