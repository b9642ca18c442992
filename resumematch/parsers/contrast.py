"""Whether text can be told from what is beneath it: the one rule for PDF and DOCX.

Colours are (red, green, blue) tuples from 0 to 1. Text is hidden by its colour only when it
is nearly the colour beneath it (white on white, light grey on the same grey, black on black):
white on a blue band is a heading, and pale text on a pale fill is poor design, not hiding.
"""

from __future__ import annotations

# Lightness (0 black .. 1 white) two colours must differ by, or any one channel by the second
# figure, for a reader to tell them apart.
_MIN_LIGHTNESS = 0.12
_MIN_CHANNEL = 0.25

WHITE = (1.0, 1.0, 1.0)


def indistinct(text: tuple[float, float, float], behind: tuple[float, float, float]) -> bool:
    """True when text of colour ``text`` cannot be seen on a fill of colour ``behind``."""
    return abs(_lightness(text) - _lightness(behind)) < _MIN_LIGHTNESS and (
        max(abs(a - b) for a, b in zip(text, behind)) < _MIN_CHANNEL
    )


def hex_colour(value: str | None) -> tuple[float, float, float] | None:
    """"1F3864" -> (0.12, 0.22, 0.39); None for "auto", a theme name or anything unreadable."""
    if not value or len(value) != 6:
        return None
    try:
        return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return None


def _lightness(colour: tuple[float, float, float]) -> float:
    red, green, blue = colour
    return 0.299 * red + 0.587 * green + 0.114 * blue
