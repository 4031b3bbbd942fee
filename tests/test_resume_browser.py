"""The résumé: a page from the same data, printable on A4 and Letter, and resume.json in JSON Resume 1.0."""

from __future__ import annotations

import io

import pytest
from helpers import Built
from playwright.sync_api import Browser
from pypdf import PdfReader


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_resume_prints_on_at_most_two_pages_with_nothing_but_the_resume(
    browser: Browser, server: str, built: Built, paper: str
) -> None:
    portfolio = built.portfolio
    page = browser.new_page()
    page.goto(f"{server}/{built.resume_page}")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    page.close()
    assert len(pdf.pages) <= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for project in portfolio.projects:
        assert project.title in text
    for link in portfolio.profile.links:
        assert link.url in "".join(text.split())  # link targets are written out (a line may break a long one)
    for chrome in ("Skip to content", "Search", "Made with", "Switch to", "Previous"):
        assert chrome not in text  # no navigation, header, footer, search or palette toggle
