"""Material's bundled icons (.icons/<set>/<name>.svg), read once and inlined."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import material
from markupsafe import Markup


class Icons:
    """The icon sets under one folder, such as material/templates/.icons."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, name: str) -> bool:
        """Whether the icon 'set/name' is bundled."""
        return self._path(name).is_file()

    def suggest(self, name: str) -> str | None:
        """The bundled icon name closest to a missing one, if any is close."""
        head, _, tail = name.rpartition("/")
        folder = self.root / head
        candidates = [path.stem for path in folder.glob("*.svg")] if folder.is_dir() else []
        close = difflib.get_close_matches(tail, candidates, n=1)
        return f"{head}/{close[0]}" if close else None

    def svg(self, name: str) -> Markup:
        """The icon as inline SVG, hidden from screen readers (its label is beside it)."""
        return _read_svg(self._path(name))

    def _path(self, name: str) -> Path:
        return self.root / f"{name}.svg"


@cache
def _read_svg(path: Path) -> Markup:
    svg = path.read_text(encoding="utf-8").strip()
    # Trusted markup: an SVG file that ships with Material, not data.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S704


def material_icons() -> Icons:
    """The icons that ship with mkdocs-material."""
    return Icons(Path(material.__file__).parent / "templates" / ".icons")
