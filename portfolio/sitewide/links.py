"""Links written in the pages' Markdown that leave the site tell the other site nothing about this one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

LEAVING = ("noopener", "noreferrer")


def leaves_site(href: str) -> bool:
    """Whether a link opens another site: an http(s): link or one to another host (//host).

    A mailto: link opens the visitor's mail program, which is given no referrer and no window to open.
    """
    parts = urlsplit(href.strip())
    return parts.scheme in ("http", "https") or (not parts.scheme and bool(parts.netloc))


class _LeavingLinks(Treeprocessor):
    """Adds rel="noopener noreferrer" to every link that leaves the site."""

    def run(self, root: ET.Element) -> None:
        """Mark the page's links that leave the site."""
        for link in root.iter("a"):
            if leaves_site(link.get("href", "")):
                rel = link.get("rel", "").split()
                link.set("rel", " ".join(rel + [word for word in LEAVING if word not in rel]))


class LeavingLinks(Extension):
    """The Markdown extension: hooks.py adds it to the site's Markdown extensions."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after the inline links exist."""
        md.treeprocessors.register(_LeavingLinks(md), "portfolio_leaving_links", 0)


def makeExtension(**kwargs: object) -> LeavingLinks:
    """The extension by its module's name, for a build without hooks.py (the benchmark's plain twin)."""
    return LeavingLinks(**kwargs)
