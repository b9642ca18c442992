"""Scoring a resume against a job: ``match(document, job) -> MatchResult``.

The score (0-100) is a weighted mean of components, each 0-100 and shown to the user:

- ``skills``: weighted coverage of the job's skills and other keywords. Required skills weigh
  more than preferred, hard skills and certifications more than soft skills; a skill counts
  through its aliases and through narrower skills that imply it; a skill shown in Experience,
  Projects or the Summary is better evidence than one only listed. Repeating keywords beyond
  what a real resume does lowers this component (keyword stuffing).
- ``similarity``: TF-IDF cosine between resume and job text (see ``tfidf.py``).
- ``certifications``, ``education``: whether the resume holds one the job lists (only when the
  job lists any).
- ``title``: whether the resume names the job's title (or its parts) in its headline or roles.

Everything is deterministic and offline. Weights live in :class:`MatchSettings`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from . import credentials
from .experience import experience_fact
from .redact import scoring_text
from .resources import data_dir
from .settings import Settings
from .titles import title_match
from .types import COMPONENTS, EVIDENCE_SECTIONS, AnalysedResume, Document, HeldSkill, Job, MatchedItem, MatchResult, SkillMention

__all__ = ["COMPONENTS", "EVIDENCE_SECTIONS", "MatchSettings", "match"]
DEGREE_LEVELS = {"high-school-diploma": 1, "associate-degree": 2, "bachelors-degree": 3, "masters-degree": 4}


@dataclass(frozen=True)
class MatchSettings(Settings):
    """Weights of the score, with documented defaults.

    Component weights (relative; renormalised over the components a job uses):
    ``skills_weight`` 0.34, ``similarity_weight`` 0.45, ``title_weight`` 0.15,
    ``certifications_weight`` 0.04, ``education_weight`` 0.02. Chosen by the data, not by hand:
    a grid search for the best mean average precision over the shipped roles on the tuning half of
    the ranking development set (1,962 real resumes; docs/scoring.md has the method and figures).

    Within skills coverage: ``required_weight`` 2.0, ``preferred_weight`` 1.0,
    ``other_keyword_weight`` 0.5 per item, times ``soft_skill_factor`` 0.5 for soft skills and
    ``certification_factor`` 1.5 for certifications. Evidence: ``evidence_in_experience`` 1.0
    for a skill shown in Experience, Projects or Summary, ``evidence_listed`` 0.7 for one only
    listed, ``evidence_implied`` 0.6 for one shown through a narrower skill, ``evidence_activity``
    0.85 for one an Experience line does without naming it ("Configured routers and VLANs" for
    Network configuration): a little below the name itself, which is what an ATS searches for.

    ``similarity_midpoint`` 0.025 and ``similarity_spread`` 0.5: the TF-IDF cosine becomes 0-100
    on a logistic curve of its logarithm, 50 at the midpoint (about where a resume of the job and
    one of another job are equally likely on the ranking development set, docs/scoring.md), each
    doubling of the cosine a step of 1/spread along the curve, 0 at a cosine of 0. A resume never
    repeats a posting word for word: real cosines are small, and a straight line would leave
    every real resume near the bottom; a curve of the logarithm keeps telling apart the close
    matches of short, same-field documents, where cosines run higher.

    ``max_mentions_per_skill`` 4: on average, more mentions
    per skill than this is treated as stuffing and scales the skills component down.

    ``long_resume_chars`` 6000: past this length (about two full pages) coverage is scaled by the
    square root of ``long_resume_chars / length``, so a 24,000-character resume that names
    everything earns half the coverage per skill of a two-page one: on the development set, score
    followed length among irrelevant resumes (docs/scoring.md), and a long resume outranked short
    ones that say the right thing.

    ``ask_confidence`` 4.0: how much a posting must ask for before full coverage of it means a
    full fit. Coverage is scaled by ``asked / (asked + ask_confidence)``, where ``asked`` is the
    summed weight of what the posting asks for (a required hard skill weighs 2): covering the two
    skills a short posting names says less than covering the twenty a full one names, so scores
    stay comparable across postings ("which role fits me best"). 0 turns the scaling off.
    """

    skills_weight: float = 0.34
    similarity_weight: float = 0.45
    certifications_weight: float = 0.04
    education_weight: float = 0.02
    title_weight: float = 0.15
    required_weight: float = 2.0
    preferred_weight: float = 1.0
    other_keyword_weight: float = 0.5
    soft_skill_factor: float = 0.5
    certification_factor: float = 1.5
    evidence_in_experience: float = 1.0
    evidence_listed: float = 0.7
    evidence_implied: float = 0.6
    evidence_activity: float = 0.85
    similarity_midpoint: float = 0.025
    similarity_spread: float = 0.5
    max_mentions_per_skill: float = 4.0
    ask_confidence: float = 4.0
    long_resume_chars: float = 6000.0

    def __post_init__(self) -> None:
        self._check_numbers()
        if sum(getattr(self, n) for n in ("skills_weight", "similarity_weight", "title_weight")) <= 0:
            raise ValueError("MatchSettings: skills, similarity and title weights cannot all be 0")
        for name in ("evidence_in_experience", "evidence_listed", "evidence_implied", "evidence_activity"):
            if getattr(self, name) > 1:
                raise ValueError(f"MatchSettings.{name} must be between 0 and 1")
        if not 0 < self.similarity_midpoint < 1 or self.similarity_spread <= 0:
            raise ValueError("MatchSettings: similarity_midpoint must be in (0, 1) and similarity_spread above 0")
        if self.max_mentions_per_skill < 1:
            raise ValueError("MatchSettings.max_mentions_per_skill must be at least 1")



@cache
def tfidf_model():
    from .tfidf import TfidfModel

    return TfidfModel.load(data_dir("models") / "tfidf.json")


def match(
    resume: Document | AnalysedResume,
    job: Job,
    *,
    settings: MatchSettings | dict | None = None,
    mentions: list[SkillMention] | None = None,
) -> MatchResult:
    """Score a resume against ``job``. ``resume`` is a parsed document or, better when scoring
    it against several jobs, the :class:`AnalysedResume` that ``skills.analyse`` made of it."""
    from .skills import analyse

    settings = MatchSettings.resolve(settings)
    analysed = resume if isinstance(resume, AnalysedResume) else analyse(resume, mentions)
    document, held = analysed.document, analysed.held
    pending = credentials.in_progress(analysed)  # named as in progress: part of the credit, not held

    matched: list[MatchedItem] = []
    missing: list[MatchedItem] = []
    earned = possible = 0.0
    # An example list ("such as Python, Ruby or Java") is one requirement, met by its best-held
    # member: group -> (weight, credit) of the best so far, and the members not held.
    groups: dict[str, list] = {}
    for job_skill in job.skills:
        weight = settings.required_weight if job_skill.importance == "required" else settings.preferred_weight
        if job_skill.category == "soft":
            weight *= settings.soft_skill_factor
        elif job_skill.category == "certification":
            weight *= settings.certification_factor
        item = dict(
            id=job_skill.skill_id, name=job_skill.name, category=job_skill.category,
            importance=job_skill.importance, wording=job_skill.wording or job_skill.name,
        )
        holding = held.get(job_skill.skill_id)
        credit = 0.0 if holding is None else _evidence_credit(holding, settings) * (
            credentials.IN_PROGRESS_CREDIT if job_skill.skill_id in pending else 1)
        if job_skill.one_of:
            group = groups.setdefault(job_skill.one_of, [0.0, 0.0, []])
            group[0] = max(group[0], weight)
            group[1] = max(group[1], weight * credit)
        else:
            possible += weight
            earned += weight * credit
        if holding is None:
            if job_skill.one_of:
                groups[job_skill.one_of][2].append(MatchedItem(**item))
            else:
                missing.append(MatchedItem(**item))
            continue
        how = "in progress" if job_skill.skill_id in pending else {"name": "exact"}.get(holding.how, holding.how)
        matched.append(MatchedItem(**item, how=how, found_in=holding.sections, evidence=holding.evidence))
    for weight, best, not_held in groups.values():
        possible += weight
        earned += best
        if not best:  # none of the list is held: each is a way to meet it (a member held meets it)
            missing.extend(not_held)

    # Names and contact details never score: every component below reads the text without them.
    text = analysed.scoring_text or scoring_text(document)
    lowered = text.lower()
    required_keywords = {k.lower() for k in job.required_keywords}
    for keyword in job.other_keywords:
        weight = settings.other_keyword_weight * (2 if keyword.lower() in required_keywords else 1)
        possible += weight
        item = dict(id=f"keyword:{keyword.lower()}", name=keyword, category="keyword", importance="other keyword", wording=keyword)
        found = _find_keyword(text, lowered, keyword)
        if found:
            earned += weight
            start, words = found
            section = document.section_at(start) or "other"
            matched.append(MatchedItem(**item, how="keyword", found_in=(section,), evidence=words))
        else:
            missing.append(MatchedItem(**item))

    warnings = list(document.warnings)
    if not possible:
        warnings.append(
            "the job names no skill or keyword we recognise, so the score rests on text similarity and title alone"
        )
    coverage = earned / possible if possible else 0.0
    coverage *= possible / (possible + settings.ask_confidence) if possible else 1.0
    # Length is no merit: a resume that says everything finds most skills somewhere.
    coverage *= min(1.0, math.sqrt(settings.long_resume_chars / max(len(document.text), 1)))
    mentions = analysed.mentions
    stuffing = _stuffing_factor(mentions, settings)
    if stuffing < 1:
        warnings.append(
            f"keywords are repeated {len(mentions) / max(len({m.skill_id for m in mentions}), 1):.1f} times each on average; "
            "recruiters and ATS software read that as keyword stuffing, and the skills score was lowered"
        )
    components = {"skills": 100 * coverage * stuffing}
    profile = job.id if job.source == "shipped" else None  # a shipped job's occupation profile (tfidf.py)
    cosine = tfidf_model().similarity(text, f"{job.title}\n{job.summary}\n{job.relevant_text()}", profile=profile)
    components["similarity"] = similarity_points(cosine, settings)
    weights = {"skills": settings.skills_weight, "similarity": settings.similarity_weight}
    notes = {}
    if groups:
        lists = "; ".join(label.replace(" / ", ", ") for label in list(groups)[:3])
        notes["skills"] = f"the posting names examples ({lists}): any one of a list meets it, and counts once"
    if job.outside_taxonomy:
        mapped, lines = job.field_lines
        notes["skills"] = (
            f"this posting's field is outside the ISP taxonomy ({mapped} of {lines} requirement lines name a skill it "
            f"knows), so its own requirement phrases are the keywords matched"
        )
    if job.certifications:
        components["certifications"], notes["certifications"] = credentials.certification_component(job.certifications, held, pending)
        weights["certifications"] = settings.certifications_weight
    if job.education:
        components["education"] = _education_score(credentials.without(held, pending), job.education) or (
            credentials.IN_PROGRESS_CREDIT * _education_score(held, job.education))  # a degree in progress: part
        weights["education"] = settings.education_weight
        if components["education"] and job.education_fields:
            studied = document.section_text("education") or document.text
            if not any(_find_words(studied.lower(), f.lower()) >= 0 for f in job.education_fields):
                components["education"] = 50.0  # a degree of that level, in another field
                notes["education"] = f"a degree of that level, but not in {' or '.join(job.education_fields[:3])}"
    title = credentials.goal_title(title_match(document, job.title, text))
    components["title"] = title.score
    weights["title"] = settings.title_weight
    notes["title"] = title.why
    total = sum(weights.values())
    score = sum(components[name] * weight for name, weight in weights.items()) / total if total else 0.0
    asked = {name: round(weight / total, 3) if total else 0.0 for name, weight in weights.items()}
    order = {"required": 0, "preferred": 1, "other keyword": 2}
    matched.sort(key=lambda m: order[m.importance])
    missing.sort(key=lambda m: order[m.importance])
    return MatchResult(
        resume=document.source,
        job_id=job.id,
        job_title=job.title,
        score=round(score, 1),
        components={name: round(value, 1) for name, value in components.items()},
        weights={name: asked.get(name, 0.0) for name in COMPONENTS},
        notes=notes,
        matched=matched,
        missing=missing,
        warnings=warnings,
        in_progress=pending,
        facts={"experience": experience_fact(document, job)},  # a note beside the score, never in it
    )


def similarity_points(cosine: float, settings: MatchSettings) -> float:
    """A cosine on the 0-100 scale: a logistic curve of its logarithm through (midpoint, 50)."""
    if cosine <= 0:
        return 0.0
    step = (math.log(cosine) - math.log(settings.similarity_midpoint)) / settings.similarity_spread
    return 100.0 / (1.0 + math.exp(-step))


def _evidence_credit(holding: HeldSkill, settings: MatchSettings) -> float:
    """How much of a skill's weight the resume earns, by how it shows the skill."""
    if holding.how == "implied":
        return settings.evidence_implied
    if holding.how == "activity":
        return settings.evidence_activity
    return settings.evidence_in_experience if holding.shown else settings.evidence_listed


def _stuffing_factor(mentions: list[SkillMention], settings: MatchSettings) -> float:
    """1.0 for a normal resume; below 1 when skills are mentioned far more often than real resumes do."""
    distinct = len({m.skill_id for m in mentions})
    if not distinct:
        return 1.0
    per_skill = len(mentions) / distinct
    return min(1.0, settings.max_mentions_per_skill / per_skill)


def _find_words(text: str, phrase: str) -> int:
    match = re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text)
    return match.start() if match else -1


def _find_keyword(text: str, lowered: str, keyword: str) -> tuple[int, str] | None:
    """Where the resume uses a keyword: as written (any case), or with every word of it, in
    another form or order, on one line ("IV medications" does not show "IV therapy"; "charted
    in Epic" shows "Epic"; "discharge instructions" ~ "instructed on discharge" does).
    Returns the offset and the resume's words."""
    from .skills.name_words import stem

    position = _find_words(lowered, keyword.lower())
    if position >= 0:
        return position, text[position : position + len(keyword)]
    wanted = {stem(w) for w in re.findall(r"[A-Za-z0-9+#]+", keyword)}
    if len(wanted) < 2:
        return None  # one word: as written or not at all (an acronym has no other form)
    offset = 0
    for line in text.split("\n"):
        if wanted <= {stem(w) for w in re.findall(r"[A-Za-z0-9+#]+", line)}:
            return offset, " ".join(re.sub(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s*", "", line).split())[:80]
        offset += len(line) + 1
    return None


def _education_score(held: dict, wanted: list[str]) -> float:
    """100 when the resume shows a listed qualification or a degree at least as high as one listed."""
    if any(e in held for e in wanted):
        return 100.0
    levels = [DEGREE_LEVELS[e] for e in wanted if e in DEGREE_LEVELS]
    have = [DEGREE_LEVELS[e] for e in held if e in DEGREE_LEVELS]
    if levels and have and max(have) >= min(levels):
        return 100.0
    return 0.0
