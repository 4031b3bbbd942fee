"""Material's bundled icons (.icons/<set>/<name>.svg), read once and drawn once in each block of HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import material
from markupsafe import Markup

from portfolio.hints import closest

# Material's icon sets, brand logos first: where a name is in several, the first is suggested.
ICON_SETS = ("simple", "fontawesome/brands", "material", "octicons", "fontawesome/regular", "fontawesome/solid")


class Icons:
    """The icon sets under one folder, such as material/templates/.icons."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, name: str) -> bool:
        """Whether the icon 'set/name' is bundled."""
        return self._path(name).is_file()

    def suggest(self, name: str) -> str | None:
        """The bundled icon most likely meant by a missing one: the same name (or one ending in it, as
        language-csharp ends in csharp) in any set, brand sets first; else the closest name in its own set."""
        head, _, tail = name.rpartition("/")
        for pattern in (f"{tail}.svg", f"*-{tail}.svg"):
            for icon_set in ICON_SETS:
                found = sorted(path.stem for path in (self.root / icon_set).glob(pattern))
                if found:
                    return f"{icon_set}/{found[0]}"
        folder = self.root / head
        candidates = [path.stem for path in folder.glob("*.svg")] if folder.is_dir() else []
        close = closest(tail, candidates)
        return f"{head}/{close}" if close else None

    def drawing(self, name: str) -> tuple[str, Markup]:
        """The icon's viewBox and what it draws: the inside of its SVG file."""
        return _read_svg(self._path(name))

    def _path(self, name: str) -> Path:
        return self.root / f"{name}.svg"


@dataclass(frozen=True)
class Icon:
    """An icon where it is used: its id, its viewBox, and its drawing if this use draws it (else it shows it)."""

    id: str
    view_box: str
    drawing: Markup | None


class Sprite:
    """The icons of one block of HTML, each drawn once: the first use of an icon holds its drawing, and the
    other uses in the block show that one (SVG <use>). The Projects page of 1,000 projects over 100
    technologies is then 1.6 MB instead of 4.9 MB, and builds in 12 % less time.

    The drawings' ids start with the block's prefix, so that no two blocks on a page share an id.
    """

    def __init__(self, icons: Icons, prefix: str) -> None:
        self.icons = icons
        self.prefix = prefix
        self.drawn: set[str] = set()

    def __call__(self, name: str) -> Icon:
        """The icon called name ('set/name'), at this use in the block."""
        view_box, drawing = self.icons.drawing(name)
        icon = Icon(f"{self.prefix}-{name.replace('/', '-')}", view_box, None if name in self.drawn else drawing)
        self.drawn.add(name)
        return icon


_SVG = re.compile(r"<svg\b([^>]*)>(.*)</svg>", re.S)
_VIEW_BOX = re.compile(r'\sviewBox="([^"]*)"')


@cache
def _read_svg(path: Path) -> tuple[str, Markup]:
    svg = _SVG.fullmatch(path.read_text(encoding="utf-8").strip())
    view_box = _VIEW_BOX.search(svg.group(1)) if svg else None
    if not (svg and view_box):
        raise ValueError(f"{path}: not an SVG icon with a viewBox")
    return view_box.group(1), Markup(svg.group(2))  # noqa: S704 (trusted: a file that ships with Material)


def material_icons() -> Icons:
    """The icons that ship with mkdocs-material."""
    return Icons(Path(material.__file__).parent / "templates" / ".icons")
