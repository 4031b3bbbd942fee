"""The Content-Security-Policy of every page: what a browser may load and run on the site."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path

# What the page template writes where the policy goes; apply_policy fills in each page's own policy.
MARKER = "pf-content-security-policy"

# Everything comes from the site itself. Material's icons are data: SVG images in its stylesheet.
# No inline script runs but the theme's, by hash; no inline style, plugin, <base> or form target.
DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}
# `mkdocs serve` injects a live-reload script that differs on every request, so no hash can name it.
SERVING = "'unsafe-inline'"
# Script types a browser runs (HTML's JavaScript MIME types, and modules); any other type (such as Material's
# application/json config) is data. A script of a type missing here is still blocked, as it has no hash.
_JS = ["javascript", "ecmascript", "x-javascript", "x-ecmascript", "jscript", "livescript"]
_JS += [f"javascript1.{minor}" for minor in range(6)]
_SCRIPT_TYPES = {"", "module", *(f"{kind}/{name}" for kind in ("text", "application") for name in _JS)}
# An inline script in a theme template, a Jinja expression in it, and what such an expression may stand for.
_SCRIPT_TEMPLATE = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_VALUE = r"[\w./:-]*"
# Where a script element starts ("<script" then a space, "/" or ">"), and where HTMLParser ends one.
_SCRIPT_START = re.compile(r"<script[\s/>]", re.I)
_SCRIPT_END = re.compile(r"</\s*script\s*>", re.I)


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in this page, in page order."""
    finder = _InlineScripts()
    finder.feed(html)
    finder.close()
    return finder.scripts


def script_elements(html: str) -> list[str]:
    """The inline scripts of a page, read quickly: only from each "<script" to its end tag, the rest skipped.

    Every script that inline_scripts finds is found, but text that only looks like a script (in a comment,
    say) is taken for one, so policy() reads the whole page when any script is not the theme's.
    """
    elements, start = [], _SCRIPT_START.search(html)
    while start:
        end = _SCRIPT_END.search(html, start.end())
        stop = end.end() if end else len(html)
        elements.append(html[start.start() : stop])
        start = _SCRIPT_START.search(html, stop)
    return inline_scripts("".join(elements))


class PolicyError(Exception):
    """A page holds an inline script that no theme template writes; the message has one line per script."""


def theme_scripts(template_dirs: Iterable[Path]) -> list[re.Pattern[str]]:
    """The inline scripts of the theme's pages, as patterns: Material writes them all in partials/javascripts/.

    A Jinja expression in a script (such as Material's base URL) stands for a URL-like value: no quote,
    backslash, bracket or space, so nothing put there can leave its string.
    """
    patterns = set()
    for folder in template_dirs:
        for template in (Path(folder) / "partials" / "javascripts").glob("*.html"):
            for body in _SCRIPT_TEMPLATE.findall(template.read_text(encoding="utf-8")):
                if "{%" not in body and "{#" not in body:
                    patterns.add(_VALUE.join(re.escape(part) for part in _EXPRESSION.split(body)))
    return [re.compile(pattern) for pattern in sorted(patterns)]


def policy(html: str, allowed: Sequence[re.Pattern[str]], *, serving: bool = False) -> str:
    """The policy of one page: its theme's inline scripts allowed by hash (any inline script when serving).

    Raises PolicyError for an inline script that the theme's templates do not write: one that came from
    a page or from data would run otherwise.
    """

    def foreign_in(scripts: list[str]) -> list[str]:
        return [script for script in scripts if not any(pattern.fullmatch(script) for pattern in allowed)]

    scripts = script_elements(html)  # a large page is read in a moment, and most pages have the theme's alone
    if foreign := foreign_in(scripts):
        scripts = inline_scripts(html)  # read the whole page, as a browser would, to be sure
        foreign = foreign_in(scripts)
    if foreign and not serving:
        raise PolicyError("\n".join(f"an inline script: {script[:60]!r}" for script in foreign))
    directives = dict(DIRECTIVES)
    sources = [SERVING] if serving else sorted({script_hash(script) for script in scripts})
    directives["script-src"] = " ".join([directives["script-src"], *sources])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def apply_policy(site_dir: Path, allowed: Sequence[re.Pattern[str]], *, serving: bool = False) -> list[Path]:
    """Fill in the policy of every page of a built site that carries the marker; return those pages.

    Raises PolicyError naming each page with an inline script the theme does not write, and the script.
    """
    placeholder = f'content="{MARKER}"'
    pages, problems = [], []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if placeholder not in html:
            continue
        try:
            page.write_text(html.replace(placeholder, f'content="{policy(html, allowed, serving=serving)}"'), "utf-8")
        except PolicyError as error:
            name = page.relative_to(site_dir).as_posix()
            problems += [f"{name}: {line}" for line in str(error).splitlines()]
        pages.append(page)
    if problems:
        raise PolicyError("\n".join(problems))
    return pages


class _InlineScripts(HTMLParser):
    """Collects the text of inline scripts (script elements without src, of a script type)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Start collecting at an inline script."""
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in _SCRIPT_TYPES:
            self._text = []

    def handle_data(self, data: str) -> None:
        """Keep the raw text of the script being read (the parser may hand it over in pieces)."""
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        """Finish the script being read."""
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None
