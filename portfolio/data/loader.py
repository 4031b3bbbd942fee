"""Load data/*.yml once: parse, validate each record, cross-check, and report every problem."""

from __future__ import annotations

import os
import typing
from datetime import UTC, date, datetime
from pathlib import Path

import msgspec
from msgspec import inspect

from portfolio.data.errors import DataError
from portfolio.data.hints import closest, did_you_mean
from portfolio.data.icons import Icons
from portfolio.data.model import (
    PATTERN_HINTS,
    Education,
    Job,
    Link,
    Portfolio,
    Profile,
    Project,
    Record,
    Technology,
    newest_first,
)
from portfolio.data.yamlfile import Loc, YamlFile, read_yaml

# Each data file: the record it holds, and whether it holds a list of them.
DATA_FILES: dict[str, tuple[type[Record], bool]] = {
    "profile": (Profile, False),
    "technologies": (Technology, True),
    "projects": (Project, True),
    "experience": (Job, True),
    "education": (Education, True),
}
# The data files a portfolio may leave out: a missing one holds none.
OPTIONAL_FILES = frozenset({"experience", "education"})

# What a value of each kind is called in a message, and the Python type YAML gives it.
_EXPECTED: dict[type[inspect.Type], tuple[str, type]] = {
    inspect.StrType: ("text", str),
    inspect.BoolType: ("true or false", bool),
    inspect.IntType: ("a whole number", int),
    inspect.ListType: ("a list", list),
    inspect.StructType: ("a mapping of fields", dict),
    inspect.DictType: ("a mapping of fields", dict),
}

Records = list[tuple[Loc, typing.Any]]


def load_portfolio(data_dir: Path, icons: Icons) -> Portfolio:
    """Read and check every data file; raise DataError listing all their problems."""
    files = {name: _read(data_dir, name) for name in DATA_FILES}
    records = {name: _validate(files[name], *DATA_FILES[name]) for name in DATA_FILES}
    for name in ("technologies", "projects", "experience"):
        _check_unique_ids(files[name], records[name])
    if not files["technologies"].problems:
        _check_technologies(files["projects"], records["projects"], records["technologies"])
    today = build_date()
    for name in ("experience", "education"):
        _check_dates(files[name], records[name], today)
    if not files["experience"].problems:
        _check_jobs(files["projects"], records["projects"], records["experience"])
    links = [
        ((*loc, "links", index), link)
        for loc, profile in records["profile"]
        for index, link in enumerate(profile.links)
    ]
    _check_icons(files["technologies"], records["technologies"], icons)
    _check_icons(files["profile"], links, icons)
    problems = [problem for file in files.values() for problem in file.problems]
    if problems:
        raise DataError(problems)
    return Portfolio(
        profile=records["profile"][0][1],
        technologies={technology.id: technology for _, technology in records["technologies"]},
        projects=[project for _, project in records["projects"]],
        experience=newest_first(job for _, job in records["experience"]),
        education=newest_first(study for _, study in records["education"]),
    )


def build_date() -> date:
    """The build's date: SOURCE_DATE_EPOCH's when it is set (reproducible builds), else today's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC).date() if epoch else datetime.now(UTC).date()


def _read(data_dir: Path, name: str) -> YamlFile:
    """One data file, read; an optional one that is missing, or holds only comments, holds no record."""
    path, display = data_dir / f"{name}.yml", f"{data_dir.name}/{name}.yml"
    if name in OPTIONAL_FILES and not path.exists():
        return YamlFile(path, display, data=[])
    return read_yaml(path, display, empty=[] if name in OPTIONAL_FILES else None)


def _validate(file: YamlFile, model: type[Record], many: bool) -> Records:
    """The valid records of a file, each with its place; problems for the others."""
    if file.problems:
        return []
    if many and not isinstance(file.data, list):
        file.problem((), f"expected a list of {file.path.stem}, found {_describe(file.data)}")
        return []
    items = list(enumerate(file.data)) if many else [(None, file.data)]
    records: Records = []
    for index, item in items:
        loc: Loc = () if index is None else (index,)
        try:
            records.append((loc, msgspec.convert(item, model, strict=True)))
        except msgspec.ValidationError as error:  # it stops at the first problem: find them all
            found = len(file.problems)
            _check(file, item, model, loc)
            if len(file.problems) == found:  # a problem the checks do not word: msgspec's own message
                file.problem(loc, str(error))
    return records


def _check(file: YamlFile, value: typing.Any, kind: typing.Any, loc: Loc) -> None:
    """Report each problem of a value that should be of the given type, at its place, in the owner's terms."""
    try:
        msgspec.convert(value, kind, strict=True)
        return
    except msgspec.ValidationError:
        pass
    info = _info(kind)
    if isinstance(info, inspect.UnionType):
        _check_union(file, value, kind, loc)
    elif isinstance(info, inspect.LiteralType):
        file.problem(loc, f"must be one of {_one_of(typing.get_args(_bare(kind)))}; found {_describe(value)}")
    elif type(info) in _EXPECTED and type(value) is not _EXPECTED[type(info)][1]:
        found = "nothing: write a value (quoted if it starts with #)" if value is None else _describe(value)
        file.problem(loc, f"expected {_EXPECTED[type(info)][0]}, found {found}")
    elif isinstance(info, inspect.StructType):
        _check_fields(file, value, info.cls, loc)
    elif isinstance(info, inspect.ListType):
        for index, item in enumerate(value):
            _check(file, item, _inner(kind), (*loc, index))
        if info.min_length and len(value) < info.min_length:
            file.problem(loc, f"must list at least {info.min_length} item(s)")
    elif isinstance(info, (inspect.IntType, inspect.FloatType)):  # a number past a limit of the model
        file.problem(loc, f"must be a number {_limits(info)}; found {value}")
    elif isinstance(info, inspect.StrType) and info.pattern in PATTERN_HINTS:
        file.problem(loc, f"{PATTERN_HINTS[info.pattern]}; found {value!r}")
    elif isinstance(info, inspect.StrType):  # too short, or not matching \S
        file.problem(loc, "must not be empty")


def _check_union(file: YamlFile, value: typing.Any, kind: typing.Any, loc: Loc) -> None:
    """Report the problems of a value of X | None that is not None, or of one of several kinds (a date)."""
    kinds = [arg for arg in typing.get_args(_bare(kind)) if arg is not type(None)]
    fitting = [arg for arg in kinds if _fits(value, arg)] or kinds
    if len(fitting) == 1:
        _check(file, value, fitting[0], loc)
    else:  # of none of its kinds (a date with a day): told what its text form takes
        pattern = next(_info(arg).pattern for arg in kinds if isinstance(_info(arg), inspect.StrType))
        file.problem(loc, f"{PATTERN_HINTS[pattern]}; found {_describe(value)}")


def _check_fields(file: YamlFile, mapping: dict[typing.Any, typing.Any], model: type[Record], loc: Loc) -> None:
    """Report unknown and missing fields of a record, and the problems of each field it has."""
    fields = {field.name: field for field in msgspec.structs.fields(model)}
    typos: set[str] = set()
    for name, value in mapping.items():
        if not isinstance(name, str):  # the line of that name, as YAML wrote it, if it reads the same
            message = f"field names must be text, found {_describe(name)}: write a field name such as 'title'"
            file.problem(loc, message, line=file.line((*loc, str(name))))
        elif name not in fields:
            close = closest(name, sorted(fields))
            hint = did_you_mean(close, "allowed: " + ", ".join(sorted(fields)))
            file.problem((*loc, name), f"unknown field '{name}' ({hint})")
            typos.update(close)
        else:
            _check(file, value, fields[name].type, (*loc, name))
    for name, field in fields.items():
        if field.required and name not in mapping and name not in typos:  # a typo's field is not missing twice
            file.problem((*loc, name), f"missing required field '{name}': add it")


def _fits(value: object, kind: typing.Any) -> bool:
    """Whether a value is of the Python type that YAML gives a value of that kind."""
    expected = _EXPECTED.get(type(_info(kind)))
    return expected is not None and type(value) is expected[1]


def _info(kind: typing.Any) -> inspect.Type:
    """What msgspec knows of a type, without its metadata."""
    info = inspect.type_info(kind)
    return info.type if isinstance(info, inspect.Metadata) else info


def _bare(kind: typing.Any) -> typing.Any:
    """A type without the Annotated around it."""
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def _inner(kind: typing.Any) -> typing.Any:
    """The type inside list[X] or X | None."""
    return next(arg for arg in typing.get_args(_bare(kind)) if arg is not type(None))


def _limits(info: inspect.IntType | inspect.FloatType) -> str:
    """A number's limits in words: "of at least 1970 and at most 2100"."""
    words = {"ge": "at least", "gt": "more than", "le": "at most", "lt": "less than"}
    limits = [f"{words[name]} {getattr(info, name)}" for name in words if getattr(info, name) is not None]
    return "of " + " and ".join(limits) if limits else "in range"


def _one_of(values: tuple[object, ...]) -> str:
    """'a', 'b' or 'c'."""
    *first, last = (repr(value) for value in values)
    return f"{', '.join(first)} or {last}" if first else last


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__} ({value})"


def _check_unique_ids(file: YamlFile, records: Records) -> None:
    first: dict[str, Loc] = {}
    for loc, record in records:
        if record.id in first:
            also = f"{file.path.stem}[{first[record.id][0]}]"
            file.problem((*loc, "id"), f"duplicate id '{record.id}' (also {also}): ids must be unique")
        first.setdefault(record.id, loc)


def _check_technologies(file: YamlFile, projects: Records, technologies: Records) -> None:
    """Every technology a project names is declared in technologies.yml."""
    known = {technology.id: technology.id for _, technology in technologies}
    known |= {technology.name.lower(): technology.id for _, technology in technologies}
    for loc, project in projects:
        for position, wanted in enumerate(project.technologies):
            if wanted in known.values():
                continue
            hint = did_you_mean(
                [known[close] for close in closest(wanted.lower(), known)], "add it to technologies.yml"
            )
            file.problem((*loc, "technologies", position), f"unknown technology '{wanted}' ({hint})")


def _check_jobs(file: YamlFile, projects: Records, jobs: Records) -> None:
    """Every job a project names is in experience.yml."""
    known = [job.id for _, job in jobs]
    for loc, project in projects:
        if project.experience is not None and project.experience not in known:
            hint = did_you_mean(closest(project.experience, known), "add it to experience.yml")
            file.problem((*loc, "experience"), f"unknown job '{project.experience}' ({hint})")


def _check_dates(file: YamlFile, records: Records, today: date) -> None:
    """Each record has started by the build's date, and does not end before it starts."""
    for loc, record in records:
        if record.began > (today.year, today.month):
            file.problem(
                (*loc, "start"),
                f"starts after the build's date ({today}), found {record.start}: add it once it has started",
            )
        if record.ended is not None and record.ended < record.began:
            file.problem(
                (*loc, "end"),
                f"ends before it starts ({record.start}), found {record.end}: correct the start or the end",
            )


def _check_icons(file: YamlFile, records: list[tuple[Loc, Technology | Link]], icons: Icons) -> None:
    """Every icon named is bundled with Material."""
    for loc, record in records:
        if icons.exists(record.icon):
            continue
        hint = did_you_mean(icons.suggest(record.icon), "")
        file.problem(
            (*loc, "icon"),
            f"unknown icon '{record.icon}'{f' ({hint})' if hint else ''}: use an icon bundled with Material,"
            " listed at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/",
        )
