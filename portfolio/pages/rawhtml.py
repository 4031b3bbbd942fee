"""The HTML the macros write reaches the page as it is: Python-Markdown stashes it without parsing it again.

A block of HTML on lines of its own, between blank lines, is a raw HTML block to Markdown: md_in_html parses
it tag by tag to find where it ends, then stashes it, to be put back unchanged after the Markdown is done.
For a macro's block that parsing finds nothing new (the macros wrote the HTML, whole and balanced), yet it took
a fifth of the build of 1,000 projects. So the blocks are stashed here, just before Markdown's own raw-HTML
step (priority 20) and just after MkDocs has read their ids for checking links to anchors (its
"mkdocs_raw_html" step, 21): the page is the same, made sooner.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
# An element whose content md_in_html parses as Markdown, and whose raw HTML it writes anew (attributes sorted).
_MARKDOWN_ELEMENT = re.compile(r"<[a-zA-Z][^>]*\smarkdown\b", re.I)


class MacroHtml(Extension):
    """Keeps the blocks the macros wrote for the page being built, until Markdown stashes them."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []

    def keep(self, html: str) -> Markup:
        """The macro's HTML, noted so that Markdown takes it as it is."""
        self.blocks.append(html)
        return Markup(html)  # noqa: S704 (rendered with autoescape)

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after MkDocs has collected the page's anchors (21), before Markdown's raw-HTML blocks (20)."""
        md.preprocessors.register(_StashMacroHtml(md, self.blocks), "portfolio_macro_html", 20.5)


class _StashMacroHtml(Preprocessor):
    """Stashes each kept block that stands alone between blank lines, as Markdown's raw-HTML step would."""

    def __init__(self, md: Markdown, blocks: list[str]) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines, with each of its macros' blocks in the stash, in the order they were written."""
        blocks = list(self.blocks)
        self.blocks.clear()  # the next page has blocks of its own
        text = "\n\n" + "\n".join(lines) + "\n\n"
        found, authored, start = [], [], 0  # the blocks found, and the page's own text around them
        for block in blocks:
            tag = _FIRST_TAG.match(block)
            at = text.find(f"\n\n{block}\n\n", start) + 2 if tag and self.md.is_block_level(tag.group(1)) else 0
            if at >= 2:  # else it is not a block of its own here: Markdown reads it as it reads any HTML
                found.append(block)
                authored.append(text[start:at])
                start = at + len(block)
        authored.append(text[start:])
        if not found or any(_MARKDOWN_ELEMENT.search(piece) for piece in authored):
            return lines  # in such an element a block would come out as written, not as md_in_html rewrites it
        # As Markdown's raw-HTML step writes a block: the line break after it goes into the stash too.
        stashed = ["\n" + self.md.htmlStash.store(block + "\n") + "\n\n" for block in found]
        return "".join(map(str.__add__, authored, [*stashed, ""]))[2:-2].split("\n")
