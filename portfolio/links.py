"""Links written in the pages' Markdown that leave the site tell the other site nothing about this one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

LEAVING = ("noopener", "noreferrer")


def leaves_site(href: str) -> bool:
    """Whether a link goes elsewhere: it names a scheme (https:, mailto:, …) or another host (//host)."""
    parts = urlsplit(href.strip())
    return bool(parts.scheme or parts.netloc)


class _LeavingLinks(Treeprocessor):
    """Adds rel="noopener noreferrer" to every link that leaves the site."""

    def run(self, root: ET.Element) -> None:
        """Mark the page's links that leave the site."""
        for link in root.iter("a"):
            if leaves_site(link.get("href", "")):
                rel = link.get("rel", "").split()
                link.set("rel", " ".join(rel + [word for word in LEAVING if word not in rel]))


class LeavingLinks(Extension):
    """The Markdown extension: main.py adds it to the site's Markdown extensions."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after the inline links exist."""
        md.treeprocessors.register(_LeavingLinks(md), "portfolio_leaving_links", 0)
