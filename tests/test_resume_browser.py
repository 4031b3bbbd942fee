"""The résumé: a page from the same data, printable on A4 and Letter, and resume.json in JSON Resume 1.0."""

from __future__ import annotations

import io
import re

import pytest
from helpers import Built, open_started
from playwright.sync_api import Browser
from pypdf import PdfReader


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_resume_prints_on_at_most_two_pages_with_nothing_but_the_resume(
    browser: Browser, server: str, built: Built, paper: str
) -> None:
    portfolio = built.portfolio
    page = browser.new_page()
    open_started(page, f"{server}/{built.resume_page}")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    page.close()
    assert len(pdf.pages) <= 2
    pages = [" ".join(page.extract_text().split()) for page in pdf.pages]
    # No job or project is split across a page break (so its heading never sits alone at a page's foot): the
    # texts that are its own are all on one page.
    items = [
        (job.id, [f"{job.position} at {job.company}", job.summary, *job.highlights]) for job in portfolio.experience
    ]
    items += [(project.id, [project.summary, *project.challenges]) for project in portfolio.projects]
    for item, parts in items:
        assert len({number for number, text in enumerate(pages) for part in parts if part and part in text}) == 1, item
    html = built.html(built.resume_page)
    for heading in re.findall(r'<h2 id="[^"]+">(.*?)</h2>', html.partition('class="pf-resume"')[2]):
        assert not any(text.endswith(heading) for text in pages[:-1]), heading  # nor a section's heading
    text = " ".join(pages)
    for project in portfolio.projects:
        assert project.title in text
    for link in portfolio.profile.links:
        assert link.url in "".join(text.split())  # link targets are written out (a line may break a long one)
    for chrome in ("Skip to content", "Search", "Made with", "Switch to", "Previous"):
        assert chrome not in text  # no navigation, header, footer, search or palette toggle
