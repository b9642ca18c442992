"""Resume templates read as a person sees them (issue 18): colours judged against what is
beneath them, words whose letters come in several runs, ligature glyph names.

Each test builds the smallest document that shows one pattern of a public template."""

from __future__ import annotations

import io

import pytest
from builders import W_NS, body_xml, docx_package, raw_pdf, text_stream
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from resumematch import parse

ENGINES = ["auto", "pdfplumber"]


def _pdf(draw) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    page.setFont("Helvetica", 11)
    page.drawString(72, 740, "Ana Ruiz")
    draw(page)
    page.setFillColorRGB(0, 0, 0)
    page.setFont("Helvetica", 11)
    page.drawString(72, 600, "Installed ONTs for residential customers and tested fiber drops.")
    page.save()
    return buffer.getvalue()


def _heading_on(page, fill, shape="rect", text=(1, 1, 1)):
    if fill == "image":
        from PIL import Image

        page.drawImage(ImageReader(Image.new("RGB", (40, 4), (20, 40, 90))), 60, 612, 400, 22)
    else:
        page.setFillColorRGB(*fill)
        if shape == "rect":
            page.rect(60, 612, 400, 22, stroke=0, fill=1)
        else:  # a band with rounded ends, drawn as curves
            page.roundRect(60, 612, 400, 22, 8, stroke=0, fill=1)
    page.setFillColorRGB(*text)
    page.setFont("Helvetica-Bold", 13)
    page.drawString(72, 618, "WORK EXPERIENCE")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("fill, shape", [((0.1, 0.25, 0.55), "rect"), ((0.1, 0.25, 0.55), "round"), ("image", "")])
def test_white_heading_on_a_band_is_a_visible_heading(engine, fill, shape):
    document = parse(_pdf(lambda page: _heading_on(page, fill, shape)), pdf_engine=engine)
    assert "WORK EXPERIENCE" in document.text and document.layout.hidden_chars == 0
    assert [s.name for s in document.sections] == ["contact", "experience"]
    assert not any("hidden" in w for w in document.warnings)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("fill, text", [((1, 1, 1), (1, 1, 1)), ((0.9, 0.9, 0.9), (0.92, 0.92, 0.92)), ((0, 0, 0), (0, 0, 0))])
def test_text_the_colour_of_the_fill_beneath_it_stays_hidden(engine, fill, text):
    document = parse(_pdf(lambda page: _heading_on(page, fill, text=text)), pdf_engine=engine)
    assert "EXPERIENCE" not in document.text
    assert document.layout.hidden_chars == len("WORKEXPERIENCE")


def _two_colour_heading(page):
    """A LaTeX class's heading: the first letters in an accent colour, the rest in grey, or white
    letters on a coloured band followed by a dark tail."""
    page.setFont("Helvetica-Bold", 14)
    page.setFillColorRGB(0.86, 0.2, 0.13)
    page.drawString(72, 660, "Sum")
    page.setFillColorRGB(0.2, 0.2, 0.2)
    page.drawString(72 + page.stringWidth("Sum", "Helvetica-Bold", 14), 660, "mary")
    page.setFillColorRGB(0.86, 0.2, 0.13)
    page.rect(68, 614, page.stringWidth("Exp", "Helvetica-Bold", 14) + 4, 20, stroke=0, fill=1)
    page.setFillColorRGB(1, 1, 1)
    page.drawString(72, 618, "Exp")
    page.setFillColorRGB(0, 0, 0)
    page.drawString(72 + page.stringWidth("Exp", "Helvetica-Bold", 14), 618, "erience")


def _small_caps_heading(page):
    """Small caps: a large initial and smaller capitals, set by hand as templates do."""
    x = 72
    for text, size in (("S", 14), ("KILLS", 10.5)):
        page.setFont("Helvetica", size)
        page.drawString(x, 660, text)
        x += page.stringWidth(text, "Helvetica", size)
    page.setFont("Helvetica", 11)
    page.drawString(72, 645, "DOCSIS, GPON, fusion splicing")
    x = 72
    for text, size, dy in (("E", 14, 0), ("XPERIENCE", 10.5, 0)):
        page.setFont("Helvetica", size)
        page.drawString(x, 618 + dy, text)
        x += page.stringWidth(text, "Helvetica", size)


@pytest.mark.parametrize("engine", ENGINES)
def test_two_colour_headings_are_whole_words_and_open_sections(engine):
    document = parse(_pdf(_two_colour_heading), pdf_engine=engine)
    assert "\nSummary\n" in document.text and "\nExperience\n" in document.text
    assert [(s.name, s.heading) for s in document.sections][1:] == [("summary", "Summary"), ("experience", "Experience")]
    assert document.layout.hidden_chars == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_small_caps_headings_are_whole_words(engine):
    document = parse(_pdf(_small_caps_heading), pdf_engine=engine)
    assert [(s.name, s.heading) for s in document.sections][1:] == [("skills", "SKILLS"), ("experience", "EXPERIENCE")]


def test_a_bullet_touching_its_text_stays_apart():
    from resumematch.parsers.pdf_layout import join_touching

    def word(text, x0, x1, size=10):
        return {"text": text, "x0": x0, "x1": x1, "top": 100, "bottom": 110, "size": size}

    joined = join_touching([word("•", 70, 74), word("Led", 74, 90), word("a", 92, 96), word("Sum", 100, 120), word("mary", 120.5, 145)])
    assert [w["text"] for w in joined] == ["•", "Led", "a", "Summary"]


_FFI = (b"(Scienti\x80c \x81uent o\x82ce e\x83ort ba\x84e)", "Scientific fluent office effort baffle")
_ST = (b"(Cu\x80omer \x80ate)", "Customer state")  # old-style fonts (Linux Libertine, EB Garamond)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("names, drawn", [
    (b"/f_i /f_l /f_f_i /f_f /f_f_l", _FFI), (b"/fi /fl /ffi /ff /ffl", _FFI), (b"/uniFB01 /uniFB02 /uniFB03 /uniFB00 /uniFB04", _FFI),
    (b"/s_t", _ST), (b"/uniFB06", _ST),
])
def test_ligatures_are_expanded_on_both_engines(engine, names, drawn):
    # TeX fonts name their ligature glyphs in several ways; pdfium reads only some of them.
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [128 " + names + b"] >> >>"
    )
    pdf = raw_pdf([text_stream((72, 700, drawn[0]))], fonts={"F1": font})
    assert parse(pdf, pdf_engine=engine).text == drawn[1]


# --- DOCX: what is beneath the text -----------------------------------------------------------------

_WPS = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def _run(text, colour="FFFFFF"):
    return f'<w:r><w:rPr><w:color w:val="{colour}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _text_box(fill_xml: str, heading: str) -> str:
    """A paragraph anchoring a DrawingML text box (as Word writes one) with ``fill_xml`` as its fill."""
    return (
        f'<w:p><w:r><mc:AlternateContent {_WPS}><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr><a:prstGeom prst="rect"/>{fill_xml}</wps:spPr>'
        f'<wps:txbx><w:txbxContent><w:p>{_run(heading)}</w:p></w:txbxContent></wps:txbx></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>"
    )


def _docx(heading_xml: str, document_attrs: str = "", background: str = "") -> bytes:
    inner = (
        '<w:p><w:r><w:t>Ana Ruiz</w:t></w:r></w:p>' + heading_xml +
        '<w:p><w:r><w:t>Installed ONTs for residential customers and tested fiber drops.</w:t></w:r></w:p>'
    )
    xml = body_xml(inner)
    if background:
        xml = xml.replace("<w:body>", f'<w:background w:color="{background}"/><w:body>')
    return docx_package(xml)


_BLUE_FILL = '<a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill>'
_CELL = '<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr><w:p>{run}</w:p></w:tc></w:tr></w:tbl>'
_SHADED_PARAGRAPH = '<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:pPr>{run}</w:p>'


@pytest.mark.parametrize(
    "heading_xml, background",
    [
        (_text_box(_BLUE_FILL, "WORK EXPERIENCE"), ""),
        (_text_box("", "WORK EXPERIENCE").replace("</wps:spPr>", '</wps:spPr><wps:style><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef></wps:style>'), ""),
        (_CELL.format(fill="2E74B5", run=_run("WORK EXPERIENCE")), ""),
        (_SHADED_PARAGRAPH.format(fill="1F3864", run=_run("WORK EXPERIENCE")), ""),
        (f"<w:p>{_run('WORK EXPERIENCE')}</w:p>", "203864"),
    ],
    ids=["text-box-fill", "text-box-theme-fill", "cell-shading", "paragraph-shading", "page-colour"],
)
def test_docx_white_headings_on_filled_shapes_are_visible(heading_xml, background):
    document = parse(_docx(heading_xml, background=background), name="banner.docx")
    assert "WORK EXPERIENCE" in document.text and document.layout.hidden_chars == 0
    assert [s.name for s in document.sections] == ["contact", "experience"]


@pytest.mark.parametrize(
    "heading_xml",
    [
        _text_box('<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>', "BGP OSPF MPLS"),
        _text_box("<a:noFill/>", "BGP OSPF MPLS"),
        _CELL.format(fill="FFFFFF", run=_run("BGP OSPF MPLS")),
        _SHADED_PARAGRAPH.format(fill="1F3864", run=_run("BGP OSPF MPLS", colour="1F3864")),
    ],
    ids=["white-box", "unfilled-box", "white-cell", "navy-on-navy"],
)
def test_docx_text_the_colour_of_its_fill_stays_hidden(heading_xml):
    document = parse(_docx(heading_xml), name="stuffed.docx")
    assert "BGP" not in document.text and document.layout.hidden_chars == len("BGP OSPF MPLS")


def _table_style_docx(style_xml: str, first_row_on: bool = True) -> bytes:
    """A resume whose heading is white text in the first row of a table; the table's style
    (``style_xml``: the children of a w:style of type table) is all that shades it."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    style = document.styles.add_style("Banded", WD_STYLE_TYPE.TABLE)
    for child in parse_xml(f'<w:style {W_NS}>{style_xml}</w:style>'):
        style.element.append(child)
    table = document.add_table(rows=2, cols=1, style=style)
    look = table._tbl.tblPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblLook")
    if look is not None:
        look.getparent().remove(look)
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblLook {W_NS} w:firstRow="{int(first_row_on)}" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'))
    run = table.cell(0, 0).paragraphs[0].add_run("WORK EXPERIENCE")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    table.cell(1, 0).paragraphs[0].add_run("Installed ONTs for residential customers and tested fiber drops.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_HEADER_ROW_NAVY = '<w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr>'


def test_docx_white_heading_in_a_table_style_header_row_is_visible():
    document = parse(_table_style_docx(_HEADER_ROW_NAVY), name="table-style.docx")
    assert "WORK EXPERIENCE" in document.text and document.layout.hidden_chars == 0
    assert [s.name for s in document.sections] == ["contact", "experience"]


@pytest.mark.parametrize(
    "style_xml, first_row_on",
    [
        ('<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/></w:tcPr>', True),
        (_HEADER_ROW_NAVY, False),
        (_HEADER_ROW_NAVY.replace('w:type="firstRow"', 'w:type="lastRow"'), True),
    ],
    ids=["white-table-style", "header-row-look-off", "only-the-last-row-shaded"],
)
def test_docx_white_text_a_table_style_does_not_shade_stays_hidden(style_xml, first_row_on):
    document = parse(_table_style_docx(style_xml, first_row_on), name="table-style.docx")
    assert "WORK EXPERIENCE" not in document.text and document.layout.hidden_chars == len("WORK EXPERIENCE")


# --- PDF lines rebuilt into bullets and paragraphs ------------------------------------------------

_BULLETS = [
    "Installed and activated 40 fiber-to-the-home services a week for residential customers across the county",
    "Tested drops with an OTDR and power meter, and documented every splice in the work order system for the team",
    "Trained two new installers",
    "Replaced aging coaxial plant with GPON equipment in three neighbourhoods with The Fiber Company crews",
]


def _wrapped(text: str, font: str, size: float, width: float, page) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and page.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current]


def _bullets_pdf() -> bytes:
    """Bullets wrapped at the right margin with a hanging indent, as Word exports them (the
    bullet from the Symbol font, 18 pt before its text)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(72, 740, "Ana Ruiz")
    page.drawString(72, 710, "Experience")
    page.setFont("Helvetica-Bold", 11)
    page.drawString(72, 692, "Fiber Installer")
    page.drawRightString(540, 692, "2019 - 2023")
    y = 676
    for bullet in _BULLETS:
        page.setFont("Symbol", 11)
        page.drawString(80, y, "\u2022")
        for line in _wrapped(bullet, "Helvetica", 11, 540 - 98, page):
            page.setFont("Helvetica", 11)
            page.drawString(98, y, line)
            y -= 13.5
    page.setFont("Helvetica-Bold", 14)
    page.drawString(72, y - 14, "Skills")
    y -= 30
    page.setFont("Helvetica", 11)
    for item in ("Fusion splicing", "OTDR testing", "GPON activation"):  # a list without bullets
        page.drawString(72, y, item)
        y -= 13.5
    page.save()
    return buffer.getvalue()


def _bullets_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    document.add_paragraph("Experience")
    document.add_paragraph("Fiber Installer\t2019 - 2023")
    for bullet in _BULLETS:
        document.add_paragraph(bullet, style="List Bullet")
    document.add_paragraph("Skills")
    for item in ("Fusion splicing", "OTDR testing", "GPON activation"):
        document.add_paragraph(item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def twins():
    return _bullets_docx(), _bullets_pdf()


@pytest.mark.parametrize("engine", ENGINES)
def test_wrapped_bullets_are_whole_lines_as_in_the_docx_twin(twins, engine):
    docx_bytes, pdf = twins
    expected = [line.replace("\t", " ") for line in parse(docx_bytes, name="cv.docx").text.splitlines() if line.strip()]
    assert sum(line.startswith("• ") for line in expected) == len(_BULLETS)
    lines = [line for line in parse(pdf, name="cv.pdf", pdf_engine=engine).text.splitlines() if line.strip()]
    assert lines == expected


def test_pdf_and_docx_twins_get_the_same_advice(twins):
    from resumematch import check

    docx_bytes, pdf = twins
    as_docx = check(parse(docx_bytes, name="cv.docx"), "isp-technician", all_suggestions=True)
    as_pdf = check(parse(pdf, name="cv.pdf"), "isp-technician", all_suggestions=True)
    assert [s.message for s in as_pdf.suggestions] == [s.message for s in as_docx.suggestions]
    assert as_pdf.result.score == pytest.approx(as_docx.result.score, abs=0.5)


# --- the public corpus -----------------------------------------------------------------------------


def test_corpus_phrase_integrity_is_at_least_0_9_for_every_pdf(corpus):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from phrase_integrity import integrity

    scores = {path.name: integrity(path) for path in sorted((corpus / "pdf").glob("*.pdf"))}
    assert scores and all(count > 0 for _, count, _ in scores.values())  # every PDF yields phrases to judge
    low = {name: round(share, 3) for name, (share, _, _) in scores.items() if share < 0.9}
    assert not low


def test_corpus_resumes_that_show_an_experience_heading_get_an_experience_section(corpus):
    for path in sorted((corpus / "pdf").glob("*.pdf")) + sorted((corpus / "docx").glob("*.docx")):
        document = parse(path)
        shows_one = any(
            "experience" in line.lower() and "volunteer" not in line.lower() and len(line) < 40
            for line in document.text.splitlines()
        )
        if shows_one:
            assert "experience" in {s.name for s in document.sections}, path.name
        assert not any("hidden text" in w for w in document.warnings), path.name


def test_stacked_contact_details_stay_one_per_line():
    from resumematch.parsers.pdf_layout import join_wrapped_lines

    def line(top, *texts):
        words, x = [], 40.0
        for text in texts:
            words.append({"text": text, "x0": x, "x1": x + 6 * len(text), "top": top, "bottom": top + 10, "size": 10, "fontname": "Helvetica"})
            x += 6 * len(text) + 3
        return words

    lines = [line(100, "(512)", "555-0163"), line(112, "priya.raman@example.com"), line(124, "linkedin.com/in/praman")]
    assert len(join_wrapped_lines(lines)) == 3
    # ...while the lines of a sentence wrapped in the same narrow column are one
    wrapped = [line(100, "•", "Cisco", "Certified", "Network"), line(112, "Professional", "(CCNP)"), line(124, "Enterprise")]
    assert [" ".join(w["text"] for w in ln) for ln in join_wrapped_lines(wrapped)] == ["• Cisco Certified Network Professional (CCNP) Enterprise"]


def test_phrase_integrity_notices_columns_read_across(corpus, monkeypatch):
    # The measure itself: a two-column resume read straight across, line by line, falls below 0.9.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from phrase_integrity import integrity

    from resumematch.parsers import pdf

    path = corpus / "pdf" / "offlinecv-OfflineCV__unknown_chromium-two-column-sidebar.pdf"
    assert integrity(path)[0] >= 0.9
    monkeypatch.setattr(pdf, "order_blocks", lambda lines, left, right: [lines])
    assert integrity(path)[0] < 0.9


@pytest.mark.parametrize("engine", ENGINES)
def test_white_text_on_a_white_picture_stays_hidden(engine):
    from PIL import Image

    def white_picture(page):
        page.drawImage(ImageReader(Image.new("RGB", (40, 4), (255, 255, 255))), 60, 612, 400, 22)
        page.setFillColorRGB(1, 1, 1)
        page.drawString(72, 618, "BGP OSPF MPLS")

    document = parse(_pdf(white_picture), pdf_engine=engine)
    assert "BGP" not in document.text and document.layout.hidden_chars == len("BGPOSPFMPLS")


def test_docx_white_heading_in_a_shaded_paragraph_style_is_visible():
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    banner = document.styles.add_style("Banner", WD_STYLE_TYPE.PARAGRAPH)
    banner.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "1F3864")
    banner.element.get_or_add_pPr().append(shading)
    document.add_paragraph("WORK EXPERIENCE", style=banner)
    document.add_paragraph("Installed ONTs for residential customers.")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse(buffer.getvalue(), name="styled.docx")
    assert "WORK EXPERIENCE" in parsed.text and parsed.layout.hidden_chars == 0
