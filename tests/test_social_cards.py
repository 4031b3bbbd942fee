"""Link previews: every page has a picture of its own, 1200 × 630, made offline at build time, the same every time."""

from __future__ import annotations

import hashlib
import io
import re
from html import unescape
from pathlib import Path

from helpers import Built, copy_project, meta, mkdocs, preview_pages, preview_picture, site_name_of
from PIL import Image

SIZE = (1200, 630)


def test_every_page_names_its_own_picture_with_size_and_words(built: Built) -> None:
    owner = built.portfolio.profile.name or site_name_of(built.project)
    digests = set()
    for path, html in preview_pages(built).items():
        picture = preview_picture(built, html)
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
    assert len(digests) == len(preview_pages(built))  # each page has its own


def test_picture_words_follow_the_data(built: Built) -> None:
    profile = built.portfolio.profile
    for path, html in preview_pages(built).items():
        (alt,) = meta(html, "og:image:alt")
        title = re.search(r"<title>(.*?)</title>", html).group(1).removesuffix(f" - {site_name_of(built.project)}")
        if path:  # the page's title; the home page's picture shows the headline instead
            assert f": {unescape(title)}" in alt, (path, alt)
        for text in (profile.headline, profile.location):
            assert text is None or text in alt, (path, alt)


def test_a_fresh_build_draws_the_same_bytes_offline(tmp_path: Path, own_build: Built) -> None:
    project = copy_project(tmp_path / "project")  # no cache: every picture is drawn anew
    offline = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
    result = mkdocs(project, "build", "--strict", env=offline, fresh=True)  # a download would fail at once
    assert result.returncode == 0, result.stderr
    fonts = project / ".cache" / "plugin" / "social" / "fonts"
    assert sorted(path.name for path in fonts.rglob("*.ttf")) == ["Bold.ttf", "Regular.ttf"]
    for html in preview_pages(own_build).values():
        picture = preview_picture(own_build, html)
        fresh = project / "site" / picture.relative_to(own_build.site)
        assert fresh.read_bytes() == picture.read_bytes(), picture.name
        with Image.open(io.BytesIO(fresh.read_bytes())) as image:
            assert image.size == SIZE
