"""Limits that keep one hostile file from costing more than a resume should.

A real resume is a few pages and well under a megabyte; the defaults leave generous room above
that while keeping memory under about 1 GB and time bounded for any input.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .settings import Settings

MEMORY_ENV = "RESUMEMATCH_MEMORY_LIMIT_MB"


def _memory_default() -> int:
    """1 GB, or RESUMEMATCH_MEMORY_LIMIT_MB (a lower ceiling for a small machine, or for a test)."""
    value = os.environ.get(MEMORY_ENV, "").strip()
    try:
        return int(float(value) * 2**20) if value else 2**30
    except ValueError:
        return 2**30


@dataclass(frozen=True)
class ParseLimits(Settings):
    """Documented limits of the parsers.

    - ``max_bytes``: size of the file itself (20 MB).
    - ``max_pages``: PDF pages, read from the page tree before any page is parsed (50).
    - ``max_unzipped_bytes``: total uncompressed size of a DOCX's parts, both as declared by the
      zip directory and as actually inflated, and of a PDF's compressed streams (100 MB).
    - ``max_zip_entries``: number of parts in a DOCX (2,000).
    - ``max_chars``: characters of text once extracted (500,000: some 150 pages of prose; a
      resume or posting is a few thousand). Above it the skill pipeline would need pieces and
      minutes; the document is refused with its size instead.
    - ``timeout_seconds``: wall-time budget for one document (30 s): reading, contact finding,
      skill matching and scoring; ``0`` disables it.
    - ``max_memory_bytes``: memory a reader may take on top of what the process already holds
      (1 GB, or ``RESUMEMATCH_MEMORY_LIMIT_MB``); past it the document is "too large to read
      safely". Enforced as an address-space limit where documents are read (a child process for
      ``check``, ``parse`` and the web page, each worker of ``rank``); ``0`` disables it.
    - ``max_ocr_pages``: pages read by OCR in one document (10): the pictures among a PDF's
      pages, or the pages of a TIFF. OCR takes a second or more a page, inside the time budget.
    - ``max_image_pixels``: pixels of one image, measured from its header before it is decoded:
      an image file, a picture inside a PDF page, a page drawn for OCR (80 million: a 48-megapixel
      phone photo fits; a 50,000 x 50,000 PNG does not).
    """

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_entries: int = 2000
    max_chars: int = 500_000
    timeout_seconds: float = 30.0
    max_memory_bytes: int = field(default_factory=_memory_default)
    max_ocr_pages: int = 10
    max_image_pixels: int = 80_000_000

    def __post_init__(self) -> None:
        self._check_numbers()
        for name in ("max_bytes", "max_pages", "max_unzipped_bytes", "max_zip_entries", "max_chars", "max_ocr_pages",
                     "max_image_pixels"):
            if getattr(self, name) < 1:
                raise ValueError(f"ParseLimits.{name} must be at least 1")
