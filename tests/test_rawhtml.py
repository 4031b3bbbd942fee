"""The macros' HTML goes to Markdown already stashed (portfolio/rawhtml.py), and the page comes out the same."""

from __future__ import annotations

import functools

import markdown
import msgspec
import pytest
from helpers import ROOT, macros_of
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from portfolio.pages.rawhtml import MacroHtml

# Where a page may put a macro's block ({0}), and whether it stands alone there, between blank lines.
PLACES = {
    "alone": ("{0}", True),
    "between paragraphs": ("# Title\n\nIntro.\n\n{0}\n\nMore *text*.\n", True),
    "twice in a row": ("Intro.\n\n{0}\n\n{0}\n\nEnd.", True),
    "after a list": ("- one\n- two\n\n{0}\n\n1. three", True),
    "in a markdown div": ('<div class="x" markdown>\n\n{0}\n\n</div>\n\nAfter.', False),  # md_in_html rewrites it
    "after an admonition": ('!!! note "Note"\n\n    Text.\n\n{0}', True),
    "in a sentence": ("Here: {0} and more.", False),
    "without blank lines": ("Intro.\n{0}\nMore.", False),
    "in fenced code": ("```html\n{0}\n```", False),
}


@functools.cache
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


@functools.cache
def blocks() -> dict[str, str]:
    """The blocks the macros write for the real data."""
    macros = macros_of(ROOT, page_url=lambda page: f"../{page}")
    first, *others = macros.portfolio.projects  # featured here, whatever the data says: the short cards need one
    macros.portfolio = msgspec.structs.replace(
        macros.portfolio, projects=[msgspec.structs.replace(first, featured=True), *others]
    )
    first = first.id
    return {
        "cards with a filter": macros.project_cards(filter=True),
        "short cards": macros.project_cards(featured=True, details="projects.md", level=3),
        "one card": macros.project_card(first),
        "badges": macros.tech_badges(),
        "résumé": macros.resume(),
    }


def converter(*blocks: str) -> markdown.Markdown:
    """Markdown with the site's extensions; given blocks, the macros' extension too, holding them."""
    extension = MacroHtml()
    for block in blocks:
        extension.keep(block)
    extensions = [*config().markdown_extensions, *([extension] if blocks else [])]
    return markdown.Markdown(extensions=extensions, extension_configs=config().mdx_configs)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", ["cards with a filter", "short cards", "one card", "badges", "résumé"])
def test_a_stashed_block_makes_the_same_page(name: str, place: str) -> None:
    template, alone = PLACES[place]
    block = blocks()[name]
    page = template.format(block)
    times = page.count(block)
    stasher = converter(*[block] * times).preprocessors["portfolio_macro_html"]
    lines = stasher.run(page.split("\n"))
    assert ("\n".join(lines).count(block) == 0) is alone  # stashed, whole, where it stands alone
    assert converter(*[block] * times).convert(page) == converter().convert(page)


def test_only_blocks_kept_for_the_page_are_stashed() -> None:
    block = blocks()["one card"]
    other = converter(blocks()["badges"]).preprocessors["portfolio_macro_html"]
    assert other.run(["Intro.", "", *block.split("\n")]) == ["Intro.", "", *block.split("\n")]
    kept = converter(block).preprocessors["portfolio_macro_html"]
    assert block not in "\n".join(kept.run(["Intro.", "", *block.split("\n")]))
    assert block in "\n".join(kept.run(["Intro.", "", *block.split("\n")]))  # the next page keeps its own
