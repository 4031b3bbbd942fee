"""The typed records behind data/*.yml; their JSON Schema is generated from these models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COLOUR = r"^#[0-9A-Fa-f]{6}$"
ICON = r"^[a-z0-9-]+(/[a-z0-9-]+)+$"
# Characters a link may not hold: white space and control characters; quotes, angle brackets and backticks
# (they end an HTML attribute or a Markdown link); backslashes (browsers read /\host as //host).
_NOT_IN_URL = r"\s\x00-\x1f\x7f\\\"'<>`"
URL = (
    rf"^(https?://[^{_NOT_IN_URL}/?#]+[^{_NOT_IN_URL}]*"
    r"|mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"
    rf"|/([^{_NOT_IN_URL}/][^{_NOT_IN_URL}]*)?)$"
)
EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"

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

Slug = Annotated[str, Field(pattern=SLUG)]
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
Colour = Annotated[str, Field(pattern=COLOUR)]
Icon = Annotated[str, Field(pattern=ICON)]
Url = Annotated[str, Field(pattern=URL)]
Email = Annotated[str, Field(pattern=EMAIL)]


class Record(BaseModel):
    """A record of a data file: strict types, no unknown fields, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Link(Record):
    """A link to the owner elsewhere, shown in every page's footer."""

    name: Text
    url: Url
    icon: Icon


class Profile(Record):
    """The owner: data/profile.yml."""

    about: list[Text] = Field(min_length=1, description="Paragraphs about the owner.")
    email: Email
    links: list[Link] = []


class Technology(Record):
    """A technology that projects name by id: one entry of data/technologies.yml."""

    id: Slug
    name: Text
    icon: Icon = Field(description="A Material bundled icon, such as simple/kubernetes.")
    colour: Colour = Field(description="The brand colour, as #rrggbb.")
    group: Text | None = Field(default=None, description="The résumé lists technologies by group.")
    link: Url | None = None


class Project(Record):
    """A professional or open-source project: one entry of data/projects.yml."""

    id: Slug
    title: Text
    kind: Literal["professional", "open-source"]
    summary: Text
    technologies: list[Text] = Field(default=[], description="Ids from technologies.yml.")
    challenges: list[Text] = []
    repository: Url | None = None
    featured: bool = Field(default=False, description="Shown on the home page.")


class Portfolio(BaseModel):
    """Everything in data/, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    profile: Profile
    technologies: dict[str, Technology]
    projects: list[Project]
