"""The errors an owner sees: bad data files and misused macros."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data file, at a line when it is known."""

    path: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        where = f" {self.where}:" if self.where else ""
        return f"{location}:{where} {self.message}"


class DataError(Exception):
    """The data files are invalid; the message has one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class MacroError(Exception):
    """A macro was called with a value it does not know."""
