"""Load data/*.yml once: parse, validate against the models, cross-check, report every problem."""

from __future__ import annotations

import difflib
import typing
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from portfolio.errors import DataError
from portfolio.icons import Icons
from portfolio.model import PATTERN_HINTS, Portfolio, Profile, Project, Technology
from portfolio.yamlfile import Loc, YamlFile, read_yaml

# Each data file and the type its top level must have.
DATA_FILES: dict[str, typing.Any] = {
    "profile": Profile,
    "technologies": list[Technology],
    "projects": list[Project],
}
_ADAPTERS = {name: TypeAdapter(kind) for name, kind in DATA_FILES.items()}

_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
}


def load_portfolio(data_dir: Path, icons: Icons) -> Portfolio:
    """Read and check every data file; raise DataError listing all problems."""
    files: dict[str, YamlFile] = {}
    values: dict[str, typing.Any] = {}
    for name in DATA_FILES:
        path = data_dir / f"{name}.yml"
        file = files[name] = read_yaml(path, f"{data_dir.name}/{path.name}")
        if not file.problems:
            values[name] = _validate(name, file)
    if not any(file.problems for file in files.values()):
        _cross_check(values, files, icons)
    problems = [problem for file in files.values() for problem in file.problems]
    if problems:
        raise DataError(problems)
    technologies = {technology.id: technology for technology in values["technologies"]}
    return Portfolio(
        profile=values["profile"], technologies=technologies, projects=values["projects"]
    )


def _validate(name: str, file: YamlFile) -> typing.Any:
    try:
        return _ADAPTERS[name].validate_python(file.data)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"])
            file.problem(loc, _message(detail, DATA_FILES[name], loc))
        return None


def _message(detail: typing.Any, kind: typing.Any, loc: Loc) -> str:
    """What went wrong with one value, and how to fix it, in the owner's terms."""
    error, found = detail["type"], detail.get("input")
    context = detail.get("ctx", {})
    if error == "missing":
        return f"missing required field '{loc[-1]}': add it"
    if error == "extra_forbidden":
        allowed = sorted(_model_at(kind, loc[:-1]).model_fields)
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


def _model_at(kind: typing.Any, loc: Loc) -> type[BaseModel]:
    """The model whose fields stand at loc inside a value of type kind."""
    for part in (*loc, None):
        models = [arg for arg in _flatten(kind) if isinstance(arg, type) and issubclass(arg, BaseModel)]
        if part is None or isinstance(part, int) or not models:
            if part is None:
                return models[0]
            continue
        kind = models[0].model_fields[part].annotation
    raise AssertionError(loc)


def _flatten(kind: typing.Any) -> list[typing.Any]:
    args = typing.get_args(kind)
    return [kind] if not args else [leaf for arg in args for leaf in _flatten(arg)]


def _cross_check(values: dict[str, typing.Any], files: dict[str, YamlFile], icons: Icons) -> None:
    """Unique ids, known technologies and bundled icons."""
    for name in ("technologies", "projects"):
        first: dict[str, int] = {}
        for index, record in enumerate(values[name]):
            if record.id in first:
                files[name].problem(
                    (index, "id"),
                    f"duplicate id '{record.id}' (also {name}[{first[record.id]}]): ids must be unique",
                )
            first.setdefault(record.id, index)
    technologies = {technology.id: technology for technology in values["technologies"]}
    for index, project in enumerate(values["projects"]):
        for position, technology in enumerate(project.technologies):
            if technology not in technologies:
                files["projects"].problem(
                    (index, "technologies", position),
                    f"unknown technology '{technology}'{_suggest_technology(technology, technologies)}",
                )
    icon_users = [("technologies", (index,), record) for index, record in enumerate(values["technologies"])]
    icon_users += [("profile", ("links", index), link) for index, link in enumerate(values["profile"].links)]
    for name, loc, record in icon_users:
        if not icons.exists(record.icon):
            close = icons.suggest(record.icon)
            hint = f" (did you mean '{close}'?)" if close else ""
            files[name].problem(
                (*loc, "icon"),
                f"unknown icon '{record.icon}'{hint}: use an icon bundled with Material,"
                " listed at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/",
            )


def _suggest_technology(wanted: str, technologies: dict[str, Technology]) -> str:
    """' (did you mean 'x'?)' for the technology id closest to wanted, or ''."""
    keys = {technology.id: technology.id for technology in technologies.values()}
    keys |= {technology.name.lower(): technology.id for technology in technologies.values()}
    close = difflib.get_close_matches(wanted.lower(), keys, n=1)
    if close:
        return f" (did you mean '{keys[close[0]]}'?)"
    return ": add it to technologies.yml or use one of its ids"
