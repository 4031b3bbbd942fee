"""The portfolio's data layer and rendering, importable without MkDocs."""

from __future__ import annotations

from portfolio.errors import DataError, MacroError
from portfolio.loader import load_portfolio
from portfolio.model import Portfolio, Profile, Project, Technology
from portfolio.site import Site

__all__ = [
    "DataError",
    "MacroError",
    "Portfolio",
    "Profile",
    "Project",
    "Site",
    "Technology",
    "load_portfolio",
]
