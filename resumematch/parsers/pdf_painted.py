"""Whether a text object paints anything a reader can see, asked of pdfium's renderer.

Transparency hides text in ways no single property of a text object states: a soft mask (an
ExtGState /SMask whose group paints nothing, or paints black under /Luminosity), a transparency
group drawn at alpha 0, a fill alpha of a few per cent, a blend mode that leaves the page as it
was. For a text object where any of this is in play (pdfium's HasTransparency on the object or on
a form that draws it), the page is rendered over the object's box twice, once as drawn and once
with the object's render mode set to invisible. A letter whose box shows no difference a reader
could tell (the contrast rule of contrast.py, per pixel) is not seen. Ordinary resumes have no
such text objects, so they never pay for a render.
"""

from __future__ import annotations

import ctypes
import math

import pypdfium2.raw as pdfium

_SCALE = 2.0  # pixels per point: an 11 pt letter is 22 pixels high
_MAX_PIXELS = 4_000_000  # per render; a larger box is rendered at a lower scale
_PAD = 2.0  # points around the object's box (antialiasing reaches past it)
# A pixel changes visibly when its lightness moves this much (0-255), or any channel this much:
# contrast.py's thresholds (0.12 and 0.25 of full scale).
_MIN_LIGHTNESS = 0.12 * 255
_MIN_CHANNEL = 0.25 * 255


class PaintCheck:
    """Renders of one pdfium page, compared per text object on first need."""

    def __init__(self, raw_page) -> None:
        self._page = raw_page
        self._diffs: dict[int, _Diff | None] = {}

    def unseen(self, key: int, text_object, box, left: float, bottom: float, right: float, top: float) -> bool:
        """True when drawing ``text_object`` changes nothing a reader can tell inside the letter's
        box. ``box``: the object's box in page space (None: it cannot be judged, and is seen)."""
        if key not in self._diffs:
            self._diffs[key] = _diff(self._page, text_object, box) if box is not None else None
        diff = self._diffs[key]
        return diff is not None and not diff.changed(left, bottom, right, top)


class _Diff:
    """Two renders of a region of the page: with the object drawn and without it."""

    def __init__(self, drawn: bytes, without: bytes, width: int, height: int, to_pixel) -> None:
        self.drawn, self.without = drawn, without
        self.width, self.height = width, height
        self.to_pixel = to_pixel
        self.same = drawn == without

    def changed(self, left: float, bottom: float, right: float, top: float) -> bool:
        if self.same:
            return False
        x0, y0 = self.to_pixel(left, top)
        x1, y1 = self.to_pixel(right, bottom)
        x0, x1 = max(0, math.floor(min(x0, x1))), min(self.width, math.ceil(max(x0, x1)))
        y0, y1 = max(0, math.floor(min(y0, y1))), min(self.height, math.ceil(max(y0, y1)))
        stride = self.width * 4
        for y in range(y0, y1):
            start, end = y * stride + x0 * 4, y * stride + x1 * 4
            a, b = self.drawn[start:end], self.without[start:end]
            if a == b:
                continue
            for i in range(0, end - start, 4):  # blue, green, red, unused
                if a[i : i + 3] != b[i : i + 3] and _visible(a[i : i + 3], b[i : i + 3]):
                    return True
        return False


def _visible(a: bytes, b: bytes) -> bool:
    lightness = abs(0.114 * (a[0] - b[0]) + 0.587 * (a[1] - b[1]) + 0.299 * (a[2] - b[2]))
    return lightness >= _MIN_LIGHTNESS or max(abs(x - y) for x, y in zip(a, b)) >= _MIN_CHANNEL


def _diff(raw_page, text_object, box) -> _Diff | None:
    """Render the page over ``box`` (page space: left, bottom, right, top) with and without
    the object. The page is rendered unturned (its /Rotate set to 0 meanwhile), so page space
    maps to pixels by a shift and a scale."""
    rotation = pdfium.FPDFPage_GetRotation(raw_page)
    if rotation:
        pdfium.FPDFPage_SetRotation(raw_page, 0)
    mode = pdfium.FPDFTextObj_GetTextRenderMode(text_object)
    try:
        page_box = pdfium.FS_RECTF()
        if not pdfium.FPDF_GetPageBoundingBox(raw_page, page_box):
            return None
        page_left, page_top = min(page_box.left, page_box.right), max(page_box.top, page_box.bottom)
        width_pt, height_pt = pdfium.FPDF_GetPageWidthF(raw_page), pdfium.FPDF_GetPageHeightF(raw_page)
        if width_pt < 1 or height_pt < 1:
            return None
        # pdfium first maps the page onto whole points (its display rectangle), then our matrix.
        shown_x, shown_y = int(width_pt) / width_pt, int(height_pt) / height_pt
        left, bottom, right, top = box[0] - _PAD, box[1] - _PAD, box[2] + _PAD, box[3] + _PAD
        scale = min(_SCALE, math.sqrt(_MAX_PIXELS / max((right - left) * (top - bottom), 1.0)))
        width, height = max(1, math.ceil((right - left) * scale)), max(1, math.ceil((top - bottom) * scale))
        origin_x, origin_y = (left - page_left) * scale, (page_top - top) * scale

        def to_pixel(x: float, y: float) -> tuple[float, float]:
            return (x - page_left) * scale - origin_x, (page_top - y) * scale - origin_y

        matrix = pdfium.FS_MATRIX(scale / shown_x, 0, 0, scale / shown_y, -origin_x, -origin_y)
        drawn = _render(raw_page, matrix, width, height)
        if drawn is None or not pdfium.FPDFTextObj_SetTextRenderMode(text_object, pdfium.FPDF_TEXTRENDERMODE_INVISIBLE):
            return None
        without = _render(raw_page, matrix, width, height)
        return _Diff(drawn, without, width, height, to_pixel) if without is not None else None
    finally:
        pdfium.FPDFTextObj_SetTextRenderMode(text_object, mode)
        if rotation:
            pdfium.FPDFPage_SetRotation(raw_page, rotation)


def _render(raw_page, matrix, width: int, height: int) -> bytes | None:
    bitmap = pdfium.FPDFBitmap_Create(width, height, 0)  # BGRx
    if not bitmap:
        return None
    try:
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
        clip = pdfium.FS_RECTF(0, 0, width, height)
        pdfium.FPDF_RenderPageBitmapWithMatrix(bitmap, raw_page, matrix, clip, 0)
        stride = pdfium.FPDFBitmap_GetStride(bitmap)
        data = ctypes.string_at(pdfium.FPDFBitmap_GetBuffer(bitmap), stride * height)
        if stride != width * 4:
            data = b"".join(data[row * stride : row * stride + width * 4] for row in range(height))
        return data
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)
