"""Icons in a block of HTML: each drawn once, then shown again where it is used (portfolio/icons.py)."""

from __future__ import annotations

import re

import pytest
from helpers import FORK, ROOT, macros_of

from portfolio.data import load_portfolio
from portfolio.data.icons import ICON_SETS, material_icons
from portfolio.pages import Macros
from portfolio.pages.sprite import Icon, Sprite

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
    portfolio = load_portfolio(FORK / "data", ICONS)  # made up: its cards share technologies
    html = Macros(portfolio, ROOT / "overrides" / "fragments", ICONS).project_cards()
    svg = '<span class="twemoji"><svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"'
    drawn = re.findall(rf'{svg} id="([^"]+)"><path d="[^"]+"/></svg></span>', html)
    shown = re.findall(rf'{svg}><use xlink:href="#([^"]+)"/></svg></span>', html)
    assert drawn
    assert shown
    assert set(shown) <= set(drawn)
    assert len(drawn) + len(shown) == html.count('class="twemoji"')


def test_blocks_on_a_page_never_share_an_icon_id() -> None:
    macros = macros_of(ROOT)
    last = macros.portfolio.projects[-1].id
    page = "\n\n".join([macros.project_cards(), macros.tech_badges(), macros.project_card(last), macros.resume()])
    ids = re.findall(r'\sid="(pf-icons-[^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = re.findall(r'<use xlink:href="#([^"]+)"/>', page)
    assert targets  # the badges of every technology are drawn more than once
    assert set(targets) <= set(ids)


def test_material_has_the_icon_sets_that_hints_search() -> None:
    folders = {path.parent.relative_to(ICONS.root).as_posix() for path in ICONS.root.glob("**/*.svg")} - {"."}
    assert folders == set(ICON_SETS)  # an upgrade that adds or renames a set fails here, before a hint misleads


@pytest.mark.parametrize(
    ("missing", "hints"),
    [
        ("simple/linkedin", ["fontawesome/brands/linkedin"]),  # the same name in another set, brands first, alone
        ("simple/aws", ["fontawesome/brands/aws"]),
        ("simple/kafka", ["simple/apachekafka", "material/apache-kafka", "simple/kakao"]),  # names holding it first
        ("simple/kafkaa", ["simple/apachekafka"]),  # holding it less a typo
        ("simple/csharp", ["material/language-csharp", "simple/sharp", "simple/fsharp"]),  # one ending in it
        ("simple/kubernets", ["simple/kubernetes", "simple/ubereats"]),  # else the closest names in its own set
        ("fontawesome/brands/githib", ["fontawesome/brands/github"]),
        ("simple/qqqqqqqq", []),
    ],
)
def test_a_missing_icon_suggests_up_to_three_likeliest_first(missing: str, hints: list[str]) -> None:
    assert not ICONS.exists(missing)
    assert ICONS.suggest(missing) == hints


def test_the_readmes_icons_for_the_usual_links_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| [^|]+ \| `([a-z0-9/-]+)` \|$", readme, re.M)
    assert len(table) >= 6
    assert [icon for icon in table if not ICONS.exists(icon)] == []
