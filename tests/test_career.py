"""A career (data/experience.yml, data/education.yml, the profile's languages): dates as the résumé writes them,
newest first, the build's date, and the HTML of the résumé and the introduction, without MkDocs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import msgspec
import pytest
from helpers import GOOD_DATA, ROOT

from portfolio.data import load_portfolio
from portfolio.data.icons import material_icons
from portfolio.data.loader import build_date
from portfolio.data.model import Education, Job, Language, newest_first
from portfolio.pages import Macros, Showcase


def job(id: str, start: int | str, end: int | str | None = None, **fields: object) -> Job:  # noqa: A002
    """A job as the loader makes it from YAML."""
    record = {"id": id, "company": "Acme", "position": "Engineer", "start": start, "end": end, **fields}
    return msgspec.convert(record, Job, strict=True)


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        ("2019-03", "2022-08", "Mar 2019 – Aug 2022"),
        (2019, None, "2019 – present"),
        ("2015-07", 2018, "Jul 2015 – 2018"),
        ("2019", "2019-12", "2019 – Dec 2019"),  # a year quoted in YAML is text: the same year
    ],
)
def test_dates_are_written_as_months_and_years_never_as_durations(start: object, end: object, written: str) -> None:
    assert job("acme", start, end).dates == written


def test_jobs_come_newest_first_by_start_then_by_end_one_that_goes_on_first() -> None:
    jobs = [
        job("oldest", 2015, 2018),
        job("ended-2020", "2019-03", 2020),
        job("year-only", 2019, None),  # January 2019, before March
        job("present", "2019-03"),
        job("ended-2021", "2019-03", "2021-06"),
    ]
    assert [job.id for job in newest_first(jobs)] == ["present", "ended-2021", "ended-2020", "year-only", "oldest"]


def test_the_build_date_is_source_date_epochs_else_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date() == date(2023, 11, 14)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == datetime.now(UTC).date()


def macros(jobs: list[Job], studies: list[Education] | None = None, *, shown: bool = True, **profile: object) -> Macros:
    """The macros over the good data set with this career; shown: a page of the nav (projects.md) shows every
    project's full card."""
    icons = material_icons()
    portfolio = load_portfolio(GOOD_DATA, icons)
    portfolio = msgspec.structs.replace(
        portfolio,
        experience=jobs,
        education=studies or [],
        profile=msgspec.structs.replace(portfolio.profile, **profile),
    )
    showcases = [Showcase("Projects", "projects.md", "project_cards")] if shown else []
    fragments = ROOT / "overrides" / "fragments"
    return Macros(portfolio, fragments, icons, page_url=lambda page: f"../{page}", showcases=lambda: showcases)


def test_a_job_shows_its_position_company_place_dates_summary_highlights_and_projects() -> None:
    acme = job("a-company", "2019-03", None, url="https://acme.example.com/", location="Lisbon", summary="Ran it.")
    html = macros([msgspec.structs.replace(acme, highlights=["One.", "Two."])]).resume()
    company = '<a href="https://acme.example.com/" rel="noopener noreferrer">Acme</a>'
    assert f'<h3 class="pf-resume__role">Engineer at {company}</h3>' in html
    assert '<p class="pf-resume__meta">Lisbon · Mar 2019 – present</p>' in html
    assert "<p>Ran it.</p>\n<ul>\n<li>One.</li>\n<li>Two.</li>\n</ul>" in html
    # the project done there (the good data's platform names a-company) links to its full card
    assert '<p class="pf-resume__projects">Projects: <a href="../projects.md#platform">A platform</a></p>' in html
    assert html.index('id="experience"') < html.index('id="professional"')  # experience before projects
    assert "\n\n" not in html


def test_a_project_no_page_shows_is_named_without_a_link() -> None:
    html = macros([job("a-company", 2019)], shown=False).resume()
    assert '<p class="pf-resume__projects">Projects: A platform</p>' in html
    assert '<h3 class="pf-resume__role">Engineer at Acme</h3>' in html  # no url: the company is not linked


def test_studies_and_languages_follow_the_technologies() -> None:
    study = msgspec.convert({"institution": "Uni", "area": "Physics", "degree": "BSc", "start": 2010}, Education)
    spoken = [Language("Portuguese", "Native"), Language("English")]
    html = macros([], [study], languages=spoken).resume()
    assert '<h3 class="pf-resume__role">BSc in Physics, Uni</h3>\n<p class="pf-resume__meta">2010 – present</p>' in html
    assert '<h2 id="languages">Languages</h2>\n<p>Portuguese (Native), English</p>' in html
    assert html.index('id="technologies"') < html.index('id="education"') < html.index('id="languages"')


def test_no_career_leaves_no_heading() -> None:
    html = macros([]).resume()
    for heading in ("experience", "education", "languages"):
        assert f'id="{heading}"' not in html


def test_the_introduction_says_the_current_position_and_nothing_without_one() -> None:
    current = macros([job("now", "2022-04", None, position="Lead", company="Beta"), job("before", 2019, 2022)])
    assert '<p class="pf-intro__position">Lead at Beta</p>' in current.introduction()
    assert "pf-intro__position" not in macros([job("before", 2019, 2022)]).introduction()
    assert "pf-intro__position" not in macros([]).introduction()
