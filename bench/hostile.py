"""The hostile run: a live API server and the command line fed hostile input.

    .venv/bin/python -m bench.hostile [--fuzz 300] [--out hostile.json]

Starts ``uvicorn`` on a fresh store loaded with the seed, polls ``/health``
every 50 ms throughout, and sends: every case of ``bench.hostile_cases`` to
``POST /facts`` and to ``kizuna load``; odd bodies (over the size limit, wrong
type, not UTF-8); a 50 MB upload without a key; 200 KB documents of one
repeated character to ``POST /documents``; a line break in a path; writes while
another process holds the store's write lock; a seeded fuzz of mutated fact
files; plain valid writes and a retraction. It prints one JSON object: inputs
tried, 5xx answers, tracebacks (server log and command line), acknowledged
writes lost, the worst ``/health`` latency and the server's peak RSS.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from bench.hostile_cases import CASES
from graph.embedded import EmbeddedStore
from ingest.load import load_files, seed_path

KEY = "hostile-run-key-0123456789"
VALID: dict[str, Any] = {
    "kizuna": 1,
    "defaults": {"source": "SRC"},
    "sources": [{"id": "SRC", "title": "Hostile run note"}],
    "entities": [{"id": "org:SRC", "type": "organisation", "kind": "company", "name": {"en": "Org SRC"},
                  "aliases": ["Alias SRC"], "description": "From SRC."}],
    "relations": [{"type": "partner_of", "source": "org:SRC", "target": "place:kanagawa", "valid_from": "2020"}],
}
ODD = ["\ud800", "\x00", "\x1b[31m", "[/]", ":ghost:", "9" * 5000, "a" * 400, "", " ", "%0A", "2020-13-45"]


class Run:
    def __init__(self, base: str, pid: int) -> None:
        self.base, self.pid = base, pid
        self.client = httpx.Client(base_url=base, timeout=60)
        self.tried = self.server_errors = 0
        self.acknowledged: set[str] = set()
        self.worst_health = 0.0
        self.peak_rss_kib = 0
        self._stop = threading.Event()
        self._poller = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        with httpx.Client(base_url=self.base, timeout=10) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                try:
                    client.get("/health")
                    latency = time.monotonic() - started
                except httpx.HTTPError:
                    latency = 10.0
                self.worst_health = max(self.worst_health, latency)
                status = Path(f"/proc/{self.pid}/status")
                if status.exists():
                    for line in status.read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_rss_kib = max(self.peak_rss_kib, int(line.split()[1]))
                time.sleep(0.05)

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        self.tried += 1
        response = self.client.request(method, path, **kwargs)
        if response.status_code >= 500 and response.status_code != 503:  # 503: busy, by design
            self.server_errors += 1
            print(f"5xx: {method} {path} -> {response.status_code} {response.text[:200]}", file=sys.stderr)
        return response

    def facts(self, body: bytes, yaml_body: bool = False, key: bool = True) -> httpx.Response:
        headers = {"Content-Type": "application/yaml" if yaml_body else "application/json"}
        if key:
            headers["X-API-Key"] = KEY
        return self.send("POST", "/facts", content=body, headers=headers)

    def valid_write(self, source: str) -> None:
        body = json.dumps(VALID).replace("SRC", source).encode()
        if self.facts(body).status_code == 201:
            self.acknowledged.add(source)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _mutations(rng: random.Random, count: int) -> Iterator[Any]:
    """Valid fact files with one to three things broken: a key dropped, a value of the wrong kind, odd text."""
    for index in range(count):
        doc = json.loads(json.dumps(VALID).replace("SRC", f"fuzz-{index}"))
        for _ in range(rng.randint(1, 3)):
            section = rng.choice(["sources", "entities", "relations"])
            record = doc[section][0]
            key = rng.choice(sorted(record))
            action = rng.randrange(4)
            if action == 0:
                del record[key]
            elif action == 1:
                record[key] = rng.choice([None, 1, 1.5, [], {}, True, [record.get(key)], {"x": record.get(key)}])
            elif action == 2:
                record[key] = rng.choice(ODD)
            else:
                doc[section].append(copy.deepcopy(record))
        yield doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fuzz", type=int, default=300, help="mutated fact files to send")
    parser.add_argument("--out", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="kizuna-hostile-"))
    store_path = folder / "store.sqlite"
    with EmbeddedStore(store_path) as store:
        load_files(store, [seed_path()])
    port = _free_port()
    env = {**os.environ, "KIZUNA_STORE": str(store_path), "KIZUNA_API_KEY": KEY, "KIZUNA_WARM_UP": "false"}
    log_path = folder / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--port", str(port),
             "--log-level", "info"], env=env, stdout=log, stderr=subprocess.STDOUT)
    run = Run(f"http://127.0.0.1:{port}", server.pid)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{run.base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        run._poller.start()
        _attack(run, folder, args.fuzz)
    finally:
        run._stop.set()
        server.terminate()
        server.wait(30)
    server_log = log_path.read_text(errors="replace")
    cli_tracebacks = _cli_cases(folder, store_path)
    with EmbeddedStore(store_path) as store:
        lost = sorted(run.acknowledged - {s.id for s in store.get_sources(sorted(run.acknowledged))})
        problems = store.check()
    figures = {
        "inputs_tried": run.tried + len(CASES),
        "server_5xx": run.server_errors,
        "tracebacks": server_log.count("Traceback") + cli_tracebacks,
        "acknowledged_writes": len(run.acknowledged),
        "acknowledged_writes_lost": len(lost),
        "worst_health_ms": round(run.worst_health * 1000, 1),
        "peak_server_rss_mb": round(run.peak_rss_kib / 1024, 1),
        "forged_log_lines": sum(1 for line in server_log.splitlines() if line.startswith("forged")),
        "store_check_problems": len(problems),
    }
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if not (figures["server_5xx"] or figures["tracebacks"] or lost or problems) else 1


def _attack(run: Run, folder: Path, fuzz: int) -> None:
    for case in CASES:  # every hostile file as a body
        if case.suffix in (".json", ".yaml"):
            run.facts(case.content, yaml_body=case.suffix == ".yaml")
    run.facts(b"{" + b" " * 6_000_000 + b"}")  # over the body limit
    run.facts(b"\xff\xfe not utf-8")
    run.send("POST", "/facts", content=b"kizuna: 1", headers={"X-API-Key": KEY, "Content-Type": "text/plain"})
    run.facts(json.dumps(VALID).encode(), key=False)

    def fifty_megabytes() -> Iterator[bytes]:
        for _ in range(50):
            yield b"x" * 1_000_000

    started = time.monotonic()
    response = run.send("POST", "/documents", content=fifty_megabytes(),
                        headers={"Content-Type": "multipart/form-data; boundary=xyz"})
    print(f"unauthenticated 50 MB upload: {response.status_code} in {time.monotonic() - started:.2f} s",
          file=sys.stderr)
    for text in ("a" * 200_000, "[" * 200_000, "\n" * 200_000, "__" * 100_000):
        run.send("POST", "/documents", files={"files": ("hostile.txt", text.encode(), "text/plain")},
                 data={"threshold": "0.6"}, headers={"X-API-Key": KEY})
    run.send("GET", "/entities/x%0Aforged request_id=0 GET /admin status=200")
    for index in range(20):
        run.valid_write(f"valid-{index}")
    other = sqlite3.connect(folder / "store.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        writer = threading.Thread(target=run.valid_write, args=("while-locked",))
        writer.start()
        while writer.is_alive():
            run.send("GET", "/sources")
            run.send("GET", "/viz/countries")
            time.sleep(0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    for index, doc in enumerate(_mutations(random.Random(17), fuzz)):
        response = run.facts(json.dumps(doc).encode())  # ASCII escapes carry lone surrogates to the parser
        if response.status_code == 201:
            run.acknowledged.add(f"fuzz-{index}")
    run.send("DELETE", "/sources/valid-0", headers={"X-API-Key": KEY})
    run.acknowledged.discard("valid-0")


def _cli_cases(folder: Path, store_path: Path) -> int:
    """Each hostile file through `kizuna load`; returns how many printed a traceback."""
    tracebacks = 0
    for index, case in enumerate(CASES):
        path = folder / f"case-{index}{case.suffix}"
        path.write_bytes(case.content)
        done = subprocess.run(  # noqa: S603 - our own interpreter and module
            [str(Path(sys.executable).parent / "kizuna"), "load", str(path), "--store", str(store_path)],
            capture_output=True, text=True, timeout=120,
        )
        if "Traceback" in done.stdout + done.stderr or done.returncode != 1:
            tracebacks += "Traceback" in done.stdout + done.stderr
            print(f"kizuna load {case.name}: exit {done.returncode} {done.stderr[-200:]}", file=sys.stderr)
    return tracebacks


if __name__ == "__main__":
    sys.exit(main())
