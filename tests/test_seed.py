"""Every sentence of the owner's own words (tests/seed/portfolio-source.txt) is on the built site.

The seed is this site's source of content. A fork with other content replaces that file.
"""

from __future__ import annotations

from pathlib import Path

from conftest import page_text

SEED = Path(__file__).parent / "seed" / "portfolio-source.txt"
PAGES = ["index.html", "projects/index.html", "open-source/index.html"]
# Seed lines that the site words differently on purpose, and the parts of them it must still show.
REWORDED = {
    "I have been a professional software engineer for more than 10 years, these are some of the most "
    "interesting project I’ve worked on": [
        "I have been a professional software engineer for more than 10 years.",
        "Some of the most interesting projects I’ve worked on.",
    ],
}


def seed_lines() -> list[str]:
    """The seed's lines, bullets and trailing colons dropped."""
    lines = (" ".join(line.split()).lstrip("• ").rstrip(":") for line in SEED.read_text().splitlines())
    return [line for line in lines if line]


def test_every_line_of_the_seed_is_on_the_site(site: Path) -> None:
    text = " ".join(page_text((site / page).read_text(encoding="utf-8")) for page in PAGES)
    lines = seed_lines()
    assert len(lines) == 40
    missing = [part for line in lines for part in REWORDED.get(line, [line]) if part not in text]
    assert missing == []
