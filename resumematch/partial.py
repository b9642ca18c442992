"""Where the skills component's points went: the partial credit of each matched skill, and what
the posting's size takes off, so a report accounts for every point even when nothing is missing.

A skill counts in full when the resume shows it in Experience, Projects or the Summary; listed
only (in a Skills list, not in a bullet), shown through a narrower skill, or done without being
named, it counts for part of its weight; a credential in progress for less (see credentials.py).
The figures come from the same :class:`MatchSettings` the score used, so they add up.
"""

from __future__ import annotations

from .credentials import IN_PROGRESS_CREDIT
from .types import EVIDENCE_SECTIONS, MatchResult

REASONS = {
    "listed": "listed only, not in an Experience bullet",
    "implied": "shown only through a narrower skill",
    "activity": "done in a bullet but not named as the posting words it",
    "in progress": "in progress, not held",
}


def _weight(item, settings) -> float:
    weight = settings.required_weight if item.importance == "required" else settings.preferred_weight
    if item.category == "soft":
        weight *= settings.soft_skill_factor
    elif item.category == "certification":
        weight *= settings.certification_factor
    return weight


def _credit(item, settings) -> tuple[float, str]:
    """(share of the item's weight earned, the reason it is not all of it)."""
    shown = item.how == "activity" or any(s in EVIDENCE_SECTIONS for s in item.found_in)
    if item.how == "in progress":
        return IN_PROGRESS_CREDIT * (settings.evidence_in_experience if shown else settings.evidence_listed), "in progress"
    if item.how == "implied":
        return settings.evidence_implied, "implied"
    if item.how == "activity":
        return settings.evidence_activity, "activity"
    if not shown:
        return settings.evidence_listed, "listed"
    return settings.evidence_in_experience, ""


def partial_credit(result: MatchResult, settings=None) -> dict:
    """{"items": [{"name", "importance", "reason", "credit", "points"}], "scale_points", "total"}:
    ``points`` is what each skill's partial credit costs the whole score, ``scale_points`` what
    the posting's size costs it (a short posting's full coverage says less)."""
    from .scoring import MatchSettings

    settings = MatchSettings.resolve(settings)
    skills_share = result.weights.get("skills", 0.0)
    skills = result.components.get("skills")
    out = {"items": [], "scale_points": 0.0, "total": 0.0}
    if not skills_share or skills is None:
        return out
    possible = sum(_weight(m, settings) for m in (*result.matched, *result.missing) if m.category != "keyword")
    possible += sum(
        settings.other_keyword_weight * (2 if m.importance == "required" else 1)
        for m in (*result.matched, *result.missing) if m.category == "keyword"
    )
    if not possible:
        return out
    scale = possible / (possible + settings.ask_confidence)
    for item in result.matched:
        if item.category == "keyword":
            continue
        credit, reason = _credit(item, settings)
        if credit >= 1 or not reason:
            continue
        lost = (1 - credit) * _weight(item, settings) / possible * scale * 100 * skills_share
        out["items"].append({"name": item.name, "importance": item.importance, "reason": REASONS[reason],
                             "credit": round(credit, 2), "points": round(lost, 1)})
    earned_share = skills / 100 / scale if scale else 0.0
    out["scale_points"] = round((1 - scale) * min(earned_share, 1.0) * 100 * skills_share, 1)
    out["scale"] = round(scale, 2)
    out["total"] = round(sum(i["points"] for i in out["items"]) + out["scale_points"], 1)
    return out


def lines(result: MatchResult, settings=None) -> list[str]:
    """The partial credit in words, one line a skill, then the posting's size: "" when none."""
    facts = partial_credit(result, settings)
    out = [f"{i['name']} ({i['importance']}): {i['reason']}, {i['credit']:.0%} of its weight, "
           f"-{i['points']:g} point{'' if i['points'] == 1 else 's'}" for i in facts["items"] if i["points"]]
    if facts["scale_points"] >= 0.1:
        out.append(f"the posting's size: full coverage of what it asks counts {facts['scale']:.0%}, "
                   f"-{facts['scale_points']:g} points")
    return out
