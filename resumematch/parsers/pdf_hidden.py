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
hidden. Text drawn with transparency (a soft mask, a group at alpha 0) is judged by rendering
(pdf_painted.py); annotations a reader sees are drawn into the page first (pdf_annotations.py). A shape drawn before the text is a background (shaded headings), and a shape with any
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
import re

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

    def __init__(self, raw_page, judge: TextJudge | None = None, annotation_covers=None) -> None:
        self.judge = judge or TextJudge()
        self._clips: dict[int, _Clip] = {}  # text object -> its clip, where it may cut letters away
        # text object -> (object, box): drawn with transparency of its own or of a form that
        # draws it (a soft mask, a group at alpha 0), judged by rendering (pdf_painted.py)
        self._blended: dict[int, tuple] = {}
        self._paint = None
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

        def form_children(form, order: float, span: float, matrix, form_box, blended: bool, depth: int = 0):
            """The objects a form XObject draws, in its order, with their boxes in page space:
            shapes inside a form cover the text drawn before them as page shapes do."""
            count = pdfium.FPDFFormObj_CountObjects(form)
            local = pdfium.FS_MATRIX()
            for inner in range(count):
                child = pdfium.FPDFFormObj_GetObject(form, inner)
                child_order = order + span * (inner + 1) / (count + 2)
                kind = pdfium.FPDFPageObj_GetType(child)
                box = bounds(child)
                box = _transform(box, matrix) if box is not None else None
                if box is not None and form_box is not None:
                    box = _intersect(box, form_box)  # a form paints only inside its own box
                    if box is None:
                        continue
                if kind == pdfium.FPDF_PAGEOBJ_TEXT:
                    key = object_key(child)
                    texts.append((child_order, key, box or form_box))
                    if blended or pdfium.FPDFPageObj_HasTransparency(child):
                        self._blended[key] = (child, box)
                    clip = _clip(child)  # the form's BBox among it, in the form's space
                    if clip is not None:
                        clip = _Clip([[[_apply(matrix, point) for point in polygon] for polygon in path] for path in clip.paths])
                        if box is None or not clip.holds(box):
                            self._clips[key] = clip
                elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < 8 and pdfium.FPDFPageObj_GetMatrix(child, local):
                    form_children(child, child_order, span / (count + 2), _compose(local, matrix), box,
                                  blended or bool(pdfium.FPDFPageObj_HasTransparency(child)), depth + 1)
                elif box is not None:
                    shape(child, kind, child_order, box, None, matrix, form_box)

        def shape(obj, kind, order, box, clip, outer=None, within=None):
            """``outer``: the matrix of the form that draws ``obj`` (None on the page itself), whose
            box ``within`` it paints inside."""
            # What later text sits on: a fill's colour, an image judged by its average colour
            # (only if light text turns out to sit on it), a gradient as a picture.
            if kind == pdfium.FPDF_PAGEOBJ_PATH:
                colour = _fill_colour(obj)  # False for a path that is only stroked
            elif kind in (pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_SHADING):
                colour = _Picture(obj) if kind == pdfium.FPDF_PAGEOBJ_IMAGE else _PICTURE
            else:
                return
            # What covers earlier text: opaque images, opaque fills, wide opaque strokes, each an
            # area and, when it is turned, the four-sided shape inside that area it truly paints.
            painted = []
            if kind == pdfium.FPDF_PAGEOBJ_IMAGE:
                if not pdfium.FPDFPageObj_HasTransparency(obj):
                    painted.append((box, _turned_outline(obj, kind, outer)))  # a photo or a picture of a box
            elif kind == pdfium.FPDF_PAGEOBJ_PATH:
                if _opaque_fill(obj):
                    painted.append((box, _turned_outline(obj, kind, outer)))
                for band in _stroke_bands(obj, outer):
                    band = band if within is None else _intersect(band, within)
                    if band is not None:
                        painted.append((band, None))
            if colour is False and not painted:
                return
            if colour is not False and _big_enough(box):
                beneath = box if clip is None else _intersect(box, clip.box)  # painted only inside its clip
                if beneath is not None:
                    fills.append((order, *beneath, colour))
            for area, outline in painted:
                if not _big_enough(area):
                    continue
                if clip is not None:  # painted only inside its own clip
                    area = _intersect(area, clip.box) if clip.rectangular else None
                if area is not None:
                    covers.append((order, *area, outline))

        for order in range(pdfium.FPDFPage_CountObjects(raw_page)):
            obj = pdfium.FPDFPage_GetObject(raw_page, order)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == pdfium.FPDF_PAGEOBJ_TEXT:
                key, box = object_key(obj), bounds(obj)
                texts.append((order, key, box))
                if pdfium.FPDFPageObj_HasTransparency(obj):
                    self._blended[key] = (obj, box)
                clip = _clip(obj)
                if clip is not None and not (box is not None and clip.holds(box)):
                    self._clips[key] = clip  # some of the object may be cut away: judged per letter
            elif kind == pdfium.FPDF_PAGEOBJ_FORM:
                matrix = pdfium.FS_MATRIX()
                if pdfium.FPDFPageObj_GetMatrix(obj, matrix):
                    form_children(obj, order, 1.0, _matrix(matrix), bounds(obj),
                                  bool(pdfium.FPDFPageObj_HasTransparency(obj)))
            elif kind in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_SHADING):
                box = bounds(obj)
                if box is None:
                    continue
                shape(obj, kind, order, box, _clip(obj))
        # Annotations are drawn over the page's content: an opaque one hides the text under it.
        if self._blended:
            from .pdf_painted import PaintCheck

            self._paint = PaintCheck(raw_page)
        for area in _annotation_covers(raw_page) if annotation_covers is None else annotation_covers:
            covers.append((float("inf"), *area, None))
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
        return not self._clips and not self._covers and not self._blended

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
        return self.why_hidden(text_object, left, bottom, right, top) is not None

    def why_hidden(self, text_object, left: float, bottom: float, right: float, top: float) -> str | None:
        """The kind of hiding that keeps the character with this box, drawn by ``text_object``,
        from being seen (COVERED or MASKED), or None."""
        key = object_key(text_object)
        clip = self._clips.get(key)
        if clip is not None and not clip.contains((left + right) / 2, (bottom + top) / 2):
            return COVERED
        over = self._covers.get(key)
        if over:
            t = _COVER_TOLERANCE
            for _, c_left, c_bottom, c_right, c_top, outline in over:
                if c_left - t <= left and c_bottom - t <= bottom and c_right + t >= right and c_top + t >= top and (
                        outline is None or _outline_holds(outline, left + t, bottom + t, right - t, top - t)):
                    return COVERED
        blended = self._blended.get(key)
        if blended is not None and self._paint.unseen(key, blended[0], blended[1], left, bottom, right, top):
            return MASKED
        return None


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


def _stroke_bands(obj, outer=None) -> list[tuple[float, float, float, float]]:
    """The areas an opaque stroke paints along its straight horizontal and vertical pieces, as
    wide as the line: a thick white line drawn over a line of text hides it. ``outer``: the
    matrix of the form that draws it (its pieces and width are measured in page space)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or not stroke.value:
        return []
    width = ctypes.c_float()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if (not pdfium.FPDFPageObj_GetStrokeWidth(obj, width) or pdfium.FPDFPageObj_HasTransparency(obj)
            or not pdfium.FPDFPageObj_GetStrokeColor(obj, r, g, b, a) or a.value != 255):
        return []
    matrix = _page_matrix(obj, outer)
    if matrix is None:
        return []
    a, b, c, d, e, f = matrix
    scale = abs(a * d - b * c) ** 0.5
    half = width.value * scale / 2
    if 2 * half < _MIN_COVER_SIDE:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
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


def _page_matrix(obj, outer=None):
    """An object's matrix in page space: its own, then that of the form drawing it."""
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return None
    return _matrix(matrix) if outer is None else _compose(matrix, outer)


def _turned_outline(obj, kind, outer=None):
    """The outline a filled path or an image paints, in page space, when it is not an upright
    rectangle (a square turned 45 degrees, a circle): its bounding box would claim letters beside
    it. None when the box is the shape (the common case) or there are several outlines."""
    matrix = _page_matrix(obj, outer)
    if matrix is None:
        return None
    if kind == pdfium.FPDF_PAGEOBJ_IMAGE:  # an image fills the unit square of its matrix
        points = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    else:
        x, y = ctypes.c_float(), ctypes.c_float()
        points = []
        for index in range(pdfium.FPDFPath_CountSegments(obj)):
            segment = pdfium.FPDFPath_GetPathSegment(obj, index)
            if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            if index and pdfium.FPDFPathSegment_GetType(segment) == pdfium.FPDF_SEGMENT_MOVETO:
                return None  # several outlines (holes, separate pieces): judged by the box
            points.append((x.value, y.value))  # a curve by its control points
    points = [_apply(matrix, point) for point in points]
    if len(points) < 3 or _is_rectangle(points) or (len(points) == 5 and _is_rectangle(points[:4])):
        return None
    return points


def _outline_holds(outline, left: float, bottom: float, right: float, top: float) -> bool:
    """All four corners of a box inside a shape (even-odd rule)."""
    return all(_crossings(outline, x, y) % 2 == 1 for x in (left, right) for y in (bottom, top))


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


def _matrix(m) -> tuple[float, float, float, float, float, float]:
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(local, parent: tuple) -> tuple:
    """The matrix of a nested form in page space: its own, then its parent's."""
    a, b, c, d, e, f = _matrix(local)
    pa, pb, pc, pd, pe, pf = parent
    return (a * pa + b * pc, a * pb + b * pd, c * pa + d * pc, c * pb + d * pd, e * pa + f * pc + pe, e * pb + f * pd + pf)


def _apply(m: tuple, point: tuple[float, float]) -> tuple[float, float]:
    a, b, c, d, e, f = m
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


def _transform(box, m: tuple):
    """A box in a form's space, in page space (the box of its four corners)."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x in (box[0], box[2]):
        for y in (box[1], box[3]):
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


# Annotation flags (PDF 32000-1, 12.5.3): not drawn on screen when hidden or "no view".
_ANNOT_HIDDEN, _ANNOT_NO_VIEW = 2, 32
_FILLED_RECTANGLE = re.compile(
    r"(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+re\s+(?:[Wn\s]*)?(?:f\*?|F|B\*?|b\*?)(?![\w*])"
)


def _annotation_covers(raw_page, unprinted_only: bool = False) -> list[tuple[float, float, float, float]]:
    """Areas opaque annotations paint over the page: a shown annotation (not a link, not a
    popup) whose normal appearance fills a rectangle nearly as large as itself, with no
    transparency of its own (/CA below 1, or a graphics state that may set one).
    ``unprinted_only``: only those without the Print flag (the others are flattened into the
    page, pdf_annotations.py)."""
    areas = []
    rect = pdfium.FS_RECTF()
    opacity = ctypes.c_float()
    for index in range(pdfium.FPDFPage_GetAnnotCount(raw_page)):
        annot = pdfium.FPDFPage_GetAnnot(raw_page, index)
        if not annot:
            continue
        try:
            if pdfium.FPDFAnnot_GetSubtype(annot) in (pdfium.FPDF_ANNOT_LINK, pdfium.FPDF_ANNOT_POPUP):
                continue
            flags = pdfium.FPDFAnnot_GetFlags(annot)
            if flags & (_ANNOT_HIDDEN | _ANNOT_NO_VIEW) or (unprinted_only and flags & pdfium.FPDF_ANNOT_FLAG_PRINT):
                continue
            if pdfium.FPDFAnnot_GetNumberValue(annot, b"CA", opacity) and opacity.value < 1:
                continue
            if not pdfium.FPDFAnnot_GetRect(annot, rect):
                continue
            size = pdfium.FPDFAnnot_GetAP(annot, pdfium.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0)
            if size <= 2 or size > 1 << 20:
                continue
            buffer = (ctypes.c_ushort * (size // 2 + 1))()
            pdfium.FPDFAnnot_GetAP(annot, pdfium.FPDF_ANNOT_APPEARANCEMODE_NORMAL, buffer, size)
            appearance = bytes(buffer)[: size - 2].decode("utf-16-le", "replace")
            if " gs" in appearance or "/SMask" in appearance:
                continue  # its graphics state may make it translucent
            width, height = abs(rect.right - rect.left), abs(rect.top - rect.bottom)
            for match in _FILLED_RECTANGLE.finditer(appearance):
                w, h = abs(float(match.group(3))), abs(float(match.group(4)))
                if w >= 0.9 * width and h >= 0.9 * height:
                    areas.append((min(rect.left, rect.right), min(rect.bottom, rect.top),
                                  max(rect.left, rect.right), max(rect.bottom, rect.top)))
                    break
        except ValueError:
            continue
        finally:
            pdfium.FPDFPage_CloseAnnot(annot)
    return areas


class TextJudge:
    """What decides, for a whole text object, whether a reader sees it, beyond its box: its
    render mode, its transparency, the optional-content layer it is in, the font it is drawn
    with. ``off_layers``: names of layers the document's default view switches off;
    ``lying_fonts``: fonts whose Unicode map contradicts the glyphs they draw (pdf_fonts.py);
    ``shared_lying``: names of lying fonts an honest font also has, told apart by their glyphs
    (pdf_glyphs.py, once ``witness`` is set)."""

    def __init__(self, off_layers=frozenset(), lying_fonts=frozenset(), shared_lying=frozenset()) -> None:
        self.off_layers = frozenset(off_layers)
        self.lying_fonts = frozenset(lying_fonts)
        self.shared_lying = frozenset(shared_lying)
        self.witness = None  # a pdf_glyphs.GlyphWitness over the pdfium document
        self.any_lying = bool(lying_fonts)  # a lying font seen, named or not (the warning says so)
        self.kinds: dict[str, int] = {}  # hidden characters by kind, for the warning

    def count(self, kind: str, chars: int = 1) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + chars

    def reason(self, text_object, fontname: str, textpage=None) -> str | None:
        """Why nothing of this text object is seen, or None. ``textpage``: pdfium's text page
        the object's letters are read from (to tell a lying font from an honest namesake)."""
        if not text_object:
            return None
        mode = pdfium.FPDFTextObj_GetTextRenderMode(text_object)
        if mode in (pdfium.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium.FPDF_TEXTRENDERMODE_CLIP):
            return INVISIBLE
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        fills = mode in (0, 2, 4, 6)
        strokes = mode in (1, 2, 5, 6)
        fill_alpha = a.value if pdfium.FPDFPageObj_GetFillColor(text_object, r, g, b, a) else 255
        stroke_alpha = a.value if pdfium.FPDFPageObj_GetStrokeColor(text_object, r, g, b, a) else 255
        if not ((fills and fill_alpha) or (strokes and stroke_alpha)):
            return TRANSPARENT
        if self.off_layers and _layer_names(text_object) & self.off_layers:
            return SWITCHED_OFF
        if fontname and fontname in self.lying_fonts:
            return LYING_FONT
        if (fontname and fontname in self.shared_lying and self.witness is not None and textpage is not None
                and self.witness.lies(text_object, textpage, fontname)):
            return LYING_FONT
        return None

    @staticmethod
    def seen_colour(text_object, fill_colour: tuple) -> tuple:
        """The colour a reader sees the text in: its stroke colour when it is only stroked
        (outline text, render modes 1 and 5), else its fill colour."""
        if text_object and pdfium.FPDFTextObj_GetTextRenderMode(text_object) in (1, 5):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            if pdfium.FPDFPageObj_GetStrokeColor(text_object, r, g, b, a):
                return (r.value / 255, g.value / 255, b.value / 255)
        return fill_colour

    @staticmethod
    def blank(fontname: str, left: float, bottom: float, right: float, top: float) -> bool:
        """A glyph of a Type 3 font (pdfium names none) whose drawing has no extent: its glyph
        procedure paints nothing, whatever character it maps to."""
        return not fontname and (right - left < 0.1 or top - bottom < 0.1)


# Kinds of hidden PDF text, as the warning names them.
INVISIBLE = "invisible (render mode 3 or 7)"
TRANSPARENT = "fully transparent"
SWITCHED_OFF = "in a layer switched off"
LYING_FONT = "a font whose Unicode map contradicts its glyphs"
BLANK_GLYPH = "glyphs that draw nothing"
COVERED = "clipped away or covered"
UNSEEN_ANNOTATION = "in an annotation that is hidden or not printed"
MASKED = "masked out by transparency (a soft mask, a group or an alpha near 0)"
CAMOUFLAGED = "the colour beneath it"
COLLAPSED = "drawn on one spot"


def _layer_names(text_object) -> set[str]:
    """Names of the optional-content layers (marked content /OC) a page object is drawn in."""
    names = set()
    for index in range(pdfium.FPDFPageObj_CountMarks(text_object)):
        mark = pdfium.FPDFPageObj_GetMark(text_object, index)
        if not mark or _wide(pdfium.FPDFPageObjMark_GetName, mark) != "OC":
            continue
        value = (ctypes.c_ushort * 256)()
        length = ctypes.c_ulong()
        if pdfium.FPDFPageObjMark_GetParamStringValue(mark, b"Name", value, 512, length):
            names.add(bytes(value)[: max(length.value - 2, 0)].decode("utf-16-le", "replace"))
    return names


def _wide(function, *args) -> str:
    buffer = (ctypes.c_ushort * 256)()
    length = ctypes.c_ulong()
    if not function(*args, buffer, 512, length):
        return ""
    return bytes(buffer)[: max(length.value - 2, 0)].decode("utf-16-le", "replace")
