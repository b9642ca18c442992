"""The why-line: what a row's score rests on, in one line a recruiter reads at a glance.

It leads with what tells rows apart (the skills counts, the credentials held or in progress, the
title, the years of dated roles) and stays short enough for the rank table's last column: a flag
that every row shares ("not stated: Driver's license") is said once under the table, not here.
"""

from __future__ import annotations

from ..experience import short as short_years
from ..types import Job

WHY_LEGEND = (
    "why: required (req) and preferred (pref) skills found; the job's certifications held, or in progress; "
    "title: the resume names the role (as goal: aspires to it); yrs: years of dated roles in Experience"
)


def years_legend(job: Job) -> str:
    asked = job.experience_years
    return f"The posting asks {asked:g}+ years; yrs is a note beside the score, not part of it." if asked else ""


def why_line(result, job: Job, held=frozenset(), known=None) -> str:
    """ "7/9 req, 2/4 pref; CCNA; title; 6 yrs (asks 2+)": what the score rests on (the legend
    under the rank table, :data:`WHY_LEGEND`, says what each part means)."""
    parts = []
    counts = []
    for importance in ("required", "preferred"):
        matched = sum(1 for m in result.matched if m.importance == importance)
        total = matched + sum(1 for m in result.missing if m.importance == importance)
        if total:
            counts.append(f"{matched}/{total} {importance[:3] if importance == 'required' else importance[:4]}")
    if counts:
        parts.append(", ".join(counts))
    pending = getattr(result, "in_progress", {}) or {}
    name = (lambda c: _short_name(known[c].name)) if known else (lambda c: c)
    holds = [name(c) for c in job.certifications if c in held and c not in pending][:2]
    working = [f"{name(c)} in progress" for c in job.certifications if c in pending][:1]
    if holds or working:
        parts.append(", ".join(holds + working))
    title = result.components.get("title")
    if title == 100.0:
        parts.append("title")
    elif title and "goal" in result.notes.get("title", ""):
        parts.append("title as goal")
    years = short_years(getattr(result, "facts", {}).get("experience"))
    if years:
        parts.append(years)
    return "; ".join(parts)


def _short_name(name: str) -> str:
    """A credential's name as a recruiter says it in a hurry: "CompTIA Network+" -> "Network+"."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] == "CompTIA" else name
