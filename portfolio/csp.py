"""The Content-Security-Policy of every page: what a browser may load and run on the site."""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

# What the page template writes where the policy goes; apply_policy fills in each page's own policy.
MARKER = "pf-content-security-policy"

# Everything comes from the site itself. Material's icons are data: SVG images in its stylesheet.
# No inline script runs but the ones whose hash the page lists; no inline style, plugin, <base> or form target.
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
# Script types a browser runs; any other type (such as Material's application/json config) is data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


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


def policy(html: str, *, serving: bool = False) -> str:
    """The policy of one page: its inline scripts allowed by hash (or any inline script when serving)."""
    directives = dict(DIRECTIVES)
    sources = [SERVING] if serving else sorted({script_hash(script) for script in inline_scripts(html)})
    directives["script-src"] = " ".join([directives["script-src"], *sources])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def apply_policy(site_dir: Path, *, serving: bool = False) -> list[Path]:
    """Fill in the policy of every page of a built site that carries the marker; return those pages."""
    placeholder = f'content="{MARKER}"'
    pages = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if placeholder in html:
            page.write_text(html.replace(placeholder, f'content="{policy(html, serving=serving)}"'), encoding="utf-8")
            pages.append(page)
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
