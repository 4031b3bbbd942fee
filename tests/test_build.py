"""The site, built strictly as `mkdocs build --strict` does, and the owner's mistakes."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from helpers import Built, a_page, build, nav_pages, page_text

from portfolio.data.model import KINDS


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_every_record_in_data_is_on_the_site(built: Built) -> None:
    portfolio, cards = built.portfolio, built.card_pages
    text = " ".join(page_text(built.html(page)) for page in built.pages)
    for project in portfolio.projects:
        assert project.title in text
        assert project.summary in text
        for challenge in project.challenges:
            assert challenge in text
        for technology in project.technologies:
            assert f"pf-badge--{technology}" in built.html(cards[project.id])
    for technology in portfolio.technologies.values():
        assert technology.name in page_text(built.html(""))
    for paragraph in portfolio.profile.about:
        assert paragraph in page_text(built.html(""))


def test_page_intros_come_from_the_profile(built: Built) -> None:
    profile = built.portfolio.profile
    intros = {"professional": profile.projects_intro, "open-source": profile.open_source_intro}
    for kind in KINDS:
        for page in built.pages_of(kind):
            html = built.html(page)
            between = html[html.index("</h1>") : html.index('<div class="pf-filter">')]  # the heading and the cards
            assert page_text(between) == (intros[kind] or ""), page  # a field left out leaves nothing


def test_projects_are_on_their_pages_with_anchors(built: Built) -> None:
    cards = built.card_pages
    assert set(cards) == {project.id for project in built.portfolio.projects}  # every project has a full card
    for project in built.portfolio.projects:
        page = built.html(cards[project.id])
        for other in set(cards.values()) - {cards[project.id]}:
            assert f'id="{project.id}"' not in built.html(other)
        assert f'id="{project.id}"' in page
        if project.repository:
            assert f'<a href="{project.repository}" rel="noopener noreferrer">' in page


def test_home_links_featured_projects_to_their_full_cards(built: Built) -> None:
    home = built.html("")
    for project in built.portfolio.projects:
        link = f'<a href="{built.card_pages[project.id]}#{project.id}">'
        assert (link in home) == project.featured


def test_home_links_the_other_pages_with_cards_from_the_nav(built: Built) -> None:
    pages = [page for page in nav_pages(built.project) if page in set(built.card_pages.values()) and page != ""]
    sentence = re.search(r"<p>More in (.*?)\.</p>", built.html(""))
    if "project_pages()" not in (built.project / "docs" / "index.md").read_text():  # a section dropped
        assert sentence is None
        return
    assert re.findall(r'<a href="([^"]+)">', sentence.group(1) if sentence else "") == pages


def test_contact_is_on_every_page(built: Built) -> None:
    links = [f"mailto:{built.portfolio.profile.email}", *(link.url for link in built.portfolio.profile.links)]
    for page in built.pages:
        html = built.html(page)
        for link in links:
            assert f'href="{link}"' in html, (page, link)


def test_nothing_unrendered_or_external_is_left(built: Built) -> None:
    written = " ".join(  # braces a page shows as written: those of pages (and posts) that call no macros
        path.read_text(encoding="utf-8")
        for path in (built.project / "docs").rglob("*.md")
        if "render_macros: true" not in path.read_text(encoding="utf-8")
    )
    for page in built.pages:
        html = built.html(page)
        for braces in re.findall(r"\{\{[^}]*\}\}", unescape(re.sub(r"<[^>]+>", "", html))):
            assert braces in written, (page, braces)
        for leftover in (
            "{%",
            ":simple-",
            ":material-",
            ":fontawesome-",
            "Macro Rendering Error",
            "Macro Syntax Error",
        ):
            assert leftover not in html, (page, leftover)
        assert "fonts.googleapis.com" not in html
        assert "fonts.gstatic.com" not in html


def test_templates_are_not_published(site: Path) -> None:
    assert not (site / "fragments").exists()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js", ".json", ".xml", ".txt"):
            assert "{%" not in path.read_text(encoding="utf-8"), path


def test_pages_are_published_at_site_url_and_its_cname(built: Built) -> None:
    page = a_page(built.project)
    assert f'<link rel="canonical" href="{built.site_url}{page}">' in built.html(page)
    cname = built.project / "docs" / "CNAME"
    if cname.exists():  # GitHub Pages serves the domain named in docs/CNAME: the one in site_url
        assert (built.site / "CNAME").read_text() == cname.read_text()
        assert built.site_url == f"https://{cname.read_text().strip()}/"
    else:  # published at <user>.github.io
        assert not (built.site / "CNAME").exists()


def test_badge_colours_are_generated(built: Built) -> None:
    css = read(built.site, "stylesheets/portfolio.css")
    assert css.startswith(read(built.project / "docs", "stylesheets/portfolio.css"))
    for technology in built.portfolio.technologies.values():
        rule = (
            rf"\.pf-badge--{technology.id} \{{ --pf-badge-bg: {technology.colour}; --pf-badge-fg: #(000000|ffffff); \}}"
        )
        assert re.search(rule, css), technology.id
    [href] = re.findall(r'<link rel="stylesheet" href="([^"]+)">', read(built.site, "index.html"))
    joined = read(built.site, href)  # every page's one stylesheet (tests/test_firstpaint.py), without unused rules
    shown = {badge for page in built.pages for badge in re.findall(r"pf-badge--([\w-]+)", built.html(page))}
    assert shown
    for technology in built.portfolio.technologies.values():
        rule = rf"\.pf-badge--{technology.id}\{{--pf-badge-bg: {technology.colour};--pf-badge-fg: #(000000|ffffff)\}}"
        assert bool(re.search(rule, joined)) is (technology.id in shown), technology.id


def test_bad_data_stops_the_build_with_one_line_per_problem(project: Path) -> None:
    projects = project / "data" / "projects.yml"
    records = yaml.safe_load(projects.read_text())
    last = len(records) - 1
    records[last] = {("titel" if key == "title" else key): value for key, value in records[last].items()}
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    projects.write_text(text)
    line = text.splitlines().index(f"  titel: {records[last]['titel']}") + 1
    result = build(project, project / "site")
    assert result.returncode == 1
    assert "ERROR   -  invalid data, nothing was built:\n" in result.stderr
    expected = f"data/projects.yml:{line}: projects[{last}].titel: unknown field 'titel' (did you mean 'title'?)"
    assert f"\n{expected}\n" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists()


def test_a_yaml_syntax_error_stops_the_build(project: Path) -> None:
    (project / "data" / "technologies.yml").write_text("- id: go\n  name: [Go\n")
    result = build(project, project / "site")
    assert result.returncode == 1
    assert "data/technologies.yml:3: YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '{{ project_card("nope") }}',
            "docs/broken.md: MacroError: project_card: unknown project 'nope' (known: ",
        ),
        (
            '{{ tech_badge("No such tech") }}',
            "docs/broken.md: MacroError: tech_badge: unknown technology 'No such tech' (",
        ),
        ('{{ project_crd("x") }}', "docs/broken.md: UndefinedError: 'project_crd' is undefined"),
        (
            "{{ project_card(1, 2, 3, 4) }}",
            "docs/broken.md: TypeError: Macros.project_card() takes 2 positional arguments but 5 were given",
        ),
        ('{{ project_card("x" }}', "docs/broken.md:6: unexpected '}', expected ')'"),
        (
            '{{ project_cards(details="nowhere.md") }}',
            "docs/broken.md: MacroError: no page 'nowhere.md' to link the cards to",
        ),
    ],
)
def test_a_misused_macro_fails_the_build_naming_the_page(project: Path, body: str, message: str) -> None:
    (project / "docs" / "broken.md").write_text(f"---\nrender_macros: true\n---\n# Broken\n\n{body}\n")
    result = build(project, project / "site")
    assert result.returncode == 1
    assert f"ERROR   -  {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_front_matter_that_is_not_yaml_fails_the_build(project: Path) -> None:
    name = f"docs/{a_page(project).removesuffix('/')}.md"
    page = project / name
    text = page.read_text()
    line = text[: text.index("description: ")].count("\n") + 1
    page.write_text(text.replace("description: ", "description: A: b ", 1))
    result = build(project, project / "site")
    assert result.returncode == 1
    assert (
        f"ERROR   -  {name}:{line}: front matter is not valid YAML: mapping values are not allowed here"
        " (quote values with ': ')"
    ) in result.stderr


def add_page(project: Path, name: str, text: str, title: str = "Page") -> None:
    """A page added as README's "Write a page" says: its file, with a description, and its nav entry."""
    description = f'---\ndescription: "A page added by a test, with a description of fifty or more: {name}."\n---\n\n'
    (project / "docs" / name).write_text(description + text)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nhooks:", f"  - {title}: {name}\n\nhooks:", 1))


def test_pages_without_macros_show_braces_as_written(project: Path) -> None:
    text = "# CI\n\n```yaml\ntoken: ${{ secrets.GITHUB_TOKEN }}\n{% raw %}\n```\n\n"
    text += "Helm writes {{ .Values.image }} in prose.\n"
    add_page(project, "ci.md", text)
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "ci" / "index.html").read_text()
    assert "${{ secrets.GITHUB_TOKEN }}" in page_text(html)
    assert "{% raw %}" in unescape(re.sub(r"<[^>]+>", "", html))
    assert "Helm writes {{ .Values.image }} in prose." in page_text(html)


def test_an_import_error_in_main_fails_the_build(project: Path) -> None:
    init = project / "portfolio" / "__init__.py"
    init.write_text(init.read_text() + "import not_installed_anywhere\n")
    result = build(project, project / "site")
    assert result.returncode == 1
    assert "main.py: cannot import the portfolio package: No module named 'not_installed_anywhere'" in result.stderr


def test_a_broken_link_or_anchor_fails_the_build(project: Path) -> None:
    index, other = project / "docs" / "index.md", a_page(project).removesuffix("/")
    index.write_text(
        index.read_text() + f"\n[a](nowhere.md) [b]({other}.md#no-such-card) [c](#nowhere) [d](/{other}/)\n"
    )
    result = build(project, project / "site")
    assert result.returncode == 1
    for warning in (
        "contains a link 'nowhere.md', but the target is not found among documentation files.",
        "contains a link 'projects.md#no-such-card', but the doc 'projects.md' does not contain an anchor",
        "contains a link '#nowhere', but there is no such anchor on this page.",
        "contains an absolute link '/projects/', it was left as is. Did you mean 'projects.md'?",
    ):
        assert f"WARNING -  Doc file 'index.md' {warning}" in result.stderr
    assert "Aborted with 4 warnings in strict mode!" in result.stdout + result.stderr


def test_links_to_cards_and_headings_pass_the_check(project: Path, own_build: Built) -> None:
    card = own_build.portfolio.projects[-1]
    page = own_build.card_pages[card.id].removesuffix("/") + ".md"
    index = project / "docs" / "index.md"
    index.write_text(index.read_text() + f"\n[a]({page}#{card.id}) [b](#technologies) [c]({page})\n")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert f'href="{page.removesuffix(".md")}/#{card.id}"' in (project / "site" / "index.html").read_text()


FIX = "or remove the call and its heading, or drop the page: delete its file and its entry under nav in mkdocs.yml"


@pytest.mark.parametrize("left_out", ["featured", "kind"])
def test_an_empty_selection_fails_the_build_naming_the_page_and_the_fix(
    project: Path, own_build: Built, left_out: str
) -> None:
    projects = project / "data" / "projects.yml"
    records = yaml.safe_load(projects.read_text())
    if left_out == "featured":
        records = [{key: value for key, value in record.items() if key != "featured"} for record in records]
        message = (
            "docs/index.md: MacroError: project_cards(featured=true) selects no project: mark a project featured:"
            f" true in data/projects.yml, {FIX}"
        )
    else:  # a kind that a page of its own shows
        kind = next(kind for kind in KINDS if own_build.pages_of(kind) and own_build.pages_of(kind)[0] != "")
        records = [record for record in records if record["kind"] != kind]
        records[0]["featured"] = True  # the home page still has a card
        message = (
            f"docs/{own_build.pages_of(kind)[0].removesuffix('/')}.md: MacroError: project_cards(kind='{kind}')"
            f" selects no project: add a project of kind: {kind} in data/projects.yml, {FIX}"
        )
    projects.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
    result = build(project, project / "site")
    assert result.returncode == 1
    assert f"ERROR   -  {message}\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_pages_without_a_description_of_their_own_or_out_of_nav_fail_the_build(project: Path, own_build: Built) -> None:
    other = next(page for page in nav_pages(project) if page)  # a page with a description of its own
    copied = unescape(re.search(r'<meta name="description" content="([^"]+)">', own_build.html(other)).group(1))
    cases = {  # named to come after the page they copy: MkDocs reads pages in the order of their names
        "zz-none.md": (None, "has none"),
        "zz-short.md": ("Too short.", "has 10 characters"),
        "zz-copied.md": (copied, f"is also docs/{other.removesuffix('/')}.md's"),
    }
    config = project / "mkdocs.yml"
    for name, (description, _) in cases.items():
        front_matter = f"---\ndescription: {json.dumps(description)}\n---\n\n" if description else ""
        (project / "docs" / name).write_text(f"{front_matter}# {name}\n\nSlides and recordings.\n")
        config.write_text(config.read_text().replace("\nhooks:", f"  - {name}: {name}\n\nhooks:", 1))
    (project / "docs" / "zz-omitted.md").write_text(
        '---\ndescription: "Talks: the slides and recordings of each."\n---\n'
    )
    result = build(project, project / "site")
    assert result.returncode == 1
    for name, (_, problem) in cases.items():
        assert (
            f"WARNING -  portfolio: docs/{name}: description: write one of 50 to 160 characters, its own, in the"
            f" page's front matter (`description: ...`), for search results and link previews; it {problem}\n"
        ) in result.stderr
    assert 'are not included in the "nav" configuration:\n  - zz-omitted.md' in result.stderr


def test_the_favicon_follows_the_primary_colour(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("primary: indigo", "primary: teal"))
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    palette = next((project / "site" / "assets" / "stylesheets").glob("palette.*.min.css")).read_text()
    teal = re.search(r"\[data-md-color-primary=teal\]\{--md-primary-fg-color:(#\w+)", palette)
    assert teal
    assert f'fill="{teal.group(1)}"' in (project / "site" / "assets" / "favicon.svg").read_text()


def test_no_description_or_intro_promises_a_kind_of_work_the_data_has_none_of(built: Built) -> None:
    for kind, name in KINDS.items():
        if built.kind(kind):
            continue
        for page in built.pages:
            heads = re.findall(r'<meta (?:name|property)="[^"]*description" content="([^"]*)"', built.html(page))
            intro = built.html(page).partition("</h1>")[2][:2000]
            for text in [*heads, page_text(intro)]:
                assert name.lower() not in unescape(text).lower(), (page, text)
