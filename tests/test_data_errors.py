"""Every bad input in tests/bad_data/ gets its exact message, one line per problem."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import pytest
from helpers import BAD_DATA_CASES as CASES
from helpers import GOOD_DATA, MKDOCS_ENV, case_parts, edit
from msgspec import Meta

from portfolio.data import DataError, load_portfolio
from portfolio.data.icons import material_icons
from portfolio.data.loader import DATA_FILES, OPTIONAL_FILES, _validate
from portfolio.data.model import Record
from portfolio.data.yamlfile import read_yaml


def data_with(tmp_path: Path, case: Path) -> Path:
    """A copy of the small good data set with one file replaced by the case."""
    data = tmp_path / "data"
    shutil.copytree(GOOD_DATA, data)
    shutil.copy(case, data / case_parts(case)[0])
    return data


def test_the_catalogue_is_complete() -> None:
    assert len(CASES) >= 20
    for case in CASES:
        target, expected = case_parts(case)
        assert target.removesuffix(".yml") in DATA_FILES, case.name
        assert expected, f"{case.name} names no expected message"


def test_good_data_loads() -> None:
    portfolio = load_portfolio(GOOD_DATA, material_icons())
    assert [project.id for project in portfolio.projects] == ["platform"]
    assert list(portfolio.technologies) == ["kubernetes"]
    assert [job.id for job in portfolio.experience] == [project.experience for project in portfolio.projects]
    assert [study.area for study in portfolio.education] == ["Computer science"]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_bad_data_message(tmp_path: Path, case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MKDOCS_ENV["SOURCE_DATE_EPOCH"])  # the builds' date: 2023-11-14
    with pytest.raises(DataError) as raised:
        load_portfolio(data_with(tmp_path, case), material_icons())
    assert str(raised.value).splitlines() == case_parts(case)[1]


def test_problems_of_several_files_are_reported_together(tmp_path: Path) -> None:
    data = data_with(tmp_path, GOOD_DATA.parent / "bad_data" / "projects-unknown-field.yml")
    shutil.copy(GOOD_DATA.parent / "bad_data" / "profile-invalid-email.yml", data / "profile.yml")
    with pytest.raises(DataError) as raised:
        load_portfolio(data, material_icons())
    assert [line.split(":")[0] for line in str(raised.value).splitlines()] == [
        "data/profile.yml",
        "data/projects.yml",
    ]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(GOOD_DATA, data)
    (data / "technologies.yml").unlink()
    with pytest.raises(DataError) as raised:
        load_portfolio(data, material_icons())
    assert str(raised.value) == "data/technologies.yml: file is missing: create it (see README.md)"


@pytest.mark.parametrize("left", ["out", "empty", "commented out"])
def test_an_optional_file_left_out_or_empty_holds_none(tmp_path: Path, left: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(GOOD_DATA, data)
    edit(data / "projects.yml", "  experience: a-company\n", "")  # it names a job of experience.yml
    for name in OPTIONAL_FILES:
        path = data / f"{name}.yml"
        if left == "out":
            path.unlink()
        elif left == "empty":
            path.write_text("[]\n", encoding="utf-8")
        else:  # every line a comment: the file as a fork that has none of these leaves it
            lines = path.read_text(encoding="utf-8").splitlines()
            path.write_text("".join(f"# {line}\n" for line in lines), encoding="utf-8")
    portfolio = load_portfolio(data, material_icons())
    assert [getattr(portfolio, name) for name in OPTIONAL_FILES] == [[] for _ in OPTIONAL_FILES]


def test_a_number_past_its_limit_is_worded_like_the_other_problems(tmp_path: Path) -> None:
    class Talk(Record):
        year: Annotated[int, Meta(ge=1970, le=2100)]
        minutes: Annotated[float, Meta(gt=0)] = 1.0

    data = tmp_path / "talks.yml"
    data.write_text("- year: 1969\n  minutes: 0\n")
    file = read_yaml(data, "data/talks.yml")
    _validate(file, Talk, many=True)
    assert [str(problem) for problem in file.problems] == [
        "data/talks.yml:1: talks[0].year: must be a number of at least 1970 and at most 2100; found 1969",
        "data/talks.yml:2: talks[0].minutes: must be a number of more than 0; found 0",
    ]
