"""The JSON Schema in data/schema/ stays in step with the models that validate the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import BAD_DATA_CASES as CASES
from helpers import case_parts

from portfolio.data.loader import DATA_FILES, OPTIONAL_FILES
from portfolio.data.schema import SCHEMA_DIR, schemas

ROOT = Path(__file__).resolve().parent.parent
# The bad-data cases that a JSON Schema cannot catch, each with its reason: only the loader finds them.
_ICONS = "which icons exist depends on the Material installed"
_NOT_YAML = "the file is not YAML that a schema could read"
_ACROSS = "a rule across records, which a schema of one file does not see"
_DATES = "a rule between two dates, or between a date and the build's"
BEYOND_SCHEMA = {
    "profile-link-icon-from-another-set": _ICONS,
    "profile-link-unknown-icon": _ICONS,
    "technologies-icons-from-other-sets": _ICONS,
    "technologies-unknown-icon": _ICONS,
    "profile-not-utf8": _NOT_YAML,
    "profile-nul-character": _NOT_YAML,
    "projects-syntax-error": _NOT_YAML,
    "projects-tab-indent": _NOT_YAML,
    "projects-invalid-date": "YAML cannot read the value, so there is none to check",
    "projects-nested-too-deep": "a limit of the YAML reader: the value itself is valid",
    "projects-python-tag": "a YAML tag the safe reader refuses before any value exists",
    "projects-empty": "an empty file has no value to check",
    "projects-duplicate-key": "YAML keeps one of the two keys, and the value left is valid",
    "projects-duplicate-id": _ACROSS,
    "technologies-duplicate-id": _ACROSS,
    "projects-unknown-technology": "a reference to technologies.yml, another file",
    "projects-unknown-job": "a reference to experience.yml, another file",
    "experience-duplicate-id": _ACROSS,
    "experience-end-before-start": _DATES,
    "education-end-before-start": _DATES,
    "experience-start-after-the-build-date": _DATES,
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text()))


def test_committed_schemas_are_the_generated_ones() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == schemas(), "run: .venv/bin/python -m portfolio.data.schema"


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_name_their_schema_and_meet_it(name: str) -> None:
    for data in (ROOT / "data", ROOT / "tests" / "good_data", ROOT / "tests" / "fork" / "data"):
        if name in OPTIONAL_FILES and data == ROOT / "data" and not (data / f"{name}.yml").exists():
            continue  # the owner's data may leave an optional file out; the tests' data sets have every file
        text = (data / f"{name}.yml").read_text(encoding="utf-8")
        if data.name == "data":  # the fork's files too, as a forker copies them into data/
            assert text.splitlines()[0] == f"# yaml-language-server: $schema=schema/{name}.schema.json"
        validator(name).validate(yaml.safe_load(text))


SCHEMA_CASES = [case for case in CASES if case.stem not in BEYOND_SCHEMA]


def test_the_cases_beyond_the_schema_exist() -> None:
    assert set(BEYOND_SCHEMA) <= {case.stem for case in CASES}


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[case.stem for case in SCHEMA_CASES])
def test_schema_rejects_what_the_models_reject(case: Path) -> None:
    target = case_parts(case)[0].removesuffix(".yml")
    assert not validator(target).is_valid(yaml.safe_load(case.read_text(encoding="utf-8")))
