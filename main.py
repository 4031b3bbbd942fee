"""mkdocs-macros module: load data/ once per build and register the portfolio's macros.

It hands what it loaded (or why it could not) to hooks.py in a portfolio.build.Build, which does the rest.
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
    from portfolio.build import KEY, Build
    from portfolio.data import DataError, load_portfolio
    from portfolio.data.icons import material_icons
    from portfolio.pages import MacroError, Macros, Showcase
except ImportError as error:
    raise PluginError(f"main.py: cannot import the portfolio package: {error}") from error


def define_env(env) -> None:
    """Load and check the data, hand it to hooks.py, and register the macros."""
    try:
        icons = material_icons()
        portfolio = load_portfolio(ROOT / "data", icons)
    except DataError as error:  # hooks.py stops the build, or shows it on the pages while serving
        env.conf[KEY] = Build(error=error)
        for name in Macros.names():
            env.macro(lambda *args, **kwargs: "", name)
        return

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

    posts: list = []  # the blog's, which hooks.py fills in once Material's blog has read them
    macros = Macros(
        portfolio,
        ROOT / "overrides" / "fragments",
        icons,
        page_url=page_url,
        site_url=env.conf["site_url"],
        showcases=showcases,
        current_page=lambda: env.page.file.src_uri,
        posts=lambda: posts,
    )
    env.conf[KEY] = Build(portfolio=portfolio, markdown_extensions=(macros.markdown_extension,), posts=posts)
    for name, method in macros.by_name().items():
        env.macro(method, name)


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
