"""The job seeker's check: one resume, one job (or every shipped role), explained.

``check(resume, job=None)`` parses the resume, extracts its skills once, scores it, and gathers
the suggestions. Without a job it scores every shipped role, reports them best first, and
names the career-path step after the best one.
"""

from __future__ import annotations

import os

from .types import AnalysedResume, CheckReport, Document, Job, MatchResult, RoleFit, Suggestion

__all__ = ["CheckReport", "RoleFit", "check"]


def check(
    resume: str | os.PathLike | bytes | Document,
    job: str | os.PathLike | Job | None = None,
    *,
    settings=None,
    all_suggestions: bool = False,
    limits=None,
) -> CheckReport:
    """Check a resume against a job (or every shipped role). ``all_suggestions`` lifts the limit
    of about eight suggestions. Reading the resume, finding its skills and scoring it share one
    time budget (``ParseLimits.timeout_seconds``)."""
    from .limits import ParseLimits
    from .parsers.budget import time_budget
    from .parsers.isolated import parse_isolated
    from .skills import analyse, load_pipeline
    from .suggestions import DEFAULT_LIMIT

    limit = None if all_suggestions else DEFAULT_LIMIT
    limits = ParseLimits.resolve(limits)
    label = resume.source if isinstance(resume, Document) else str(resume if not isinstance(resume, bytes) else "<bytes>")
    with time_budget(limits.timeout_seconds, label):
        # The resume is read in a child process; the skill model loads here meanwhile.
        document = resume if isinstance(resume, Document) else parse_isolated(resume, limits=limits, meanwhile=load_pipeline)
        return _check(analyse(document), job, settings, limit)


def _check(analysed: AnalysedResume, job, settings, limit) -> CheckReport:
    from .jobs import load_job, shipped_jobs
    from .scoring import match
    from .suggestions import LOW_FIT, suggest

    if job is not None:
        target = job if isinstance(job, Job) else load_job(job)
        result = match(analysed, target, settings=settings)
        stretch = None
        if result.score < LOW_FIT:  # a poor fit here: does another role fit the resume, by a real margin?
            scored = [match(analysed, role, settings=settings) for role in shipped_jobs().values()]
            best = max(scored, key=lambda r: (r.score, r.job_id))
            if best.score - result.score >= MUCH_BETTER and fits(analysed, best):
                stretch = best
        suggestions = suggest(analysed, target, result, limit=limit, settings=settings,
                              best_fit=stretch.score if stretch else None)
        if stretch is not None:
            suggestions.insert(0, Suggestion(
                "role-fit", 1,
                f"This job is a stretch for this resume ({result.score:g}/100); it fits {stretch.job_title} "
                f"({stretch.score:g}/100) much better.",
            ))
        suggestions = suggestions if limit is None else suggestions[:limit]
        _said_once(result, suggestions)
        return CheckReport(analysed, target, result, suggestions)

    jobs = shipped_jobs()
    results = {job_id: match(analysed, role, settings=settings) for job_id, role in jobs.items()}
    ranked = sorted(results.values(), key=lambda r: (-r.score, r.job_id))
    roles = [RoleFit(r.job_id, r.job_title, jobs[r.job_id].family, r.score) for r in ranked]
    best = jobs[ranked[0].job_id]
    fitting = fits(analysed, ranked[0])
    suggestions = suggest(analysed, best, ranked[0], limit=None, settings=settings,
                          best_fit=ranked[0].score if fitting else None)
    if fitting:
        lacking = [m.name for m in ranked[0].missing if m.importance == "required"][:3]
        takes = f"it still asks for {_and(lacking)}" if lacking else "the resume shows every required skill"
        suggestions.insert(0, Suggestion("role-fit", 1, f"Best-fitting role: {best.title} ({ranked[0].score:g}/100); {takes}."))
    else:
        why = (f"the best score is {ranked[0].score:g}/100" if ranked[0].score < LOW_FIT
               else "what the resume shows of any of them rests on one line or less")
        suggestions.insert(0, Suggestion(
            "role-fit", 1,
            f"No shipped ISP role fits this resume yet: {why}. The nearest is {best.title}; "
            "the steps below would build toward it.",
        ))
    next_step = _next_step(best, results, jobs, analysed) if fitting else None
    if next_step:
        needs = " and ".join(next_step["needs"]) if next_step["needs"] else "more experience"
        suggestions.insert(1, Suggestion(
            "career-path", 2,
            f"After {best.title}, {next_step['title']} is the next step; it takes {needs}.",
        ))
    if limit is not None:
        suggestions = suggestions[:limit]
    _said_once(ranked[0], suggestions)
    return CheckReport(analysed, best, ranked[0], suggestions, roles, next_step)


def _said_once(result, suggestions) -> None:
    """A resume in another language is said to be so once: by the advice when it says it."""
    from .parsers.language import LANGUAGE_WARNING

    if any(s.kind == "language" for s in suggestions):
        result.warnings[:] = [w for w in result.warnings if not w.startswith(LANGUAGE_WARNING)]


MUCH_BETTER = 10.0  # points: a smaller gap between two roles is not "much better"


def fits(analysed: AnalysedResume, result: MatchResult) -> bool:
    """Whether a role fits: a score at the low-fit line or above, with the skills it matched
    shown on more than one line of the resume (one bullet is an anecdote, not a fit)."""
    from .suggestions import LOW_FIT

    return result.score >= LOW_FIT and len(evidence_lines(analysed, result)) > 1


def evidence_lines(analysed: AnalysedResume, result: MatchResult) -> set[int]:
    """Start offsets of the resume lines that show the job's matched skills (soft skills aside)."""
    text = analysed.document.text
    wanted = {m.id for m in result.matched if m.category not in ("soft", "keyword")}
    wanted |= {analysed.held[i].via for i in wanted if i in analysed.held and analysed.held[i].via}
    offsets = [m.start for m in analysed.mentions if m.skill_id in wanted and m.start >= 0]
    offsets += [a.start for a in analysed.activities if a.skill_id in wanted]
    offsets += [text.find(m.evidence) for m in result.matched if m.how == "keyword" and m.evidence]
    return {text.rfind("\n", 0, offset) + 1 for offset in offsets if offset >= 0}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _next_step(best: Job, results: dict[str, MatchResult], jobs: dict[str, Job], analysed: AnalysedResume) -> dict | None:
    """The career-path step after ``best`` the resume is closest to, and what it is missing."""
    steps = [step for step in best.career_path if step in results]
    if not steps:
        return None
    step = max(steps, key=lambda s: (results[s].score, s))
    result = results[step]
    held = set(analysed.held)
    needs = []
    certifications = [c for c in jobs[step].certifications if c not in held]
    if certifications and not set(jobs[step].certifications) & held:
        from .skills import taxonomy

        needs.append(taxonomy()[certifications[0]].name)
    needs += [m.name for m in result.missing if m.importance == "required" and m.category != "certification"][: 2 - len(needs)]
    return {"id": step, "title": jobs[step].title, "score": result.score, "needs": needs}
