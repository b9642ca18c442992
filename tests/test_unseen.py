"""Issue 34, part one: what the eye cannot see never counts.

Each kind of hiding gets a document built here, a check that its words are not read (nor their
contact details), a warning that names the kind, and the same score as the document without it.
A property test mixes the tricks and asserts the score never rises.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumematch import parse
from resumematch.jobs import load_job
from resumematch.scoring import match

STUFFING = "BGP OSPF MPLS CCNP network design"
JOB = "network-engineer"

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


_HIDDEN = ' hidden="1"'


def _box(text: str, *, hidden: bool = False, x: int = 914400, relative: str = "page") -> str:
    """A DrawingML text box anchored at ``x`` EMU from ``relative``; ``hidden`` as the Selection
    Pane's eye sets it."""
    return (
        f'<w:r {_NS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{relative}"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="page"><wp:posOffset>914400</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2743200" cy="457200"/><wp:wrapNone/>'
        f'<wp:docPr id="7" name="Text Box 7"{_HIDDEN if hidden else ""}/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:spPr><a:noFill/></wps:spPr><wps:txbx><w:txbxContent>'
        f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )


def _vml_box(text: str) -> str:
    return (
        f'<w:r {_NS}><w:pict><v:shape style="position:absolute;margin-left:20pt;width:200pt;height:40pt;'
        f'visibility:hidden" filled="f"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
    )


def _hide_docx(document, text: str, how: str) -> None:
    """Add ``text`` to ``document`` hidden the way ``how`` names (nothing when text is empty)."""
    if how in ("hidden-shape", "vml-hidden", "off-page", "off-page-margin"):
        paragraph = document.add_paragraph("Certifications")
        if text:
            xml = {"hidden-shape": lambda: _box(text, hidden=True), "vml-hidden": lambda: _vml_box(text),
                   "off-page": lambda: _box(text, x=20_000_000),
                   "off-page-margin": lambda: _box(text, x=-9_000_000, relative="margin")}[how]()
            paragraph._p.append(parse_xml(xml))
    elif how == "first-page-header":
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = text or " "
        section.different_first_page_header_footer = False  # turned off again; the header stays in the file
    elif how == "squeezed":
        run = document.add_paragraph("Tools: ").add_run(text)
        run._r.get_or_add_rPr().append(parse_xml(f'<w:w {_NS} w:val="1"/>'))
    elif how == "theme-background":
        run = document.add_paragraph("Tools: ").add_run(text)
        run._r.get_or_add_rPr().append(parse_xml(f'<w:color {_NS} w:val="000000" w:themeColor="background1"/>'))
    elif how == "table-style":
        style = document.styles.add_style("Quiet Grid", WD_STYLE_TYPE.TABLE) if "Quiet Grid" not in [
            s.name for s in document.styles] else document.styles["Quiet Grid"]
        style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        table = document.add_table(rows=1, cols=2)
        table.style = style
        table.cell(0, 0).text = "Tools"
        table.cell(0, 1).text = text
    else:
        raise ValueError(how)


def _resume_docx(hidden: dict[str, str]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Installed ONTs for residential customers and replaced faulty drops.")
    for how, text in hidden.items():
        _hide_docx(document, text, how)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_KINDS = {
    "hidden-shape": "hidden shape",
    "vml-hidden": "hidden shape",
    "off-page": "off the page",
    "off-page-margin": "off the page",
    "first-page-header": "header or footer no section shows",
    "squeezed": "squeezed flat",
    "theme-background": "the colour beneath it",
    "table-style": "the colour beneath it",
}


@pytest.fixture(scope="module")
def job():
    return load_job(JOB)


def _score(data: bytes, name: str, job) -> float:
    return match(parse(data, name=name), job).score


@pytest.mark.parametrize("how", sorted(DOCX_KINDS))
def test_docx_text_a_reader_cannot_see_is_ignored_and_named(how, job):
    stuffed = _resume_docx({how: f"{STUFFING} ana.ruiz@hidden-mail.net"})
    document = parse(stuffed, name="stuffed.docx")
    assert "BGP" not in document.text and "OSPF" not in document.text
    assert document.contact.email is None
    assert any("hidden text" in w and DOCX_KINDS[how] in w for w in document.warnings), document.warnings
    assert _score(stuffed, "stuffed.docx", job) == _score(_resume_docx({how: ""}), "clean.docx", job)


@pytest.mark.parametrize("how", ["visible-box", "aligned-box", "first-page-header-on", "theme-accent"])
def test_docx_text_a_reader_sees_is_read(how):
    """The near misses: a visible text box on the page, a first-page header that is printed,
    text in a dark theme colour."""
    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    paragraph = document.add_paragraph("Certifications")
    if how == "visible-box":
        paragraph._p.append(parse_xml(_box(STUFFING)))
    elif how == "aligned-box":
        paragraph._p.append(parse_xml(_box(STUFFING, x=100_000, relative="margin")))
    elif how == "first-page-header-on":
        section = document.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = STUFFING
    else:
        run = document.add_paragraph("Tools: ").add_run(STUFFING)
        run._r.get_or_add_rPr().append(parse_xml(f'<w:color {_NS} w:val="FFFFFF" w:themeColor="text1"/>'))
    buffer = io.BytesIO()
    document.save(buffer)
    assert STUFFING in parse(buffer.getvalue(), name="seen.docx").text


# -- Markdown and bidi ------------------------------------------------------------------------------

MD = "# Ana Ruiz\n\n## Experience\n\n- Installed ONTs for residential customers and replaced faulty drops.\n\n{hidden}\n"


@pytest.mark.parametrize("hidden", [
    f"<!-- {STUFFING} -->",
    f"<!--\n{STUFFING}\n-->",
    f'[home]: https://ana.example.org "{STUFFING}"',
    f"[home]: https://ana.example.org\n  '{STUFFING}'",
])
def test_markdown_that_is_never_shown_is_not_read(hidden, job):
    stuffed = MD.format(hidden=hidden).encode()
    document = parse(stuffed, name="resume.md")
    assert "BGP" not in document.text
    assert any("never shown" in w for w in document.warnings)
    assert _score(stuffed, "resume.md", job) == _score(MD.format(hidden="").encode(), "resume.md", job)


def test_markdown_shown_text_is_still_read():
    document = parse(MD.format(hidden=f"Skills: {STUFFING} [site](https://ana.example.org)").encode(), name="resume.md")
    assert STUFFING in document.text


@pytest.mark.parametrize("stored, seen", [
    ("\u202eFPSO PGB\u202c", "BGP OSPF"),  # stored reversed, shown forward: read as shown
    ("\u202eBGP OSPF\u202c", "FPSO PGB"),  # stored forward, shown reversed: never read forward
    ("\u202eBGP OSPF", "FPSO PGB"),  # an override with no end runs to the end of its line
])
def test_bidi_overrides_are_read_as_shown_and_flagged(stored, seen):
    text = f"Ana Ruiz\nExperience\nInstalled ONTs for residential customers.\nSkills: {stored}\n"
    for name, data in (("resume.txt", text.encode()), ("resume.docx", _docx_of_lines(text.splitlines()))):
        document = parse(data, name=name)
        assert f"Skills: {seen}" in document.text
        assert any("right-to-left override" in w for w in document.warnings)


def _docx_of_lines(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- tricks mixed -----------------------------------------------------------------------------------

_PHRASES = ["BGP OSPF", "MPLS CCNP", "network design", "Juniper JNCIA", "firewall VPN", "Python automation"]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(DOCX_KINDS)), min_size=1, max_size=4, unique=True), st.randoms())
def test_mixed_hiding_tricks_never_raise_the_score(job, tricks, random):
    phrases = random.sample(_PHRASES, len(tricks))
    stuffed = _resume_docx(dict(zip(tricks, phrases)))
    clean = _resume_docx({how: "" for how in tricks})
    assert _score(stuffed, "stuffed.docx", job) <= _score(clean, "clean.docx", job)


# -- PDF ----------------------------------------------------------------------------------------------

from builders import HELVETICA, pdf_from_objects  # noqa: E402

_PDF_VISIBLE = (b"BT /F1 12 Tf 72 720 Td (Ana Ruiz) Tj ET\n"
                b"BT /F1 11 Tf 72 690 Td (Experience) Tj ET\n"
                b"BT /F1 11 Tf 72 670 Td (Installed ONTs for residential customers and replaced faulty drops.) Tj ET\n")


def _pdf(hidden: bytes, *, resources: bytes = b"", catalog: bytes = b"", annots: bytes = b"", extra=()) -> bytes:
    """One page: the visible resume, then ``hidden``; objects 6 and on are ``extra``."""
    content = _PDF_VISIBLE + hidden
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> " + resources
        + b" >> /Contents 5 0 R " + (b"/Annots [" + annots + b"] " if annots else b"") + b">>",
        HELVETICA,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ])


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_LINE = b"BT /F1 11 Tf 72 600 Td (BGP OSPF MPLS CCNP network design) Tj ET"
_LAYER = b"<< /Type /OCG /Name (Keywords) >>"
_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lie def "
         b"1 begincodespacerange <00> <FF> endcodespacerange 7 beginbfchar "
         b"<41> <0042> <42> <0047> <43> <0050> <44> <004F> <45> <0053> <46> <0050> <47> <0046> endbfchar "
         b"endcmap CMapName currentdict /CMap defineresource pop end end")


def _pdf_kind(kind: str, hidden: bool = True) -> bytes:
    """The resume with a stuffed line hidden the way ``kind`` says (or, with ``hidden`` False,
    the same document without the stuffed words)."""
    line = _LINE if hidden else b""
    if kind == "layer-off":
        return _pdf(b"/OC /K BDC " + line + b" EMC", resources=b"/Properties << /K 6 0 R >>",
                    catalog=b"/OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] >> >>", extra=[_LAYER])
    if kind == "layer-base-off":
        return _pdf(b"/OC /K BDC " + line + b" EMC", resources=b"/Properties << /K 6 0 R >>",
                    catalog=b"/OCProperties << /OCGs [6 0 R] /D << /BaseState /OFF >> >>", extra=[_LAYER])
    if kind == "layer-usage":
        layer = (b"<< /Type /OCG /Name (Keywords) /Usage << /View << /ViewState /OFF >> "
                 b"/Print << /PrintState /OFF >> >> >>")
        return _pdf(b"/OC /K BDC " + line + b" EMC", resources=b"/Properties << /K 6 0 R >>",
                    catalog=b"/OCProperties << /OCGs [6 0 R] /D << >> >>", extra=[layer])
    if kind == "alpha":
        return _pdf(b"q /G0 gs " + line + b" Q", resources=b"/ExtGState << /G0 6 0 R >>",
                    extra=[b"<< /Type /ExtGState /ca 0 /CA 0 >>"])
    if kind == "outline-white":
        return _pdf(b"q 1 1 1 RG 0 0 0 rg 1 Tr " + line + b" 0 Tr Q")
    if kind == "annotation":
        cover = b"1 1 1 rg 0 0 300 20 re f"
        return _pdf(line, annots=b"6 0 R", extra=[
            b"<< /Type /Annot /Subtype /Square /Rect [68 594 368 614] /F 4 /AP << /N 7 0 R >> >>",
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 20]", cover)])
    if kind == "form-cover":
        drawing = b"BT /F1 11 Tf 0 10 Td (BGP OSPF MPLS CCNP network design) Tj ET 1 1 1 rg 0 0 300 30 re f" if hidden else b""
        return _pdf(b"q 1 0 0 1 72 590 cm /Fx Do Q", resources=b"/XObject << /Fx 6 0 R >>", extra=[
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 30] /Resources << /Font << /F1 4 0 R >> >>", drawing)])
    if kind == "form-bbox":
        drawing = b"BT /F1 11 Tf 0 100 Td (BGP OSPF MPLS CCNP network design) Tj ET" if hidden else b""
        return _pdf(b"q 1 0 0 1 72 500 cm /Fx Do Q", resources=b"/XObject << /Fx 6 0 R >>", extra=[
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 30] /Resources << /Font << /F1 4 0 R >> >>", drawing)])
    if kind == "lying-font":
        font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding << /Type /Encoding "
                b"/Differences [65 /H /o /b /i /e /s /g] >> /ToUnicode 7 0 R >>")
        text = b"BT /F2 11 Tf 72 600 Td (ABCDEFG) Tj ET" if hidden else b""
        return _pdf(text, resources=b"/Font << /F1 4 0 R /F2 6 0 R >>".replace(b"/Font << /F1 4 0 R ", b"/Font << /F1 4 0 R "),
                    extra=[font, _stream(b"", _CMAP)])
    if kind == "type3-blank":
        glyph = _stream(b"", b"600 0 d0")
        font = (b"<< /Type /Font /Subtype /Type3 /Name /Ghost /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] "
                b"/CharProcs << /B 7 0 R /G 7 0 R /P 7 0 R /O 7 0 R /S 7 0 R /F 7 0 R /space 7 0 R >> "
                b"/Encoding << /Type /Encoding /Differences [32 /space 66 /B 70 /F /G 79 /O /P 83 /S] >> "
                b"/FirstChar 32 /LastChar 83 /Widths [600 " + b"600 " * 51 + b"] >>")
        text = b"BT /F2 11 Tf 72 600 Td (BGP OSPF) Tj ET" if hidden else b""
        return _pdf(text, resources=b"/Font << /F1 4 0 R /F2 6 0 R >>", extra=[font, glyph])
    if kind == "ink-blot":
        text = b"BT /F1 11 Tf 72 600 Td [(B) 667 (G) 778 (P) 667 ( ) 278 (O) 778 (S) 667 (P) 667 (F)] TJ ET"
        return _pdf(text if hidden else b"")
    raise ValueError(kind)


PDF_KINDS = {
    "layer-off": "layer switched off",
    "layer-base-off": "layer switched off",
    "layer-usage": "layer switched off",
    "alpha": "transparent",
    "outline-white": "colour beneath it",
    "annotation": "covered",
    "form-cover": "covered",
    "form-bbox": "hidden text",
    "lying-font": "contradicts",
    "type3-blank": "draw nothing",
    "ink-blot": "one spot",
}


@pytest.mark.parametrize("kind", sorted(PDF_KINDS))
@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_pdf_text_a_reader_cannot_see_is_ignored_and_named(kind, engine, job):
    stuffed = _pdf_kind(kind)
    document = parse(stuffed, name="stuffed.pdf", pdf_engine=engine) if engine != "auto" else parse(stuffed, name="stuffed.pdf")
    assert "BGP" not in document.text and "OSPF" not in document.text, document.text
    assert "Installed ONTs" in document.text
    assert any(PDF_KINDS[kind] in w for w in document.warnings), document.warnings
    clean = parse(_pdf_kind(kind, hidden=False), name="clean.pdf")
    assert match(document, job).score == match(clean, job).score


# Tricks that combine in one PDF: each draws its phrase at its own height, with the resources all
# of them need declared once.
_PDF_TRICKS = {
    "layer-off": b"/OC /K BDC BT /F1 11 Tf 72 %d Td (%s) Tj ET EMC",
    "alpha": b"q /G0 gs BT /F1 11 Tf 72 %d Td (%s) Tj ET Q",
    "outline-white": b"q 1 1 1 RG 1 Tr BT /F1 11 Tf 72 %d Td (%s) Tj ET 0 Tr Q",
    "render-3": b"q 3 Tr BT /F1 11 Tf 72 %d Td (%s) Tj ET 0 Tr Q",
    "white-box": b"BT /F1 11 Tf 72 %d Td (%s) Tj ET q 1 1 1 rg 70 %d 400 16 re f Q",
    "white": b"q 1 1 1 rg BT /F1 11 Tf 72 %d Td (%s) Tj ET Q",
}


def _mixed_pdf(chosen: dict[str, str]) -> bytes:
    hidden = []
    for number, (trick, phrase) in enumerate(sorted(chosen.items())):
        y = 600 - 20 * number
        template = _PDF_TRICKS[trick]
        values = (y, phrase.encode(), y - 4) if template.count(b"%d") == 2 else (y, phrase.encode())
        hidden.append(template % values if phrase else b"")
    return _pdf(b"\n".join(hidden), resources=b"/Properties << /K 6 0 R >> /ExtGState << /G0 7 0 R >>",
                catalog=b"/OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] >> >>",
                extra=[_LAYER, b"<< /Type /ExtGState /ca 0 /CA 0 >>"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(_PDF_TRICKS)), min_size=1, max_size=4, unique=True), st.randoms())
def test_mixed_pdf_hiding_tricks_never_raise_the_score(job, tricks, random):
    phrases = random.sample(_PHRASES, len(tricks))
    stuffed = parse(_mixed_pdf(dict(zip(tricks, phrases))), name="stuffed.pdf")
    clean = parse(_mixed_pdf({trick: "" for trick in tricks}), name="clean.pdf")
    assert match(stuffed, job).score <= match(clean, job).score
    assert not any(phrase in stuffed.text for phrase in phrases)
