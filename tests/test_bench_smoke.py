"""``kizuna bench`` at 10k relations runs end to end and fills every row (figures are not checked)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.suite import ROWS
from cli.app import app


@pytest.mark.slow
def test_bench_10k_fills_every_row(tmp_path: Path) -> None:
    markdown = tmp_path / "benchmarks.md"
    result = CliRunner().invoke(app, ["bench", "--sizes", "10k", "--queries", "5", "--api-requests", "20",
                                      "--json", "--output", str(markdown), "--timeout", "600"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert [s["size"] for s in report["sizes"]] == ["10k"]
    size = report["sizes"][0]
    assert not any(size["errors"].values()), size["errors"]
    rows = {r["key"]: r for r in size["rows"]}
    assert list(rows) == [r.key for r in ROWS]
    for row in rows.values():
        for field in ("value", "baseline") if row["baseline_label"] else ("value",):
            figure = row[field]
            assert isinstance(figure, int | float) and math.isfinite(figure), (row["key"], field, figure)
        if row["target"] is not None:
            assert isinstance(row["meets_target"], bool)
    assert rows["relations"]["value"] == 10_000
    text = markdown.read_text(encoding="utf-8")
    assert "## 10k relations" in text and "## Machine" in text
    assert all(r.label in text for r in ROWS)
