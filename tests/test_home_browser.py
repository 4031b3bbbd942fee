"""Presentation: the home page introduces the owner with ways to act; cards use the width of wide screens."""

from __future__ import annotations

import pytest
from helpers import Built, nav_pages
from playwright.sync_api import Browser

PHONE, LAPTOP = {"width": 375, "height": 800}, {"width": 1280, "height": 800}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_first_screen_reaches_every_way_to_act(
    browser: Browser, server: str, built: Built, scheme: str
) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/")
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


def test_cards_sit_side_by_side_on_a_laptop_and_in_one_column_on_a_phone(
    browser: Browser, server: str, built: Built
) -> None:
    for path in nav_pages(built.project):
        if 'class="grid pf-cards"' in built.html(path):
            check_rows(browser, server, path)


def check_rows(browser: Browser, server: str, path: str) -> None:
    """A page's first grid of cards: two or more to a row on a laptop, one column on a phone."""
    rows = {}
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(f"{server}/{path}")
        boxes = [card.bounding_box() for card in page.locator(".pf-cards").first.locator(".pf-card").all()]
        assert all(boxes)
        rows[name] = boxes
        context.close()
    laptop, phone = rows["laptop"], rows["phone"]
    assert len(laptop) >= 1
    if len(laptop) >= 2:  # the first row holds two or more cards, with aligned tops and bottoms
        first_row = [box for box in laptop if box["y"] == laptop[0]["y"]]
        assert len(first_row) >= 2
        assert len({round(box["y"] + box["height"]) for box in first_row}) == 1
    assert len({round(box["x"]) for box in phone}) == 1
    assert [box["y"] for box in phone] == sorted(box["y"] for box in phone)


def test_each_card_keeps_badges_summary_challenges_and_source_in_order(
    browser: Browser, server: str, built: Built
) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    parts = [".pf-card__title", ".pf-card__badges", ".pf-card__summary", ".pf-card__challenges", ".pf-card__link"]
    for path in sorted(set(built.card_pages.values())):
        page.goto(f"{server}/{path}")
        for card in page.locator(".pf-card").all():
            tops = [box["y"] for part in parts for box in [b.bounding_box() for b in card.locator(part).all()] if box]
            assert len(tops) >= 3
            assert tops == sorted(tops), path
    context.close()


def test_no_column_on_a_wide_screen_holds_only_the_page_name(browser: Browser, server: str, built: Built) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    for path in built.pages:
        if path == "404.html":
            continue  # no page of the navigation: Material gives it an empty sidebar, nothing to repeat
        page.goto(f"{server}/{path}")
        assert not page.locator(".md-sidebar--primary").is_visible(), path
        assert page.locator(".md-tabs").is_visible()
    context.close()


def test_the_resume_stays_a_readable_column_on_a_wide_screen(browser: Browser, server: str, built: Built) -> None:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(f"{server}/{built.resume_page}")
    width = page.locator(".pf-resume").evaluate(
        "e => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize)"
    )
    assert width <= 50  # ems: about 90 characters a line at most
    context.close()
