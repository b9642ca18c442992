"""One candidate's row explained in plain words (Markdown that reads as plain text): the result,
what the score is made of, the skills found and not found and where, knock-outs and flags, and
what the ranking does and does not consider. Written for the recruiter and, on request, for
the candidate: it ranks and explains; people decide."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePosixPath

from ..glossary import COMPONENT_NAMES, GLOSSARY
from ..screening.rows import RankOutcome, RankRow, shortlist_rule
from . import job_label

COMPONENTS = {name: GLOSSARY[name] for name in COMPONENT_NAMES}  # the words check and the page use too
IMPORTANCE = (("required", "Required skills"), ("preferred", "Preferred skills"), ("other keyword", "Other keywords"))
CONSIDERS = (
    "What this ranking considers: the skills, keywords, certifications, education and job title the "
    "resume states, and how close its wording is to the posting's. Every resume is scored the same way."
)
IGNORES = (
    "What it does not consider: the candidate's name, email, phone, address, city or links (they are left out "
    "of every score); photos, age, sex, race, ethnicity or any other personal trait; anything the resume does "
    "not say (a skill not stated is not a skill lacking); how well the person would actually do the job."
)
DECIDES = "This ranking orders resumes and says why. It does not hire or reject anyone: a person decides."


def render_explanation(outcome: RankOutcome, row: RankRow) -> str:
    job = outcome.job
    lines = [f"# {row.source}", "", f"File: {_file_kind(row.source)}", f"Job: {job_label(job.title, job.id)}", ""]
    ranked = sum(1 for r in outcome.rows if r.status == "ok")
    if row.status == "ok":
        shortlist = ""
        rule = shortlist_rule(getattr(outcome, "shortlist", None))
        if rule and any(r.status == "ok" and not r.shortlisted for r in outcome.rows):
            shortlist = f" On the shortlist: {rule}." if row.shortlisted else f" Not on the shortlist, which asks for {rule}."
        lines.append(f"Result: ranked {row.rank} of {ranked}, score {row.score:g} out of 100.{shortlist}")
    elif row.status == "rejected":
        lines.append(f"Result: not ranked (score {row.score:g}): {'; '.join(row.rejected_by)}, a knock-out you asked for.")
    elif row.status == "duplicate":
        lines.append(f"Result: not ranked again: the same resume or person as {row.duplicate_of}, which is ranked.")
    else:
        lines.append(f"Result: could not be read: {row.error}")
    facts = getattr(row, "explanation", None)
    if facts:
        lines += ["", "## What the score is made of", ""]
        for name, value in facts["components"].items():
            why = (facts.get("notes") or {}).get(name)
            lines.append(f"- {name} {value:g} of 100: {COMPONENTS.get(name, name)}." + (f" Here: {why}." if why else ""))
        lines.append("The score is a weighted mean of these (skills weigh most; see the README).")
        years = facts.get("experience")
        if years and years.get("note"):
            lines.append(f"- years: {years['note']} ({GLOSSARY['years'].split(': ', 1)[1]}).")
        for line in facts.get("partial", []):
            lines.append(f"- partial credit: {line}.")
        for importance, title in IMPORTANCE:
            group = facts["items"].get(importance)
            if not group:
                continue
            found, missing = group["found"], group["missing"]
            lines += ["", f"## {title}: {len(found)} of {len(found) + len(missing)} found", ""]
            lines += [f"- found: {item['name']}, {_how(item)}" for item in found]
            for item in missing:
                lines.append(f"- not found: {item['name']}")
    lines += ["", "## Knock-outs and flags", ""]
    if outcome.knockouts:
        lines.append(f"- Knock-outs asked for: {len(outcome.knockouts)}; "
                     + ("this resume shows them all." if row.status != "rejected" else f"{'; '.join(row.rejected_by)}."))
    else:
        lines.append("- No knock-out was asked for: no resume was set aside for a missing skill.")
    not_stated = list(getattr(row, "not_stated", None) or [])
    if not_stated:
        lines.append(f"- Not stated ({GLOSSARY['not stated'].split(': ', 1)[1]}; ask the candidate): {', '.join(not_stated)}.")
    if row.possible_duplicate_of:
        reason = getattr(row, "possible_duplicate_reason", "") or "shared details"
        lines.append(f"- Possibly the same person as {row.possible_duplicate_of} ({reason}); ranked apart until you check.")
    if facts and facts["warnings"]:
        lines += [f"- {w}" for w in facts["warnings"]]
    lines += ["", "## How to read this", "", CONSIDERS, "", IGNORES, "", DECIDES]
    return "\n".join(lines) + "\n"


def _how(item: dict) -> str:
    """ "named as 'DOCSIS 3.1' in experience, skills": how and where the resume shows a skill."""
    where = ", ".join(item["where"]) or "the text"
    words = item["evidence"].strip(' "\'“”')
    same = not words or words.lower() == item["name"].lower()
    if item["how"] == "activity":
        return f"done in {where}: '{words}'"
    if item["how"] == "implied":
        return f"implied: through '{words}' in {where}"
    if item["how"] == "in progress":
        return f"in progress, not held: '{words}' in {where}"
    if item["how"] == "alias" and not same:
        return f"named as '{words}' in {where}"
    return f"named in {where}"


def _file_kind(source: str) -> str:
    """Which version of the resume this is: "PDF", "DOCX"... (one person's two files are told apart)."""
    suffix = PurePosixPath(source.replace("\\", "/").replace("!", "/")).suffix.lstrip(".").upper()
    return f"{suffix} ({PurePosixPath(source.replace(chr(92), '/')).name})" if suffix else source


def explanation_name(row: RankRow, *, with_kind: bool = False) -> str:
    """A file name for the row's explanation: its rank (or status), then the resume's name;
    ``with_kind`` adds the format ("-pdf", "-docx") where one name stands for two files."""
    path = PurePosixPath(row.source.replace("\\", "/").replace("!", "/").split(":")[-1])
    stem = re.sub(r"[^\w.-]+", "-", path.stem).strip("-.")[:80] or "resume"
    kind = re.sub(r"[^\w]+", "", path.suffix.lstrip("."))[:8].lower()
    if with_kind and kind:
        stem = f"{stem}-{kind}"  # one person's PDF and DOCX: two files that say which is which
    prefix = f"{row.rank:04d}" if row.rank else row.status
    return f"{prefix}-{stem}.md"


def write_explanations(outcome: RankOutcome, folder: str | Path) -> int:
    """One explanation file per row into ``folder`` (created); how many were written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    def resume_name(row: RankRow) -> str:
        return explanation_name(row)[:-3].split("-", 1)[1]

    shared = Counter(resume_name(row) for row in outcome.rows)
    for row in outcome.rows:
        name = explanation_name(row, with_kind=shared[resume_name(row)] > 1)
        base, count = name[:-3], 1
        while name in used:
            count += 1
            name = f"{base}-{count}.md"
        used.add(name)
        (folder / name).write_text(render_explanation(outcome, row), encoding="utf-8")
    return len(used)
