"""The facts behind one candidate's row, kept (when asked) so the row can be explained in plain
words: the score's components, and each skill the job asks for, found (where, in which words)
or not found. Small and plain, so a ranking of thousands still fits in memory."""

from __future__ import annotations

from ..types import MatchResult

EVIDENCE_CHARS = 120  # the resume's words quoted for a skill, at most


def explanation_facts(result: MatchResult) -> dict:
    """{"score", "components", "items": {importance: {"found": [...], "missing": [...]}}, "warnings"}."""
    items: dict[str, dict[str, list]] = {}
    for item in result.matched:
        evidence = " ".join(item.evidence.split())
        if len(evidence) > EVIDENCE_CHARS:
            evidence = evidence[: EVIDENCE_CHARS - 1] + "…"
        items.setdefault(item.importance, {"found": [], "missing": []})["found"].append(
            {"name": item.name, "how": item.how, "where": list(item.found_in), "evidence": evidence}
        )
    for item in result.missing:
        items.setdefault(item.importance, {"found": [], "missing": []})["missing"].append({"name": item.name})
    from ..partial import lines as partial_lines

    return {
        "score": result.score,
        "components": dict(result.components),
        "notes": dict(result.notes),
        "items": items,
        "warnings": list(result.warnings),
        "experience": dict((result.facts or {}).get("experience") or {}),
        "partial": partial_lines(result),
    }
