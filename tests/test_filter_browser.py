"""The technology filter above the project cards, in Chromium: choose, clear, share, reload, go back."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from gzip_server import GzipServer
from helpers import Built, build, nav_pages, open_started, wait_until_material_started
from playwright.sync_api import Browser, Page, expect

from portfolio.data import Technology


def listed(built: Built, page: str | None = None) -> list:
    """The projects whose full cards a page shows (the first page with a filter, by default), in page order."""
    page = built.filter_page if page is None else page
    return [project for project in built.portfolio.projects if built.card_pages[project.id] == page]


def filtering(built: Built) -> list[Technology]:
    """The technologies that some but not all of the filter page's projects use: choosing one filters."""
    projects = listed(built)
    counts = Counter(tech for project in projects for tech in project.technologies)
    chosen = [built.portfolio.technologies[tech] for tech in counts if counts[tech] < len(projects)]
    if len(chosen) < 2:
        pytest.skip("the data has fewer than two technologies that some but not all of a page's projects use")
    return chosen


def all_cards(built: Built) -> list[str]:
    return [project.id for project in listed(built)]


def using(built: Built, technology: Technology, page: str | None = None) -> list[str]:
    """The ids of the filter page's projects (or another page's) that use a technology, in page order."""
    return [project.id for project in listed(built, page) if technology.id in project.technologies]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def shown(page: Page) -> list[str]:
    """The ids of the visible cards, in page order."""
    return page.locator(".pf-card").evaluate_all(
        "cards => cards.filter((c) => c.checkVisibility({visibilityProperty: true})).map((c) => c.dataset.project)"
    )


def chip(page: Page, name: str):
    return page.locator(".pf-chip", has_text=name)


def test_chips_count_the_projects_of_each_technology(page: Page, server: str, built: Built) -> None:
    open_started(page, f"{server}/{built.filter_page}")
    projects = listed(built)
    counts = Counter(tech for project in projects for tech in project.technologies)
    expected = [f"All {len(projects)}"] + [
        f"{technology.name} {counts[technology.id]}"
        for technology in built.portfolio.technologies.values()
        if counts[technology.id]
    ]
    texts = [
        " ".join(text.split()).replace(" projects", "").replace(" project", "")
        for text in page.locator(".pf-chip").all_inner_texts()
    ]
    assert texts == expected
    expect(chip(page, "All")).to_have_attribute("aria-pressed", "true")


def test_choosing_and_clearing_a_chip(page: Page, server: str, built: Built) -> None:
    first, second, *_ = filtering(built)
    open_started(page, f"{server}/{built.filter_page}")
    assert shown(page) == all_cards(built)
    status = page.locator(".pf-filter__status")
    expect(status).to_have_text(f"Showing all {len(all_cards(built))} projects.")

    chip(page, first.name).click()
    assert shown(page) == using(built, first)
    expect(chip(page, first.name)).to_have_attribute("aria-pressed", "true")
    expect(chip(page, "All")).to_have_attribute("aria-pressed", "false")
    expect(status).to_have_text(
        f"Showing {len(using(built, first))} of {len(all_cards(built))} projects: those that use {first.name}."
    )
    assert page.url.endswith(f"/{built.filter_page}?tech={first.id}")

    chip(page, first.name).click()  # again: cleared
    assert shown(page) == all_cards(built)
    assert page.url.endswith(f"/{built.filter_page}")

    chip(page, second.name).click()
    chip(page, "All").click()
    assert shown(page) == all_cards(built)
    expect(status).to_have_attribute("role", "status")  # announced by screen readers


def test_a_shared_link_opens_filtered_and_reload_keeps_it(page: Page, server: str, built: Built) -> None:
    technology = filtering(built)[-1]
    open_started(page, f"{server}/{built.filter_page}?tech={technology.id}")
    assert shown(page) == using(built, technology)
    expect(chip(page, technology.name)).to_have_attribute("aria-pressed", "true")
    page.reload()
    wait_until_material_started(page)
    assert shown(page) == using(built, technology)


def test_back_and_forward_step_through_choices(page: Page, server: str, built: Built) -> None:
    first, second, *_ = filtering(built)
    open_started(page, f"{server}/{built.filter_page}")
    chip(page, first.name).click()
    chip(page, second.name).click()
    assert shown(page) == using(built, second)
    page.go_back()
    assert shown(page) == using(built, first)
    expect(chip(page, first.name)).to_have_attribute("aria-pressed", "true")
    page.go_back()
    assert shown(page) == all_cards(built)
    page.go_forward()
    assert shown(page) == using(built, first)


def test_chips_are_buttons_a_keyboard_can_press(page: Page, server: str, built: Built) -> None:
    technology = filtering(built)[0]
    open_started(page, f"{server}/{built.filter_page}")
    chip(page, technology.name).focus()
    page.keyboard.press("Enter")
    assert shown(page) == using(built, technology)
    page.keyboard.press("Space")
    assert shown(page) == all_cards(built)
    assert chip(page, technology.name).evaluate("e => e.tagName") == "BUTTON"


def test_badges_lead_to_their_technology_filtered(page: Page, server: str, built: Built) -> None:
    featured = [project for project in built.portfolio.projects if project.featured and project.technologies]
    if featured:  # a short card's badge on the home page leads to its full card's page, filtered
        technology = built.portfolio.technologies[featured[0].technologies[-1]]
        full = built.card_pages[featured[0].id]
        open_started(page, f"{server}/")
        page.locator(f'.pf-card[data-project="{featured[0].id}"] a.pf-badge', has_text=technology.name).click()
        page.wait_for_url(f"**/{full}?tech={technology.id}")
        assert shown(page) == using(built, technology, full)
    open_started(page, f"{server}/{built.filter_page}")
    other = filtering(built)[-1]
    card = using(built, other)[0]
    page.locator(f'.pf-card[data-project="{card}"] a.pf-badge', has_text=other.name).click()
    assert page.url.endswith(f"/{built.filter_page}?tech={other.id}")  # on the same page, filtered in place
    assert shown(page) == using(built, other)


def test_without_javascript_every_card_shows_and_the_chips_only_count(
    browser: Browser, server: str, built: Built
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{built.filter_page}?tech={filtering(built)[0].id}")
    assert shown(page) == all_cards(built)
    expect(page.locator(".pf-chip").first).to_be_disabled()
    expect(page.locator(".pf-chip:enabled")).to_have_count(0)  # nothing to press that would do nothing
    context.close()


def test_with_javascript_the_chips_are_enabled(page: Page, server: str, built: Built) -> None:
    open_started(page, f"{server}/{built.filter_page}")
    expect(page.locator(".pf-chip").first).to_be_enabled()
    expect(page.locator(".pf-chip:disabled")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chosen_chip_is_accessible(browser: Browser, server: str, built: Built, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_started(page, f"{server}/{built.filter_page}?tech={filtering(built)[0].id}")
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [violation["id"] for violation in violations] == []


def test_the_filter_works_with_instant_navigation(browser: Browser, project: Path, own_build: Built) -> None:
    technology = filtering(own_build)[-1]
    with GzipServer(project / "site") as server:
        config = project / "mkdocs.yml"
        text = config.read_text().replace(
            "    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n"
        )
        # Instant navigation only follows links within site_url, so the site is built for where it is served.
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {server.url}", text))
        (project / "docs" / "CNAME").unlink(missing_ok=True)  # no domain of its own: served at site_url
        result = build(project, project / "site")
        assert result.returncode == 0, result.stderr
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_started(page, server.url)
        page.evaluate("window.stillTheSameDocument = true")
        cards, nav = own_build.filter_page, nav_pages(project)
        page.locator(".md-tabs__link").nth(nav.index(cards)).click()
        page.wait_for_url(f"**/{cards}")
        expect(page.locator(".pf-filter")).to_be_visible()
        assert page.evaluate("window.stillTheSameDocument") is True  # instant navigation swapped the content
        chip(page, technology.name).click()
        assert shown(page) == using(own_build, technology)
        assert page.url.endswith(f"/{cards}?tech={technology.id}")
        page.go_back()
        assert shown(page) == all_cards(own_build)
        for other in nav[nav.index(cards) + 1 :]:  # cards whose badges share icons, too
            page.locator(".md-tabs__link").nth(nav.index(other)).click()
            page.wait_for_url(f"**/{other}")
            expect(page.locator(".pf-card")).to_have_count(len(listed(own_build, other)))
        assert page.evaluate("window.stillTheSameDocument") is True
        assert errors == []
        page.close()


def test_an_icon_shown_again_draws_while_the_card_that_holds_it_is_hidden(
    browser: Browser, project: Path, own_build: Built
) -> None:
    everywhere = next(iter(own_build.portfolio.technologies))
    data = project / "data" / "projects.yml"
    projects = yaml.safe_load(data.read_text(encoding="utf-8"))
    for record in projects:  # every project uses one technology: the first card draws its icon, the others show it
        record["technologies"] = list(dict.fromkeys([everywhere, *record.get("technologies", [])]))
    data.write_text(yaml.safe_dump(projects, allow_unicode=True), encoding="utf-8")
    first, *others = listed(own_build)
    # A chip that hides the first card (it holds the drawing) and shows another.
    technology = next(
        own_build.portfolio.technologies[tech]
        for card in others
        for tech in card.technologies
        if tech not in first.technologies and tech != everywhere
    )
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with GzipServer(project / "site") as server:
        page = browser.new_page()
        open_started(page, f"{server.url}{own_build.filter_page}")
        chip(page, technology.name).click()
        assert first.id not in shown(page)  # the card that draws the icon is hidden
        badge = page.locator(f".pf-card:visible .pf-badge--{everywhere} svg").first
        assert badge.locator("use").count() == 1
        size = badge.evaluate("svg => svg.getBBox().width * svg.getBBox().height")
        assert size > 0  # nothing is drawn when the reference is broken
        page.close()
