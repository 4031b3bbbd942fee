"""The link-preview pictures' font: Lato (SIL Open Font License) from the pinned font-lato package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

FAMILY = "Lato"  # the font family that layouts/card.yml names
STYLES = {"Regular": "Lato-Regular.ttf", "Bold": "Lato-Bold.ttf"}


def install(fonts: Path) -> None:
    """Put the font in fonts/<family>/<style>.ttf, where a picture-drawing cache looks before downloading one."""
    folder = fonts / FAMILY
    source = files("font_lato") / "files"
    for style, name in STYLES.items():
        font, target = (source / name).read_bytes(), folder / f"{style}.ttf"
        if not target.is_file() or target.read_bytes() != font:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(font)
