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

    styles = _RunStyles(_styles_element(document))
    walker = _Walker(styles, _page_colour(document.element))
    body = walker.blocks(document.element.body)
    deadline.check()
    headers, footers = [], []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (_RT_HEADER, _RT_FOOTER):
            continue
        lines = _Walker(styles).blocks(rel.target_part.element)
        target = headers if rel.reltype == _RT_HEADER else footers
        text = "\n".join(lines).strip()
        if text and text not in target:  # the same header on every section: keep it once
            target.append(text)
    # Only links whose anchor text a reader sees (a hidden run's mailto: is no contact detail).
    rels = document.part.rels
    links = [rels[rid].target_ref for rid in walker.link_ids if rid in rels and rels[rid].reltype == _RT_HYPERLINK]

    parts = headers + ["\n".join(body)] + footers
    text = normalize_text("\n\n".join(parts))
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
    warnings = []
    if walker.hidden_chars:
        warnings.append(
            f"{walker.hidden_chars} characters of hidden text (hidden, white or tiny) were ignored; "
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

    _WATCHED = (_W_VANISH, _W_SZ, _W_COLOR, _W_SHD, _W_HIGHLIGHT)

    def __init__(self, styles_element) -> None:
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

    def effective(self, paragraph_style: str | None, run) -> dict:
        direct = run.find(_W_RPR)
        run_style = None
        if direct is not None and (style := direct.find(qn("w:rStyle"))) is not None:
            run_style = style.get(_W_VAL)
        key = (paragraph_style, run_style)
        inherited = self._resolved.get(key)
        if inherited is None:
            inherited = {**self._defaults, **self._chain(paragraph_style or self._default_paragraph), **self._chain(run_style)}
            self._resolved[key] = inherited
        return {**inherited, **self._watched(direct)} if direct is not None else inherited


def _is_hidden_run(properties: dict, behind) -> bool:
    """A run Word does not show (w:vanish) or that no reader can see: tiny, or the colour of
    what is beneath it. ``properties`` are the run's effective properties (see _RunStyles);
    ``behind`` is the colour of the paragraph, cell, text box or page it sits on (None: a
    picture or a theme colour, on which any text is taken to be seen)."""
    vanish = properties.get(_W_VANISH)
    if vanish is not None and vanish.get(_W_VAL, "true").lower() not in ("false", "0", "off"):
        return True
    size = properties.get(_W_SZ)
    try:
        if size is not None and int(size.get(_W_VAL, "24")) < _TINY_HALF_POINTS:
            return True
    except ValueError:
        pass
    color = properties.get(_W_COLOR)
    text = hex_colour(color.get(_W_VAL)) if color is not None else None
    if text is None:
        return False  # "auto": Word picks black or white against the background itself
    highlight = properties.get(_W_HIGHLIGHT)
    if highlight is not None and highlight.get(_W_VAL, "none") != "none":
        behind = hex_colour(_HIGHLIGHTS.get(highlight.get(_W_VAL, ""), ""))
    else:
        behind = _shading(properties.get(_W_SHD), behind)
    return behind is not None and indistinct(text, behind)


# Word's highlight colours by name.
_HIGHLIGHTS = {
    "yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF",
    "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080", "darkGreen": "008000",
    "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000", "darkGray": "808080",
    "lightGray": "C0C0C0", "black": "000000", "white": "FFFFFF",
}


def _shading(shd, behind):
    """The colour a w:shd paints, or ``behind`` when it paints nothing ("auto", "nil")."""
    if shd is None or shd.get(qn("w:val")) == "nil":
        return behind
    if shd.get(qn("w:val")) == "solid":  # the pattern colour covers the whole area
        colour = shd.get(qn("w:color"), "auto")
        return (0.0, 0.0, 0.0) if colour == "auto" else hex_colour(colour)
    fill = shd.get(_W_FILL, "auto")
    if fill == "auto":
        return behind
    return hex_colour(fill) if shd.get(qn("w:themeFill")) is None else None


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


def _page_colour(document_element):
    """The page colour a document sets (w:background), else white."""
    background = document_element.find(_W_BACKGROUND)
    if background is None:
        return WHITE
    colour = background.get(qn("w:color"), "auto")
    return WHITE if colour == "auto" else hex_colour(colour)


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

    def __init__(self, styles: _RunStyles, page_colour=WHITE) -> None:
        self.styles = styles
        self._behind = page_colour  # the colour beneath the text being read (None: unknown)
        self.tables = 0
        self.text_boxes = 0
        self.text_box_chars = 0
        self.hidden_chars = 0  # hidden runs (w:vanish), white or tiny text: left out
        self.link_ids: list[str] = []  # relationship ids of hyperlinks with visible anchor text
        self._paragraph_style: str | None = None

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
        style_parts = self.styles.table_shading(style.get(_W_VAL) if style is not None else None)
        look = _table_look(properties) if style_parts else set()
        for row_index, row in enumerate(rows):
            cells = list(row.iterchildren(_W_TC))
            for column, cell in enumerate(cells):
                outer = self._behind
                for part in _cell_parts(row_index, len(rows), column, len(cells), look) if style_parts else ():
                    if part in style_parts:
                        self._behind = _shading(style_parts[part], self._behind)
                cell_properties = cell.find(_W_TCPR)
                if cell_properties is not None:
                    self._behind = _shading(cell_properties.find(_W_SHD), self._behind)
                try:
                    lines.extend(self.blocks(cell))
                finally:
                    self._behind = outer
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
        self._behind = _shading(shading, outer_behind)
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
            if tag == _W_R and _is_hidden_run(self.styles.effective(self._paragraph_style, child), self._behind):
                self.hidden_chars += sum(len(t.text or "") for t in child.iter(_W_T))
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
