"""Which of several fonts sharing one name lies, told by the glyphs pdfium draws.

pdf_fonts.py finds a lying font by its dictionary (a ToUnicode map that contradicts its glyph
names), but the readers know fonts by name only: when an honest font has the same name (two
"Helvetica" fonts, one of them lying), the name cannot say which text is the lie. pdfium can.
Asked for the glyph a font draws for a letter, it goes back through that font's own Unicode map
to the character code, and on to the glyph the code draws. For the letters its map claims, a
lying font draws other glyphs than the standard font of its name does for the same letters.

Only fonts pdfium draws from its standard faces (not embedded) can be compared so; an embedded
font that shares a lying font's name is read, and the document is warned about.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium

_SIZE = 12.0  # any size: both outlines are drawn at the same one
_LETTERS = 12  # distinct letters of a text object compared at most
_MIN_CONTRADICTED = 2


class GlyphWitness:
    """Compares text objects' glyphs with pdfium's standard font of the same name."""

    def __init__(self, document) -> None:
        self._document = document
        self._stock: dict[str, object] = {}
        self._outlines: dict[tuple[int, str], tuple | None] = {}

    def lies(self, text_object, textpage, fontname: str) -> bool:
        """True when the object's font draws, for several of the letters its text claims,
        glyphs other than the standard font ``fontname`` draws for them."""
        font = pdfium.FPDFTextObj_GetFont(text_object)
        if not font or pdfium.FPDFFont_GetIsEmbedded(font):
            return False
        stock = self._stock_font(fontname)
        if stock is None:
            return False
        letters = sorted({c for c in _text(text_object, textpage) if c.isalnum()})[:_LETTERS]
        compared = contradicted = 0
        for letter in letters:
            drawn, standard = self._outline(font, letter), self._outline(stock, letter)
            if drawn is None or standard is None:
                continue
            compared += 1
            contradicted += drawn != standard
        return contradicted >= _MIN_CONTRADICTED and contradicted * 3 >= compared

    def _stock_font(self, name: str):
        if name not in self._stock:
            encoded = name.encode("latin-1", "replace")
            self._stock[name] = pdfium.FPDFText_LoadStandardFont(self._document, encoded) or None
        return self._stock[name]

    def _outline(self, font, letter: str) -> tuple | None:
        key = (ctypes.addressof(font.contents), letter)
        if key not in self._outlines:
            self._outlines[key] = _glyph_outline(font, letter)
        return self._outlines[key]


def _glyph_outline(font, letter: str) -> tuple | None:
    """The points of the glyph ``font`` draws for ``letter`` (None when it has none)."""
    path = pdfium.FPDFFont_GetGlyphPath(font, ord(letter), _SIZE)
    if not path:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for index in range(pdfium.FPDFGlyphPath_CountGlyphSegments(path)):
        segment = pdfium.FPDFGlyphPath_GetGlyphPathSegment(path, index)
        if segment and pdfium.FPDFPathSegment_GetPoint(segment, x, y):
            points.append((round(x.value, 1), round(y.value, 1)))
    return tuple(points) or None


def _text(text_object, textpage) -> str:
    size = pdfium.FPDFTextObj_GetText(text_object, textpage, None, 0)  # bytes, with a closing NUL
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    pdfium.FPDFTextObj_GetText(text_object, textpage, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", "replace")
