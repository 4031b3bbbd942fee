"""The built site in Debian's Chromium: what a visitor sees and what the page does."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import STILL, Built, open_settled, open_started, search_word
from playwright.sync_api import Browser, Page, expect

from portfolio.data import Portfolio


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator:
    """Open a page of the site; afterwards, check it logged no error and asked no other origin."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    foreign: list[str] = []

    def open_page(path: str) -> Page:
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "request",
            lambda request: urlsplit(request.url).netloc != urlsplit(server).netloc and foreign.append(request.url),
        )
        open_settled(page, f"{server}/{path}")
        return page

    yield open_page
    context.close()
    assert errors == []
    assert foreign == []


def test_cards_and_badges_are_visible(visit, built: Built) -> None:
    for path in sorted(set(built.card_pages.values())):
        check_cards(visit(path), built, [p for p in built.portfolio.projects if built.card_pages[p.id] == path])


def check_cards(page: Page, built: Built, projects: list) -> None:
    """The page shows exactly these projects' cards, with their titles and badges, icons drawn."""
    cards = page.locator(".pf-card")
    expect(cards).to_have_count(len(projects))
    for project in projects:
        card = page.locator(f'.pf-card[data-project="{project.id}"]')
        expect(card).to_be_visible()
        expect(card.locator(".pf-card__title")).to_have_text(project.title)
        badges = card.locator(".pf-badge")
        expect(badges).to_have_text([built.portfolio.technologies[tech].name for tech in project.technologies])
        for index in range(badges.count()):
            expect(badges.nth(index).locator("svg")).to_be_visible()


def test_badges_wear_their_brand_colour(visit, portfolio: Portfolio) -> None:
    page = visit("")  # the home page shows every technology's badge
    for technology in portfolio.technologies.values():
        colour = page.locator(f".pf-badge--{technology.id}").first.evaluate("e => getComputedStyle(e).backgroundColor")
        red, green, blue = (int(technology.colour[i : i + 2], 16) for i in (1, 3, 5))
        assert colour == f"rgb({red}, {green}, {blue})", technology.id


def test_home_card_leads_to_the_full_card(visit, built: Built) -> None:
    page = visit("")
    featured = [project for project in built.portfolio.projects if project.featured]
    expect(page.locator(".pf-card")).to_have_count(len(featured))
    if not featured:  # no section of selected work
        return
    project = featured[-1]
    page.locator(".pf-card__title a", has_text=project.title).click()
    assert page.url.endswith(f"/{built.card_pages[project.id]}#{project.id}")
    expect(page.locator(f"#{project.id}")).to_be_in_viewport()
    expect(page.locator(f'[data-project="{project.id}"] .pf-card__challenges li')).to_have_count(
        len(project.challenges)
    )


def test_palette_toggle_switches_the_scheme_and_remembers_it(visit, built: Built) -> None:
    page = visit("")
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")  # noqa: E731
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert scheme() == "default"  # the system is light
    light = background()
    toggle.click()
    assert scheme() == "slate"
    assert background() != light
    open_started(page, page.url.replace("/#", "/") + built.filter_page)
    assert scheme() == "slate"  # the choice holds on the next page
    page.locator("form[data-md-component=palette] label:visible").click()
    assert (scheme(), background()) == ("default", light)


def test_dark_system_preference_gives_the_dark_scheme(browser: Browser, server: str, built: Built) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_started(page, f"{server}/{built.filter_page}")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()


# axe-core, which axe-playwright-python carries; its run reports only the violations.
AXE_SCRIPT = Axe().axe_script
AXE_RUN = "axe.run({resultTypes: ['violations']}).then((results) => results.violations)"


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(browser: Browser, server: str, built: Built, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 375, "height": 800})
    page = context.new_page()
    found = {}
    for path in built.pages:
        open_started(page, f"{server}/{path}")
        page.evaluate(AXE_SCRIPT)
        for width in (375, 1280):  # a phone, then a laptop: the page laid out anew
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate(STILL)
            violations = page.evaluate(AXE_RUN)
            found[path, width] = [
                (violation["id"], [node["target"] for node in violation["nodes"]]) for violation in violations
            ]
        page.set_viewport_size({"width": 375, "height": 800})
    context.close()
    assert found == {key: [] for key in found}


def test_search_finds_projects_and_loads_its_engine_only_when_used(browser: Browser, served_site, built: Built) -> None:
    first, *others = sorted(set(built.card_pages.values()) - {""})  # pages of full cards
    word, title = search_word(built.site, first)
    page = browser.new_page()
    served_site.sent.clear()
    open_settled(page, served_site.url)
    engine = [path for path, _ in served_site.sent if "/workers/search." in path]
    assert engine == []  # a first visit does not download the search engine
    search = page.locator("input.md-search__input")
    search.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    search.press_sequentially(word, delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_contain_text(title)
    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")  # not the résumé too
    search.fill("")
    for other in others:
        search.fill("")
        word, title = search_word(built.site, other)
        search.press_sequentially(word, delay=30)
        expect(results.first).to_contain_text(title)
    assert [path for path, _ in served_site.sent if "/workers/search." in path] != []
    page.close()
