"""The résumé: a page from the same data, printable on A4 and Letter, and resume.json in JSON Resume 1.0."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import jsonschema
from helpers import ROOT, Built, page_text

from portfolio.data import Portfolio

JSON_RESUME_SCHEMA = ROOT / "tests" / "node_modules" / "resume-schema" / "schema.json"


def test_resume_page_shows_every_fact_from_the_data(site: Path, portfolio: Portfolio) -> None:
    html = (site / "resume" / "index.html").read_text(encoding="utf-8")
    text = page_text(html)
    profile = portfolio.profile
    assert f'<h1 id="resume">{escape(profile.name or "Résumé")}</h1>' in html  # the name, when the data has one
    for field in (profile.headline, profile.location):
        assert field is None or field in text
    assert profile.email in text
    assert all(paragraph in text for paragraph in profile.about)
    for project in portfolio.projects:
        assert project.title in text
        assert project.summary in text
        assert all(challenge in text for challenge in project.challenges)
    for technology in portfolio.technologies.values():
        assert technology.name in text
        assert (technology.group or "Other") in text


def test_resume_json_is_valid_json_resume(site: Path, site_url: str, portfolio: Portfolio) -> None:
    resume = json.loads((site / "resume.json").read_text(encoding="utf-8"))
    schema = json.loads(JSON_RESUME_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(resume)
    profile = portfolio.profile
    assert resume["basics"]["email"] == profile.email
    assert resume["basics"]["url"] == site_url
    assert resume["basics"]["profiles"] == [{"network": link.name, "url": link.url} for link in profile.links]
    assert resume["basics"].get("name") == profile.name  # none when the data has none: nothing invented
    assert resume["basics"].get("label") == profile.headline
    assert [project["name"] for project in resume["projects"]] == [project.title for project in portfolio.projects]
    assert [project.get("highlights", []) for project in resume["projects"]] == [
        project.challenges for project in portfolio.projects
    ]
    skills = {skill["name"]: skill["keywords"] for skill in resume["skills"]}
    assert sorted(name for names in skills.values() for name in names) == sorted(
        technology.name for technology in portfolio.technologies.values()
    )


def test_schema_check_catches_a_broken_resume() -> None:
    schema = json.loads(JSON_RESUME_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not validator.is_valid({"basics": {"email": "not an email"}})
    assert not validator.is_valid({"projects": [{"highlights": "not a list"}]})


def test_every_page_announces_resume_json(built: Built) -> None:
    for page in built.pages:
        html = built.html(page)
        assert 'rel="alternate" type="application/json"' in html
        href = "/resume.json" if page == "404.html" else "../" * page.count("/") + "resume.json"
        assert f'href="{href}"' in html, page
