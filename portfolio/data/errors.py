"""The error an owner sees for bad data files: one line per problem, naming the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass

# Characters that would end a line of the report (str.splitlines breaks at each): written escaped, like \n.
_LINE_BREAKS = str.maketrans({c: c.encode("unicode_escape").decode() for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


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
        return f"{location}:{where} {self.message}".translate(_LINE_BREAKS)


class DataError(Exception):
    """The data files are invalid; the message has one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
