"""The Content-Security-Policy computed for a page, and links that leave the site, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from portfolio.csp import MARKER, apply_policy, inline_scripts, policy, script_hash
from portfolio.links import LeavingLinks, leaves_site

PAGE = """<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="pf-content-security-policy">
<script>var a = 1 && "&amp;"</script>
<script src="bundle.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body><p>x</p><script type="module">
import "./m.js"</script><script type="text/javascript">var a = 1 && "&amp;"</script></body></html>"""


def test_script_hash_is_sha256_in_base64() -> None:
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # sha256 of nothing
    assert script_hash("é") != script_hash("e")


def test_inline_scripts_are_the_ones_a_browser_runs_as_written() -> None:
    assert inline_scripts(PAGE) == ['var a = 1 && "&amp;"', '\nimport "./m.js"', 'var a = 1 && "&amp;"']


def test_policy_allows_the_pages_inline_scripts_by_hash_only() -> None:
    text = policy(PAGE)
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["style-src"] == "'self'"
    hashes = sorted({script_hash(script) for script in inline_scripts(PAGE)})
    assert len(hashes) == 2
    assert directives["script-src"] == " ".join(["'self'", *hashes])
    assert "unsafe" not in text


def test_policy_while_serving_allows_the_live_reload_script() -> None:
    directives = dict(part.split(" ", 1) for part in policy(PAGE, serving=True).split("; "))
    assert directives["script-src"] == "'self' 'unsafe-inline'"  # a hash beside it would switch it off
    assert "unsafe-eval" not in policy(PAGE, serving=True)


def test_apply_policy_fills_in_every_page_that_asks_for_it(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE.replace("var a", "var b"), encoding="utf-8")
    (tmp_path / "verification.html").write_text("<p>no marker</p>", encoding="utf-8")
    pages = apply_policy(tmp_path)
    assert pages == [tmp_path / "a" / "index.html", tmp_path / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert MARKER not in html
        assert f'content="{policy(html)}"' in html
    assert (tmp_path / "verification.html").read_text(encoding="utf-8") == "<p>no marker</p>"
    assert apply_policy(tmp_path) == []  # a page keeps the policy it has


@pytest.mark.parametrize(
    ("href", "leaves"),
    [
        ("https://github.com/", True),
        ("http://example.com", True),
        ("mailto:me@example.com", True),
        ("//example.com/", True),
        ("projects.md", False),
        ("../projects/#game-backends", False),
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
    assert '<a href="mailto:me@example.com" rel="noopener noreferrer">c</a>' in html
    assert '<a href="https://example.org/" rel="noopener noreferrer">https://example.org/</a>' in html
    assert '<a href="https://example.net/" rel="me noopener noreferrer">d</a>' in html
