"""PDF fidelity: words, glyphs, columns, letter spacing, running headers."""

from __future__ import annotations

import io
import json
import re

import pytest
from builders import HELVETICA, raw_pdf, text_stream
from conftest import flat
from docbuild import bullet, para, pdf_bytes
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from resumematch import parsers
from resumematch.parsers.pdf_layout import group_lines, join_letter_spacing, order_blocks


@pytest.fixture(params=["auto", "pdfplumber"], autouse=True)
def engine(request):
    """Every fidelity test runs on the fast path (pdfium, with per-page fallback) and on pdfplumber alone."""
    return request.param


def parse(source, **kwargs):
    return parsers.parse(source, pdf_engine=_ENGINE[0], **kwargs)


_ENGINE = ["auto"]


@pytest.fixture(autouse=True)
def _use_engine(engine):
    _ENGINE[0] = engine
    yield
    _ENGINE[0] = "auto"

LIGATURE_FONT = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
    b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl /ffi /uniF0E0 /uni0007] >> >>"
)
UNMAPPED_CID_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
    b"/Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
    b"/Supplement 0 >> /DW 600 /FontDescriptor << /Type /FontDescriptor /FontName /NoMap /Flags 4 "
    b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>] >>"
)


def test_tex_words_placed_without_spaces_stay_apart():
    # TeX draws no space characters: words are positioned 0.25 em apart, which pdfplumber's
    # fixed 3 pt tolerance runs together ("ConsultantandSoftwareDeveloper").
    pdf = raw_pdf([text_stream((72, 700, b"[(Consultant) -250 (and) -250 (Software) -250 (Developer)]"), size=10)])
    assert parse(pdf).text == "Consultant and Software Developer"


def test_kerning_inside_a_word_does_not_split_it():
    pdf = raw_pdf([text_stream((72, 700, b"[(T) 80 (r) -20 (oubleshooting)]"), size=10)])
    assert parse(pdf).text == "Troubleshooting"


def test_ligature_glyphs_are_expanded():
    pdf = raw_pdf([text_stream((72, 700, b"(Certi\x80ed \x81uent o\x82ce)"))], fonts={"F1": LIGATURE_FONT})
    assert parse(pdf).text == "Certified fluent office"


def test_icon_glyphs_and_control_characters_are_dropped():
    pdf = raw_pdf([text_stream((72, 700, b"(\x83 mail\x84 me)"))], fonts={"F1": LIGATURE_FONT})
    text = parse(pdf).text
    assert text == "mail me"
    assert not re.search("[\ue000-\uf8ff\x00-\x08]", text)


def test_unmapped_cid_glyphs_leave_no_trace():
    stream = text_stream((72, 700, b"(Network Technician)")) + b"\n" + text_stream((72, 680, b"<00430044>"), font=b"F2")
    pdf = raw_pdf([stream], fonts={"F1": HELVETICA, "F2": UNMAPPED_CID_FONT})
    text = parse(pdf).text
    assert "cid:" not in text
    assert text == "Network Technician"


def test_hyphenated_line_break_is_joined():
    pdf = raw_pdf([text_stream((72, 700, b"(Experienced in configur-)"), (72, 686, b"(ing Cisco routers and end-to-)"), (72, 672, b"(end testing.)"))])
    assert parse(pdf).text == "Experienced in configuring Cisco routers and end-to-end testing."


def test_hyphen_before_a_capitalised_line_is_kept():
    pdf = raw_pdf([text_stream((72, 700, b"(Deployed Wi-)"), (72, 686, b"(Fi 6 access points)"))])
    assert "Wi-\nFi 6" in parse(pdf).text


def _spaced_heading_pdf() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    text = c.beginText(72, 720)
    text.setFont("Helvetica-Bold", 14)
    text.setCharSpace(7)
    text.textOut("JARED")
    text.setCharSpace(0)
    text.textOut("      ")
    text.setCharSpace(7)
    text.textLine("COLE")
    text.setCharSpace(0)
    text.setFont("Helvetica", 10)
    text.textLine("Network Technician")
    c.drawText(text)
    c.save()
    return buffer.getvalue()


def test_letter_spaced_heading_is_joined():
    assert parse(_spaced_heading_pdf()).text.splitlines()[0] == "JARED COLE"


def test_join_letter_spacing_leaves_ordinary_words_alone():
    words = [{"text": t, "x0": x, "x1": x + w, "size": 10} for t, x, w in [("C", 0, 6), ("and", 10, 15), ("R", 30, 6)]]
    assert [w["text"] for w in join_letter_spacing(words)] == ["C", "and", "R"]


def _running_header_pdf(pages: int = 3) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    for number in range(1, pages + 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 760, "Marisol Vega - Network Technician - marisol@example.com")
        c.drawString(72, 30, f"Page {number} of {pages}")
        c.setFont("Helvetica", 11)
        c.drawString(72, 600, f"Body text of page {number} about VLAN configuration.")
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_repeated_page_headers_and_footers_are_kept_once():
    document = parse(_running_header_pdf())
    assert document.pages == 3
    assert document.text.count("Marisol Vega - Network Technician") == 1
    assert len(re.findall(r"Page \d of 3", document.text)) == 1
    for number in (1, 2, 3):
        assert f"Body text of page {number} about VLAN configuration." in document.text


def _sidebar_pdf() -> bytes:
    sidebar = [para("SKILLS", "heading")] + [bullet(s) for s in ("DOCSIS 3.1", "GPON", "OTDR", "Fiber splicing", "VLANs", "BGP", "Wireshark")]
    main = [para("EXPERIENCE", "heading")] + [
        bullet(
            f"Sentence number {i} describes configuring routers and switches for business customers "
            f"across the regional network while keeping detailed tickets for every change made."
        )
        for i in range(1, 7)
    ]
    return pdf_bytes(main, sidebar)


def test_sidebar_layout_is_read_one_column_at_a_time():
    document = parse(_sidebar_pdf())
    text = flat(document.text)
    for i in range(1, 7):
        sentence = (
            f"Sentence number {i} describes configuring routers and switches for business customers "
            f"across the regional network while keeping detailed tickets for every change made."
        )
        assert sentence in text
    assert "SKILLS DOCSIS 3.1 GPON OTDR Fiber splicing VLANs BGP Wireshark" in text.replace("• ", "")
    assert document.layout.columns == 2


def test_right_aligned_dates_do_not_make_a_column():
    lines = []
    for i in range(10):
        y = 700 - 14 * i
        if i % 2 == 0:
            lines += [(72, y, b"(Network Technician, Cascade Broadband)"), (470, y, b"(2019 - 2021)")]
        else:
            lines += [(72, y, b"(Configured VLANs and static routes.)")]
    document = parse(raw_pdf([text_stream(*lines)]))
    assert document.text.splitlines()[0] == "Network Technician, Cascade Broadband 2019 - 2021"
    assert document.layout.columns == 1


def test_order_blocks_reads_header_then_left_then_right_column():
    def word(text, x, top, width=40):
        return {"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + 10, "size": 10}

    words = [word("Name", 20, 0)]
    for i in range(6):
        words += [word(f"L{i}", 20, 20 + 12 * i), word(f"R{i}", 300, 20 + 12 * i, width=120 + 37 * (i % 3))]
    words.append(word("Footer", 20, 200, width=540))  # full width: ends the columns
    blocks = order_blocks(group_lines(words), 0, 600)
    assert [[w["text"] for line in block for w in line] for block in blocks] == [
        ["Name", "L0", "L1", "L2", "L3", "L4", "L5"],
        ["R0", "R1", "R2", "R3", "R4", "R5"],
        ["Footer"],
    ]


# --- the real corpus -------------------------------------------------------------------------

# Sentences of the main column of each two-column corpus PDF, as drawn (read from the files).
UNBROKEN = {
    "google-docs_google-docs-skia-proxy-two-column": [
        "Led migration of three core microservices to Kubernetes, cutting p99 latency by 42% and infrastructure cost by 28%.",
        "Owned the cross-service authentication library used by 22 internal teams.",
    ],
    "unknown_weasyprint-cairo-two-column": [
        "Led migration of three core microservices to Kubernetes, cutting p99 latency by 42% and infrastructure cost by 28%.",
    ],
    "unknown_chromium-asymmetric-sidebar": [
        "Backend and platform engineer with a decade building distributed systems that stay reliable under load.",
        "Led a 12-engineer platform team across three regional sites and two time zones.",
    ],
    "unknown_chromium-two-column-sidebar": [
        "Engineering leader with experience managing large cross-functional, cross-site teams to deliver scalable products.",
    ],
    "unknown_two-column-achievements-sidebar": [
        "A seasoned engineering leader with experience managing large cross-functional, cross-site teams to deliver scalable products.",
    ],
    "google-docs_google-docs-skia-proxy-two-column-long-role-header": [
        "Comfortable moving between UI work, code review, and data quality tooling in Python.",
    ],
}


@pytest.mark.parametrize("stem", sorted(UNBROKEN))
def test_corpus_two_column_sentences_are_not_interrupted(corpus, stem):
    text = flat(parse(corpus / "pdf" / f"offlinecv-OfflineCV__{stem}.pdf").text)
    for sentence in UNBROKEN[stem]:
        assert sentence in text


def _truth_files(corpus_dir):
    return sorted((corpus_dir / "truth").glob("*.truth.json")) if corpus_dir.is_dir() else []


def test_corpus_truth_skills_and_titles_appear(corpus):
    truths = _truth_files(corpus)
    assert truths
    for truth_path in truths:
        truth = json.loads(truth_path.read_text())
        stem = truth_path.name.removesuffix(".truth.json")
        document = parse(corpus / "pdf" / f"offlinecv-OfflineCV__{stem}.pdf")
        text = flat(document.text)
        expected = list(truth.get("skills", [])) + [job["title"] for job in truth.get("experience", [])]
        missing = [item for item in expected if flat(item) not in text]
        assert not missing, f"{stem}: {missing}"
        assert document.contact.email == truth["contact"]["email"]


def test_corpus_pdfs_have_no_glyph_junk_or_run_together_words(corpus):
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        text = parse(path).text
        assert "(cid:" not in text, path.name
        assert not re.search("[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]", text), path.name
        assert not re.search("[\ufb00-\ufb06]", text), path.name
        # Words glued together by a lost space: a long lowercase run with an inner capital.
        glued = re.findall(r"\b[a-z]{4,}[A-Z][a-z]{3,}[A-Za-z]*[a-z]{4,}[A-Z][a-z]+", text)
        assert not glued, (path.name, glued[:5])


def test_corpus_latex_resume_words_are_separated(corpus):
    text = parse(corpus / "pdf" / "offlinecv-OfflineCV__latex_awesome-cv-resume.pdf").text
    assert "Seasoned SRE/DevOps leader currently on a career sabbatical" in text
    assert "HOUSE-CHIMNEY" not in text and "LINKEDIN janesmith" not in text  # icon-font names
    deedy = flat(parse(corpus / "pdf" / "offlinecv-OfflineCV__latex_deedy-resume-openfonts.pdf").text)
    assert "52 out of 2500 applicants chosen to be a KPCB Fellow 2014." in deedy


def test_corpus_letter_spaced_name_is_joined(corpus):
    text = parse(corpus / "pdf" / "offlinecv-OfflineCV__word_chanchal-sharma-sample.pdf").text
    assert text.splitlines()[:2] == ["Chanchal", "Sharma"]


def _white_text_pdf(dark_box: bool) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(72, 720, "Pastry chef with ten years in bakeries.")
    if dark_box:
        c.setFillColorRGB(0.1, 0.2, 0.3)
        c.rect(60, 560, 300, 60, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 600, "DOCSIS GPON OTDR CCNA fiber splicing")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 1)
    c.drawString(72, 500, "VLAN BGP OSPF")
    c.save()
    return buffer.getvalue()


def test_white_and_tiny_text_is_hidden_keyword_stuffing():
    document = parse(_white_text_pdf(dark_box=False))
    assert document.text == "Pastry chef with ten years in bakeries."
    assert document.layout.hidden_chars == len("DOCSISGPONOTDRCCNAfibersplicing") + len("VLANBGPOSPF")
    assert any("hidden text" in w for w in document.warnings)


def test_white_text_on_a_dark_sidebar_is_kept():
    document = parse(_white_text_pdf(dark_box=True))
    assert "DOCSIS GPON OTDR CCNA fiber splicing" in document.text
    assert "VLAN" not in document.text  # the 1 pt line is still hidden


def test_fast_path_reads_ordinary_pages_without_pdfplumber(monkeypatch, samples):
    from resumematch.parsers import pdf

    def refuse(page, hidden):
        raise AssertionError("pdfplumber was asked to read a page pdfium can read")

    monkeypatch.setattr(pdf, "_plumber_page", refuse)
    document = parsers.parse(samples / "network-engineer.pdf", pdf_engine="auto")
    assert "Priya Raman" in document.text and document.layout.columns == 2


def test_fast_path_judges_white_text_against_the_fill_beneath_it(monkeypatch):
    from resumematch.parsers import pdf

    def refuse(page, hidden):
        raise AssertionError("pdfplumber was asked to read a page pdfium can read")

    monkeypatch.setattr(pdf, "_plumber_page", refuse)
    document = parsers.parse(_white_text_pdf(dark_box=True), pdf_engine="auto")
    assert "DOCSIS GPON OTDR CCNA fiber splicing" in document.text