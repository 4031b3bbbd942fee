"""Reading a YAML data file with the line of every value, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portfolio.data.errors import Problem

Loc = tuple[str | int, ...]


@dataclass
class YamlFile:
    """A parsed data file: its values, where each value stands, and its problems."""

    path: Path
    display: str
    data: object = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, loc: Loc) -> int:
        """The line of the value at loc, or of its nearest parent that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def problem(self, loc: Loc, message: str, *, line: int | None = None) -> None:
        """Record a problem with the value at loc."""
        where = self.path.stem + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
        self.problems.append(Problem(self.display, line or self.line(loc), where, message))


def read_yaml(path: Path, display: str, empty: object = None) -> YamlFile:
    """Parse one data file; syntax and encoding errors become problems, never exceptions.

    A file with nothing but comments or blank lines is a problem, unless `empty` gives what it then holds.
    """
    file = YamlFile(path, display)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        file.problems.append(Problem(display, 0, "", "file is missing: create it (see README.md)"))
        return file
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        file.problems.append(
            Problem(
                display,
                line,
                "",
                f"not valid UTF-8 (byte 0x{raw[error.start]:02x}): save the file as UTF-8",
            )
        )
        return file
    try:  # libyaml's parser, when it is there, is fast; Python's, with its limits, words any error best
        _parse(_FastLoader, text, file, empty)
    except (yaml.YAMLError, RecursionError):
        file.problems.clear()
        _parse(_Loader, text, file, empty)
    return file


def _parse(loader_class: type[yaml.SafeLoader], text: str, file: YamlFile, empty: object) -> None:
    """Parse text into file's values and lines; Python's loader turns errors into the file's problems."""
    loader = None
    try:
        loader = loader_class(text)
        node = loader.get_single_node()
        if node is None and empty is not None:
            file.data = empty
            return
        if node is None:
            file.problems.append(Problem(file.display, 1, "", "file is empty: add its data (see README.md)"))
            return
        _index(node, (), file, set(), set())
        if not file.problems:
            file.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        if loader_class is not _Loader:
            raise
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        file.problems.append(Problem(file.display, line, "", _syntax_message(error)))
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        if loader_class is not _Loader:
            raise
        line = text[: error.position].count("\n") + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        file.problems.append(
            Problem(file.display, line, "", f"YAML error: the character {character} is not allowed: remove it")
        )
    finally:
        if loader is not None:
            loader.dispose()


class _BadValue(yaml.MarkedYAMLError):
    """A problem with one value that YAML itself accepts: too deep, or not what its type says."""


# What a YAML type is called in a message, by tag.
_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date",
}


class _Values:
    """Construction that turns a value its type cannot hold into a YAML error, for either parser."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        """Construct one value; a value its type cannot hold (2020-13-45, !!int abc) is a YAML error."""
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[misc]
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, LookupError, AttributeError, OverflowError) as error:
            kind = _TYPE_NAMES.get(node.tag, node.tag)
            problem = f"{node.value!r} is not {kind}" if isinstance(node.value, str) else f"not {kind}"
            raise _BadValue(problem=f"{problem}: quote it to make it text", problem_mark=node.start_mark) from error


class _Loader(_Values, yaml.SafeLoader):
    """PyYAML's safe loader, with limits and messages instead of Python exceptions for odd values."""

    MAX_DEPTH = 50  # the data files need four levels; PyYAML recurses once per level

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        """Compose one value, refusing to go deeper than MAX_DEPTH levels."""
        self.depth += 1
        try:
            if self.depth > self.MAX_DEPTH:
                mark = self.peek_event().start_mark
                problem = f"values nested more than {self.MAX_DEPTH} levels deep: data files need only a few"
                raise _BadValue(problem=problem, problem_mark=mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# libyaml's parser (with the same construction), ten times faster on large files; PyYAML may lack it.
_FastLoader: type[yaml.SafeLoader] = (
    type("_FastLoader", (_Values, yaml.CSafeLoader), {}) if hasattr(yaml, "CSafeLoader") else _Loader
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """A one-line account of a YAML syntax error with what to do about it."""
    problem = error.problem or error.context or "invalid YAML"
    if isinstance(error, _BadValue):
        return f"YAML error: {problem}"
    if isinstance(error, yaml.constructor.ConstructorError):
        return f"YAML error: {problem}: data files hold plain values only, remove the tag"
    if "'\\t'" in problem:
        return "YAML syntax error: a tab character: indent with spaces, not tabs"
    return f"YAML syntax error: {problem}: check the indentation and quoting on this line"


def _index(node: yaml.Node, loc: Loc, file: YamlFile, seen: set[int], inside: set[int]) -> None:
    """Record the line of every value under node; report duplicate keys and values that contain themselves."""
    if id(node) in inside:  # an alias inside the value its anchor names
        file.problem(loc, "an alias repeats a value it is part of, so that value would never end: remove the alias")
        return
    if id(node) in seen:  # an alias to a node already indexed
        return
    if len(loc) > _Loader.MAX_DEPTH:  # libyaml's parser goes deeper: let Python's find it and say so
        raise _BadValue(problem="nested too deep", problem_mark=node.start_mark)
    seen.add(id(node))
    inside = inside | {id(node)}
    file.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if key.value in first:
                file.problem(
                    loc,
                    f"duplicate key '{key.value}' (first at line {first[key.value]}): keep only one",
                    line=line,
                )
                continue
            first[key.value] = line
            file.lines[(*loc, key.value)] = line
            _index(value, (*loc, key.value), file, seen, inside)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*loc, index), file, seen, inside)
