"""The projects the benchmark builds, each made in a folder of its own from a copy of this project."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import yaml
from helpers import build, copy_project, fork_project, write_posts

from portfolio.data.icons import material_icons
from portfolio.data.model import SLUG

HOOK = Path(__file__).with_name("capture_hook.py")
# What hooks.py writes into the site rather than docs/: the plain project has them as static files.
GENERATED = ("stylesheets/portfolio.css", "robots.txt", "resume.json", "assets/favicon.svg")
# Material's social plugin, as mkdocs.yml has it: the plain project draws the same link-preview pictures.
SOCIAL = {"social": {"cards_layout_dir": "portfolio/layouts", "cards_layout": "card"}}


def edit_config(text: str, **settings: object) -> str:
    """mkdocs.yml with top-level settings replaced by the values given, or removed when given None."""
    kept = []
    for block in re.split(r"(?m)^(?=[A-Za-z_])", text):  # a top-level setting and its indented lines
        name = block.partition(":")[0]
        if name not in settings:
            kept.append(block)
    added = {name: value for name, value in settings.items() if value is not None}
    return "".join(kept).rstrip("\n") + "\n" + (yaml.safe_dump(added, sort_keys=False) if added else "")


def real(folder: Path) -> Path:
    """A copy of this project."""
    return copy_project(folder)


def plain(folder: Path, *, material_defaults: bool = False, macros_plugin: bool = False) -> Path:
    """The real site's pages as static Markdown, built by Material alone (no macros plugin, no main.py).

    The macros' output is captured from one build of a copy of the project. With material_defaults, the
    theme and the extra CSS are Material's defaults too (no overrides, fonts from Google Fonts, no palette).
    With macros_plugin, mkdocs-macros is on, as in the real site, but has no module and no page to render:
    what the plugin costs by itself.
    """
    project = capture(folder.parent / "capture")
    captured = project / "captured"

    copy_project(folder)
    for name in ("main.py", "hooks.py", "data", "portfolio"):
        if (folder / name).is_dir():
            shutil.rmtree(folder / name)
        else:
            (folder / name).unlink()
    shutil.copytree(captured / "docs", folder / "docs", dirs_exist_ok=True)
    for page in (folder / "docs").rglob("*.md"):  # a page the real build leaves out (the blog's, with no post)
        if not (captured / "docs" / page.relative_to(folder / "docs")).exists():
            page.unlink()
    # The social plugin's layout, and its font, which hooks.py put in its cache.
    shutil.copytree(project / "portfolio" / "layouts", folder / "portfolio" / "layouts")
    fonts = Path(".cache", "plugin", "social", "fonts")
    shutil.copytree(project / fonts, folder / fonts)
    # The Markdown extension hooks.py adds (links that leave the site), as a module of its own.
    shutil.copy(project / "portfolio" / "sitewide" / "links.py", folder / "leaving_links.py")
    for name in GENERATED:
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(project / "site" / name, folder / "docs" / name)
    settings: dict[str, object] = {
        "plugins": ["search", *([{"macros": {"render_by_default": False}}] if macros_plugin else []), SOCIAL],
        "watch": None,
        "hooks": None,
        **json.loads((captured / "settings.json").read_text(encoding="utf-8")),
    }
    if material_defaults:
        settings |= {"theme": {"name": "material"}, "extra_css": None}
    config = folder / "mkdocs.yml"
    text = edit_config(config.read_text(encoding="utf-8"), **settings)
    config.write_text(
        text.replace("\nmarkdown_extensions:\n", "\nmarkdown_extensions:\n  - leaving_links\n"), encoding="utf-8"
    )
    return folder


@functools.cache
def capture(folder: Path) -> Path:
    """A copy of this project in folder, built once with the hook that captures its pages as Markdown."""
    project = copy_project(folder)
    config = project / "mkdocs.yml"
    config.write_text(edit_config(config.read_text(encoding="utf-8"), hooks=["hooks.py", str(HOOK)]), encoding="utf-8")
    result = build(project, project / "site")
    if result.returncode:
        raise RuntimeError(f"the build that captures the pages failed:\n{result.stderr}")
    return project


def generated(folder: Path, projects: int, technologies: int = 100) -> Path:
    """A copy of this project whose data holds generated projects over technologies with Material's icons.

    All but the last project are professional, on the Projects page; the last is open source, so that the Open
    source page has a card; the first four are featured.
    """
    icons = sorted(path.stem for path in (material_icons().root / "simple").glob("*.svg") if re.match(SLUG, path.stem))
    chosen = icons[:: len(icons) // technologies][:technologies]
    records = [
        {"id": name, "name": name.title(), "icon": f"simple/{name}", "colour": f"#{index * 0x9E3779 % 0xFFFFFF:06X}"}
        for index, name in enumerate(chosen)
    ]
    cards = [
        {
            "id": f"project-{number}",
            "title": f"Project {number}",
            "kind": "open-source" if number == projects - 1 else "professional",
            "featured": number < 4,
            "summary": f"Generated project number {number}, with three technologies and three challenges.",
            "technologies": [chosen[(number + offset) % technologies] for offset in (0, 33, 67)],
            "challenges": [f"Challenge {challenge} of project {number}." for challenge in (1, 2, 3)],
            "repository": f"https://example.com/project-{number}",
        }
        for number in range(projects)
    ]
    copy_project(folder)
    for name, data in (("technologies", records), ("projects", cards)):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (folder / "data" / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def blog(folder: Path) -> Path:
    """The tests' made-up fork (tests/fork/): a portfolio with a blog of real posts, which this site has not."""
    return fork_project(folder)


def posts(folder: Path, count: int) -> Path:
    """A copy of this project with generated blog posts (tests/helpers.py, write_posts)."""
    write_posts(copy_project(folder), count)
    return folder
