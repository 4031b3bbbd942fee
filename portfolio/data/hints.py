"""What to suggest for a name that is not known: the one hint every message about a typo gives."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(wanted: str, known: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The known names closest to the wanted one (n at most, closest first), if any is close."""
    return difflib.get_close_matches(wanted, list(known), n=n, cutoff=cutoff)


def did_you_mean(suggestions: Iterable[str], otherwise: str) -> str:
    """ "did you mean 'x'?" ('x', 'y' or 'z' for several) for suggestions, else what to do instead."""
    quoted = [f"'{suggestion}'" for suggestion in suggestions]
    if not quoted:
        return otherwise
    return f"did you mean {' or '.join([', '.join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)}?"
