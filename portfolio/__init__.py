"""The portfolio's data layer and rendering, importable without MkDocs."""

from __future__ import annotations

from portfolio.errors import DataError, MacroError
from portfolio.loader import load_portfolio
from portfolio.macros import Macros
from portfolio.model import Portfolio, Profile, Project, Technology

__all__ = [
    "DataError",
    "MacroError",
    "Macros",
    "Portfolio",
    "Profile",
    "Project",
    "Technology",
    "load_portfolio",
]
