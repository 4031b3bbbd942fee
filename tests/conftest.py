"""Shared fixtures: a copy of the project to break, a strict build, a local server and Chromium."""

from __future__ import annotations

import functools
import gzip
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html import unescape
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

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


def mkdocs(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run mkdocs in a project folder, the way the owner does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this project that a test may change."""
    copy = tmp_path / "project"
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(source, copy / name)
    return copy


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: gzip when the browser accepts it, 404.html for a missing page."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self) -> None:
        """Send the file, compressed when that is what GitHub Pages would do."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", HTTPStatus.NOT_FOUND
        body = path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in self.COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.sent.append((self.path, len(body)))  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output clean."""


class SiteServer(ThreadingHTTPServer):
    """A built site served as GitHub Pages serves it, on a free loopback port; it notes what it sends."""

    def __init__(self, site: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        self.sent: list[tuple[str, int]] = []  # (path, compressed body bytes) of every response
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[SiteServer]:
    """The real site, served in a background thread."""
    httpd = SiteServer(site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(served_site: SiteServer) -> str:
    """The base URL of the served site."""
    return served_site.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (nothing is downloaded)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def page_text(html: str) -> str:
    """The visible text of a page: tags dropped (block tags part words), entities decoded, white space folded."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|abbr|b|code|em|i|small|span|strong)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
