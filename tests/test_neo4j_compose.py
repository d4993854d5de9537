"""docker-compose.yml, the Dockerfile and the entrypoint, checked without Docker.

The compose file and Dockerfile are parsed and held to what the deployment
needs; the entrypoint script is really run (with ``sh``) against embedded
stores and an unreachable Neo4j, with the project's own ``kizuna`` on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from typer.testing import CliRunner

from cli.app import app
from graph.open import NEO4J_SCHEMES
from graph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
ENTRYPOINT = REPO / "docker" / "entrypoint.sh"
LOCAL_DEFAULT_PASSWORD = "kizuna-local-only"  # the one documented local-only default
ENTRYPOINT_KNOBS = {"KIZUNA_WAIT_TRIES", "KIZUNA_WAIT_SECONDS", "KIZUNA_SEED_ON_EMPTY"}
SECRET_WORDS = re.compile(r"PASSWORD|AUTH|SECRET|TOKEN|API_KEY", re.IGNORECASE)
INTERPOLATION = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR} / ${VAR:-default} substitution (the forms this file uses)."""
    return INTERPOLATION.sub(lambda m: env.get(m.group(1)) or (m.group(2) or ""), value.replace("$$", "\0")).replace(
        "\0", "$"
    )


def test_services_and_images(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"neo4j", "api"}
    assert services["neo4j"]["image"] == "neo4j:5-community"
    assert services["api"]["build"] == "."


def test_neo4j_healthcheck_volume_and_ports(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    check = neo4j["healthcheck"]
    assert check["test"][0] == "CMD-SHELL" and "cypher-shell" in check["test"][1] and "RETURN 1" in check["test"][1]
    # The password reaches the container's shell as $NEO4J_AUTH (escaped $$), never as a literal.
    assert "$${NEO4J_AUTH#neo4j/}" in check["test"][1]
    assert {"interval", "timeout", "retries", "start_period"} <= set(check)
    mounts = dict(v.split(":", 1) for v in neo4j["volumes"])
    assert mounts["neo4j-data"] == "/data"
    assert set(mounts) <= set(compose["volumes"])
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]  # local only


def test_credentials_come_from_the_environment(compose: dict[str, Any]) -> None:
    literals = []
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_WORDS.search(key) and value is not None:
                refs = INTERPOLATION.findall(value)
                assert refs, f"{name}.{key} is hard-coded"
                literals += [default for _, default in refs if default]
    assert set(literals) == {LOCAL_DEFAULT_PASSWORD}
    assert compose["services"]["api"]["environment"]["KIZUNA_API_KEY"] is None  # passed through, never invented
    documented = COMPOSE.read_text(encoding="utf-8").split("name: kizuna")[0]
    assert LOCAL_DEFAULT_PASSWORD in documented and "NEO4J_PASSWORD" in documented
    assert LOCAL_DEFAULT_PASSWORD in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("env", [{}, {"NEO4J_PASSWORD": "a-real-secret-1"}])
def test_api_and_neo4j_agree_on_the_password(compose: dict[str, Any], env: dict[str, str]) -> None:
    auth = interpolate(compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"], env)
    api_env = compose["services"]["api"]["environment"]
    user, password = auth.split("/", 1)
    assert user == api_env["KIZUNA_NEO4J_USER"] == "neo4j"
    assert password == interpolate(api_env["KIZUNA_NEO4J_PASSWORD"], env) == (env.get("NEO4J_PASSWORD") or LOCAL_DEFAULT_PASSWORD)
    assert len(password) >= 8  # Neo4j 5 refuses shorter passwords


def test_api_waits_for_healthy_neo4j_and_serves_on_8000(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    env = api["environment"]
    store = urlsplit(env["KIZUNA_STORE"])
    assert env["KIZUNA_STORE"].startswith(NEO4J_SCHEMES) and store.hostname == "neo4j" and store.port == 7687
    assert env["KIZUNA_HOST"] == "0.0.0.0" and env["KIZUNA_PORT"] == "8000"
    assert interpolate(api["ports"][0], {}) == "8000:8000"
    fields = {f"KIZUNA_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields | ENTRYPOINT_KNOBS  # no typo silently ignored by the settings
    assert "/health" in " ".join(api["healthcheck"]["test"])


def _dockerfile() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_dockerfile_builds_the_package_and_runs_real_commands() -> None:
    instructions = _dockerfile()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    runs = " ".join(arg for op, arg in instructions if op == "RUN")
    assert "pip install '.[neo4j]'" in runs
    copies = [shlex.split(arg) for op, arg in instructions if op == "COPY"]
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines() if line.strip()}
    for *sources, _dest in copies:
        for src in sources:
            assert (REPO / src).exists(), src
            assert src.rstrip("/") not in ignored, f"{src} is excluded by .dockerignore"
    (entry,) = [json.loads(arg) for op, arg in instructions if op == "ENTRYPOINT"]
    (cmd,) = [json.loads(arg) for op, arg in instructions if op == "CMD"]
    assert [src for *srcs, dest in copies for src in srcs if dest == f"/usr/local/bin/{entry[0]}"] == [
        "docker/entrypoint.sh"
    ]
    assert cmd == ["kizuna", "serve"]
    assert os.access(ENTRYPOINT, os.X_OK)
    env = " ".join(arg for op, arg in instructions if op == "ENV")
    assert "KIZUNA_HOST=0.0.0.0" in env


def test_commands_used_by_the_container_exist() -> None:
    runner = CliRunner()
    script = ENTRYPOINT.read_text(encoding="utf-8")
    for command, option in (("stats", "--json"), ("load", "--seed"), ("serve", "--host")):
        assert command in script or command == "serve"
        result = runner.invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0, result.output
        assert option in result.output, (command, option)
    assert "kizuna stats --json" in script and "kizuna load --seed" in script and 'exec "$@"' in script


# -- the entrypoint, for real -----------------------------------------------------------
def _run_entrypoint(env_extra: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "KIZUNA_WAIT_SECONDS": "0",
        **env_extra,
    }
    return subprocess.run(
        ["sh", str(ENTRYPOINT), *command], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _entity_counts(store: Path) -> dict[str, int]:
    out = subprocess.run(
        [str(Path(sys.executable).parent / "kizuna"), "stats", "--json", "--store", str(store)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    counts: dict[str, int] = json.loads(out.stdout)["entities"]
    return counts


needs_cli = pytest.mark.skipif(
    shutil.which("sh") is None or not (Path(sys.executable).parent / "kizuna").exists(),
    reason="needs sh and the installed kizuna console script",
)


@needs_cli
@pytest.mark.slow
def test_entrypoint_seeds_an_empty_store_once(tmp_path: Path) -> None:
    store = tmp_path / "kizuna.sqlite"
    first = _run_entrypoint({"KIZUNA_STORE": str(store)}, "echo", "served")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().endswith("served") and "loading the bundled seed" in first.stderr
    seeded = _entity_counts(store)
    assert sum(n for kind, n in seeded.items() if kind != "sector") > 50
    second = _run_entrypoint({"KIZUNA_STORE": str(store)}, "echo", "served")
    assert second.returncode == 0 and "not seeding" in second.stderr
    assert _entity_counts(store) == seeded


@needs_cli
@pytest.mark.slow
def test_entrypoint_counts_only_non_sector_entities(tmp_path: Path) -> None:
    """A store holding just the sector vocabulary (written by every load) is still empty."""
    store = tmp_path / "vocab.sqlite"
    from graph.embedded import EmbeddedStore
    from ingest.load import ensure_vocabulary

    with EmbeddedStore(store) as st:
        ensure_vocabulary(st)
    result = _run_entrypoint({"KIZUNA_STORE": str(store), "KIZUNA_SEED_ON_EMPTY": "0"}, "true")
    assert result.returncode == 0 and "holds 0 entities" in result.stderr


@needs_cli
@pytest.mark.slow
def test_entrypoint_gives_up_on_an_unreachable_store_with_the_reason() -> None:
    result = _run_entrypoint(
        {"KIZUNA_STORE": "bolt://127.0.0.1:9", "KIZUNA_WAIT_TRIES": "2", "KIZUNA_NEO4J_PASSWORD": "pw-never-shown"},
        "echo", "should not run",
    )
    assert result.returncode == 1
    assert "should not run" not in result.stdout
    assert "attempt 1/2" in result.stderr and "still unavailable after 2 attempts" in result.stderr
    assert "bolt://127.0.0.1:9" in result.stderr and "pw-never-shown" not in result.stderr
