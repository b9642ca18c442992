"""Which characters of a PDF page a reader cannot see: clipped away, or painted over.

White, tiny, invisible (render mode 3) and off-page text are judged character by character
where the words are built. Two more ways to hide keywords need the page's drawing order, which
only pdfium gives us:

- a clipping path that leaves the text outside it (the text is drawn, then cut away), and
- an opaque filled shape drawn *after* the text, covering it (a white box over a line).

``PageMask`` reads the page's objects once and answers, for a character's box, whether it is
hidden. A shape drawn before the text is a background (shaded headings), and a shape with any
transparency is a highlight, so neither hides anything. A shape must cover the whole character:
underlines and strike-through lines do not.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium

# A character counts as covered when a shape reaches this close to every edge of its box (points).
_COVER_TOLERANCE = 1.0
# Shapes thinner than this cannot cover a letter; skipping them keeps the check cheap (rules, lines).
_MIN_COVER_SIDE = 3.0


class PageMask:
    """Clip rectangles and later opaque shapes of one pdfium page, in PDF (bottom-up) space."""

    def __init__(self, raw_page) -> None:
        self._order: dict[int, int] = {}  # text object handle -> drawing order
        self._clips: dict[int, tuple[float, float, float, float]] = {}
        self._covers: list[tuple[int, float, float, float, float]] = []  # (order, left, bottom, right, top)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for order in range(pdfium.FPDFPage_CountObjects(raw_page)):
            obj = pdfium.FPDFPage_GetObject(raw_page, order)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_TEXT:
                key = _key(obj)
                self._order[key] = order
                clip = _clip_box(obj)
                if clip is not None:
                    self._clips[key] = clip
            elif kind == pdfium.FPDF_PAGEOBJ_FORM:
                # Text inside a form XObject is drawn where the form is; its own clip is left alone.
                for inner in range(pdfium.FPDFFormObj_CountObjects(obj)):
                    child = pdfium.FPDFFormObj_GetObject(obj, inner)
                    if pdfium.FPDFPageObj_GetType(child) == pdfium.FPDF_PAGEOBJ_TEXT:
                        self._order[_key(child)] = order
            elif kind == pdfium.FPDF_PAGEOBJ_PATH and _opaque_fill(obj):
                if pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    box = (left.value, bottom.value, right.value, top.value)
                    if box[2] - box[0] >= _MIN_COVER_SIDE and box[3] - box[1] >= _MIN_COVER_SIDE:
                        clip = _clip_box(obj)
                        if clip is not None:  # a shape is only painted inside its own clip
                            box = _intersect(box, clip)
                        if box is not None:
                            self._covers.append((order, *box))

    @property
    def empty(self) -> bool:
        return not self._clips and not self._covers

    def hides(self, text_object, left: float, bottom: float, right: float, top: float) -> bool:
        """True when the character with this box, drawn by ``text_object``, cannot be seen."""
        key = _key(text_object)
        clip = self._clips.get(key)
        if clip is not None:
            x, y = (left + right) / 2, (bottom + top) / 2
            if not (clip[0] <= x <= clip[2] and clip[1] <= y <= clip[3]):
                return True
        order = self._order.get(key)
        if order is None or not self._covers:
            return False
        t = _COVER_TOLERANCE
        return any(
            later > order and c_left - t <= left and c_bottom - t <= bottom and c_right + t >= right and c_top + t >= top
            for later, c_left, c_bottom, c_right, c_top in self._covers
        )


def _key(obj) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _opaque_fill(obj) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or fill_mode.value == 0:
        return False
    if pdfium.FPDFPageObj_HasTransparency(obj):
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    return bool(pdfium.FPDFPageObj_GetFillColor(obj, r, g, b, a)) and a.value == 255


def _clip_box(obj) -> tuple[float, float, float, float] | None:
    """The bounding box of an object's clipping area (the intersection of its clip paths)."""
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            segment = pdfium.FPDFClipPath_GetPathSegment(clip, path, index)
            if segment and pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            continue
        path_box = (min(xs), min(ys), max(xs), max(ys))
        box = path_box if box is None else _intersect(box, path_box) or (0.0, 0.0, 0.0, 0.0)
    return box


def _intersect(a, b):
    left, bottom, right, top = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (left, bottom, right, top) if left <= right and bottom <= top else None
