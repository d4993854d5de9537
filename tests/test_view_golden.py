"""The golden introduction paths hold when the search grows its tie graph frontier by frontier.

``tests/test_queries_golden.py`` pins the answers on the embedded backend, whose
view hands the search its whole cached tie graph. Here the same 64 queries run
on stores whose view only answers frontier calls (``tests.view_support.FrontierStore``),
as Neo4j's does: every answer, tie-breaks included, must be the pinned one.
"""

from __future__ import annotations

import json

import pytest

from queries.view import GraphView
from tests import golden_paths
from tests.view_support import FrontierStore


class CountedFrontierStore(FrontierStore):
    views = 0

    def view(self) -> GraphView:
        type(self).views += 1
        return super().view()


def test_golden_paths_through_frontier_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    if not golden_paths.GOLDEN.exists():
        pytest.skip("no golden file")
    expected = json.loads(golden_paths.GOLDEN.read_text(encoding="utf-8"))
    monkeypatch.setattr(golden_paths, "EmbeddedStore", CountedFrontierStore)
    actual = json.loads(json.dumps(golden_paths.generate(), ensure_ascii=False))
    assert CountedFrontierStore.views >= 64  # every query went through the frontier view
    for graph in ("seed", "synthetic"):
        assert len(actual[graph]) == len(expected[graph])
        for got, want in zip(actual[graph], expected[graph], strict=True):
            assert got == want, want["query"]
