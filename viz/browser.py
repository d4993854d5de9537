"""Drive a real headless Chromium over a view page: for the browser tests and ``kizuna bench-viz``.

Selenium talks to the Debian ``chromium-driver``; Chromium's own console and
network logs (``goog:loggingPrefs``) say whether the page logged an error or
requested anything, so nothing is hand-rolled over the DevTools socket.
Selenium is a test/bench dependency (``pip install -e '.[test]'``), imported
only when a browser is wanted.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
# Schemes that never reach the network (chrome:// are the browser's own built-in resources).
LOCAL_SCHEMES = ("file", "data", "blob", "about", "chrome", "chrome-untrusted", "devtools")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def chromium_binaries() -> tuple[str, str] | None:
    """(chromium, chromedriver) when both are installed, else None."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@dataclass
class Loaded:
    """What a page did in the browser until its network was stable."""

    url: str
    node_ids: list[str]
    edge_ids: list[str]
    stable_ms: float  # from navigation start until the laid-out network was drawn
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page requested

    def remote_requests(self) -> list[str]:
        """Requests that would leave the machine (anything but files, data and loopback)."""
        return [u for u in self.requests if not is_local(u)]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in ("http", "https") and parts.hostname in LOCAL_HOSTS)


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator[WebDriver]:
    """A headless Chromium (its own throwaway profile) with console and network logging."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = chromium_binaries()
    if found is None:
        raise RuntimeError("chromium and chromedriver are not installed (Debian: chromium chromium-driver)")
    browser, driver_path = found
    with tempfile.TemporaryDirectory(prefix="kizuna-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in (*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
        try:
            yield driver
        finally:
            driver.quit()


def _log(driver: WebDriver, kind: str) -> list[dict[str, Any]]:
    """Chromium's log entries of ``kind`` since the last call (selenium leaves this method untyped)."""
    entries: list[dict[str, Any]] = driver.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


@dataclass
class Opened:
    """What any page did in the browser until it was ready: console errors and every request."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def remote_requests(self) -> list[str]:
        return [u for u in self.requests if not is_local(u)]


def open_page(driver: WebDriver, url: str, ready: str, timeout: float = 120.0) -> Opened:
    """Open ``url`` and wait until the JavaScript expression ``ready`` is true (e.g. the API
    documentation has drawn its operations); report console errors and requests."""
    from selenium.webdriver.support.ui import WebDriverWait

    _log(driver, "browser")  # drop what earlier pages logged
    _log(driver, "performance")
    driver.get(url)
    WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(f"return !!({ready});"))
    time.sleep(0.2)  # let the log buffers catch the last events
    errors = [str(e.get("message")) for e in _log(driver, "browser") if e.get("level") == "SEVERE"]
    requests = []
    for entry in _log(driver, "performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(str(message["params"]["request"]["url"]))
    return Opened(url=url, console_errors=errors, requests=requests)


def load(driver: WebDriver, url: str, timeout: float = 300.0) -> Loaded:
    """Open a network view, wait until the network is laid out and drawn, and read what the page did."""
    opened = open_page(driver, url, "window.kizuna && window.kizuna.ready", timeout)
    data: dict[str, Any] = driver.execute_script(
        "return {nodes: kizuna.nodes.getIds(), edges: kizuna.edges.getIds(), stable: kizuna.stableMs};"
    )
    return Loaded(
        url=url,
        node_ids=[str(i) for i in data["nodes"]],
        edge_ids=[str(i) for i in data["edges"]],
        stable_ms=float(data["stable"]),
        console_errors=opened.console_errors,
        requests=opened.requests,
    )
