"""Reading a YAML data file with the line of every value, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portfolio.errors import Problem

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


def read_yaml(path: Path, display: str) -> YamlFile:
    """Parse one data file; syntax and encoding errors become problems, never exceptions."""
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
    try:  # libyaml's parser when it is there: fast; Python's for the error messages, which it words best
        _compose(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader, text, file)
    except yaml.YAMLError:
        file.problems.clear()
        _compose(yaml.SafeLoader, text, file)
    return file


def _compose(loader_class: type, text: str, file: YamlFile) -> None:
    """Parse text into file: its values and lines, or its syntax problems (raised for libyaml's loader)."""
    loader = loader_class(text)
    fast = loader_class is not yaml.SafeLoader
    try:
        node = loader.get_single_node()
        if node is None:
            file.problems.append(Problem(file.display, 1, "", "file is empty: add its data (see README.md)"))
            return
        _index(node, (), file, set())
        if not file.problems:
            file.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        if fast:
            raise
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        file.problems.append(Problem(file.display, line, "", _syntax_message(error)))
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        if fast:
            raise
        position = getattr(error, "position", 0)
        line = text[:position].count("\n") + 1
        file.problems.append(Problem(file.display, line, "", f"YAML error: {error}"))
    finally:
        loader.dispose()


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """A one-line account of a YAML syntax error with what to do about it."""
    problem = error.problem or error.context or "invalid YAML"
    if isinstance(error, yaml.constructor.ConstructorError):
        return f"YAML error: {problem}: data files hold plain values only, remove the tag"
    if "'\\t'" in problem:
        return "YAML syntax error: a tab character: indent with spaces, not tabs"
    return f"YAML syntax error: {problem}: check the indentation and quoting on this line"


def _index(node: yaml.Node, loc: Loc, file: YamlFile, seen: set[int]) -> None:
    """Record the line of every value under node and report duplicate keys."""
    if id(node) in seen:  # an alias to a node already indexed
        return
    seen.add(id(node))
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
            _index(value, (*loc, key.value), file, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*loc, index), file, seen)
