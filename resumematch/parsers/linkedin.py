"""LinkedIn "Save to PDF" exports, read as their layout means.

The export is one layout in every interface language: a sidebar (Contact, Top Skills,
Languages, Certifications, Honors-Awards, Publications, Patents) read first, then the main
column (the name in large type, the headline, the location, Summary, Experience, Education).
Only its headings change with the language, and those come from ``resumematch/lang``.

What this module does with the text the PDF reader made of it:

- recognises it: its first line is LinkedIn's Contact heading and it links a LinkedIn profile;
- joins the emails and URLs the narrow sidebar wrapped ("...@gm" / "ail.com"), checked against
  the PDF's own link annotations where it has them;
- drops the "Page 1 of 2" footers that cut a job in two;
- says where the main column's header starts (so the name and headline are contact details,
  not the last line of Certifications), and reads the profile's fields (:func:`read_profile`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lang
from ..types import Section
from .sections import linkedin_heading

# "Page 1 of 2", "Página 1 de 2", "Seite 1 von 2": a word, a number, a word, a number.
_FOOTER = re.compile(r"^[^\W\d_]+\s+\d{1,3}\s+[^\W\d_]+\s+\d{1,3}$")
# A link's label in the sidebar: "www.linkedin.com/in/jane-doe (LinkedIn)".
_LABEL = re.compile(r"\s*\(([^()]{2,30})\)\s*$")
# "March 2021 - Present (3 years 9 months)", "2019 - 2021", "marzo de 2021 - actualidad (3 años)".
# A place may follow on the same line, where a PDF reader joined the two grey lines.
_DATES = re.compile(
    r"^(?P<dates>(?=[^()]*\b(?:19|20)\d\d\b)[^()]{0,40}?\S\s*[-–]\s*[^()]{1,40}?)"
    r"\s*(?:\((?P<duration>[^()]{1,40})\)\s*(?P<place>.*))?$"
)
_DURATION = re.compile(r"^\(?\d{1,2}\s+[^\W\d_]+(?:\s+\d{1,2}\s+[^\W\d_]+)?\)?$")  # "6 years 2 months", "3 anos"
_DETAIL = re.compile(r"@|^(?:https?://|www\.)|\.[a-z]{2,6}/|linkedin\.com", re.I)


def is_export(text: str, links: Sequence[str] = ()) -> bool:
    """Its first line is LinkedIn's Contact heading (in any interface language), its profile
    link carries LinkedIn's label ("www.linkedin.com/in/jane-doe (LinkedIn)") and the main
    column has one of LinkedIn's headings. A resume that merely starts with "Contact" and
    links a profile is no export: its own headings are read as usual."""
    first = next((line for line in text.split("\n", 20)[:20] if line.strip()), "")
    if linkedin_heading(first) != "contact" or "(linkedin)" not in text[:4000].lower():
        return False
    lines = text.split("\n")
    return any(linkedin_heading(line) in ("summary", "experience", "education") for line in lines)


def tidy(text: str, links: Sequence[str] = ()) -> str:
    """The export's text with wrapped contact details joined and page footers dropped."""
    lines = [line for line in text.split("\n") if not _FOOTER.match(line.strip())]
    out: list[str] = []
    in_contact = True
    targets = [_bare(link) for link in links]
    for line in lines:
        name = linkedin_heading(line)
        if name:
            in_contact = name == "contact"
        if in_contact and out and not name and _continues(out[-1], line, targets):
            out[-1] = out[-1].rstrip() + line.strip()
            continue
        out.append(line)
    return "\n".join(out)


def _bare(link: str) -> str:
    link = re.sub(r"^(?:https?://|mailto:)", "", link.strip(), flags=re.I)
    return link.split("?", 1)[0].rstrip("/").lower()


def _continues(previous: str, line: str, targets: list[str]) -> bool:
    """``line`` is the rest of an email or URL that the sidebar's edge cut in ``previous``."""
    previous, line = previous.strip(), line.strip()
    if not previous or not line or not _DETAIL.search(previous) or _LABEL.search(previous) or " " in previous:
        return False
    rest = _LABEL.sub("", line)
    if " " in rest or not rest or rest.startswith(("www.", "http")) or ("@" in rest and "@" in previous):
        return False
    joined = _bare(previous + rest)
    if any(target.startswith(joined) for target in targets if target):
        return True  # the PDF's own link holds the whole address
    if targets and any(target.startswith(_bare(previous)) and target != _bare(previous) for target in targets):
        return False  # a link starts as this line does, but goes on differently
    return True


def header_offset(text: str) -> int | None:
    """Where the main column's header (name, headline, location) starts: the first line of the
    block in which the first of Summary, Experience or Education stands."""
    offset = 0
    block_start = 0
    for line in text.split("\n"):
        if not line.strip():
            block_start = offset + len(line) + 1
        elif linkedin_heading(line) in ("summary", "experience", "education"):
            return block_start if 0 < block_start < offset else None
        offset += len(line) + 1
    return None


def read_profile(text: str, sections: list[Section]) -> dict:
    """The export's fields: name, headline, location, the sidebar's lists, each position
    (company, title, dates, duration, place) and each school."""
    def lines_of(name: str) -> list[str]:
        out = []
        for section in sections:
            if section.name == name and (name != "contact" or not section.heading):
                body = text[section.start : section.end].split("\n")
                out += [l.strip() for l in (body[1:] if section.heading else body) if l.strip()]
        return out

    headers = [s for s in sections if s.name == "contact" and not s.heading]
    head = [l.strip() for l in text[headers[-1].start : headers[-1].end].split("\n") if l.strip()] if headers else []
    return {
        "name": head[0] if head else None,
        # A headline may wrap; the location is the header's last line.
        "headline": " ".join(head[1:-1]) if len(head) > 2 else (head[1] if len(head) > 1 else None),
        "location": head[-1] if len(head) > 2 else None,
        "top_skills": lines_of("skills"),
        "languages": lines_of("languages"),
        "certifications": lines_of("certifications"),
        "positions": _positions(lines_of("experience")),
        "education": _schools(lines_of("education")),
    }


def profile_name(profile: dict) -> str | None:
    """The main column's first line, the name in the export's largest type, when it reads as a
    name (a few words of letters, no address or number)."""
    name = (profile.get("name") or "").strip()
    words = name.split()
    if not 1 < len(words) <= 6 or any(c.isdigit() or c in "@/|:" for c in name):
        return None
    return name


def _positions(lines: list[str]) -> list[dict]:
    positions: list[dict] = []
    for i, line in enumerate(lines):
        match = _DATES.match(line)
        if not match or i < 1 or _DURATION.match(line):
            continue
        title = lines[i - 1]
        if i >= 2 and _DURATION.match(lines[i - 2]):
            company = lines[i - 3] if i >= 3 else ""  # a company with several roles: its total time
        elif positions and (positions[-1]["_end"] >= i - 2 or _sentence(lines[i - 2])):
            company = positions[-1]["company"]  # the next role at the same company, after the last one's text
        else:
            company = lines[i - 2] if i >= 2 else ""
        place = (match.group("place") or "").strip() or None
        if place is None and i + 1 < len(lines) and _looks_like_place(lines[i + 1]) and not (i + 2 < len(lines) and _DATES.match(lines[i + 2])):
            place = lines[i + 1]
        positions.append({
            "company": company, "title": title, "dates": match.group("dates").strip(),
            "duration": match.group("duration"), "location": place,
            "_end": i + (1 if place and not match.group("place") else 0),
        })
    for position in positions:
        del position["_end"]
    return positions


def _sentence(line: str) -> bool:
    """A line of a job's description, not a company's name."""
    words = len(line.split())
    # "Leipziger Tafel e.V.", "Acme Inc.": a short name may end with a full stop too.
    return words > 10 or (line.endswith((".", ":", ";", "!")) and words > 3)


def _looks_like_place(line: str) -> bool:
    return len(line.split()) <= 6 and not line.endswith((".", ":", ";")) and not any(c.isdigit() for c in line)


def _schools(lines: list[str]) -> list[dict]:
    schools = []
    i = 0
    while i < len(lines):
        degree = lines[i + 1] if i + 1 < len(lines) and ("·" in lines[i + 1] or re.search(r"\(\s*(?:19|20)\d\d", lines[i + 1])) else None
        schools.append({"school": lines[i], "degree": degree})
        i += 2 if degree else 1
    return schools
