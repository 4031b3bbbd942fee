"""Data is text: cross-site-scripting payloads in every text field of data/ show as written and never run, in
Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from gzip_server import GzipServer
from helpers import XSS_PAYLOADS, Built, build, csp_reports, fork_project, open_started, watch_csp
from msgspec import inspect
from playwright.sync_api import Browser, Page, expect

from portfolio.data.loader import DATA_FILES

PAYLOADS = XSS_PAYLOADS
JOINED = " ".join(PAYLOADS)
# Reports what a payload would have injected: handlers, script URLs, and elements the page has no business with.
INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const name of element.getAttributeNames()) {
      const value = (element.getAttribute(name) || "").replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
      if (name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("data:text")) {
        found.push(`${element.tagName} ${name}=${value}`);
      }
    }
  }
  return found;
}"""


TAG_COUNTS = """() => {
  const counts = {};
  for (const element of document.querySelectorAll("*")) {
    counts[element.localName] = (counts[element.localName] || 0) + 1;
  }
  return counts;
}"""


def text_fields(model: type) -> dict[str, object]:
    """The free-text fields of a record (no pattern but "not blank"): a value for each, lists and records within."""
    values: dict[str, object] = {}
    for field in inspect.type_info(model).fields:
        kind = field.type.type if isinstance(field.type, inspect.Metadata) else field.type
        if isinstance(kind, inspect.UnionType):  # an optional field
            kind = next(t for t in kind.types if not isinstance(t, inspect.NoneType))
        item = kind.item_type if isinstance(kind, inspect.ListType) else None
        if isinstance(kind, inspect.StrType) and kind.pattern == r"\S":
            values[field.name] = JOINED
        elif isinstance(item, inspect.StrType) and item.pattern == r"\S":
            values[field.name] = PAYLOADS  # one paragraph, or one item, each
        elif isinstance(item, inspect.StructType):
            values[field.name] = text_fields(item.cls)
    return values


def fill(record: dict, texts: dict[str, object]) -> dict:
    """A record with every free-text field of its model holding the payloads (ids, colours, icons and links kept)."""
    for name, value in texts.items():
        if isinstance(value, dict):
            record[name] = [fill(item, value) for item in record.get(name, [])]
        else:
            record[name] = value
    return record


def put_payloads(data: Path) -> None:
    """Every free-text field of every data file, from its model, gets the payloads (every file must be there)."""
    for name, (model, many) in DATA_FILES.items():
        path = data / f"{name}.yml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = text_fields(model)
        filled = [fill(record, texts) for record in records] if many else fill(records, texts)
        path.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fork's site (its data has every data file, the optional ones too) built strictly with the payloads in
    its data."""
    project = fork_project(tmp_path_factory.mktemp("payloads") / "project")
    put_payloads(project / "data")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    yield project / "site"
    shutil.rmtree(project)


@pytest.fixture(scope="module")
def payload_server(payload_site: Path) -> Iterator[str]:
    with GzipServer(payload_site) as server:
        yield server.url.rstrip("/")


@pytest.fixture(scope="module")
def real_counts(browser: Browser, fork_build: Built) -> dict[str, dict[str, int]]:
    """How many elements of each tag every page of the site built from the same data without the payloads has
    (the payload site has the same records)."""
    counts = {}
    with GzipServer(fork_build.site) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in fork_build.pages:
            open_started(page, server.url + path)
            counts[path] = page.evaluate(TAG_COUNTS)
        page.close()
    return counts


def text(page: Page, selector: str) -> list[str]:
    """The text of every element the selector matches, white space folded."""
    return [" ".join(found.split()) for found in page.locator(selector).all_text_contents()]


@pytest.mark.slow
@pytest.mark.parametrize("bypass_csp", [True, False], ids=["escaping-alone", "with-csp"])
def test_payloads_show_as_text_and_never_run(
    browser: Browser, fork_build: Built, real_counts: dict[str, dict[str, int]], payload_server: str, bypass_csp: bool
) -> None:
    real = fork_build.portfolio
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in fork_build.pages:
        clean = real_counts[path]
        open_started(page, f"{payload_server}/{path}")
        counts = page.evaluate(TAG_COUNTS)
        # The same elements as the real site, but for paragraphs and lists, which follow how many texts the data
        # has (one About paragraph and one challenge a payload, one group of technologies): nothing was added by
        # a payload.
        texts = ("p", "ul", "li", "dt", "dd")
        assert {tag: n for tag, n in counts.items() if tag not in texts} == {
            tag: n for tag, n in clean.items() if tag not in texts
        }
        assert page.evaluate(INJECTED) == [], path
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert bypass_csp or csp_reports(page, violations) == [], path  # with the CSP bypassed, none comes
        for title in page.locator(".md-social__link").all():
            assert title.get_attribute("title") in (JOINED, real.profile.email)
        assert "49" not in page.locator("body").inner_text(), path
        for selector in (".pf-card__title", ".pf-card__summary", ".pf-badge"):
            assert set(text(page, selector)) <= {JOINED}, (path, selector)
        assert set(text(page, ".pf-card__challenges li")) <= set(PAYLOADS), path  # one payload a challenge

    open_started(page, f"{payload_server}/")
    about = text(page, ".md-content article > p")
    assert about[: len(PAYLOADS)] == PAYLOADS  # each payload its own paragraph of plain text
    assert text(page, ".pf-intro__position") == [f"{JOINED} at {JOINED}"]  # the fork's current job
    assert text(page, ".pf-badges .pf-badge") == [JOINED] * len(real.technologies)
    open_started(page, f"{payload_server}/{fork_build.filter_page}")
    professional = [p for p in real.projects if fork_build.card_pages[p.id] == fork_build.filter_page]
    assert text(page, ".pf-card__title") == [JOINED] * len(professional)
    assert text(page, ".pf-card__summary") == [JOINED] * len(professional)
    assert text(page, ".pf-card__challenges li") == PAYLOADS * len(professional)

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("onerror", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("<img src=x onerror=alert(1)>")
    assert page.evaluate(INJECTED) == []
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert bypass_csp or csp_reports(page, violations) == []
    assert dialogs == []
    context.close()


def test_profile_text_placed_in_markdown_reads_as_written(browser: Browser, server: str, built: Built) -> None:
    profile = built.portfolio.profile
    page = browser.new_page()
    open_started(page, f"{server}/")
    # {{ profile("email") }}, twice: the contact sentence's link (not the introduction's Email button)
    link = page.locator(f'.md-content a[href="mailto:{profile.email}"]:not(.md-button)')
    expect(link).to_have_text(profile.email)
    expect(page.locator(".md-content article > p").first).to_have_text(profile.about[0])
    page.close()
