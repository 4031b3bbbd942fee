"""Link previews: Material's social plugin draws each page's picture, in a font from a pinned package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

FAMILY = "Lato"  # the font family that layouts/card.yml names (SIL Open Font License, package font-lato)
STYLES = {"Regular": "Lato-Regular.ttf", "Bold": "Lato-Bold.ttf"}


def provide_font(config: Any) -> None:
    """Put the font where the social plugin looks before it would download one: <cache_dir>/fonts/<family>/."""
    plugin = config["plugins"].get("material/social")
    if plugin is None:
        return
    cache = Path(plugin.config.cache_dir)
    if not cache.is_absolute():  # the plugin takes it relative to mkdocs.yml, as here
        cache = Path(config["config_file_path"]).parent / cache
    folder = cache / "fonts" / FAMILY
    source = files("font_lato") / "files"
    for style, name in STYLES.items():
        font, target = (source / name).read_bytes(), folder / f"{style}.ttf"
        if not target.is_file() or target.read_bytes() != font:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(font)
