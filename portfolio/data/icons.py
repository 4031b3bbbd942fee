"""Material's bundled icons (.icons/<set>/<name>.svg): which exist, which one a typo meant, and what each draws."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material
from markupsafe import Markup

from portfolio.data.hints import closest

# Material's icon sets, brand logos first: where a name is in several, the first is suggested.
ICON_SETS = ("simple", "fontawesome/brands", "material", "octicons", "fontawesome/regular", "fontawesome/solid")


class Icons:
    """The icon sets under one folder, such as material/templates/.icons."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, name: str) -> bool:
        """Whether the icon 'set/name' is bundled."""
        return self._path(name).is_file()

    def suggest(self, name: str) -> list[str]:
        """Up to three bundled icons a missing one may mean, likeliest first: the same name in another set, brand
        sets first, alone; else names of its own set that hold it (apachekafka holds kafka), shortest first; a
        name ending in it in another set (language-csharp ends in csharp); names of its own set that hold it
        less a typo (kafkaa); then the closest names of its own set."""
        head, _, tail = name.rpartition("/")
        same = [f"{icon_set}/{tail}" for icon_set in ICON_SETS if tail in self._names(icon_set)]
        if same:  # surely the one meant
            return same[:1]
        own = self._names(head)
        typos = {tail[:i] + tail[i + 1 :] for i in range(len(tail))} if len(tail) > 3 else set()
        ranked = [
            *(f"{head}/{stem}" for stem in sorted((s for s in own if tail in s), key=len)),
            *(
                f"{icon_set}/{stem}"
                for icon_set in ICON_SETS
                for stem in self._names(icon_set)
                if stem.endswith(f"-{tail}")
            ),
            *(f"{head}/{stem}" for stem in sorted((s for s in own if any(t in s for t in typos)), key=len)),
            *(f"{head}/{stem}" for stem in closest(tail, own, 3, cutoff=0.8)),
        ]
        return list(dict.fromkeys(ranked))[:3]

    def _names(self, icon_set: str) -> list[str]:
        """The names of a set's icons, sorted (none for a set that is not bundled)."""
        return _names(self.root / icon_set)

    def drawing(self, name: str) -> tuple[str, Markup]:
        """The icon's viewBox and what it draws: the inside of its SVG file."""
        return _read_svg(self._path(name))

    def _path(self, name: str) -> Path:
        return self.root / f"{name}.svg"


_SVG = re.compile(r"<svg\b([^>]*)>(.*)</svg>", re.S)
_VIEW_BOX = re.compile(r'\sviewBox="([^"]*)"')


@cache
def _names(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.svg")) if folder.is_dir() else []


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
