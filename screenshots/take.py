"""`make screenshots`: the README's pictures of the site, taken from a strict build with the tests' Chromium."""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from portfolio.data import load_portfolio
from portfolio.data.icons import material_icons

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from gzip_server import GzipServer  # tests/ holds the helpers the tests use too
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build, open_settled

FOLDER = Path(__file__).resolve().parent
PHONE, LAPTOP = {"width": 375, "height": 800}, {"width": 1280, "height": 800}
# (file name, page, viewport, colour scheme): the home page at both widths in both schemes, and Projects filtered.
SHOTS = [
    ("home-phone-light", "", PHONE, "light"),
    ("home-phone-dark", "", PHONE, "dark"),
    ("home-laptop-light", "", LAPTOP, "light"),
    ("home-laptop-dark", "", LAPTOP, "dark"),
    ("projects-filtered", "projects/", LAPTOP, "light"),
]


def save(png: bytes, path: Path, width: int) -> int:
    """Write a screenshot as a small WebP, scaled to width; return its size in bytes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    image.save(path, "WEBP", quality=80, method=6)
    return path.stat().st_size


def main() -> None:
    """Build the site, serve it on a loopback port, and save each shot in screenshots/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=960, help="the widest a picture is saved (default 960)")
    args = parser.parse_args()
    # The first technology that more than one project uses: the filter then shows a choice, not everything.
    portfolio = load_portfolio(ROOT / "data", material_icons())
    professional = [project for project in portfolio.projects if project.kind == "professional"]
    chosen = next(iter(professional[0].technologies), None) if professional else None
    with tempfile.TemporaryDirectory(prefix="screenshots-") as temp:
        result = build(ROOT, Path(temp) / "site")
        if result.returncode:
            raise SystemExit(result.stderr)
        with GzipServer(Path(temp) / "site") as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, viewport, scheme in SHOTS:
                context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
                page = context.new_page()
                query = f"?tech={chosen}" if path == "projects/" and chosen else ""
                open_settled(page, f"{server.url}{path}{query}")  # Material started, nothing in flight
                size = save(page.screenshot(), FOLDER / f"{name}.webp", args.width)
                print(f"screenshots/{name}.webp: {viewport['width']} × {viewport['height']} px, {size:,} bytes")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
