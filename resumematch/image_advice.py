"""Advice for a resume read from a picture by OCR.

ATS software reads no picture: a scan or a photo of a resume is an empty application to it,
however well our OCR read it. So a resume read by OCR always gets that advice, and when OCR
read it poorly (mean word confidence under ``parsers.ocr.LOW_CONFIDENCE``) the advice comes
first: the score and every other suggestion rest on words that may be misread.
"""

from __future__ import annotations

from .types import Document, Suggestion

IMAGE_ADVICE = "this file is an image: ATS software will not read it; send the PDF your editor exports"


def with_image_advice(document: Document, suggestions: list[Suggestion]) -> list[Suggestion]:
    if not document.read_by_ocr:
        return suggestions
    from .parsers.ocr import LOW_CONFIDENCE

    confidence = float(document.ocr.get("confidence") or 0.0)
    pages = document.ocr.get("pages") or []
    which = "it" if len(pages) == document.pages else (
        f"page {pages[0]}" if len(pages) == 1 else "pages " + ", ".join(str(p) for p in pages))
    advice = Suggestion("ats", 1, f"{IMAGE_ADVICE} (we read {which} by OCR, mean word confidence {confidence:.0f}/100).")
    if confidence < LOW_CONFIDENCE:
        return [advice, *suggestions]
    # Read well: the scored changes worth most still come first, then this before other advice.
    place = next((i for i, s in enumerate(suggestions) if not s.points), len(suggestions))
    return [*suggestions[:place], advice, *suggestions[place:]]
