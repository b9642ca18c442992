"""A base for the settings dataclasses (ParseLimits, MatchSettings), after pdfplumber's.

Subclasses are frozen dataclasses of numbers; they validate themselves when created, and
``resolve()`` accepts None (the defaults), a dict of overrides, or an instance.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TypeVar

T = TypeVar("T", bound="Settings")


class Settings:
    def _check_numbers(self) -> None:
        """Every field must be a number >= 0."""
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{type(self).__name__}.{f.name} must be a number >= 0, got {value!r}")

    @classmethod
    def resolve(cls: type[T], value: T | dict | None) -> T:
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls(**value)
        raise TypeError(f"expected None, a dict or {cls.__name__}, not {type(value).__name__}")
