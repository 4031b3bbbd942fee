"""The purge of unused CSS in Chromium: with the controls in use (search, the scheme toggle, the card filter, the
drawer on a phone, code copy), every page looks as it does with the whole stylesheet.

Two pages of one site, side by side: one gets the site's stylesheet as built, the other the whole CSS it was made
from (Material's files and the site's own, joined in their order); each step is done in both, and their
screenshots must match. Material's JavaScript adds what no built page holds (search results, the dialog of code
copy, the palette's state): a rule it needs and the purge dropped shows as a difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import yaml
from gzip_server import GzipServer
from helpers import Built, open_started, search_word
from playwright.sync_api import Browser, Page, expect
from test_firstpaint_browser import look_alike

from portfolio.sitewide.firstpaint import joined

STYLESHEET = "**/assets/stylesheets/site.*.css"
# Added to both stylesheets: a transition under way (Material fades the search box's placeholder in as it starts,
# which no wait for animations sees) would make two shots differ by when they were taken.
NO_MOTION = "*,::before,::after,::placeholder{transition:none!important;animation:none!important}"


def whole_css(built: Built) -> str:
    """The CSS the site's one stylesheet was made from: Material's main and palette files, then extra_css."""
    config = (built.project / "mkdocs.yml").read_text(encoding="utf-8")  # its Python tags are no YAML for safe_load
    extra_css = yaml.safe_load(re.search(r"(?m)^extra_css:\n(?:  .*\n)+", config)[0])["extra_css"]
    folder = built.site / "assets" / "stylesheets"
    material = [f"assets/stylesheets/{next(folder.glob(f'{name}.*.min.css')).name}" for name in ("main", "palette")]
    return joined(built.site, [*material, *extra_css])


@pytest.mark.slow
@pytest.mark.parametrize("site", ["own", "fork"])
def test_the_controls_look_alike_with_the_whole_stylesheet(
    browser: Browser, request: pytest.FixtureRequest, site: str
) -> None:
    built: Built = request.getfixturevalue(f"{site}_build")
    whole = whole_css(built)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in "ab"]
    contexts[0].route(
        STYLESHEET, lambda route: route.fulfill(body=route.fetch().text() + NO_MOTION, content_type="text/css")
    )
    contexts[1].route(STYLESHEET, lambda route: route.fulfill(body=whole + NO_MOTION, content_type="text/css"))
    purged, unpurged = pages = [context.new_page() for context in contexts]
    different: list[str] = []

    def step(name: str, action: Callable[[Page], object], *, full_page: bool = True) -> None:
        for page in pages:
            action(page)
        if not look_alike(purged, unpurged, full_page=full_page):
            different.append(name)

    code = next((page for page in built.pages if "<pre" in built.html(page)), None)
    word, _ = search_word(built.site, built.filter_page)
    with GzipServer(built.site) as server:

        def visit(path: str) -> Callable[[Page], None]:
            def go(page: Page) -> None:
                open_started(page, server.url + path)

            return go

        step("the filter page", visit(built.filter_page))
        assert purged.evaluate("document.styleSheets[0].cssRules.length") < unpurged.evaluate(
            "document.styleSheets[0].cssRules.length"
        )  # the comparison means something
        step("a technology chosen", lambda page: page.locator(".pf-chip:not([aria-pressed=true])").first.click())
        step("the other scheme", lambda page: page.locator("form[data-md-component=palette] label:visible").click())
        step("search", lambda page: search(page, word), full_page=False)  # drawn over the window
        step("search closed on a phone", lambda page: (page.keyboard.press("Escape"), page.set_viewport_size(PHONE)))
        step("the drawer", open_drawer, full_page=False)
        if code:
            step("a page with code", visit(code))
            step("code copied", copy_code, full_page=False)
    for context in contexts:
        context.close()
    assert different == []


PHONE = {"width": 375, "height": 800}


def search(page: Page, word: str) -> None:
    """Type a word in the header's search box, wait for its results."""
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).not_to_be_empty()  # the engine is ready ("Type to start...")
    page.locator("input.md-search__input").press_sequentially(word, delay=30)
    page.locator(".md-search-result__item").first.wait_for()


def open_drawer(page: Page) -> None:
    """Open the navigation drawer from the header's button."""
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary .md-nav__title").first.wait_for()


def copy_code(page: Page) -> None:
    """Copy the first code block with its button; wait for Material's note that it was copied."""
    page.locator("pre").first.hover()
    page.locator(".md-code__button, .md-clipboard").first.click()
    page.locator(".md-dialog--active").wait_for()
