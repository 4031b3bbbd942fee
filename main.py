"""mkdocs-macros module: load data/ once per build and register the portfolio's macros."""

from __future__ import annotations

import html
import json
import logging
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).parent
STYLESHEET = "stylesheets/portfolio.css"  # in docs/, and in the site with the badge colours added
RESUME = "resume.json"  # the résumé in the JSON Resume format, announced by every page
LOG = get_plugin_logger("portfolio")

# Import the package fresh on every build, so `mkdocs serve` picks up edits to it, and turn an
# ImportError into a build error: mkdocs-macros would swallow it as "no module main" (its #285).
sys.path.insert(0, str(ROOT))
for name in [name for name in sys.modules if name.partition(".")[0] == "portfolio"]:
    del sys.modules[name]
try:
    from portfolio import DataError, MacroError, Site, csp, firstpaint
    from portfolio.links import LeavingLinks
    from portfolio.rawhtml import MacroHtml
except ImportError as error:
    raise PluginError(f"main.py: cannot import the portfolio package: {error}") from error

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# How mkdocs-macros reports a failed page (it writes the error into the page instead of failing).
_FAILED_PAGE = re.compile(r"\A# _Macro (Rendering|Syntax) Error_")
_ERROR_LINE = re.compile(r"^_(?!File_)(\w+)_: (.*)$|^_Line (\d+) in Markdown file:_ \*\*(.*)\*\*$", re.M)
# It also logs that page, traceback included; on_post_page_macros reports the error in one line instead.
_MACROS_LOG = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")


def _not_a_failed_page(record: logging.LogRecord) -> bool:
    return "# _Macro " not in record.getMessage()


if not any(getattr(log_filter, "__name__", "") == _not_a_failed_page.__name__ for log_filter in _MACROS_LOG.filters):
    _MACROS_LOG.addFilter(_not_a_failed_page)


def define_env(env) -> None:
    """Load and check the data, register the macros and the footer links."""
    env.variables["serving_again"] = _serving_again(env.conf)
    env.variables["portfolio_stylesheet"] = ""
    env.variables["json_resume"] = {}
    env.conf["extra"]["content_security_policy"] = csp.MARKER
    if not any(isinstance(extension, LeavingLinks) for extension in env.conf["markdown_extensions"]):
        env.conf["markdown_extensions"].append(LeavingLinks())

    def page_url(target: str) -> str:
        file = env.variables["files"].get_file_from_path(target)
        if file is None:
            raise MacroError(f"no page '{target}' to link the cards to: name a Markdown file in docs/")
        return get_relative_url(file.url, env.page.url)

    try:
        site = Site.load(ROOT, page_url, env.conf["site_url"])
    except DataError as error:
        if not env.variables["serving_again"]:
            raise PluginError(f"invalid data, nothing was built:\n{error}") from None
        LOG.error(f"invalid data, the pages show it until it is fixed:\n{error}")
        env.conf["extra"]["build_error"] = f"Invalid data:\n{error}"
        for name in Site.MACROS:
            env.macro(lambda *args, **kwargs: "", name)
        return
    extensions = env.conf["markdown_extensions"]
    extensions[:] = [extension for extension in extensions if not isinstance(extension, MacroHtml)]
    extensions.append(site.markdown_extension)
    for name, macro in site.macros().items():
        env.macro(macro, name)
    env.conf["extra"]["social"] = site.social()
    env.conf["extra"]["structured_data"] = site.structured_data()
    env.variables["portfolio_stylesheet"] = site.stylesheet()
    env.variables["json_resume"] = site.json_resume()


def on_pre_page_macros(env) -> None:
    """Fail on front matter that is not YAML: MkDocs would silently show it as text and skip the macros."""
    front_matter = _FRONT_MATTER.match(env.markdown)
    if not front_matter or env.page.meta:
        return
    try:
        yaml.safe_load(front_matter.group(1))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else 1
        _report(
            env, f"{_source(env)}:{line}", f"front matter is not valid YAML: {error.problem} (quote values with ': ')"
        )


def on_post_page_macros(env) -> None:
    """Fail the build when a macro failed on this page, naming the page and the error."""
    if not _FAILED_PAGE.match(env.markdown):
        return
    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    front_matter = source.count("\n") - env.page.markdown.count("\n")  # lines before the body
    found = _ERROR_LINE.search(env.markdown)
    location, detail = _source(env), "macro error"
    if found and found.group(3):
        location, detail = f"{location}:{int(found.group(3)) + front_matter}", found.group(4)
    elif found:
        detail = f"{found.group(1)}: {found.group(2)}"
    _report(env, location, detail)


def _source(env) -> str:
    """The page's Markdown file, relative to the project."""
    return Path(env.page.file.abs_src_path).relative_to(ROOT).as_posix()


def _report(env, location: str, detail: str) -> None:
    """Fail the build; while serving, log it and show it in place of the page instead."""
    if not env.variables["serving_again"]:
        raise PluginError(f"{location}: {detail}")
    LOG.error(f"{location}: {detail}")
    env.markdown = f'!!! failure "This page failed to build"\n\n    {html.escape(f"{location}: {detail}")}\n'


def on_post_build(env) -> None:
    """Add the badge colours to the site's stylesheet (one request, not two), write robots.txt and resume.json,
    and give every page its Content-Security-Policy."""
    site_dir = Path(env.conf["site_dir"])
    stylesheet = (Path(env.conf["docs_dir"]) / STYLESHEET).read_text(encoding="utf-8")
    (site_dir / STYLESHEET).write_text(stylesheet + env.variables["portfolio_stylesheet"], encoding="utf-8")
    firstpaint.one_stylesheet(site_dir, env.conf["site_url"])
    robots = f"User-agent: *\nAllow: /\nSitemap: {env.conf['site_url']}sitemap.xml\n"
    (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
    resume = json.dumps(env.variables["json_resume"], indent=2, ensure_ascii=False) + "\n"
    (site_dir / RESUME).write_text(resume, encoding="utf-8")
    scripts = csp.theme_scripts(Path(folder) for folder in env.conf["theme"].dirs)
    try:
        csp.apply_policy(site_dir, scripts, serving=_serving(env.conf))
    except csp.PolicyError as error:
        raise PluginError(
            "the Content-Security-Policy runs only the theme's inline scripts: put a script in a file under"
            f" docs/javascripts/ and list it under extra_javascript in mkdocs.yml instead\n{error}"
        ) from None


def _serving(config) -> bool:
    """Whether this build is for `mkdocs serve`: site_url at its own address, a temporary mkdocs_* folder.

    Never true for `mkdocs build` or `gh-deploy`, so a published page never gets the policy for serving.
    """
    host, port = config["dev_addr"]
    site_dir = Path(config["site_dir"])
    return (
        urlsplit(config["site_url"] or "").netloc == f"{host}:{port}"
        and site_dir.name.startswith("mkdocs_")
        and site_dir.parent == Path(tempfile.gettempdir())
    )


def _serving_again(config) -> bool:
    """Whether this is a rebuild under `mkdocs serve`: its errors go on the pages, the server stays up.

    Its site folder holds the last good build. A first build, and every `mkdocs build` or `gh-deploy`, fails.
    """
    return _serving(config) and (Path(config["site_dir"]) / "index.html").is_file()
