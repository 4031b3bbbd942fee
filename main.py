"""mkdocs-macros module: load data/ once per build and register the portfolio's macros.

It leaves the data it loaded (or why it could not) in MkDocs' config for hooks.py, which does the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).parent
if str(ROOT) not in sys.path:  # mkdocs-macros runs this file by its path: make the package beside it importable
    sys.path.insert(0, str(ROOT))
try:  # an ImportError here would reach the owner as "no module main" (mkdocs-macros' #285)
    from portfolio import DataError, MacroError, Macros
    from portfolio.macros import Showcase
except ImportError as error:
    raise PluginError(f"main.py: cannot import the portfolio package: {error}") from error


def define_env(env) -> None:
    """Load and check the data, keep it for hooks.py, and register the macros."""

    def page_url(target: str) -> str:
        file = env.variables["files"].get_file_from_path(target)
        if file is None:
            raise MacroError(f"no page '{target}' to link the cards to: name a Markdown file in docs/")
        return get_relative_url(file.url, env.page.url)

    showcased: list[Showcase] = []

    def showcases() -> list[Showcase]:  # read once a build, when a page first asks
        if not showcased:
            for title, page in _nav_pages(env.conf["nav"] or []):
                source = Path(env.conf["docs_dir"]) / page
                markdown = get_data(source.read_text(encoding="utf-8"))[0] if source.is_file() else ""
                showcased.extend(Showcase.find(title, page, markdown))
        return showcased

    try:
        macros = Macros.load(
            ROOT,
            page_url=page_url,
            site_url=env.conf["site_url"],
            showcases=showcases,
            current_page=lambda: env.page.file.src_uri,
        )
    except DataError as error:  # hooks.py stops the build, or shows it on the pages while serving
        env.conf["portfolio"] = error
        for name in Macros.NAMES:
            env.macro(lambda *args, **kwargs: "", name)
        return
    env.conf["portfolio"] = macros.portfolio
    env.conf["markdown_extensions"].append(macros.markdown_extension)
    for name, macro in macros.by_name().items():
        env.macro(macro, name)


def _nav_pages(nav: list) -> list[tuple[str, str]]:
    """(title, Markdown file) of every page in mkdocs.yml's nav, in its order."""
    pages = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            pages.extend(_nav_pages(value))
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append((title or value, value))
    return pages
