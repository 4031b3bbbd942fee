"""mkdocs-macros module: load data/ once per build and register the portfolio's macros.

It leaves the data it loaded (or why it could not) in MkDocs' config for hooks.py, which does the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).parent
if str(ROOT) not in sys.path:  # mkdocs-macros runs this file by its path: make the package beside it importable
    sys.path.insert(0, str(ROOT))
try:  # an ImportError here would reach the owner as "no module main" (mkdocs-macros' #285)
    from portfolio import DataError, MacroError, Macros
except ImportError as error:
    raise PluginError(f"main.py: cannot import the portfolio package: {error}") from error


def define_env(env) -> None:
    """Load and check the data, keep it for hooks.py, and register the macros."""

    def page_url(target: str) -> str:
        file = env.variables["files"].get_file_from_path(target)
        if file is None:
            raise MacroError(f"no page '{target}' to link the cards to: name a Markdown file in docs/")
        return get_relative_url(file.url, env.page.url)

    try:
        macros = Macros.load(ROOT, page_url, env.conf["site_url"])
    except DataError as error:  # hooks.py stops the build, or shows it on the pages while serving
        env.conf["portfolio"] = error
        for name in Macros.NAMES:
            env.macro(lambda *args, **kwargs: "", name)
        return
    env.conf["portfolio"] = macros.portfolio
    env.conf["markdown_extensions"].append(macros.markdown_extension)
    for name, macro in macros.by_name().items():
        env.macro(macro, name)
