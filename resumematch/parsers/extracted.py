"""What a format reader hands back before sections and contact details are found."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Layout


@dataclass
class Extracted:
    text: str
    pages: int = 1
    layout: Layout = field(default_factory=Layout)
    links: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    author: str = ""  # the file's own author metadata (PDF /Author, DOCX core properties)
    ocr: dict | None = None  # pages read by OCR and how well (ocr.ocr_summary), None when none was
    # The first page's lines with their type size and height on the page (PDF only): the name
    # is the largest text near the top (names.py).
    display: list[tuple[str, float, float]] = field(default_factory=list)
