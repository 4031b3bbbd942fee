"""Shared fixtures: a copy of the project to break, a strict build, a local server and Chromium."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ["mkdocs.yml", "main.py", "data", "docs", "overrides", "portfolio"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# A URL that only csp_reports asks for.
CSP_SENTINEL = "https://csp-sentinel.invalid/"
# Reports every Content-Security-Policy violation of a page to watch_csp's list.
_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__pfCspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});"""


def mkdocs(
    project: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run mkdocs in a project folder, the way the owner does (env adds to the environment)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of project into site_dir."""
    return mkdocs(project, "build", "--strict", "--site-dir", str(site_dir))


def copy_project(copy: Path) -> Path:
    """Copy this project's files (not its venv, caches or builds) into a new folder."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, copy / name)
    return copy


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this project that a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output clean."""


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site served on a free loopback port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The real site served on a free loopback port; yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (nothing is downloaded)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def watch_csp(context: BrowserContext) -> list[str]:
    """Every Content-Security-Policy violation that the context's pages report, across navigations."""
    violations: list[str] = []

    def report(violation: str) -> None:
        violations.append(violation)

    context.expose_function("__pfCspViolation", report)  # a plain function: Playwright cannot wrap a bound method
    context.add_init_script(_CSP_VIOLATIONS)
    return violations


def csp_reports(page: Page, violations: list[str]) -> list[str]:
    """The violations the page has reported so far, taken off the list.

    Reports arrive late and in order, so the page makes one more, marked, and this waits for it.
    """
    page.evaluate(f"new Image().src = '{CSP_SENTINEL}'")  # blocked by img-src before any request is made
    for _ in range(250):
        if any(CSP_SENTINEL in violation for violation in violations):
            break
        page.wait_for_timeout(20)
    marked = [index for index, violation in enumerate(violations) if CSP_SENTINEL in violation]
    assert marked, "the page reported no violation within 5 s: is watch_csp on its context?"
    reported = violations[: marked[0]]
    del violations[: marked[0] + 1]
    return reported


def page_text(html: str) -> str:
    """The visible text of a page: tags dropped (block tags part words), entities decoded, white space folded."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|abbr|b|code|em|i|small|span|strong)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
