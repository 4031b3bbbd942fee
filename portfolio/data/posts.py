"""What the site knows of a blog post: the feeds, the home page and the post's JSON-LD read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PostRecord:
    """One published post."""

    title: str
    source: str  # its Markdown file, relative to docs/
    url: str  # its address, absolute
    created: datetime  # with its time zone
    updated: datetime | None
    summary: str  # plain text: its description
    categories: tuple[str, ...] = ()
