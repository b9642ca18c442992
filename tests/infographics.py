"""Infographic resumes: sidebars of skill bars, rating rows and side columns (issue 30, part 7).

Each function returns the PDF bytes of a one-page resume of the person in tests/layouts.py, set
the way infographic templates (Canva, Novoresume, the LaTeX infographic and AltaCV classes) set
their skills: a label and a bar or a row of dots on one line, a percentage at the sidebar's
edge, a grid of skill tags, centred sidebars, a header band across the page. What makes them
hard to read is that the sidebar's rows are laid on the main column's baseline grid, so a
reader that takes any short line beside a long one for a row label reads each skill into the
middle of a job.

    grid_rating_rows()   dark left sidebar, label + bar + percentage rows on the main grid
    dot_rows_right()     main column left, sidebar right: label and five dots on one row
    centred_sidebar()    right sidebar, every line centred, bars below each label
    tag_grid()           header band, left sidebar with two columns of skill tags and level words
    bars_on_main_grid()  header band; a sidebar of label-and-bar rows beside a main column set
                         without blank lines, each label on a baseline of a wrapped sentence
    dots_beside_list()   header band; a sidebar of label-and-dots rows beside one-line list items
    two_column_list(n)   one column, its Skills a list set in two columns of n rows whose items
                         wrap, then the experience (``LIST_ITEMS``)

Text is drawn in reading order (the sidebar's rows in order, then the main column) so
benchmarks/phrase_integrity.py can take the drawing order as the truth. ``SKILL_PHRASES`` are
the sidebar's skill labels, each of which must come out whole and in the skills section.
"""

from __future__ import annotations

from layouts import (
    BODY, BOLD, CERTIFICATIONS, EDUCATION, EMAIL, ITALIC, JOBS, LINKEDIN, LOCATION, NAME, PAGE_H, PAGE_W, PHONE,
    SUMMARY, TITLE, _Pen,
)

# Labels of three words or more, so that the phrase measure judges each one.
SKILL_PHRASES = [
    "TCP/IP and DNS troubleshooting",
    "VLAN and static routing",
    "Fiber splicing and OTDR",
    "DOCSIS and GPON access",
    "Cisco IOS and MikroTik",
    "SolarWinds network monitoring",
    "Calm customer communication",
]
LEVELS = [0.9, 0.8, 0.85, 0.75, 0.7, 0.65, 0.95]
LANGUAGE_ROWS = [("English", 5), ("Spanish", 4)]

NAVY = (0.12, 0.17, 0.27)
TEAL = (0.05, 0.45, 0.5)
WHITE = (1, 1, 1)
PALE = (0.82, 0.86, 0.92)
INK = (0.12, 0.12, 0.12)
GREY = (0.35, 0.35, 0.35)
TRACK = (0.78, 0.8, 0.84)


def _main_column(pen: _Pen, left: float, right: float, y: float, leading: float = 12, heading=None) -> float:
    """Summary, experience, education and certifications on a baseline grid of ``leading``
    points (every gap a whole number of lines), returning the baseline below."""

    def plain_heading(y, text):
        pen.text(left, y, text.upper(), BOLD, 11, TEAL)
        pen.rule(left, right, y - 4, color=TEAL)
        return y - 2 * leading

    heading = heading or plain_heading
    size = 9.5
    y = heading(y, "Profile")
    y = pen.para(left, y, right - left, SUMMARY, size=size, leading=leading) - leading
    y = heading(y, "Work Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(left, y, title, BOLD, 10.5, INK)
        pen.right(right, y, dates, BODY, 9, GREY)
        y -= leading
        pen.text(left, y, f"{company}, {city}", ITALIC, size, GREY)
        y -= leading
        for item in bullets:
            y = pen.bullet(left, y, right - left, item, size=size, leading=leading)
        y -= leading
    y = heading(y, "Education")
    degree, school, years = EDUCATION
    pen.text(left, y, degree, BOLD, 10, INK)
    y -= leading
    pen.text(left, y, f"{school}, {years}", ITALIC, size, GREY)
    y -= 2 * leading
    y = heading(y, "Certifications")
    for item in CERTIFICATIONS:
        y = pen.bullet(left, y, right - left, item, size=size, leading=leading)
    return y


def _dots(pen: _Pen, x: float, y: float, level: int, fill=TEAL, empty=TRACK, step=11, radius=3.4):
    c = pen.c
    for dot in range(5):
        c.setStrokeColorRGB(*fill)
        c.setFillColorRGB(*(fill if dot < level else empty))
        c.circle(x + dot * step, y + 3, radius, stroke=0, fill=1)


def _bar(pen: _Pen, x: float, y: float, width: float, level: float, track=TRACK, fill=TEAL, height=4):
    pen.fill_rect(x, y, width, height, track)
    pen.fill_rect(x, y, width * level, height, fill)


def grid_rating_rows() -> bytes:
    """A dark left sidebar (32%) whose skill rows (label, bar below, percentage at the sidebar's
    right edge) are spaced two grid lines apart on the main column's 12-point grid, so each
    label shares a baseline with a line of a job."""
    pen = _Pen()
    side_w = 0.32 * PAGE_W
    pen.fill_rect(0, 0, side_w, PAGE_H, NAVY)
    x, width = 22, side_w - 40
    grid = 12
    y = PAGE_H - 60
    pen.text(x, y, NAME, BOLD, 17, WHITE)
    y -= 2 * grid
    pen.text(x, y, TITLE, BODY, 9.5, PALE)
    y -= 3 * grid

    def side_heading(y, text):
        pen.text(x, y, text.upper(), BOLD, 11, WHITE)
        return y - 2 * grid

    y = side_heading(y, "Contact")
    for value in (PHONE, EMAIL, LOCATION, LINKEDIN):
        pen.text(x, y, value, BODY, 8.5, WHITE)
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Skills")
    for skill, level in zip(SKILL_PHRASES, LEVELS):
        pen.text(x, y, skill, BODY, 9, WHITE)
        pen.right(x + width, y, f"{round(level * 100)}%", BOLD, 8, PALE)
        _bar(pen, x, y - 8, width, level, track=(0.3, 0.36, 0.47), fill=(0.35, 0.75, 0.78))
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Languages")
    for language, level in LANGUAGE_ROWS:
        pen.text(x, y, language, BODY, 9, WHITE)
        _dots(pen, x + 80, y, level, fill=(0.35, 0.75, 0.78), empty=(0.3, 0.36, 0.47))
        y -= 2 * grid

    _main_column(pen, side_w + 22, PAGE_W - 30, PAGE_H - 60, leading=grid)
    return pen.done()


def dot_rows_right() -> bytes:
    """Main column left, a sidebar right (30%) drawn second: each skill a label with five dots
    beside it, one row per two grid lines, on the main column's baselines."""
    pen = _Pen()
    grid = 12
    side_x = 0.68 * PAGE_W
    pen.fill_rect(side_x - 12, 0, PAGE_W - side_x + 12, PAGE_H, (0.93, 0.95, 0.97))
    y = PAGE_H - 56
    pen.text(40, y, NAME, BOLD, 22, TEAL)
    y -= 2 * grid
    pen.text(40, y, TITLE, BODY, 11, GREY)
    top = y - 3 * grid
    _main_column(pen, 40, side_x - 30, top, leading=grid)

    x = side_x
    y = top

    def side_heading(y, text):
        pen.text(x, y, text.upper(), BOLD, 10.5, TEAL)
        return y - 2 * grid

    y = side_heading(y, "Skills")
    for skill, level in zip(SKILL_PHRASES, LEVELS):
        pen.text(x, y, skill, BODY, 8.5, INK)
        y -= grid
        _dots(pen, x, y, round(level * 5))
        y -= grid
    y -= grid
    y = side_heading(y, "Contact")
    for value in (PHONE, EMAIL, LOCATION):
        pen.text(x, y, value, BODY, 8.5, INK)
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Languages")
    for language, level in LANGUAGE_ROWS:
        pen.text(x, y, language, BODY, 9, INK)
        _dots(pen, x + 60, y, level)
        y -= 2 * grid
    return pen.done()


def centred_sidebar() -> bytes:
    """Main column left, a sidebar right whose headings and labels are all centred, with a bar
    under each label; the sidebar's rows two grid lines apart on the main column's grid."""
    pen = _Pen()
    grid = 12
    side_x0, side_x1 = 0.66 * PAGE_W, PAGE_W - 24
    middle = (side_x0 + side_x1) / 2
    pen.fill_rect(side_x0 - 10, 0, PAGE_W - side_x0 + 10, PAGE_H, NAVY)
    y = PAGE_H - 56
    pen.text(40, y, NAME, BOLD, 22, NAVY)
    y -= 2 * grid
    pen.text(40, y, TITLE, BODY, 11, GREY)
    top = y - 3 * grid
    _main_column(pen, 40, side_x0 - 30, top, leading=grid)

    y = top
    width = side_x1 - side_x0 - 20

    def side_heading(y, text):
        pen.centre(middle, y, text.upper(), BOLD, 11, WHITE)
        return y - 2 * grid

    y = side_heading(y, "Contact")
    for value in (PHONE, EMAIL, LOCATION):
        pen.centre(middle, y, value, BODY, 8.5, WHITE)
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Skills")
    for skill, level in zip(SKILL_PHRASES, LEVELS):
        pen.centre(middle, y, skill, BODY, 9, WHITE)
        _bar(pen, middle - width / 2, y - 8, width, level, track=(0.3, 0.36, 0.47), fill=(0.35, 0.75, 0.78))
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Languages")
    for language, level in LANGUAGE_ROWS:
        pen.centre(middle, y, f"{language} ({'native' if level == 5 else 'fluent'})", BODY, 9, WHITE)
        y -= 2 * grid
    return pen.done()


def tag_grid() -> bytes:
    """A header band across the page (name, title, contact), then a left sidebar of skill rows
    with a level word at the sidebar's right edge and a bar beneath, and a grid of two-word tool
    tags in two columns; the main column's headings on coloured bands."""
    pen = _Pen()
    grid = 12
    pen.fill_rect(0, PAGE_H - 96, PAGE_W, 96, NAVY)
    pen.text(36, PAGE_H - 50, NAME.upper(), BOLD, 24, WHITE)
    pen.text(36, PAGE_H - 70, TITLE, BODY, 11, PALE)
    for i, (icon, value) in enumerate((("\u260e", PHONE), ("\u2709", EMAIL), ("\u25c6", LOCATION))):
        pen.right(PAGE_W - 36, PAGE_H - 46 - 14 * i, value, BODY, 9, WHITE)
        pen.text(PAGE_W - 190, PAGE_H - 46 - 14 * i, icon, "ZapfDingbats", 9, PALE)

    side_w = 0.33 * PAGE_W
    x, width = 30, side_w - 44
    top = PAGE_H - 126
    y = top

    def side_heading(y, text):
        pen.text(x, y, text.upper(), BOLD, 10.5, TEAL)
        pen.rule(x, x + width, y - 4, color=TEAL)
        return y - 2 * grid

    y = side_heading(y, "Skills")
    words = ("Expert", "Advanced", "Expert", "Advanced", "Proficient", "Proficient", "Expert")
    for skill, level, word in zip(SKILL_PHRASES, LEVELS, words):
        pen.text(x, y, skill, BODY, 8.5, INK)
        y -= grid
        _bar(pen, x, y + 2, width - 52, level)
        pen.right(x + width, y, word, ITALIC, 7.5, GREY)
        y -= grid
    y -= grid
    y = side_heading(y, "Tools")
    tags = ["Wireshark captures", "PuTTY sessions", "ServiceNow tickets", "Visio diagrams",
            "iPerf testing", "Ansible playbooks"]
    half = width / 2 + 2
    for i in range(0, len(tags), 2):
        for j, tag in enumerate(tags[i:i + 2]):
            tx = x + j * half
            pen.c.setFillColorRGB(*PALE)
            pen.c.roundRect(tx - 2, y - 3, half - 6, 13, 3, stroke=0, fill=1)
            pen.text(tx + 2, y, tag, BODY, 7.5, INK)
        y -= 2 * grid
    y -= grid
    y = side_heading(y, "Languages")
    for language, level in LANGUAGE_ROWS:
        pen.text(x, y, language, BODY, 9, INK)
        _dots(pen, x + 70, y, level)
        y -= 2 * grid

    left, right = side_w + 14, PAGE_W - 30

    def band(y, text):
        pen.fill_rect(left, y - 5, right - left, 17, TEAL)
        pen.text(left + 6, y, text.upper(), BOLD, 10.5, WHITE)
        return y - 2 * grid

    _main_column(pen, left, right, top, leading=grid, heading=band)
    return pen.done()


def _header_band(pen: _Pen, height: float = 90) -> None:
    pen.fill_rect(0, PAGE_H - height, PAGE_W, height, NAVY)
    pen.text(36, PAGE_H - 50, NAME.upper(), BOLD, 24, WHITE)
    pen.text(36, PAGE_H - 70, f"{TITLE} | {PHONE} | {EMAIL}", BODY, 10, PALE)


def _rating_sidebar(pen: _Pen, x: float, width: float, y: float, grid: float, dots: bool) -> None:
    """Skills and languages, one row every two grid lines: the label, then its bar (or dots)
    drawn as shapes on the grid line below, so only every other line of the sidebar has text."""
    pen.text(x - 14, y, "\u2605", "ZapfDingbats", 9, TEAL)  # an icon before each heading: a star
    pen.text(x, y, "SKILLS", BOLD, 10.5, TEAL)
    y -= 2 * grid
    for skill, level in zip(SKILL_PHRASES, LEVELS):
        pen.text(x, y, skill, BODY, 8.5, INK)
        if dots:
            _dots(pen, x, y - grid, round(level * 5))
        else:
            _bar(pen, x, y - 9, width, level)
        y -= 2 * grid
    pen.text(x - 14, y, "\u2709", "ZapfDingbats", 9, TEAL)  # an envelope
    pen.text(x, y, "LANGUAGES", BOLD, 10.5, TEAL)
    y -= 2 * grid
    for language, level in LANGUAGE_ROWS:
        pen.text(x, y, language, BODY, 9, INK)
        _dots(pen, x + 60, y, level)
        y -= 2 * grid


def _dense_main(pen: _Pen, left: float, right: float, y: float, grid: float, one_line_items: bool = False) -> None:
    """The main column on the grid without a blank line: headings, titles and bullets follow
    each other at the ordinary line distance."""

    def heading(y, text):
        pen.text(left, y, text.upper(), BOLD, 10.5, TEAL)
        return y - grid

    y = heading(y, "Profile")
    y = pen.para(left, y, right - left, SUMMARY, size=9.5, leading=grid)
    if one_line_items:
        y = heading(y, "Tools and duties")
        for item in ONE_LINE_ITEMS:
            y = pen.bullet(left, y, right - left, item, size=9.5, leading=grid)
    y = heading(y, "Work Experience")
    for title, company, city, dates, bullets in JOBS:
        pen.text(left, y, f"{title}, {company}", BOLD, 9.5, INK)
        pen.right(right, y, dates, BODY, 9, GREY)
        y -= grid
        for item in bullets:
            y = pen.bullet(left, y, right - left, item, size=9.5, leading=grid)
    y = heading(y, "Education")
    degree, school, years = EDUCATION
    pen.text(left, y, f"{degree}, {years}", BODY, 9.5, INK)
    y -= grid
    y = heading(y, "Certifications")
    for item in CERTIFICATIONS:
        y = pen.bullet(left, y, right - left, item, size=9.5, leading=grid)


# Short list items of one line each, so that no sentence wraps beside the sidebar's labels.
ONE_LINE_ITEMS = [
    "Ticket triage in ServiceNow for residential outages",
    "Remote modem resets and provisioning checks",
    "Light meter readings on new fiber drops",
    "Speed tests with iPerf on business circuits",
    "Weekly outage reports for the operations lead",
    "Wi-Fi surveys for small business customers",
    "Router configuration backups before every change",
    "Escalation notes for the network operations center",
    "Ladder and pole safety checks before climbing",
    "Spare parts inventory in the service van",
    "Customer walkthroughs of new gateway features",
    "Call notes that the next shift can pick up",
    "Cable labelling in customer premises",
    "Port checks on the access switches",
    "Signal level checks on coaxial drops",
    "Handover of open tickets at shift change",
    "Follow-up calls after every repair visit",
    "Photo records of every finished install",
    "Safety briefings with new hires on site",
    "Callback scheduling for missed appointments",
    "Firmware updates on customer routers",
    "Loaner equipment tracking for the help desk",
]


def bars_on_main_grid() -> bytes:
    """A header band across the page; below it a left sidebar of skill rows (label, then a bar
    on the grid line below) beside a main column set on the same 12-point grid without a blank
    line, so the labels fall beside wrapped sentences and running lists of the experience."""
    pen = _Pen()
    grid = 12
    _header_band(pen)
    side_w = 0.3 * PAGE_W
    top = PAGE_H - 120
    _rating_sidebar(pen, 30, side_w - 44, top, grid, dots=False)
    _dense_main(pen, side_w + 14, PAGE_W - 30, top, grid)
    return pen.done()


def dots_beside_list() -> bytes:
    """The same band and grid; the sidebar's labels (dots on the line below) stand beside a
    list of one-line items, so no wrapped sentence tells the sidebar from row labels: only the
    list running on beside each label does."""
    pen = _Pen()
    grid = 12
    _header_band(pen)
    side_w = 0.3 * PAGE_W
    top = PAGE_H - 120
    _rating_sidebar(pen, 30, side_w - 44, top, grid, dots=True)
    _dense_main(pen, side_w + 14, PAGE_W - 30, top, grid, one_line_items=True)
    return pen.done()


# Items long enough to wrap in half the page's width.
LIST_ITEMS = [
    "Fiber splicing and OTDR testing on new builds and on repairs of damaged drops",
    "VLAN and static routing for business circuits and for the backup links of schools",
    "DOCSIS and GPON access troubleshooting from the headend to the modem",
    "Cisco IOS and MikroTik edge routers in small business offices",
    "SolarWinds and Zabbix network monitoring with alert rules of my own",
    "Calm customer communication on outage calls and on site visits",
]


def two_column_list(rows: int = 3) -> bytes:
    """A one-column resume whose Skills section is a list set in two columns, ``rows`` rows of
    items side by side, each row starting below the longer item of the row before; the
    Experience heading and a job's title below it stand on the left alone."""
    pen = _Pen()
    left, right = 54, PAGE_W - 54
    y = PAGE_H - 60
    pen.text(left, y, NAME, BOLD, 20)
    y -= 18
    pen.text(left, y, f"{PHONE} | {EMAIL}", BODY, 9.5, GREY)
    y -= 26
    pen.text(left, y, "SUMMARY", BOLD, 11, TEAL)
    y = pen.para(left, y - 16, right - left, SUMMARY) - 10
    pen.text(left, y, "SKILLS", BOLD, 11, TEAL)
    y -= 16
    half = (right - left) / 2
    for row in range(rows):
        ends = [pen.bullet(left + column * half, y, half - 14, item, leading=13)
                for column, item in enumerate(LIST_ITEMS[2 * row : 2 * row + 2])]
        y = min(ends) - 2
    y -= 10
    pen.text(left, y, "EXPERIENCE", BOLD, 11, TEAL)
    y -= 16
    for title, company, city, dates, bullets in JOBS:
        pen.text(left, y, f"{title}, {company}", BOLD, 10)
        y -= 14
        for item in bullets:
            y = pen.bullet(left, y, right - left, item)
        y -= 6
    return pen.done()


INFOGRAPHICS = {
    "grid_rating_rows": grid_rating_rows,
    "dot_rows_right": dot_rows_right,
    "centred_sidebar": centred_sidebar,
    "tag_grid": tag_grid,
    "bars_on_main_grid": bars_on_main_grid,
    "dots_beside_list": dots_beside_list,
}

if __name__ == "__main__":  # write them out to look at: python tests/infographics.py DIR
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, build in INFOGRAPHICS.items():
        (out / f"{name}.pdf").write_bytes(build())
