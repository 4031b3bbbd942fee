"""MkDocs hooks (mkdocs.yml lists this file under hooks:): everything a build does besides the macros.

main.py loads data/ and registers the macros, and hands the rest over in a portfolio.build.Build; this module
- adds the Markdown extensions (the macros' raw HTML, links that leave the site), in one place;
- gives the theme what it shows from the data: the site's description, the footer's links, the JSON-LD,
  the texts of the link-preview pictures (and their font to Material's social plugin);
- writes the site's other outputs: the badges' colours in the stylesheet, robots.txt, resume.json and the
  favicon, and joins each page's stylesheets into one, without the rules no page can use
  (portfolio/sitewide/firstpaint.py);
- gives every page its Content-Security-Policy;
- holds pages to their rules (a description of their own, a place in nav, docs/CNAME for site_url's host) and
  fails `mkdocs build` and `gh-deploy` on any warning, as --strict does;
- reports mistakes (bad data, a misused macro, front matter that is not YAML) in one line naming the file:
  a build fails on them; `mkdocs serve`, once its first build has passed, shows them on the pages instead.

MkDocs imports this file once per process: an edit to it takes effect when `mkdocs serve` restarts. The
package is imported afresh on every build (on_config), so edits to portfolio/ show on the next rebuild.

What it relies on in other packages, each guarded by a test that fails before anything is published:
- mkdocs-macros writes a failed macro into the page, as "# _Macro Rendering Error_" or "# _Macro Syntax
  Error_", and logs it with its traceback (_FAILED_PAGE, _ERROR_LINE, _MACROS_LOG): tests/test_build.py.
- Material writes its inline scripts in partials/javascripts/ (portfolio/sitewide/csp.py): tests/test_security.py.
- Python-Markdown's raw-HTML stash and MkDocs' "mkdocs_raw_html" step (portfolio/pages/rawhtml.py):
  tests/test_rawhtml.py.
- overrides/main.html rewrites Material's config block to start search on demand: tests/test_pages_browser.py.
- Material's palette stylesheet names each primary colour's value (the favicon): tests/test_build.py.
"""

from __future__ import annotations

import datetime
import html
import json
import logging
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markupsafe import Markup
from material.plugins.blog.structure import Archive, Category, Post, View
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# Names that Material's bundle adds only inside an element of the page (the start of the names: that element's
# class), so they are kept only when a page has that element: the facts of the repository link (repo_url), the
# controls of a set of tabs (pymdownx.tabbed), a page's tags (the tags plugin), in the page or in search results.
# Read from Material 9.8's bundle; test_purge_browser checks the controls this site has.
MATERIAL_INSIDE = {"md-source": "md-source", "tabbed-": "tabbed-set", "md-tag": "md-tag"}
FEED_LENGTH = 20  # the newest posts each feed lists
STYLESHEET = "stylesheets/portfolio.css"  # in docs/, and in the site with the badge colours added
LOG = get_plugin_logger("portfolio")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Front matter is read with libyaml when PyYAML has it (Python's parser only words an error), as data/ is.
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FAILED_PAGE = re.compile(r"\A# _Macro (Rendering|Syntax) Error_")
_ERROR_LINE = re.compile(r"^_(?!File_)(\w+)_: (.*)$|^_Line (\d+) in Markdown file:_ \*\*(.*)\*\*$", re.M)
_MACROS_LOG = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")
_MACROS_LOG.addFilter(lambda record: "# _Macro " not in record.getMessage())  # reported in one line below


class _Process:
    """What this process is doing: `mkdocs serve` keeps serving through mistakes once a build has passed."""

    command: str | None = None  # serve, build or gh-deploy (none when a build is run from Python)
    served: bool = False
    descriptions: dict[str, str] = {}  # noqa: RUF012 (this build's page descriptions: the page that has each)

    @classmethod
    def forgiving(cls) -> bool:
        """Whether a mistake is shown on the pages rather than failing the build."""
        return cls.command == "serve" and cls.served


def on_startup(*, command: str, dirty: bool) -> None:
    """Note the command: only `mkdocs serve` relaxes the policy and forgives mistakes."""
    _Process.command = command


class _Warnings(logging.Handler):
    """Counts the warnings of a build, so that `mkdocs build` and `mkdocs gh-deploy` fail on them as --strict does."""

    count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_WARNINGS = _Warnings(logging.WARNING)


@event_priority(100)  # before mkdocs-macros runs main.py, which imports the package
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the package, so that this build imports it afresh (`mkdocs serve` picks up edits to it); count
    warnings unless serving; check docs/CNAME against site_url."""
    for name in [name for name in sys.modules if name.partition(".")[0] == "portfolio"]:
        del sys.modules[name]
    _Process.descriptions = {}
    _WARNINGS.count = 0
    if _Process.command != "serve":
        logging.getLogger("mkdocs").addHandler(_WARNINGS)
        _check_cname(config)
    _switch_blog(config)
    return config


def _switch_blog(config: MkDocsConfig) -> None:
    """Turn Material's blog on, with its tab and feeds, once docs/blog/posts/ holds a post to publish (a draft
    counts while serving, which shows drafts)."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return
    posts = Path(config.docs_dir) / blog.config.post_dir.format(blog=blog.config.blog_dir)
    drafts_count = _Process.command == "serve" and blog.config.draft_on_serve
    blog.config.enabled = any(drafts_count or not _is_draft(post) for post in sorted(posts.rglob("*.md")))
    if not blog.config.enabled:
        return
    from portfolio.sitewide.feeds import FEEDS  # noqa: PLC0415 (imported afresh on every build)

    config.extra["feeds"] = FEEDS  # every page links them
    folder = blog.config.blog_dir.strip("/")
    if config.nav is not None and f"{folder}/index.md" not in str(config.nav):
        config.nav.append({"Blog": [f"{folder}/index.md"]})  # a section: the archive and categories go in it


def _is_draft(post: Path) -> bool:
    """Whether a post says `draft: true` (front matter that is not YAML is reported with the post's other
    mistakes)."""
    meta = _front_matter(post.read_text(encoding="utf-8-sig"))
    return isinstance(meta, dict) and meta.get("draft") is True


def _front_matter(text: str) -> object:
    """A Markdown file's front matter, read as YAML; None when it has none or it is not YAML."""
    found = _FRONT_MATTER.match(text)
    try:
        return yaml.load(found.group(1), Loader=_YAML) if found else None  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError):  # (a date such as 2024-13-01 is a ValueError)
        return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Without a blog, leave docs/blog/ out of the site (its index, drafts and pictures alike). With one, stop at
    a post's front matter or date that Material's blog plugin would report in several lines, or not at all."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return files
    folder = blog.config.blog_dir.strip("/") + "/"
    if not blog.config.enabled:
        for file in [file for file in files if file.src_uri.startswith(folder)]:
            files.remove(file)
        return files
    posts = blog.config.post_dir.format(blog=blog.config.blog_dir).strip("/") + "/"
    problems = [
        f"{Path(config.docs_dir).name}/{file.src_uri}{problem}"
        for file in files.documentation_pages()
        if file.src_uri.startswith(posts) and (problem := _post_problem(Path(file.abs_src_path)))
    ]
    if problems:
        raise PluginError("\n".join(problems))
    return files


def _post_problem(post: Path) -> str | None:
    """What is wrong with a post's front matter, as ':line: what to do' (or ': ...'); None when nothing is."""
    text = post.read_text(encoding="utf-8-sig")
    if not _FRONT_MATTER.match(text):
        return ": no front matter: start the post with its date, as `---\\ndate: 2024-05-01\\n---`"
    if problem := _front_matter_problem(text):
        return problem
    meta = _front_matter(text)
    date = meta.get("date") if isinstance(meta, dict) else None
    if isinstance(date, dict):
        if "created" not in date:
            return ": date: needs `created:`, the day it was first published, such as `created: 2024-05-01`"
        date = date["created"]
    if not isinstance(date, datetime.date):
        found = "has none" if date is None else f"found {date!r}"
        return f": date: write the day it was first published, such as `date: 2024-05-01`; {found}"
    return None


@event_priority(-60)  # after Material's blog has given each post its address
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Stop at two posts published at one address (one would replace the other); hand the posts to the macros."""
    from portfolio.build import Build  # noqa: PLC0415 (imported afresh on every build)

    seen: dict[str, Page] = {}
    for post in _posts(config):
        first = seen.setdefault(post.url, post)
        if first is not post:
            raise PluginError(
                f"docs/{post.file.src_uri}: title: docs/{first.file.src_uri} is published at /{post.url} too:"
                " give one of them another title, or a `slug:` in its front matter"
            )
    Build.of(config).posts[:] = [_post_record(post, config) for post in _posts(config)]
    return nav


def _check_cname(config: MkDocsConfig) -> None:
    """GitHub Pages serves the domain in docs/CNAME: it must be site_url's, or the site is published elsewhere."""
    cname = Path(config.docs_dir) / "CNAME"
    if not cname.is_file():
        return
    domain, host = cname.read_text(encoding="utf-8").strip(), urlsplit(config.site_url or "").hostname
    if domain != host:
        raise PluginError(
            f"docs/CNAME names {domain} but site_url in mkdocs.yml is {config.site_url}: make them one domain,"
            " or delete docs/CNAME to publish at <user>.github.io"
        )


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Give the theme what it shows from the data and Markdown its extensions; stop at bad data, or show it on
    every page while serving."""
    from portfolio.build import Build  # noqa: PLC0415 (imported afresh on every build)
    from portfolio.sitewide import csp, outputs  # noqa: PLC0415
    from portfolio.sitewide.links import LeavingLinks  # noqa: PLC0415

    _provide_font(config)
    config.extra["content_security_policy"] = csp.MARKER
    build = Build.of(config)  # what main.py loaded
    config.markdown_extensions.extend([*build.markdown_extensions, LeavingLinks()])
    if build.error:
        if not _Process.forgiving():
            raise PluginError(f"invalid data, nothing was built:\n{build.error}")
        LOG.error(f"invalid data, the pages show it until it is fixed:\n{build.error}")
        config.extra["build_error"] = f"Invalid data:\n{build.error}"
    elif data := build.portfolio:
        # Pages without a description of their own; escaped here, as Material's template writes it as it is.
        config.site_description = Markup.escape(data.profile.summary)
        config.extra["social"] = outputs.footer_links(data.profile)
        config.extra["structured_data"] = outputs.structured_data(data, config.site_url)
        config.extra["card"] = outputs.preview_texts(data.profile)  # the link-preview pictures' texts


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail on a macro that failed on this page, or on front matter that is not YAML; while serving, show it.
    Warn of a page without a description of its own (strict builds fail on it)."""
    _describe_view(page, config)
    _check_description(page, config)
    problem = (not page.meta and _front_matter_problem(markdown)) or _macro_problem(markdown, page)
    if not problem:
        return markdown
    message = f"{Path(page.file.abs_src_path).relative_to(Path(config.config_file_path).parent).as_posix()}{problem}"
    if not _Process.forgiving():
        raise PluginError(message)
    LOG.error(message)
    return f'!!! failure "This page failed to build"\n\n    {html.escape(message)}\n'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The tabs name every page: hide Material's navigation sidebar, and the table of contents of a page
    without headings of its own."""
    hidden = page.meta.setdefault("hide", [])
    hidden.append("navigation")
    if not any(item.children for item in page.toc):
        hidden.append("toc")
    return html


def _describe_view(page: Page, config: MkDocsConfig) -> None:
    """Material's blog writes its archive, category and further index pages itself: a description each."""
    if not isinstance(page, View) or _in_docs(page, config):  # (its later pages copy the index's front matter)
        return
    kind = "of" if isinstance(page, Archive) else "about" if isinstance(page, Category) else "on page 2 and after of"
    page.meta["description"] = (
        f"The posts {kind} {page.name or page.file.url} on the blog of {config.site_name}, newest first, each with"
        f" its opening lines ({page.file.url})."
    )


def _in_docs(page: Page, config: MkDocsConfig) -> bool:
    """Whether a page is a file of docs/ (rather than one a plugin writes)."""
    return Path(page.file.abs_src_path or "").is_relative_to(Path(config.docs_dir).resolve())


def _check_description(page: Page, config: MkDocsConfig) -> None:
    """Every page but the home page has a description of its own for search results and link previews."""
    if page.is_homepage:
        return
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    description = page.meta.get("description")
    problem = (
        "has none"
        if not isinstance(description, str) or not description.strip()
        else f"has {len(description)} characters"
        if not 50 <= len(description) <= 160
        else "is the site's (the profile's)"
        if description == html.unescape(config.site_description or "")
        else f"is also {_Process.descriptions[description]}'s"
        if description in _Process.descriptions
        else None
    )
    if problem:
        LOG.warning(
            f"{source}: description: write one of 50 to 160 characters, its own, in the page's front matter"
            f" (`description: ...`), for search results and link previews; it {problem}"
        )
    elif isinstance(description, str):
        _Process.descriptions[description] = source


@event_priority(-100)  # after the plugins' own post-build work (the search index, the pictures), which may warn
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the stylesheet with the badges' colours, robots.txt and resume.json, join each page's stylesheets;
    give each page its policy."""
    from portfolio.build import Build  # noqa: PLC0415 (imported afresh on every build)
    from portfolio.sitewide import csp, firstpaint, outputs  # noqa: PLC0415

    site_dir, data = Path(config.site_dir), Build.of(config).portfolio
    stylesheet = (Path(config.docs_dir) / STYLESHEET).read_text(encoding="utf-8")
    if data:
        stylesheet += outputs.technology_stylesheet(data)
        resume = json.dumps(outputs.json_resume(data, config.site_url), indent=2, ensure_ascii=False) + "\n"
        (site_dir / "resume.json").write_text(resume, encoding="utf-8")
    (site_dir / STYLESHEET).write_text(stylesheet, encoding="utf-8")
    (site_dir / "robots.txt").write_text(outputs.robots_txt(config.site_url), encoding="utf-8")
    cache = Path(config.config_file_path).parent / ".cache" / "portfolio"  # the purged CSS, for the next build
    firstpaint.one_stylesheet(site_dir, config.site_url, inside=MATERIAL_INSIDE, cache=cache)  # one a page
    scripts = csp.theme_scripts(Path(folder) for folder in config.theme.dirs)
    try:
        csp.apply_policy(site_dir, scripts, serving=_Process.command == "serve")
    except csp.PolicyError as error:
        raise PluginError(
            "the Content-Security-Policy runs only the theme's inline scripts: put a script in a file under"
            f" docs/javascripts/ and list it under extra_javascript in mkdocs.yml instead\n{error}"
        ) from None
    _Process.served = _Process.command == "serve"
    _favicon(config)
    _write_feeds(config)
    _fail_on_warnings(config)


# Material's blog templates write navigation landmarks with no name: a post's sidebar and its sections, named by
# their titles (blog-post.html); each excerpt's "Continue reading", a link rather than a navigation (post.html).
_POST_SIDEBAR = '<nav class="md-nav md-nav--primary">'
_SIDEBAR_SECTION = re.compile(
    r'(<div class="md-post__title">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>\s*</div>\s*)<nav class="md-nav">'
)
_CONTINUE = re.compile(r'<nav class="md-post__action">(.*?)</nav>', re.S)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Name the landmarks of the blog's pages, as axe asks: one each, named."""
    if not isinstance(page, (View, Post)):
        return output
    output = output.replace(_POST_SIDEBAR, '<nav class="md-nav md-nav--primary" aria-label="About this post">')
    output = _SIDEBAR_SECTION.sub(r'\1<nav class="md-nav" aria-label="\2">', output)
    return _CONTINUE.sub(r'<div class="md-post__action">\1</div>', output)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """A post's page says it is one: JSON-LD BlogPosting (overrides/main.html writes it, and og:type article)."""
    if isinstance(page, Post) and any(post is page for post in _published(config)):  # by identity (Page.__eq__: slow)
        from portfolio.build import Build  # noqa: PLC0415 (imported afresh on every build)
        from portfolio.sitewide import feeds  # noqa: PLC0415

        profile = Build.of(config).portfolio.profile
        author = {"@type": "Person", "name": profile.name or config.site_name, "url": config.site_url}
        context["post_structured_data"] = feeds.blog_posting(_post_record(page, config), author)
    return context


def _posts(config: MkDocsConfig) -> list[Page]:
    """The blog's published posts, newest first (with drafts while serving); none without a blog."""
    return sorted(_published(config), key=lambda post: post.config.date.created, reverse=True)


def _published(config: MkDocsConfig) -> list[Page]:
    """The blog's published posts, in the blog plugin's order (with drafts while serving); none without a blog."""
    blog = config.plugins.get("material/blog")
    if blog is None or not blog.config.enabled:
        return []
    serving = _Process.command == "serve" and blog.config.draft_on_serve
    return [post for post in blog.blog.posts if serving or not post.config.draft]


def _post_record(post: Page, config: MkDocsConfig):  # -> portfolio.data.posts.PostRecord, imported afresh
    """A post of Material's blog as a plain record: the feeds, the home page and its JSON-LD read it."""
    from portfolio.data.posts import PostRecord  # noqa: PLC0415 (imported afresh on every build)

    title = post.meta.get("title") or re.search(r"(?m)^# (.+)$", post.markdown or "# ")
    return PostRecord(
        title=title if isinstance(title, str) else title.group(1).strip() if title else post.file.name,
        source=post.file.src_uri,
        url=post.canonical_url,
        created=post.config.date.created,
        updated=post.config.date.get("updated"),
        summary=str(post.meta.get("description") or ""),
        categories=tuple(post.config.categories),
    )


def _write_feeds(config: MkDocsConfig) -> None:
    """The blog's RSS and Atom feeds, beside its index: its published posts, newest first."""
    posts = _posts(config)
    if not posts:
        return
    from portfolio.sitewide import feeds  # noqa: PLC0415 (imported afresh on every build)

    blog = config.plugins["material/blog"]
    written = feeds.feeds(
        [_post_record(post, config) for post in posts[:FEED_LENGTH]],
        title=f"{config.site_name}: {blog.blog.title}",
        description=html.unescape(config.site_description or config.site_name),
        blog_url=blog.blog.canonical_url,
        site_url=config.site_url,
    )
    for name, xml in written.items():  # at the site's root: Material's bundle looks for a sitemap beside each
        (Path(config.site_dir) / name).write_text(xml, encoding="utf-8")  # rel=alternate link (a language's)


def _fail_on_warnings(config: MkDocsConfig) -> None:
    """`mkdocs build` and `mkdocs gh-deploy` publish nothing with a warning, as with --strict."""
    logging.getLogger("mkdocs").removeHandler(_WARNINGS)
    if _WARNINGS.count and not config.strict:  # with --strict, MkDocs stops the build itself
        raise PluginError(
            f"{_WARNINGS.count} warning(s) above: a published build has none (fix each; `mkdocs serve` previews"
            " without stopping)"
        )


def _provide_font(config: MkDocsConfig) -> None:
    """Put the link previews' font where Material's social plugin looks before it would download one:
    <cache_dir>/fonts/<family>/."""
    from portfolio.sitewide import preview_font  # noqa: PLC0415 (imported afresh on every build)

    plugin = config.plugins.get("material/social")
    if plugin is not None:
        cache = Path(plugin.config.cache_dir)
        if not cache.is_absolute():  # the plugin takes it relative to mkdocs.yml, as here
            cache = Path(config.config_file_path).parent / cache
        preview_font.install(cache / "fonts")


def _favicon(config: MkDocsConfig) -> None:
    """Draw the favicon from the logo's icon in the palette's primary colour, unless docs/ has one of its own."""
    favicon, logo = config.theme.get("favicon"), config.theme.get("icon", {}).get("logo")
    if not favicon or not logo or (Path(config.docs_dir) / favicon).exists():
        return
    palette = config.theme.get("palette") or [{}]
    primary = (palette[0] if isinstance(palette, list) else palette).get("primary", "indigo")
    dirs = [Path(folder) for folder in config.theme.dirs]
    colours = next((css for folder in dirs for css in folder.glob("assets/stylesheets/palette.*.min.css")), None)
    found = re.search(
        rf"\[data-md-color-primary={re.escape(str(primary).replace(' ', '-'))}\]\{{--md-primary-fg-color:(#\w+)",
        colours.read_text(encoding="utf-8") if colours else "",
    )
    icon = next(folder / ".icons" / f"{logo}.svg" for folder in dirs if (folder / ".icons" / f"{logo}.svg").is_file())
    svg = icon.read_text(encoding="utf-8").replace(
        "<path ", f'<path fill="{found.group(1)}" ' if found else "<path ", 1
    )
    (Path(config.site_dir) / favicon).parent.mkdir(parents=True, exist_ok=True)
    (Path(config.site_dir) / favicon).write_text(svg, encoding="utf-8")


def _front_matter_problem(text: str) -> str | None:
    """Front matter that is not YAML, as ':line: what is wrong': MkDocs would show it as text, and skip the
    macros."""
    front_matter = _FRONT_MATTER.match(text)
    if not front_matter:
        return None
    try:
        yaml.load(front_matter.group(1), Loader=_YAML)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        pass  # worded by Python's parser, below
    else:
        return None
    try:
        yaml.safe_load(front_matter.group(1))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else 1
        return f":{line}: front matter is not valid YAML: {error.problem} (quote values with ': ')"
    return None


def _macro_problem(markdown: str, page: Page) -> str | None:
    """The error that mkdocs-macros wrote in place of the page, as ':line: error' (': error' without a line)."""
    if not _FAILED_PAGE.match(markdown):
        return None
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    front_matter = source.count("\n") - (page.markdown or "").count("\n")  # lines before the body
    found = _ERROR_LINE.search(markdown)
    if found and found.group(3):
        return f":{int(found.group(3)) + front_matter}: {found.group(4)}"
    return f": {found.group(1)}: {found.group(2)}" if found else ": macro error"
