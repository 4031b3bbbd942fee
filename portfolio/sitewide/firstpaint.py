"""One render-blocking stylesheet a page: the ones it links, concatenated in its order, named by their hash."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# A stylesheet link as MkDocs and Material write them (one with a media or other attribute is left alone).
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
# A url() in CSS that is relative to its stylesheet (not data:, another scheme, /path or #fragment).
_RELATIVE_URL = re.compile(r"""url\(\s*(['"]?)(?![a-z][a-z0-9+.-]*:|/|#)([^'")\s]+)\1\s*\)""", re.I)
# The bundle's name: it changes with its content, so a browser may keep it for as long as it likes.
NAME = "site.{}.css"


def one_stylesheet(site_dir: Path, site_url: str | None) -> dict[str, list[str]]:
    """Link each page of a built site to one stylesheet: those it linked in <head>, in order, in one file.

    The file is written beside the first of them, so its url()s hold; the others' relative url()s are
    rebased. A page that links a stylesheet from elsewhere, or one or none, is left as it is. Returns each
    bundle's path in the site and the paths of its parts, in order.
    """
    base = urlsplit(site_url or "").path or "/"
    bundles: dict[tuple[str, ...], str] = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        head, end, body = html.partition("</head>")
        links = _LINK.findall(head)
        url = base + page.relative_to(site_dir).as_posix()
        paths = [urljoin(url, href) for href in links]
        parts = tuple(path.removeprefix(base) for path in paths)
        if len(parts) < 2 or not all(
            path.startswith(base) and (site_dir / path.removeprefix(base)).is_file() for path in paths
        ):
            continue
        if parts not in bundles:
            bundles[parts] = _write_bundle(site_dir, parts)
        href = posixpath.join(posixpath.dirname(links[0]), posixpath.basename(bundles[parts]))  # beside the first
        page.write_text(_one_link(head, href) + end + body, encoding="utf-8")
    return {path: list(parts) for parts, path in bundles.items()}


def _one_link(head: str, href: str) -> str:
    """The head with its first stylesheet link pointing at href and the others gone."""
    links = iter([f'<link rel="stylesheet" href="{href}">'])
    return _LINK.sub(lambda _: next(links, ""), head)


def _write_bundle(site_dir: Path, parts: tuple[str, ...]) -> str:
    """Write the parts' CSS as one file beside the first part; return its path in the site."""
    folder = posixpath.dirname(parts[0])
    texts = [_rebased((site_dir / part).read_text(encoding="utf-8"), posixpath.dirname(part), folder) for part in parts]
    css = "\n".join(texts)
    path = posixpath.join(folder, NAME.format(hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]))
    (site_dir / path).write_text(css, encoding="utf-8")
    return path


def _rebased(css: str, source: str, target: str) -> str:
    """CSS from a stylesheet in folder source, with its relative url()s pointing at the same files from target."""
    if source == target:
        return css

    def rebase(found: re.Match[str]) -> str:
        path = posixpath.relpath(posixpath.normpath(posixpath.join(source, found.group(2))), target or ".")
        return f"url({found.group(1)}{path}{found.group(1)})"

    return _RELATIVE_URL.sub(rebase, css)
