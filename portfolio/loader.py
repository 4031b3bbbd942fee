"""Load data/*.yml once: parse, validate each record, cross-check, and report every problem."""

from __future__ import annotations

import difflib
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from portfolio.errors import DataError
from portfolio.icons import Icons
from portfolio.model import PATTERN_HINTS, Link, Portfolio, Profile, Project, Technology
from portfolio.yamlfile import Loc, YamlFile, read_yaml

# Each data file: the record it holds, and whether it holds a list of them.
DATA_FILES: dict[str, tuple[type[BaseModel], bool]] = {
    "profile": (Profile, False),
    "technologies": (Technology, True),
    "projects": (Project, True),
}

_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
}

Records = list[tuple[Loc, typing.Any]]


def load_portfolio(data_dir: Path, icons: Icons) -> Portfolio:
    """Read and check every data file; raise DataError listing all their problems."""
    files = {name: read_yaml(data_dir / f"{name}.yml", f"{data_dir.name}/{name}.yml") for name in DATA_FILES}
    records = {name: _validate(files[name], *DATA_FILES[name]) for name in DATA_FILES}
    for name in ("technologies", "projects"):
        _check_unique_ids(files[name], records[name])
    if not files["technologies"].problems:
        _check_technologies(files["projects"], records["projects"], records["technologies"])
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
    )


def _validate(file: YamlFile, model: type[BaseModel], many: bool) -> Records:
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
            records.append((loc, model.model_validate(item)))
        except ValidationError as error:
            details = error.errors()
            messages = [(_where(d), _message(d, model)) for d in details]
            for detail, (where, message) in zip(details, messages, strict=True):
                if not _explained_by_typo(where, message, messages):
                    # A field name that is not text: the line of that name, as YAML wrote it, if it reads the same.
                    key = (*loc, *where, str(detail["input"])) if detail["type"] == "invalid_key" else (*loc, *where)
                    file.problem((*loc, *where), message, line=file.line(key))
    return records


def _where(detail: typing.Any) -> Loc:
    """Where a validation error stands; a field name that is not text stands for its mapping."""
    loc = tuple(detail["loc"])
    return loc[:-1] if detail["type"] == "invalid_key" else loc


def _explained_by_typo(where: Loc, message: str, messages: list[tuple[Loc, str]]) -> bool:
    """Whether a missing field is the one an unknown field beside it is a typo of."""
    if not message.startswith("missing required field"):
        return False
    typo = f"(did you mean '{where[-1]}'?)"
    return any(other[:-1] == where[:-1] and text.endswith(typo) for other, text in messages)


def _message(detail: typing.Any, model: type[BaseModel]) -> str:
    """What went wrong with one value, and how to fix it, in the owner's terms."""
    error, found, loc = detail["type"], detail.get("input"), tuple(detail["loc"])
    context = detail.get("ctx", {})
    if error == "invalid_key":
        return f"field names must be text, found {_describe(found)}: write a field name such as 'title'"
    if error == "missing":
        return f"missing required field '{loc[-1]}': add it"
    if error == "extra_forbidden":
        allowed = sorted(_model_at(model, loc[:-1]).model_fields)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
        return f"unknown field '{loc[-1]}' ({hint})"
    if error == "string_pattern_mismatch" and context["pattern"] in PATTERN_HINTS:
        return f"{PATTERN_HINTS[context['pattern']]}; found {found!r}"
    if error in ("string_pattern_mismatch", "string_too_short"):
        return "must not be empty"
    if error == "too_short":
        return f"must list at least {context['min_length']} item(s)"
    if error == "literal_error":
        return f"must be one of {context['expected']}; found {_describe(found)}"
    if error in _EXPECTED and found is None:
        return f"expected {_EXPECTED[error]}, found nothing: write a value (quoted if it starts with #)"
    if error in _EXPECTED:
        return f"expected {_EXPECTED[error]}, found {_describe(found)}"
    return detail["msg"]


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


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model whose fields stand at loc inside a record of the given model."""
    for part in loc:
        if isinstance(part, str):
            annotation = model.model_fields[part].annotation
            model = next(arg for arg in _flatten(annotation) if _is_model(arg))
    return model


def _flatten(kind: typing.Any) -> list[typing.Any]:
    args = typing.get_args(kind)
    return [kind] if not args else [leaf for arg in args for leaf in _flatten(arg)]


def _is_model(kind: typing.Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


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
            close = difflib.get_close_matches(wanted.lower(), known, n=1)
            hint = f"did you mean '{known[close[0]]}'?" if close else "add it to technologies.yml"
            file.problem((*loc, "technologies", position), f"unknown technology '{wanted}' ({hint})")


def _check_icons(file: YamlFile, records: list[tuple[Loc, Technology | Link]], icons: Icons) -> None:
    """Every icon named is bundled with Material."""
    for loc, record in records:
        if icons.exists(record.icon):
            continue
        close = icons.suggest(record.icon)
        hint = f" (did you mean '{close}'?)" if close else ""
        file.problem(
            (*loc, "icon"),
            f"unknown icon '{record.icon}'{hint}: use an icon bundled with Material,"
            " listed at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/",
        )
