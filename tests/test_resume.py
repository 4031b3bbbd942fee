"""The résumé: a page from the same data, printable on A4 and Letter, and resume.json in JSON Resume 1.0."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import jsonschema
from helpers import ROOT, Built, page_text

from portfolio.data import Portfolio
from portfolio.data.model import KINDS

JSON_RESUME_SCHEMA = ROOT / "tests" / "node_modules" / "resume-schema" / "schema.json"


def test_resume_page_shows_every_fact_from_the_data(built: Built) -> None:
    html = built.html(built.resume_page)
    text = page_text(html)
    portfolio, profile = built.portfolio, built.portfolio.profile
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
    for job in portfolio.experience:
        facts = (job.position, job.company, job.location, job.dates, job.summary, *job.highlights)
        assert all(fact in text for fact in facts if fact), job.id
    for study in portfolio.education:
        assert all(
            fact in text for fact in (study.degree, study.area, study.institution, study.location, study.dates) if fact
        )
    for language in profile.languages:
        assert all(fact in text for fact in (language.language, language.fluency) if fact)


def headings(html: str) -> list[str]:
    """The text of a page's headings, in order, without their permalinks."""
    return [
        page_text(heading).removesuffix("¶").strip()
        for heading in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.S)
    ]


def test_a_career_section_is_on_the_resume_only_and_only_when_the_data_has_it(built: Built) -> None:
    portfolio = built.portfolio
    sections = {
        "Experience": portfolio.experience,
        "Education": portfolio.education,
        "Languages": portfolio.profile.languages,
    }
    for page in built.pages:
        found = headings(built.html(page))
        for heading, records in sections.items():
            assert (heading in found) == (bool(records) and page == built.resume_page), (page, heading)
    found = headings(built.html(built.resume_page))
    projects = [found.index(KINDS[project.kind]) for project in portfolio.projects]
    assert not portfolio.experience or found.index("Experience") < min(projects)  # a recruiter reads jobs first


def test_jobs_come_newest_first_with_links_to_the_cards_of_their_projects(built: Built) -> None:
    html = built.html(built.resume_page)
    experience = html.partition('<h2 id="experience">')[2].partition("<h2 ")[0]
    jobs = re.findall(r"<section[^>]*>\n<h3[^>]*>(.*?)</h3>(.*?)</section>", experience, re.S)
    portfolio, cards = built.portfolio, built.card_pages
    assert [page_text(heading) for heading, _ in jobs] == [
        f"{job.position} at {job.company}" for job in portfolio.experience
    ]
    starts = [job.began for job in portfolio.experience]
    assert starts == sorted(starts, reverse=True)
    up = "../" * built.resume_page.count("/")
    for job, (_, section) in zip(portfolio.experience, jobs, strict=True):
        done = [project for project in portfolio.projects if project.experience == job.id]
        links = re.findall(r'<a href="([^"]+)">', section)
        assert links == [f"{up}{cards[project.id]}#{project.id}" for project in done], job.id


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
    assert [
        (work["name"], work["position"], work["startDate"], work.get("endDate")) for work in resume.get("work", [])
    ] == [(job.company, job.position, str(job.start), job.end and str(job.end)) for job in portfolio.experience]
    assert [(study["institution"], study["area"], study.get("studyType")) for study in resume.get("education", [])] == [
        (study.institution, study.area, study.degree) for study in portfolio.education
    ]
    assert [language["language"] for language in resume.get("languages", [])] == [
        language.language for language in profile.languages
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


def test_the_resume_page_announces_resume_json(built: Built) -> None:
    for page in built.pages:
        links = re.findall(r'<link rel="alternate" type="application/json" href="([^"]+)"', built.html(page))
        expected = ["../" * page.count("/") + "resume.json"] if page == built.resume_page else []
        assert links == expected, page  # its other form; Material's bundle fetches a sitemap for each such link
