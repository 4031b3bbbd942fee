"""The Content-Security-Policy in Chromium: every page and every control of the site works under it."""

from __future__ import annotations

import re

from helpers import (
    CSP_SENTINEL,
    SCROLLED,
    Built,
    csp_reports,
    nav_pages,
    open_started,
    search_word,
    settle,
    wait_until_material_started,
    watch_csp,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect


def open_context(browser: Browser, width: int) -> tuple[BrowserContext, list[str], list[str]]:
    """A context at this width; the lists fill with its CSP violations and its console and page errors."""
    context = browser.new_context(color_scheme="light", viewport={"width": width, "height": 800})
    violations = watch_csp(context)
    errors: list[str] = []
    context.on(
        "console",
        lambda message: message.type == "error" and CSP_SENTINEL not in message.text and errors.append(message.text),
    )
    context.on("weberror", lambda error: errors.append(str(error.error)))
    return context, violations, errors


def search(page: Page, query: str, results: int | None = None) -> None:
    """Type into the search box (already open) and wait for the results (as many as given, if given)."""
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    found = page.locator(".md-search-result__item")
    if results is None:
        expect(found.first).to_be_visible()
    else:  # results for the whole query, not for the letters typed so far
        expect(found).to_have_count(results)


def test_every_page_and_control_works_under_the_policy_on_a_laptop(browser: Browser, built: Built, server: str) -> None:
    context, violations, errors = open_context(browser, 1280)
    page = context.new_page()
    for path in built.pages:
        open_started(page, f"{server}/{path}")
        expect(page.locator("h1")).to_be_visible()
        assert csp_reports(page, violations) == [], path

    open_started(page, f"{server}/")
    page.keyboard.press("Tab")  # the skip link
    expect(page.locator(".md-skip")).to_be_focused()
    page.locator(".md-search__input").click()
    search(page, "techno")
    expect(page.locator(".md-search__suggest")).to_contain_text("technologies")  # from the page titles
    page.keyboard.press("ArrowRight")  # take the suggestion
    expect(page.locator(".md-search__input")).to_have_value("technologies")
    page.keyboard.press("ArrowDown")  # keyboard through the results
    page.locator("button[type=reset]").click()  # clear the search
    expect(page.locator(".md-search__input")).to_have_value("")
    cards, nav = built.filter_page, nav_pages(built.project)
    search(page, search_word(built.site, cards)[0], results=1)  # a word of one card only
    assert csp_reports(page, violations) == []
    page.locator(".md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(rf"{server}/{cards}(#.*)?$"))

    for _ in range(2):  # the palette toggle goes round its two schemes
        page.locator("form[data-md-component=palette] label:visible").click()
    assert csp_reports(page, violations) == []
    page.locator(".md-tabs__link").nth(len(nav) - 1).click()  # the last tab
    expect(page).to_have_url(re.compile(rf"{server}/{nav[-1]}(#.*)?$"))
    page.locator(".md-footer__link--prev").click()
    expect(page).to_have_url(f"{server}/{nav[-2]}")
    open_started(page, f"{server}/")
    page.locator(".md-sidebar--secondary .md-nav__link", has_text="Technologies").click()  # table of contents
    expect(page).to_have_url(f"{server}/#technologies")
    page.locator(".md-typeset h2 .headerlink").first.click()  # a heading's permalink
    expect(page).to_have_url(f"{server}/#selected-work")
    assert csp_reports(page, violations) == []
    featured = [project for project in built.portfolio.projects if project.featured]
    page.locator(".pf-card__title a" if featured else ".md-tabs__link").first.click()  # to its full card, or a tab
    expect(page).to_have_url(
        f"{server}/{built.card_pages[featured[0].id]}#{featured[0].id}" if featured else f"{server}/"
    )
    wait_until_material_started(page)  # (its keyboard shortcuts may start after the load event)
    page.keyboard.press("/")  # the search shortcut
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    assert csp_reports(page, violations) == []
    assert errors == []

    # The watch works: a script the policy does not name is reported, and does not run.
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {text: 'window.ran = 1'}))")
    assert [violation.split()[0] for violation in csp_reports(page, violations)] == ["script-src-elem"]
    assert page.evaluate("typeof window.ran") == "undefined"
    context.close()


def test_drawer_and_search_work_under_the_policy_on_a_phone(browser: Browser, built: Built, server: str) -> None:
    context, violations, errors = open_context(browser, 375)
    page = context.new_page()
    open_started(page, f"{server}/")
    drawer = page.locator("#__drawer")
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(drawer).to_be_checked()
    page.locator("label.md-overlay").click(position={"x": 360, "y": 400})  # beside the drawer: closes it
    expect(drawer).not_to_be_checked()
    page.locator("label.md-header__button[for=__drawer]").click()
    assert csp_reports(page, violations) == []
    cards = built.filter_page
    page.locator(f'.md-nav--primary a.md-nav__link[href="{cards}"]').click()
    expect(page).to_have_url(f"{server}/{cards}")
    wait_until_material_started(page)  # (its search may start after the load event)

    others = sorted(set(built.card_pages.values()) - {"", cards})  # another page of full cards, if any
    other = others[0] if others else cards
    page.locator("label.md-header__button[for=__search]").click()
    search(page, search_word(built.site, other)[0], results=1)  # a word of one card only
    assert csp_reports(page, violations) == []
    page.keyboard.press("Enter")  # the search form goes to the first result (form-action is 'none')
    expect(page).to_have_url(re.compile(rf"{server}/{other}(#.*)?$"))
    settle(page)  # the new page, not the one it replaces
    page.evaluate(SCROLLED)  # a search opened before Material has taken the anchor closes again (see SCROLLED)
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("")  # a search that stayed on its page keeps its query
    search(page, search_word(built.site, cards)[0])
    page.locator(".md-search__icon[for=__search]").first.click()  # back out of the search
    expect(page.locator("#__search")).not_to_be_checked()
    page.locator("form[data-md-component=palette] label:visible").click()
    assert csp_reports(page, violations) == []
    assert errors == []
    context.close()
