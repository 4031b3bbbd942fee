"""First paint in Chromium: the page paints in the right scheme before Material's bundle runs, and one
stylesheet looks exactly like the theme's separate ones."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from gzip_server import GzipServer
from helpers import NEXT_FRAME, Built, build, copy_project, open_started, settle
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page, Route, expect

BUNDLE = "**/assets/javascripts/bundle.*.js"
# The build without the new step: the site as Material and MkDocs link it (one stylesheet per <link>).
WITHOUT_THE_STEP = '''"""Stub: leaves the site as the theme links it."""


def one_stylesheet(site_dir, site_url, **options):
    """Do nothing."""
    return {}
'''


# Resolves once the page has painted content.
FIRST_PAINT = """() => new Promise((resolve) => {
  const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
  if (painted()) return resolve();
  new PerformanceObserver((list, observer) => {
    if (painted()) {
      observer.disconnect();
      resolve();
    }
  }).observe({ type: "paint", buffered: true });
})"""


def painted_while_held(page: Page, url: str) -> list[Route]:
    """Open url with Material's bundle held back; wait for the first contentful paint; return the held requests."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(BUNDLE, hold)  # a plain function: Playwright cannot wrap a bound method
    page.goto(url, wait_until="commit")
    page.evaluate(FIRST_PAINT)  # (wait_for_function would evaluate a string, which the page's policy forbids)
    return held


@pytest.mark.parametrize(
    "case",
    [("light", False, "default"), ("dark", False, "slate"), ("light", True, "slate"), ("dark", True, "default")],
)
def test_the_first_paint_has_the_scheme_it_keeps(
    browser: Browser, server: str, built: Built, case: tuple[str, bool, str]
) -> None:
    system, choose, scheme = case  # the system's scheme, whether the visitor picks the other, the scheme shown
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    if choose:  # the visitor picks the other scheme with the toggle; Material stores the choice
        open_started(page, f"{server}/")
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")
    held = painted_while_held(page, f"{server}/{built.filter_page}")
    state = (
        "[document.readyState, document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]"
    )
    first = page.evaluate(state)
    assert held  # Material's bundle has not arrived: its script has not run
    assert first[0] != "loading"  # the parser went past it: nothing blocks it
    assert first[1] == scheme
    for route in held:
        route.continue_()
    settle(page)
    assert page.evaluate(state) == ["complete", *first[1:]]  # the bundle changed nothing that shows
    context.close()


@pytest.fixture(scope="module")
def separate_stylesheets(project_without_the_step: Path) -> Iterator[str]:
    """The site built without the new step, served; yields its URL."""
    site = project_without_the_step / "site"
    result = build(project_without_the_step, site)
    assert result.returncode == 0, result.stderr
    with GzipServer(site) as server:
        yield server.url


@pytest.fixture(scope="module")
def own_server(own_build: Built) -> Iterator[str]:
    """This project's own site, served; yields its URL (the build without the step is a copy of it)."""
    with GzipServer(own_build.site) as server:
        yield server.url


@pytest.fixture(scope="module")
def project_without_the_step(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose step that joins the stylesheets does nothing."""
    project = copy_project(tmp_path_factory.mktemp("separate") / "project")
    (project / "portfolio" / "sitewide" / "firstpaint.py").write_text(WITHOUT_THE_STEP, encoding="utf-8")
    return project


# Pixels two shots of one page may differ by: Chromium may draw a few pixels of an icon drawn with <use>
# differently from shot to shot, more so on a loaded machine. A style lost or changed moves thousands.
NOISE = 64


def differing_pixels(first: bytes, second: bytes) -> int:
    """How many pixels two PNG screenshots do not have alike (every pixel when their sizes differ)."""
    if first == second:  # the same pixels, encoded alike: most shots (decoding them is most of a comparison's time)
        return 0
    with Image.open(io.BytesIO(first)) as one, Image.open(io.BytesIO(second)) as other:
        if one.size != other.size:
            return one.width * one.height
        difference = ImageChops.difference(one.convert("RGB"), other.convert("RGB")).convert("L")
        return sum(difference.point(lambda value: value > 0 and 255).histogram()[1:])


def look_alike(mine: Page, theirs: Page, *, full_page: bool = True) -> bool:
    """Whether two open pages give the same screenshot of the whole page (or of the window), but for a few pixels,
    in a few tries."""
    for _ in range(3):
        shots = []
        for page in (mine, theirs):
            page.evaluate("document.fonts.ready.then(() => true)")
            page.evaluate(NEXT_FRAME)  # drawn anew
            shots.append(page.screenshot(full_page=full_page, animations="disabled"))
        if differing_pixels(*shots) <= NOISE:
            return True
    return False


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_one_stylesheet_looks_like_the_separate_ones(
    browser: Browser, own_server: str, separate_stylesheets: str, own_build: Built, scheme: str
) -> None:
    contexts = [browser.new_context(viewport={"width": 375, "height": 900}, color_scheme=scheme) for _ in "ab"]
    mine, theirs = (context.new_page() for context in contexts)
    different = []
    for path in own_build.pages:
        for page, base in ((mine, own_server), (theirs, separate_stylesheets)):
            open_started(page, base + path)  # stylesheets, scripts, pictures loaded (look_alike waits for fonts)
        links = [page.locator("link[rel=stylesheet]").count() for page in (mine, theirs)]
        assert links[0] == 1 < links[1], path  # one stylesheet against several: the comparison means something
        for width in (375, 1280):  # a phone, then a laptop: both pages laid out anew
            for page in (mine, theirs):
                page.set_viewport_size({"width": width, "height": 900})
            if not look_alike(mine, theirs):
                different.append((path, width))
    for context in contexts:
        context.close()
    assert different == []


def test_the_owners_scripts_run_in_order_and_as_their_type_says(browser: Browser, project: Path) -> None:
    """A fork's own scripts (extra_javascript) run as Material's do, once the page is on the screen: a classic one
    and a module (`type: module`), each once, in the order listed."""
    scripts = project / "docs" / "javascripts"
    mark = 'document.body.dataset.ran = (document.body.dataset.ran || "") + "{name} ";\n'
    (scripts / "classic.js").write_text(mark.format(name="classic"), encoding="utf-8")
    (scripts / "module.js").write_text("export {};\n" + mark.format(name="module"), encoding="utf-8")
    config = project / "mkdocs.yml"
    listed = "\nextra_javascript:\n  - javascripts/classic.js\n  - path: javascripts/module.js\n    type: module\n"
    config.write_text(config.read_text(encoding="utf-8") + listed, encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with GzipServer(project / "site") as server:
        page = browser.new_page()
        open_started(page, server.url)
        expect(page.locator("body")).to_have_attribute("data-ran", "classic module ")
        page.close()
