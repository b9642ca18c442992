"""A skill shown by its name's own words, inflected: "routers and switches ... static routing"
shows Routing and switching, "analyzed and visualized large data sets" shows Data visualization.

The phrase matcher finds a skill's name as written; a bullet that says the same thing with the
words bent into verbs or plurals is missed, and advice would then ask for what the bullet says.
Here every name or alias of two or more content words is reduced to word stems, and a sentence
of an Experience, Projects, Volunteering or Summary line that holds every stem shows the skill.
Credentials (certifications, degrees, licences) are not: they must be named. Pure Python.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..types import ActivityEvidence, Document
from .activities import clip_around, describes_employer, evidence_lines

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE = re.compile(r"[.!?;](?:\s|$)")
_SUFFIXES = (
    "izations", "ization", "isations", "isation", "ations", "ation", "ments", "ment", "ings", "ing",
    "ized", "ised", "izes", "ises", "ize", "ise", "ers", "er", "ed", "es", "s",
)
_SKIP = {"and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "at", "as"}
_NEEDS_NAME = ("certification", "education", "license/physical")


@lru_cache(maxsize=1 << 16)  # a resume repeats its words, and the taxonomy's forms are stemmed once
def stem(word: str) -> str:
    """A crude stem, good enough to meet a word's other forms: routing/routers -> rout,
    visualized/visualization -> visual, service/services -> servic."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


_INDEXES: dict[int, dict] = {}


def _forms(taxonomy) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """First stem -> [(skill id, every stem of the form)], for forms of two or more content words
    (built once per taxonomy: the taxonomy itself is loaded once per process)."""
    if id(taxonomy) in _INDEXES:
        return _INDEXES[id(taxonomy)]
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for skill in taxonomy.skills.values():
        if skill.category in _NEEDS_NAME:
            continue
        for form in (skill.name, *skill.aliases):
            words = [w for w in _WORD.findall(form) if w.lower() not in _SKIP]
            if len(words) < 2 or any(len(w) < 3 for w in words):
                continue
            stems = frozenset(stem(w) for w in words)
            for first in stems:  # any of its stems may be the one a sentence is looked up by
                index.setdefault(first, []).append((skill.id, stems))
    _INDEXES[id(taxonomy)] = index
    return index


def find_name_words(document: Document, taxonomy) -> list[ActivityEvidence]:
    """Every evidence line whose sentence holds all the stems of a skill's name, one per skill and line."""
    index = _forms(taxonomy)
    text = document.text
    found: list[ActivityEvidence] = []
    for start, end, section in evidence_lines(document):
        line = text[start:end]
        shown: dict[str, tuple[str, int, int]] = {}  # skill -> the sentence that shows it, quoted, and where
        offset = 0
        for sentence in _SENTENCE.split(line):
            offset = line.find(sentence, offset)
            where = (start + offset, start + offset + len(sentence))  # the sentence, not the line (see activities.py)
            offset += len(sentence)
            if describes_employer(sentence.strip()):
                continue  # what the employer does is not the candidate's work
            stems = {stem(w) for w in _WORD.findall(sentence)}
            for first in stems & index.keys():
                for skill_id, wanted in index[first]:
                    if skill_id not in shown and wanted <= stems:
                        at = next((m.start() for m in _WORD.finditer(sentence) if stem(m.group()) in wanted), 0)
                        body = re.sub(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s*", "", sentence)
                        shown[skill_id] = (clip_around(body, max(0, at - (len(sentence) - len(body)))), *where)
        for skill_id, (quoted, at, until) in shown.items():
            skill = taxonomy[skill_id]
            found.append(ActivityEvidence(skill.id, skill.name, skill.category, quoted, at, until, section))
    return found
