"""A resume's plain text written back out as a file a job seeker can send: DOCX and plain text.

Used by the web page's editor: the text a person edited becomes an ATS-safe document, one
column, no tables, text boxes, headers or footers, nothing an ATS could skip. The name line and
the contact line come first as plain paragraphs, section headings are Word headings, bullet
lines are Word list bullets. Read back by ``parse``, the DOCX gives the same text (bullets come
back as "• ") and so the same score as the text it was made from.

This writes documents; reading them stays in ``parsers/docx.py``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..lang import heading_key
from ..parsers.sections import heading_name

# A bullet as people type or paste one: a mark, then a space.
_BULLET = re.compile(r"^\s*(?:[•·●▪◦‣*\-–]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Line:
    kind: str  # "name" | "contact" | "heading" | "bullet" | "text" | "blank"
    text: str


def resume_lines(text: str) -> list[Line]:
    """Each line of a resume's text and what it is: the first line is the name, the lines before
    the first heading the contact block; a heading is a whole line naming a standard section."""
    lines: list[Line] = []
    seen_heading = named = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            lines.append(Line("blank", ""))
        elif _is_heading(line):
            seen_heading = True
            lines.append(Line("heading", line))
        elif _BULLET.match(line):
            lines.append(Line("bullet", _BULLET.sub("", line, count=1)))
        elif not seen_heading:
            lines.append(Line("contact" if named else "name", line))
            named = True
        else:
            lines.append(Line("text", line))
    while lines and lines[-1].kind == "blank":
        lines.pop()
    return lines


def _is_heading(line: str) -> bool:
    # A whole-line heading only: "Skills: Cisco IOS, Juniper" is a line of content.
    return heading_name(line) is not None and ":" not in line.rstrip(":") and len(heading_key(line)) > 0


def resume_docx(text: str, *, title: str = "Resume") -> bytes:
    """The resume as a single-column DOCX."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = ""
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    heading = document.styles["Heading 1"]
    heading.font.size = Pt(13)
    heading.font.color.rgb = RGBColor(0x1D, 0x23, 0x2B)
    if "List Bullet" not in [s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
        raise RuntimeError("python-docx's default template has no List Bullet style")
    # Styles set by id: python-docx looks a style given by name or object up among the template's
    # 160 styles for every paragraph, which made a long export take minutes (web/app.py).
    style_ids = {"heading": heading.style_id, "bullet": document.styles["List Bullet"].style_id}
    for line in resume_lines(text):
        if line.kind == "name":
            run = document.add_paragraph().add_run(line.text)
            run.bold = True
            run.font.size = Pt(16)
        else:
            paragraph = document.add_paragraph(line.text)
            if line.kind in style_ids:
                paragraph._p.style = style_ids[line.kind]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resume_text(text: str) -> str:
    """The resume as plain text: the same lines, bullets as "• ", one newline at the end."""
    out = []
    for line in resume_lines(text):
        out.append("• " + line.text if line.kind == "bullet" else line.text)
    return "\n".join(out) + "\n"
