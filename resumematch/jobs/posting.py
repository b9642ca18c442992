"""Job postings a user brings: which skills are required, which preferred, what else stands out.

Real postings label their lists "Requirements", "Minimum qualifications", "Must have",
"Preferred qualifications", "Nice to have", "Bonus"... (``sections.py`` finds the parts). Skills
listed under a required heading are required, under a preferred heading preferred; skills
mentioned anywhere else in the job's own parts count as preferred; the company blurb, benefits,
salary, legal and how-to-apply parts give none. A clause that says so itself ("CCNA required",
"Python is a plus") overrides its section, each skill its own clause ("CCNA required; CCNP is a
plus": ``levels.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..types import Document, Job, JobSkill
from .alternatives import alternative_groups
from .keywords import other_keywords
from .levels import clause_level
from .whose import hire_mentions
from .phrases import outside_field, requirement_phrases
from .sections import (
    KEPT,
    PostingPart,
    company_names,
    heading_kind,
    kept_ranges,
    posting_parts,
    set_aside_summary,
)

_YEARS = re.compile(r"(\d+(?:\.\d+)?)\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\b", re.I)


def posting_skill_mentions(text: str, mentions=None, parts: list[PostingPart] | None = None) -> list:
    """The skill mentions of a posting's text that describe the job (set-aside parts give none).
    Pass ``parts`` when ``posting_parts(text)`` is already at hand."""
    if mentions is None:
        from ..skills import extract_skills

        mentions = extract_skills(text)
    part_at = _part_at(parts if parts is not None else posting_parts(text))
    own_name = _within_company_name(text)
    kept = [m for m in mentions if (part := part_at(m.start)) and part.kind in KEPT and not own_name(m.start)]

    def sentence_of(offset: int):
        part = part_at(offset)
        return (part.start, part.end) if part else None

    # What the company sells, its market, its perks, the position itself, what is not needed.
    return hire_mentions(text, kept, sentence_of)


def _within_company_name(text: str):
    """Whether an offset falls inside the posting's own company name ("Tallgrass Fiber")."""
    spans = [
        (match.start(), match.end())
        for name in company_names(text)
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    return lambda offset: any(a <= offset < b for a, b in spans)


def _part_at(parts: list[PostingPart]):
    """offset -> the part holding it (None between parts), in log time."""
    starts = [p.start for p in parts]

    def part(offset: int) -> PostingPart | None:
        i = bisect_right(starts, offset) - 1
        return parts[i] if i >= 0 and offset < parts[i].end else None

    return part


def job_from_posting(document: Document, mentions, taxonomy, *, keywords: int = 12) -> Job:
    """Build a Job from a parsed posting and the skill mentions found in it."""
    text = document.text
    parts = posting_parts(text)
    kept = kept_ranges(parts)
    mentions = posting_skill_mentions(text, mentions, parts)
    part_at = _part_at(parts)
    importance: dict[str, str] = {}
    wording: dict[str, str] = {}
    for mention in mentions:
        wording.setdefault(mention.skill_id, mention.text.replace("\n", " "))
        part = part_at(mention.start)  # a kept part: posting_skill_mentions kept only those
        default = "required" if part.kind == "required" else "preferred"
        level = clause_level(text[part.start : part.end], mention.start - part.start, default)
        if importance.get(mention.skill_id) != "required":
            importance[mention.skill_id] = level
    one_of = alternative_groups(text, mentions)
    skills = [
        JobSkill(skill_id, taxonomy[skill_id].name, taxonomy[skill_id].category, level, wording=wording[skill_id],
                 one_of=one_of.get(skill_id, ""))
        for skill_id, level in importance.items()
    ]
    skills.sort(key=lambda s: s.importance != "required")
    required_text = "\n".join(text[s:e] for s, e, k in kept if k == "required")
    job_text = "\n".join(text[s:e] for s, e, _ in kept)
    years = [float(y) for y in _YEARS.findall(required_text or job_text) if float(y) < 30]
    title = posting_title(text) or document.source
    keywords_found = other_keywords(text, mentions, parts, limit=keywords, taxonomy=taxonomy)
    outside, mapped, lines = outside_field(text, parts, mentions)
    required_keywords: list[str] = []
    if outside:  # the posting's own requirement phrases are what to match
        phrases, required = requirement_phrases(text, parts, mentions)  # skills found are masked out
        keywords_found = phrases
        required_keywords = [p for p in phrases if p.lower() in required]
    fields = education_fields(text, [s for s in skills if s.category == "education"], kept)
    return Job(
        id=_slug(document.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "posting",
        title=title[:120],
        family="",
        summary="",
        skills=skills,
        certifications=[s.skill_id for s in skills if s.category == "certification"],
        education=[s.skill_id for s in skills if s.category == "education"],
        experience_years=min(years) if years else None,
        other_keywords=keywords_found,
        text=text,
        source=document.source,
        set_aside=set_aside_summary(text, parts),
        outside_taxonomy=outside,
        required_keywords=required_keywords,
        field_lines=(mapped, lines),
        education_fields=fields,
    )


# "(m/w/d)", "(H/F)", "(m/f/x)", "(all genders)": who may apply, said in the title in much of Europe.
_GENDER_MARK = re.compile(
    r"\s*[(\[]\s*(?:all genders?|(?:[mwfdxh]|div|i)(?:\s*[/|,]\s*(?:[mwfdxh]|div|i|\*)){1,3})\s*[)\]]", re.I
)


def posting_title(text: str) -> str:
    """The posting's title: its first line that is no heading ("Beschreibung", "Job description")
    and no job-board label, without a gender mark ("Netzwerkadministrator (m/w/d)")."""
    for line in text.split("\n")[:40]:
        stripped = line.strip()
        if stripped and not heading_kind(stripped):
            return _GENDER_MARK.sub("", stripped).strip(" -–|,") or stripped
    return ""


_FIELD_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:in|of)\s+((?:[A-Z][\w&-]*(?:,\s*|\s+or\s+|\s+and\s+|\s+)?)+)")


def education_fields(text: str, degrees: list[JobSkill], kept) -> list[str]:
    """The fields a posting names for its degrees: "Associate Degree in Nursing (ADN)" -> Nursing,
    "Bachelor's degree in Statistics, Economics or a related field" -> Statistics, Economics."""
    fields: list[str] = []
    for degree in degrees:
        for start, end, _ in kept:
            line = text[start:end]
            at = line.find(degree.wording)
            if at < 0:
                continue
            found = _FIELD_AFTER.match(line, at + len(degree.wording))
            if found:
                for name in re.split(r",\s*|\s+or\s+|\s+and\s+", found.group(1)):
                    name = name.strip()
                    if name and name.split()[0] not in ("Science", "Arts", "Applied") and name not in fields:
                        fields.append(name)
    return fields


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
