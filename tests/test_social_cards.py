"""Link previews: every page has a picture of its own, 1200 × 630, made offline at build time, the same every time."""

from __future__ import annotations

import hashlib
import io
import re
from html import unescape
from pathlib import Path

from helpers import Built, copy_project, mkdocs, site_name_of
from PIL import Image
from playwright.sync_api import Browser

SIZE = (1200, 630)


def meta(html: str, name: str) -> list[str]:
    """The contents of the page's meta tags of that property or name."""
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, html)]


def pages(built: Built) -> dict[str, str]:
    """Every page of the site's sitemap (404.html is not one: it has no picture), by path."""
    paths = [path for path in built.pages if path != "404.html"]
    return {path: (built.site / path / "index.html").read_text(encoding="utf-8") for path in paths}


def card(built: Built, html: str) -> Path:
    """The picture a page names in og:image, in the built site."""
    (url,) = meta(html, "og:image")
    assert url.startswith(built.site_url), url
    return built.site / url.removeprefix(built.site_url)


def test_every_page_names_its_own_picture_with_size_and_words(built: Built) -> None:
    owner = built.portfolio.profile.name or site_name_of(built.project)
    digests = set()
    for path, html in pages(built).items():
        picture = card(built, html)
        assert picture.is_file(), path
        assert meta(html, "og:image:type") == ["image/png"]
        assert meta(html, "og:image:width") == [str(SIZE[0])]
        assert meta(html, "og:image:height") == [str(SIZE[1])]
        assert meta(html, "twitter:card") == ["summary_large_image"]
        assert meta(html, "twitter:image") == meta(html, "og:image")
        (alt,) = meta(html, "og:image:alt")
        assert alt.startswith(f"{owner}: "), (path, alt)
        assert meta(html, "twitter:image:alt") == [alt]
        for tag in ("og:title", "og:description", "og:url", "twitter:title", "twitter:description"):
            assert len(meta(html, tag)) == 1, (path, tag)  # the plugin adds none of the page's own tags
        with Image.open(picture) as image:
            assert image.format == "PNG"
            assert image.size == SIZE
        digests.add(hashlib.sha256(picture.read_bytes()).hexdigest())
    assert len(digests) == len(pages(built))  # each page has its own


def test_picture_words_follow_the_data(built: Built) -> None:
    profile = built.portfolio.profile
    for path, html in pages(built).items():
        (alt,) = meta(html, "og:image:alt")
        title = re.search(r"<title>(.*?)</title>", html).group(1).removesuffix(f" - {site_name_of(built.project)}")
        if path:  # the page's title; the home page's picture shows the headline instead
            assert f": {unescape(title)}" in alt, (path, alt)
        for text in (profile.headline, profile.location):
            assert text is None or text in alt, (path, alt)


def test_pictures_are_in_the_sites_primary_colour(browser: Browser, server: str, built: Built) -> None:
    page = browser.new_page()
    page.goto(f"{server}/")
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    page.close()
    primary = tuple(int(part) for part in re.findall(r"\d+", header)[:3])
    for html in pages(built).values():
        with Image.open(card(built, html)) as image:
            assert image.convert("RGB").getpixel((8, 8)) == primary


def test_a_fresh_build_draws_the_same_bytes_offline(tmp_path: Path, own_build: Built) -> None:
    project = copy_project(tmp_path / "project")  # no cache: every picture is drawn anew
    offline = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
    result = mkdocs(project, "build", "--strict", env=offline)  # a download would fail at once
    assert result.returncode == 0, result.stderr
    fonts = project / ".cache" / "plugin" / "social" / "fonts"
    assert sorted(path.name for path in fonts.rglob("*.ttf")) == ["Bold.ttf", "Regular.ttf"]
    for html in pages(own_build).values():
        picture = card(own_build, html)
        fresh = project / "site" / picture.relative_to(own_build.site)
        assert fresh.read_bytes() == picture.read_bytes(), picture.name
        with Image.open(io.BytesIO(fresh.read_bytes())) as image:
            assert image.size == SIZE
