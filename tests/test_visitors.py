"""What recruiters and clients get: small fast pages, a layout for any screen, the keyboard, sharing and SEO."""

from __future__ import annotations

import json
import re
from html import escape, unescape
from pathlib import Path

from helpers import Built, nav_pages


def html_of(site: Path, path: str) -> str:
    return (site / (path if path.endswith(".html") else f"{path}index.html")).read_text(encoding="utf-8")


def head_value(html: str, pattern: str) -> str:
    found = re.search(pattern, html)
    assert found, pattern
    return found.group(1)


def test_every_page_has_its_own_title_description_and_sharing_tags(built: Built) -> None:
    titles, descriptions = set(), {}
    for path in built.pages:
        html = html_of(built.site, path)
        title = head_value(html, r"<title>(.*?)</title>")
        description = unescape(head_value(html, r'<meta name="description" content="([^"]+)">'))
        titles.add(title)
        descriptions[path] = description
        assert f'<meta property="og:description" content="{escape(description)}">' in html
        card = "summary" if path == "404.html" else "summary_large_image"  # 404.html has no picture
        assert f'<meta name="twitter:card" content="{card}">' in html
        if path != "404.html":
            assert f'<link rel="canonical" href="{built.site_url}{path}">' in html
            assert f'<meta property="og:url" content="{built.site_url}{path}">' in html
    assert len(titles) == len(built.pages)
    # The home and 404 pages have the site's, from the profile; every other page has one of its own.
    assert descriptions[""] == descriptions["404.html"] == built.portfolio.profile.summary
    others = [description for path, description in descriptions.items() if path not in ("", "404.html")]
    assert len(set(others)) == len(others)
    assert built.portfolio.profile.summary not in others
    assert all(50 <= len(description) <= 160 for description in others), others


def test_structured_data_describes_the_owner_their_career_and_the_open_source_work(built: Built) -> None:
    block = head_value(html_of(built.site, ""), r'<script type="application/ld\+json">(.*?)</script>')
    graph = json.loads(block)["@graph"]
    person = next(item for item in graph if item["@type"] == "Person")
    portfolio, profile = built.portfolio, built.portfolio.profile
    assert person["url"] == built.site_url
    assert person["email"] == f"mailto:{profile.email}"
    assert person["sameAs"] == [link.url for link in profile.links]
    assert person["knowsAbout"] == [technology.name for technology in portfolio.technologies.values()]
    assert person.get("name") == profile.name  # none when the data has none: nothing is made up
    assert person.get("jobTitle") == profile.headline
    assert person.get("homeLocation", {}).get("name") == profile.location
    # the companies of the jobs that go on, the schools, the languages: each left out when the data has none
    current = {job.company: job.url for job in portfolio.experience if job.end is None}
    assert [(org["@type"], org["name"], org.get("url")) for org in person.get("worksFor", [])] == [
        ("Organization", name, url) for name, url in current.items()
    ]
    schools = {study.institution: study.url for study in portfolio.education}
    assert [(org["@type"], org["name"], org.get("url")) for org in person.get("alumniOf", [])] == [
        ("EducationalOrganization", name, url) for name, url in schools.items()
    ]
    assert person.get("knowsLanguage", []) == [language.language for language in profile.languages]
    code = [item for item in graph if item["@type"] == "SoftwareSourceCode"]
    assert [item["codeRepository"] for item in code] == [
        project.repository for project in portfolio.projects if project.kind == "open-source"
    ]
    assert all(item["author"] == {"@id": person["@id"]} for item in code)


def test_robots_txt_points_to_the_sitemap(built: Built) -> None:
    robots = (built.site / "robots.txt").read_text()
    assert robots == f"User-agent: *\nAllow: /\nSitemap: {built.site_url}sitemap.xml\n"
    blog = [page for page in built.pages if page.startswith("blog/")]  # the blog's, when it has posts
    assert bool(blog) == bool(built.posts)
    assert sorted(built.pages) == sorted([*nav_pages(built.project), *blog, "404.html"])  # every page of nav
