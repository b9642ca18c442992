"""Annotations: the text of those a reader sees is read; the others never add text.

An annotation's normal appearance (a filled form field, a FreeText note, a stamp) is part of
the page a reader sees when its /F flags say Print and neither Hidden nor NoView. Those are
flattened into the page: pdfium draws each appearance as a form XObject after the page's own
content, where its text is read and its shapes cover what lies beneath, through the same checks
as the page's own (pdf_hidden.py). The text of every other annotation (hidden, not shown on
screen, or shown but never printed) is left out and counted as hidden.

Flattening takes every annotation off the page, links included, so what is needed of them is
read first: link targets (the reader's), and the covers of annotations a screen shows but a
printer does not (they still hide what is under them on screen).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium

_HIDDEN = pdfium.FPDF_ANNOT_FLAG_HIDDEN
_NO_VIEW = pdfium.FPDF_ANNOT_FLAG_NOVIEW
_PRINT = pdfium.FPDF_ANNOT_FLAG_PRINT
_NEVER_FLATTENED = (pdfium.FPDF_ANNOT_LINK, pdfium.FPDF_ANNOT_POPUP)
_MAX_APPEARANCE = 1 << 20  # bytes of one appearance stream read to count its letters

# The strings a text block shows: (literal) or <hex> operands inside BT ... ET.
_TEXT_BLOCK = re.compile(r"\bBT\b(.*?)\bET\b", re.S)
_LITERAL = re.compile(r"\((?:\\.|[^\\()])*\)", re.S)
_HEX = re.compile(r"<([0-9A-Fa-f\s]*)>")


@dataclass
class PageAnnotations:
    """What a page's annotations add: how many letters of unseen annotations were left out, and
    the covers (left, bottom, right, top) of annotations shown on screen but not printed."""

    hidden_chars: int = 0
    covers: list = field(default_factory=list)
    flattened: bool = False


def flatten_seen(raw_page, switched_off=()) -> PageAnnotations:
    """Flatten the annotations a reader sees into ``raw_page`` (reload the page after this when
    ``flattened`` is True: pdfium builds the new content, not the loaded page's objects).
    ``switched_off``: positions of annotations in a layer the default view switches off."""
    from .pdf_hidden import _annotation_covers

    facts = PageAnnotations()
    count = pdfium.FPDFPage_GetAnnotCount(raw_page)
    if not count:
        return facts
    printed = False
    opacity = ctypes.c_float()
    for index in range(count):
        annot = pdfium.FPDFPage_GetAnnot(raw_page, index)
        if not annot:
            continue
        try:
            if pdfium.FPDFAnnot_GetSubtype(annot) in _NEVER_FLATTENED:
                continue
            flags = pdfium.FPDFAnnot_GetFlags(annot)
            if flags & (_HIDDEN | _NO_VIEW) or not flags & _PRINT or index in switched_off:
                facts.hidden_chars += shown_chars(_appearance(annot))
                if not flags & _HIDDEN:
                    # pdfium's print flattening honours Hidden and Print, not NoView or layers;
                    # Hidden also keeps it from being a cover.
                    pdfium.FPDFAnnot_SetFlags(annot, flags | _HIDDEN)
            elif pdfium.FPDFAnnot_GetNumberValue(annot, b"CA", opacity) and opacity.value < 1:
                # Drawn translucent by viewers; flattening would draw it opaque (a cover it is
                # not). Left as an annotation, as before: neither a cover nor read.
                pdfium.FPDFAnnot_SetFlags(annot, flags | _HIDDEN)
            elif pdfium.FPDFAnnot_HasKey(annot, b"AP"):
                printed = True
        finally:
            pdfium.FPDFPage_CloseAnnot(annot)
    # Shown on screen, never printed: not flattened, still a cover on screen.
    facts.covers = _annotation_covers(raw_page, unprinted_only=True)
    if printed:
        facts.flattened = pdfium.FPDFPage_Flatten(raw_page, pdfium.FLAT_PRINT) == pdfium.FLATTEN_SUCCESS
    return facts


def _appearance(annot) -> str:
    """The annotation's normal appearance stream, as text ("" for none)."""
    size = pdfium.FPDFAnnot_GetAP(annot, pdfium.FPDF_ANNOT_APPEARANCEMODE_NORMAL, None, 0)
    if size <= 2 or size > _MAX_APPEARANCE:
        return ""
    buffer = (ctypes.c_ushort * (size // 2 + 1))()
    pdfium.FPDFAnnot_GetAP(annot, pdfium.FPDF_ANNOT_APPEARANCEMODE_NORMAL, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", "replace")


def shown_chars(content: str) -> int:
    """About how many letters a content stream shows (for the warning's count): the strings of
    its text blocks, a hex string's digits two to a letter."""
    total = 0
    for block in _TEXT_BLOCK.findall(content):
        total += sum(len(re.sub(r"\\(.)", r"\1", s[1:-1])) for s in _LITERAL.findall(block))
        total += sum(len(re.sub(r"\s", "", s)) // 2 for s in _HEX.findall(block))
    return total
