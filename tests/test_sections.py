"""Section headings, contact details, and the plain-text and Markdown readers."""

from __future__ import annotations

import pytest

from resumematch import parse
from resumematch.parsers.contact import find_contact
from resumematch.parsers.sections import find_sections, heading_name

RESUME = """Marisol Vega
marisol.vega@example.com | (503) 555-0142 | linkedin.com/in/marisol-vega
PROFESSIONAL SUMMARY
Network technician with six years at a regional ISP.
Work History
Network Technician II, Cascade Broadband
• Configured VLANs and OSPF.
Education & Training
A.A.S. Network Administration
Licenses & Certifications:
CCNA, CompTIA Network+
Core Competencies
TCP/IP, DNS, DHCP
Personal Projects
Home lab with pfSense
Hobbies
Hiking"""


def test_standard_sections_found_by_heading_variants():
    sections = find_sections(RESUME)
    assert [s.name for s in sections] == [
        "contact", "summary", "experience", "education", "certifications", "skills", "projects", "interests",
    ]
    by_name = {s.name: RESUME[s.start : s.end] for s in sections}
    assert by_name["contact"].startswith("Marisol Vega") and by_name["contact"].endswith("marisol-vega")
    assert by_name["experience"] == "Work History\nNetwork Technician II, Cascade Broadband\n• Configured VLANs and OSPF."
    assert by_name["skills"] == "Core Competencies\nTCP/IP, DNS, DHCP"
    assert by_name["interests"] == "Hobbies\nHiking"


@pytest.mark.parametrize(
    "line, name",
    [
        ("EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("— Technical Skills —", "skills"),
        ("SKILLS & ABILITIES", "skills"),
        ("Certifications: CCNA, Network+", "certifications"),
        ("Objective", "summary"),
        ("Employment History", "experience"),
        ("Contact Information", "contact"),
    ],
)
def test_heading_variants(line, name):
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Experience configuring Cisco routers for enterprise customers",  # a sentence, not a heading
        "Languages: Python, Go, C",  # programming languages inside a skills list
        "Skilled technician",
        "",
    ],
)
def test_lines_that_are_not_headings(line):
    assert heading_name(line) is None


def test_document_section_lookup():
    document = parse(RESUME.encode(), name="resume.txt")
    offset = document.text.index("TCP/IP")
    assert document.section_at(offset) == "skills"
    assert document.section_text("certifications") == "Licenses & Certifications:\nCCNA, CompTIA Network+"


@pytest.mark.parametrize(
    "text, email, phone, linkedin",
    [
        ("jo@example.com · (312) 555-0123", "jo@example.com", "(312) 555-0123", None),
        ("+44 20 7946 0958 | https://www.linkedin.com/in/jo-doe/", None, "+44 20 7946 0958", "https://www.linkedin.com/in/jo-doe/"),
        ("Call 503.555.0142", None, "503.555.0142", None),
        ("Dates 2019 - 2021 2022 and GPA 3.83/4.0", None, None, None),
    ],
)
def test_contact_details(text, email, phone, linkedin):
    contact = find_contact(text)
    assert (contact.email, contact.phone, contact.linkedin) == (email, phone, linkedin)


def test_markdown_resume_is_read_as_markdown():
    markdown = (
        "# Tomas Berg\n\n**Technical Support Specialist** | [tomas@example.com](mailto:tomas@example.com)\n\n"
        "## Skills\n\n- DNS and *DHCP* troubleshooting\n- `Wireshark`\n\n"
        "| Tool | Years |\n|---|---|\n| Zendesk | 3 |\n\n"
        "[LinkedIn](https://linkedin.com/in/tomas-berg)\n"
    )
    document = parse(markdown.encode(), name="resume.md")
    assert document.format == "md"
    lines = [line for line in document.text.splitlines() if line]
    assert lines[:2] == ["Tomas Berg", "Technical Support Specialist | tomas@example.com"]
    assert "• DNS and DHCP troubleshooting\n• Wireshark" in document.text
    assert "Zendesk | 3" in document.text
    assert "LinkedIn (https://linkedin.com/in/tomas-berg)" in document.text
    assert document.contact.linkedin == "https://linkedin.com/in/tomas-berg"
    assert [s.name for s in document.sections] == ["contact", "skills"]


def test_markdown_is_detected_from_bytes_not_extension():
    assert parse(b"# Jo Doe\n\n## Experience\n\n**Installer** at Fiber Co", name="resume.txt").format == "md"
    assert parse(b"Jo Doe\nExperience\nInstaller at Fiber Co", name="resume.md").format == "md"
    assert parse(b"Jo Doe\nExperience\nInstaller at Fiber Co", name="resume").format == "txt"


@pytest.mark.parametrize(
    "data",
    ["Técnico de redes – fibra óptica".encode("utf-8"), "\ufeffTécnico de redes".encode("utf-8"), "Técnico de redes".encode("utf-16"), "Técnico de redes".encode("cp1252")],
)
def test_text_encodings(data):
    assert parse(data).text.startswith("Técnico de redes")


def test_docx_saved_as_pdf_still_parses(samples, tmp_path):
    misnamed = tmp_path / "resume.pdf"
    misnamed.write_bytes((samples / "technical-support.docx").read_bytes())
    document = parse(misnamed)
    assert document.format == "docx"
    assert "Zendesk" in document.text


def test_non_english_text_gets_a_warning():
    spanish = ("Técnico de redes con experiencia en instalación de fibra óptica y atención al cliente. " * 6).encode()
    document = parse(spanish)
    assert document.language == "es"
    assert any("written in Spanish" in w for w in document.warnings)
    english = ("Network technician with experience in the installation of fiber for customers. " * 6).encode()
    assert not any("English" in w for w in parse(english).warnings)
