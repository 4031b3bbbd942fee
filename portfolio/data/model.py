"""The typed records behind data/*.yml; their JSON Schema is generated from these models."""

from __future__ import annotations

from typing import Annotated, Literal

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


class Record(Struct, frozen=True, forbid_unknown_fields=True):
    """A record of a data file: no unknown fields, immutable (the loader converts with strict types)."""


class Link(Record):
    """A link to the owner elsewhere, shown in every page's footer."""

    name: Text
    url: Url
    icon: Icon


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


class Portfolio(Struct, frozen=True):
    """Everything in data/, validated and cross-checked."""

    profile: Profile
    technologies: dict[str, Technology]
    projects: list[Project]

    def keywords(self, project: Project) -> list[str]:
        """The names of a project's technologies, in its order."""
        return [self.technologies[technology].name for technology in project.technologies]

    def technology_groups(self) -> dict[str, list[str]]:
        """Technology names by group, groups in order of first appearance; ungrouped ones last, as Other."""
        groups: dict[str, list[str]] = {}
        for technology in sorted(self.technologies.values(), key=lambda tech: tech.group is None):
            groups.setdefault(technology.group or "Other", []).append(technology.name)
        return groups
