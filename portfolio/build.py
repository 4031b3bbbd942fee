"""What main.py hands hooks.py for one build: the data it loaded (with the Markdown extension its macros
need), or why it could not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown import Extension

from portfolio.data import DataError, Portfolio
from portfolio.data.posts import PostRecord

KEY = "portfolio"  # where in MkDocs' config main.py leaves it


@dataclass(frozen=True)
class Build:
    """The data loaded for this build, or the error that stopped it; hooks.py adds the Markdown extensions, and
    fills in the blog's published posts (newest first) once Material's blog has read them, before any page."""

    portfolio: Portfolio | None = None
    error: DataError | None = None
    markdown_extensions: tuple[Extension, ...] = ()
    posts: list[PostRecord] = field(default_factory=list)

    @classmethod
    def of(cls, config: Any) -> Build:
        """The hand-off main.py left in MkDocs' config; an empty one when it left none (a build without macros)."""
        found = config.get(KEY)
        return found if isinstance(found, cls) else cls()
