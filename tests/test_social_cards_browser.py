"""Link previews: every page has a picture of its own, 1200 × 630, made offline at build time, the same every time."""

from __future__ import annotations

import re

from helpers import Built, open_started, preview_pages, preview_picture
from PIL import Image
from playwright.sync_api import Browser


def test_pictures_are_in_the_sites_primary_colour(browser: Browser, server: str, built: Built) -> None:
    page = browser.new_page()
    open_started(page, f"{server}/")
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    page.close()
    primary = tuple(int(part) for part in re.findall(r"\d+", header)[:3])
    for html in preview_pages(built).values():
        with Image.open(preview_picture(built, html)) as image:
            assert image.convert("RGB").getpixel((8, 8)) == primary
