"""One-page resumes drawn the way popular templates draw them (issue 18, reading order).

Each function returns the PDF bytes of a realistic resume of the same fictional person (an ISP
network support technician) in one layout pattern met in public templates:

    infographic()       dark left sidebar with icons, skill bars and language dots; a timeline
    right_sidebar()     main column left, narrower sidebar right, lines at nearly the same y
    classic()           one column, ruled headings, right-aligned dates and cities
    rows()              each section a row: heading in a narrow left column, content beside it
    two_column_lines()  two equal columns whose lines share their baselines exactly

Text is drawn in reading order, column by column, as Word, Chrome and TeX write their content
streams: benchmarks/phrase_integrity.py takes the drawing order as the truth.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = LETTER

NAME = "Marcus Delgado"
TITLE = "Network Support Technician"
LOCATION = "Tucson, AZ 85719"
PHONE = "(520) 555-0148"
EMAIL = "marcus.delgado@example.com"
LINKEDIN = "linkedin.com/in/marcusdelgado"

SUMMARY = (
    "Network support technician with seven years of experience keeping broadband subscribers online, "
    "from fiber installs in the field to remote troubleshooting on the help desk. Calm on the phone, "
    "careful with documentation and comfortable working on live networks."
)

# (title, company, city, dates, bullets)
JOBS = [
    (
        "Network Support Technician", "Desert Sky Broadband", "Tucson, AZ", "Mar 2021 - Present",
        [
            "Diagnose and resolve connectivity faults for more than 40 residential and business "
            "subscribers a day across DOCSIS 3.1 and GPON access networks.",
            "Configure Cisco and MikroTik edge routers, VLANs and static routes for small business "
            "circuits, and document every change in the ticketing system.",
            "Reduced repeat truck rolls by 22 percent by writing a remote troubleshooting checklist "
            "that the help desk now follows on every outage call.",
        ],
    ),
    (
        "Field Service Technician", "Copperline Communications", "Mesa, AZ", "Jun 2018 - Feb 2021",
        [
            "Installed and activated fiber to the home service, including ONT mounting, drop "
            "splicing and optical power testing with a light meter.",
            "Replaced failed customer premises equipment and walked customers through their Wi-Fi "
            "setup, keeping first visit resolution above 90 percent.",
            "Trained four new technicians on ladder safety and meter readings during their first month.",
        ],
    ),
    (
        "Help Desk Analyst", "Pima Community College", "Tucson, AZ", "Aug 2016 - May 2018",
        [
            "Answered student and staff calls about network access, password resets and printers, "
            "and closed most tickets on first contact.",
            "Imaged and deployed classroom laptops and kept the hardware inventory up to date.",
        ],
    ),
]

# A bullet the tests look for whole in the parsed text: wrapped over two or three lines in every layout.
KEY_BULLET = JOBS[0][4][1]

EDUCATION = ("Associate of Applied Science in Network Technology", "Pima Community College, Tucson, AZ", "2016 - 2018")
CERTIFICATIONS = [
    "CompTIA Network+ (2019)",
    "Cisco Certified Network Associate (2022)",
    "Fiber Optic Association CFOT (2018)",
    "OSHA 10-Hour Construction Safety",
]
SKILLS = [
    ("TCP/IP, DHCP and DNS", 0.9),
    ("VLANs and static routing", 0.8),
    ("Fiber splicing and OTDR", 0.85),
    ("DOCSIS and GPON access", 0.75),
    ("Cisco IOS and MikroTik", 0.7),
    ("SolarWinds monitoring", 0.65),
    ("Customer communication", 0.95),
]
LANGUAGES = [("English", 5), ("Spanish", 4)]

BODY, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


class _Pen:
    """A reportlab canvas with a cursor: wrapped paragraphs and bullets with a hanging indent."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=LETTER, invariant=1)
        self.c.setTitle(f"{NAME} - Resume")
        self.c.setAuthor(NAME)

    def text(self, x, y, text, font=BODY, size=10, color=(0.1, 0.1, 0.1)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawString(x, y, text)

    def right(self, x, y, text, font=BODY, size=10, color=(0.1, 0.1, 0.1)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawRightString(x, y, text)

    def centre(self, x, y, text, font=BODY, size=10, color=(0.1, 0.1, 0.1)):
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        self.c.drawCentredString(x, y, text)

    def para(self, x, y, width, text, font=BODY, size=10, leading=13, color=(0.1, 0.1, 0.1)):
        """A paragraph wrapped to ``width``; returns the baseline below its last line."""
        for line in simpleSplit(text, font, size, width):
            self.text(x, y, line, font, size, color)
            y -= leading
        return y

    def bullet(self, x, y, width, text, size=10, leading=13, color=(0.1, 0.1, 0.1), mark="\u2022", indent=11):
        """A bullet with a hanging indent, drawn as Word draws one: the mark, then each line."""
        lines = simpleSplit(text, BODY, size, width - indent)
        self.text(x + 1, y, mark, BODY, size, color)
        for line in lines:
            self.text(x + indent, y, line, BODY, size, color)
            y -= leading
        return y

    def rule(self, x0, x1, y, color=(0.55, 0.55, 0.55), width=0.7):
        self.c.setStrokeColorRGB(*color)
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)

    def fill_rect(self, x, y, w, h, color):
        self.c.setFillColorRGB(*color)
        self.c.rect(x, y, w, h, stroke=0, fill=1)

    def done(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buffer.getvalue()


# --- 1. infographic ---------------------------------------------------------------------------------

NAVY = (0.12, 0.17, 0.27)
TEAL = (0.05, 0.45, 0.5)
WHITE = (1, 1, 1)
PALE = (0.82, 0.86, 0.92)


def infographic() -> bytes:
    """A Canva-style CV: a dark sidebar (30%) with icons, skill bars and language dots; on the
    right, headings on a coloured band and a timeline of dates, a rule with circles, and jobs."""
    pen = _Pen()
    c = pen.c
    side_w = 0.3 * PAGE_W
    pen.fill_rect(0, 0, side_w, PAGE_H, NAVY)

    # Sidebar, drawn first (the template's first text frame).
    x, width = 24, side_w - 44
    y = PAGE_H - 60
    for part in NAME.split():
        pen.text(x, y, part.upper(), BOLD, 20, WHITE)
        y -= 24
    pen.text(x, y, TITLE, BODY, 10, PALE)
    y -= 36

    def side_heading(y, text):
        pen.text(x, y, text.upper(), BOLD, 11, WHITE)
        pen.rule(x, x + width, y - 5, color=PALE, width=0.6)
        return y - 22

    y = side_heading(y, "Contact")
    for icon, value in (("\u260e", PHONE), ("\u2709", EMAIL), ("\u25c6", LOCATION), ("\u261b", LINKEDIN)):
        pen.text(x, y, icon, "ZapfDingbats", 9, PALE)  # a telephone, an envelope, a diamond, a hand
        pen.text(x + 15, y, value, BODY, 8.5, WHITE)
        y -= 16
    y -= 18

    y = side_heading(y, "Skills")
    for skill, level in SKILLS:
        pen.text(x, y, skill, BODY, 9, WHITE)
        y -= 7
        pen.fill_rect(x, y - 4, width, 4, (0.3, 0.36, 0.47))
        pen.fill_rect(x, y - 4, width * level, 4, (0.35, 0.75, 0.78))
        y -= 17
    y -= 12

    y = side_heading(y, "Languages")
    for language, level in LANGUAGES:
        pen.text(x, y, language, BODY, 9, WHITE)
        for dot in range(5):
            c.setStrokeColorRGB(*PALE)
            c.setFillColorRGB(*((0.35, 0.75, 0.78) if dot < level else NAVY))
            c.circle(x + 82 + dot * 12, y + 3, 3.6, stroke=1, fill=1)
        y -= 17

    # Main column.
    left = side_w + 24
    right = PAGE_W - 30
    y = PAGE_H - 50

    def band(y, text):
        pen.fill_rect(left, y - 6, right - left, 20, TEAL)
        pen.text(left + 8, y, text.upper(), BOLD, 11.5, WHITE)
        return y - 24

    y = band(y, "Profile")
    y = pen.para(left, y, right - left, SUMMARY, size=9.5, leading=12.5) - 12

    y = band(y, "Work Experience")
    date_w = 66  # the timeline's narrow date column
    rail = left + date_w + 6
    body_x = rail + 14
    top_of_rail = y + 8
    for title, company, city, dates, bullets in JOBS:
        start, end = dates.split(" - ")
        pen.text(left, y, start, BOLD, 8.5, TEAL)  # dates first, as the table's first cell
        pen.text(left, y - 11, f"- {end}", BODY, 8.5, TEAL)
        c.setFillColorRGB(*WHITE)
        c.setStrokeColorRGB(*TEAL)
        c.setLineWidth(1.5)
        c.circle(rail, y + 3, 4, stroke=1, fill=1)
        pen.text(body_x, y, title, BOLD, 10.5)
        y -= 13
        pen.text(body_x, y, f"{company}, {city}", ITALIC, 9, (0.35, 0.35, 0.35))
        y -= 14
        for item in bullets:
            y = pen.bullet(body_x, y, right - body_x, item, size=9, leading=11.5)
        y -= 10
    c.setStrokeColorRGB(*TEAL)
    c.setLineWidth(1)
    c.line(rail, top_of_rail - 8, rail, y + 12)

    y = band(y, "Education")
    degree, school, years = EDUCATION
    pen.text(left, y, years, BOLD, 8.5, TEAL)
    pen.text(body_x, y, degree, BOLD, 10)
    y -= 13
    pen.text(body_x, y, school, ITALIC, 9, (0.35, 0.35, 0.35))
    y -= 24

    y = band(y, "Certifications")
    for item in CERTIFICATIONS:
        y = pen.bullet(left, y, right - left, item, size=9.5, leading=12.5)
    return pen.done()


# --- 2. right sidebar -------------------------------------------------------------------------------


def right_sidebar() -> bytes:
    """Main column left (~65%), a sidebar right with Skills, Certifications and Contact. Both
    columns set on the same 13-point grid (headings, lines and gaps alike) and the sidebar half a
    point higher, so their lines sit at nearly the same heights all the way down, as in a Word
    table of two cells: what makes a reader that joins lines by height interleave them."""
    pen = _Pen()
    margin = 40
    main_w = 0.65 * (PAGE_W - 2 * margin) - 12
    side_x = margin + main_w + 24
    side_w = PAGE_W - margin - side_x
    leading = 13
    ink = (0.12, 0.12, 0.12)
    accent = (0.16, 0.3, 0.55)

    y = PAGE_H - 56
    pen.text(margin, y, NAME, BOLD, 24, accent)
    y -= 22
    pen.text(margin, y, TITLE, BODY, 12, (0.3, 0.3, 0.3))
    top = y - 30

    def heading(x, y, text):
        pen.text(x, y, text.upper(), BOLD, 10, accent)
        return y - leading  # one grid line

    # Main column, drawn first.
    y = heading(margin, top, "Summary")
    y = pen.para(margin, y, main_w, SUMMARY, leading=leading, color=ink) - leading
    y = heading(margin, y, "Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(margin, y, f"{title}, {company}", BOLD, 10, ink)
        y -= leading
        pen.text(margin, y, f"{city} | {dates}", ITALIC, 10, (0.35, 0.35, 0.35))
        y -= leading
        for item in bullets:
            y = pen.bullet(margin, y, main_w, item, leading=leading, color=ink)
    y = heading(margin, y - leading, "Education")
    degree, school, years = EDUCATION
    pen.text(margin, y, degree, BOLD, 10, ink)
    y -= leading
    pen.text(margin, y, f"{school} | {years}", BODY, 10, ink)

    # Sidebar, drawn second (the table's second cell), half a point higher.
    y = top + 0.5
    y = heading(side_x, y, "Skills")
    for skill, _ in SKILLS + [("Ticketing in ServiceNow", 0), ("Ladder and pole safety", 0)]:
        y = pen.bullet(side_x, y, side_w, skill, leading=leading, color=ink)
    y = heading(side_x, y - leading, "Certifications")
    for item in CERTIFICATIONS:
        y = pen.bullet(side_x, y, side_w, item, leading=leading, color=ink)
    y = heading(side_x, y - leading, "Contact")
    for value in (PHONE, EMAIL, LOCATION, LINKEDIN):
        pen.text(side_x, y, value, BODY, 9.5, ink)
        y -= leading
    y = heading(side_x, y - leading, "Languages")
    for language, level in LANGUAGES:
        pen.text(side_x, y, f"{language} ({'native' if level == 5 else 'professional working'})", BODY, 10, ink)
        y -= leading
    y = heading(side_x, y - leading, "Interests")
    pen.para(side_x, y, side_w, "Home lab networking, amateur radio, volunteering at the public library's "
             "computer help hour and trail running in the Sonoran desert.", leading=leading, color=ink)
    return pen.done()


# --- 3. classic -------------------------------------------------------------------------------------


def classic() -> bytes:
    """One column: centred name and contact line, headings ruled beneath, the job title left and
    its dates right-aligned on one line, the company left and its city right-aligned below."""
    pen = _Pen()
    margin = 54
    right = PAGE_W - margin
    width = right - margin
    y = PAGE_H - 58
    pen.centre(PAGE_W / 2, y, NAME.upper(), "Times-Bold", 20)
    y -= 18
    pen.centre(PAGE_W / 2, y, f"{LOCATION}  |  {PHONE}  |  {EMAIL}  |  {LINKEDIN}", "Times-Roman", 9.5)
    y -= 26

    def heading(y, text):
        pen.text(margin, y, text.upper(), "Times-Bold", 11.5)
        pen.rule(margin, right, y - 4, color=(0.2, 0.2, 0.2), width=0.8)
        return y - 17

    y = heading(y, "Professional Summary")
    y = pen.para(margin, y, width, SUMMARY, font="Times-Roman", size=10.5, leading=13) - 10

    y = heading(y, "Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(margin, y, title, "Times-Bold", 10.5)
        pen.right(right, y, dates, "Times-Roman", 10.5)
        y -= 13
        pen.text(margin, y, company, "Times-Italic", 10.5)
        pen.right(right, y, city, "Times-Italic", 10.5)
        y -= 14
        for item in bullets:
            lines = simpleSplit(item, "Times-Roman", 10.5, width - 26)
            pen.text(margin + 8, y, "\u2022", "Times-Roman", 10.5)
            for line in lines:
                pen.text(margin + 20, y, line, "Times-Roman", 10.5)
                y -= 13
        y -= 7

    y = heading(y - 3, "Education")
    degree, school, years = EDUCATION
    pen.text(margin, y, degree, "Times-Bold", 10.5)
    pen.right(right, y, years, "Times-Roman", 10.5)
    y -= 13
    pen.text(margin, y, school, "Times-Italic", 10.5)
    y -= 23

    y = heading(y, "Certifications")
    y = pen.para(margin, y, width, "; ".join(CERTIFICATIONS) + ".", font="Times-Roman", size=10.5) - 10

    y = heading(y, "Technical Skills")
    pen.para(margin, y, width, ", ".join(s for s, _ in SKILLS) + ", ServiceNow ticketing, ladder and pole safety.",
             font="Times-Roman", size=10.5)
    return pen.done()


# --- 4. rows ----------------------------------------------------------------------------------------


def rows() -> bytes:
    """Each section a row of a borderless table: the heading in a narrow left column on the
    baseline of the first line of its content, the content wrapping in a wide right column, the
    dates right-aligned in the content column."""
    pen = _Pen()
    margin = 48
    head_w = 112
    x = margin + head_w
    right = PAGE_W - margin
    width = right - x
    accent = (0.55, 0.15, 0.2)
    leading = 13

    y = PAGE_H - 60
    pen.text(margin, y, NAME, BOLD, 22)
    pen.right(right, y + 8, PHONE, BODY, 9.5)
    pen.right(right, y - 4, EMAIL, BODY, 9.5)
    y -= 18
    pen.text(margin, y, TITLE, BODY, 12, accent)
    pen.right(right, y, LINKEDIN, BODY, 9.5)
    y -= 14
    pen.rule(margin, right, y, color=accent, width=1.2)
    y -= 24

    def row_heading(y, text):
        pen.text(margin, y, text, BOLD, 11, accent)  # the row's first cell

    row_heading(y, "Profile")
    y = pen.para(x, y, width, SUMMARY, leading=leading) - 14

    row_heading(y, "Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(x, y, title, BOLD, 10.5)
        pen.right(right, y, dates, BODY, 9.5, (0.35, 0.35, 0.35))
        y -= leading
        pen.text(x, y, f"{company}, {city}", ITALIC, 10)
        y -= leading + 1
        for item in bullets:
            y = pen.bullet(x, y, width, item, leading=leading)
        y -= 7
    y -= 7

    row_heading(y, "Education")
    degree, school, years = EDUCATION
    pen.text(x, y, degree, BOLD, 10.5)
    pen.right(right, y, years, BODY, 9.5, (0.35, 0.35, 0.35))
    y -= leading
    pen.text(x, y, school, ITALIC, 10)
    y -= leading + 14

    row_heading(y, "Skills")
    y = pen.para(x, y, width, "Troubleshooting of " + ", ".join(s for s, _ in SKILLS[:5])
                 + " networks; " + ", ".join(s for s, _ in SKILLS[5:]) + "; ServiceNow ticketing.",
                 leading=leading) - 14

    row_heading(y, "Certifications")
    y = pen.para(x, y, width, "; ".join(CERTIFICATIONS) + ".", leading=leading) - 14

    row_heading(y, "Languages")
    pen.para(x, y, width, "English (native) and Spanish (professional working proficiency).", leading=leading)
    return pen.done()


# --- 5. two columns sharing baselines ---------------------------------------------------------------


def two_column_lines() -> bytes:
    """Two equal columns on one line grid, like a newspaper: every line of the left column shares
    its baseline with a line of the right column. Both columns hold wrapped sentences."""
    pen = _Pen()
    margin = 44
    gutter = 22
    col_w = (PAGE_W - 2 * margin - gutter) / 2
    columns = (margin, margin + col_w + gutter)
    leading = 13
    size = 9.5

    y = PAGE_H - 56
    pen.text(margin, y, NAME, BOLD, 22)
    y -= 18
    pen.text(margin, y, f"{TITLE}  |  {PHONE}  |  {EMAIL}  |  {LOCATION}", BODY, 9.5, (0.3, 0.3, 0.3))
    y -= 10
    pen.rule(margin, PAGE_W - margin, y)
    top = y - 22

    def heading(x, y, text):
        pen.text(x, y, text.upper(), BOLD, size)
        return y - leading  # one grid line

    def bullet(x, y, text):
        return pen.bullet(x, y, col_w, text, size=size, leading=leading)

    # Left column: summary and experience.
    x, y = columns[0], top
    y = heading(x, y, "Summary")
    y = pen.para(x, y, col_w, SUMMARY, size=size, leading=leading) - leading
    y = heading(x, y, "Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(x, y, title, BOLD, size)
        y -= leading
        pen.text(x, y, f"{company}, {dates}", ITALIC, size)
        y -= leading
        for item in bullets:
            y = bullet(x, y, item)
        y -= leading

    # Right column on the same grid.
    x, y = columns[1], top
    y = heading(x, y, "Education")
    degree, school, years = EDUCATION
    y = pen.para(x, y, col_w, f"{degree}, {school}, {years}. Coursework in routing, switching and "
                 "structured cabling, with a capstone project that rebuilt the campus lab network.",
                 size=size, leading=leading) - leading
    y = heading(x, y, "Skills")
    y = pen.para(x, y, col_w, "Troubleshooting TCP/IP, DHCP and DNS on residential and business circuits; "
                 "VLANs and static routing on Cisco IOS and MikroTik RouterOS; fiber splicing, OTDR traces "
                 "and optical power testing; SolarWinds node monitoring and ServiceNow ticketing.",
                 size=size, leading=leading) - leading
    y = heading(x, y, "Certifications")
    for item in CERTIFICATIONS:
        y = bullet(x, y, item)
    y -= leading
    y = heading(x, y, "Projects")
    for item in (
        "Built a home lab with two MikroTik routers and a managed switch to rehearse VLAN and OSPF "
        "changes before making them on customer circuits.",
        "Wrote a short guide in English and Spanish that helps subscribers reboot and check their "
        "gateway before calling support.",
    ):
        y = bullet(x, y, item)
    y -= leading
    y = heading(x, y, "Languages")
    pen.para(x, y, col_w, "English is my first language, and I speak Spanish with customers every day.",
             size=size, leading=leading)
    return pen.done()


LAYOUTS = {
    "infographic": infographic,
    "right_sidebar": right_sidebar,
    "classic": classic,
    "rows": rows,
    "two_column_lines": two_column_lines,
}

if __name__ == "__main__":  # write them out to look at: python tests/layouts.py DIR
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, build in LAYOUTS.items():
        (out / f"{name}.pdf").write_bytes(build())
