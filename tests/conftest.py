"""Shared fixtures: a copy of the project to break, a strict build, a local server and Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from gzip_server import GzipServer
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build, copy_project, mkdocs
from playwright.sync_api import Browser, sync_playwright

# The tests import ROOT, build and mkdocs from here, with the fixtures.
__all__ = ["ROOT", "build", "mkdocs", "page_text"]


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


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[GzipServer]:
    """The real site served as GitHub Pages serves it, on a free loopback port."""
    with GzipServer(site) as server:
        yield server


@pytest.fixture(scope="session")
def server(served_site: GzipServer) -> str:
    """The base URL of the served site, without the final slash."""
    return served_site.url.rstrip("/")


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
