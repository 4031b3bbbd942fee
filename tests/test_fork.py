"""A fork made as README's "Make it yours" says (tests/fork/) builds into a site with none of this project's facts."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from helpers import Built, facts

TEXT_FILES = (".html", ".json", ".xml", ".txt", ".css", ".js")


def site_text(site: Path) -> str:
    """Every text file of a built site, entities decoded."""
    return unescape(
        "\n".join(path.read_text(encoding="utf-8") for path in site.rglob("*") if path.suffix in TEXT_FILES)
    )


def test_a_fork_shows_none_of_this_projects_facts_and_all_of_its_own(own_build: Built, fork_build: Built) -> None:
    own, fork = facts(own_build.portfolio, own_build.site_url), facts(fork_build.portfolio, fork_build.site_url)
    text = site_text(fork_build.site)
    leaked = [fact for kind in own for fact in own[kind] - fork[kind] if fact in text]
    assert leaked == []
    missing = [fact for kind in fork for fact in fork[kind] if fact not in text]
    assert missing == []
