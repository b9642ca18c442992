"""Activity evidence: resume lines that do a skill without naming it.

"Configured Cisco and Juniper routers and switches, including VLANs" never says "network
configuration", yet it shows it. The patterns in ``taxonomy/activities.yaml`` (an action and
what it is done to) are compiled by the model build into ``models/skills``; here they are
matched over the lines of a resume's Experience, Projects, Volunteering and Summary sections.
Pure Python over the parsed text and the skill mentions: no spaCy needed, and cheap enough to
run again on a cached document.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from ..types import EVIDENCE_SECTIONS, ActivityEvidence, Document, SkillMention

SOURCE_FILE = Path(__file__).resolve().parent.parent / "taxonomy" / "activities.yaml"
COMPILED_NAME = "activities.json"
WINDOW = 12  # words from the verb to its object, within one sentence
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#'./-]*[A-Za-z0-9+#]|[A-Za-z0-9]")
_BULLET = re.compile(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s*")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
_IRREGULAR = {
    "build": ["built"], "lead": ["led"], "run": ["ran"], "sell": ["sold"], "teach": ["taught"], "write": ["wrote", "written"],
    "hold": ["held"], "oversee": ["oversaw", "overseen"], "keep": ["kept"], "find": ["found"], "win": ["won"],
    "take": ["took", "taken"], "set": ["set"], "lay": ["laid"], "make": ["made"], "do": ["did", "done"], "bring": ["brought"],
    "troubleshoot": ["troubleshot"], "grow": ["grew", "grown"], "meet": ["met"], "send": ["sent"], "spend": ["spent"], "get": ["got"], "give": ["gave", "given"], "drive": ["drove", "driven"], "put": ["put"], "cut": ["cut"], "show": ["shown"],
}


def verb_forms(verb: str) -> list[str]:
    """A verb's base, -s, -ed and -ing forms (and irregular past forms); for a phrasal verb
    ("set up") the first word is inflected."""
    head, _, rest = verb.lower().partition(" ")
    forms = {head}
    if head.endswith("e") and not head.endswith("ee"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("ee"):
        forms |= {head + "s", head + "d", head + "ing"}
    elif re.search(r"[^aeiou]y$", head):
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif re.search(r"(?:s|x|z|ch|sh)$", head):
        forms |= {head + "es", head + "ed", head + "ing"}
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
        if re.search(r"[^aeiou][aeiou][bdglmnprt]$", head):  # plan -> planned, ship -> shipped
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    forms |= set(_IRREGULAR.get(head, ()))
    return sorted(f"{form} {rest}".strip() for form in forms)


def word_key(word: str) -> str:
    """Lower case without a plural ending: "routers" -> "router", "switches" -> "switch"."""
    word = word.lower().strip("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and re.search(r"(?:s|x|z|ch|sh)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase_keys(phrase: str) -> list[str]:
    return [word_key(w) for w in _WORD.findall(phrase)]


def compile_activities(entries: dict, known_ids: set[str]) -> list[dict]:
    """Validate ``activities.yaml`` and turn it into matchable patterns (raises ValueError)."""
    if not isinstance(entries, dict):
        raise ValueError("activities.yaml must map skill ids to lists of patterns")
    compiled = []
    for skill_id, patterns in entries.items():
        if skill_id not in known_ids:
            raise ValueError(f"activities.yaml: {skill_id!r} is not a skill of the taxonomy")
        if not isinstance(patterns, list) or not patterns:
            raise ValueError(f"activities.yaml: {skill_id}: give a list of patterns")
        for pattern in patterns:
            unknown = set(pattern) - {"verbs", "objects", "sections"}
            if unknown:
                raise ValueError(f"activities.yaml: {skill_id}: unknown fields {sorted(unknown)}")
            objects = [str(o) for o in pattern.get("objects") or []]
            if not objects:
                raise ValueError(f"activities.yaml: {skill_id}: a pattern needs objects")
            skills = [o[1:] for o in objects if o.startswith("@")]
            for target in skills:
                if target not in known_ids:
                    raise ValueError(f"activities.yaml: {skill_id}: object '@{target}' is not a skill of the taxonomy")
            verbs = sorted({form for verb in pattern.get("verbs") or [] for form in verb_forms(str(verb))})
            if not verbs and not pattern.get("sections"):
                raise ValueError(f"activities.yaml: {skill_id}: a pattern without verbs must name its sections")
            compiled.append({
                "skill": skill_id,
                "verbs": [v.split() for v in verbs],
                "objects": sorted({" ".join(phrase_keys(o)) for o in objects if not o.startswith("@")}),
                "skills": sorted(set(skills)),
                "sections": list(pattern.get("sections") or EVIDENCE_SECTIONS),
            })
    return compiled


def load_source(known_ids: set[str], path: Path = SOURCE_FILE) -> list[dict]:
    import yaml

    return compile_activities(yaml.safe_load(path.read_text(encoding="utf-8")) or {}, known_ids)


@cache
def compiled_patterns() -> tuple[dict, ...]:
    """The patterns compiled into ``models/skills`` (what ``find_activities`` uses)."""
    from ..resources import data_dir

    path = data_dir("models") / "skills" / "isp_skills" / COMPILED_NAME
    return tuple(json.loads(path.read_text(encoding="utf-8")))


def evidence_lines(document: Document) -> list[tuple[int, int, str | None]]:
    """(start, end, section) of each line a skill can be shown in, a bullet wrapped over several
    lines joined into one. A document with no recognised sections is read whole."""
    wanted = {p_section for p in compiled_patterns() for p_section in p["sections"]}
    sections = [s for s in document.sections if s.name != "contact"]
    ranges = [(s.start, s.end, s.name) for s in sections if s.name in wanted] if sections else [(0, len(document.text), None)]
    lines: list[tuple[int, int, str | None]] = []
    text = document.text
    for start, end, name in ranges:
        offset = start
        for line in text[start:end].split("\n"):
            line_end = offset + len(line)
            stripped = line.strip()
            if stripped:
                previous = lines[-1] if lines else None
                joins = (
                    previous is not None and previous[2] == name and previous[1] == offset - 1
                    and not text[previous[0] : previous[1]].rstrip().endswith((".", "!", "?", ";"))
                    and not _BULLET.match(line) and stripped[:1].islower()
                )
                if joins:
                    lines[-1] = (previous[0], line_end, name)
                else:
                    lines.append((offset, line_end, name))
            offset = line_end + 1
    return lines


@cache
def _index() -> tuple[dict, list[dict]]:
    """Verb first word -> [(pattern number, verb words)], and the patterns with their objects
    grouped by first key, so that a line is read once rather than once per pattern."""
    patterns = []
    by_verb: dict[str, list[tuple[int, list[str]]]] = {}
    for number, pattern in enumerate(compiled_patterns()):
        objects: dict[str, list[list[str]]] = {}
        for phrase in pattern["objects"]:
            words = phrase.split()
            objects.setdefault(words[0], []).append(words)
        patterns.append({**pattern, "by_first": objects, "targets": set(pattern["skills"])})
        for verb in pattern["verbs"]:
            by_verb.setdefault(verb[0], []).append((number, verb))
    return by_verb, patterns


def find_activities(document: Document, mentions: list[SkillMention], taxonomy) -> list[ActivityEvidence]:
    """Every line of the resume that shows a skill by doing it, one per skill and line."""
    by_verb, patterns = _index()
    text = document.text
    found: list[ActivityEvidence] = []
    for start, end, section in evidence_lines(document):
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        if not words:
            continue
        lower = [w.lower() for w, _, _ in words]
        keys = [word_key(w) for w in lower]
        sentence = _sentence_numbers(text, words)
        line_skills = _skills_at_words(mentions, words, taxonomy, start, end)
        shown: list[str] = []
        for number in _line_matches(by_verb, patterns, lower, keys, sentence, line_skills, section):
            skill_id = patterns[number]["skill"]
            if skill_id not in shown:
                shown.append(skill_id)
        line = " ".join(_BULLET.sub("", text[start:end]).split())
        for skill_id in shown:
            skill = taxonomy[skill_id]
            found.append(ActivityEvidence(skill.id, skill.name, skill.category, line, start, end, section))
    return found


def _line_matches(by_verb, patterns, lower, keys, sentence, line_skills, section) -> list[int]:
    """Numbers of the patterns one line matches, in pattern order."""

    def usable(pattern: dict) -> bool:
        if section is None:
            return bool(pattern["verbs"])  # a list of languages means something only under Languages
        return section in pattern["sections"]

    def object_at(pattern: dict, j: int) -> bool:
        if pattern["targets"] & line_skills.get(j, set()):
            return True
        return any(keys[j : j + len(o)] == o for o in pattern["by_first"].get(keys[j], ()))

    matched: set[int] = set()
    for i, word in enumerate(lower):
        for number, verb in by_verb.get(word, ()):
            if number in matched or lower[i : i + len(verb)] != verb or not usable(patterns[number]):
                continue
            after = i + len(verb)
            for j in range(after, min(len(keys), after + WINDOW)):
                if sentence[j] != sentence[i]:
                    break
                if object_at(patterns[number], j):
                    matched.add(number)
                    break
    for number, pattern in enumerate(patterns):
        if not pattern["verbs"] and usable(pattern) and any(object_at(pattern, j) for j in range(len(keys))):
            matched.add(number)
    return sorted(matched)


def _sentence_numbers(text: str, words) -> list[int]:
    numbers, current = [], 0
    for i, (_, s, _) in enumerate(words):
        if i and _SENTENCE_END.search(text[words[i - 1][2] : s + 1]):
            current += 1
        numbers.append(current)
    return numbers


def _skills_at_words(mentions, words, taxonomy, start: int, end: int) -> dict[int, set[str]]:
    """Word index -> the skills (and what they imply) a mention starting there names."""
    out: dict[int, set[str]] = {}
    starts = {s: i for i, (_, s, _) in enumerate(words)}
    for mention in mentions:
        if start <= mention.start < end and mention.start in starts:
            out.setdefault(starts[mention.start], set()).update({mention.skill_id, *taxonomy.implied(mention.skill_id)})
    return out
