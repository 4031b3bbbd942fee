"""One render-blocking stylesheet a page and no parser-blocking script: on small sites and on the built site."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest
import yaml
from helpers import Built

from hooks import MATERIAL_INSIDE
from portfolio.sitewide import firstpaint
from portfolio.sitewide.firstpaint import joined, one_stylesheet, site_names
from portfolio.sitewide.purge import purged

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
SCRIPT = re.compile(r"<script\b([^>]*)>")
PRELOAD = re.compile(r'<link rel="preload" as="script" fetchpriority="low" href="([^"]+)">')
PAGE = '<html><head><title>t</title>\n{links}\n<script src="x.js"></script></head><body>{body}</body></html>'


def page(*hrefs: str, body: str = "") -> str:
    return PAGE.format(links="\n".join(f'<link rel="stylesheet" href="{href}">' for href in hrefs), body=body)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_pages_link_one_stylesheet_made_of_theirs_in_their_order(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "assets/main.css": "a { color: red; background: url(img/a.svg); }",
            "assets/palette.css": "a { color: blue; }",
            "extra/site.css": 'a { color: green; background: url("b.png") url(data:x) url(/c.png) url(#d); }',
            "index.html": page("assets/main.css", "assets/palette.css", "extra/site.css"),
            "deep/er/index.html": page("../../assets/main.css", "../../assets/palette.css", "../../extra/site.css"),
            "404.html": page("/sub/assets/main.css", "/sub/assets/palette.css", "/sub/extra/site.css"),
        },
    )
    bundles = one_stylesheet(tmp_path, "https://example.com/sub/", purge=False)  # (the pages use no rule)
    [(bundle, parts)] = bundles.items()
    assert parts == ["assets/main.css", "assets/palette.css", "extra/site.css"]
    css = (tmp_path / bundle).read_text(encoding="utf-8")
    assert css == (
        "a { color: red; background: url(img/a.svg); }\na { color: blue; }\n"
        'a { color: green; background: url("../extra/b.png") url(data:x) url(/c.png) url(#d); }'
    )
    assert bundle == f"assets/site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    name = bundle.removeprefix("assets/")
    for html, href in [
        ("index.html", f"assets/{name}"),
        ("deep/er/index.html", f"../../assets/{name}"),
        ("404.html", f"/sub/assets/{name}"),
    ]:
        text = (tmp_path / html).read_text(encoding="utf-8")
        assert STYLESHEET.findall(text) == [href]
        assert text.startswith("<html><head><title>t</title>\n")  # the rest of the page as it was
        assert text.endswith('\n<script src="x.js"></script></head><body></body></html>')


def test_the_purged_css_is_kept_for_the_next_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "a.css": "a{color:red}table{color:blue}",
        "b.css": "p{color:green}",
        "index.html": page("a.css", "b.css", body="<p><a>x</a></p>"),
    }
    sites, cache = [tmp_path / "first", tmp_path / "second"], tmp_path / "cache"
    for site in sites:
        write(site, files)
    [first] = one_stylesheet(sites[0], None, cache=cache)
    assert (sites[0] / first).read_text(encoding="utf-8") == "a{color:red}p{color:green}"  # no table on the page

    def computed_again(*_: object) -> str:
        raise AssertionError("purged again")

    monkeypatch.setattr(firstpaint, "purged", computed_again)
    assert one_stylesheet(sites[1], None, cache=cache) == {first: ["a.css", "b.css"]}
    assert len(list(cache.iterdir())) == 1


def test_pages_that_link_elsewhere_or_once_are_left_alone(tmp_path: Path) -> None:
    pages = {
        "one.html": page("a.css"),
        "far.html": page("a.css", "https://fonts.example/b.css"),
        "missing.html": page("a.css", "gone.css"),
        "body.html": page("a.css", body='<link rel="stylesheet" href="b.css">'),
    }
    write(tmp_path, {"a.css": "a {}", "b.css": "b {}", **pages})
    assert one_stylesheet(tmp_path, None) == {}
    for name, text in pages.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert sorted(path.name for path in tmp_path.glob("*.css")) == ["a.css", "b.css"]


def material_stylesheets() -> list[Path]:
    """Material's own stylesheets, in the order its base template links them."""
    templates = Path(material.__file__).parent / "templates"
    names = re.findall(r"'(assets/stylesheets/[^']+\.css)'", (templates / "base.html").read_text(encoding="utf-8"))
    assert len(names) == 2  # main and palette
    return [templates / name for name in names]


def test_every_page_links_one_stylesheet_material_then_palette_then_the_sites_own(built: Built) -> None:
    site = built.site
    config = (built.project / "mkdocs.yml").read_text(encoding="utf-8")  # its Python tags are no YAML for safe_load
    extra_css = yaml.safe_load(re.search(r"(?m)^extra_css:\n(?:  .*\n)+", config)[0])["extra_css"]
    parts = [f"assets/stylesheets/{path.name}" for path in material_stylesheets()] + extra_css
    for part, theirs in zip(parts, material_stylesheets(), strict=False):  # Material's own files, as it has them
        assert (site / part).read_bytes() == theirs.read_bytes()
    hrefs = set()
    for path in built.pages:
        html = built.html(path)
        [href] = STYLESHEET.findall(html)
        assert "<style" not in html
        hrefs.add(href.rpartition("/")[2])
    [name] = hrefs
    css = (site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    assert name == f"site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    whole = joined(site, parts)  # each one whole, in today's cascade order, then what no page uses left out
    assert css == purged(whole, site_names(site, built.site_url, inside=MATERIAL_INSIDE))
    assert len(css) < len(whole)  # (Material styles features this site does not use)


def test_the_filter_script_comes_only_with_a_filter(built: Built) -> None:
    """javascripts/filter.js is preloaded (and so run) by the pages that have the technology filter, and only them:
    a visitor of another page does not download it (instant navigation, off here, would need it everywhere)."""
    with_filter = []
    for path in built.pages:
        html = built.html(path)
        scripts = [href.rsplit("/", 1)[-1] for href in PRELOAD.findall(html)]
        assert ("filter.js" in scripts) == ('class="pf-filter"' in html), path
        with_filter += ["filter.js" in scripts]
    assert any(with_filter)  # the comparison means something
    assert not all(with_filter)


def test_no_script_blocks_the_parser(built: Built) -> None:
    for path in built.pages:
        html = built.html(path)
        preloaded = PRELOAD.findall(html)  # run by partials/javascripts/after-paint.html, once the page is painted
        assert preloaded, path
        assert "/javascripts/bundle." in f"/{preloaded[0]}", path  # Material's bundle first, as the theme has it
        for attributes in (attributes for attributes in SCRIPT.findall(html) if " src=" in attributes):
            assert re.search(r"\s(defer|async)[\s=>]|type=\"module\"", attributes + ">"), (path, attributes)
