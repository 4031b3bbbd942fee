"""The original owner's exact content: every sentence of their own words (portfolio-source.txt) is on their
site, and the facts only they have. A fork deletes this folder (README, "Make it yours").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import Built, facts, page_text

SEED = Path(__file__).parent / "portfolio-source.txt"
PAGES = ["index.html", "projects/index.html", "open-source/index.html"]
# Seed lines that the site words differently on purpose, and the parts of them it must still show.
REWORDED = {
    "I have been a professional software engineer for more than 10 years, these are some of the most "
    "interesting project I’ve worked on": [
        "I have been a professional software engineer for more than 10 years.",
        "Some of the most interesting projects I’ve worked on.",
    ],
}
# Words of the original owner that no fork's site may show.
OWNER_WORDS = ["Salvadoran", "viscarra", "Game backends", "WebRTC", "Taproot", "Canada"]


def seed_lines() -> list[str]:
    """The seed's lines, bullets and trailing colons dropped."""
    lines = (" ".join(line.split()).lstrip("• ").rstrip(":") for line in SEED.read_text().splitlines())
    return [line for line in lines if line]


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_every_line_of_the_seed_is_on_the_site(own_build: Built) -> None:
    text = " ".join(page_text(read(own_build.site, page)) for page in PAGES)
    lines = seed_lines()
    assert len(lines) == 40
    missing = [part for line in lines for part in REWORDED.get(line, [line]) if part not in text]
    assert missing == []


def test_the_owner_is_published_at_their_domain(own_build: Built) -> None:
    assert own_build.site_url == "https://viscarra.dev/"
    assert read(own_build.site, "CNAME").strip() == "viscarra.dev"
    home = read(own_build.site, "index.html")
    assert 'href="mailto:hello@viscarra.dev"' in home
    assert 'href="https://github.com/rviscarra"' in home


def test_nothing_is_invented_where_the_seed_says_nothing(own_build: Built) -> None:
    profile = own_build.portfolio.profile
    assert profile.name is None  # the seed gives no name
    assert (profile.headline, profile.location) == ("Software engineer", "Canada")
    resume = json.loads(read(own_build.site, "resume.json"))
    assert "name" not in resume["basics"]
    assert resume["basics"]["label"] == "Software engineer"
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', read(own_build.site, "index.html"))
    assert block
    person = next(item for item in json.loads(block.group(1))["@graph"] if item["@type"] == "Person")
    assert "name" not in person
    assert person["homeLocation"] == {"@type": "Place", "name": "Canada"}
    assert '<h1 id="resume">Résumé</h1>' in read(own_build.site, "resume/index.html")


def test_brand_icons_missing_from_simple_icons_are_chosen_on_purpose(own_build: Built) -> None:
    icons = {tech.id: tech.icon for tech in own_build.portfolio.technologies.values()}
    assert icons["csharp"] == "material/language-csharp"
    assert icons["aws"] == "fontawesome/brands/aws"


def test_a_fork_shows_none_of_the_owners_words(fork_build: Built) -> None:
    for path in fork_build.site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            found = [word for word in OWNER_WORDS if word.lower() in text.lower()]
            assert found == [], path


def test_the_made_up_fork_differs_from_the_owner_in_every_way_that_matters(own_build: Built, fork_build: Built) -> None:
    own, fork = facts(own_build.portfolio, own_build.site_url), facts(fork_build.portfolio, fork_build.site_url)
    assert {kind: own[kind] & fork[kind] for kind in own} == {kind: set() for kind in own}
    mine, theirs = own_build.portfolio, fork_build.portfolio
    assert set(theirs.technologies).isdisjoint(mine.technologies)  # other technologies, no C++
    assert "LinkedIn" in [link.name for link in theirs.profile.links]
    assert [project.featured for project in theirs.projects].count(True) == 1
    assert len(fork_build.kind("open-source")) == 2
    assert len(fork_build.kind("professional")) != len(own_build.kind("professional"))
