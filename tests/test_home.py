"""Presentation: the home page introduces the owner with ways to act; cards use the width of wide screens."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from helpers import ROOT, Built, build, page_text, site_name_of


def actions(site: Path) -> list[str]:
    """The links of the home page's introduction, in order."""
    html = (site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="pf-intro__actions">(.*?)</div>', html, re.S)
    assert block, "no introduction on the home page"
    return re.findall(r'<a class="md-button[^"]*" href="([^"]+)"', block.group(1))


def test_introduction_names_the_owner_with_headline_location_position_and_ways_to_act(built: Built) -> None:
    profile, site = built.portfolio.profile, built.site
    html = (site / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert heading
    assert page_text(heading.group(1)).removesuffix("¶").strip() == (profile.name or site_name_of(built.project))
    intro = page_text(html.partition('class="pf-intro"')[2].partition("pf-intro__actions")[0])
    for part in (profile.headline, profile.location):
        assert part is None or part in intro
    position = re.search(r'<p class="pf-intro__position">(.*?)</p>', html)  # the jobs that go on, if any
    current = [f"{job.position} at {job.company}" for job in built.portfolio.experience if job.end is None]
    assert (page_text(position.group(1)) if position else "") == " · ".join(current)
    assert actions(site) == [built.resume_page, f"mailto:{profile.email}", *(link.url for link in profile.links)]


def test_a_name_in_the_data_heads_the_home_page_and_the_resume(project: Path) -> None:
    data = project / "data" / "profile.yml"
    profile = yaml.safe_load(data.read_text(encoding="utf-8"))
    data.write_text(yaml.safe_dump({**profile, "name": "Ada Example"}, allow_unicode=True), encoding="utf-8")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    resume = next(path for path in (project / "site").rglob("index.html") if 'class="pf-resume"' in path.read_text())
    for page in ("index.html", resume.relative_to(project / "site").as_posix()):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", (project / "site" / page).read_text(encoding="utf-8"), re.S)
        assert heading
        assert page_text(heading.group(1)).removesuffix("¶").strip() == "Ada Example", page


def test_the_readmes_screenshots_are_there_and_small() -> None:
    pictures = re.findall(r'<img src="(screenshots/[^"]+)"', (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(pictures) >= 5  # the home page at two widths in two schemes, and Projects filtered
    for picture in pictures:
        assert (ROOT / picture).stat().st_size <= 150_000, picture
