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
    data = config["package-data"]
    data_folders = declared - found  # folders of data only, declared so that setuptools does not warn
    assert found <= declared, f"pyproject.toml misses packages: {sorted(found - declared)}"
    for folder in data_folders:
        path = REPO / Path(*folder.split("."))
        assert path.is_dir() and not list(path.glob("*.py")), f"{folder} is declared but holds no data folder"
        assert folder in data, f"{folder} is declared without package-data"
    found |= data_folders
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
