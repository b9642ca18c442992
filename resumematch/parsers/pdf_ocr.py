"""PDF pages that are pictures: which ones need OCR, and drawing them for it.

A page with a text layer a reader can see is never OCR'd; a page with none that draws
something (a scanned image, text turned into outlines) is drawn by pdfium and read by OCR; a
mixed PDF gets both, page by page. Before a page is drawn, every image on it is measured from
its header: one that would decode to more pixels than ``ParseLimits.max_image_pixels`` (a
small stream that inflates to gigabytes) refuses the document before any of it is decoded.
"""

from __future__ import annotations

import ctypes
import math

import pypdfium2
import pypdfium2.raw as pdfium

from ..errors import DocumentTooLargeError
from ..limits import ParseLimits
from .budget import Deadline
from .ocr import OcrPage, recognize

# Dots per inch a page is drawn at for OCR. Measured on the samples drawn at 150, 200 and 300
# dpi (benchmarks/ocr_speed.py, docs/benchmarks.md): 200 missed no skill of the text layer, 300
# took about 40% longer for nothing more, 150 was no faster and misread one skill.
RENDER_DPI = 200
# Forms inside forms are already limited (pdf_forms.py); this only bounds the walk.
_MAX_FORM_DEPTH = 8


def page_draws_something(document: pypdfium2.PdfDocument, index: int) -> bool:
    """True when a page with no visible text draws images or shapes: worth reading by OCR."""
    page = document[index]
    try:
        return pdfium.FPDFPage_CountObjects(page.raw) > 0
    finally:
        page.close()


def ocr_page(
    document: pypdfium2.PdfDocument, index: int, label: str, limits: ParseLimits, deadline: Deadline
) -> tuple[OcrPage, tuple[float, float, float, float]]:
    """The words OCR reads on page ``index`` (in points, as displayed), and the page's box."""
    page = document[index]
    try:
        _check_images(page, index, label, limits.max_image_pixels)
        width, height = page.get_size()  # as displayed (after /Rotate)
        width, height = max(abs(width), 1.0), max(abs(height), 1.0)
        # Drawn at RENDER_DPI, or smaller when the page is so big that the bitmap would pass
        # the pixel limit (a page 200 inches wide).
        scale = min(RENDER_DPI / 72, math.sqrt(limits.max_image_pixels / (width * height)))
        deadline.check()
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
        try:
            image = bitmap.to_pil()
        finally:
            bitmap.close()
    finally:
        page.close()
    deadline.check()
    words = recognize(image, 1 / scale, _seconds_left(deadline))
    return words, words.box


def _seconds_left(deadline: Deadline) -> float | None:
    import time

    if deadline.expires == float("inf"):
        return None
    return max(0.01, deadline.expires - time.monotonic())


def _check_images(page, index: int, label: str, max_pixels: int) -> None:
    width, height = ctypes.c_uint(), ctypes.c_uint()

    def walk(objects, depth: int) -> None:
        for obj in objects:
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_IMAGE:
                if pdfium.FPDFImageObj_GetImagePixelSize(obj, width, height):
                    pixels = width.value * height.value
                    if pixels > max_pixels:
                        raise DocumentTooLargeError(
                            label,
                            f"page {index + 1} holds an image of {width.value:,} x {height.value:,} pixels, more than "
                            f"the limit of {max_pixels / 1e6:.0f} million; export the resume again at a normal resolution",
                        )
            elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                walk((pdfium.FPDFFormObj_GetObject(obj, i) for i in range(pdfium.FPDFFormObj_CountObjects(obj))), depth + 1)

    walk((pdfium.FPDFPage_GetObject(page.raw, i) for i in range(pdfium.FPDFPage_CountObjects(page.raw))), 0)


class PicturePages:
    """The pages of one PDF that are pictures: read by OCR where the engine is installed (up to
    ``ParseLimits.max_ocr_pages``), listed as unread where it is not."""

    def __init__(self, data: bytes, label: str, limits: ParseLimits, deadline: Deadline) -> None:
        from .ocr import available

        self._data, self._label, self._limits, self._deadline = data, label, limits, deadline
        self._document = None
        self.engine = available()
        self.read_pages: list[tuple[int, float, int]] = []  # (page number, confidence, words)
        self.unread: list[int] = []

    def words(self, fast, index: int):
        """(words, box) read by OCR from page ``index``, which shows no text; None when the page
        draws nothing or the engine is missing (the page is then listed as unread)."""
        document = fast.document if fast is not None else self._open()
        if not page_draws_something(document, index):
            return None
        if not self.engine:
            self.unread.append(index + 1)
            return None
        if len(self.read_pages) >= self._limits.max_ocr_pages:
            raise DocumentTooLargeError(
                self._label,
                f"has more than {self._limits.max_ocr_pages} pages that are images, the limit for reading by OCR; "
                "send the PDF your editor exports",
            )
        try:
            page, box = ocr_page(document, index, self._label, self._limits, self._deadline)
        except TimeoutError:
            raise self._deadline.error() from None
        self.read_pages.append((index + 1, page.confidence, len(page.words)))
        return page.words, box

    def _open(self):
        if self._document is None:
            self._document = pypdfium2.PdfDocument(self._data)
        return self._document

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None
