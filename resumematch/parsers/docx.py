"""Word resumes, read with python-docx, in document order.

python-docx's ``Document.paragraphs`` skips tables, text boxes, headers and content controls;
resumes put skills in exactly those places. So we walk the XML of each part ourselves, after
python-docx has opened the package. Before anything is inflated for real, the zip directory and
each part's true size are checked, and any DTD is refused, so a zip bomb or an entity-expansion
trick costs nothing.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    ResumeMatchError,
    UnsafeDocumentError,
)
from ..limits import ParseLimits
from ..types import Layout
from .budget import Deadline
from .cleanup import normalize_text
from .contrast import WHITE, hex_colour, indistinct
from .extracted import Extracted

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_W_T, _W_TAB, _W_BR, _W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_W_NO_BREAK_HYPHEN, _W_TXBX = qn("w:noBreakHyphen"), qn("w:txbxContent")
_W_NUMPR, _W_PSTYLE = qn("w:numPr"), qn("w:pStyle")
_W_R, _W_RPR, _W_VAL = qn("w:r"), qn("w:rPr"), qn("w:val")
_W_VANISH, _W_COLOR, _W_SZ, _W_SHD, _W_HIGHLIGHT = qn("w:vanish"), qn("w:color"), qn("w:sz"), qn("w:shd"), qn("w:highlight")
_W_FILL, _W_PPR, _W_TCPR = qn("w:fill"), qn("w:pPr"), qn("w:tcPr")
_W_BACKGROUND = qn("w:background")
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
# Text a reader cannot see: below 2.5 pt (w:sz counts half-points), or the colour of what is
# beneath it (run, paragraph or cell shading, a text box's fill, the page colour; contrast.py).
# The PDF parser drops the same.
_TINY_HALF_POINTS = 5
# Subtrees whose text is not what a reader sees: deleted revisions, field instructions, and the
# VML copy of a text box (Word stores every box twice; we read the DrawingML copy).
_SKIP = {qn("w:del"), qn("w:delText"), qn("w:instrText"), qn("w:moveFrom"), _MC_FALLBACK}
_RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_READ_CHUNK = 1 << 16
_W_W = qn("w:w")  # character scale, in per cent
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_EMU_PER_TWIP = 635
# Text squeezed to less than this share of its width is a smear, not letters (w:w is 1 to 600).
_MIN_SCALE = 20
# Kinds of hidden text, as the warning names them.
_VANISHED, _TINY, _SQUEEZED, _CAMOUFLAGED = "marked hidden", "under 2.5 pt", "squeezed flat", "the colour beneath it"
_HIDDEN_SHAPE, _OFF_PAGE, _UNUSED_MARGIN = "in a hidden shape", "off the page", "in a header or footer no section shows"
_W_HYPERLINK = qn("w:hyperlink")
_R_ID = qn("r:id")


def read_docx(data: bytes, source: str, limits: ParseLimits, deadline: Deadline) -> Extracted:
    check_package(data, source, limits)
    deadline.check()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        raise CorruptDocumentError(
            source, "could not be read as DOCX: the file is truncated or damaged; save it again from Word"
        ) from None

    styles = _RunStyles(_styles_element(document), theme_colours(document))
    body_element = document.element.body
    walker = _Walker(styles, _page_colour(document.element, styles.theme), _page_geometry(body_element))
    body = walker.blocks(body_element)
    deadline.check()
    headers, footers = [], []
    shown = _shown_margins(document)
    for rid, rel in document.part.rels.items():
        if rel.is_external or rel.reltype not in (_RT_HEADER, _RT_FOOTER):
            continue
        margin = _Walker(styles, geometry=walker.geometry)
        lines = margin.blocks(rel.target_part.element)
        text = "\n".join(lines).strip()
        if rid not in shown:  # a first-page header with "Different first page" off: never printed
            walker.hide(_UNUSED_MARGIN, len(text) + margin.hidden_chars)
            continue
        walker.absorb(margin)
        target = headers if rel.reltype == _RT_HEADER else footers
        if text and text not in target:  # the same header on every section: keep it once
            target.append(text)
    # Only links whose anchor text a reader sees (a hidden run's mailto: is no contact detail).
    rels = document.part.rels
    links = [rels[rid].target_ref for rid in walker.link_ids if rid in rels and rels[rid].reltype == _RT_HYPERLINK]

    parts = headers + ["\n".join(body)] + footers
    warnings: list[str] = []
    text = normalize_text("\n\n".join(parts), notes=warnings)
    if not text:
        raise EmptyDocumentError(source, "the document contains no text; check that it is the right file")
    margin_chars = sum(len(t) for t in headers + footers)
    layout = Layout(
        tables=walker.tables,
        text_boxes=walker.text_boxes,
        text_box_chars=walker.text_box_chars,
        header_footer_chars=margin_chars,
        images=len(document.inline_shapes),
        hidden_chars=walker.hidden_chars,
    )
    if walker.hidden_chars:
        kinds = ", ".join(f"{kind}: {count}" for kind, count in walker.hidden_kinds.items())
        warnings.append(
            f"{walker.hidden_chars} characters of hidden text were ignored ({kinds}); "
            "ATS software and recruiters treat hidden keywords as stuffing"
        )
    author = (document.core_properties.author or "").strip()
    return Extracted(text=text, pages=1, layout=layout, links=links, warnings=warnings, author=author)


def _styles_element(document):
    """styles.xml's root, or None for a package without one (python-docx would invent one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == RT.STYLES:
            return rel.target_part.element
    return None


def check_package(data: bytes, source: str, limits: ParseLimits) -> None:
    """Refuse zip bombs and DTDs before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_zip_entries:
                raise DocumentTooLargeError(source, f"has {len(infos)} parts, more than any resume needs; refusing it")
            declared = sum(info.file_size for info in infos)
            if declared > limits.max_unzipped_bytes:
                raise DocumentTooLargeError(
                    source,
                    f"would inflate to {declared // 2**20} MB, past the {limits.max_unzipped_bytes // 2**20} MB "
                    "limit (a zip bomb?); save the resume again without embedded media",
                )
            inflated = 0
            for info in infos:
                is_xml = info.filename.endswith((".xml", ".rels"))
                with archive.open(info) as member:
                    tail = b""
                    while chunk := member.read(_READ_CHUNK):
                        inflated += len(chunk)
                        if inflated > limits.max_unzipped_bytes:
                            raise DocumentTooLargeError(
                                source, "inflates past the size limit (a zip bomb?); refusing it"
                            )
                        if is_xml and (b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk):
                            raise UnsafeDocumentError(
                                source,
                                "contains an XML DTD, which Word never writes (an entity-expansion "
                                "attack?); refusing it: save the resume again from Word",
                            )
                        tail = chunk[-16:]
    except ResumeMatchError:
        raise  # our own errors subclass ValueError too
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        raise CorruptDocumentError(
            source, "could not be read as DOCX: the file is truncated or damaged; save it again from Word"
        ) from None


class _RunStyles:
    """Run formatting as Word resolves it: document defaults, then the paragraph's style, then
    the run's character style (each with the styles it is based on), then the run's own
    properties. Hidden, white or tiny text set in a style hides every run that uses it."""

    _WATCHED = (_W_VANISH, _W_SZ, _W_COLOR, _W_SHD, _W_HIGHLIGHT, _W_W)

    def __init__(self, styles_element, theme: dict | None = None) -> None:
        self.theme = theme or {}  # theme colour name ("background1", "accent1") -> (r, g, b)
        self._table_runs: dict[tuple, dict] = {}  # (table style, parts) -> run properties it sets
        # Styles are read when a paragraph, run or table uses them: Word's template defines about
        # 160 (a hundred of them table styles) and a resume uses a handful.
        self._elements: dict[str, object] = {}  # style id -> its w:style
        self._styles: dict[str, tuple[str | None, dict, object]] = {}  # id -> (based on, run properties, w:pPr/w:shd)
        self._defaults: dict = {}
        self._default_paragraph: str | None = None
        self._resolved: dict[tuple, dict] = {}
        self._table_shading: dict[str | None, dict[str, object]] = {}  # table style id -> {part: w:shd}, as used
        if styles_element is None:
            return
        defaults = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{_W_RPR}")
        self._defaults = self._watched(defaults)
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if not style_id:
                continue
            self._elements[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
                self._default_paragraph = style_id

    def _style(self, style_id: str) -> tuple[str | None, dict, object]:
        """(the style it is based on, its own watched run properties, its own paragraph shading)."""
        found = self._styles.get(style_id)
        if found is None:
            style = self._elements[style_id]
            based_on = style.find(qn("w:basedOn"))
            parent = based_on.get(_W_VAL) if based_on is not None else None
            found = self._styles[style_id] = (parent, self._watched(style.find(_W_RPR)), style.find(f"{_W_PPR}/{_W_SHD}"))
        return found

    def _watched(self, properties) -> dict:
        if properties is None:
            return {}
        return {tag: found for tag in self._WATCHED if (found := properties.find(tag)) is not None}

    def _chain(self, style_id: str | None) -> dict:
        """The style's properties over those of the styles it is based on (loops are cut)."""
        chain, seen = [], set()
        while style_id and style_id in self._elements and style_id not in seen:
            seen.add(style_id)
            parent, properties, _ = self._style(style_id)
            chain.append(properties)
            style_id = parent
        merged: dict = {}
        for properties in reversed(chain):
            merged.update(properties)
        return merged

    def paragraph_shading(self, style_id: str | None):
        """The w:shd a paragraph style (or a style it is based on) paints its paragraphs with."""
        seen = set()
        style_id = style_id or self._default_paragraph
        while style_id and style_id in self._elements and style_id not in seen:
            parent, _, shading = self._style(style_id)
            if shading is not None:
                return shading
            seen.add(style_id)
            style_id = parent
        return None

    def table_shading(self, style_id: str | None) -> dict[str, object]:
        """{part: w:shd} a table style paints its cells with ("wholeTable", "firstRow", "band1Horz"...),
        the parts of the styles it is based on included."""
        if style_id in self._table_shading:
            return self._table_shading[style_id]
        chain, seen, current = [], set(), style_id
        while current and current in self._elements and current not in seen:
            seen.add(current)
            style = self._elements[current]
            if style.get(qn("w:type")) == "table":
                chain.append(_table_style_shading(style))
            current = self._style(current)[0]
        merged: dict[str, object] = {}
        for parts in reversed(chain):
            merged.update(parts)
        self._table_shading[style_id] = merged
        return merged

    def table_runs(self, style_id: str | None, parts: tuple[str, ...]) -> tuple:
        """The key of the run properties a table style sets for a cell in ``parts`` (its w:rPr,
        then each conditional part's: white text in a header row comes from there)."""
        key = (style_id, parts)
        if key not in self._table_runs:
            chain, seen, current = [], set(), style_id
            while current and current in self._elements and current not in seen:
                seen.add(current)
                chain.append(self._elements[current])
                current = self._style(current)[0]
            merged: dict = {}
            for style in reversed(chain):
                merged.update(self._watched(style.find(_W_RPR)))
                for conditional in style.iterchildren(qn("w:tblStylePr")):
                    if conditional.get(qn("w:type")) in parts:
                        merged.update(self._watched(conditional.find(_W_RPR)))
            self._table_runs[key] = merged
        return key

    def effective(self, paragraph_style: str | None, run, table: tuple | None = None) -> dict:
        """The run's properties: document defaults, the table style (``table``: a key from
        :meth:`table_runs`), the paragraph style, the character style, the run's own."""
        direct = run.find(_W_RPR)
        run_style = None
        if direct is not None and (style := direct.find(qn("w:rStyle"))) is not None:
            run_style = style.get(_W_VAL)
        key = (paragraph_style, run_style, table)
        inherited = self._resolved.get(key)
        if inherited is None:
            inherited = {**self._defaults, **(self._table_runs[table] if table else {}),
                         **self._chain(paragraph_style or self._default_paragraph), **self._chain(run_style)}
            self._resolved[key] = inherited
        return {**inherited, **self._watched(direct)} if direct is not None else inherited


def _is_hidden_run(properties: dict, behind, theme: dict | None = None) -> str | None:
    """Why a run cannot be seen, or None: Word does not show it (w:vanish), it is tiny, squeezed
    flat (character scale), or the colour of what is beneath it. ``properties`` are the run's
    effective properties (see _RunStyles); ``behind`` is the colour of the paragraph, cell, text
    box or page it sits on (None: a picture or a colour we cannot tell, on which any text is taken
    to be seen); ``theme`` resolves theme colours, which win over explicit ones as in Word."""
    vanish = properties.get(_W_VANISH)
    if vanish is not None and vanish.get(_W_VAL, "true").lower() not in ("false", "0", "off"):
        return _VANISHED
    size = properties.get(_W_SZ)
    scale = properties.get(_W_W)
    try:
        if size is not None and int(size.get(_W_VAL, "24")) < _TINY_HALF_POINTS:
            return _TINY
        if scale is not None and int(scale.get(_W_VAL, "100").rstrip("%")) < _MIN_SCALE:
            return _SQUEEZED
    except ValueError:
        pass
    color = properties.get(_W_COLOR)
    text = _colour(color, _W_VAL, qn("w:themeColor"), theme) if color is not None else None
    if text is None:
        return None  # "auto": Word picks black or white against the background itself
    highlight = properties.get(_W_HIGHLIGHT)
    if highlight is not None and highlight.get(_W_VAL, "none") != "none":
        behind = hex_colour(_HIGHLIGHTS.get(highlight.get(_W_VAL, ""), ""))
    else:
        behind = _shading(properties.get(_W_SHD), behind, theme)
    return _CAMOUFLAGED if behind is not None and indistinct(text, behind) else None


def _colour(element, value: str, theme_attribute: str, theme: dict | None):
    """The colour an element sets: its theme colour (with its tint or shade) where it names one
    the theme defines, else its explicit value. Word shows the theme colour when both are set."""
    named = element.get(theme_attribute)
    if named and theme and named in theme:
        red, green, blue = theme[named]
        fill = theme_attribute == qn("w:themeFill")
        tint = element.get(qn("w:themeFillTint" if fill else "w:themeTint"))
        shade = element.get(qn("w:themeFillShade" if fill else "w:themeShade"))
        try:
            if tint:
                share = int(tint, 16) / 255
                red, green, blue = (c * share + (1 - share) for c in (red, green, blue))
            if shade:
                share = int(shade, 16) / 255
                red, green, blue = (c * share for c in (red, green, blue))
        except ValueError:
            pass
        return (red, green, blue)
    return hex_colour(element.get(value))


# Theme colour names as WordprocessingML writes them -> the theme part's colour scheme slots
# (the default mapping: text is dark 1, background is light 1).
_THEME_SLOTS = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1", "background1": "lt1",
    "text2": "dk2", "background2": "lt2", "hyperlink": "hlink", "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}


def theme_colours(document) -> dict:
    """{theme colour name: (r, g, b)} from the document's theme part; {} without one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != RT.THEME:
            continue
        try:
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except Exception:
            return {}
        scheme = root.find(f".//{{{_A}}}clrScheme")
        if scheme is None:
            return {}
        slots = {}
        for slot in scheme:
            if not isinstance(slot.tag, str):
                continue
            name = slot.tag.rsplit("}", 1)[-1]
            for colour in slot:
                value = colour.get("val") if colour.tag == f"{{{_A}}}srgbClr" else colour.get("lastClr")
                rgb = hex_colour(value) if value else None
                if rgb is not None:
                    slots[name] = rgb
                    break
        return {name: slots[slot] for name, slot in _THEME_SLOTS.items() if slot in slots}
    return {}


# Word's highlight colours by name.
_HIGHLIGHTS = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF",
    "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
    "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080",
    "lightGray": "C0C0C0", "black": "000000", "white": "FFFFFF",
}


def _shading(shd, behind, theme: dict | None = None):
    """The colour a w:shd paints, or ``behind`` when it paints nothing ("auto", "nil")."""
    if shd is None or shd.get(qn("w:val")) == "nil":
        return behind
    if shd.get(qn("w:val")) == "solid":  # the pattern colour covers the whole area
        colour = shd.get(qn("w:color"), "auto")
        return (0.0, 0.0, 0.0) if colour == "auto" else hex_colour(colour)
    if shd.get(qn("w:themeFill")) is not None:
        return _colour(shd, _W_FILL, qn("w:themeFill"), theme) if theme and shd.get(qn("w:themeFill")) in theme else None
    fill = shd.get(_W_FILL, "auto")
    if fill == "auto":
        return behind
    return hex_colour(fill)


def _table_style_shading(style) -> dict[str, object]:
    """The w:shd of a table style, for the whole table and for each conditional part."""
    parts = {}
    whole = style.find(f"{_W_TCPR}/{_W_SHD}")
    if whole is not None:
        parts["wholeTable"] = whole
    for conditional in style.iterchildren(qn("w:tblStylePr")):
        shading = conditional.find(f"{_W_TCPR}/{_W_SHD}")
        if shading is not None and conditional.get(qn("w:type")):
            parts[conditional.get(qn("w:type"))] = shading
    return parts


# Which conditional parts of its style a table uses (w:tblLook): attributes, or Word 2007's bit mask.
_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100, "noHBand": 0x200, "noVBand": 0x400}


def _table_look(properties) -> set[str]:
    look = properties.find(qn("w:tblLook")) if properties is not None else None
    if look is None:
        return set()  # no w:tblLook: the style's conditional parts are off
    try:
        mask = int(look.get(_W_VAL, "0"), 16)
    except ValueError:
        mask = 0
    on = set()
    for name, bit in _LOOK_BITS.items():
        flag = look.get(qn(f"w:{name}"))
        if (flag is not None and flag.lower() in ("1", "true", "on")) or (flag is None and mask & bit):
            on.add(name)
    return on


def _cell_parts(row: int, rows: int, column: int, columns: int, look: set[str]) -> list[str]:
    """The style parts that paint a cell, in the order Word applies them (later ones win)."""
    parts = ["wholeTable"]
    if "noVBand" not in look:
        index = column - (1 if "firstColumn" in look else 0)
        if index >= 0:
            parts.append("band1Vert" if index % 2 == 0 else "band2Vert")
    if "noHBand" not in look:
        index = row - (1 if "firstRow" in look else 0)
        if index >= 0:
            parts.append("band1Horz" if index % 2 == 0 else "band2Horz")
    if "firstColumn" in look and column == 0:
        parts.append("firstCol")
    if "lastColumn" in look and column == columns - 1:
        parts.append("lastCol")
    if "firstRow" in look and row == 0:
        parts.append("firstRow")
    if "lastRow" in look and row == rows - 1:
        parts.append("lastRow")
    return parts


def _page_colour(document_element, theme: dict | None = None):
    """The page colour a document sets (w:background, a theme colour winning), else white."""
    background = document_element.find(_W_BACKGROUND)
    if background is None:
        return WHITE
    if background.get(qn("w:themeColor")) and theme:
        return _colour(background, qn("w:color"), qn("w:themeColor"), theme)
    colour = background.get(qn("w:color"), "auto")
    return WHITE if colour == "auto" else hex_colour(colour)


def _page_geometry(body) -> tuple[int, int, int, int] | None:
    """(width, height, left margin, top margin) of the page in EMU, from the body's last
    section (Letter with one-inch margins where it says nothing)."""
    section = body.find(qn("w:sectPr"))
    size = section.find(qn("w:pgSz")) if section is not None else None
    margins = section.find(qn("w:pgMar")) if section is not None else None

    def twips(element, name, default):
        try:
            return int(element.get(qn(name), default)) * _EMU_PER_TWIP if element is not None else default * _EMU_PER_TWIP
        except ValueError:
            return default * _EMU_PER_TWIP

    return (twips(size, "w:w", 12240), twips(size, "w:h", 15840), twips(margins, "w:left", 1440), twips(margins, "w:top", 1440))


def _shown_margins(document) -> set[str]:
    """Relationship ids of the headers and footers some section prints: every section's default
    ones, its first-page ones only with "Different first page" (w:titlePg) on, its even-page
    ones only with "Different odd and even pages" (w:evenAndOddHeaders) on."""
    try:
        settings = document.settings.element
        even_odd = _on(settings.find(qn("w:evenAndOddHeaders")))
    except Exception:
        even_odd = False
    shown = set()
    for section in document.element.body.iter(qn("w:sectPr")):
        first_page = _on(section.find(qn("w:titlePg")))
        for reference in (*section.iterchildren(qn("w:headerReference")), *section.iterchildren(qn("w:footerReference"))):
            kind = reference.get(qn("w:type"), "default")
            if kind == "default" or (kind == "first" and first_page) or (kind == "even" and even_odd):
                shown.add(reference.get(_R_ID))
    return shown


def _on(element) -> bool:
    return element is not None and element.get(_W_VAL, "true").lower() not in ("false", "0", "off")


def _shape_hidden(box_content, geometry) -> str | None:
    """Why the shape a text box is in is not seen: hidden (the Selection Pane's eye: docPr
    hidden="1"; VML visibility:hidden), or anchored wholly off the page."""
    node = box_content.getparent()
    while node is not None:
        tag = node.tag
        if tag in (f"{{{_WP}}}anchor", f"{{{_WP}}}inline"):
            properties = node.find(f"{{{_WP}}}docPr")
            if properties is not None and properties.get("hidden", "").lower() in ("1", "true"):
                return _HIDDEN_SHAPE
            if tag == f"{{{_WP}}}anchor" and geometry is not None and _off_page(node, geometry):
                return _OFF_PAGE
            return None
        if isinstance(tag, str) and tag.startswith(f"{{{_V}}}"):
            style = (node.get("style") or "").replace(" ", "").lower()
            if "visibility:hidden" in style:
                return _HIDDEN_SHAPE
        node = node.getparent()
    return None


def _off_page(anchor, geometry) -> bool:
    """Whether an anchored shape lies wholly outside the page (positions in EMU)."""
    width, height, left, top = geometry
    extent = anchor.find(f"{{{_WP}}}extent")
    try:
        cx = int(extent.get("cx", "0")) if extent is not None else 0
        cy = int(extent.get("cy", "0")) if extent is not None else 0
    except ValueError:
        cx = cy = 0
    for axis, size, page, margin, known in (("positionH", cx, width, left, ("page", "leftMargin")),
                                            ("positionV", cy, height, top, ("page", "topMargin"))):
        position = anchor.find(f"{{{_WP}}}{axis}")
        offset = position.find(f"{{{_WP}}}posOffset") if position is not None else None
        if offset is None or not (offset.text or "").strip().lstrip("-").isdigit():
            continue  # aligned (left, centre...) or relative: on the page
        value = int(offset.text)
        relative = position.get("relativeFrom", "page")
        if relative in known:
            start = value
        elif relative in ("margin", "column", "character"):
            start = margin + value
        else:  # a paragraph or line: anywhere on the page, so off it only when the offset is more than a page
            if value >= page or value + size <= -page:
                return True
            continue
        if start >= page or start + size <= 0:
            return True
    return False


def _text_box_fill(box_content, behind):
    """The fill of the shape a w:txbxContent is in: DrawingML (wps:wsp) or VML (v:shape)."""
    shape = box_content.getparent()
    while shape is not None and shape.tag not in (f"{{{_WPS}}}wsp", f"{{{_V}}}shape", f"{{{_V}}}rect", f"{{{_V}}}roundrect"):
        shape = shape.getparent()
    if shape is None:
        return behind
    if shape.tag.startswith(f"{{{_V}}}"):
        if shape.get("filled", "t").lower() in ("f", "false"):
            return behind
        colour = shape.get("fillcolor")
        if colour is None:
            return WHITE  # VML's default fill
        return hex_colour(colour.lstrip("#").split()[0]) if colour.startswith("#") else None
    properties = shape.find(f"{{{_WPS}}}spPr")
    fill = None
    if properties is not None:
        for child in properties:
            if child.tag == f"{{{_A}}}noFill":
                return behind
            if child.tag in (f"{{{_A}}}solidFill", f"{{{_A}}}gradFill", f"{{{_A}}}blipFill", f"{{{_A}}}pattFill"):
                fill = child
                break
    if fill is None:  # the shape's style fills it with a theme colour (an accent, unless "lt1")
        style_fill = shape.find(f"{{{_WPS}}}style/{{{_A}}}fillRef/{{{_A}}}schemeClr")
        if style_fill is not None and style_fill.get("val") in ("bg1", "lt1"):
            return WHITE
        return None if shape.find(f"{{{_WPS}}}style") is not None else behind
    if fill.tag != f"{{{_A}}}solidFill":
        return None  # a gradient, picture or pattern
    rgb = fill.find(f"{{{_A}}}srgbClr")
    if rgb is not None:
        return hex_colour(rgb.get("val"))
    scheme = fill.find(f"{{{_A}}}schemeClr")
    if scheme is not None and scheme.get("val") in ("bg1", "lt1"):
        return WHITE
    return None


class _Walker:
    """Turns WordprocessingML blocks into lines of text, counting tables and text boxes."""

    def __init__(self, styles: _RunStyles, page_colour=WHITE, geometry=None) -> None:
        self.styles = styles
        self.geometry = geometry  # the page's (width, height, left margin, top margin) in EMU
        self._behind = page_colour  # the colour beneath the text being read (None: unknown)
        self.tables = 0
        self.text_boxes = 0
        self.text_box_chars = 0
        self.hidden_chars = 0  # hidden text (hidden, white, tiny, squeezed, hidden shapes...): left out
        self.hidden_kinds: dict[str, int] = {}  # the same, by kind, for the warning
        self.link_ids: list[str] = []  # relationship ids of hyperlinks with visible anchor text
        self._paragraph_style: str | None = None
        self._table_runs: tuple | None = None  # the table style's run properties for the cell being read

    def hide(self, kind: str, chars: int) -> None:
        if chars:
            self.hidden_chars += chars
            self.hidden_kinds[kind] = self.hidden_kinds.get(kind, 0) + chars

    def absorb(self, other: _Walker) -> None:
        """Count what another walker (a header's, a footer's) left out as this document's."""
        for kind, chars in other.hidden_kinds.items():
            self.hide(kind, chars)

    def blocks(self, container) -> list[str]:
        lines: list[str] = []
        for child in container.iterchildren():
            tag = child.tag
            if tag == _W_P:
                lines.extend(self.paragraph(child))
            elif tag == _W_TBL:
                self.tables += 1
                lines.extend(self.table(child))
            elif tag in _SKIP:
                continue
            elif isinstance(tag, str):  # content controls (w:sdt), custom XML, smart tags...
                lines.extend(self.blocks(child))
        return lines

    def table(self, table) -> list[str]:
        lines: list[str] = []
        rows = [row for row in table.iter(_W_TR) if row.getparent() is table]  # nested tables: through their cell
        # A table style may shade the whole table, its header row, its bands...: a white heading
        # in a table-style header row is on that shading, not on the page.
        properties = table.find(qn("w:tblPr"))
        style = properties.find(qn("w:tblStyle")) if properties is not None else None
        style_id = style.get(_W_VAL) if style is not None else None
        style_parts = self.styles.table_shading(style_id)
        look = _table_look(properties) if style_id else set()
        theme = self.styles.theme
        for row_index, row in enumerate(rows):
            cells = list(row.iterchildren(_W_TC))
            for column, cell in enumerate(cells):
                outer, outer_runs = self._behind, self._table_runs
                parts = tuple(_cell_parts(row_index, len(rows), column, len(cells), look)) if style_id else ()
                for part in parts if style_parts else ():
                    if part in style_parts:
                        self._behind = _shading(style_parts[part], self._behind, theme)
                if style_id:  # white text from the table style (its header row...) is the style's
                    self._table_runs = self.styles.table_runs(style_id, parts)
                cell_properties = cell.find(_W_TCPR)
                if cell_properties is not None:
                    self._behind = _shading(cell_properties.find(_W_SHD), self._behind, theme)
                try:
                    lines.extend(self.blocks(cell))
                finally:
                    self._behind, self._table_runs = outer, outer_runs
        return lines

    def paragraph(self, paragraph) -> list[str]:
        pieces: list[str] = []
        boxes: list[str] = []
        outer_style = self._paragraph_style  # a text box's paragraphs sit inside a paragraph
        outer_behind = self._behind
        properties = paragraph.find(_W_PPR)
        style = properties.find(_W_PSTYLE) if properties is not None else None
        self._paragraph_style = style.get(_W_VAL) if style is not None else None
        shading = properties.find(_W_SHD) if properties is not None else None
        if shading is None:
            shading = self.styles.paragraph_shading(self._paragraph_style)
        self._behind = _shading(shading, outer_behind, self.styles.theme)
        try:
            self._collect(paragraph, pieces, boxes)
        finally:
            self._paragraph_style = outer_style
            self._behind = outer_behind
        text = "".join(pieces)
        if not text.strip():
            return boxes if boxes else [""]
        if self._is_list_item(paragraph):
            text = "• " + text.lstrip()
        return [*text.split("\n"), *boxes]

    def _collect(self, element, pieces: list[str], boxes: list[str]) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W_R:
                why = _is_hidden_run(self.styles.effective(self._paragraph_style, child, self._table_runs),
                                     self._behind, self.styles.theme)
                if why:
                    self.hide(why, sum(len(t.text or "") for t in child.iter(_W_T)))
                    continue
            if tag == _W_T:
                pieces.append(child.text or "")
            elif tag == _W_TAB:
                pieces.append("\t")
            elif tag in (_W_BR, _W_CR):
                pieces.append("\n")
            elif tag == _W_NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag == _W_HYPERLINK:
                before = len(pieces)
                self._collect(child, pieces, boxes)
                rid = child.get(_R_ID)
                if rid and "".join(pieces[before:]).strip():
                    self.link_ids.append(rid)
            elif tag == _W_TXBX:
                self.text_boxes += 1
                outer_behind = self._behind
                self._behind = _text_box_fill(child, outer_behind)
                try:
                    box_lines = self.blocks(child)
                finally:
                    self._behind = outer_behind
                unseen = _shape_hidden(child, self.geometry)
                if unseen:  # the shape is hidden or off the page: none of its text is seen
                    self.hide(unseen, sum(len(line) for line in box_lines))
                    continue
                self.text_box_chars += sum(len(line) for line in box_lines)
                boxes.extend(box_lines)
            else:
                self._collect(child, pieces, boxes)

    @staticmethod
    def _is_list_item(paragraph) -> bool:
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            return False
        if properties.find(_W_NUMPR) is not None:
            return True
        style = properties.find(_W_PSTYLE)
        return style is not None and style.get(qn("w:val"), "").lower().startswith("list")
