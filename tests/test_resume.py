"""The résumé: a page from the same data, printable on A4 and Letter, and resume.json in JSON Resume 1.0."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, page_text
from playwright.sync_api import Browser
from pypdf import PdfReader

from portfolio import load_portfolio
from portfolio.icons import material_icons

PORTFOLIO = load_portfolio(ROOT / "data", material_icons())
JSON_RESUME_SCHEMA = ROOT / "tests" / "node_modules" / "resume-schema" / "schema.json"


def test_resume_page_shows_every_fact_from_the_data(site: Path) -> None:
    text = page_text((site / "resume" / "index.html").read_text(encoding="utf-8"))
    profile = PORTFOLIO.profile
    assert profile.email in text
    assert all(paragraph in text for paragraph in profile.about)
    for project in PORTFOLIO.projects:
        assert project.title in text
        assert project.summary in text
        assert all(challenge in text for challenge in project.challenges)
    for technology in PORTFOLIO.technologies.values():
        assert technology.name in text
        assert technology.group in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_resume_prints_on_at_most_two_pages_with_nothing_but_the_resume(
    browser: Browser, server: str, paper: str
) -> None:
    page = browser.new_page()
    page.goto(f"{server}/resume/")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    page.close()
    assert len(pdf.pages) <= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for project in PORTFOLIO.projects:
        assert project.title in text
    assert "https://github.com/rviscarra" in text  # link targets are written out
    for chrome in ("Skip to content", "Search", "Made with", "Switch to", "Previous", "Open source Résumé"):
        assert chrome not in text  # no navigation, header, footer, search or palette toggle


def test_resume_json_is_valid_json_resume(site: Path) -> None:
    resume = json.loads((site / "resume.json").read_text(encoding="utf-8"))
    schema = json.loads(JSON_RESUME_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(resume)
    assert resume["basics"]["email"] == PORTFOLIO.profile.email
    assert resume["basics"]["profiles"] == [{"network": "GitHub", "url": "https://github.com/rviscarra"}]
    assert "name" not in resume["basics"]  # the seed gives none: nothing invented
    assert [project["name"] for project in resume["projects"]] == [project.title for project in PORTFOLIO.projects]
    assert resume["projects"][0]["highlights"] == PORTFOLIO.projects[0].challenges
    skills = {skill["name"]: skill["keywords"] for skill in resume["skills"]}
    assert sorted(name for names in skills.values() for name in names) == sorted(
        technology.name for technology in PORTFOLIO.technologies.values()
    )


def test_schema_check_catches_a_broken_resume() -> None:
    schema = json.loads(JSON_RESUME_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not validator.is_valid({"basics": {"email": "not an email"}})
    assert not validator.is_valid({"projects": [{"highlights": "not a list"}]})


def test_every_page_announces_resume_json(site: Path) -> None:
    for page in ["index.html", "projects/index.html", "resume/index.html", "404.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert 'rel="alternate" type="application/json"' in html
        href = "/resume.json" if page == "404.html" else ("resume.json" if page == "index.html" else "../resume.json")
        assert f'href="{href}"' in html, page
