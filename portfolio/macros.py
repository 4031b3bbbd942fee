"""The macros that pages call: Python selects the records, Jinja templates (autoescaped) present them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import msgspec
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from portfolio.errors import MacroError
from portfolio.hints import closest, did_you_mean
from portfolio.icons import Icons, Sprite, material_icons
from portfolio.loader import load_portfolio
from portfolio.model import KINDS, Portfolio, Project, Technology
from portfolio.rawhtml import MacroHtml

# Characters that start HTML, or Markdown syntax when a value is placed in a page (links, emphasis, code,
# headings, lists (- + 1.), emoji shortcodes (:name:), attribute lists ({: }), tables): written as entities.
_TEXT_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}()#+!|~-.:"})


class Macros:
    """The portfolio's macros, rendered from overrides/fragments/."""

    NAMES = ("introduction", "project_cards", "project_card", "tech_badge", "tech_badges", "profile", "resume")

    def __init__(
        self,
        portfolio: Portfolio,
        templates: Path,
        icons: Icons,
        page_url: Callable[[str], str] = lambda page: page,
        site_url: str = "/",
    ) -> None:
        self.portfolio = portfolio
        self.page_url = page_url
        self.site_url = site_url
        self.jinja = Environment(
            loader=FileSystemLoader(templates),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.icons = icons
        self.blocks = 0  # how many blocks of HTML the macros have written: each draws its own icons
        self.markdown_extension = MacroHtml()  # main.py adds it to the site's Markdown extensions

    @classmethod
    def load(cls, root: Path, page_url: Callable[[str], str] = lambda page: page, site_url: str = "/") -> Macros:
        """Load root/data once, with the templates in root/overrides/fragments."""
        icons = material_icons()
        portfolio = load_portfolio(root / "data", icons)
        return cls(portfolio, root / "overrides" / "fragments", icons, page_url, site_url)

    def by_name(self) -> dict[str, Callable[..., str]]:
        """The macros pages may call, by name."""
        return {name: getattr(self, name) for name in self.NAMES}

    def introduction(self, *, resume: str | None = "resume.md") -> Markup:
        """The home page's introduction: headline and location, and buttons to the résumé page, email and links."""
        return self._render(
            "introduction.html", profile=self.portfolio.profile, resume=self.page_url(resume) if resume else None
        )

    def project_cards(
        self,
        kind: str | None = None,
        *,
        technology: str | None = None,
        featured: bool | None = None,
        details: str | None = None,
        level: int = 2,
        filter: bool = False,  # noqa: A002 (the name authors write)
    ) -> Markup:
        """A grid of cards for the projects that match every selection given, in data order.

        With filter, a row of technology chips above the grid shows one technology's projects at a time.
        """
        if kind is not None and kind not in KINDS:
            raise MacroError(f"project_cards: unknown kind '{kind}' (use one of {', '.join(KINDS)})")
        if technology is not None:
            self._technology("project_cards", technology)
        projects = [
            project
            for project in self.portfolio.projects
            if (kind is None or project.kind == kind)
            and (technology is None or technology in project.technologies)
            and (featured is None or project.featured == featured)
        ]
        if not projects:
            raise MacroError(_no_project(kind=kind, technology=technology, featured=featured))
        return self._cards(projects, details, level, filter=filter)

    def project_card(self, id: str, *, details: str | None = None, level: int = 2) -> Markup:  # noqa: A002
        """One project's card, by id."""
        for project in self.portfolio.projects:
            if project.id == id:
                return self._cards([project], details, level)
        known = [project.id for project in self.portfolio.projects]
        raise MacroError(f"project_card: unknown project '{id}' ({_hint(id, known)})")

    def tech_badge(self, id: str) -> Markup:  # noqa: A002
        """One technology's badge, by id."""
        return self._render("badge.html", technology=self._technology("tech_badge", id))

    def tech_badges(self) -> Markup:
        """Every technology's badge, in data order."""
        if not self.portfolio.technologies:
            raise MacroError(
                "tech_badges() has no technology to show: add one to data/technologies.yml, or remove the call"
            )
        return self._render("badges.html", technologies=list(self.portfolio.technologies.values()))

    def profile(self, field: str) -> Markup:
        """A text value of data/profile.yml; a list of texts comes out as paragraphs, a field left out as nothing."""
        fields = self._text_fields()
        if field not in fields:
            raise MacroError(f"profile: unknown text field '{field}' ({_hint(field, list(fields))})")
        # One line each (a line break could start a list or a code block), every Markdown character escaped.
        texts = (" ".join(text.split()).translate(_TEXT_ENTITIES) for text in fields[field])
        return Markup("\n\n".join(texts))  # noqa: S704 (each text escaped above)

    def resume(self) -> Markup:
        """The résumé: contact, about, every project, and the technologies by group."""
        return self._render("resume.html", portfolio=self.portfolio, kinds=KINDS, site_url=self.site_url)

    def _text_fields(self) -> dict[str, list[str]]:
        """The profile's fields that hold text or a list of texts."""
        fields = {}
        for name, value in msgspec.structs.asdict(self.portfolio.profile).items():
            texts = [] if value is None else [value] if isinstance(value, str) else value
            if isinstance(texts, list) and all(isinstance(text, str) for text in texts):
                fields[name] = texts
        return fields

    def _cards(self, projects: list[Project], details: str | None, level: int, *, filter: bool = False) -> Markup:  # noqa: A002
        if level not in (2, 3, 4):
            raise MacroError(f"project cards: level must be 2, 3 or 4, not {level!r}")
        details_url = self.page_url(details) if details else None
        used = Counter(tech for project in projects for tech in project.technologies)
        return self._render(
            "cards.html",
            projects=projects,
            technologies=self.portfolio.technologies,
            details=details_url,
            level=level,
            chips=[(tech, used[tech.id]) for tech in self.portfolio.technologies.values() if used[tech.id]]
            if filter
            else None,
            # A badge links to its technology's projects where a filter lists them: here, or the details page.
            badge_href="?tech=" if filter else f"{details_url}?tech=" if details_url else None,
        )

    def _technology(self, macro: str, id: str) -> Technology:  # noqa: A002
        technologies = self.portfolio.technologies
        if id not in technologies:
            raise MacroError(f"{macro}: unknown technology '{id}' ({_hint(id, list(technologies))})")
        return technologies[id]

    def _render(self, template: str, **context: object) -> Markup:
        self.blocks += 1
        icon = Sprite(self.icons, f"pf-icons-{self.blocks}")
        html = self.jinja.get_template(template).render(icon=icon, **context)
        return self.markdown_extension.keep(html.strip())


def _no_project(**selection: str | bool | None) -> str:
    """What to do when project_cards selects no project: the call as the page wrote it, and how to fill it."""
    given = {name: value for name, value in selection.items() if value is not None}
    call = ", ".join(
        f"{name}={str(value).lower() if isinstance(value, bool) else repr(value)}" for name, value in given.items()
    )
    fixes = {
        "kind": f"add a project of kind: {given.get('kind')}",
        "technology": f"list '{given.get('technology')}' in a project's technologies",
        "featured": "mark a project featured: true" if given.get("featured") else "leave a project unfeatured",
    }
    fix = " and ".join(fixes[name] for name in given) or "add a project"
    return (
        f"project_cards({call}) selects no project: {fix} in data/projects.yml,"
        " or remove the call (or its page from nav in mkdocs.yml)"
    )


def _hint(wanted: str, known: list[str]) -> str:
    return did_you_mean(closest(wanted, known), f"known: {', '.join(known)}")
