"""What to suggest for a name that is not known: the one hint every message about a typo gives."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(wanted: str, known: Iterable[str]) -> str | None:
    """The known name closest to the wanted one, if any is close."""
    close = difflib.get_close_matches(wanted, list(known), n=1)
    return close[0] if close else None


def did_you_mean(suggestion: str | None, otherwise: str) -> str:
    """ "did you mean 'x'?" for a suggestion, else what to do instead."""
    return f"did you mean '{suggestion}'?" if suggestion else otherwise
