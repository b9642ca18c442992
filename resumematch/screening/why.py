"""The why-line: what a row's score rests on, in one line a recruiter reads at a glance."""

from __future__ import annotations

from ..types import Job


def why_line(result, job: Job, held=frozenset(), known=None) -> str:
    """ "7/9 required, 2/4 preferred; CCNA; title match": what the score rests on, in one line."""
    parts = []
    for importance in ("required", "preferred"):
        matched = sum(1 for m in result.matched if m.importance == importance)
        total = matched + sum(1 for m in result.missing if m.importance == importance)
        if total:
            parts.append(f"{matched}/{total} {importance}")
    line = ", ".join(parts)
    extras = [known[c].name if known else c for c in job.certifications if c in held][:2]
    if result.components.get("title") == 100.0:
        extras.append("title match")
    return "; ".join(p for p in [line, *extras] if p)
