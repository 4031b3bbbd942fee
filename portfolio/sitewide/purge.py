"""CSS without the rules that no page of a site can use: those that need a name its pages and scripts never write.

A selector can match only if every class, id, element and attribute it requires is named somewhere in the site:
in a tag of one of its pages, or anywhere in a script its pages run, which may add them at run time (a script
word that ends in - or _, such as "md-tag--", may start a name built at run time: every name that starts with it
is kept). What a selector leaves open is not required: what is inside :not(), :is() and other functions, a
pseudo-class, an attribute value matched in part. A rule is kept when one of its selectors can match, with the
selectors that can. Then a custom property that no kept declaration reads and no page or script names is
dropped, and an @keyframes that nothing kept, no page and no script names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

# A name as CSS, HTML and scripts write them: a class, an id, an element's or an attribute's name, or a value.
_WORD = re.compile(r"-{0,2}[A-Za-z_][A-Za-z0-9_-]*")
_TAG = re.compile(r"<[^>]*>")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
# At-rules whose content is rules, filtered like the stylesheet; any other at-rule is kept as it is.
_GROUPING = {"media", "supports", "layer", "container", "document", "scope"}
# Attribute matches that name the whole value (or one whole word of it); ^= $= *= |= match a part.
_WHOLE = {"=", "~="}
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_KEYFRAMES = re.compile(r"@(?:-webkit-)?keyframes\s*([^\s{]+)", re.I)


class Names:
    """What a site names: the words in its pages' tags and in the scripts they run (files and inline), and the
    scripts' words that end in - or _.

    inside maps the start of some script words to the name of the element a script adds them to, or inside: such a
    word names nothing when no page names that element (a theme's script that fills in a repository's facts or a
    set of tabs names their classes on every site, whether or not a page has a repository link or tabs).
    """

    def __init__(self, pages: Iterable[str], scripts: Iterable[str], inside: Mapping[str, str] | None = None) -> None:
        tags, texts = set(), set(scripts)
        for html in pages:  # a page's text names nothing; its inline scripts are scripts
            tags.update(_TAG.findall(html))  # pages share most of their tags: each is read once
            texts.update(_INLINE_SCRIPT.findall(html))
        self.words: set[str] = {word.lower() for word in _WORD.findall(" ".join(tags))}
        absent = tuple(start for start, element in (inside or {}).items() if element.lower() not in self.words)
        prefixes = set()
        for text in texts:
            words = {word.lower() for word in _WORD.findall(text) if not word.lower().startswith(absent)}
            prefixes.update(word for word in words if word.endswith(("-", "_")))
            self.words |= words
        self.prefixes = tuple(sorted(prefixes))

    def has(self, name: str) -> bool:
        """Whether the site names this class, id, element, attribute or value (or a start of it)."""
        name = name.lower()
        return name in self.words or name.startswith(self.prefixes)


@dataclass
class _Rule:
    """A kept style rule: its selectors, and its declarations as (custom property or None, text)."""

    prelude: str
    declarations: list[tuple[str | None, str]]

    def css(self) -> str:
        return f"{self.prelude}{{{';'.join(text for _, text in self.declarations)}}}" if self.declarations else ""


@dataclass
class _Group:
    """A kept @media, @supports (or such) rule and its kept rules."""

    head: str
    rules: list = field(default_factory=list)

    def css(self) -> str:
        inner = "".join(rule.css() for rule in self.rules)
        return f"{self.head}{{{inner}}}" if inner else ""


@dataclass
class _Other:
    """Any other at-rule (@keyframes, @font-face, @page...), kept as it is, unless it is an unused @keyframes."""

    text: str

    def css(self) -> str:
        return self.text


def purged(css: str, names: Names) -> str:
    """The CSS without the rules whose selectors none can match, then without what only those rules used."""
    rules = _kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names)
    declared = [rule for rule in _walk(rules) if isinstance(rule, _Rule) and any(name for name, _ in rule.declarations)]
    while True:  # a custom property read only by a dropped one is unused in turn
        read = {name for rule in _walk(rules) if isinstance(rule, _Rule) for _, text in rule.declarations
                for name in _VAR.findall(text)}  # fmt: skip
        dropped = False
        for rule in declared:
            kept = [(name, text) for name, text in rule.declarations if not name or name in read or names.has(name)]
            dropped |= len(kept) < len(rule.declarations)
            rule.declarations = kept
        if not dropped:
            break
    others = "".join(rule.css() for rule in _walk(rules) if not isinstance(rule, (_Group, _Other)))
    named = {word.lower() for word in _WORD.findall(others)}
    for rule in _walk(rules):
        found = _KEYFRAMES.match(rule.text) if isinstance(rule, _Other) else None
        if found and found.group(1).lower() not in named and not names.has(found.group(1)):
            rule.text = ""
    return "".join(rule.css() for rule in rules)


def _walk(rules: list) -> Iterable:
    """The rules and, in each group, its rules."""
    for rule in rules:
        yield rule
        if isinstance(rule, _Group):
            yield from _walk(rule.rules)


def _kept(rules: list, names: Names) -> list:
    """The rules that can match, each selector list without the selectors that cannot."""
    kept: list = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [selector for selector in _selector_list(rule.prelude) if _can_match(selector, names)]
            if selectors:
                prelude = ",".join(_compact(selector, ">~+") for selector in selectors)
                kept.append(_Rule(prelude, _declarations(rule.content)))
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            kept.append(_Group(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", _kept(inner, names)))
        elif isinstance(rule, ast.AtRule):
            kept.append(_Other(rule.serialize()))
    return kept


def _compact(tokens: list, around: str) -> str:
    """Tokens serialised without the white space at their ends and next to the given punctuation."""
    kept = [
        token
        for index, token in enumerate(tokens)
        if not isinstance(token, ast.WhitespaceToken)
        or not (0 < index < len(tokens) - 1)
        or not (
            (isinstance(tokens[index - 1], ast.LiteralToken) and tokens[index - 1].value in around)
            or (isinstance(tokens[index + 1], ast.LiteralToken) and tokens[index + 1].value in around)
        )
    ]
    return tinycss2.serialize(kept).strip()


def _declarations(content: list) -> list[tuple[str | None, str]]:
    """A rule's declarations, as they were but for white space; custom properties one by one, with their names."""
    text = _compact(content, ";:")
    if "--" not in text:
        return [(None, text)]
    items = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
    return [
        (item.name if isinstance(item, ast.Declaration) and item.name.startswith("--") else None, item.serialize())
        for item in items
        if not isinstance(item, ast.ParseError)
    ]


def _selector_list(prelude: list) -> list[list]:
    """A selector list's selectors, split at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _can_match(selector: list, names: Names) -> bool:
    """Whether every class, id, element and attribute that the selector requires, outside functions such as
    :not() and :is(), is named by the site."""
    previous = None
    for token in selector:
        after = previous.value if isinstance(previous, ast.LiteralToken) else None
        if isinstance(token, ast.IdentToken) and after not in (":", "|") and not names.has(token.value):
            return False  # a class (after ".") or an element; not a pseudo-class or pseudo-element
        if isinstance(token, ast.HashToken) and not names.has(token.value):
            return False
        if isinstance(token, ast.SquareBracketsBlock) and not _attribute_named(token.content, names):
            return False
        previous = token
    return True


def _attribute_named(content: list, names: Names) -> bool:
    """Whether the site names an attribute selector's attribute, and its value when it must match whole."""
    tokens = [token for token in content if not isinstance(token, ast.WhitespaceToken)]
    if not tokens or not isinstance(tokens[0], ast.IdentToken):
        return False
    attribute = tokens[0].value.lower()  # a script may set data-a-b as dataset.aB
    if not names.has(attribute) and not (attribute.startswith("data-") and names.has(attribute[5:].replace("-", ""))):
        return False
    operator = tokens[1].value if len(tokens) > 2 and isinstance(tokens[1], ast.LiteralToken) else None
    value = tokens[2] if operator else None
    if operator not in _WHOLE or not isinstance(value, (ast.IdentToken, ast.StringToken)):
        return True
    return all(names.has(word) for word in _WORD.findall(value.value))
