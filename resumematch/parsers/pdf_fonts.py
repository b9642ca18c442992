"""What a PDF's catalog and fonts say about which text is seen, read once per document (pdfminer).

- Optional content: the layers the default view switches off (``/OCProperties /D``: its /OFF
  list, or every layer not /ON when its base state is OFF) and layers whose usage says they are
  neither viewed nor printed. pdfium reports each text object's layer by name (pdf_hidden.py).
- Fonts that lie: a simple font whose ToUnicode map contradicts the glyph names its encoding
  gives (the map says "BGP OSPF" where the glyphs are named h, o, b, b...). A reader sees the
  glyphs; the map is only what copying the text gives. Where the contradiction can be seen (an
  encoding with glyph names), the font's text is not read.
"""

from __future__ import annotations

import unicodedata

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

# Codes of a font compared at most (a simple font has 256).
_MAX_CODES = 256


def off_layers(document) -> frozenset[str]:
    """Names of the optional-content layers a reader does not see in the default view."""
    try:
        properties = resolve1(document.catalog.get("OCProperties"))
        if not isinstance(properties, dict):
            return frozenset()
        layers = [resolve1(ref) for ref in resolve1(properties.get("OCGs")) or []]
        default = resolve1(properties.get("D")) or {}
        base_off = _name(default.get("BaseState")) == "OFF"
        on = {id(resolve1(ref)) for ref in resolve1(default.get("ON")) or []}
        off = {id(resolve1(ref)) for ref in resolve1(default.get("OFF")) or []}
        names = set()
        for layer in layers:
            if not isinstance(layer, dict):
                continue
            hidden = id(layer) in off or (base_off and id(layer) not in on) or _unused(layer)
            if hidden:
                names.add(_text(layer.get("Name")))
        return frozenset(names)
    except Exception:  # a damaged catalog: every layer is taken to be seen
        return frozenset()


def annotations_off(pages, off_names: frozenset[str]) -> dict[int, set[int]]:
    """Per page index, the positions in its /Annots of annotations drawn in a layer the default
    view switches off (``/OC``: a layer, or a membership whose layers are all off)."""
    found: dict[int, set[int]] = {}
    if not off_names:
        return found
    for number, page in enumerate(pages):
        try:
            annots = resolve1(page.page_obj.attrs.get("Annots")) or []
            for position, ref in enumerate(annots if isinstance(annots, list) else []):
                annot = resolve1(ref)
                content = resolve1(annot.get("OC")) if isinstance(annot, dict) else None
                if not isinstance(content, dict):
                    continue
                members = resolve1(content.get("OCGs"))
                members = [resolve1(m) for m in members] if isinstance(members, list) else [members or content]
                names = {_text(m.get("Name")) for m in members if isinstance(m, dict)}
                if names and names <= off_names:
                    found.setdefault(number, set()).add(position)
        except Exception:  # a damaged annotation list: its annotations are judged by their flags
            continue
    return found


def _unused(layer: dict) -> bool:
    """A layer whose usage says it is neither shown on screen nor printed."""
    usage = resolve1(layer.get("Usage")) or {}
    if not isinstance(usage, dict):
        return False
    view = resolve1(usage.get("View")) or {}
    printed = resolve1(usage.get("Print")) or {}
    return (isinstance(view, dict) and _name(view.get("ViewState")) == "OFF"
            and isinstance(printed, dict) and _name(printed.get("PrintState")) == "OFF")


def lying_fonts(pages) -> tuple[frozenset[str], bool, frozenset[str]]:
    """(names of fonts whose ToUnicode map contradicts their glyph names, whether any font
    does, names a lying font shares with an honest one) over the fonts of pdfplumber ``pages``.
    The readers tell fonts apart by name alone: a shared name is told apart by the glyphs pdfium
    draws (pdf_glyphs.py)."""
    from pdfminer.pdfinterp import PDFResourceManager

    manager = PDFResourceManager(caching=False)
    lying: set[str] = set()
    honest: set[str] = set()
    seen: set[int] = set()
    for page in pages:
        try:
            fonts = resolve1(resolve1(page.page_obj.resources).get("Font")) or {}
        except Exception:
            continue
        for ref in fonts.values() if isinstance(fonts, dict) else ():
            spec = resolve1(ref)
            if not isinstance(spec, dict) or id(spec) in seen:
                continue
            seen.add(id(spec))
            if "ToUnicode" not in spec or _name(spec.get("Subtype")) not in _SIMPLE or (
                    "Encoding" not in spec and not _standard_glyphs(spec)):
                honest.add(_font_name(None, spec))  # nothing to contradict: no map, or no glyph names
                continue
            try:
                font = manager.get_font(None, spec)
            except Exception:
                continue
            (lying if _lies(font) else honest).add(_font_name(font, spec))
    return frozenset(lying - honest), bool(lying), frozenset(lying & honest)


_SIMPLE = ("Type1", "MMType1", "TrueType")
_SYMBOLIC = 4  # font descriptor flag: glyphs outside the standard Latin set


def _standard_glyphs(spec: dict) -> bool:
    """A Type 1 font without /Encoding whose glyph names are known: the standard encoding of a
    font that is not embedded, or the encoding a Type 1 program embeds (pdfminer reads it).
    Symbol fonts and compact (FontFile3) or TrueType programs keep encodings of their own."""
    if _name(spec.get("Subtype")) not in ("Type1", "MMType1"):
        return False
    if _name(spec.get("BaseFont")).split("+")[-1] in ("Symbol", "ZapfDingbats"):
        return False
    descriptor = resolve1(spec.get("FontDescriptor")) or {}
    if not isinstance(descriptor, dict):
        return True
    try:
        symbolic = int(resolve1(descriptor.get("Flags")) or 0) & _SYMBOLIC
    except (TypeError, ValueError):
        symbolic = True
    return not symbolic and "FontFile2" not in descriptor and "FontFile3" not in descriptor


def _lies(font) -> bool:
    """Whether the font's ToUnicode map contradicts the glyph names of its own encoding for
    several letters (a map that merely adds ligatures or spells a glyph another way agrees)."""
    mapped = getattr(getattr(font, "unicode_map", None), "cid2unichr", None)
    named = getattr(font, "cid2unicode", None)
    if not mapped or not named:
        return False
    compared = contradicted = 0
    for code, text in list(mapped.items())[:_MAX_CODES]:
        glyph = named.get(code)
        if not glyph or not text:
            continue
        if not (glyph.isalnum() and text.isalnum()):
            continue
        compared += 1
        if unicodedata.normalize("NFKC", glyph).casefold() != unicodedata.normalize("NFKC", text).casefold():
            contradicted += 1
    return contradicted >= 3 and contradicted * 3 >= compared


def _font_name(font, spec: dict) -> str:
    """The font's name as the readers report it (BaseFont, without a subset prefix kept)."""
    return _name(spec.get("BaseFont")) or _name(spec.get("Name")) or getattr(font, "fontname", "") or ""


def _name(value) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return value.name if isinstance(value.name, str) else value.name.decode("latin-1", "replace")
    if isinstance(value, bytes):
        return value.decode("latin-1", "replace")
    return str(value) if value is not None else ""


def _text(value) -> str:
    """A PDF text string (PDFDocEncoding or UTF-16 with a byte-order mark)."""
    value = resolve1(value)
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1", "replace")
    return str(value) if value is not None else ""
