"""Which characters of a PDF page a reader cannot see: clipped away, or painted over.

White, tiny, invisible (render mode 3) and off-page text are judged character by character
where the words are built. Two more ways to hide keywords need the page's drawing order, which
only pdfium gives us:

- a clipping path that leaves the text outside it (the text is drawn, then cut away), judged by
  the path's shape, not its bounding box (two small squares in opposite corners have a box the
  size of the page and cover no text), and
- something opaque drawn *after* the text, covering it: a filled shape (a white box over a
  line), an image, or a wide straight stroke.

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
_BAND = 24.0  # points: the height of the page slices shapes are indexed by


class PageMask:
    """Clip rectangles and later opaque shapes of one pdfium page, in PDF (bottom-up) space."""

    def __init__(self, raw_page) -> None:
        self._clips: dict[int, tuple[float, float, float, float]] = {}  # text object -> its clip box
        self._covers: dict[int, list[tuple]] = {}  # text object -> shapes drawn later over its box
        texts: list[tuple[int, int, tuple | None]] = []  # (order, text object, its box)
        covers: list[tuple[int, float, float, float, float]] = []  # (order, left, bottom, right, top)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))

        def bounds(obj):
            if pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                return left.value, bottom.value, right.value, top.value
            return None

        for order in range(pdfium.FPDFPage_CountObjects(raw_page)):
            obj = pdfium.FPDFPage_GetObject(raw_page, order)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_TEXT:
                key, box = _key(obj), bounds(obj)
                texts.append((order, key, box))
                clip = _clip(obj)
                if clip is not None and not (box is not None and clip.holds(box)):
                    self._clips[key] = clip  # some of the object may be cut away: judged per letter
            elif kind == pdfium.FPDF_PAGEOBJ_FORM:
                # Text inside a form XObject is drawn where the form is; its own clip is left alone.
                form_box = bounds(obj)
                for inner in range(pdfium.FPDFFormObj_CountObjects(obj)):
                    child = pdfium.FPDFFormObj_GetObject(obj, inner)
                    if pdfium.FPDFPageObj_GetType(child) == pdfium.FPDF_PAGEOBJ_TEXT:
                        texts.append((order, _key(child), form_box))
            elif kind in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_IMAGE):
                painted = []
                if kind == pdfium.FPDF_PAGEOBJ_IMAGE:
                    if not pdfium.FPDFPageObj_HasTransparency(obj) and (box := bounds(obj)) is not None:
                        painted.append(box)  # a photo or a picture of a box, drawn over the text
                else:
                    if _opaque_fill(obj) and (box := bounds(obj)) is not None:
                        painted.append(box)
                    painted.extend(_stroke_bands(obj))
                clip = _clip(obj) if painted else None
                for box in painted:
                    if box[2] - box[0] < _MIN_COVER_SIDE or box[3] - box[1] < _MIN_COVER_SIDE:
                        continue
                    if clip is not None:  # painted only inside its own clip
                        box = _intersect(box, clip.box) if clip.rectangular else None
                    if box is not None:
                        covers.append((order, *box))
        # Which shapes could cover which text, found once per text object rather than per letter,
        # through bands of the page's height (a page can have thousands of words and dozens of shapes).
        bands: dict[int, list[tuple]] = {}
        for cover in covers:
            for band in range(int(cover[2] // _BAND), int(cover[4] // _BAND) + 1):
                bands.setdefault(band, []).append(cover)
        for order, key, box in texts if covers else ():
            if box is None:
                candidates = covers
            else:
                candidates = {id(c): c for band in range(int(box[1] // _BAND), int(box[3] // _BAND) + 1)
                              for c in bands.get(band, ())}.values()
            over = [c for c in candidates if c[0] > order and (box is None or _intersect(box, c[1:]) is not None)]
            if over:
                self._covers[key] = over

    @property
    def empty(self) -> bool:
        return not self._clips and not self._covers

    def hides(self, text_object, left: float, bottom: float, right: float, top: float) -> bool:
        """True when the character with this box, drawn by ``text_object``, cannot be seen."""
        key = _key(text_object)
        clip = self._clips.get(key)
        if clip is not None and not clip.contains((left + right) / 2, (bottom + top) / 2):
            return True
        over = self._covers.get(key)
        if not over:
            return False
        t = _COVER_TOLERANCE
        return any(
            c_left - t <= left and c_bottom - t <= bottom and c_right + t >= right and c_top + t >= top
            for _, c_left, c_bottom, c_right, c_top in over
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


class _Clip:
    """An object's clipping area: the intersection of its clip paths, each a set of polygons
    (one per subpath; a curve by its control points, which only widens it)."""

    def __init__(self, paths: list[list[list[tuple[float, float]]]]) -> None:
        self.paths = paths
        points = [p for path in paths for polygon in path for p in polygon]
        boxes = [_polygon_box([p for polygon in path for p in polygon]) for path in paths]
        self.box = boxes[0] if boxes else (0.0, 0.0, 0.0, 0.0)
        for other in boxes[1:]:
            self.box = _intersect(self.box, other) or (0.0, 0.0, 0.0, 0.0)
        # The common case (a page or column rectangle): a box test is the whole answer.
        self.rectangular = bool(points) and all(len(path) == 1 and _is_rectangle(path[0]) for path in paths)

    def holds(self, box) -> bool:
        """Whether all of ``box`` is surely inside (only decided for rectangular clips)."""
        return self.rectangular and _inside(box, self.box)

    def contains(self, x: float, y: float) -> bool:
        if self.rectangular:
            return self.box[0] <= x <= self.box[2] and self.box[1] <= y <= self.box[3]
        return all(sum(_crossings(polygon, x, y) for polygon in path) % 2 == 1 for path in self.paths)


def _clip(obj) -> _Clip | None:
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    paths = []
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        polygons: list[list[tuple[float, float]]] = []
        for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            segment = pdfium.FPDFClipPath_GetPathSegment(clip, path, index)
            if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            if pdfium.FPDFPathSegment_GetType(segment) == pdfium.FPDF_SEGMENT_MOVETO or not polygons:
                polygons.append([])
            polygons[-1].append((x.value, y.value))
        polygons = [p for p in polygons if len(p) >= 3]
        if polygons:
            paths.append(polygons)
    return _Clip(paths) if paths else None


def _crossings(polygon, x: float, y: float) -> int:
    """Edges of ``polygon`` a ray from (x, y) to the right crosses (even-odd rule)."""
    count = 0
    previous = polygon[-1]
    for point in polygon:
        (x1, y1), (x2, y2) = previous, point
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            count += 1
        previous = point
    return count


def _polygon_box(points) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _is_rectangle(polygon) -> bool:
    """Four corners (a closing repeat allowed) joined by horizontal and vertical sides."""
    corners = polygon[:-1] if len(polygon) == 5 and polygon[0] == polygon[-1] else polygon
    if len(corners) != 4:
        return False
    return all(abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01 for a, b in zip(corners, corners[1:] + corners[:1]))


def _stroke_bands(obj) -> list[tuple[float, float, float, float]]:
    """The areas an opaque stroke paints along its straight horizontal and vertical pieces, as
    wide as the line: a thick white line drawn over a line of text hides it."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or not stroke.value:
        return []
    width = ctypes.c_float()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if (not pdfium.FPDFPageObj_GetStrokeWidth(obj, width) or pdfium.FPDFPageObj_HasTransparency(obj)
            or not pdfium.FPDFPageObj_GetStrokeColor(obj, r, g, b, a) or a.value != 255):
        return []
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    half = width.value * scale / 2
    if 2 * half < _MIN_COVER_SIDE:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f)
        kind = pdfium.FPDFPathSegment_GetType(segment)
        if kind == pdfium.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([])
        if kind == pdfium.FPDF_SEGMENT_BEZIERTO:
            subpaths.append([])  # a curve: no straight band through it
        subpaths[-1].append(point)
        if pdfium.FPDFPathSegment_GetClose(segment) and subpaths[-1]:
            subpaths[-1].append(subpaths[-1][0])
    bands = []
    for points in subpaths:
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if abs(x1 - x2) < 0.01 or abs(y1 - y2) < 0.01:
                bands.append((min(x1, x2) - half, min(y1, y2) - half, max(x1, x2) + half, max(y1, y2) + half))
    return bands


def _inside(box, outer) -> bool:
    t = _COVER_TOLERANCE
    return outer[0] - t <= box[0] and outer[1] - t <= box[1] and box[2] <= outer[2] + t and box[3] <= outer[3] + t


def _intersect(a, b):
    left, bottom, right, top = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (left, bottom, right, top) if left <= right and bottom <= top else None
