"""Run Neo4j's official Cypher linter (tools/cypher-lint/lint.mjs) from Python.

All statements are linted in one ``node`` process (start-up costs ~1.5 s).
Diagnostic severities are LSP values: 1 error, 2 warning, 3 information, 4 hint.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
LINT_DIR = REPO_ROOT / "tools" / "cypher-lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
LINTER_PACKAGE_DIR = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"
INSTALL_HINT = "run `npm ci --prefix tools/cypher-lint` from the repository root"

ERROR = 1
WARNING = 2


def node_available() -> bool:
    """True when a ``node`` executable is on PATH."""
    return shutil.which("node") is not None


def lint_statements(
    statements: list[dict[str, Any]],
    schema: dict[str, Any],
    timeout: float = 300.0,
) -> list[dict[str, Any]]:
    """Lint Cypher statements and return one result per statement, in order.

    ``statements``: ``[{"name": str, "query": str, "params": {name: example}}]``;
    a parameter is declared only by that statement's ``params`` (or
    ``schema["parameters"]``), so any other ``$name`` is reported as an error.
    ``schema``: ``{"labels": [...], "relationshipTypes": [...],
    "propertyKeys": [...]}`` plus optional ``parameters``, ``procedures`` and
    ``functions`` (extra APOC/GDS names) and ``cypherVersion`` ("5" or "25").

    Returns ``[{"name": str, "diagnostics": [{"severity": int,
    "severityName": str, "message": str, "offsets": {...}, "range": {...}}]}]``.
    Raises RuntimeError if node or the linter's node_modules are missing, or if
    the linter fails.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(f"`node` was not found on PATH; install Node.js >= 18.18, then {INSTALL_HINT}")
    if not LINTER_PACKAGE_DIR.is_dir():
        raise RuntimeError(f"The Cypher linter is not installed ({LINTER_PACKAGE_DIR} is missing); {INSTALL_HINT}")
    payload = json.dumps({"statements": statements, "schema": schema})
    proc = subprocess.run(
        [node, str(LINT_SCRIPT)],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=LINT_DIR,
        check=False,
    )
    if proc.returncode != 0:
        hint = f"; {INSTALL_HINT}" if proc.returncode == 3 else ""
        raise RuntimeError(f"cypher-lint exited with code {proc.returncode}: {proc.stderr.strip()}{hint}")
    try:
        results: list[dict[str, Any]] = json.loads(proc.stdout)["results"]
    except (json.JSONDecodeError, KeyError) as exc:
        raise RuntimeError(f"cypher-lint printed unexpected output: {proc.stdout[:500]!r}") from exc
    return results
