"""`mkdocs serve` as the owner lives in it: every save reloads the open page, a mistake never stops it."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import edit, mkdocs_serve, nav_pages, open_started
from playwright.sync_api import Browser, Page, expect

NEW_PROJECT = """
- id: new-project
  title: A new project
  kind: professional
  summary: Added while the server runs.
"""


CALL = re.compile(r"\{\{ project_cards\(kind=\"professional\"[^}]*\) \}\}")


def professional_page(project: Path) -> tuple[Path, str]:
    """The page of the nav that shows the professional projects: its Markdown file and its address."""
    for address in nav_pages(project):
        source = project / "docs" / (f"{address.removesuffix('/')}.md" if address else "index.md")
        if CALL.search(source.read_text(encoding="utf-8")):
            return source, address
    raise AssertionError('no page of the nav calls project_cards(kind="professional", ...)')


@pytest.fixture
def served(project: Path, tmp_path: Path) -> Iterator[str]:
    """`mkdocs serve` on a copy of the project, on a free loopback port; yields its URL."""
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as (process, url):
        yield url
        assert process.poll() is None, log.read_text()


def answers(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a loopback URL)
        return response.status


@pytest.mark.slow
def test_saves_reload_the_open_page_and_mistakes_show_on_it(browser: Browser, project: Path, served: str) -> None:
    source, address = professional_page(project)
    page: Page = browser.new_page()
    open_started(page, served + address)
    expect(page.locator(".pf-card").first).to_be_visible()
    # The page carries its policy while serving too, one that lets the live-reload script (below) run.
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy is not None
    assert "default-src 'self'" in policy
    banner = page.locator(".pf-build-error")
    expect(banner).to_have_count(0)

    projects = project / "data" / "projects.yml"
    projects.write_text(projects.read_text(encoding="utf-8") + NEW_PROJECT, encoding="utf-8")
    expect(page.locator("#new-project")).to_be_visible(timeout=20_000)

    edit(projects, "  title: A new project\n", "  title: [A new project\n")
    expect(banner).to_contain_text("data/projects.yml:", timeout=20_000)
    expect(banner).to_contain_text("YAML syntax error")
    assert answers(served) == 200

    edit(projects, "  title: [A new project\n", "  title: A renamed project\n")
    expect(page.locator("#new-project")).to_contain_text("A renamed project", timeout=20_000)
    expect(banner).to_have_count(0)

    edit(project / "overrides" / "fragments" / "card.html", 'class="card pf-card"', 'class="card pf-card pf-edited"')
    expect(page.locator('.pf-edited[data-project="new-project"]')).to_be_visible(timeout=20_000)

    heading = re.search(r"(?m)^# .+$", source.read_text(encoding="utf-8")).group(0)
    edit(source, heading, f"{heading} edited")
    expect(page.locator("h1", has_text=f"{heading[2:]} edited")).to_be_visible(timeout=20_000)

    edit(
        project / "docs" / "stylesheets" / "portfolio.css",
        ".md-typeset .pf-card__title {",
        ".md-typeset .pf-card__title {\n  letter-spacing: 3px;",
    )
    expect(page.locator("#new-project")).to_have_css("letter-spacing", "3px", timeout=20_000)

    edit(
        project / "portfolio" / "data" / "loader.py",
        "f\"unknown field '{name}' (",
        "f\"unknown field '{name}' (edited; ",
    )
    edit(projects, "  title: A renamed project\n", "  titel: A renamed project\n")
    expect(banner).to_contain_text("Invalid data:", timeout=20_000)
    expect(banner).to_contain_text("unknown field 'titel' (edited; did you mean 'title'?)")  # the package, afresh


def test_a_misused_macro_shows_on_its_page_while_serving(browser: Browser, project: Path, served: str) -> None:
    source, address = professional_page(project)
    call = CALL.search(source.read_text(encoding="utf-8")).group(0)
    page: Page = browser.new_page()
    open_started(page, served + address)
    edit(source, call, '{{ project_cards(kind="pro") }}')
    failure = page.locator(".admonition.failure")
    name = source.relative_to(project).as_posix()
    expect(failure).to_contain_text(f"{name}: MacroError: project_cards: unknown kind 'pro'", timeout=20_000)
    edit(source, '{{ project_cards(kind="pro") }}', call)
    expect(page.locator(".pf-card").first).to_be_visible(timeout=20_000)
    expect(failure).to_have_count(0)
