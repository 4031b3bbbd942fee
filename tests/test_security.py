"""The built site's defences: a strict Content-Security-Policy on every page, and links that leave it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from unittest.mock import ANY

import material
import pytest
from helpers import ROOT, a_page, build

from portfolio.sitewide.csp import inline_scripts, script_hash
from portfolio.sitewide.links import leaves_site

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of a page, in order, with its attributes."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def directives(html: str) -> dict[str, list[str]]:
    """The page's Content-Security-Policy, by directive."""
    metas = [
        attrs for tag, attrs in elements(html) if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    parts = [part.split() for part in metas[0]["content"].split(";")]
    return {part[0]: part[1:] for part in parts}


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) >= 4  # three pages and 404.html
    return found


def test_every_page_carries_a_strict_policy_first_in_its_head(site: Path) -> None:
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        policy = directives(html)
        assert policy["default-src"] == ["'self'"], page
        assert policy["object-src"] == ["'none'"], page
        assert policy["base-uri"] == ["'none'"], page
        assert policy["form-action"] == ["'none'"], page
        assert policy["style-src"] == ["'self'"], page
        hashes = sorted({script_hash(script) for script in inline_scripts(html)})
        assert len(hashes) >= 2, page  # Material's inline scripts
        assert policy["script-src"] == ["'self'", *hashes], page
        assert "unsafe" not in str(policy), page
        tags = elements(html)
        first = tags[[tag for tag, _ in tags].index("head") + 1]
        assert first == ("meta", {"http-equiv": "Content-Security-Policy", "content": ANY}), page
        assert ("meta", {"name": "referrer", "content": "no-referrer"}) in tags, page
        assert b'<meta charset="utf-8">' in page.read_bytes()[:1024], page  # where browsers look for it


def test_a_build_never_gets_the_relaxed_policy_of_mkdocs_serve(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", "site_url: http://127.0.0.1:8000/", config.read_text()))
    (project / "docs" / "CNAME").unlink(missing_ok=True)  # no domain of its own: served at site_url
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-inline'" not in html
    assert directives(html)["script-src"][1:] == sorted({script_hash(script) for script in inline_scripts(html)})


def test_an_inline_script_written_in_a_page_fails_the_build(project: Path) -> None:
    other = a_page(project)
    page = project / "docs" / f"{other.removesuffix('/')}.md"
    page.write_text(page.read_text() + '\n<script>document.title = "hi"</script>\n')
    result = build(project, project / "site")
    assert result.returncode == 1
    assert "ERROR   -  the Content-Security-Policy runs only the theme's inline scripts: put a script in a file" in (
        result.stderr
    )
    assert f"\n{other}index.html: an inline script: 'document.title = \"hi\"'\n" in result.stderr


def test_links_that_leave_the_site_tell_it_nothing(site: Path) -> None:
    leaving = 0
    for page in pages(site):
        for tag, attrs in elements(page.read_text(encoding="utf-8")):
            if tag == "a" and leaves_site(attrs.get("href", "")):
                leaving += 1
                rel = attrs.get("rel", "").split()
                assert "noopener" in rel, (page, attrs)
                assert "noreferrer" in rel, (page, attrs)
    assert leaving >= 2 * len(pages(site))  # at least the footer's links (GitHub, Material) on every page


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        (
            "social.html",
            [
                ('{% set rel = "noopener" %}', '{% set rel = "noopener noreferrer" %}'),
                ("{{ social.link }}", "{{ social.link | e }}"),
            ],
        ),
        ("copyright.html", [('rel="noopener"', 'rel="noopener noreferrer"')]),
    ],
)
def test_overridden_partials_are_materials_with_only_the_documented_changes(name: str, changes: list) -> None:
    theirs = (MATERIAL_PARTIALS / name).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert theirs.count(old) == 1, old
        theirs = theirs.replace(old, new)
    header = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
    assert theirs.startswith(header)
    assert ours.splitlines()[0].startswith(f"{{#- Material's partials/{name} (9.8.1), with ")
    assert ours.split("\n", 1)[1] == theirs.removeprefix(header)
