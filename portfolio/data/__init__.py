"""The data: data/*.yml read once per build, checked, and typed as records."""

from __future__ import annotations

from portfolio.data.errors import DataError
from portfolio.data.loader import load_portfolio
from portfolio.data.model import Portfolio, Profile, Project, Technology

__all__ = ["DataError", "Portfolio", "Profile", "Project", "Technology", "load_portfolio"]
