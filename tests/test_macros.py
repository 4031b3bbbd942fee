"""The macros' HTML, rendered from the templates without MkDocs."""

from __future__ import annotations

import re

import msgspec
import pytest
from helpers import GOOD_DATA, ROOT, macros_of

from portfolio.data import Portfolio, load_portfolio
from portfolio.data.icons import material_icons
from portfolio.data.model import Project
from portfolio.pages import MacroError, Macros
from portfolio.sitewide.colour import contrast, text_colour


def make_macros(**changes: object) -> Macros:
    """The macros over the small good data set, with the project's fields changed as given."""
    icons = material_icons()
    portfolio = load_portfolio(GOOD_DATA, icons)
    if changes:
        project = msgspec.structs.replace(portfolio.projects[0], **changes)
        portfolio = msgspec.structs.replace(portfolio, projects=[project])
    return Macros(portfolio, ROOT / "overrides" / "fragments", icons, page_url=lambda page: f"../{page}")


def test_card_shows_title_badges_summary_and_challenges() -> None:
    html = make_macros(challenges=["First.", "Second."]).project_card("platform")
    assert '<article class="card pf-card" data-project="platform" data-technologies="kubernetes"' in html
    assert '<h2 class="pf-card__title" id="platform">' in html
    assert "A platform" in html
    assert "A summary." in html
    assert "<li>First.</li>" in html
    assert "<li>Second.</li>" in html
    assert "Main challenges" in html
    assert "\n\n" not in html  # a blank line would end the HTML block inside Markdown


def test_card_without_challenges_has_no_challenges_heading() -> None:
    assert "Main challenges" not in make_macros().project_card("platform")


def test_card_links_to_its_repository_without_leaking_the_referrer() -> None:
    html = make_macros(repository="https://github.com/owner/repo").project_card("platform")
    assert '<a href="https://github.com/owner/repo" rel="noopener noreferrer">A platform</a>' in html
    assert "Source code" in html


def test_short_card_links_to_the_full_card_on_another_page() -> None:
    html = make_macros(challenges=["First."]).project_cards(details="projects.md", level=3)
    assert '<a href="../projects.md#platform">A platform</a>' in html
    assert '<h3 class="pf-card__title" id="platform">' in html
    assert "First." not in html


def test_text_from_data_is_escaped() -> None:
    html = make_macros(title="<script>alert(1)</script>", summary='"><img src=x onerror=alert(1)>').project_card(
        "platform"
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_badge_has_icon_name_and_colour_class() -> None:
    html = make_macros().tech_badge("kubernetes")
    assert html.startswith('<span class="pf-badge pf-badge--kubernetes"><span class="twemoji"><svg aria-hidden="true"')
    assert html.endswith("</svg></span>Kubernetes</span>")


def test_filter_adds_chips_and_badges_that_link_to_them() -> None:
    html = make_macros().project_cards(filter=True)
    assert '<div class="pf-filter">' in html
    assert (
        '<button type="button" class="pf-chip" data-tech="" aria-pressed="true" disabled>'
        'All <span class="pf-chip__count">1</span>' in html
    )
    assert (
        '<button type="button" class="pf-chip" data-tech="kubernetes" aria-pressed="false" disabled>Kubernetes' in html
    )
    assert '<a class="pf-badge pf-badge--kubernetes" href="?tech=kubernetes">' in html
    short = make_macros().project_cards(details="projects.md")
    assert '<a class="pf-badge pf-badge--kubernetes" href="../projects.md?tech=kubernetes">' in short
    assert "pf-filter" not in short
    plain = make_macros().project_cards()
    assert '<span class="pf-badge pf-badge--kubernetes">' in plain
    assert "pf-filter" not in plain


def test_resume_lists_technologies_by_group() -> None:
    assert "<dt>Other</dt>\n<dd>Kubernetes</dd>" in make_macros().resume()


def test_cards_select_by_kind_technology_and_featured() -> None:
    macros = make_macros(featured=True)
    assert 'id="platform"' in macros.project_cards(kind="professional", technology="kubernetes", featured=True)
    assert 'id="platform"' in macros.project_cards()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda macros: macros.project_card("platfrom"),
            "project_card: unknown project 'platfrom' (did you mean 'platform'?)",
        ),
        (
            lambda macros: macros.tech_badge("kubernets"),
            "tech_badge: unknown technology 'kubernets' (did you mean 'kubernetes'?)",
        ),
        (
            lambda macros: macros.project_cards(kind="hobby"),
            "project_cards: unknown kind 'hobby' (use one of professional, open-source)",
        ),
        (
            lambda macros: macros.project_cards(technology="rust"),
            "project_cards: unknown technology 'rust' (known: kubernetes)",
        ),
        (lambda macros: macros.profile("emial"), "profile: unknown text field 'emial' (did you mean 'email'?)"),
        (lambda macros: macros.project_cards(level=7), "project cards: level must be 2, 3 or 4, not 7"),
        (
            lambda macros: macros.project_cards(featured=True, details="projects.md"),
            "project_cards(featured=true) selects no project: mark a project featured: true in data/projects.yml,"
            " or remove the call and its heading, or drop the page: delete its file and its entry under nav in"
            " mkdocs.yml",
        ),
        (
            lambda macros: macros.project_cards(kind="open-source", technology="kubernetes"),
            "project_cards(kind='open-source', technology='kubernetes') selects no project: add a project of kind:"
            " open-source and list 'kubernetes' in a project's technologies in data/projects.yml,"
            " or remove the call and its heading, or drop the page: delete its file and its entry under nav in"
            " mkdocs.yml",
        ),
    ],
)
def test_macro_misuse_names_the_macro_and_the_value(call, message) -> None:
    with pytest.raises(MacroError) as raised:
        call(make_macros())
    assert str(raised.value) == message


def test_profile_values_are_text_even_in_markdown() -> None:
    macros = make_macros()
    assert macros.profile("email") == "me@example&#46;com"  # the browser reads me@example.com, even in a link
    assert macros.profile("about") == "A test profile&#46;"
    icons = material_icons()
    portfolio = load_portfolio(GOOD_DATA, icons)
    about = ["[x](javascript:alert(1)) <b>*hi*</b>", "Say \"hi\" & 'bye'\n- not a list\n\n    not code", "Two."]
    profile = msgspec.structs.replace(portfolio.profile, about=about)
    macros = Macros(msgspec.structs.replace(portfolio, profile=profile), ROOT / "overrides" / "fragments", icons)
    assert macros.profile("about") == (
        "&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#60;b&#62;&#42;hi&#42;&#60;/b&#62;\n\n"
        "Say &#34;hi&#34; &#38; &#39;bye&#39; &#45; not a list not code\n\n"
        "Two&#46;"
    )


@pytest.mark.parametrize("colour", ["#000000", "#ffffff", "#777777", "#767676", "#FF9900", "#326CE5", "#4B275F"])
def test_text_colour_keeps_aa_contrast(colour: str) -> None:
    assert contrast(colour, text_colour(colour)) >= 4.5


def test_every_technology_badge_of_the_data_is_readable(portfolio: Portfolio) -> None:
    for technology in portfolio.technologies.values():
        assert contrast(technology.colour, text_colour(technology.colour)) >= 4.5, technology.id


def test_contrast_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_project_model_is_immutable() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        Project(id="x", title="X", kind="professional", summary="S").title = "Y"  # type: ignore[misc]


def macros_with_profile(**fields: object) -> Macros:
    """The macros over the good data set, with the profile's fields changed as given."""
    icons = material_icons()
    portfolio = load_portfolio(GOOD_DATA, icons)
    profile = msgspec.structs.replace(portfolio.profile, **fields)
    return Macros(msgspec.structs.replace(portfolio, profile=profile), ROOT / "overrides" / "fragments", icons)


def test_optional_profile_fields_left_out_leave_nothing() -> None:
    macros = make_macros()
    assert macros.portfolio.profile.name is None
    assert macros.profile("projects_intro") == ""
    assert '<h1 id="resume">Résumé</h1>' in macros.resume()
    assert "pf-resume__headline" not in macros.resume()
    assert macros.portfolio.profile.summary == macros.portfolio.profile.about[0]  # the site's description


def test_optional_profile_fields_given_are_shown_where_they_fit() -> None:
    macros = macros_with_profile(
        name="Ada <Example>", headline="Data engineer", location="Lisbon", description="Short.", projects_intro="Mine."
    )
    resume = macros.resume()
    assert '<h1 id="resume">Ada &lt;Example&gt;</h1>' in resume
    assert '<p class="pf-resume__headline">Data engineer · Lisbon</p>' in resume
    assert macros.profile("projects_intro") == "Mine&#46;"
    assert macros.portfolio.profile.summary == "Short."
    assert '<p class="pf-resume__headline">Lisbon</p>' in macros_with_profile(location="Lisbon").resume()


def test_every_macro_is_registered_and_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `(\w+)\(", readme, re.M)
    assert sorted(Macros.names()) == sorted(documented)  # the methods marked @macro, and README's table
    assert set(macros_of(ROOT).by_name()) == set(Macros.names())
