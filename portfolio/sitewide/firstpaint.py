"""One render-blocking stylesheet a page: the ones it links, concatenated in its order, without the rules that no
page of the site can use (portfolio/sitewide/purge.py), named by its hash."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from portfolio.sitewide import purge
from portfolio.sitewide.purge import Names, purged

# A stylesheet link as MkDocs and Material write them (one with a media or other attribute is left alone).
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
# A url() in CSS that is relative to its stylesheet (not data:, another scheme, /path or #fragment).
_RELATIVE_URL = re.compile(r"""url\(\s*(['"]?)(?![a-z][a-z0-9+.-]*:|/|#)([^'")\s]+)\1\s*\)""", re.I)
# A script a page runs or preloads, by a tag's src or href.
_SCRIPT = re.compile(r'<(?:script|link)\b[^>]*?\s(?:src|href)="([^"?#]+\.js)[^"]*"[^>]*>')
# The bundle's name: it changes with its content, so a browser may keep it for as long as it likes.
NAME = "site.{}.css"


def one_stylesheet(
    site_dir: Path,
    site_url: str | None,
    *,
    purge: bool = True,
    inside: Mapping[str, str] | None = None,
    cache: Path | None = None,
) -> dict[str, list[str]]:
    """Link each page of a built site to one stylesheet: those it linked in <head>, in order, in one file, without
    the rules that no page of the site can use (unless purge is false; inside: see purge.Names).

    The file is written beside the first of them, so its url()s hold; the others' relative url()s are
    rebased. A page that links a stylesheet from elsewhere, or one or none, is left as it is. The purged CSS of
    each stylesheet and set of names is kept in cache, when given, for the next build. Returns each bundle's path
    in the site and the paths of its parts, in order.
    """
    base = urlsplit(site_url or "").path or "/"
    pages: list[tuple[Path, str, str, str, tuple[str, ...]]] = []
    htmls = {page: page.read_text(encoding="utf-8") for page in sorted(site_dir.rglob("*.html"))}
    for page, html in htmls.items():
        url = base + page.relative_to(site_dir).as_posix()
        head, end, body = html.partition("</head>")
        links = _LINK.findall(head)
        paths = [urljoin(url, href) for href in links]
        parts = tuple(path.removeprefix(base) for path in paths)
        if len(parts) < 2 or not all(
            path.startswith(base) and (site_dir / path.removeprefix(base)).is_file() for path in paths
        ):
            continue
        pages.append((page, head, end + body, links[0], parts))
    names = site_names(site_dir, site_url, htmls, inside) if purge and pages else None
    bundles: dict[tuple[str, ...], str] = {}
    for page, head, rest, first, parts in pages:
        if parts not in bundles:
            bundles[parts] = _write_bundle(site_dir, parts, names, cache)
        href = posixpath.join(posixpath.dirname(first), posixpath.basename(bundles[parts]))  # beside the first
        page.write_text(_one_link(head, href) + rest, encoding="utf-8")
    return {path: list(parts) for parts, path in bundles.items()}


def site_names(
    site_dir: Path,
    site_url: str | None,
    htmls: dict[Path, str] | None = None,
    inside: Mapping[str, str] | None = None,
) -> Names:
    """What the pages of a built site name, and the scripts they run (htmls: the pages' HTML, if read already).

    Stylesheet links are left out: they name nothing that a stylesheet styles, and they change as it is linked.
    """
    base = urlsplit(site_url or "").path or "/"
    if htmls is None:
        htmls = {page: page.read_text(encoding="utf-8") for page in sorted(site_dir.rglob("*.html"))}
    scripts = set()
    for page, html in htmls.items():
        url = base + page.relative_to(site_dir).as_posix()
        scripts.update(urljoin(url, src).removeprefix(base) for src in _SCRIPT.findall(html))
    files = [site_dir / path for path in sorted(scripts)]
    pages = [_LINK.sub("", html) for html in htmls.values()]
    return Names(pages, [file.read_text(encoding="utf-8") for file in files if file.is_file()], inside)


def joined(site_dir: Path, parts: Iterable[str]) -> str:
    """The CSS of stylesheets of a site, in order, as one file beside the first would hold it."""
    parts = list(parts)
    folder = posixpath.dirname(parts[0])
    texts = [_rebased((site_dir / part).read_text(encoding="utf-8"), posixpath.dirname(part), folder) for part in parts]
    return "\n".join(texts)


def _one_link(head: str, href: str) -> str:
    """The head with its first stylesheet link pointing at href and the others gone."""
    links = iter([f'<link rel="stylesheet" href="{href}">'])
    return _LINK.sub(lambda _: next(links, ""), head)


def _write_bundle(site_dir: Path, parts: tuple[str, ...], names: Names | None, cache: Path | None) -> str:
    """Write the parts' CSS as one file beside the first part, purged when names are given; return its path."""
    css = joined(site_dir, parts)
    if names is not None:
        css = _purged(css, names, cache)
    path = posixpath.join(posixpath.dirname(parts[0]), NAME.format(hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]))
    (site_dir / path).write_text(css, encoding="utf-8")
    return path


def _purged(css: str, names: Names, cache: Path | None) -> str:
    """purged(css, names), from the cache when the last build that purged has computed it."""
    if cache is None:
        return purged(css, names)
    key = hashlib.sha256(Path(purge.__file__).read_bytes())  # a change to the purge computes it anew
    key.update(css.encode("utf-8"))
    key.update("\0".join(["", *sorted(names.words), "", *names.prefixes]).encode("utf-8"))
    kept = cache / f"purged.{key.hexdigest()[:16]}.css"
    if kept.is_file():
        return kept.read_text(encoding="utf-8")
    css = purged(css, names)
    cache.mkdir(parents=True, exist_ok=True)
    for older in cache.glob("purged.*.css"):  # one at a time: the cache stays small while serving
        older.unlink()
    kept.write_text(css, encoding="utf-8")
    return css


def _rebased(css: str, source: str, target: str) -> str:
    """CSS from a stylesheet in folder source, with its relative url()s pointing at the same files from target."""
    if source == target:
        return css

    def rebase(found: re.Match[str]) -> str:
        path = posixpath.relpath(posixpath.normpath(posixpath.join(source, found.group(2))), target or ".")
        return f"url({found.group(1)}{path}{found.group(1)})"

    return _RELATIVE_URL.sub(rebase, css)
