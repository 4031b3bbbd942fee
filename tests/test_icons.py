"""Icons in a block of HTML: each drawn once, then shown again where it is used (portfolio/icons.py)."""

from __future__ import annotations

import re

from conftest import ROOT

from portfolio import Site
from portfolio.icons import Icon, Sprite, material_icons

ICONS = material_icons()


def test_an_icon_is_drawn_at_its_first_use_in_a_block_and_shown_again_after() -> None:
    icon = Sprite(ICONS, "pf-icons-7")
    first, again, other = icon("simple/kubernetes"), icon("simple/kubernetes"), icon("simple/go")
    view_box, drawing = ICONS.drawing("simple/kubernetes")
    assert view_box == "0 0 24 24"
    assert drawing.startswith("<path d=")
    assert first == Icon("pf-icons-7-simple-kubernetes", "0 0 24 24", drawing)
    assert again == Icon("pf-icons-7-simple-kubernetes", "0 0 24 24", None)
    assert other.drawing is not None


def test_a_badge_draws_its_icon_or_shows_the_one_drawn_before() -> None:
    html = Site.load(ROOT).project_cards(kind="open-source")
    svg = '<span class="twemoji"><svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"'
    drawn = re.findall(rf'{svg} id="([^"]+)"><path d="[^"]+"/></svg></span>', html)
    shown = re.findall(rf'{svg}><use href="#([^"]+)"/></svg></span>', html)
    assert drawn
    assert shown
    assert set(shown) <= set(drawn)
    assert len(drawn) + len(shown) == html.count('class="twemoji"')


def test_blocks_on_a_page_never_share_an_icon_id() -> None:
    site = Site.load(ROOT)
    page = "\n\n".join([site.project_cards(), site.tech_badges(), site.project_card("game-backends"), site.resume()])
    ids = re.findall(r'\sid="(pf-icons-[^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = re.findall(r'<use href="#([^"]+)"/>', page)
    assert targets  # the open-source projects share an icon
    assert set(targets) <= set(ids)
