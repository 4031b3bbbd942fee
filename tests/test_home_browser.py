"""Presentation: the home page introduces the owner with ways to act; cards use the width of wide screens."""

from __future__ import annotations

import pytest
from helpers import STILL, Built, nav_pages, open_started
from playwright.sync_api import Browser, Page

PHONE, LAPTOP = {"width": 375, "height": 800}, {"width": 1280, "height": 800}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_first_screen_reaches_every_way_to_act(
    browser: Browser, server: str, built: Built, scheme: str
) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    open_started(page, f"{server}/")
    buttons = page.locator(".pf-intro__actions .md-button")
    assert buttons.count() == 2 + len(built.portfolio.profile.links)
    selected_work = page.locator(".pf-cards").first.bounding_box()
    assert selected_work
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        assert box["y"] + box["height"] <= min(PHONE["height"], selected_work["y"]), index
    context.close()


# The boxes of a page's elements, in one call: [x, y, width, height] each.
BOXES = (
    "elements => elements.map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })"
)

# Each card's tops of the parts drawn, part by part in the order given.
PART_TOPS = """(cards, parts) => cards.map((card) => parts.flatMap((part) =>
  [...card.querySelectorAll(part)].map((e) => e.getBoundingClientRect()).filter((r) => r.height).map((r) => r.y)))"""


def test_cards_sit_side_by_side_on_a_laptop_and_in_one_column_on_a_phone(
    browser: Browser, server: str, built: Built
) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    for path in nav_pages(built.project):
        if 'class="grid pf-cards"' in built.html(path):
            open_started(page, f"{server}/{path}")
            check_rows(page, path)
    context.close()


def check_rows(page: Page, path: str) -> None:
    """A page's first grid of cards: two or more to a row on a laptop, one column on a phone."""
    rows = {}
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.evaluate(STILL)
        rows[name] = page.locator(".pf-cards").first.locator(".pf-card").evaluate_all(BOXES)
    laptop, phone = rows["laptop"], rows["phone"]
    assert len(laptop) >= 1, path
    assert all(width and height for _, _, width, height in laptop + phone), path  # every card drawn
    if len(laptop) >= 2:  # the first row holds two or more cards, with aligned tops and bottoms
        first_row = [box for box in laptop if box[1] == laptop[0][1]]
        assert len(first_row) >= 2, path
        assert len({round(y + height) for _, y, _, height in first_row}) == 1, path
    assert len({round(x) for x, *_ in phone}) == 1, path
    assert [y for _, y, *_ in phone] == sorted(y for _, y, *_ in phone), path
    page.set_viewport_size(LAPTOP)


def test_each_card_keeps_badges_summary_challenges_and_source_in_order(
    browser: Browser, server: str, built: Built
) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    parts = [".pf-card__title", ".pf-card__badges", ".pf-card__summary", ".pf-card__challenges", ".pf-card__link"]
    for path in sorted(set(built.card_pages.values())):
        open_started(page, f"{server}/{path}")
        for tops in page.locator(".pf-card").evaluate_all(PART_TOPS, parts):  # a card's parts, in the order listed
            assert len(tops) >= 3, path
            assert tops == sorted(tops), path
    context.close()


def test_no_column_on_a_wide_screen_holds_only_the_page_name(browser: Browser, server: str, built: Built) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    for path in built.pages:
        if path == "404.html":
            continue  # no page of the navigation: Material gives it an empty sidebar, nothing to repeat
        open_started(page, f"{server}/{path}")
        assert not page.locator(".md-sidebar--primary").is_visible(), path
        assert page.locator(".md-tabs").is_visible()
    context.close()


def test_the_resume_stays_a_readable_column_on_a_wide_screen(browser: Browser, server: str, built: Built) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    open_started(page, f"{server}/{built.resume_page}")
    width = page.locator(".pf-resume").evaluate(
        "e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)"
    )
    assert width <= 50  # ems: about 90 characters a line at most
    context.close()
