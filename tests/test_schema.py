"""The JSON Schema in data/schema/ stays in step with the models that validate the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_data_errors import CASES, case_parts

from portfolio.schema import SCHEMA_DIR, schemas

ROOT = Path(__file__).resolve().parent.parent
# Problems only the loader can find: they depend on YAML itself, on other files or on installed icons.
BEYOND_SCHEMA = ("YAML", "not valid UTF-8", "file is empty", "duplicate", "unknown technology", "unknown icon")


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text()))


def test_committed_schemas_are_the_generated_ones() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == schemas(), "run: .venv/bin/python -m portfolio.schema"


@pytest.mark.parametrize("name", ["profile", "technologies", "projects"])
def test_data_files_name_their_schema_and_meet_it(name: str) -> None:
    for data in (ROOT / "data", ROOT / "tests" / "good_data", ROOT / "tests" / "fork" / "data"):
        text = (data / f"{name}.yml").read_text(encoding="utf-8")
        if data.name == "data":  # the fork's files too, as a forker copies them into data/
            assert text.splitlines()[0] == f"# yaml-language-server: $schema=schema/{name}.schema.json"
        validator(name).validate(yaml.safe_load(text))


SCHEMA_CASES = [case for case in CASES if not any(word in "".join(case_parts(case)[1]) for word in BEYOND_SCHEMA)]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[case.stem for case in SCHEMA_CASES])
def test_schema_rejects_what_the_models_reject(case: Path) -> None:
    target = case_parts(case)[0].removesuffix(".yml")
    assert not validator(target).is_valid(yaml.safe_load(case.read_text(encoding="utf-8")))
