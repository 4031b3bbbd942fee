"""What pages show of the data: the macros they call, rendered from overrides/fragments/."""

from __future__ import annotations

from portfolio.pages.macros import MacroError, Macros, Showcase

__all__ = ["MacroError", "Macros", "Showcase"]
