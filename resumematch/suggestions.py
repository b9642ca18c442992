"""Tailoring suggestions, following the advice of the two career guides in ../shared/seeds.

The guides tell job seekers to tailor each resume to the posting and use its keywords, to
highlight relevant skills, experience and certifications, to show communication and customer
service, and to keep learning toward the next role. Each function below turns one piece of that
advice into concrete changes that cite the job's own words, with examples that fit the role's
family (technical, customer, sales/marketing).

Order and dose: every change that can move the score is scored by making it (the analysed
resume re-scored with the skill named in an Experience bullet, the keyword used, the
certification listed): the three that would raise the score most come first, each with the
points it adds; the rest follow, at most eight in all unless every one is asked for. A resume
that fits the role poorly gets an honest short report instead of a long list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .image_advice import with_image_advice
from .types import EVIDENCE_SECTIONS, AnalysedResume, Document, Job, MatchResult, Suggestion

FAMILIES = ("technical", "customer", "sales/marketing")
# The two guides in ../shared/seeds that the advice follows, by the name a report gives them.
GUIDES = {
    "isp-jobs": "'Jobs at Internet Service Providers' (a guide to ISP roles and their skills; it tells job seekers "
    "to tailor the resume and cover letter to each posting, use its keywords, highlight relevant skills and "
    "certifications, and build a network)",
    "isp-technician": "'ISP Technician' (a career page: duties, training, the BICSI CBI certification and the path "
    "onward to network engineer, field supervisor and project manager)",
}
# Which guide each kind of advice follows; advice of other kinds is the project's own.
GUIDE_OF_KIND = {
    "missing-keyword": "isp-jobs", "name-it": "isp-jobs", "show-evidence": "isp-jobs", "certification": "isp-jobs",
    "soft-skill": "isp-jobs", "cover-letter": "isp-jobs", "career-path": "isp-technician",
}
GUIDE_SHORT = {"isp-jobs": "ISP jobs guide", "isp-technician": "ISP Technician guide"}
TOP = 3
DEFAULT_LIMIT = 8
LOW_FIT = 20.0

# Examples written for this project, one set per role family, so that a measurable result or a
# soft skill is shown the way that kind of work is judged.
RESULTS = {
    "technical": "'cut repeat truck rolls 15%', 'brought 120 new fiber homes online in a quarter', 'kept backbone uptime at 99.99%'",
    "customer": "'resolved 40 tickets a day at 92% first-contact resolution', 'kept a 4.8/5 satisfaction score over 2,000 calls'",
    "sales/marketing": "'closed 120% of quota', 'grew subscribers in a new territory 35% in a year', 'a referral campaign that brought 300 sign-ups'",
    # A posting outside ISP work: examples that name no trade.
    "general": "'cut the time a weekly task took from 6 hours to 1', 'handled 30 requests a day without an error', 'saved $40,000 a year'",
}
SOFT_EXAMPLE = {
    "technical": "'walked a business owner through a fiber outage in plain terms and kept the account'",
    "customer": "'calmed an upset caller, fixed the billing error on the call and kept the customer'",
    "sales/marketing": "'listened to what a family needed and sold them the smaller plan that fit'",
    "general": "'explained a delay to a worried client in plain words and kept their trust'",
}
CERTIFICATION_HINT = {
    "technical": "employers filter on it, so put it where an ATS looks",
    "customer": "it tells a support manager you know the service desk's way of working",
    "sales/marketing": "it shows you keep your methods current",
    "general": "employers filter on it, so put it where an ATS looks",
}
# Where a missing required item goes, and how to ask for it, by skill category.
_MISSING_REQUIRED = {
    "education": "The job requires '{w}'. If you have it, list '{w}' under Education, with the year (or 'in progress').",
    "license/physical": "The job requires '{w}'. If it is true of you, say '{w}' in your Summary or a Licenses line.",
    "domain": "The job requires '{w}' experience. If you have it, name '{w}' in an Experience bullet with a result, and in your Skills list.",
}
_MISSING_DEFAULT = "The job requires '{w}'. If you have done this, say '{w}' in an Experience bullet that says what you did with it, and in your Skills list."
_BULLET = re.compile(r"^\s*(?:[•·●▪*-]|\d+[.)])\s+", re.M)
_NUMBER = re.compile(r"\d|%|\$")


def role_family(job: Job) -> str:
    """The job's family; for a posting, the family of the shipped roles that share at least a
    third of its skills ("general", with examples that name no trade, for one outside ISP work)."""
    if job.family in FAMILIES:
        return job.family
    if job.outside_taxonomy:
        return "general"
    from .jobs import shipped_jobs

    # Every field asks for soft skills, languages, degrees and a driver's licence: only the
    # trade's own skills say which family a posting belongs to.
    from .skills import taxonomy

    known = taxonomy()
    wanted = {
        s for s in job.required + job.preferred
        if s in known and known[s].category not in ("soft", "education", "license/physical")
    }
    overlap = {family: set() for family in FAMILIES}
    for role in shipped_jobs().values():
        overlap[role.family] |= wanted & set(role.required + role.preferred)
    best = max(FAMILIES, key=lambda family: (len(overlap[family]), family == "technical"))
    return best if wanted and len(overlap[best]) * 3 >= len(wanted) else "general"


def suggest(
    resume: AnalysedResume, job: Job, result: MatchResult, *, limit: int | None = DEFAULT_LIMIT, settings=None,
    best_fit: float | None = None,
) -> list[Suggestion]:
    """The suggestions for this resume and job: the biggest gains first, at most ``limit``
    (None: all). ``best_fit``, the resume's best score over the shipped roles, tells a resume
    that fits no role (the low-fit report) from one for which this job is a stretch."""
    family = role_family(job)
    rescore = _rescorer(resume, job, result, settings)
    note = language_note(resume)
    if result.score < LOW_FIT and (best_fit is None or best_fit < LOW_FIT):
        return with_guides(with_image_advice(resume.document, low_fit(resume, job, result, family, rescore) + note))
    gains = (
        missing_keywords(result, family, rescore, job.required_keywords)
        + name_what_you_did(result, rescore)
        + listed_but_not_shown(result, rescore)
        + certifications(job, result, set(resume.held), family, rescore)
        + soft_skills(result, family, rescore)
    )
    advice = note + measurable_results(resume.document, family) + ats_readiness(resume.document) + cover_letter(result)
    return with_guides(with_image_advice(resume.document, order_and_dose(gains, advice, limit)))


def language_note(resume: AnalysedResume) -> list[Suggestion]:
    """Said once, for a resume in another language: the advice is in English and quotes the
    resume as written; which of its headings and skill words were read as what."""
    from .lang import language_name

    document = resume.document
    if not document.language or document.language == "en":
        return []
    headings = [
        f"'{s.heading.rstrip(' :')}' as {s.name.title()}" for s in document.sections
        if s.name in ("experience", "education", "skills") and s.heading and s.heading.rstrip(" :").lower() != s.name
    ][:3]
    words: dict[str, str] = {}
    # Skills written in the resume's language ("Glasfasermontage" as FTTH), those of its Skills
    # section first: the words the person chose to list, not a compound met in a sentence.
    for mention in sorted(resume.mentions, key=lambda m: m.section != "skills"):
        if mention.text.lower() != mention.name.lower() and not mention.text.isupper():
            words.setdefault(mention.text.lower(), f"'{mention.text}' as {mention.name}")
    read = [*headings, *list(words.values())[:2]]
    said = f" It read {_and(read)}." if read else ""
    return [Suggestion(
        "language", 2,
        f"The resume is written in {language_name(document.language)}: this advice is in English and quotes the "
        f"resume as written.{said}",
    )]


def order_and_dose(gains: list[Suggestion], advice: list[Suggestion], limit: int | None) -> list[Suggestion]:
    """Strictly by points: the three changes worth most first (priority 1), then urgent advice
    that no score measures (a missing email), then the other scored changes, still by points
    (priority 2), then the remaining advice by priority."""
    scored = sorted((s for s in gains if s.points), key=lambda s: -s.points)
    top = [replace(s, priority=1) for s in scored[:TOP]]
    unscored = sorted([s for s in gains if not s.points] + advice, key=lambda s: s.priority)
    urgent = [s for s in unscored if s.priority == 1]
    later = [replace(s, priority=2) for s in scored[TOP:]]
    out = top + urgent + later + [s for s in unscored if s.priority != 1]
    return out if limit is None else out[:limit]


def with_guides(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Name the guide behind each piece of advice that follows one."""
    out = []
    for s in suggestions:
        guide = s.guide or GUIDE_OF_KIND.get(s.kind, "")
        if s.kind == "certification" and "BICSI" in s.message:
            guide = "isp-technician"
        out.append(replace(s, guide=guide) if guide != s.guide else s)
    return out


def _rescorer(resume: AnalysedResume, job: Job, result: MatchResult, settings):
    """Points a change would add: the resume re-scored with skills named in an Experience bullet,
    or with words added to its text, against the same job."""
    from .scoring import match
    from .skills import taxonomy, with_named

    known = taxonomy()

    def gain(skill_ids=(), words=(), in_progress=()) -> float:
        changed_resume = resume
        if in_progress:  # an "in progress" entry is scored as what it is, not as the credential held
            from .credentials import working_toward

            changed_resume = working_toward(resume, in_progress, known)
        if skill_ids:
            changed_resume = with_named(resume, skill_ids, known)
        if words:
            added = "\n" + "\n".join(words)
            document: Document = replace(resume.document, text=resume.document.text + added)
            scoring = (resume.scoring_text or resume.document.text) + added  # names stay blanked
            changed_resume = replace(changed_resume, document=document, scoring_text=scoring)
        changed = match(changed_resume, job, settings=settings)
        return round(max(0.0, changed.score - result.score), 1)

    return gain


def _and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _listing(words: list[str]) -> str:
    return _and([f"'{w}'" for w in words])


def missing_keywords(result: MatchResult, family: str, rescore, required_keywords=()) -> list[Suggestion]:
    """Use the posting's keywords: each missing required item and where to put it; then the
    preferred items and the other keywords, one suggestion each."""
    out = []
    preferred, other = [], []
    for item in result.missing:
        words = item.wording or item.name
        if item.importance == "other keyword":
            other.append(item)
        elif item.category in ("certification", "soft"):
            continue  # certifications() and soft_skills() say more about these
        elif item.importance == "required":
            out.append(Suggestion(
                "missing-keyword", 1,
                _MISSING_REQUIRED.get(item.category, _MISSING_DEFAULT).format(w=words),
                rescore(skill_ids=[item.id]),
            ))
        else:
            preferred.append(item)
    credentials = [i for i in preferred if i.category in ("education", "license/physical")]
    preferred = [i for i in preferred if i not in credentials]
    for item in credentials:
        words = item.wording or item.name
        where = "under Education" if item.category == "education" else "in your Summary or a Licenses line"
        out.append(Suggestion(
            "missing-keyword", 2, f"The job prefers '{words}'. If you have it, list it {where}, in those words.",
            rescore(skill_ids=[item.id]),
        ))
    if preferred:
        names = [i.wording or i.name for i in preferred]
        one = len(names) == 1
        out.append(Suggestion(
            "missing-keyword", 2,
            f"The job also prefers {_listing(names)}. "
            + ("If you have it, mention it in an Experience bullet, in those words." if one
               else "Mention the ones you have in Experience bullets, in those words."),
            rescore(skill_ids=[i.id for i in preferred]),
        ))
    asked = {k.lower() for k in required_keywords}
    wanted = [i.name for i in other if i.name.lower() in asked]
    if wanted:
        one = len(wanted) == 1
        out.append(Suggestion(
            "missing-keyword", 1,
            f"The posting asks for {_listing(wanted)}. "
            + ("If you have it, use the same term, in an Experience bullet or your Licenses and Certifications."
               if one else "Use the same terms for the ones you have, in Experience bullets or your Licenses and Certifications."),
            rescore(words=wanted),
        ))
    other = [i for i in other if i.name.lower() not in asked]
    if other:
        names = [i.name for i in other]
        one = len(names) == 1
        out.append(Suggestion(
            "missing-keyword", 3,
            f"The posting also uses {_listing(names)}. "
            + ("Where it applies to you, use the same term." if one else "Where they apply to you, use the same terms."),
            rescore(words=names),
        ))
    return out


def name_what_you_did(result: MatchResult, rescore) -> list[Suggestion]:
    """Use the posting's keywords for what you already did: a skill an Experience line shows
    without naming it is invisible to an ATS that searches for the name."""
    out = []
    for item in result.matched:
        if item.how != "activity":
            continue
        words = item.wording or item.name
        out.append(Suggestion(
            "name-it", 2 if item.importance == "required" else 3,
            f"You did this: \"{_excerpt(item.evidence)}\". Name it as the posting does, '{words}', "
            f"in that bullet or your Skills list, so an ATS finds it.",
            rescore(skill_ids=[item.id]),
        ))
    return out


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def listed_but_not_shown(result: MatchResult, rescore) -> list[Suggestion]:
    """Highlight relevant experience: a required skill that sits only in a list."""
    out = []
    for item in result.matched:
        if item.importance != "required" or item.category in ("certification", "education", "keyword", "license/physical"):
            continue
        if item.how not in ("implied", "activity") and not set(item.found_in) & set(EVIDENCE_SECTIONS):
            out.append(Suggestion(
                "show-evidence", 2,
                f"You list '{item.evidence}', which the job requires, but no Experience bullet shows it; "
                f"add one that says what you did with it and the result.",
                rescore(skill_ids=[item.id]),
            ))
    return out


def certifications(job: Job, result: MatchResult, held: set[str], family: str, rescore) -> list[Suggestion]:
    """Certifications that fit the role, when the resume holds (or studies for) none of them."""
    if not job.certifications or held & set(job.certifications):
        return []
    from .skills import taxonomy

    names = [taxonomy()[c].name for c in job.certifications[:3]]
    required = any(m.category == "certification" and m.importance == "required" for m in result.missing)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    pending = rescore(in_progress=[job.certifications[0]])
    return [Suggestion(
        "certification", 1 if required else 2,
        f"This role values {listed}. If you hold {'it' if len(names) == 1 else 'one'}, list it under Certifications: "
        f"{CERTIFICATION_HINT[family]}. If not, {names[0]} is the one to work toward: an 'in progress' entry "
        f"with a date is read as in progress, not held, and adds {pending:g} to the score until you hold it.",
        rescore(skill_ids=[job.certifications[0]]),
    )]


def soft_skills(result: MatchResult, family: str, rescore) -> list[Suggestion]:
    """Show communication and customer service: soft skills the job names that the resume does not."""
    missing = [m for m in result.missing if m.category == "soft"]
    if not missing:
        return []
    names = [m.wording or m.name for m in missing[:4]]
    priority = 1 if any(m.importance == "required" for m in missing) else 2
    them = "it" if len(names) == 1 else "them"
    return [Suggestion(
        "soft-skill", priority,
        f"The job looks for {_listing(names)}. Show {them} with a result, not an adjective: for example "
        f"{SOFT_EXAMPLE[family]} in an Experience bullet.",
        rescore(skill_ids=[m.id for m in missing[:4]]),
    )]


def measurable_results(document: Document, family: str) -> list[Suggestion]:
    """Highlight results: Experience bullets that carry no number."""
    experience = document.section_text("experience")
    bullets = [line for line in experience.splitlines() if _BULLET.match(line)]
    if not bullets:
        bullets = [line for line in experience.splitlines()[1:] if len(line.split()) >= 6]
    if not bullets:
        return []
    without = [b for b in bullets if not _NUMBER.search(b)]
    if len(without) <= len(bullets) // 2:
        return []
    verb = "has" if len(bullets) == 1 else "have"
    return [Suggestion(
        "measurable-results", 2,
        f"{len(without)} of {len(bullets)} Experience lines {verb} no number. Add the results this kind of work "
        f"is judged by, for example {RESULTS[family]}.",
    )]


def ats_readiness(document: Document) -> list[Suggestion]:
    """Make sure applicant tracking systems read the resume the way a person does."""
    out = []
    contact = document.contact
    missing_contact = [name for name, value in (("email", contact.email), ("phone number", contact.phone)) if not value]
    if missing_contact:
        out.append(Suggestion("ats", 1, f"No {' or '.join(missing_contact)} found: put {'it' if len(missing_contact) == 1 else 'them'} in plain text at the top."))
    if not contact.linkedin:
        out.append(Suggestion(
            "ats", 3,
            "Add your LinkedIn profile URL next to your email: recruiters look you up, and the ISP jobs guide "
            "recommends building your network there.",
            guide="isp-jobs",
        ))
    found = {s.name for s in document.sections}
    absent = [name for name in ("experience", "education", "skills") if name not in found]
    if absent:
        out.append(Suggestion(
            "ats", 1,
            f"No standard heading found for {_and(absent)}: use {'a plain heading' if len(absent) == 1 else 'plain headings'} "
            f"like {_listing([a.title() for a in absent])} so ATS software files your details correctly.",
        ))
    layout = document.layout
    if layout.header_footer_chars and contact.email and contact.email in _margin_text(document):
        out.append(Suggestion("ats", 1, "Your contact details are in the page header or footer, which many ATS skip: move them into the body."))
    elif layout.header_footer_chars:
        out.append(Suggestion("ats", 2, "Some text sits in the page header or footer, which many ATS skip: keep important details in the body."))
    if layout.text_boxes:
        out.append(Suggestion("ats", 2, "Text boxes are skipped by some ATS: move their content into normal paragraphs."))
    if layout.columns > 1:
        out.append(Suggestion("ats", 2, "Two-column layouts are misread by some ATS: a single column is safest."))
    if layout.tables:
        out.append(Suggestion("ats", 3, "Tables can scramble the reading order in some ATS: prefer plain lists."))
    if layout.hidden_chars:
        out.append(Suggestion("ats", 1, "Remove hidden text (invisible, white, tiny, off the page, clipped or covered): it is ignored here and flagged as keyword stuffing by ATS software."))
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
    listed = _and(names)
    them, each = ("it", "One line") if len(names) == 1 else ("them", "One line each")
    return [Suggestion(
        "cover-letter", 3,
        f"In your cover letter, lead with {listed}: the job asks for {them} and your resume shows {them}. "
        f"{each} on what you achieved.",
    )]


def low_fit(resume: AnalysedResume, job: Job, result: MatchResult, family: str, rescore) -> list[Suggestion]:
    """An honest short report for a resume that does not fit the role yet: where it stands, and
    the two or three steps that would matter most."""
    required = [m for m in result.matched + result.missing if m.importance == "required"]
    shown = sum(1 for m in result.matched if m.importance == "required")
    out = [Suggestion(
        "low-fit", 1,
        f"This resume does not match {job.title} yet ({result.score:g}/100): it shows {shown} of the "
        f"{len(required)} required skill{'s' if len(required) != 1 else ''}. Tailoring the wording will not close "
        f"that gap; the steps below would.",
    )]
    gaps = [m for m in result.missing if m.importance == "required" and m.category not in ("soft", "certification")]
    gaps.sort(key=lambda m: -rescore(skill_ids=[m.id]))
    if gaps:
        names = [m.wording or m.name for m in gaps[:3]]
        out.append(Suggestion(
            "low-fit", 1,
            f"Build experience in {_listing(names)}: {'it is' if len(names) == 1 else 'they are'} what the role is made of. "
            "A course with hands-on labs, volunteer work or a home project you can describe in an Experience bullet counts.",
            rescore(skill_ids=[m.id for m in gaps[:3]]),
        ))
    if job.certifications and not set(job.certifications) & set(resume.held):
        from .skills import taxonomy

        first = taxonomy()[job.certifications[0]].name
        out.append(Suggestion(
            "low-fit", 2,
            f"{first} is the usual first credential for this role; an 'in progress' entry shows where you are heading "
            "(it counts for part of a held credential's points).",
            rescore(in_progress=[job.certifications[0]]),
        ))
    steps = sorted(out[1:], key=lambda s: -(s.points or 0))  # strictly by points after the headline
    return out[:1] + [replace(s, priority=1 if i < 2 else 2) for i, s in enumerate(steps)]
