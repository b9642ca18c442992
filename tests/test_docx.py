"""DOCX: document order, tables, text boxes read once, headers and footers, links, lists."""

from __future__ import annotations

import io
import re

import docx
import pytest
from builders import body_xml, docx_package, w_p
from docbuild import add_text_box

from resumematch import parse


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_paragraphs_and_tables_come_in_document_order():
    document = docx.Document()
    document.add_paragraph("Skills")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "DOCSIS 3.1", (0, 1): "GPON", (1, 0): "OTDR", (1, 1): "VLANs"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("Experience")
    parsed = parse(_save(document))
    assert parsed.text.splitlines() == ["Skills", "DOCSIS 3.1", "GPON", "OTDR", "VLANs", "Experience"]
    assert parsed.layout.tables == 1


def test_nested_table_cells_are_read_once():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Fiber splicing"
    inner.cell(0, 1).text = "Pole climbing"
    text = parse(_save(document)).text
    assert text.count("Fiber splicing") == 1 and text.count("Pole climbing") == 1


def test_text_box_is_read_once_although_word_stores_it_twice():
    document = docx.Document()
    paragraph = document.add_paragraph("Certifications")
    add_text_box(paragraph, ["BICSI Certified Broadband Installer", "CompTIA Network+"])
    data = _save(document)
    xml = docx.Document(io.BytesIO(data)).element.xml
    assert xml.count("BICSI Certified Broadband Installer") == 2
    parsed = parse(data)
    assert parsed.text.count("BICSI Certified Broadband Installer") == 1
    assert parsed.text.splitlines() == ["Certifications", "BICSI Certified Broadband Installer", "CompTIA Network+"]
    assert parsed.layout.text_boxes == 1
    assert any("text boxes" in w for w in parsed.warnings)


def test_vml_only_text_box_is_read():
    vml = (
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        "<w:txbxContent>" + w_p("Ladder safety") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    assert parse(docx_package(body_xml(w_p("Field skills") + vml))).text == "Field skills\nLadder safety"


def test_headers_and_footers_are_included_once():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Dale Okafor | dale@example.com | (614) 555-0187"
    document.sections[0].footer.paragraphs[0].text = "References available on request"
    document.add_paragraph("Broadband installation technician.")
    document.add_section()  # the new section's header is linked to the first one
    document.add_paragraph("Second section.")
    parsed = parse(_save(document))
    lines = parsed.text.splitlines()
    assert lines[0] == "Dale Okafor | dale@example.com | (614) 555-0187"
    assert lines[-1] == "References available on request"
    assert parsed.text.count("Dale Okafor") == 1
    assert parsed.contact.email == "dale@example.com"
    assert parsed.layout.header_footer_chars > 0
    assert any("headers or footers" in w for w in parsed.warnings)


def test_hyperlink_text_and_target_are_kept():
    inner = (
        '<w:p><w:r><w:t xml:space="preserve">Profile: </w:t></w:r>'
        '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>LinkedIn</w:t></w:r></w:hyperlink></w:p>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="https://www.linkedin.com/in/dale-okafor" TargetMode="External"/></Relationships>'
    )
    parsed = parse(docx_package(body_xml(inner), {"word/_rels/document.xml.rels": rels.encode()}))
    assert parsed.text == "Profile: LinkedIn"
    assert parsed.links == ["https://www.linkedin.com/in/dale-okafor"]
    assert parsed.contact.linkedin == "https://www.linkedin.com/in/dale-okafor"


def test_list_items_are_marked_and_deleted_revisions_skipped():
    inner = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>Spliced fiber</w:t></w:r><w:del><w:r><w:delText> badly</w:delText></w:r></w:del></w:p>"
        "<w:p><w:r><w:t>Tabs</w:t></w:r><w:r><w:tab/><w:t>and</w:t><w:br/><w:t>breaks</w:t></w:r></w:p>"
    )
    assert parse(docx_package(body_xml(inner))).text == "• Spliced fiber\nTabs and\nbreaks"


def test_content_controls_are_read():
    inner = "<w:sdt><w:sdtContent>" + w_p("Customer service") + "</w:sdtContent></w:sdt>"
    assert parse(docx_package(body_xml(inner))).text == "Customer service"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z0-9][\w@.+/'-]*[\w+]|\w", text.lower()))


@pytest.mark.parametrize("stem", ["gitobic-SoupBoss__01-Desktop_Support", "gitobic-SoupBoss__01-Accountant"])
def test_corpus_pdf_and_docx_of_one_resume_give_the_same_words(corpus, stem):
    from_pdf = parse(corpus / "pdf" / f"{stem}.pdf")
    from_docx = parse(corpus / "docx" / f"{stem}.docx")
    assert _words(from_pdf.text) == _words(from_docx.text)
    assert [s.name for s in from_pdf.sections] == [s.name for s in from_docx.sections]


def test_sample_pdf_and_docx_give_the_same_words(samples):
    for pdf_path in sorted(samples.glob("*.pdf")):
        from_pdf, from_docx = parse(pdf_path), parse(pdf_path.with_suffix(".docx"))
        # The samples wrap differently; compare words, ignoring reportlab's line-end splits of URLs.
        difference = _words(from_pdf.text) ^ _words(from_docx.text)
        assert difference <= {"contact"}, (pdf_path.name, difference)
