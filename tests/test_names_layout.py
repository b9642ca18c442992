"""The name is the largest text near the top of the page or of its sidebar (issue 30, part 7)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from resumematch import parse

BODY = [
    "Experience", "Field Technician, Canyon Fiber, 2019 - Present",
    "Installed fiber drops and tested optical levels with a light meter for new subscribers.",
    "Education", "Pima Community College, Associate of Applied Science", "Skills", "Fiber splicing, OTDR, Linux",
]


def _pdf(header: list[tuple[str, float, float, float]], sidebar: bool = False) -> bytes:
    """``header``: (text, x, y, size) lines drawn first; then a body column (right of a sidebar
    when ``sidebar``)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    for text, x, y, size in header:
        pdf.setFont("Helvetica-Bold", size)
        pdf.drawString(x, y, text)
    x, y = (230, 700) if sidebar else (50, 560)
    for line in BODY:
        pdf.setFont("Helvetica", 10)
        pdf.drawString(x, y, line)
        y -= 16
    if sidebar:
        pdf.setFont("Helvetica", 10)
        for i, line in enumerate(["Contact", "dana.cole@example.com", "(520) 555-0148", "Tucson, AZ"]):
            pdf.drawString(40, 560 - 16 * i, line)
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    "header, sidebar, name",
    [
        # A sidebar above the body: a photo frame first, then the name, then a job title in capitals.
        ([("NETWORK TECHNICIAN", 40, 740, 11), ("Dana Cole", 40, 620, 22)], True, "Dana Cole"),
        # A two-line name in large capitals.
        ([("DANA", 50, 720, 30), ("COLE", 50, 688, 30), ("Field Technician", 50, 660, 12)], False, "Dana Cole"),
        # A name in lower case, letter-spaced.
        ([("d a n a   c o l e", 50, 720, 24), ("Field Technician", 50, 690, 12)], False, "Dana Cole"),
        # The largest line is a city; the name is the next largest.
        ([("Tucson, Arizona", 50, 730, 26), ("Dana Cole", 50, 700, 18)], False, "Dana Cole"),
    ],
)
def test_name_is_the_largest_text_near_the_top(header, sidebar, name):
    assert parse(_pdf(header, sidebar), name="resume.pdf").contact.name == name


def test_a_large_heading_is_no_name():
    document = parse(_pdf([("Professional Experience", 50, 720, 26), ("Dana Cole", 50, 690, 14)]), name="r.pdf")
    assert document.contact.name == "Dana Cole"
