"""Tailoring suggestions, following the advice of the two career guides in ../shared/seeds.

The guides tell job seekers to tailor each resume to the posting and use its keywords, to
highlight relevant skills, experience and certifications, to show communication and customer
service, and to network. Each function below turns one piece of that advice into concrete
changes that cite the job's own words. Priority 1 is the most important.
"""

from __future__ import annotations

import re

from .types import EVIDENCE_SECTIONS, AnalysedResume, Document, Job, MatchResult, Suggestion

_SECTION_FOR = {
    "certification": "your Certifications section",
    "education": "your Education section",
    "soft": "your Summary, with an example in an Experience bullet",
    "license/physical": "your Summary or a Licenses line",
}
_BULLET = re.compile(r"^\s*(?:[•·●▪*-]|\d+[.)])\s+", re.M)
_NUMBER = re.compile(r"\d|%|\$")
_DEGREE_WORDS = ("degree", "diploma", "bachelor", "associate", "master")


def suggest(resume: AnalysedResume, job: Job, result: MatchResult) -> list[Suggestion]:
    """Every suggestion for this resume and job, most important first."""
    document = resume.document
    suggestions = (
        missing_keywords(result)
        + name_what_you_did(result)
        + listed_but_not_shown(result)
        + certifications(job, result, set(resume.held))
        + soft_skills(job, result)
        + measurable_results(document)
        + ats_readiness(document)
        + cover_letter(result)
    )
    return sorted(suggestions, key=lambda s: s.priority)


def missing_keywords(result: MatchResult) -> list[Suggestion]:
    """Use the posting's keywords: each missing required item, and where to put it; then the
    preferred items and the other keywords, one suggestion each."""
    out = []
    preferred, other = [], []
    for item in result.missing:
        words = item.wording or item.name
        if item.importance == "other keyword":
            other.append(words)
        elif item.category in ("certification", "soft"):
            continue  # certifications() and soft_skills() say more about these
        elif item.importance == "required":
            where = _SECTION_FOR.get(item.category, "an Experience bullet (and your Skills list)")
            out.append(
                Suggestion("missing-keyword", 1, f"The job requires '{words}'. If you have done this, say '{words}' in {where}.")
            )
        else:
            preferred.append(words)
    if preferred:
        listed = ", ".join(f"'{w}'" for w in preferred)
        out.append(
            Suggestion("missing-keyword", 2, f"The job also prefers {listed}. Mention the ones you have in Experience bullets, in those words.")
        )
    if other:
        listed = ", ".join(f"'{w}'" for w in other)
        out.append(
            Suggestion("missing-keyword", 3, f"The posting also uses {listed}. Where they apply to you, use the same terms.")
        )
    return out


def name_what_you_did(result: MatchResult) -> list[Suggestion]:
    """Use the posting's keywords for what you already did: a skill an Experience line shows
    without naming it is invisible to an ATS that searches for the name."""
    out = []
    for item in result.matched:
        if item.how != "activity":
            continue
        words = item.wording or item.name
        out.append(
            Suggestion(
                "name-it",
                2 if item.importance == "required" else 3,
                f"You did this: \"{_excerpt(item.evidence)}\". Name it as the posting does, '{words}', "
                f"in that bullet or your Skills list, so an ATS finds it.",
            )
        )
    return out


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def listed_but_not_shown(result: MatchResult) -> list[Suggestion]:
    """Highlight relevant experience: a required skill that sits only in a list."""
    out = []
    for item in result.matched:
        if item.importance != "required" or item.category in ("certification", "education", "keyword", "license/physical"):
            continue
        if item.how not in ("implied", "activity") and not set(item.found_in) & set(EVIDENCE_SECTIONS):
            out.append(
                Suggestion(
                    "show-evidence",
                    2,
                    f"You list '{item.evidence}', which the job requires, but no Experience bullet shows it; "
                    f"add one that says what you did with it and the result.",
                )
            )
    return out


def certifications(job: Job, result: MatchResult, held: set[str]) -> list[Suggestion]:
    """Certifications that fit the role, when the resume holds (or studies for) none of them."""
    if not job.certifications or held & set(job.certifications):
        return []
    from .skills import taxonomy

    names = [taxonomy()[c].name for c in job.certifications[:3]]
    listed = " or ".join(names) if len(names) < 3 else f"{names[0]}, {names[1]} or {names[2]}"
    required = any(m.category == "certification" and m.importance == "required" for m in result.missing)
    return [
        Suggestion(
            "certification",
            1 if required else 2,
            f"Certifications this role values: {listed}. If you hold one, list it under Certifications; "
            f"if not, {names[0]} is the one to work toward (an 'in progress' entry with a date helps).",
        )
    ]


def soft_skills(job: Job, result: MatchResult) -> list[Suggestion]:
    """Show communication and customer service: soft skills the job names that the resume does not."""
    missing = [m for m in result.missing if m.category == "soft"]
    if not missing:
        return []
    names = ", ".join(f"'{m.wording or m.name}'" for m in missing[:4])
    priority = 1 if any(m.importance == "required" for m in missing) else 2
    return [
        Suggestion(
            "soft-skill",
            priority,
            f"The job looks for {names}. Show them with a result, not an adjective: for example "
            f"'explained a fault to a frustrated customer and kept the account' in an Experience bullet.",
        )
    ]


def measurable_results(document: Document) -> list[Suggestion]:
    """Highlight results: Experience bullets that carry no number."""
    experience = document.section_text("experience")
    bullets = [line for line in experience.splitlines() if _BULLET.match(line)]
    if not bullets:
        lines = [line for line in experience.splitlines()[1:] if len(line.split()) >= 6]
        bullets = lines
    if not bullets:
        return []
    without = [b for b in bullets if not _NUMBER.search(b)]
    if len(without) <= len(bullets) // 2:
        return []
    return [
        Suggestion(
            "measurable-results",
            2,
            f"{len(without)} of {len(bullets)} Experience lines have no number. Add measurable results: "
            "installs a day, first-visit fix rate, customers served, tickets closed, sales against quota.",
        )
    ]


def ats_readiness(document: Document) -> list[Suggestion]:
    """Make sure applicant tracking systems read the resume the way a person does."""
    out = []
    contact = document.contact
    missing_contact = [name for name, value in (("email", contact.email), ("phone number", contact.phone)) if not value]
    if missing_contact:
        out.append(Suggestion("ats", 1, f"No {' or '.join(missing_contact)} found: put them in plain text at the top."))
    if not contact.linkedin:
        out.append(
            Suggestion(
                "ats",
                3,
                "Add your LinkedIn profile URL next to your email: recruiters look you up, and the guides "
                "recommend building your network there.",
            )
        )
    found = {s.name for s in document.sections}
    absent = [name for name in ("experience", "education", "skills") if name not in found]
    if absent:
        out.append(
            Suggestion(
                "ats",
                1,
                f"No standard heading found for {', '.join(absent)}: use plain headings like "
                "'Experience', 'Education' and 'Skills' so ATS software files your details correctly.",
            )
        )
    layout = document.layout
    if layout.header_footer_chars and contact.email and contact.email in _margin_text(document):
        out.append(
            Suggestion("ats", 1, "Your contact details are in the page header or footer, which many ATS skip: move them into the body.")
        )
    elif layout.header_footer_chars:
        out.append(Suggestion("ats", 2, "Some text sits in the page header or footer, which many ATS skip: keep important details in the body."))
    if layout.text_boxes:
        out.append(Suggestion("ats", 2, "Text boxes are skipped by some ATS: move their content into normal paragraphs."))
    if layout.columns > 1:
        out.append(Suggestion("ats", 2, "Two-column layouts are misread by some ATS: a single column is safest."))
    if layout.tables:
        out.append(Suggestion("ats", 3, "Tables can scramble the reading order in some ATS: prefer plain lists."))
    if layout.hidden_chars:
        out.append(Suggestion("ats", 1, "Remove hidden (white or tiny) text: it is ignored here and flagged as keyword stuffing by ATS software."))
    words = len(document.text.split())
    if document.pages > 2 or words > 1100:
        out.append(Suggestion("ats", 2, f"At {document.pages} pages and {words} words the resume is long: two pages at most, most relevant first."))
    elif words < 200:
        out.append(Suggestion("ats", 2, f"At {words} words the resume is thin: describe your roles with concrete bullets."))
    if document.format in ("txt", "md"):
        out.append(Suggestion("ats", 3, "Send the resume as DOCX or PDF (with a text layer): that is what employers' systems expect."))
    return out


def _margin_text(document: Document) -> str:
    """The text that came from headers and footers: at the very start and end of a DOCX's text."""
    chars = document.layout.header_footer_chars
    return document.text[: chars + 2] + document.text[-(chars + 2) :]


def cover_letter(result: MatchResult) -> list[Suggestion]:
    """Tailor the cover letter: lead with the strongest matches."""
    strongest = [m for m in result.matched if m.importance == "required" and m.category not in ("education", "keyword")]
    strongest.sort(key=lambda m: (not set(m.found_in) & set(EVIDENCE_SECTIONS), m.category == "soft"))
    names = [m.wording or m.name for m in strongest[:3]]
    if not names:
        return []
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return [
        Suggestion(
            "cover-letter",
            3,
            f"In your cover letter, lead with {listed}: the job asks for them and your resume shows them. "
            f"One line each on what you achieved with them.",
        )
    ]
