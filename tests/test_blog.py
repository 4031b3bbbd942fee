"""The blog: Material's blog plugin, on once there is a post; feeds, post pages and the home page's newest posts."""

from __future__ import annotations

import json
import re
import urllib.request
from html import unescape
from pathlib import Path

import feedparser
from helpers import Built, build, fork_project, mkdocs_serve, page_text, site_name_of, write_post, write_posts

FEEDS = {"feed_rss.xml": "rss20", "feed_atom.xml": "atom10"}


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (a loopback URL)
        return response.read().decode()


def head_values(html: str, pattern: str) -> list[str]:
    return [unescape(value) for value in re.findall(pattern, html)]


def post_pages(built: Built) -> list[str]:
    """The addresses of the post pages in the sitemap: blog/<year>/<slug>/."""
    return [page for page in built.pages if re.fullmatch(r"blog/\d{4}/[^/]+/", page)]


def test_the_blog_is_there_exactly_when_a_post_is(built: Built) -> None:
    blog = [page for page in built.pages if page.startswith("blog/")]
    assert bool(blog) == bool(built.posts)
    assert (built.site / "blog").exists() == bool(built.posts)
    search = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert ('"location":"blog/' in search.replace(" ", "")) == bool(built.posts)
    for page in built.pages:
        html = built.html(page)
        links = re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml" href="([^"]+)"', html)
        assert len(links) == (2 if built.posts else 0), page  # every page links both feeds, or none
        tabs = re.findall(r'<a href="[^"]*" class="md-tabs__link">\s*(.*?)\s*</a>', html)
        assert ("Blog" in tabs) == bool(built.posts), page
    assert len(post_pages(built)) == len(built.posts)


def test_each_feed_lists_the_published_posts_newest_first(built: Built) -> None:
    if not built.posts:
        assert not any((built.site / feed).exists() for feed in FEEDS)
        return
    for feed, version in FEEDS.items():
        parsed = feedparser.parse((built.site / feed).read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
        assert parsed.version == version
        entries = parsed.entries
        assert [entry.title for entry in entries] == [post_title(post) for post in built.posts]
        assert [entry.summary for entry in entries] == [post["description"] for post in built.posts]
        for entry, post in zip(entries, built.posts, strict=True):
            assert entry.link.startswith(built.site_url + "blog/"), entry.link
            assert (built.site / entry.link.removeprefix(built.site_url) / "index.html").is_file()
            assert entry.published_parsed[:3] == post["date"].timetuple()[:3]
            assert [tag.term for tag in entry.get("tags", [])] == post.get("categories", [])


def page_of(built: Built, post: dict) -> str:
    """The address of a post's page: the post page headed with its title."""
    title = post_title(post)
    headings = {page: re.findall(r"<h1[^>]*>(.*?)</h1>", built.html(page), re.S) for page in post_pages(built)}
    found = [page for page, heading in headings.items() if [page_text(h).rstrip("¶ ") for h in heading] == [title]]
    assert len(found) == 1, (title, found)
    return found[0]


def post_title(post: dict) -> str:
    """A post's title: its first heading."""
    found = re.search(r"(?m)^# (.+)$", post["source"].read_text(encoding="utf-8"))
    assert found
    return found.group(1)


def test_each_post_page_is_an_article_with_its_picture_and_a_way_back(built: Built) -> None:
    author = built.portfolio.profile.name or site_name_of(built.project)
    for post in built.posts:
        page = page_of(built, post)
        html = built.html(page)
        assert head_values(html, r'<meta property="og:type" content="([^"]+)"') == ["article"]
        published = head_values(html, r'<meta property="article:published_time" content="([^"]+)"')
        assert [value[:10] for value in published] == [str(post["date"])[:10]]
        assert head_values(html, r'<meta name="description" content="([^"]+)"') == [post["description"]]
        assert head_values(html, r'<meta property="og:image" content="([^"]+)"')  # its own link-preview picture
        blocks = [
            json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
        ]
        [posting] = [block for block in blocks if block.get("@type") == "BlogPosting"]
        assert posting["headline"] == post_title(post)
        assert posting["url"] == built.site_url + page
        assert posting["datePublished"][:10] == str(post["date"])[:10]
        assert posting["author"]["name"] == author
        assert posting["author"]["url"] == built.site_url
        assert re.search(r'<div class="md-post__back">', html), page  # back to the blog


def test_drafts_are_never_published(built: Built) -> None:
    published = " ".join(page_text(built.html(page)) for page in built.pages)
    feeds = " ".join((built.site / feed).read_text() for feed in FEEDS if (built.site / feed).exists())
    for draft in built.drafts:
        title = post_title({"source": draft})
        assert title not in published
        assert title not in feeds


def test_the_home_page_shows_the_three_newest_posts(built: Built) -> None:
    home = built.html("")
    listed = re.findall(r'<li class="pf-posts__item"><a href="([^"]+)">(.*?)</a> <time datetime="([^"]+)">', home)
    calls = "latest_posts()" in (built.project / "docs" / "index.md").read_text(encoding="utf-8")
    newest = built.posts[:3] if calls else []  # (a fork may drop the section that shows them)
    assert [unescape(title) for _, title, _ in listed] == [post_title(post) for post in newest]
    assert [date for _, _, date in listed] == [str(post["date"])[:10] for post in newest]
    for href, _, _ in listed:
        assert (built.site / href / "index.html").is_file()
    assert ('id="writing"' in home) == bool(newest)  # its heading too, only with posts


def test_macros_run_in_a_post_that_asks_and_braces_stay_as_written_elsewhere(built: Built) -> None:
    for post in built.posts:
        source = post["source"].read_text(encoding="utf-8")
        page = page_of(built, post)
        html = built.html(page)
        assert "{%" not in html
        assert "Macro Rendering Error" not in html
        if post.get("render_macros"):
            assert "{{" not in page_text(html)
        else:
            for braces in re.findall(r"\{\{[^}]*\}\}", source):
                assert braces in unescape(re.sub(r"<[^>]+>", "", html)), braces


MISTAKES = {  # a post's front matter, made wrong, and the one line it gets
    "no-date.md": (
        ("date: 2024-05-01\n", ""),
        ": date: write the day it was first published, such as `date: 2024-05-01`; has none",
    ),
    "not-a-date.md": (
        ("date: 2024-05-01", "date: soon"),
        ": date: write the day it was first published, such as `date: 2024-05-01`; found 'soon'",
    ),
    "not-yaml.md": (
        ("date: 2024-05-01", "date: 2024-05-01\nnote: a: b"),
        ":3: front matter is not valid YAML: mapping values are not allowed here (quote values with ': ')",
    ),
}


def test_mistakes_in_posts_stop_the_build_with_one_line_each(project: Path) -> None:
    for name, ((old, new), _) in MISTAKES.items():
        post = write_post(project, name, title=name)
        post.write_text(post.read_text().replace(old, new))
    result = build(project, project / "site")
    assert result.returncode == 1
    lines = [f"docs/blog/posts/{name}{message}" for name, (_, message) in MISTAKES.items()]
    assert "ERROR   -  docs/blog/posts/" in result.stderr  # one error, a line for each post
    assert all(f"{line}\n" in result.stderr for line in lines)
    assert "Traceback" not in result.stderr


def test_a_category_outside_the_allowed_ones_stops_the_build(project: Path) -> None:
    write_post(project, "bad.md", extra="\ncategories: [Rendering]")
    config = project / "mkdocs.yml"  # categories restricted, as README says
    config.write_text(
        config.read_text().replace(
            "      enabled: false\n", "      enabled: false\n      categories_allowed: [Notes]\n"
        )
    )
    assert_stops(
        project,
        "Error reading categories of post 'blog/posts/bad.md' in 'docs': category 'Rendering' not in allow list",
    )


def test_two_posts_at_one_address_stop_the_build(project: Path) -> None:
    write_post(project, "one.md")
    write_post(project, "two.md")
    assert_stops(
        project,
        "docs/blog/posts/two.md: title: docs/blog/posts/one.md is published at /blog/2024/a-test-post/ too:"
        " give one of them another title, or a `slug:` in its front matter",
    )


def assert_stops(project: Path, line: str) -> None:
    """The project's build fails with that one line, and no traceback."""
    result = build(project, project / "site")
    assert result.returncode == 1
    assert f"ERROR   -  {line}\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_hundred_posts_build_with_pages_of_ten(tmp_path: Path) -> None:
    project = fork_project(tmp_path / "project")
    config = project / "mkdocs.yml"  # without the 260 link-preview pictures, drawn in 10 s (the bench counts them)
    config.write_text(config.read_text().replace("  - social:\n", "  - social:\n      enabled: false\n"))
    write_posts(project, 200)
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site" / "blog"
    assert len(list(site.glob("20*/*/index.html"))) == 200 + 2  # and the fork's own two
    assert (site / "page" / "2" / "index.html").is_file()  # the index in pages of ten
    assert len(feedparser.parse((project / "site" / "feed_rss.xml").read_bytes()).entries) == 20


def test_a_draft_alone_makes_no_blog_and_serve_shows_it(project: Path, tmp_path: Path) -> None:
    draft = write_post(project, "draft.md", title="A draft in progress", extra="\ndraft: true")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "blog").exists()
    assert "feed_rss.xml" not in (project / "site" / "index.html").read_text()
    with mkdocs_serve(project, tmp_path / "serve.log") as (_, url):  # Material's default: serve shows drafts
        blog = fetch(url + "blog/")
    assert "A draft in progress" in blog
    assert draft.exists()  # and nothing was written into docs/
    assert sorted(path.name for path in (project / "docs" / "blog").rglob("*")) == ["draft.md", "index.md", "posts"]
