"""MkDocs hook for the benchmark: save each page's Markdown as the macros left it, in captured/ beside mkdocs.yml.

It runs after the macros plugin (hooks come after plugins), so a page saved here is plain Markdown that
Material builds into the same HTML without mkdocs-macros. `settings.json` keeps the settings that hooks.py
fills in from the data (`extra`, with the footer's links, and `site_description`).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_MARKDOWN: dict[str, str] = {}  # each page's Markdown as the macros left it, until its front matter is complete


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the page's Markdown as the macros left it."""
    _MARKDOWN[page.file.src_uri] = markdown
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Write the page with its front matter as hooks.py completed it (`render_macros` stays, inert, so the HTML
    is the same)."""
    front_matter = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
    path = _captured(config) / "docs" / page.file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter + _MARKDOWN.pop(page.file.src_uri), encoding="utf-8")
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """Write the settings that hooks.py fills in, as it left them."""
    settings = {"extra": dict(config["extra"]), "site_description": config["site_description"]}
    _captured(config).joinpath("settings.json").write_text(json.dumps(settings), encoding="utf-8")


def _captured(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "captured"
