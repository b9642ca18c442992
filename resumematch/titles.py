"""Title match: does the resume hold the role the posting names?

A title names a role by its head noun ("Nurse", "Technician", "Engineer") and the qualifiers in
front of it ("Registered", "Network", "Field"). Sharing a word is not enough: "Medical" in a
hospital's name ("Northwest Medical Center") says nothing about being a nurse. So the posting's
title is cut into role phrases (the main one, and alternatives in brackets or after a slash;
what follows " - " is the unit or place, not the role) and compared with the resume's own job
titles: the headline under the name, the role lines of Experience (split from the company and
place beside them) and the opening words of the Summary. Pure Python over the parsed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .types import Document, Section

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#&'-]*|\d+")
# Seniority and grade words: "Network Technician II" is a Network Technician.
_LEVEL = {
    "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "senior", "junior", "sr", "jr", "lead", "principal", "staff",
    "level", "entry", "entry-level", "mid", "trainee", "intern", "associate", "chief", "head",
}
_GLUE = {"and", "or", "of", "the", "a", "an", "to", "&"}
# Words that end a title inside a line of prose ("Network technician with six years...").
_PROSE_BREAK = re.compile(
    r"\s(?:with|who|at|for|in|from|since|and|,|offering|bringing|seeking|having|specializing|skilled|experienced)\s", re.I
)
_SEGMENT_BREAK = re.compile(r"\s+[-–—|@·•]\s+|[,|–—(){}\[\];:•·]|\s+at\s+|\s+/\s+", re.I)
_BULLET = re.compile(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s+")
_DATE_ONLY = re.compile(
    r"^(?:[\d\s/.\-–—']|present|current|now|today|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december)*$", re.I
)
MAX_TITLE_WORDS = 6
# A headline that names the role as a goal: "Aspiring Network Technician" (matched, and said so).
_GOAL = re.compile(r"^\s*(?:aspiring|future|prospective|would-be|seeking|looking for|targeting|transitioning)\b", re.I)


@dataclass(frozen=True)
class TitleMatch:
    """The title component (0-100) and the one-line reason for it."""

    score: float
    why: str
    resume_title: str = ""


def _key(word: str) -> str:
    word = word.lower().strip("'")
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _role_words(phrase: str) -> list[str]:
    return [_key(w) for w in _WORD.findall(phrase) if w.lower() not in _LEVEL and w.lower() not in _GLUE]


def role_phrases(title: str) -> list[list[str]]:
    """The roles a posting's title names, each as its words (head noun last).

    "ISP Technician (Installer / Field Technician)" -> [isp technician], [installer], [field technician];
    "Registered Nurse - Medical/Surgical Unit" -> [registered nurse] (the unit is not the role).
    """
    main, _, rest = title.partition("(")
    main = re.split(r"\s+[-–—|:]\s+|,|\s+[–—]\s*", main)[0]
    phrases = [main] + re.split(r"[/,]| or ", rest.split(")")[0]) if rest else [main]
    if "/" in main:
        phrases = main.split("/") + phrases[1:]
    out = []
    for phrase in phrases:
        words = _role_words(phrase)
        if words and words not in out:
            out.append(words[-MAX_TITLE_WORDS:])
    return out


def resume_titles(document: Document) -> list[str]:
    """The resume's own job titles: short segments of the headline, of Experience lines that
    are not bullets, and the opening words of the Summary."""
    return list(_titles(document.text, tuple((s.name, s.start, s.end, s.heading) for s in document.sections)))


@lru_cache(maxsize=64)  # one resume is matched against many jobs, and re-scored for every suggestion
def _titles(text: str, section_rows: tuple) -> tuple[str, ...]:
    sections = [Section(*row) for row in section_rows]
    document = Document("", "txt", 1, text, sections)
    candidates: list[tuple[int, str]] = []  # (0 Experience, 1 headline, 2 Summary; text)
    named = {s.name for s in document.sections}
    for section in document.sections:
        if section.name not in ("contact", "experience", "summary"):
            continue
        lines = text[section.start : section.end].split("\n")
        if section.name == "summary":
            body = " ".join(line.strip() for line in lines[1:3] if line.strip()) if section.heading else " ".join(lines[:2])
            opening = re.split(r"[.;:]", body)[0] if body else ""
            head = _PROSE_BREAK.split(f" {opening} ")[0].strip()
            if head:
                candidates.append((2, head))
            continue
        if section.heading and section.name == "experience" or section.name == "contact" and section.start == 0:
            lines = lines[1:]  # the heading, or the name at the top of the page
        for line in lines:
            if not line.strip() or _BULLET.match(line) or "@" in line and section.name == "contact":
                continue
            if len(line.split()) > 16 or line.rstrip().endswith((".", "!")):
                continue
            for segment in _SEGMENT_BREAK.split(line):
                words = _WORD.findall(segment)
                if 0 < len(words) <= MAX_TITLE_WORDS and not _DATE_ONLY.match(segment):
                    candidates.append((0 if section.name == "experience" else 1, " ".join(segment.split())))

    if not named:  # no sections found: the first lines are the best guess of a headline
        candidates = [(1, line.strip()) for line in text.split("\n")[:3] if 0 < len(line.split()) <= MAX_TITLE_WORDS]
    seen, out = set(), []
    for _, candidate in sorted(candidates, key=lambda c: c[0]):  # role lines first: the why-line quotes them
        if candidate.lower() not in seen:
            seen.add(candidate.lower())
            out.append(candidate)
    return tuple(out)


def title_match(document: Document, title: str, text: str | None = None) -> TitleMatch:
    """100 when a resume title has the posting's role (head noun and every qualifier); 30 plus
    a share of 70 for the qualifiers found when only the head noun matches; 0 when no resume
    title is that kind of role, whatever words it shares with the posting's title. ``text``, the
    scoring text (names and contact details blanked, same offsets), is read instead when given."""
    if text is not None and text != document.text:
        document = Document(document.source, document.format, document.pages, text, document.sections)
    phrases = role_phrases(title)
    if not phrases:
        return TitleMatch(0.0, "the posting's title names no role")
    titles = resume_titles(document)
    best = TitleMatch(0.0, "")
    for candidate in titles:
        words = _role_words(_GOAL.sub("", candidate))
        if not words:
            continue
        head, qualifiers = words[-1], set(words[:-1])
        for phrase in phrases:
            if phrase[-1] != head:
                continue
            wanted = phrase[:-1]
            share = sum(1 for w in wanted if w in qualifiers) / len(wanted) if wanted else 1.0
            score = 100.0 if share == 1 else round(30 + 70 * share, 1)
            if score > best.score:
                best = TitleMatch(score, "", candidate)
    role = " / ".join(_as_written(title, p) for p in phrases[:3])
    if _GOAL.match(best.resume_title):
        # An ATS title search finds the role in the headline all the same; the report says what it is.
        return TitleMatch(best.score, f"the headline '{best.resume_title}' names {role} as the goal (not as a job held)", best.resume_title)
    if best.score == 100:
        return TitleMatch(100.0, f"the resume's title '{best.resume_title}' is the posting's role ({role})", best.resume_title)
    if best.score:
        return TitleMatch(best.score, f"'{best.resume_title}' is the same kind of role as {role}, with other qualifiers", best.resume_title)
    if not titles:
        return TitleMatch(0.0, f"no job title found on the resume to compare with {role}")
    shown = ", ".join(f"'{t}'" for t in titles[:2])
    head = _as_written(title, phrases[0][-1:])
    return TitleMatch(0.0, f"no title on the resume ({shown}) is {'an' if head[:1] in 'AEIOU' else 'a'} {head} role like {role}")


def _as_written(title: str, words: list[str]) -> str:
    """A role phrase in the title's own spelling ("ISP Technician", not "Isp Technician")."""
    found = {_key(w): w for w in _WORD.findall(title)}
    return " ".join(found.get(w, w) for w in words)
