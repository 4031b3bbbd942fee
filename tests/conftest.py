"""Shared fixtures: a copy of the project to break, the strict builds of the site and of forks, a local server
and Chromium. Tests that drive Chromium live in files named *_browser.py, and only they (checked here). They open
a page with helpers.open_started (or open_settled), not page.goto alone: Material's bundle and the site's scripts
start after the load event, where goto returns.

The builds are made once a run and shared by pytest-xdist's workers: the first worker to need one builds it
under a file lock, the others read it.

Every test that takes `built` (or `site`, `portfolio`, `site_url`) runs on this project's own site, on a fork of
it with the second portfolio of tests/fork/, and on forks of other shapes (helpers.SHAPES: a page dropped, a
section dropped, a page added); one that drives Chromium runs on the first two. What it expects comes from the
data and pages built.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# Python's bytecode caches (__pycache__/, which git ignores), written even where the environment turns them off
# (PYTHONDONTWRITEBYTECODE): otherwise every worker, build and new interpreter compiles pytest's rewritten test
# modules, the helpers and the project's package afresh. Set before those are imported (hence E402 below).
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

import pytest
from filelock import FileLock
from gzip_server import GzipServer
from helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SHAPES,
    Built,
    build_project,
    copy_project,
    fork_project,
    shape_project,
    with_caches,
)
from playwright.sync_api import Browser, sync_playwright

from portfolio.data import Portfolio

# Tests that use these fixtures drive Chromium: they carry the browser mark (`pytest -m "not browser"` skips them).
BROWSER_FIXTURES = {"browser", "page", "visit"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium; browse the own site and the fork, check every shape's HTML."""
    browsed, shapes = [], []
    for item in items:
        drives = bool(BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())))
        if drives != item.path.name.endswith("_browser.py"):
            where = "a tests/*_browser.py file" if drives else "a file not named *_browser.py"
            raise pytest.UsageError(
                f"{item.nodeid} {'drives' if drives else 'does not drive'} Chromium: move it to {where}"
            )
        if drives:
            item.add_marker(pytest.mark.browser)
            callspec = getattr(item, "callspec", None)
            if callspec and callspec.params.get("built") in SHAPES:
                shapes.append(item)
                continue
        browsed.append(item)
    if shapes:
        config.hook.pytest_deselected(items=shapes)
        items[:] = browsed
    # The slow tests first, then the other browser tests, then the rest: with pytest-xdist, many short tests end
    # the run on both cores rather than one long test on one core while the other waits.
    items.sort(key=lambda item: (not item.get_closest_marker("slow"), not item.get_closest_marker("browser")))


@pytest.fixture
def project(tmp_path: Path, own_build: Built) -> Path:
    """A copy of this project that a test may change, with the own site's build caches (helpers.with_caches)."""
    return with_caches(copy_project(tmp_path / "project"), own_build.project)


def shared_build(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Built:
    """A project made by make(folder) and built, once a run for all workers."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker has a folder of its own in the run's
        root = root.parent
    folder = root / "builds" / name
    with FileLock(root / f"build-{name}.lock"):
        if not (folder / "built").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed try left
            folder.mkdir(parents=True)
            build_project(make(folder / "project"))
            (folder / "built").touch()
    return Built.of(folder / "project")


@pytest.fixture(scope="session")
def own_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """This project's own site."""
    return shared_build(tmp_path_factory, "own", copy_project)


@pytest.fixture(scope="session")
def fork_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The site of a fork made with tests/fork/ as README's "Make it yours" says."""
    return shared_build(tmp_path_factory, "fork", fork_project)


@pytest.fixture(scope="session", params=["own", "fork", *SHAPES])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Each site in turn: this project's own, the fork's, then the forks of other shapes."""
    if request.param in SHAPES:  # with the fork's build caches: a shape changes a few of its pages
        shape, fork = request.param, request.getfixturevalue("fork_build").project
        return shared_build(tmp_path_factory, shape, lambda folder: with_caches(shape_project(folder, shape), fork))
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
