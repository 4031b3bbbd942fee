"""Shared fixtures: a copy of the project to break, the strict builds of the site and of a fork, a local server
and Chromium.

Every test that takes `built` (or `site`, `server`, `portfolio`, `site_url`) runs twice: on this project's own
site, and on a fork of it with the second portfolio of tests/fork/. What it expects comes from the data built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from gzip_server import GzipServer
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build, copy_project, fork_project, mkdocs, site_url_of
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from portfolio import Portfolio, load_portfolio
from portfolio.icons import material_icons

# The tests import these from here, with the fixtures.
__all__ = [
    "ROOT",
    "Built",
    "build",
    "copy_project",
    "csp_reports",
    "mkdocs",
    "page_text",
    "site_pages",
    "watch_csp",
]

# A URL that only csp_reports asks for.
CSP_SENTINEL = "https://csp-sentinel.invalid/"
# Reports every Content-Security-Policy violation of a page to watch_csp's list.
_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__pfCspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});"""


@dataclass(frozen=True)
class Built:
    """A project built strictly: its folder, its site, its data and its site_url."""

    project: Path
    site: Path
    portfolio: Portfolio
    site_url: str

    @property
    def pages(self) -> list[str]:
        """Every page of the site, from its sitemap (so new pages are covered), and the 404 page."""
        return site_pages(self.site, self.site_url)

    def kind(self, kind: str) -> list:
        """The projects of one kind, in data order."""
        return [project for project in self.portfolio.projects if project.kind == kind]


def build_project(project: Path) -> Built:
    """Build a project strictly into its site/ folder."""
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return Built(project, project / "site", load_portfolio(project / "data", material_icons()), site_url_of(project))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this project that a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def own_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """This project's own site."""
    return build_project(copy_project(tmp_path_factory.mktemp("own") / "project"))


@pytest.fixture(scope="session")
def fork_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The site of a fork made with tests/fork/ as README's "Make it yours" says."""
    return build_project(fork_project(tmp_path_factory.mktemp("fork") / "project"))


@pytest.fixture(scope="session", params=["own", "fork"])
def built(request: pytest.FixtureRequest) -> Built:
    """Each site in turn: this project's own, then the fork's."""
    return request.getfixturevalue(f"{request.param}_build")


@pytest.fixture(scope="session")
def site(built: Built) -> Path:
    """The built site's folder."""
    return built.site


@pytest.fixture(scope="session")
def portfolio(built: Built) -> Portfolio:
    """The data the site was built from."""
    return built.portfolio


@pytest.fixture(scope="session")
def site_url(built: Built) -> str:
    """The site_url the site was built for."""
    return built.site_url


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[GzipServer]:
    """The site served as GitHub Pages serves it, on a free loopback port."""
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


def site_pages(site: Path, base: str) -> list[str]:
    """Every page of a built site for base (its site_url), from its sitemap, and the 404 page."""
    urls = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text())
    assert urls
    assert all(url.startswith(base) for url in urls)
    return [url.removeprefix(base) for url in urls] + ["404.html"]


def page_text(html: str) -> str:
    """The visible text of a page: tags dropped (block tags part words), entities decoded, white space folded."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?(a|abbr|b|code|em|i|small|span|strong)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
