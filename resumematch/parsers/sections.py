"""Finding resume sections by their headings."""

from __future__ import annotations

import re

from ..types import Section

# Normalised heading text -> section name. The seven standard sections come first; the others
# exist so that, say, "Interests" ends the Skills section instead of being counted inside it.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "contact": (
        "contact", "contacts", "contact information", "contact info", "contact details",
        "personal information", "personal details", "personal info", "get in touch",
    ),
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "career profile", "personal profile", "objective",
        "career objective", "professional objective", "objective statement", "about",
        "about me", "overview", "personal statement", "summary of qualifications",
        "qualifications summary", "highlights", "career highlights", "professional highlights",
        "introduction",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "relevant experience",
        "employment", "employment history", "employment experience", "work history",
        "career history", "professional history", "professional background", "job history",
        "work", "experience history", "internships", "internship experience",
        "military experience", "field experience", "technical experience",
        "related experience", "additional experience", "industry experience",
        "experience highlights", "positions held", "computer engineering experience",
    ),
    "education": (
        "education", "education and training", "training and education", "academic background",
        "academic history", "academics", "academic qualifications", "educational background",
        "education history", "education and qualifications", "degrees", "schooling",
        "education and certifications", "education and certification",
    ),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "relevant skills",
        "professional skills", "skills summary", "summary of skills", "skill set", "skillset",
        "core competencies", "competencies", "key competencies", "areas of expertise",
        "expertise", "technical expertise", "skills and abilities", "skills and expertise",
        "abilities", "technical proficiencies", "proficiencies", "technologies", "tools",
        "tools and technologies", "technical summary", "strengths", "key strengths",
        "skills and qualifications", "qualifications", "languages and technologies",
        "it skills", "computer skills", "software", "hard skills", "soft skills",
        "skills and interests", "additional skills",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses", "licences",
        "licenses and certifications", "licences and certifications",
        "certifications and licenses", "certifications and licences",
        "professional certifications", "credentials", "accreditations",
        "certifications and training", "training and certifications", "training",
        "professional development", "courses", "relevant coursework", "coursework",
    ),
    "projects": (
        "projects", "personal projects", "key projects", "selected projects",
        "academic projects", "relevant projects", "project experience", "side projects",
        "notable projects",
    ),
    "awards": ("awards", "honors", "honours", "achievements", "awards and honors", "accomplishments"),
    "languages": ("languages", "language skills", "spoken languages"),
    "interests": ("interests", "hobbies", "hobbies and interests", "activities", "extracurricular activities"),
    "volunteering": ("volunteering", "volunteer", "volunteer experience", "volunteer work", "community involvement"),
    "publications": ("publications", "presentations", "publications and presentations"),
    "references": ("references", "referees", "references available upon request"),
}
_HEADING_TO_NAME = {variant: name for name, variants in _HEADINGS.items() for variant in variants}
SECTION_NAMES = tuple(_HEADINGS)

_LEADING_MARKS = re.compile(r"^[\W\d_]+")
_NON_LETTERS = re.compile(r"[^a-z ]+")
# "Skills: Cisco IOS, Juniper" - a heading that runs into its own first line.
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s*\S")
_MAX_HEADING_CHARS = 48


def normalise_heading(line: str) -> str:
    text = _LEADING_MARKS.sub("", line.strip()).lower().replace("&", " and ")
    text = _NON_LETTERS.sub(" ", text)
    return " ".join(text.split())


def heading_name(line: str) -> str | None:
    """The section a line opens, if the line is a heading (whole, or "Heading: content")."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) <= _MAX_HEADING_CHARS:
        name = _HEADING_TO_NAME.get(normalise_heading(stripped))
        if name:
            return name
    inline = _INLINE_HEADING.match(stripped)
    if inline:
        name = _HEADING_TO_NAME.get(normalise_heading(inline.group(1)))
        # "Languages: Python, Go" inside a skills list names programming languages.
        return name if name != "languages" else None
    return None


def find_sections(text: str) -> list[Section]:
    """Split ``text`` at section headings into character ranges.

    Text before the first heading is the resume's header (name, contact line), reported as
    "contact". A section ends where the next heading starts.
    """
    starts: list[tuple[int, str, str]] = []
    offset = 0
    for line in text.split("\n"):
        name = heading_name(line)
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
