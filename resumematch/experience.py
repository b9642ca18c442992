"""Years of experience: read from the dated roles of a resume's Experience section and compared
with the years a posting asks for.

A note, not a score component: the score's weights are fitted on labelled data, and a number of
years read from dates is a fact a recruiter weighs (a career changer's ten years in retail are
not ten years of networking), so it is reported beside the score, in the check, the rank row and
the explanation, and never moves the score or the ranking.

How the years are counted: every date range in Experience ("2019 - Present", "Mar 2017 - Jun
2019", "03/2015 – 11/2016") is a span of months; overlapping spans (two jobs at once) are counted
once; "Present", "Current" or "Now" is today. A year without a month starts in January and, as
an end, ends in January too ("2015 - 2019" is four years). Ranges in Education are not work.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_POINT = rf"(?:{_MONTH}\s+(?:19|20)\d\d|(?:0?[1-9]|1[0-2])\s*/\s*(?:19|20)\d\d|(?:19|20)\d\d)"
_NOW = r"(?:present|current|now|today|ongoing|date)"
_YEAR = re.compile(r"(?:19|20)\d\d")
MAX_LINE = 300  # characters
RANGE = re.compile(rf"(?<![\w/])({_POINT})\s*(?:-|–|—|to|until|till)\s*({_POINT}|{_NOW})(?![\w/])", re.I)


def _month(point: str, today: date) -> int:
    """A date as a count of months (year * 12 + month - 1)."""
    point = point.strip().lower()
    if re.fullmatch(_NOW, point):
        return today.year * 12 + today.month - 1
    year = int(re.search(r"(?:19|20)\d\d", point).group())
    name = re.match(r"[a-z]+", point)
    if name:
        return year * 12 + _MONTHS[name.group()[:3]] - 1
    number = re.match(r"(\d{1,2})\s*/", point)
    return year * 12 + (int(number.group(1)) - 1 if number else 0)


def spans(text: str, today: date | None = None) -> list[tuple[int, int]]:
    """The month spans of every date range in ``text`` (impossible ones, ending before they
    start or after today, left out)."""
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    out = []
    # Only short lines with a year: a date line is never long, and a hostile 400,000-character
    # line is not searched position by position.
    dated = "\n".join(line for line in text.split("\n") if len(line) <= MAX_LINE and _YEAR.search(line))
    for start, end in RANGE.findall(dated):
        first, last = _month(start, today), _month(end, today)
        if first <= last <= now:
            out.append((first, last))
    return out


@lru_cache(maxsize=16)  # one resume is scored against every role and re-scored for each suggestion
def years_of(text: str, today: date | None = None) -> tuple[float, int] | None:
    """(years, roles): the months the date ranges cover, overlaps counted once, in years; None
    when the text has no date range."""
    found = sorted(spans(text, today))
    if not found:
        return None
    months, current = 0, None
    for start, end in found:
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            months += current[1] - current[0]
        current = (start, end)
    months += current[1] - current[0]
    return round(months / 12, 1), len(found)


def experience_fact(document, job, today: date | None = None) -> dict:
    """{"years", "roles", "asked", "meets", "note"}: the resume's years against the posting's ask."""
    text = document.section_text("experience")
    counted = years_of(text, today or date.today()) if text else None  # the date in the cache key
    asked = job.experience_years
    fact = {"years": counted[0] if counted else None, "roles": counted[1] if counted else 0,
            "asked": asked, "meets": None, "note": ""}
    if counted is None:
        fact["note"] = "no dated roles found in Experience" + (f"; the posting asks {asked:g}+ years" if asked else "")
        return fact
    years = counted[0]
    stated = f"{years:g} year{'' if years == 1 else 's'} of dated roles"
    if asked is None:
        fact["note"] = f"{stated}; the posting names no number of years"
        return fact
    fact["meets"] = years >= asked
    fact["note"] = f"{stated}; the posting asks {asked:g}+" + ("" if fact["meets"] else f" ({asked - years:g} short)")
    return fact


def short(fact: dict | None) -> str:
    """The years for a rank row: "12 yrs", "1.5 yrs (under 2+)", "" when unknown. What the
    posting asks is the same on every row: the table says it once, under it."""
    if not fact or fact.get("years") is None:
        return "no dates" if fact and fact.get("asked") else ""
    years = fact["years"]
    years = round(years) if years >= 3 else years  # "12 yrs": a tenth of a year matters only early on
    unit = "yr" if years == 1 else "yrs"
    return f"{years:g} {unit}" if fact["meets"] is not False else f"{years:g} {unit} (under {fact['asked']:g}+)"
