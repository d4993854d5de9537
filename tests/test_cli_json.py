"""The command line's machine contract: ``--json`` on every command, errors as JSON on stderr.

With ``--json`` a result is one JSON document on stdout; a failure leaves
stdout empty and writes one JSON object (error, message, where, exit_code) on
stderr. These run the real ``kizuna`` app (``cli.app``) in-process.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cli.app import app
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path

runner = CliRunner()


def _commands(group: Any, prefix: str = "kizuna") -> dict[str, Any]:
    """Every leaf command of the click group behind the typer app, by its full name."""
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found.update(_commands(command, f"{prefix} {name}"))
        else:
            found[f"{prefix} {name}"] = command
    return found


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "seed.sqlite"
    with EmbeddedStore(path) as store:
        load_files(store, [seed_path()])
    return path


def _error(result: Any, exit_code: int) -> dict[str, Any]:
    """The one JSON error object on stderr, with nothing on stdout."""
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    assert result.stdout == ""
    error = json.loads(result.stderr)
    assert set(error) >= {"error", "message", "where", "exit_code"}
    assert error["exit_code"] == exit_code and "\n" not in error["message"]
    return error


def _ok(result: Any) -> Any:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return json.loads(result.stdout)


def test_every_command_takes_json() -> None:
    commands = _commands(typer.main.get_command(app))
    assert {"kizuna check", "kizuna serve", "kizuna viz path", "kizuna bench-extract"} <= set(commands)
    missing = [name for name, command in commands.items()
               if not any("--json" in getattr(p, "opts", ()) for p in command.params)]
    assert missing == []


def test_unknown_entity_is_a_json_error_with_suggestions(seed_file: Path) -> None:
    where = ["--store", str(seed_file)]
    for args, place in ((["path", "Kanagawa", "Atlantis"], "kizuna path"), (["show", "Atlantis"], "kizuna show"),
                        (["viz", "region", "Atlantis", "-o", "x.html"], "kizuna viz region")):
        error = _error(runner.invoke(app, [*args, "--json", *where]), 1)
        assert error["error"] == "Unknown entity" and error["status"] == 404
        assert error["where"] == place and "Atlantis" in error["message"]
        assert all("id" in s["entity"] for s in error["suggestions"])
    # The same failure without --json: one readable line on stderr, no JSON.
    plain = runner.invoke(app, ["show", "Atlantis", *where])
    assert plain.exit_code == 1 and plain.stdout == ""
    assert plain.stderr.startswith("Unknown entity: no entity is called 'Atlantis'")


def test_usage_errors_are_json_naming_the_option(seed_file: Path) -> None:
    where = ["--store", str(seed_file)]
    error = _error(runner.invoke(app, ["path", "Kanagawa", "Liaoning", "--k", "99", "--json", *where]), 2)
    assert error["where"] == "kizuna path --k / -k" and "less than or equal to 10" in error["message"]
    error = _error(runner.invoke(app, ["path", "Kanagawa", "--json", *where]), 2)
    assert error["where"] == "kizuna path target" and "Missing argument" in error["message"]
    error = _error(runner.invoke(app, ["region", "Liaoning", "--as-of", "2018-13-01", "--json", *where]), 2)
    assert error["where"] == "kizuna region --as-of" and "2018-13-01" in error["message"]
    error = _error(runner.invoke(app, ["load", "--json", *where]), 2)
    assert "--seed" in error["message"]


def test_file_and_port_errors_are_json(seed_file: Path, tmp_path: Path) -> None:
    missing_dir = tmp_path / "no" / "such" / "dir" / "graph.yaml"
    error = _error(runner.invoke(app, ["export", "-o", str(missing_dir), "--json", "--store", str(seed_file)]), 1)
    assert error["where"] == str(missing_dir) and "cannot write" in error["message"]
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        error = _error(runner.invoke(app, ["serve", "--port", str(port), "--store", str(seed_file), "--json"]), 1)
    assert error["where"] == "kizuna serve --port" and f"127.0.0.1:{port}" in error["message"]


def test_results_as_json(seed_file: Path, tmp_path: Path) -> None:
    where = ["--store", str(seed_file)]
    stats = _ok(runner.invoke(app, ["stats", "--json", *where]))
    assert stats["relations"]["party_to"] > 0
    assert _ok(runner.invoke(app, ["check", "--json", *where])) == {"sound": True, "problems": []}
    out = tmp_path / "graph.json"
    exported = _ok(runner.invoke(app, ["export", "-o", str(out), "--json", *where]))
    written = json.loads(out.read_text(encoding="utf-8"))
    assert exported == {"file": str(out), "entities": len(written["entities"]),
                        "relations": len(written["relations"]), "sources": len(written["sources"])}
    assert exported["relations"] == sum(stats["relations"].values())
    page = tmp_path / "region.html"
    view = _ok(runner.invoke(app, ["viz", "region", "Liaoning", "-o", str(page), "--json", *where]))
    assert view == {"file": str(page), "view": "region", "bytes": page.stat().st_size}


def test_cli_json_is_the_api_response(seed_file: Path) -> None:
    """One result model: `kizuna X --json` prints exactly what the HTTP API answers for the same query."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from api.app import create_app
    from tests.api_support import settings_for

    where = ["--store", str(seed_file)]
    pairs = [
        (["path", "place:kanagawa", "place:liaoning"], "/paths", {"from": "place:kanagawa", "to": "place:liaoning"}),
        (["show", "Liaoning"], "/entities/place:liaoning", {}),
        (["neighbours", "place:liaoning"], "/entities/place:liaoning/neighbourhood", {}),
        (["region", "place:liaoning"], "/places/place:liaoning/network", {}),
        (["partners", "--sector", "healthcare", "--from", "place:mie"], "/sectors/healthcare/partners",
         {"from": "place:mie"}),
    ]
    answers = {}
    with TestClient(create_app(settings_for(seed_file, warm_up=False))) as client:
        for args, url, params in pairs:
            cli = _ok(runner.invoke(app, [*args, "--json", *where]))
            api = client.get(url, params={**params, "lang": "en"})
            assert api.status_code == 200, api.text
            assert cli == api.json(), url
            answers[url] = cli, client.get(url, params={**params, "lang": "ja"}).json()
    # Display fields follow the language; the ja/en pair stays.
    en, ja = answers["/paths"]
    step_en, step_ja = en["paths"][0]["steps"][0], ja["paths"][0]["steps"][0]
    assert step_en["text"] == step_en["text_en"] and step_ja["text"] == step_ja["text_ja"] != step_en["text"]
    assert en["source"]["name"] == "Kanagawa Prefecture" and ja["source"]["name"] == "神奈川県"
    assert {k: v for k, v in ja["source"].items() if k != "name"} == {k: v for k, v in en["source"].items()
                                                                      if k != "name"}
