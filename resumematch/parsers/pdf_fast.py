"""The fast path for PDF pages: characters from pdfium, words built as pdfplumber builds them.

pdfplumber is pure Python and spends 60-200 ms a page building one dict per character;
pypdfium2 (which pdfplumber already installs) reads the same characters in about a tenth of the
time. This module asks pdfium for each character's code point, horizontal extent, baseline,
size, font name and fill colour, and groups them into word
records with the same fields and the same rules as pdfplumber's ``extract_words`` (lines by
top within 3 pt, a new word at whitespace, at a gap wider than ``gap_ratio`` of the font size,
or where size, font or colour change). The rest of the PDF reader is shared.

It answers None for a page it cannot read as faithfully (text drawn at an angle, text whose
glyphs pdfium replaced by a marked-content /ActualText), and the reader falls back to pdfplumber
for that page. Pages turned as a whole by /Rotate are read here, in the page's own space.
"""

from __future__ import annotations

import ctypes

import pypdfium2
import pypdfium2.raw as pdfium

from .cleanup import ICON_FONT
from .pdf_annotations import PageAnnotations, flatten_seen
from .pdf_hidden import BLANK_GLYPH, CAMOUFLAGED, LYING_FONT, UNSEEN_ANNOTATION, PageMask, TextJudge, object_key

_Y_TOLERANCE = 3.0
_UNMAPPED = {0, 0xFFFE, 0xFFFF, 0xFFFD}


class FastPDF:
    """A pdfium document kept open beside pdfplumber's, read page by page."""

    def __init__(self, data: bytes) -> None:
        self.document = pypdfium2.PdfDocument(data)
        self._font = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._box = pdfium.FS_RECTF()
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._matrix = pdfium.FS_MATRIX()
        # Characters left out as hidden: render mode 3 (neither filled nor stroked), clipped
        # away, or painted over (pdf_hidden.py).
        self.invisible_chars = 0
        # Layers switched off, lying fonts, blank glyphs (set by the reader), and the kinds of
        # hidden text found, for the warning.
        self.judge = TextJudge()
        self.last_box = (0.0, 0.0, 0.0, 0.0)  # (x0, top, x1, bottom) of the last page read, unrotated
        # Per page, read once before its annotations are flattened into it: link targets, and
        # what the annotations left out add (pdf_annotations.py).
        self._annotations: dict[int, tuple[list, PageAnnotations]] = {}
        self.off_annotations: dict[int, set[int]] = {}  # page -> annotations in layers switched off

    def close(self) -> None:
        self.document.close()

    def _page(self, index: int):
        """(page, link targets, annotation facts): the page with the annotations a reader sees
        drawn into it, flattened the first time the page is asked for."""
        page = self.document[index]
        known = self._annotations.get(index)
        if known is None:
            links = self._links(page, page_box(page))
            facts = flatten_seen(page.raw, self.off_annotations.get(index, ()))
            if facts.hidden_chars:
                self.invisible_chars += facts.hidden_chars
                self.judge.count(UNSEEN_ANNOTATION, facts.hidden_chars)
            known = self._annotations[index] = (links, facts)
            if facts.flattened:  # pdfium wrote new content; the loaded objects are the old ones
                page.close()
                page = self.document[index]
        return page, *known

    def page_words(self, index: int, gap_ratio: float) -> tuple[list[dict], list[str], int] | None:
        """(words, link targets, image count) for one page, or None to fall back."""
        page, links, annotations = self._page(index)
        try:
            # pdfium reports characters in the page's own (unrotated) space, so a page shown
            # turned by /Rotate is read as its author drew it; pdfplumber would see its text
            # turned and drop it (90, 270) or read it backwards (180).
            box = page_box(page)
            textpage = page.get_textpage()
            try:
                read = self._chars(textpage, box, PageMask(page.raw, self.judge, annotations.covers))
            finally:
                textpage.close()
            if read is None or not read[0]:
                return None
            chars, hidden = read
            self.invisible_chars += hidden
            words = _words(chars, gap_ratio)
            self.last_box = (0.0, 0.0, box[2] - box[0], box[3] - box[1])
            return words, links, self._images(page)
        finally:
            page.close()

    def _links(self, page, box) -> list[tuple[str, tuple]]:
        """URI targets of the page's link annotations, each with its area (x0, top, x1, bottom)
        in the words' space: a link counts only where visible text lies in that area."""
        targets = []
        rect = pdfium.FS_RECTF()
        for i in range(pdfium.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium.FPDFPage_GetAnnot(page.raw, i)
            try:
                if pdfium.FPDFAnnot_GetSubtype(annot) != pdfium.FPDF_ANNOT_LINK:
                    continue
                action = pdfium.FPDFLink_GetAction(pdfium.FPDFAnnot_GetLink(annot))
                if not action or pdfium.FPDFAction_GetType(action) != pdfium.PDFACTION_URI:
                    continue
                length = pdfium.FPDFAction_GetURIPath(self.document.raw, action, None, 0)
                buffer = ctypes.create_string_buffer(length)
                pdfium.FPDFAction_GetURIPath(self.document.raw, action, buffer, length)
                if buffer.value and pdfium.FPDFAnnot_GetRect(annot, rect):
                    area = (min(rect.left, rect.right) - box[0], box[3] - max(rect.top, rect.bottom),
                            max(rect.left, rect.right) - box[0], box[3] - min(rect.top, rect.bottom))
                    targets.append((buffer.value.decode("utf-8", "replace"), area))
            finally:
                pdfium.FPDFPage_CloseAnnot(annot)
        return targets

    @staticmethod
    def _images(page) -> int:
        objects = (pdfium.FPDFPage_GetObject(page.raw, i) for i in range(pdfium.FPDFPage_CountObjects(page.raw)))
        return sum(1 for obj in objects if pdfium.FPDFPageObj_GetType(obj) == pdfium.FPDF_PAGEOBJ_IMAGE)

    def hidden_boxes(self, index: int) -> list[tuple[float, float, float, float]]:
        """(x0, top, x1, bottom) of every hidden character of a page, in pdfplumber's space (from
        the media box's top left): for a page read by pdfplumber, which sees none of render
        mode, clipping or drawing order."""
        page, _, annotations = self._page(index)
        try:
            # pdfplumber places words from the media box's top left corner, whatever the crop.
            left, bottom, right, top = page.get_mediabox()
            page_left, page_top = min(left, right), max(bottom, top)
            right_edge = max(left, right) - page_left
            mask = PageMask(page.raw, self.judge, annotations.covers)
            judge = self.judge
            textpage = page.get_textpage()
            try:
                raw_page = textpage.raw
                left, right, bottom, top = (ctypes.c_double() for _ in range(4))
                boxes = []
                lying_lines: dict[int, tuple] = {}
                reasons: dict[int, str | None] = {}
                font = self._font
                origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
                for i in range(pdfium.FPDFText_CountChars(raw_page)):
                    text_object = pdfium.FPDFText_GetTextObject(raw_page, i)
                    if not text_object:
                        continue
                    length = pdfium.FPDFText_GetFontInfo(raw_page, i, font, len(font), self._flags)
                    fontname = font.raw[: max(length - 1, 0)].decode("latin-1", "replace")
                    if not pdfium.FPDFText_GetCharBox(raw_page, i, left, right, bottom, top):
                        # No box: a Type 3 glyph that draws nothing has none (judged below).
                        if fontname or not pdfium.FPDFText_GetCharOrigin(raw_page, i, origin_x, origin_y):
                            continue
                        left.value = right.value = origin_x.value
                        bottom.value = top.value = origin_y.value
                    key = object_key(text_object)
                    if key not in reasons:
                        reasons[key] = judge.reason(text_object, fontname, raw_page)
                    pdfium.FPDFText_GetFillColor(raw_page, i, *self._rgba)
                    colour = judge.seen_colour(text_object, tuple(v.value / 255 for v in self._rgba[:3]))
                    box = (left.value, bottom.value, right.value, top.value)
                    why = reasons[key]
                    if why is None and not chr(pdfium.FPDFText_GetUnicode(raw_page, i)).isspace() and judge.blank(fontname, *box):
                        why = BLANK_GLYPH
                    if why is None and not mask.empty:
                        why = mask.why_hidden(text_object, *box)
                    if why is None and mask.unseen_colour(text_object, *box, colour):
                        why = CAMOUFLAGED
                    if why is not None:
                        judge.count(why)
                        if why == BLANK_GLYPH:  # no extent of its own: the line it stands on
                            size = pdfium.FPDFText_GetFontSize(raw_page, i)
                            box = (box[0], box[1] - 0.3 * size, max(box[2], box[0] + 0.5 * size), box[3] + size)
                        boxes.append((box[0] - page_left, page_top - box[3], box[2] - page_left, page_top - box[1]))
                        if why == LYING_FONT and key not in lying_lines:
                            # pdfminer places a lying font's letters by the widths of the letters
                            # its map claims, not of the glyphs drawn: its words can run past
                            # pdfium's boxes. The rest of the line from the first letter is hidden.
                            lying_lines[key] = (box[0] - page_left, page_top - box[3], right_edge, page_top - box[1])
                return boxes + list(lying_lines.values())
            finally:
                textpage.close()
        finally:
            page.close()

    def _chars(self, textpage, box, mask: PageMask) -> tuple[list[tuple], int] | None:
        page_left, page_top = box[0], box[3]
        raw_page = textpage.raw
        rect, font, flags = self._box, self._font, self._flags
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        chars = []
        hidden = 0
        styles: dict[int, tuple] = {}
        last_origin, repeats = None, 0
        for i in range(pdfium.FPDFText_CountChars(raw_page)):
            if pdfium.FPDFText_IsGenerated(raw_page, i):
                continue  # spaces and line breaks pdfium inferred; we do our own spacing
            code = pdfium.FPDFText_GetUnicode(raw_page, i)
            if code in _UNMAPPED or pdfium.FPDFText_HasUnicodeMapError(raw_page, i):
                # No Unicode mapping. An icon font's glyphs are dropped anyway; any other font
                # may name the glyph as a ligature pdfium does not read ("f_i", "f_f_l.liga"),
                # which pdfminer spells out, so pdfplumber reads the page.
                length = pdfium.FPDFText_GetFontInfo(raw_page, i, font, len(font), flags)
                if not ICON_FONT.search(font.raw[: max(length - 1, 0)].decode("latin-1", "replace")):
                    return None
                continue
            # pdfium reports a hyphen it judges to be a line-end soft hyphen as U+0002.
            char = "\u00ad" if code == 2 else chr(code)
            if char.isspace():
                chars.append((" ", 0, 0, 0, 0, 0, "", None))
                continue
            text_object = pdfium.FPDFText_GetTextObject(raw_page, i)
            key = object_key(text_object)
            # Angle, colour, render mode, font and size belong to the letter's text object:
            # asked once per object, not once per letter (most of this loop's time is ctypes).
            style = styles.get(key) if key else None
            if style is None:
                style = self._style(raw_page, i, text_object)
                if key:
                    styles[key] = style
            turned, colour, invisible, fontname, size = style
            if turned:
                return None  # rotated text: pdfplumber handles direction
            if invisible:
                hidden += 1  # OCR layers of scans use render mode 3 too; a reader sees none of it
                self.judge.count(invisible)
                continue
            if not fontname:  # a Type 3 font: a glyph whose procedure draws nothing has no extent
                if not pdfium.FPDFText_GetCharBox(raw_page, i, left, right, bottom, top):
                    left.value = right.value = bottom.value = top.value = 0.0
                if self.judge.blank(fontname, left.value, bottom.value, right.value, top.value):
                    hidden += 1
                    self.judge.count(BLANK_GLYPH)
                    continue
            pdfium.FPDFText_GetLooseCharBox(raw_page, i, rect)
            # Most letters are dark, on the white page, in a text object nothing could hide:
            # those skip the box and the checks.
            if text_object and (not mask.empty or key in mask.on_fills or min(colour) >= 0.9):
                pdfium.FPDFText_GetCharBox(raw_page, i, left, right, bottom, top)
                char_box = (left.value, bottom.value, right.value, top.value)
                why = None if mask.empty else mask.why_hidden(text_object, *char_box)
                if why is not None:
                    hidden += 1  # painted over, clipped, or masked out
                    self.judge.count(why)
                    continue
                if mask.unseen_colour(text_object, left.value, bottom.value, right.value, top.value, colour):
                    hidden += 1  # the colour of what is beneath it
                    self.judge.count(CAMOUFLAGED)
                    continue
            # Vertical extent as pdfplumber gives it, from the baseline and the size: pdfium's
            # loose box uses the font's whole bounding box, which for some fonts reaches into the
            # line above and merges two lines.
            pdfium.FPDFText_GetCharOrigin(raw_page, i, origin_x, origin_y)
            # pdfium puts every letter of a marked-content /ActualText at the first glyph's
            # place, in its font (a LaTeX class tags a phone icon with "tel:..." over the
            # number's own glyphs, which then vanish): pdfplumber reads the glyphs themselves.
            if (origin_x.value, origin_y.value) == last_origin:
                repeats += 1
                if repeats >= 3:
                    return None
            else:
                last_origin, repeats = (origin_x.value, origin_y.value), 0
            # Left edge at the origin, as pdfplumber: an italic "y" leans left of it, and the
            # lean would hide the gap before it ("that you" read as "thatyou").
            char_top = page_top - origin_y.value - 0.8 * size
            x0 = origin_x.value - page_left
            chars.append((char, x0, max(rect.right - page_left, x0), char_top, char_top + size, size, fontname, colour))
        return chars, hidden

    def _style(self, raw_page, i: int, text_object) -> tuple[bool, tuple, str | None, str, float]:
        """(turned, the colour it is seen in, why nothing of it is seen, font name, size) of
        character ``i``'s text object."""
        rgba, font, flags, matrix = self._rgba, self._font, self._flags, self._matrix
        turned = abs(pdfium.FPDFText_GetCharAngle(raw_page, i)) > 0.01
        pdfium.FPDFText_GetFillColor(raw_page, i, *rgba)
        colour = (rgba[0].value / 255, rgba[1].value / 255, rgba[2].value / 255)
        length = pdfium.FPDFText_GetFontInfo(raw_page, i, font, len(font), flags)
        fontname = font.raw[: max(length - 1, 0)].decode("latin-1", "replace")
        invisible = self.judge.reason(text_object, fontname, raw_page)  # why none of it is seen, or None
        colour = self.judge.seen_colour(text_object, colour)
        # The font size as set, times the vertical scale of the text matrix: Chromium draws
        # 12-unit text under a 0.75 matrix, which is 9 pt on the page.
        pdfium.FPDFText_GetMatrix(raw_page, i, matrix)
        size = pdfium.FPDFText_GetFontSize(raw_page, i) * (abs(matrix.d) or abs(matrix.b) or 1.0)
        return turned, colour, invisible, fontname, size


# Render modes that paint nothing: 3 (invisible) and 7 (only adds the text to the clip).
_PAINTS_NOTHING = (pdfium.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium.FPDF_TEXTRENDERMODE_CLIP)


def _invisible(text_object) -> bool:
    return pdfium.FPDFTextObj_GetTextRenderMode(text_object) in _PAINTS_NOTHING


def page_box(page) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the page's visible area in its own (unrotated) space: the
    crop box within the media box, which need not start at the origin."""
    left, bottom, right, top = (float(v) for v in page.get_bbox())
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)


def _is_right_to_left(char: str) -> bool:
    """Hebrew, Arabic, Syriac, Thaana and N'Ko letters and their presentation forms."""
    code = ord(char)
    return 0x0590 <= code <= 0x08FF or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def _words(chars: list[tuple], gap_ratio: float) -> list[dict]:
    """Group characters into words the way pdfplumber's WordExtractor does."""
    visible = [c for c in chars if c[0] != " "]
    # A whitespace character between two glyphs also splits them: remember which glyph starts a
    # word, in left-to-right order. pdfium lists a right-to-left run (Hebrew, Arabic) in reading
    # order, right to left, so there the glyph that starts the next word on the left is the one
    # listed before the space, not after it.
    after_space = set()
    previous_was_space = False
    previous = None
    for c in chars:
        if c[0] == " ":
            previous_was_space = True
            if previous is not None and _is_right_to_left(previous[0]):
                after_space.add(id(previous))
        else:
            if previous_was_space and not _is_right_to_left(c[0]):
                after_space.add(id(c))
            previous_was_space = False
            previous = c
    # Like pdfplumber, group characters by size, font and colour before finding lines, so two
    # texts drawn over each other (a heading on top of a line, in one LaTeX template) do not
    # interleave letter by letter.
    groups: dict[tuple, list[tuple]] = {}
    for char in visible:
        groups.setdefault((char[5], char[6], char[7]), []).append(char)
    words: list[dict] = []
    for group in groups.values():
        for line in _cluster_lines(group):
            current: list[tuple] = []
            for char in sorted(line, key=lambda c: c[1]):
                if current and _begins_word(current[-1], char, gap_ratio, id(char) in after_space):
                    words.append(_word(current))
                    current = []
                current.append(char)
            if current:
                words.append(_word(current))
    return words


def _cluster_lines(chars: list[tuple]) -> list[list[tuple]]:
    lines: list[list[tuple]] = []
    last_top = None
    for char in sorted(chars, key=lambda c: c[3]):
        if last_top is None or char[3] - last_top > _Y_TOLERANCE:
            lines.append([])
        lines[-1].append(char)
        last_top = char[3]
    return lines


def _begins_word(previous: tuple, char: tuple, gap_ratio: float, after_space: bool) -> bool:
    if after_space:
        return True
    tolerance = gap_ratio * previous[5]
    if char[1] > previous[2] + tolerance or char[1] < previous[1] - tolerance:
        return True
    return abs(char[3] - previous[3]) > _Y_TOLERANCE


def _word(chars: list[tuple]) -> dict:
    return {
        "text": "".join(c[0] for c in chars),
        "x0": min(c[1] for c in chars),
        "x1": max(c[2] for c in chars),
        "top": min(c[3] for c in chars),
        "bottom": max(c[4] for c in chars),
        "size": chars[0][5],
        "fontname": chars[0][6],
        "non_stroking_color": chars[0][7],
        "upright": True,
    }
