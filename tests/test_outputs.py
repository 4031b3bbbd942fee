"""The site's outputs beside its pages (portfolio/outputs.py), from the small good data set."""

from __future__ import annotations

import re

import msgspec
from helpers import GOOD_DATA

from portfolio.data import Portfolio, load_portfolio
from portfolio.data.icons import material_icons
from portfolio.data.model import KINDS, Kind
from portfolio.sitewide.outputs import footer_links, json_resume, robots_txt, structured_data, technology_stylesheet

GOOD = load_portfolio(GOOD_DATA, material_icons())


def with_profile(**fields: object) -> Portfolio:
    return msgspec.structs.replace(GOOD, profile=msgspec.structs.replace(GOOD.profile, **fields))


def test_stylesheet_gives_each_badge_a_readable_colour() -> None:
    css = technology_stylesheet(GOOD)
    assert re.search(r"\.pf-badge--kubernetes \{ --pf-badge-bg: #326CE5; --pf-badge-fg: #ffffff; \}", css)


def test_a_link_to_a_technology_shows_only_its_cards_under_a_filter_from_the_first_paint() -> None:
    css = technology_stylesheet(GOOD)
    rule = 'html[data-pf-tech="kubernetes"] .pf-filter ~ .pf-cards > .pf-card:not([data-technologies~="kubernetes"])'
    assert f"{rule} {{\n  display: none;\n}}" in css


def test_footer_links_come_from_the_profile() -> None:
    assert footer_links(GOOD.profile) == [
        {"icon": "material/email", "link": "mailto:me@example.com", "name": "me@example.com"}
    ]


def test_json_resume_lists_technologies_by_group() -> None:
    assert json_resume(GOOD, "/")["skills"] == [{"name": "Other", "keywords": ["Kubernetes"]}]


def test_optional_profile_fields_left_out_leave_nothing() -> None:
    assert {"name", "label"}.isdisjoint(json_resume(GOOD, "/")["basics"])
    person = structured_data(GOOD, "/")["@graph"][0]
    assert {"name", "jobTitle", "homeLocation"}.isdisjoint(person)


def test_optional_profile_fields_given_are_shown_where_they_fit() -> None:
    portfolio = with_profile(name="Ada <Example>", headline="Data engineer", location="Lisbon")
    basics = json_resume(portfolio, "/")["basics"]
    assert (basics["name"], basics["label"]) == ("Ada <Example>", "Data engineer")
    person = structured_data(portfolio, "/")["@graph"][0]
    assert (person["name"], person["jobTitle"]) == ("Ada <Example>", "Data engineer")
    assert person["homeLocation"] == {"@type": "Place", "name": "Lisbon"}


def test_the_career_is_in_json_resume_and_json_ld_and_nothing_of_it_without_one() -> None:
    resume = json_resume(GOOD, "/")
    assert resume["work"] == [{"name": "A company", "position": "An engineer", "startDate": "2019-03"}]
    study = {"institution": "A university", "area": "Computer science", "startDate": "2012", "endDate": "2016"}
    assert resume["education"] == [study]  # dates as text, as JSON Resume has them, even a year YAML read as a number
    assert resume["projects"][0]["entity"] == "A company"  # the company a project was done at
    person = structured_data(GOOD, "/")["@graph"][0]
    assert person["worksFor"] == [{"@type": "Organization", "name": "A company"}]
    assert person["alumniOf"] == [{"@type": "EducationalOrganization", "name": "A university"}]
    none = msgspec.structs.replace(GOOD, experience=[], education=[])
    assert {"work", "education", "languages"}.isdisjoint(json_resume(none, "/"))
    assert "entity" not in json_resume(none, "/")["projects"][0]
    assert {"worksFor", "alumniOf", "knowsLanguage"}.isdisjoint(structured_data(none, "/")["@graph"][0])


def test_robots_txt_points_to_the_sitemap() -> None:
    assert robots_txt("https://example.org/") == "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"


def test_every_kind_has_a_heading() -> None:
    assert tuple(KINDS) == Kind.__args__
