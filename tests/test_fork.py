"""A fork made as README's "Make it yours" says (tests/fork/) builds into a site with none of this project's facts."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from conftest import Built

from portfolio import Portfolio

TEXT_FILES = (".html", ".json", ".xml", ".txt", ".css", ".js")


def facts(portfolio: Portfolio, site_url: str) -> dict[str, set[str]]:
    """The facts of a portfolio, as they stand in a built site's files, by what they are."""
    profile = portfolio.profile
    return {
        "domain": {urlsplit(site_url).netloc},
        "email": {profile.email},
        "link": {link.url for link in profile.links} | {p.repository for p in portfolio.projects if p.repository},
        "text": {
            *profile.about,
            *(
                text
                for text in (profile.name, profile.description, profile.projects_intro, profile.open_source_intro)
                if text
            ),
            *(project.summary for project in portfolio.projects),
            *(challenge for project in portfolio.projects for challenge in project.challenges),
        },
        "project": {f'data-project="{project.id}"' for project in portfolio.projects},
        "technology": {f"pf-badge--{technology}" for technology in portfolio.technologies},
    }


def site_text(site: Path) -> str:
    """Every text file of a built site, entities decoded."""
    return unescape(
        "\n".join(path.read_text(encoding="utf-8") for path in site.rglob("*") if path.suffix in TEXT_FILES)
    )


def test_the_fork_differs_in_every_way_that_matters(own_build: Built, fork_build: Built) -> None:
    own, fork = facts(own_build.portfolio, own_build.site_url), facts(fork_build.portfolio, fork_build.site_url)
    for kind in own:
        assert own[kind] - fork[kind], f"the fork in tests/fork/ shares every {kind} of data/: change it"
    assert not (fork_build.site / "CNAME").exists()


def test_a_fork_shows_none_of_this_projects_facts_and_all_of_its_own(own_build: Built, fork_build: Built) -> None:
    own, fork = facts(own_build.portfolio, own_build.site_url), facts(fork_build.portfolio, fork_build.site_url)
    text = site_text(fork_build.site)
    leaked = [fact for kind in own for fact in own[kind] - fork[kind] if fact in text]
    assert leaked == []
    missing = [fact for kind in fork for fact in fork[kind] if fact not in text]
    assert missing == []
