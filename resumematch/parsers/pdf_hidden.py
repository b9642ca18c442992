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

A background still decides whether the text's own colour can be seen: ``unseen_colour`` compares
a character's colour with the fill drawn beneath it (the last filled shape under its middle, or
the white page). White on a blue band is a heading; white on white, or grey on the same grey, is
not seen by anyone. An image beneath the text is judged by its average colour (read only when
light text sits on it); a gradient counts as a picture on which any colour is seen.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium

from .contrast import WHITE, indistinct

# A character counts as covered when a shape reaches this close to every edge of its box (points).
_COVER_TOLERANCE = 1.0
# Shapes thinner than this cannot cover a letter; skipping them keeps the check cheap (rules, lines).
_MIN_COVER_SIDE = 3.0
_BAND = 24.0  # points: the height of the page slices shapes are indexed by
_PAGE = WHITE  # what is beneath text that has nothing drawn beneath it
_PICTURE = None  # an image or a gradient beneath the text: its colour is not judged


class PageMask:
    """Clip rectangles and later opaque shapes of one pdfium page, in PDF (bottom-up) space."""

    def __init__(self, raw_page) -> None:
        self._clips: dict[int, _Clip] = {}  # text object -> its clip, where it may cut letters away
        self._covers: dict[int, list[tuple]] = {}  # text object -> shapes drawn later over its box
        self._beneath: dict[int, list[tuple]] = {}  # text object -> fills drawn earlier under its box
        texts: list[tuple[int, int, tuple | None]] = []  # (order, text object, its box)
        covers: list[tuple[int, float, float, float, float]] = []  # (order, left, bottom, right, top)
        fills: list[tuple] = []  # (order, left, bottom, right, top, colour or _PICTURE)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))

        def bounds(obj):
            if pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                return left.value, bottom.value, right.value, top.value
            return None

        for order in range(pdfium.FPDFPage_CountObjects(raw_page)):
            obj = pdfium.FPDFPage_GetObject(raw_page, order)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_TEXT:
                key, box = object_key(obj), bounds(obj)
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
                        texts.append((order, object_key(child), form_box))
            elif kind in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_SHADING):
                box = bounds(obj)
                if box is None:
                    continue
                # What later text sits on: a fill's colour, an image judged by its average colour
                # (only if light text turns out to sit on it), a gradient as a picture.
                if kind == pdfium.FPDF_PAGEOBJ_PATH:
                    colour = _fill_colour(obj)  # False for a path that is only stroked
                else:
                    colour = _Picture(obj) if kind == pdfium.FPDF_PAGEOBJ_IMAGE else _PICTURE
                # What covers earlier text: opaque images, opaque fills, wide opaque strokes.
                painted = []
                if kind == pdfium.FPDF_PAGEOBJ_IMAGE:
                    if not pdfium.FPDFPageObj_HasTransparency(obj):
                        painted.append(box)  # a photo or a picture of a box, drawn over the text
                elif kind == pdfium.FPDF_PAGEOBJ_PATH:
                    if _opaque_fill(obj):
                        painted.append(box)
                    painted.extend(_stroke_bands(obj))
                if colour is False and not painted:
                    continue
                clip = _clip(obj)
                if colour is not False and _big_enough(box):
                    beneath = box if clip is None else _intersect(box, clip.box)  # painted only inside its clip
                    if beneath is not None:
                        fills.append((order, *beneath, colour))
                for area in painted:
                    if not _big_enough(area):
                        continue
                    if clip is not None:  # painted only inside its own clip
                        area = _intersect(area, clip.box) if clip.rectangular else None
                    if area is not None:
                        covers.append((order, *area))
        # Which shapes could cover (or lie under) which text, found once per text object rather
        # than per letter, through bands of the page's height (a page can have thousands of words
        # and dozens of shapes).
        cover_bands, fill_bands = _by_band(covers), _by_band(fills)
        for order, key, box in texts if (covers or fills) else ():
            over = [c for c in _near(cover_bands, covers, box)
                    if c[0] > order and (box is None or _intersect(box, c[1:5]) is not None)]
            if over:
                self._covers[key] = over
            beneath = sorted((c for c in _near(fill_bands, fills, box)
                              if c[0] < order and (box is None or _intersect(box, c[1:5]) is not None)),
                             key=lambda c: -c[0])  # the last drawn first
            if beneath:
                self._beneath[key] = beneath

    @property
    def empty(self) -> bool:
        return not self._clips and not self._covers

    @property
    def on_fills(self) -> dict:
        """Text objects (by key) with a fill or picture drawn beneath some of them."""
        return self._beneath

    def unseen_colour(self, text_object, left: float, bottom: float, right: float, top: float, colour) -> bool:
        """True when a character of this (r, g, b) colour, 0..1, cannot be told from what is beneath it."""
        beneath = self._beneath.get(object_key(text_object))
        if not beneath and min(colour) < 0.9:
            return False  # a dark or coloured letter on the white page: the common case, decided early
        x, y = (left + right) / 2, (bottom + top) / 2
        behind = _PAGE
        for _, f_left, f_bottom, f_right, f_top, fill in beneath or ():
            if f_left <= x <= f_right and f_bottom <= y <= f_top:
                behind = fill
                break
        if isinstance(behind, _Picture):
            behind = behind.colour()
        if behind is _PICTURE:
            return False
        return indistinct(colour, behind)

    def hides(self, text_object, left: float, bottom: float, right: float, top: float) -> bool:
        """True when the character with this box, drawn by ``text_object``, cannot be seen."""
        key = object_key(text_object)
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


def object_key(obj) -> int:
    """A page object's address, 0 for none: the same object gives the same key in every call.
    (addressof is several times faster than casting to c_void_p, and this runs per letter.)"""
    return ctypes.addressof(obj.contents) if obj else 0


def _opaque_fill(obj) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or fill_mode.value == 0:
        return False
    if pdfium.FPDFPageObj_HasTransparency(obj):
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    return bool(pdfium.FPDFPageObj_GetFillColor(obj, r, g, b, a)) and a.value == 255


class _Picture:
    """An image beneath text, whose average colour is read the first time it is needed (a
    white picture under white text hides it as well as a white box does)."""

    _SAMPLES = 4096  # pixels read at most: the average of a photo or a band needs no more

    def __init__(self, obj) -> None:
        self._obj = obj
        self._colour: tuple | None | bool = False

    def colour(self):
        if self._colour is False:
            try:
                self._colour = _average_colour(self._obj, self._SAMPLES)
            except Exception:
                self._colour = _PICTURE
        return self._colour


def _average_colour(obj, samples: int):
    """The mean (r, g, b) of an image object's pixels, 0..1, or None when it cannot be read."""
    bitmap = pdfium.FPDFImageObj_GetBitmap(obj)
    if not bitmap:
        return _PICTURE
    try:
        width, height = pdfium.FPDFBitmap_GetWidth(bitmap), pdfium.FPDFBitmap_GetHeight(bitmap)
        stride, kind = pdfium.FPDFBitmap_GetStride(bitmap), pdfium.FPDFBitmap_GetFormat(bitmap)
        channels = {pdfium.FPDFBitmap_Gray: 1, pdfium.FPDFBitmap_BGR: 3, pdfium.FPDFBitmap_BGRx: 4, pdfium.FPDFBitmap_BGRA: 4}.get(kind)
        if not channels or width <= 0 or height <= 0:
            return _PICTURE
        buffer = ctypes.cast(pdfium.FPDFBitmap_GetBuffer(bitmap), ctypes.POINTER(ctypes.c_ubyte * (stride * height))).contents
        step = max(1, int((width * height / samples) ** 0.5))
        totals, count = [0, 0, 0], 0
        for y in range(0, height, step):
            row = y * stride
            for x in range(0, width, step):
                pixel = row + x * channels
                if channels == 1:
                    value = buffer[pixel]
                    totals[0] += value
                    totals[1] += value
                    totals[2] += value
                else:  # blue, green, red
                    totals[0] += buffer[pixel + 2]
                    totals[1] += buffer[pixel + 1]
                    totals[2] += buffer[pixel]
                count += 1
        return tuple(total / count / 255 for total in totals)
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)


def _fill_colour(obj):
    """A filled path's colour as seen on white (a translucent fill is lighter), or False."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or fill_mode.value == 0:
        return False
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return _PICTURE  # a pattern or a colour pdfium cannot name
    alpha = a.value / 255
    return tuple(alpha * v.value / 255 + (1 - alpha) for v in (r, g, b))


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


def _big_enough(box) -> bool:
    """Shapes thinner than _MIN_COVER_SIDE neither cover a letter nor sit under one (rules, lines)."""
    return box[2] - box[0] >= _MIN_COVER_SIDE and box[3] - box[1] >= _MIN_COVER_SIDE


def _by_band(shapes) -> dict[int, list[tuple]]:
    bands: dict[int, list[tuple]] = {}
    for shape in shapes:
        for band in range(int(shape[2] // _BAND), int(shape[4] // _BAND) + 1):
            bands.setdefault(band, []).append(shape)
    return bands


def _near(bands, shapes, box):
    """The shapes in the page bands ``box`` spans (every shape when the box is unknown)."""
    if box is None:
        return shapes
    return {id(s): s for band in range(int(box[1] // _BAND), int(box[3] // _BAND) + 1) for s in bands.get(band, ())}.values()
