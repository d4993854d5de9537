"""Packaging: a non-editable install (the Docker image) must carry every module and data file."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from tests.conftest import REPO

TOP_LEVEL = ("graph", "ingest", "queries", "api", "viz", "cli", "bench")


def test_every_package_and_data_file_is_declared() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = set(config["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in TOP_LEVEL
        for init in (REPO / top).rglob("__init__.py")
    }
    # Data folders (no __init__.py) are declared too, as namespace packages: setuptools warns otherwise.
    data_folders = {
        ".".join(folder.relative_to(REPO).parts)
        for top in TOP_LEVEL
        for folder in (REPO / top).rglob("*")
        if folder.is_dir() and folder.name != "__pycache__" and not (folder / "__init__.py").exists()
        and any(f.is_file() for f in folder.iterdir())
    }
    found |= data_folders
    assert declared == found, f"pyproject.toml packages differ from the source tree: {sorted(declared ^ found)}"
    data = config["package-data"]
    for package in found:
        folder = REPO / Path(*package.split("."))
        for path in folder.rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            owner = next((p for p in sorted(found, key=len, reverse=True)
                          if path.is_relative_to(REPO / Path(*p.split(".")))), package)
            relative = path.relative_to(REPO / Path(*owner.split("."))).as_posix()
            assert any(fnmatch(relative, pattern) for pattern in data.get(owner, [])), (
                f"{path.relative_to(REPO)} would be missing from an installed Kizuna: add it to package-data"
            )


def _requirement_name(spec: str) -> str:
    name = spec.split(";")[0]
    for stop in "<>=!~[ ":
        name = name.split(stop)[0]
    return name.strip().lower().replace("_", "-")


def test_every_third_party_import_is_declared() -> None:
    """A module the runtime packages import comes from a distribution pyproject.toml names (deps or an extra)."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    declared = {_requirement_name(s) for s in specs}
    providers = packages_distributions()
    undeclared = set()
    for top in TOP_LEVEL:
        for source in (REPO / top).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    root = name.split(".")[0]
                    if root in sys.stdlib_module_names or root in TOP_LEVEL:
                        continue
                    dists = {d.lower().replace("_", "-") for d in providers.get(root, [root])}
                    if not dists & declared:
                        undeclared.add(f"{root} ({source.relative_to(REPO)})")
    assert sorted(undeclared) == []


def test_what_make_run_installs_is_enough_to_start() -> None:
    """Module-level imports outside extraction and the bench come from the base dependencies.

    ``make run`` installs the package without extras; an extra's module imported
    when the CLI or the API starts would stop it on a fresh machine.
    """
    import ast
    import sys
    from importlib.metadata import packages_distributions

    base = {_requirement_name(s) for s in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["dependencies"]}
    providers = packages_distributions()
    missing = set()
    for top in ("graph", "ingest", "queries", "api", "viz", "cli"):
        for source in (REPO / top).rglob("*.py"):
            if source.relative_to(REPO).parts[:2] == ("ingest", "extract"):
                continue  # the NLP extra: imported only when a document is extracted
            for node in ast.parse(source.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    root = name.split(".")[0]
                    if root in sys.stdlib_module_names or root in (*TOP_LEVEL, "tests"):
                        continue
                    dists = {d.lower().replace("_", "-") for d in providers.get(root, [root])}
                    if not dists & base:
                        missing.add(f"{root} ({source.relative_to(REPO)})")
    assert sorted(missing) == []
