"""The purge of unused CSS (portfolio/sitewide/purge.py): a rule goes only if it needs a name the site never writes."""

from __future__ import annotations

from portfolio.sitewide.purge import Names, purged

PAGE = (
    '<html><body class="page"><nav id="top" data-state="open" hidden><a class="link link--x" href="#">Card</a></nav>'
    "<script>document.body.dataset.scheme = 'dark'</script></body></html>"
)
# A script that adds a class, and builds others from a prefix.
SCRIPT = 'el.classList.add("tooltip"); el.className = `badge badge--${kind}`'


def kept(css: str, pages: tuple[str, ...] = (PAGE,), scripts: tuple[str, ...] = (SCRIPT,)) -> str:
    return purged(css, Names(pages, scripts))


def test_a_rule_stays_when_the_pages_or_scripts_name_all_it_needs() -> None:
    css = (
        ".link{color:red}.card{color:blue}nav .link--x:hover::before{color:green}#top{top:0}#bottom{top:0}"
        "body.page{margin:0}table{width:100%}.tooltip{z-index:1}.badge--python{color:#fff}"
    )
    assert kept(css) == (
        ".link{color:red}nav .link--x:hover::before{color:green}#top{top:0}body.page{margin:0}"
        ".tooltip{z-index:1}.badge--python{color:#fff}"
    )


def test_the_text_of_a_page_names_nothing() -> None:
    assert kept(".card{color:blue}a.link{color:red}") == "a.link{color:red}"  # "Card" is only text


def test_a_selector_list_keeps_the_selectors_that_can_match() -> None:
    assert kept(".card,.link,  nav > a{ color : red; }") == ".link,nav>a{color:red;}"


def test_what_a_selector_leaves_open_is_not_required() -> None:
    css = ".link:not(.card){a:b}:is(.card,.link){c:d}a[href^=http]{e:f}[data-state=closed]{g:h}[data-state=open]{i:j}"
    assert kept(css) == ".link:not(.card){a:b}:is(.card,.link){c:d}a[href^=http]{e:f}[data-state=open]{i:j}"


def test_an_attribute_value_set_by_an_inline_script_is_named() -> None:
    assert kept("[data-scheme=dark]{a:b}[data-scheme=light]{c:d}") == "[data-scheme=dark]{a:b}"


def test_groups_keep_their_rules_that_can_match_and_go_when_empty() -> None:
    css = "@media screen{.link{a:b}.card{c:d}}@media print{.card{e:f}}@font-face{font-family:x}"
    assert kept(css) == "@media screen{.link{a:b}}@font-face{font-family:x}"


def test_custom_properties_and_keyframes_that_nothing_kept_uses_go() -> None:
    css = (
        ":root{--used:1px;--chained:2px;--only-by-card:3px;--unused:4px}"
        ".link{margin:var(--used);--mid:var(--chained)}.link{padding:var(--mid)}.card{margin:var(--only-by-card)}"
        "@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}.link{animation:spin 1s}"
    )
    assert kept(css) == (
        ":root{--used:1px;--chained:2px}.link{margin:var(--used);--mid:var(--chained)}.link{padding:var(--mid)}"
        "@keyframes spin{to{transform:rotate(1turn)}}.link{animation:spin 1s}"
    )


def test_a_custom_property_a_script_names_stays() -> None:
    names = Names([PAGE], ['el.style.setProperty("--offset", "2px")'])
    assert purged(":root{--offset:0;--other:0}", names) == ":root{--offset:0}"


def test_names_a_script_adds_inside_an_element_count_only_where_a_page_has_it() -> None:
    script = 'facts.className = "repo__facts"; tab.className = "tab__control"'
    css = ".repo__facts{a:b}.tab__control{c:d}"
    inside = {"repo__": "repo", "tab__": "tabs"}
    assert purged(css, Names([PAGE], [script], inside)) == ""
    assert purged(css, Names([PAGE, '<div class="tabs"></div>'], [script], inside)) == ".tab__control{c:d}"
