"""Crash safety: SIGKILL a writer mid-load, many times; the store must reopen
sound, hold every batch it reported committed, and no partial batch."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from tests.conftest import REPO
from tests.crash_worker import SIZE

RUNS = int(os.environ.get("KIZUNA_CRASH_RUNS", "12"))


def crash_once(path: Path, rng: random.Random, start: int) -> list[int]:
    """Run the worker, kill it at a random moment, return the batches it committed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", str(path), str(start)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(rng.uniform(0.5, 1.2))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    return [int(line) for line in out.split()]


@pytest.mark.slow
def test_sigkill_mid_load_never_corrupts_or_half_writes(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    path = tmp_path / "crash.sqlite"
    committed_total = 0
    half_batches = corrupt = 0
    for run in range(RUNS):
        reported = crash_once(path, rng, run * 100_000)
        committed_total += len(reported)
        with EmbeddedStore(path) as store:
            problems = store.check()
            corrupt += bool(problems)
            assert problems == [], f"run {run}: {problems}"
        with sqlite3.connect(path) as db:  # count independently of the store code
            per_batch = Counter(dict(db.execute(
                "SELECT substr(id, 1, instr(id, '-') - 1), COUNT(*) FROM entities "
                "WHERE id LIKE 'org:b%' GROUP BY 1").fetchall()))
            rel_per_batch = Counter(dict(db.execute(
                "SELECT substr(source, 1, instr(source, '-') - 1), COUNT(*) FROM relations GROUP BY 1").fetchall()))
        half = {b: n for b, n in per_batch.items() if n != SIZE}
        half |= {b: n for b, n in rel_per_batch.items() if n != SIZE - 1}
        half_batches += len(half)
        assert half == {}, f"run {run}: partial batches {half}"
        for number in reported:
            assert per_batch[f"org:b{number}"] == SIZE, f"run {run}: committed batch {number} lost"
    print(f"\ncrash test: {RUNS} SIGKILL runs, {committed_total} batches reported committed, "
          f"{corrupt} corrupt stores, {half_batches} half batches")
