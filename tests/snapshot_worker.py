"""Writes the view snapshot of a store over and over until killed (crash tests)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from queries.snapshot import build_arrays, snapshot_path, write_snapshot


def main(store: str, version: str) -> None:
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True, isolation_level=None)
    arrays, vocab = build_arrays(db)
    print("built", flush=True)
    while True:
        write_snapshot(snapshot_path(Path(store)), version, dict(arrays), vocab)
        print("written", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
