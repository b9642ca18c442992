"""Credentials and titles the resume is working toward, not holding.

"CompTIA A+ (in progress)", "CCNA, expected 2026", "Currently studying for Network+", "B.S. in
Computer Science (anticipated May 2027)" and a headline "Aspiring Network Technician" name a
credential or a role the person does not hold yet. They are worth something (the direction and
the work under way are real) but an employer who lists a credential asks that it is held, so
each gets its own state, "in progress", with part of the credit of holding it.

``IN_PROGRESS_CREDIT`` 0.4: below the weakest evidence of a held skill (implied through a
narrower one, 0.6 of a skill's weight), so a holder outranks someone working toward the same
credential whenever everything else is equal, and above nothing, so the effort still counts.

Where a marker reaches: a line is cut into items at commas, semicolons and bars outside
brackets ("A+ (in progress, expected 2026), Network+" is two items); a marker in an item holds
for that item (for the whole line when its item names no credential: "B.S. Computer Science,
Arizona State University (expected 2027)"); a marker that opens the line ("Studying for A+, Network+") or a line that is only
a marker ("In progress:") holds for the whole line, or for the lines under it up to a blank line
or the next section.
"""

from __future__ import annotations

import re
from functools import lru_cache

IN_PROGRESS_CREDIT = 0.4
CREDENTIAL_CATEGORIES = ("certification", "education")
ENTRY_SECTIONS = ("education", "certifications")  # where a line is one entry, its date or state after it

_MARKER = (
    r"in[ -]progress|ongoing|under ?way|pending|expected|anticipated|exp\.|planned|planning to|"
    r"(?:currently |now )?(?:studying|preparing|training|working|enrolled|registered|scheduled)\s+(?:for|toward|towards|in)|"
    r"pursuing|aspiring|candidate for|in training|"
    r"not yet|to be completed|completion (?:expected|due|in|by)|due \d{4}|\(?target(?:ing)?\b"
)
MARKER = re.compile(rf"(?<![\w])(?:{_MARKER})(?![\w])", re.I)
# A bullet or a bracket before the marker, at most a few characters: "\W*" would backtrack over a
# hostile line of 400,000 brackets once for every character.
_LEADING = re.compile(rf"^\W{{0,8}}(?:{_MARKER})(?![\w])", re.I)
_ONLY_MARKER = re.compile(rf"^\W{{0,8}}(?:certifications?\s+|credentials?\s+)?(?:{_MARKER})\W{{0,8}}(?:certifications?)?\W{{0,8}}$", re.I)
MAX_LINE = 2000  # characters: no credential entry is longer; a longer line is not read for markers
# A headline that names the role as a goal, not as a job held.
GOAL = re.compile(
    r"^\W*(?:aspiring|future|prospective|would-be|seeking|looking for|targeting|transitioning (?:in)?to|"
    r"in training|trainee|studying to be(?:come)?|entry-level candidate for)\b", re.I
)


def _items(line: str) -> list[tuple[int, int]]:
    """(start, end) of the items of a line: cut at , ; | outside brackets."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(line):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        elif char in ",;|•·" and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(line)))
    return out


@lru_cache(maxsize=16)  # one resume is scored against every role, and re-scored for each suggestion
def pending_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of ``text`` written as in progress, planned or hoped for."""
    spans: list[tuple[int, int]] = []
    offset, carried = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if len(line) > MAX_LINE:
            carried = False
        elif not stripped:
            carried = False
        elif _ONLY_MARKER.match(stripped):
            carried = True
            spans.append((offset, offset + len(line)))
        elif carried or _LEADING.match(line):
            spans.append((offset, offset + len(line)))
        elif MARKER.search(line):
            for start, end in _items(line):
                if MARKER.search(line[start:end]):
                    spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return tuple(spans)


def in_progress(analysed) -> dict[str, str]:
    """Credentials the resume names only as in progress: {skill id: the resume's words for it}.

    A credential named once as held ("CompTIA A+, 2021") is held, however often it is also
    named as in progress elsewhere; one implied only by a credential in progress is in progress."""
    text = analysed.scoring_text or analysed.document.text
    spans = list(pending_spans(text))
    if not spans:
        return {}
    credentials = [m for m in analysed.mentions if m.category in CREDENTIAL_CATEGORIES]
    for index, (start, end) in enumerate(spans):
        # "B.S. Computer Science, Arizona State University (expected May 2027)": a marker in an
        # item that names no credential is about the line's entry, so it holds for the whole line.
        # Only an entry of Education or Certifications: in prose ("exceeded expected targets") it is not.
        line = (text.rfind("\n", 0, start) + 1, len(text) if text.find("\n", end) < 0 else text.find("\n", end))
        on_line = [m for m in credentials if line[0] <= m.start < line[1]]
        if on_line and not any(start <= m.start < end for m in on_line) and all(
                m.section in ENTRY_SECTIONS for m in on_line):
            spans[index] = line
    pending: dict[str, str] = {}
    held_somewhere: set[str] = set()
    for mention in analysed.mentions:
        if mention.category not in CREDENTIAL_CATEGORIES:
            continue
        span = next(((s, e) for s, e in spans if s <= mention.start < e), None)
        if span is None:
            held_somewhere.add(mention.skill_id)
        else:
            pending.setdefault(mention.skill_id, " ".join(text[span[0]:span[1]].split()).strip(" •·-*"))
    for skill_id in held_somewhere:
        pending.pop(skill_id, None)
    for skill_id, holding in analysed.held.items():
        if holding.how == "implied" and holding.via in pending and skill_id not in pending:
            if not any(m.skill_id == skill_id for m in analysed.mentions):
                pending[skill_id] = pending[holding.via]
    return {k: v for k, v in pending.items() if k in analysed.held and analysed.held[k].how != "activity"}


def certification_component(wanted: list[str], held: dict, pending: dict[str, str]) -> tuple[float, str]:
    """The certifications component and its note: 100 for one held, partial for one in progress."""
    holds = [c for c in wanted if c in held and c not in pending]
    if holds:
        return 100.0, f"holds {held[holds[0]].name}"
    working = [c for c in wanted if c in pending]
    if working:
        return 100.0 * IN_PROGRESS_CREDIT, (
            f"{held[working[0]].name} in progress ('{pending[working[0]]}'): not held yet, "
            f"{IN_PROGRESS_CREDIT:.0%} of the credit"
        )
    return 0.0, "holds none the job lists"


def goal_title(title):
    """A title match on a headline that names the role as a goal ("Aspiring Network Technician")
    earns the in-progress share of the credit, and says so."""
    if not title.score or not GOAL.match(title.resume_title or ""):
        return title
    return type(title)(
        round(title.score * IN_PROGRESS_CREDIT, 1),
        f"in progress: the headline '{title.resume_title}' names the role as a goal, not a job held "
        f"({IN_PROGRESS_CREDIT:.0%} of the credit)",
        title.resume_title,
    )


def without(held: dict, pending: dict[str, str]) -> dict:
    """What the resume holds, leaving out what it is only working toward."""
    return {k: v for k, v in held.items() if k not in pending} if pending else held


def working_toward(analysed, skill_ids, known):
    """The resume as if it listed these credentials as in progress ("CompTIA A+ (in progress)"):
    what the advice to add an "in progress" entry is worth, measured, not assumed."""
    from dataclasses import replace

    from .skills import with_named

    changed = with_named(analysed, skill_ids, known)
    text, scoring = analysed.document.text, analysed.scoring_text or analysed.document.text
    mentions = list(changed.mentions[: len(analysed.mentions)])
    for skill_id in skill_ids:
        line = f"{known[skill_id].name} (in progress)"
        start = len(scoring) + 1
        text, scoring = f"{text}\n{line}", f"{scoring}\n{line}"
        skill = known[skill_id]
        mentions.append(replace(changed.mentions[len(mentions)], start=start, end=start + len(skill.name), section="certifications"))
    document = replace(analysed.document, text=text)
    return replace(changed, document=document, mentions=mentions, scoring_text=scoring)
