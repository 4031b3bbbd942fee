"""The Content-Security-Policy computed for a page, and links that leave the site, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from portfolio.sitewide.csp import (
    MARKER,
    PolicyError,
    apply_policy,
    inline_scripts,
    policy,
    script_elements,
    script_hash,
    theme_scripts,
)
from portfolio.sitewide.links import LeavingLinks, leaves_site

# A theme's templates (as Material's partials/javascripts/ are) and a page built from them.
TEMPLATES = {
    "base.html": '<script>var a = 1 && "&amp;", scope = new URL("{{ config.extra.scope | d(base_url) }}")</script>',
    "content.html": '<script>{% if x %}b(){% endif %}</script>{% if y %}<script>\nimport "./m.js"</script>{% endif %}',
}
PAGE = """<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="pf-content-security-policy">
<script>var a = 1 && "&amp;", scope = new URL("../")</script>
<script src="bundle.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body><p>x</p><script type="module">
import "./m.js"</script>
<script type="text/javascript">var a = 1 && "&amp;", scope = new URL("../")</script></body></html>"""


@pytest.fixture
def allowed(tmp_path: Path) -> list[re.Pattern[str]]:
    """The inline scripts of the theme above."""
    folder = tmp_path / "theme" / "partials" / "javascripts"
    folder.mkdir(parents=True)
    for name, text in TEMPLATES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return theme_scripts([tmp_path / "theme"])


def test_script_hash_is_sha256_in_base64() -> None:
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # sha256 of nothing
    assert script_hash("é") != script_hash("e")


def test_inline_scripts_are_the_ones_a_browser_runs_as_written() -> None:
    script = 'var a = 1 && "&amp;", scope = new URL("../")'
    assert inline_scripts(PAGE) == [script, '\nimport "./m.js"', script]
    other_types = '<script type="text/ecmascript">a()</script><script type=" Module ">b()</script>'
    assert inline_scripts(other_types + '<script type="importmap-not">{}</script>') == ["a()", "b()"]


def test_theme_scripts_stand_for_the_scripts_the_templates_write(allowed: list[re.Pattern[str]]) -> None:
    assert len(allowed) == 2  # a script with {% if %} inside is left out: it cannot be told apart from others
    base = next(pattern for pattern in allowed if pattern.pattern.startswith("var"))
    for scope in ("../", ".", "/", "https://example.org/sub-dir/"):
        assert base.fullmatch(f'var a = 1 && "&amp;", scope = new URL("{scope}")')
    for scope in ('"),alert(1)//', "\\", "x y", "`${alert(1)}`", "(1)"):
        assert not base.fullmatch(f'var a = 1 && "&amp;", scope = new URL("{scope}")')


def test_policy_allows_the_themes_inline_scripts_by_hash_only(allowed: list[re.Pattern[str]]) -> None:
    text = policy(PAGE, allowed)
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["style-src"] == "'self'"
    hashes = sorted({script_hash(script) for script in inline_scripts(PAGE)})
    assert len(hashes) == 2
    assert directives["script-src"] == " ".join(["'self'", *hashes])
    assert "unsafe" not in text


def test_an_inline_script_the_theme_does_not_write_is_refused(allowed: list[re.Pattern[str]]) -> None:
    with pytest.raises(PolicyError) as raised:
        policy(PAGE.replace("<p>x</p>", "<p><script>alert(1)</script></p>"), allowed)
    assert str(raised.value) == "an inline script: 'alert(1)'"


def test_policy_while_serving_allows_the_live_reload_script(allowed: list[re.Pattern[str]]) -> None:
    page = PAGE.replace("<p>x</p>", "<script>livereload(1, 2)</script>")
    directives = dict(part.split(" ", 1) for part in policy(page, allowed, serving=True).split("; "))
    assert directives["script-src"] == "'self' 'unsafe-inline'"  # a hash beside it would switch it off
    assert "unsafe-eval" not in policy(page, allowed, serving=True)


def test_apply_policy_fills_in_every_page_that_asks_for_it(tmp_path: Path, allowed: list[re.Pattern[str]]) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "index.html").write_text(PAGE.replace('URL("../")', 'URL(".")'), encoding="utf-8")
    (site / "verification.html").write_text("<p>no marker</p>", encoding="utf-8")
    pages = apply_policy(site, allowed)
    assert pages == [site / "a" / "index.html", site / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert MARKER not in html
        assert f'content="{policy(html, allowed)}"' in html
    assert (site / "verification.html").read_text(encoding="utf-8") == "<p>no marker</p>"
    assert apply_policy(site, allowed) == []  # a page keeps the policy it has


def test_apply_policy_names_every_page_with_a_foreign_script(tmp_path: Path, allowed: list[re.Pattern[str]]) -> None:
    for name, extra in (("a.html", "<script>one()</script>"), ("b.html", "<script>two()</script><script>3</script>")):
        (tmp_path / name).write_text(PAGE.replace("<p>x</p>", extra), encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        apply_policy(tmp_path, allowed)
    assert str(raised.value).splitlines() == [
        "a.html: an inline script: 'one()'",
        "b.html: an inline script: 'two()'",
        "b.html: an inline script: '3'",
    ]


@pytest.mark.parametrize(
    ("href", "leaves"),
    [
        ("https://github.com/", True),
        ("http://example.com", True),
        ("mailto:me@example.com", False),
        ("//example.com/", True),
        ("projects.md", False),
        ("../projects/#a-card", False),
        ("/projects/", False),
        ("#about", False),
    ],
)
def test_leaves_site(href: str, leaves: bool) -> None:
    assert leaves_site(href) == leaves


def test_markdown_links_that_leave_the_site_tell_it_nothing() -> None:
    html = markdown.markdown(
        "[a](https://example.com/) [b](projects.md) [c](mailto:me@example.com) <https://example.org/>\n\n"
        '[d](https://example.net/){: rel="me" }',
        extensions=["attr_list", LeavingLinks()],
    )
    assert '<a href="https://example.com/" rel="noopener noreferrer">a</a>' in html
    assert '<a href="projects.md">b</a>' in html
    assert '<a href="mailto:me@example.com">c</a>' in html
    assert '<a href="https://example.org/" rel="noopener noreferrer">https://example.org/</a>' in html
    assert '<a href="https://example.net/" rel="me noopener noreferrer">d</a>' in html


def test_the_quick_reading_finds_every_script_and_the_policy_trusts_only_the_whole_page(
    allowed: list[re.Pattern[str]],
) -> None:
    assert script_elements(PAGE) == inline_scripts(PAGE)
    commented = PAGE.replace("<p>x</p>", "<!-- <script>alert(1)</script> -->")
    assert "alert(1)" in script_elements(commented)  # taken for a script by the quick reading...
    assert policy(commented, allowed) == policy(PAGE, allowed)  # ...but a browser would not run it
    hidden = PAGE.replace("<p>x</p>", "<!-- <script> --><script>alert(1)</script>")
    with pytest.raises(PolicyError) as raised:
        policy(hidden, allowed)
    assert str(raised.value) == "an inline script: 'alert(1)'"
