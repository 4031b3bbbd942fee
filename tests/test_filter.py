"""The technology filter above the project cards, in Chromium: choose, clear, share, reload, go back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT, build
from gzip_server import GzipServer
from playwright.sync_api import Browser, Page, expect

from portfolio import load_portfolio
from portfolio.icons import material_icons

PORTFOLIO = load_portfolio(ROOT / "data", material_icons())
PROFESSIONAL = [project for project in PORTFOLIO.projects if project.kind == "professional"]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def shown(page: Page) -> list[str]:
    """The ids of the visible cards, in page order."""
    return [card.get_attribute("data-project") for card in page.locator(".pf-card").all() if card.is_visible()]


def using(technology: str) -> list[str]:
    return [project.id for project in PROFESSIONAL if technology in project.technologies]


def chip(page: Page, name: str):
    return page.locator(".pf-chip", has_text=name)


def test_chips_count_the_projects_of_each_technology(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/")
    counts = Counter(tech for project in PROFESSIONAL for tech in project.technologies)
    expected = [f"All {len(PROFESSIONAL)}"] + [
        f"{technology.name} {counts[technology.id]}"
        for technology in PORTFOLIO.technologies.values()
        if counts[technology.id]
    ]
    texts = [
        " ".join(text.split()).replace(" projects", "").replace(" project", "")
        for text in page.locator(".pf-chip").all_inner_texts()
    ]
    assert texts == expected
    expect(chip(page, "All")).to_have_attribute("aria-pressed", "true")


def test_choosing_and_clearing_a_chip(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/")
    assert shown(page) == [project.id for project in PROFESSIONAL]
    status = page.locator(".pf-filter__status")
    expect(status).to_have_text(f"Showing all {len(PROFESSIONAL)} projects.")

    chip(page, "C++").click()
    assert shown(page) == using("cplusplus")
    expect(chip(page, "C++")).to_have_attribute("aria-pressed", "true")
    expect(chip(page, "All")).to_have_attribute("aria-pressed", "false")
    expect(status).to_have_text(f"Showing 1 of {len(PROFESSIONAL)} projects: those that use C++.")
    assert page.url.endswith("/projects/?tech=cplusplus")

    chip(page, "C++").click()  # again: cleared
    assert shown(page) == [project.id for project in PROFESSIONAL]
    assert page.url.endswith("/projects/")

    chip(page, "Elixir").click()
    chip(page, "All").click()
    assert shown(page) == [project.id for project in PROFESSIONAL]
    expect(status).to_have_attribute("role", "status")  # announced by screen readers


def test_a_shared_link_opens_filtered_and_reload_keeps_it(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/?tech=elixir")
    assert shown(page) == using("elixir")
    expect(chip(page, "Elixir")).to_have_attribute("aria-pressed", "true")
    page.reload()
    assert shown(page) == using("elixir")


def test_back_and_forward_step_through_choices(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/")
    chip(page, "Pulumi").click()
    chip(page, "Kubernetes").click()
    assert shown(page) == using("kubernetes")
    page.go_back()
    assert shown(page) == using("pulumi")
    expect(chip(page, "Pulumi")).to_have_attribute("aria-pressed", "true")
    page.go_back()
    assert shown(page) == [project.id for project in PROFESSIONAL]
    page.go_forward()
    assert shown(page) == using("pulumi")


def test_chips_are_buttons_a_keyboard_can_press(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/")
    chip(page, "AWS").focus()
    page.keyboard.press("Enter")
    assert shown(page) == using("aws")
    page.keyboard.press("Space")
    assert shown(page) == [project.id for project in PROFESSIONAL]
    assert chip(page, "AWS").evaluate("e => e.tagName") == "BUTTON"


def test_badges_lead_to_their_technology_filtered(page: Page, server: str) -> None:
    page.goto(f"{server}/")
    page.locator('.pf-card[data-project="game-backends"] a.pf-badge', has_text="F#").click()
    page.wait_for_url("**/projects/?tech=fsharp")
    assert shown(page) == using("fsharp")
    chip(page, "All").click()
    page.locator('.pf-card[data-project="bitcoin-inscription-platform"] a.pf-badge', has_text="Pulumi").click()
    assert page.url.endswith("/projects/?tech=pulumi")  # on the same page, filtered in place
    assert shown(page) == using("pulumi")


def test_without_javascript_every_card_shows_and_the_chips_only_count(browser: Browser, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/projects/?tech=elixir")
    assert shown(page) == [project.id for project in PROFESSIONAL]
    for chip in page.locator(".pf-chip").all():
        expect(chip).to_be_disabled()  # nothing to press that would do nothing
    context.close()


def test_with_javascript_the_chips_are_enabled(page: Page, server: str) -> None:
    page.goto(f"{server}/projects/")
    for chip in page.locator(".pf-chip").all():
        expect(chip).to_be_enabled()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chosen_chip_is_accessible(browser: Browser, server: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/projects/?tech=kubernetes")
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [violation["id"] for violation in violations] == []


def test_the_filter_works_with_instant_navigation(browser: Browser, project: Path) -> None:
    with GzipServer(project / "site") as server:
        config = project / "mkdocs.yml"
        text = config.read_text().replace(
            "    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n"
        )
        # Instant navigation only follows links within site_url, so the site is built for where it is served.
        config.write_text(text.replace("site_url: https://viscarra.dev/", f"site_url: {server.url}"))
        result = build(project, project / "site")
        assert result.returncode == 0, result.stderr
        page = browser.new_page()
        page.goto(server.url)
        page.evaluate("window.stillTheSameDocument = true")
        page.locator(".md-tabs__link", has_text="Projects").click()
        page.wait_for_url("**/projects/")
        expect(page.locator(".pf-filter")).to_be_visible()
        assert page.evaluate("window.stillTheSameDocument") is True  # instant navigation swapped the content
        chip(page, "C#").click()
        assert shown(page) == using("csharp")
        assert page.url.endswith("/projects/?tech=csharp")
        page.go_back()
        assert shown(page) == [project.id for project in PROFESSIONAL]
        page.close()


def test_an_icon_shown_again_draws_while_the_card_that_holds_it_is_hidden(browser: Browser, project: Path) -> None:
    data = project / "data" / "projects.yml"
    projects = yaml.safe_load(data.read_text(encoding="utf-8"))
    for record in projects:  # every project uses Kubernetes: the first card draws its icon, the others show it
        record["technologies"] = list(dict.fromkeys(["kubernetes", *record.get("technologies", [])]))
    data.write_text(yaml.safe_dump(projects, allow_unicode=True), encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with GzipServer(project / "site") as server:
        page = browser.new_page()
        page.goto(f"{server.url}projects/")
        chip(page, "C#").click()
        assert PROFESSIONAL[0].id not in shown(page)  # the card that draws the icon is hidden
        badge = page.locator(".pf-card:visible .pf-badge--kubernetes svg").first
        assert badge.locator("use").count() == 1
        size = badge.evaluate("svg => svg.getBBox().width * svg.getBBox().height")
        assert size > 0  # nothing is drawn when the reference is broken
        page.close()
