"""Job postings a user brings: which skills are required, which preferred, what else stands out.

Real postings label their lists "Requirements", "Minimum qualifications", "Must have",
"Preferred qualifications", "Nice to have", "Bonus"... Skills listed under a required heading
are required, under a preferred heading preferred; skills mentioned anywhere else count as
preferred. A line that says so itself ("CCNA required", "Python is a plus") overrides its
section.
"""

from __future__ import annotations

import re

from ..types import Document, Job, JobSkill

REQUIRED_HEADINGS = (
    "requirements", "requirement", "required", "required qualifications", "required skills",
    "minimum qualifications", "minimum requirements", "basic qualifications", "must have",
    "must haves", "must-have", "must-haves", "what you need", "what you will need",
    "what you'll need", "what we need", "you have", "you must have", "qualifications",
    "job requirements", "essential skills", "essential requirements", "essentials",
    "knockout requirements", "skills and experience", "who you are", "key requirements",
    "required experience",
)
PREFERRED_HEADINGS = (
    "preferred qualifications", "preferred", "preferred skills", "preferred experience",
    "nice to have", "nice-to-have", "nice to haves", "bonus", "bonus points", "bonus skills",
    "pluses", "a plus", "desired", "desired skills", "desired qualifications",
    "additional qualifications", "good to have", "it would be great if", "extra credit",
)
OTHER_HEADINGS = (
    "responsibilities", "duties", "key responsibilities", "what you'll do", "what you will do",
    "the role", "about the role", "about the job", "about us", "who we are", "overview",
    "benefits", "perks", "compensation", "pay", "schedule", "location", "summary",
    "job summary", "description", "job description", "how to apply", "equal opportunity",
)
_HEADING_KIND = {
    **{h: "other" for h in OTHER_HEADINGS},
    **{h: "required" for h in REQUIRED_HEADINGS},
    **{h: "preferred" for h in PREFERRED_HEADINGS},
}
_INLINE = re.compile(r"^\W*([A-Za-z][A-Za-z '\-]{2,40}?)\s*[:\u2013\u2014-]\s+\S")
_LINE_REQUIRED = re.compile(r"\b(required|requires|must|mandatory|essential|minimum)\b", re.I)
_LINE_PREFERRED = re.compile(r"\b(preferred|a plus|nice to have|bonus|desired|desirable|ideally|is a plus|advantage)\b", re.I)
_YEARS = re.compile(r"(\d+(?:\.\d+)?)\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\b", re.I)


def _heading_kind(line: str) -> str | None:
    key = re.sub(r"[^a-z' -]+", " ", line.strip().lower()).strip(" -")
    key = " ".join(key.split())
    if len(line.strip()) <= 60 and key in _HEADING_KIND:
        return _HEADING_KIND[key]
    inline = _INLINE.match(line)
    if inline:
        return _HEADING_KIND.get(" ".join(inline.group(1).lower().split()))
    return None


def line_kinds(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) for each line: the kind of the section it sits in."""
    out = []
    kind = "other"
    offset = 0
    for line in text.split("\n"):
        heading = _heading_kind(line)
        if heading:
            kind = heading
        out.append((offset, offset + len(line), kind))
        offset += len(line) + 1
    return out


def job_from_posting(document: Document, mentions, taxonomy, *, keywords: int = 12) -> Job:
    """Build a Job from a parsed posting and the skill mentions found in it."""
    text = document.text
    lines = line_kinds(text)
    importance: dict[str, str] = {}
    wording: dict[str, str] = {}
    for mention in mentions:
        wording.setdefault(mention.skill_id, mention.text.replace("\n", " "))
        start, end, kind = next(((s, e, k) for s, e, k in lines if s <= mention.start <= e), (0, 0, "other"))
        line = text[start:end]
        if _LINE_PREFERRED.search(line):
            level = "preferred"
        elif _LINE_REQUIRED.search(line) or kind == "required":
            level = "required"
        else:
            level = "preferred"
        if importance.get(mention.skill_id) != "required":
            importance[mention.skill_id] = level
    skills = [
        JobSkill(skill_id, taxonomy[skill_id].name, taxonomy[skill_id].category, level, wording=wording[skill_id])
        for skill_id, level in importance.items()
    ]
    skills.sort(key=lambda s: s.importance != "required")
    required_text = "\n".join(text[s:e] for s, e, k in lines if k == "required")
    years = [float(y) for y in _YEARS.findall(required_text or text) if float(y) < 30]
    title = next((line.strip() for line in text.split("\n") if line.strip()), document.source)
    return Job(
        id=_slug(document.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "posting",
        title=title[:120],
        family="",
        summary="",
        skills=skills,
        certifications=[s.skill_id for s in skills if s.category == "certification"],
        education=[s.skill_id for s in skills if s.category == "education"],
        experience_years=min(years) if years else None,
        other_keywords=other_keywords(text, mentions, lines, limit=keywords),
        text=text,
        source=document.source,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Words that carry no meaning of their own in a posting, on top of English stop words.
_GENERIC = frozenset(
    """
    ability able candidate candidates company customers customer day days degree duties equivalent
    experience experienced environment excellent familiarity field good great help ideal including
    job knowledge looking new opportunity plus position preferred proven related required
    requirements responsibilities responsible role skills strong team teams time understanding
    work working year years using use work ensure provide support etc e.g i.e other high
    minimum qualifications qualification apply benefits salary pay hour hours week weeks must
    nice bonus like want join per based within across least also well level including include
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#./&-]*[A-Za-z0-9+#]|[A-Za-z]")


def other_keywords(text: str, mentions, lines, *, limit: int = 12) -> list[str]:
    """Salient terms outside the taxonomy: noun-phrase-like runs of content words.

    A run is a stretch of words on one line with no stop word, generic posting word,
    punctuation or taxonomy skill inside; its phrases of one to three words are candidates.
    A phrase is kept when it starts like a term of art and recurs or sits under a required or
    preferred heading; a phrase of plain words only when it recurs. A single word must itself
    be a term of art: an acronym, a word with a digit, or a capitalised word the posting never
    writes in lower case (so neither "Basic" at the start of a bullet nor "Shift" in a title).
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    covered = [(m.start, m.end) for m in mentions]
    lower_case = {w for w in _WORD.findall(text) if w.islower()}
    counts: dict[str, int] = {}
    listed: set[str] = set()
    shown: dict[str, str] = {}
    term_led: set[str] = set()
    for start, end, kind in lines:
        first = _WORD.search(text, start, end)
        line_initial = first.start() if first else -1
        for run in _runs(text, start, end, covered, STOP_WORDS):
            for size in (1, 2, 3):
                for i in range(len(run) - size + 1):
                    words = run[i : i + size]
                    key = " ".join(w for w, _ in words).lower()
                    counts[key] = counts.get(key, 0) + 1
                    shown.setdefault(key, " ".join(w for w, _ in words))
                    if kind != "other":
                        listed.add(key)
                    word, position = words[0]
                    if _term_of_art(word, position == line_initial, lower_case):
                        term_led.add(key)
    keep = []
    for key, count in counts.items():
        if len(key) < 3:
            continue
        if " " not in key:
            ok = key in term_led and (count >= 2 or key in listed)
        else:
            ok = (key in term_led and (count >= 2 or key in listed)) or count >= 2
        if ok:
            keep.append(key)
    # Required/preferred terms first, then by how often, then longer phrases over their parts.
    keep.sort(key=lambda k: (k not in listed, -counts[k], -len(k.split()), k))
    kept: list[str] = []
    for key in keep:
        if any(f" {key} " in f" {longer} " for longer in kept):
            continue  # part of a phrase already kept
        kept.append(key)
        if len(kept) == limit:
            break
    return [shown[k] for k in kept]


def _term_of_art(word: str, line_initial: bool, lower_case: set[str]) -> bool:
    if (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word):
        return True
    return word[:1].isupper() and not line_initial and word.lower() not in lower_case


def _runs(text: str, start: int, end: int, covered, stop_words) -> list[list[tuple[str, int]]]:
    runs: list[list[tuple[str, int]]] = []
    run: list[tuple[str, int]] = []
    previous_end = start
    for match in _WORD.finditer(text, start, end):
        word, position = match.group(), match.start()
        lower = word.lower()
        breaks = text[previous_end:position].strip() != ""  # punctuation between words
        excluded = lower in stop_words or lower in _GENERIC or any(a <= position < b for a, b in covered)
        if (breaks or excluded) and run:
            runs.append(run)
            run = []
        if not excluded:
            run.append((word, position))
        previous_end = match.end()
    if run:
        runs.append(run)
    return runs
