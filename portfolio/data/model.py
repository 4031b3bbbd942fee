"""The typed records behind data/*.yml; their JSON Schema is generated from these models."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal, TypeVar

from msgspec import Meta, Struct

# The end of the text: Python's $ also matches before a final line break, (?!\n) rules that out (as JSON Schema does).
END = r"$(?!\n)"
SLUG = rf"^[a-z0-9]+(-[a-z0-9]+)*{END}"
COLOUR = rf"^#[0-9A-Fa-f]{{6}}{END}"
ICON = rf"^[a-z0-9-]+(/[a-z0-9-]+)+{END}"
# Characters a link may not hold: white space and control characters; quotes, angle brackets and backticks
# (they end an HTML attribute or a Markdown link); backslashes (browsers read /\host as //host).
# The double quote is written \x22: JSON Schema's regular expressions (ECMA-262, Unicode mode) refuse \".
_NOT_IN_URL = r"\s\x00-\x1f\x7f\\\x22'<>`"
URL = (
    rf"^(https?://[^{_NOT_IN_URL}/?#]+[^{_NOT_IN_URL}]*"
    r"|mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
    rf"|/([^{_NOT_IN_URL}/][^{_NOT_IN_URL}]*)?){END}"
)
EMAIL = rf"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+{END}"
# A month written YYYY-MM (or a year quoted as text): YAML reads 2019-03 as text, 2019 as a number.
DATE = rf"^(19|20)[0-9]{{2}}(-(0[1-9]|1[0-2]))?{END}"

# What to tell the owner when a value does not match one of the patterns above.
PATTERN_HINTS = {
    SLUG: "must be a lowercase id of letters, digits and single hyphens, such as 'my-project'",
    COLOUR: "must be a colour written as #rrggbb, such as '#326CE5' (quote it in YAML)",
    ICON: "must be a Material icon name written as set/name, such as 'simple/kubernetes'",
    URL: (
        "must be an https:, http: or mailto: link, or a site path starting with '/'"
        " (other schemes, such as javascript: or data:, are not allowed;"
        " percent-encode any space, quote, <, >, ` or \\ in it)"
    ),
    EMAIL: "must be an email address, such as 'me@example.com'",
    DATE: "must be a year or a month, written YYYY or YYYY-MM, such as 2019 or 2019-03 (no day)",
}

Kind = Literal["professional", "open-source"]
# Each kind of project, and what the site calls such projects (the résumé's headings).
KINDS: dict[str, str] = {"professional": "Projects", "open-source": "Open source"}

Slug = Annotated[str, Meta(pattern=SLUG)]
Text = Annotated[str, Meta(min_length=1, pattern=r"\S")]
# An id (or name) of a technology, checked against technologies.yml by the loader: a reference, not free text.
TechnologyRef = Annotated[str, Meta(min_length=1, pattern=r"\S", extra={"refers_to": "technologies"})]
Colour = Annotated[str, Meta(pattern=COLOUR)]
Icon = Annotated[str, Meta(pattern=ICON)]
Url = Annotated[str, Meta(pattern=URL)]
Email = Annotated[str, Meta(pattern=EMAIL)]
# A year (2019) or a month (2019-03), as YAML reads them: a number or text. A day (2019-03-15) is not one.
Date = Annotated[int, Meta(ge=1900, le=2099)] | Annotated[str, Meta(pattern=DATE)]
# The id of a job of experience.yml, checked by the loader.
JobRef = Annotated[str, Meta(pattern=SLUG, extra={"refers_to": "experience"})]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Record(Struct, frozen=True, forbid_unknown_fields=True):
    """A record of a data file: no unknown fields, immutable (the loader converts with strict types)."""


class Link(Record):
    """A link to the owner elsewhere, shown in every page's footer."""

    name: Text
    url: Url
    icon: Icon


class Language(Record):
    """A language the owner speaks."""

    language: Text
    fluency: Annotated[Text | None, Meta(description="How well, such as 'Native' or 'Professional'.")] = None


class Profile(Record):
    """The owner: data/profile.yml. Optional fields left out are left off the site."""

    about: Annotated[list[Text], Meta(min_length=1, description="Paragraphs about the owner: the home page.")]
    email: Email
    links: list[Link] = []
    name: Annotated[Text | None, Meta(description="The owner's name: the home page's and the résumé's heading.")] = None
    headline: Annotated[Text | None, Meta(description="A role, such as 'Software engineer'.")] = None
    location: Annotated[Text | None, Meta(description="Where the owner lives or works, such as 'Canada'.")] = None
    description: Annotated[
        Text | None,
        Meta(description="One or two sentences for search results and link previews; else the first of about."),
    ] = None
    projects_intro: Annotated[Text | None, Meta(description="The sentence above the Projects page's cards.")] = None
    open_source_intro: Annotated[Text | None, Meta(description="The sentence above the Open source page's cards.")] = (
        None
    )
    languages: Annotated[list[Language], Meta(description="The languages the owner speaks: the résumé.")] = []

    @property
    def summary(self) -> str:
        """The site's description: the description field, else the first paragraph about the owner."""
        return self.description or self.about[0]

    @property
    def tagline(self) -> str:
        """The headline and the location, as one line ("Data engineer · Lisbon"); '' when both are left out."""
        return " · ".join(part for part in (self.headline, self.location) if part)

    @property
    def about_text(self) -> str:
        """The paragraphs about the owner, as one text."""
        return " ".join(self.about)


class Technology(Record):
    """A technology that projects name by id: one entry of data/technologies.yml."""

    id: Slug
    name: Text
    icon: Annotated[Icon, Meta(description="A Material bundled icon, such as simple/kubernetes.")]
    colour: Annotated[Colour, Meta(description="The brand colour, as #rrggbb.")]
    group: Annotated[Text | None, Meta(description="The résumé lists technologies by group.")] = None
    link: Url | None = None


class Project(Record):
    """A professional or open-source project: one entry of data/projects.yml."""

    id: Slug
    title: Text
    kind: Kind
    summary: Text
    technologies: Annotated[list[TechnologyRef], Meta(description="Ids from technologies.yml.")] = []
    challenges: list[Text] = []
    repository: Url | None = None
    featured: Annotated[bool, Meta(description="Shown on the home page.")] = False
    experience: Annotated[JobRef | None, Meta(description="The id of the job in experience.yml it was done at.")] = None


class Dated(Record, kw_only=True):
    """A record with a start and, unless it goes on, an end: a job or a study."""

    start: Annotated[Date, Meta(description="A year or a month: 2019 or 2019-03.")]
    end: Annotated[Date | None, Meta(description="Left out while it goes on (present).")] = None

    @property
    def began(self) -> tuple[int, int]:
        """The first month of its start (year, month): a start of 2019 is January 2019."""
        return _months(self.start)[0]

    @property
    def ended(self) -> tuple[int, int] | None:
        """The last month of its end (year, month), a year's December; None while it goes on."""
        return None if self.end is None else _months(self.end)[1]

    @property
    def dates(self) -> str:
        """Its dates as the résumé writes them: "Mar 2019 – Aug 2022", "2019 – present"."""
        return f"{_written(self.start)} – {'present' if self.end is None else _written(self.end)}"


class Job(Dated):
    """A job: one entry of data/experience.yml."""

    id: Slug
    company: Text
    position: Text
    location: Text | None = None
    url: Url | None = None
    summary: Annotated[Text | None, Meta(description="One paragraph.")] = None
    highlights: Annotated[list[Text], Meta(description="Short sentences.")] = []


class Education(Dated):
    """A study: one entry of data/education.yml."""

    institution: Text
    area: Annotated[Text, Meta(description="What was studied, such as 'Computer science'.")]
    degree: Annotated[Text | None, Meta(description="Such as 'BSc'.")] = None
    location: Text | None = None
    url: Url | None = None


DatedT = TypeVar("DatedT", bound=Dated)


def newest_first(records: Iterable[DatedT]) -> list[DatedT]:
    """Newest first by start, then by end, one that goes on first."""
    return sorted(records, key=lambda record: (record.began, record.end is None, record.ended), reverse=True)


def _months(date: int | str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and last months a date covers: 2019 is (2019, 1) to (2019, 12); '2019-03' is (2019, 3) twice."""
    year, _, month = str(date).partition("-")
    return ((int(year), int(month)),) * 2 if month else ((int(year), 1), (int(year), 12))


def _written(date: int | str) -> str:
    """'2019-03' as "Mar 2019"; 2019 as "2019"."""
    year, _, month = str(date).partition("-")
    return f"{MONTHS[int(month) - 1]} {year}" if month else year


class Portfolio(Struct, frozen=True):
    """Everything in data/, validated and cross-checked; experience and education newest first."""

    profile: Profile
    technologies: dict[str, Technology]
    projects: list[Project]
    experience: list[Job] = []
    education: list[Education] = []

    def current_jobs(self) -> list[Job]:
        """The jobs that go on (no end), newest first."""
        return [job for job in self.experience if job.end is None]

    def projects_at(self, job: Job) -> list[Project]:
        """The projects done at a job, in data order."""
        return [project for project in self.projects if project.experience == job.id]

    def keywords(self, project: Project) -> list[str]:
        """The names of a project's technologies, in its order."""
        return [self.technologies[technology].name for technology in project.technologies]

    def technology_groups(self) -> dict[str, list[str]]:
        """Technology names by group, groups in order of first appearance; ungrouped ones last, as Other."""
        groups: dict[str, list[str]] = {}
        for technology in sorted(self.technologies.values(), key=lambda tech: tech.group is None):
            groups.setdefault(technology.group or "Other", []).append(technology.name)
        return groups
