"""Introduction paths equal the golden answers pinned in tests/fixtures/golden_paths.json.

Guards ``queries.paths`` (pruning, candidate search, diversity) against any
change of result; see ``tests.golden_paths`` for how the file is generated.
"""

from __future__ import annotations

import json

import pytest

from tests.golden_paths import GOLDEN, generate


def test_paths_match_the_golden_file() -> None:
    if not GOLDEN.exists():
        pytest.skip("no golden file")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(generate(), ensure_ascii=False))
    for graph in ("seed", "synthetic"):
        assert len(actual[graph]) == len(expected[graph])
        for got, want in zip(actual[graph], expected[graph], strict=True):
            assert got == want, want["query"]
