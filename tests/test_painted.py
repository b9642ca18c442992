"""Visibility from what is painted (issue 22): render modes that paint nothing, clip paths as
shapes, covers by images and strokes, page boxes that do not start at the origin, and contact
details only from visible text. Each trick has its smallest page and a few variants; a property
test mixes them at random and checks that hidden words never raise a score."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from resumematch import load_job, parse
from resumematch.scoring import match

VISIBLE = [
    "Ana Ruiz",
    "Experience",
    "Installed ONTs for residential customers and tested fiber drops.",
    "Skills",
    "Customer service, troubleshooting",
]
STUFFING = "BGP OSPF MPLS CCNP network design ana.ruiz@hidden-mail.net"
ENGINES = ["auto", "pdfplumber"]


def _white_jpeg(width: int = 40, height: int = 10, shade: int = 255):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (shade, shade, shade)).save(buffer, "JPEG")
    buffer.seek(0)
    return ImageReader(buffer)


def hide(page, trick: str, text: str, y: float) -> None:
    """Draw ``text`` at height ``y`` so that a reader cannot see it."""
    if trick in ("mode 7", "mode 3"):
        words = page.beginText(72, y)
        words.setTextRenderMode(7 if trick == "mode 7" else 3)
        words.textLine(text)
        page.drawText(words)
        return
    if trick.startswith("clip"):
        page.saveState()
        path = page.beginPath()
        if trick == "clip: two squares in opposite corners":  # its box is the whole page
            path.rect(0, 0, 20, 20)
            path.rect(592, 772, 20, 20)
        else:  # a triangle whose box covers the line, the triangle itself only the corner
            path.moveTo(20, y - 200)
            path.lineTo(60, y - 200)
            path.lineTo(20, y + 200)
            path.close()
        page.clipPath(path, stroke=0, fill=0)
        page.drawString(72, y, text)
        page.restoreState()
        return
    page.drawString(72, y, text)  # then painted over
    if trick.startswith("image"):
        page.drawImage(_white_jpeg(shade=255 if "white" in trick else 200), 66, y - 6, width=480, height=22)
    elif trick.startswith("stroke"):
        page.saveState()
        page.setStrokeColorRGB(*((1, 1, 1) if "white" in trick else (0.2, 0.2, 0.2)))
        page.setLineWidth(22 if "white" in trick else 16)
        page.line(66, y + 3, 546, y + 3)
        page.restoreState()
    else:
        raise ValueError(trick)


TRICKS = ["mode 7", "clip: two squares in opposite corners", "clip: a triangle beside the line",
          "image: white", "image: grey", "stroke: white and wide", "stroke: dark and wide"]


def resume_pdf(path: Path, hidden: list[tuple[str, str]] = (), *, crop=None, media=(612, 792), rotate=0,
               link: tuple[str, str | None] | None = None) -> Path:
    """A one-page resume; ``hidden`` is (trick, text) pairs drawn below the visible lines;
    ``crop`` a CropBox; ``link`` a hyperlink (target, trick hiding its anchor text or None)."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=media)
    top = (crop[3] if crop else media[1]) - 72
    if crop:
        page.setCropBox(crop)
    if rotate:
        page.setPageRotation(rotate)
    page.setFont("Helvetica", 11)
    for number, line in enumerate(VISIBLE):
        page.drawString(72, top - 18 * number, line)
    for number, (trick, text) in enumerate(hidden):
        hide(page, trick, text, top - 140 - 30 * number)
    if link:
        target, how = link
        y = top - 140 - 30 * len(hidden)
        if how is None:
            page.drawString(72, y, "Email me")
        else:
            hide(page, how, "Email me", y)
        page.linkURL(target, (70, y - 4, 200, y + 12), relative=0)
    page.save()
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, object]:
    path = resume_pdf(tmp_path_factory.mktemp("clean") / "clean.pdf")
    return {engine: parse(path, pdf_engine=engine) for engine in ENGINES}


JOB = "network-engineer"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("trick", TRICKS)
def test_text_that_is_not_painted_is_not_read(tmp_path, trick, engine, clean):
    stuffed = parse(resume_pdf(tmp_path / "stuffed.pdf", [(trick, STUFFING)]), pdf_engine=engine)
    assert "BGP" not in stuffed.text and "Installed ONTs" in stuffed.text
    assert stuffed.contact.email is None
    assert stuffed.layout.hidden_chars >= 40 and any("hidden text" in w for w in stuffed.warnings)
    job = load_job(JOB)
    assert match(stuffed, job).score == match(clean[engine], job).score


@pytest.mark.parametrize("engine", ENGINES)
def test_text_under_a_thin_rule_or_beside_a_clip_stays_visible(tmp_path, engine):
    from reportlab.pdfgen import canvas

    path = tmp_path / "ruled.pdf"
    page = canvas.Canvas(str(path), pagesize=(612, 792))
    page.setFont("Helvetica", 11)
    page.drawString(72, 700, "Configured BGP and OSPF on Cisco routers.")
    page.setLineWidth(1)
    page.line(66, 697, 546, 697)  # an underline: too thin to hide anything
    page.saveState()
    clip = page.beginPath()
    clip.rect(0, 600, 306, 60)  # a clip around the text's half of the page
    clip.rect(306, 0, 306, 20)
    page.clipPath(clip, stroke=0, fill=0)
    page.drawString(72, 630, "Spliced fiber with an OTDR.")
    page.restoreState()
    page.save()
    document = parse(path, pdf_engine=engine)
    assert "Configured BGP and OSPF" in document.text and "Spliced fiber with an OTDR" in document.text
    assert document.layout.hidden_chars == 0


BOXES = {
    "a crop box above the origin": {"crop": (0, 300, 612, 792)},
    "a crop box inset on every side": {"crop": (40, 250, 580, 760)},
    "a media box that starts at 300": {"media": (612, 1092), "crop": (0, 300, 612, 1092)},
    # reportlab swaps the media box of a turned page: given 792 x 612, it writes 612 x 792.
    "an offset crop box on a turned page": {"media": (792, 612), "crop": (0, 300, 612, 792), "rotate": 90},
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("box", BOXES)
def test_a_page_whose_visible_area_does_not_start_at_the_origin_reads_normally(tmp_path, box, engine):
    path = resume_pdf(tmp_path / "boxed.pdf", **BOXES[box])
    document = parse(path, pdf_engine=engine)
    for line in VISIBLE:
        assert line in document.text
    assert document.layout.hidden_chars == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_text_below_an_offset_crop_box_is_hidden_not_the_only_text_read(tmp_path, engine):
    from reportlab.pdfgen import canvas

    path = tmp_path / "below.pdf"
    page = canvas.Canvas(str(path), pagesize=(612, 792))
    page.setCropBox((0, 300, 612, 792))
    page.setFont("Helvetica", 11)
    for number, line in enumerate(VISIBLE):
        page.drawString(72, 700 - 18 * number, line)
    page.drawString(72, 150, STUFFING)  # on the media box, outside the crop: never shown
    page.save()
    document = parse(path, pdf_engine=engine)
    assert "Installed ONTs" in document.text and "BGP" not in document.text
    assert document.layout.hidden_chars >= 40


LINKS = {
    "anchor text in render mode 3": "mode 3",
    "anchor text clipped away": "clip: two squares in opposite corners",
    "anchor text under an image": "image: white",
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("how", LINKS)
def test_a_mailto_link_counts_only_when_its_anchor_text_is_visible(tmp_path, how, engine):
    hidden = parse(resume_pdf(tmp_path / "hidden.pdf", link=("mailto:ana@hidden-mail.net", LINKS[how])), pdf_engine=engine)
    assert hidden.contact.email is None and not any("hidden-mail" in link for link in hidden.links)
    shown = parse(resume_pdf(tmp_path / "shown.pdf", link=("mailto:ana@shown-mail.net", None)), pdf_engine=engine)
    assert shown.contact.email == "ana@shown-mail.net"


def test_a_link_over_no_text_at_all_is_no_contact_detail(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "bare.pdf"
    page = canvas.Canvas(str(path), pagesize=(612, 792))
    page.setFont("Helvetica", 11)
    for number, line in enumerate(VISIBLE):
        page.drawString(72, 700 - 18 * number, line)
    page.linkURL("mailto:ana@nowhere-mail.net", (300, 100, 400, 120), relative=0)
    page.save()
    assert parse(path).contact.email is None


def test_hidden_tricks_in_any_combination_never_raise_the_score(tmp_path, clean):
    """Property: whatever mix of hiding tricks carries whatever skills, the score is the
    visible-only score (a fixed seed and a few cases keep it cheap and repeatable)."""
    generator = random.Random(22)
    keywords = ["BGP", "OSPF", "MPLS", "CCNP", "Python", "Juniper", "DOCSIS", "VoIP", "firewall", "VLAN", "SD-WAN"]
    job = load_job(JOB)
    for case in range(6):
        hidden = [(generator.choice(TRICKS), " ".join(generator.sample(keywords, 4))) for _ in range(generator.randint(1, 3))]
        engine = generator.choice(ENGINES)
        stuffed = parse(resume_pdf(tmp_path / f"mix{case}.pdf", hidden), pdf_engine=engine)
        assert match(stuffed, job).score <= match(clean[engine], job).score, (hidden, engine)
        assert not any(word in stuffed.text for word in ("BGP", "OSPF", "MPLS", "DOCSIS")), (hidden, engine)


def _docx_with_link(path: Path, target: str, how: str | None) -> Path:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    for line in VISIBLE:
        document.add_paragraph(line)
    paragraph = document.add_paragraph("Contact: ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), document.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = paragraph.add_run("Email me")
    if how == "vanish":
        run.font.hidden = True
    elif how == "white":
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    elif how == "tiny":
        run.font.size = Pt(1)
    paragraph._p.remove(run._r)
    link.append(run._r)
    paragraph._p.append(link)
    document.save(path)
    return path


@pytest.mark.parametrize("how", ["vanish", "white", "tiny"])
def test_a_docx_hyperlink_counts_only_when_its_anchor_text_is_visible(tmp_path, how):
    hidden = parse(_docx_with_link(tmp_path / "hidden.docx", "mailto:ana@hidden-mail.net", how))
    assert hidden.contact.email is None and hidden.links == []
    shown = parse(_docx_with_link(tmp_path / "shown.docx", "mailto:ana@shown-mail.net", None))
    assert shown.contact.email == "ana@shown-mail.net"
