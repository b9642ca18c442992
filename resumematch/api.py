"""The job seeker's check: one resume, one job (or every shipped role), explained.

``check(resume, job=None)`` parses the resume, extracts its skills once, scores it, and gathers
the suggestions. Without a job it scores every shipped role, reports them best first, and
names the career-path step after the best one.
"""

from __future__ import annotations

import os

from .types import AnalysedResume, CheckReport, Document, Job, MatchResult, RoleFit, Suggestion

__all__ = ["CheckReport", "RoleFit", "check"]


def check(resume: str | os.PathLike | bytes | Document, job: str | os.PathLike | Job | None = None, *, settings=None) -> CheckReport:
    from .jobs import load_job, shipped_jobs
    from .parsers import parse
    from .scoring import match
    from .skills import analyse
    from .suggestions import suggest

    document = resume if isinstance(resume, Document) else parse(resume)
    analysed = analyse(document)
    if job is not None:
        target = job if isinstance(job, Job) else load_job(job)
        result = match(analysed, target, settings=settings)
        return CheckReport(analysed, target, result, suggest(analysed, target, result))

    jobs = shipped_jobs()
    results = {job_id: match(analysed, role, settings=settings) for job_id, role in jobs.items()}
    ranked = sorted(results.values(), key=lambda r: (-r.score, r.job_id))
    roles = [RoleFit(r.job_id, r.job_title, jobs[r.job_id].family, r.score) for r in ranked]
    best = jobs[ranked[0].job_id]
    suggestions = suggest(analysed, best, ranked[0])
    next_step = _next_step(best, results, jobs, analysed)
    if next_step:
        needs = " and ".join(next_step["needs"]) if next_step["needs"] else "more experience"
        suggestions.insert(
            0,
            Suggestion(
                "career-path",
                2,
                f"You fit {best.title} best ({ranked[0].score:g}/100); with {needs}, "
                f"{next_step['title']} is the next step.",
            ),
        )
    return CheckReport(analysed, best, ranked[0], suggestions, roles, next_step)


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
