"""Icons in a block of HTML: each drawn once, then shown again where it is used (portfolio/icons.py)."""

from __future__ import annotations

import re

from conftest import ROOT

from portfolio import Site
from portfolio.icons import Sprite, material_icons

ICONS = material_icons()


def test_an_icon_is_drawn_once_in_a_block_and_shown_again_from_there() -> None:
    icon = Sprite(ICONS, "pf-icons-7")
    first, again, other = icon("simple/kubernetes"), icon("simple/kubernetes"), icon("simple/go")
    view_box, drawing = ICONS.drawing("simple/kubernetes")
    assert view_box == "0 0 24 24"
    assert drawing.startswith("<path d=")
    svg = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"'
    assert first == f'{svg} id="pf-icons-7-simple-kubernetes">{drawing}</svg>'
    assert again == f'{svg}><use href="#pf-icons-7-simple-kubernetes"/></svg>'
    assert 'id="pf-icons-7-simple-go"' in other


def test_blocks_on_a_page_never_share_an_icon_id() -> None:
    site = Site.load(ROOT)
    page = "\n\n".join([site.project_cards(), site.tech_badges(), site.project_card("game-backends"), site.resume()])
    ids = re.findall(r'\sid="(pf-icons-[^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = re.findall(r'<use href="#([^"]+)"/>', page)
    assert targets  # the open-source projects share an icon
    assert set(targets) <= set(ids)
