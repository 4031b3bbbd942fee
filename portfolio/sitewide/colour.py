"""WCAG 2 contrast, so a badge's text stays readable on its brand colour."""

from __future__ import annotations

BLACK, WHITE = "#000000", "#ffffff"


def luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the background (always at least 4.58:1)."""
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE
