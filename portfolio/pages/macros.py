"""The macros that pages call: Python selects the records, Jinja templates (autoescaped) present them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import msgspec
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, nodes
from markupsafe import Markup

from portfolio.data.hints import closest, did_you_mean
from portfolio.data.icons import Icons
from portfolio.data.model import KINDS, Portfolio, Project, Technology
from portfolio.data.posts import PostRecord
from portfolio.pages.rawhtml import MacroHtml
from portfolio.pages.sprite import Sprite

# Characters that start HTML, or Markdown syntax when a value is placed in a page (links, emphasis, code,
# headings, lists (- + 1.), emoji shortcodes (:name:), attribute lists ({: }), tables): written as entities.
_TEXT_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}()#+!|~-.:"})


class MacroError(Exception):
    """A macro was called with a value it does not know."""


def macro(method: Callable[..., Markup]) -> Callable[..., Markup]:
    """Mark a method of Macros as a macro that pages may call, by its name."""
    method.is_macro = True  # type: ignore[attr-defined]
    return method


@dataclass(frozen=True)
class Showcase:
    """A call of project_cards or project_card on a page of the nav: a page that shows projects' cards."""

    title: str  # the page's title in the nav
    page: str  # its Markdown file, relative to docs/
    macro: str
    arguments: dict[str, object] = field(default_factory=dict)

    @classmethod
    def find(cls, title: str, page: str, markdown: str) -> list[Showcase]:
        """The calls of the card macros in a page's Markdown (without its front matter), with their constant
        arguments; none for a page Jinja cannot read (its build says why)."""
        try:
            calls = Environment(autoescape=True).parse(markdown).find_all(nodes.Call)
        except TemplateSyntaxError:
            return []
        found = []
        for call in calls:
            if isinstance(call.node, nodes.Name) and call.node.name in ("project_cards", "project_card"):
                try:
                    arguments = {
                        **({"id": call.args[0].as_const()} if call.args else {}),
                        **{keyword.key: keyword.value.as_const() for keyword in call.kwargs},
                    }
                except nodes.Impossible:  # an argument computed on the page: not a selection to read
                    continue
                found.append(cls(title, page, call.node.name, arguments))
        return found


class Macros:
    """The portfolio's macros, rendered from overrides/fragments/."""

    def __init__(
        self,
        portfolio: Portfolio,
        templates: Path,
        icons: Icons,
        *,
        page_url: Callable[[str], str] = lambda page: page,
        site_url: str = "/",
        showcases: Callable[[], list[Showcase]] = list,
        current_page: Callable[[], str] = str,
        posts: Callable[[], list[PostRecord]] = list,
    ) -> None:
        self.portfolio = portfolio
        self.page_url = page_url
        self.site_url = site_url
        self.showcases = showcases  # every call of the card macros on the nav's pages, in the nav's order
        self.current_page = current_page  # the Markdown file being rendered
        self.posts = posts  # the blog's published posts, newest first
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
    def names(cls) -> list[str]:
        """The names of the macros pages may call (the methods marked @macro)."""
        return [name for name, member in vars(cls).items() if getattr(member, "is_macro", False)]

    def by_name(self) -> dict[str, Callable[..., Markup]]:
        """The macros pages may call, by name."""
        return {name: getattr(self, name) for name in self.names()}

    @macro
    def introduction(self, *, resume: str | None = "resume.md") -> Markup:
        """The home page's introduction: headline and location, the current position, and buttons to the résumé
        page, email and links."""
        return self._render(
            "introduction.html",
            profile=self.portfolio.profile,
            jobs=self.portfolio.current_jobs(),
            resume=self.page_url(resume) if resume else None,
        )

    @macro
    def project_cards(
        self,
        kind: str | None = None,
        *,
        technology: str | None = None,
        featured: bool | None = None,
        details: str | bool | None = None,
        level: int = 2,
        filter: bool = False,  # noqa: A002 (the name authors write)
    ) -> Markup:
        """A grid of cards for the projects that match every selection given, in data order.

        With filter, a row of technology chips above the grid shows one technology's projects at a time.
        With details, short cards link to the full ones: on that page, or (true) on the page that shows each.
        """
        if kind is not None and kind not in KINDS:
            raise MacroError(f"project_cards: unknown kind '{kind}' (use one of {', '.join(KINDS)})")
        if technology is not None:
            self._technology("project_cards", technology)
        projects = _select(self.portfolio.projects, kind=kind, technology=technology, featured=featured)
        if not projects:
            raise MacroError(_no_project(kind=kind, technology=technology, featured=featured))
        return self._cards(projects, details, level, filter=filter)

    @macro
    def project_card(self, id: str, *, details: str | None = None, level: int = 2) -> Markup:  # noqa: A002
        """One project's card, by id."""
        for project in self.portfolio.projects:
            if project.id == id:
                return self._cards([project], details, level)
        known = [project.id for project in self.portfolio.projects]
        raise MacroError(f"project_card: unknown project '{id}' ({_hint(id, known)})")

    @macro
    def project_pages(self) -> Markup:
        """A line that links the other pages of the nav that show full project cards: "More in A and B."."""
        here = self.current_page()
        pages = {showcase.page: showcase.title for showcase in self._full_cards().values() if showcase.page != here}
        links = [(title, self.page_url(page)) for page, title in sorted(pages.items(), key=self._nav_order)]
        return self._render("pages.html", pages=links) if links else Markup()

    @macro
    def latest_posts(self, count: int = 3, heading: str = "Writing") -> Markup:
        """The newest posts (title, date, description) under a heading of the page's; nothing without posts."""
        posts = self.posts()[:count]
        if not posts:
            return Markup()
        links = [(post, self.page_url(post.source)) for post in posts]
        return Markup("## {}\n\n").format(heading) + self._render("posts.html", posts=links)

    @macro
    def tech_badge(self, id: str) -> Markup:  # noqa: A002
        """One technology's badge, by id."""
        return self._render("badge.html", technology=self._technology("tech_badge", id))

    @macro
    def tech_badges(self) -> Markup:
        """Every technology's badge, in data order."""
        if not self.portfolio.technologies:
            raise MacroError(
                "tech_badges() has no technology to show: add one to data/technologies.yml, or remove the call"
            )
        return self._render("badges.html", technologies=list(self.portfolio.technologies.values()))

    @macro
    def profile(self, field: str) -> Markup:
        """A text value of data/profile.yml; a list of texts comes out as paragraphs, a field left out as nothing."""
        fields = self._text_fields()
        if field not in fields:
            raise MacroError(f"profile: unknown text field '{field}' ({_hint(field, list(fields))})")
        # One line each (a line break could start a list or a code block), every Markdown character escaped.
        texts = (" ".join(text.split()).translate(_TEXT_ENTITIES) for text in fields[field])
        return Markup("\n\n".join(texts))  # noqa: S704 (each text escaped above)

    @macro
    def resume(self) -> Markup:
        """The résumé: contact, about, experience, every project, the technologies by group, education, languages."""
        return self._render(
            "resume.html", portfolio=self.portfolio, kinds=KINDS, site_url=self.site_url, card_url=self._card_url
        )

    def _text_fields(self) -> dict[str, list[str]]:
        """The profile's fields that hold text or a list of texts."""
        fields = {}
        for name, value in msgspec.structs.asdict(self.portfolio.profile).items():
            texts = [] if value is None else [value] if isinstance(value, str) else value
            if isinstance(texts, list) and all(isinstance(text, str) for text in texts):
                fields[name] = texts
        return fields

    def _cards(
        self,
        projects: list[Project],
        details: str | bool | None,
        level: int,
        *,
        filter: bool = False,  # noqa: A002
    ) -> Markup:
        if level not in (2, 3, 4):
            raise MacroError(f"project cards: level must be 2, 3 or 4, not {level!r}")
        used = Counter(tech for project in projects for tech in project.technologies)
        return self._render(
            "cards.html",
            projects=projects,
            technologies=self.portfolio.technologies,
            links={project.id: self._link(project, details, filter=filter) for project in projects},
            level=level,
            chips=[(tech, used[tech.id]) for tech in self.portfolio.technologies.values() if used[tech.id]]
            if filter
            else None,
        )

    def _link(self, project: Project, details: str | bool | None, *, filter: bool) -> CardLinks:  # noqa: A002
        """Where a card's title and badges lead: its full card (with details), and a filter listing a technology's
        projects (this page's, or the full card's page's)."""
        if details is True:
            showcase = self._full_cards().get(project.id)
            if showcase is None:
                raise MacroError(
                    f"project_cards(details=true): no page of the nav shows the full card of '{project.id}':"
                    f" show it on a page (project_cards(kind='{project.kind}')), or leave details out"
                )
            page, filtered = self.page_url(showcase.page), bool(showcase.arguments.get("filter"))
        elif details:
            page, filtered = self.page_url(str(details)), True
        else:
            return CardLinks(None, "?tech=" if filter else None)
        return CardLinks(f"{page}#{project.id}", f"{page}?tech=" if filtered else None)

    def _full_cards(self) -> dict[str, Showcase]:
        """The page that shows each project's full card: the first such in the nav."""
        pages: dict[str, Showcase] = {}
        for showcase in self.showcases():
            arguments = showcase.arguments
            if arguments.get("details"):
                continue
            if showcase.macro == "project_card":
                chosen = [project for project in self.portfolio.projects if project.id == arguments.get("id")]
            else:
                selection = {name: arguments.get(name) for name in ("kind", "technology", "featured")}
                chosen = _select(self.portfolio.projects, **selection)
            for project in chosen:
                pages.setdefault(project.id, showcase)
        return pages

    def _card_url(self, project: Project) -> str | None:
        """The address of a project's full card, on the first page of the nav that shows it; None if none does."""
        showcase = self._full_cards().get(project.id)
        return f"{self.page_url(showcase.page)}#{project.id}" if showcase else None

    def _nav_order(self, page: tuple[str, str]) -> int:
        return [showcase.page for showcase in self.showcases()].index(page[0])

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


@dataclass(frozen=True)
class CardLinks:
    """Where a card leads: its full card, if elsewhere, and the filter its badges open (technology ids follow)."""

    details: str | None
    badges: str | None


def _select(projects: list[Project], **selection: object) -> list[Project]:
    """The projects that match every selection given (kind, technology, featured), in data order."""
    kind, technology, featured = (selection.get(name) for name in ("kind", "technology", "featured"))
    return [
        project
        for project in projects
        if (kind is None or project.kind == kind)
        and (technology is None or technology in project.technologies)
        and (featured is None or project.featured == featured)
    ]


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
        " or remove the call and its heading, or drop the page: delete its file and its entry under nav in mkdocs.yml"
    )


def _hint(wanted: str, known: list[str]) -> str:
    return did_you_mean(closest(wanted, known), f"known: {', '.join(known)}")
