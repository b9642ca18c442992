"""Finding resume sections by their headings, in every language of ``resumematch/lang``.

One table (``lang.resume_headings()``, documented in docs/languages.md) maps a heading in any
case, accented or not, letter-spaced or not, with or without a colon or a trailing rule, to
its canonical section. A LinkedIn "Save to PDF" export is read with LinkedIn's own headings
only: its job descriptions hold lines such as "Summary:" or "Achievements:" that are no
sections of the profile.
"""

from __future__ import annotations

import re

from .. import lang
from ..types import Section

SECTION_NAMES = (
    "contact", "summary", "experience", "education", "skills", "certifications", "projects", "awards",
    "languages", "interests", "volunteering", "publications", "references",
)

_LEADING_MARKS = re.compile(r"^[\W\d_]+")
_NON_LETTERS = re.compile(r"[^a-z ]+")
# A rule or a colon after a heading: "EXPERIENCE ________", "Skills —————", "Education:".
_TRAILING_RULE = re.compile(r"[\s_\-–—=.·•:|~*#/\\]+$")
# "Skills: Cisco IOS, Juniper" - a heading that runs into its own first line.
_INLINE_HEADING = re.compile(r"^([^\W\d_][^\W\d_ &/'’\-]{2,40}?)\s*:\s*\S")
_MAX_HEADING_CHARS = 48
_MAX_SPACED_CHARS = 160


def normalise_heading(line: str) -> str:
    """An English heading folded to lower-case letters and spaces (the posting reader's key)."""
    text = _LEADING_MARKS.sub("", line.strip()).lower().replace("&", " and ")
    text = _NON_LETTERS.sub(" ", text)
    return " ".join(text.split())


def _core(line: str) -> str:
    """The heading's words: leading bullets or numbers and a trailing rule or colon off,
    letter-spacing joined."""
    text = _TRAILING_RULE.sub("", _LEADING_MARKS.sub("", line.strip()))
    return lang.unspace(text)[0]


def heading_name(line: str) -> str | None:
    """The section a line opens, if the line is a heading (whole, or "Heading: content")."""
    stripped = line.strip()
    if not stripped:
        return None
    # A heading letter-spaced is at most about twice its length; a longer line is no heading.
    core = _core(stripped) if len(stripped) <= _MAX_SPACED_CHARS else ""
    if core and len(core) <= _MAX_HEADING_CHARS:
        name = _lookup(stripped, core)
        if name:
            return name
    inline = _INLINE_HEADING.match(stripped)
    if inline:
        name = lang.resume_headings().get(lang.heading_key(inline.group(1)))
        # "Languages: Python, Go" inside a skills list names programming languages.
        return name if name != "languages" else None
    return None


def _lookup(stripped: str, core: str) -> str | None:
    key = lang.heading_key(core)
    name = lang.resume_headings().get(key) or lang.singular_headings().get(lang.singular(key))
    if name is None and lang.unspace(_LEADING_MARKS.sub("", stripped))[1]:
        # "W O R K E X P E R I E N C E": letter-spaced with no wider gap between the words.
        name = lang.compact_headings().get(key.replace(" ", ""))
    return name


def linkedin_heading(line: str) -> str | None:
    """The section a line of a LinkedIn export opens: the whole line is one of LinkedIn's own
    headings, as its interface language prints it."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS or stripped.endswith(":"):
        return None
    return lang.linkedin_headings().get(lang.heading_key(stripped))


def find_sections(text: str, *, linkedin: bool = False, header_at: int | None = None) -> list[Section]:
    """Split ``text`` at section headings into character ranges.

    Text before the first heading is the resume's header (name, contact line), reported as
    "contact". A section ends where the next heading starts. ``linkedin``: the text is a
    LinkedIn export, whose headings are LinkedIn's own. ``header_at``: the offset of a line
    that opens the main column's header (the name, headline and location of a LinkedIn export
    read after its sidebar), a "contact" section of its own.
    """
    opens = linkedin_heading if linkedin else heading_name
    starts: list[tuple[int, str, str]] = []
    offset = 0
    for line in text.split("\n"):
        if header_at is not None and offset == header_at:
            starts.append((offset, "contact", ""))
        else:
            name = opens(line)
            if name:
                starts.append((offset, name, line.strip()))
        offset += len(line) + 1

    sections: list[Section] = []
    first = starts[0][0] if starts else len(text)
    if text[:first].strip():
        sections.append(Section("contact", 0, len(text[:first].rstrip()), ""))
    for i, (start, name, heading) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        end = start + len(text[start:end].rstrip())
        sections.append(Section(name, start, end, heading))
    return sections
