"""Write the sample resumes in this folder as PDF and DOCX.

    python samples/generate.py

Needs reportlab (a test-only dependency: ``pip install -e '.[test]'``). Every person is fictional
(see personas.py). Layout variety is deliberate, so each parser path has a real document:
network-engineer.pdf has a sidebar column, technical-support.docx a skills table and a text box,
isp-installer.docx its contact details in the page header and a footer.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.shared import Pt

from docbuild import add_text_box, bullet, gap, para, pdf_bytes
from personas import PERSONAS

HERE = Path(__file__).resolve().parent
TWO_COLUMN_PDF = {"network-engineer"}
TABLE_AND_TEXT_BOX_DOCX = {"technical-support"}
HEADER_CONTACT_DOCX = {"isp-installer"}


def contact_line(p: dict) -> str:
    return " | ".join(x for x in (p["location"], p["phone"], p["email"], p["linkedin"]) if x)


def experience_flowables(p: dict) -> list:
    out = [para("EXPERIENCE", "heading")]
    for title, company, place, dates, bullets in p["experience"]:
        out.append(para(f"{title}, {company} - {place}", "role"))
        out.append(para(dates))
        out.extend(bullet(b) for b in bullets)
    return out


def pdf_for(p: dict) -> bytes:
    header = [para(p["name"], "name"), para(p["title"], "title")]
    summary = [para("SUMMARY", "heading"), para(p["summary"])]
    education = [para("EDUCATION", "heading")] + [para(f"{d}, {s}, {y}") for d, s, y in p["education"]]
    certifications = [para("CERTIFICATIONS", "heading")] + [bullet(c) for c in p["certifications"]] if p["certifications"] else []
    skills = [para("SKILLS", "heading")]
    if p["slug"] in TWO_COLUMN_PDF:
        contact = [para("CONTACT", "heading")] + [para(x) for x in (p["location"], p["phone"], p["email"], p["linkedin"]) if x]
        sidebar = contact + skills + [bullet(s) for s in p["skills"]] + certifications + education
        return pdf_bytes(header + summary + experience_flowables(p), sidebar)
    skills.append(para(", ".join(p["skills"])))
    main = header + [para(contact_line(p), "contact")] + summary + experience_flowables(p) + education + certifications + skills
    if p["slug"] in HEADER_CONTACT_DOCX:
        main += [gap(18), para("References available on request")]
    return pdf_bytes(main + [gap()])


def docx_for(p: dict) -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    if p["slug"] in HEADER_CONTACT_DOCX:
        document.sections[0].header.paragraphs[0].text = f"{p['name']} | {contact_line(p)}"
        document.sections[0].footer.paragraphs[0].text = "References available on request"
    document.add_heading(p["name"], level=0)
    document.add_paragraph(p["title"])
    if p["slug"] not in HEADER_CONTACT_DOCX:
        document.add_paragraph(contact_line(p))
    document.add_heading("Summary", level=1)
    document.add_paragraph(p["summary"])
    document.add_heading("Experience", level=1)
    for title, company, place, dates, bullets in p["experience"]:
        role = document.add_paragraph()
        role.add_run(f"{title}, {company} - {place}").bold = True
        document.add_paragraph(dates)
        for b in bullets:
            document.add_paragraph(b, style="List Bullet")
    document.add_heading("Education", level=1)
    for degree, school, year in p["education"]:
        document.add_paragraph(f"{degree}, {school}, {year}")
    if p["certifications"]:
        heading = document.add_heading("Certifications", level=1)
        if p["slug"] in TABLE_AND_TEXT_BOX_DOCX:
            add_text_box(document.add_paragraph(), p["certifications"])
        else:
            for c in p["certifications"]:
                document.add_paragraph(c, style="List Bullet")
        del heading
    document.add_heading("Skills", level=1)
    if p["slug"] in TABLE_AND_TEXT_BOX_DOCX:
        half = (len(p["skills"]) + 1) // 2
        table = document.add_table(rows=half, cols=2)
        for i, skill in enumerate(p["skills"]):
            table.cell(i % half, i // half).text = skill
    else:
        document.add_paragraph(", ".join(p["skills"]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main(out_dir: Path = HERE) -> list[Path]:
    written = []
    for p in PERSONAS:
        for suffix, render in ((".pdf", pdf_for), (".docx", docx_for)):
            path = out_dir / f"{p['slug']}{suffix}"
            path.write_bytes(render(p))
            written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
