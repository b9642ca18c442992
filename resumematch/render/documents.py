"""What ``parse``, ``skills`` and ``jobs`` print: a parsed document, its skills, the job list, one job."""

from __future__ import annotations

import json

from ..types import Document, Job
from . import job_label


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_document(document: Document, fmt: str) -> str:
    return _json(document.to_dict()) if fmt == "json" else document.text


def render_skills(source: str, grouped: list[dict], fmt: str) -> str:
    """``grouped`` is ``skills.group_by_skill``'s list: the JSON contract's "skills"."""
    if fmt == "json":
        return _json({"source": source, "skills": grouped})
    if not grouped:
        return f"No skills from the taxonomy found in {source}."
    by_category: dict[str, list[dict]] = {}
    for skill in grouped:
        by_category.setdefault(skill["category"], []).append(skill)
    lines = []
    for category in sorted(by_category):
        lines.append(f"{category}:")
        for skill in sorted(by_category[category], key=lambda s: s["name"].lower()):
            where = sorted({m["section"] or "-" for m in skill["mentions"]})
            count = len(skill["mentions"])
            lines.append(f"  {skill['name']} ({skill['id']}): {count} mention{'s' if count != 1 else ''}, in {', '.join(where)}")
    return "\n".join(lines)


def render_taxonomy(skills, fmt: str) -> str:
    """The taxonomy itself (``skills --list``): id, name, category, other names."""
    if fmt == "json":
        return _json([{"id": s.id, "name": s.name, "category": s.category, "aliases": list(s.surface_forms[1:])} for s in skills])
    width = max((len(s.id) for s in skills), default=0)
    return "\n".join(f"{s.id:{width}}  {s.name}  [{s.category}]" for s in skills)


_SUMMARY_KEYS = ("id", "title", "family", "summary", "required", "preferred", "must_have", "certifications",
                 "education", "experience_years", "career_path")


def render_jobs(roles: list[Job], fmt: str) -> str:
    if fmt == "json":
        return _json([{k: job.to_dict()[k] for k in _SUMMARY_KEYS} for job in roles])
    width = max(len(job.id) for job in roles)
    return "\n".join(f"{job.id:{width}}  {job.title}  [{job.family}]" for job in roles)


def render_job(job: Job, fmt: str, names) -> str:
    """One job; ``names`` is the taxonomy, for skill names."""
    if fmt == "json":
        return _json(job.to_dict())

    def listing(ids: list[str]) -> str:
        return ", ".join(names[i].name for i in ids) or "-"

    lines = [job_label(job.title, job.id)]
    if job.family:
        lines.append(f"Family: {job.family}")
    if job.summary:
        lines.append(job.summary)
    lines += [f"Required: {listing(job.required)}", f"Preferred: {listing(job.preferred)}"]
    if job.must_have:
        lines.append(f"Must have: {listing(job.must_have)}")
    lines += [f"Certifications: {listing(job.certifications)}", f"Education: {listing(job.education)}"]
    if job.experience_years is not None:
        lines.append(f"Experience: {job.experience_years:g}+ years")
    if job.career_path:
        lines.append(f"Leads to: {', '.join(job.career_path)}")
    if job.other_keywords:
        lines.append(f"Other keywords: {', '.join(job.other_keywords)}")
    if job.set_aside:
        kinds = sorted({part["kind"] for part in job.set_aside})
        lines.append(f"Set aside (no skills or keywords taken from them): {', '.join(kinds)}")
    return "\n".join(lines)
