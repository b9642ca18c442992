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
EVIDENCE_CHARS = 200  # evidence a person can check is a clause, not a paragraph
# A sentence about the employer, not the candidate's work: a named subject ("Acme", "The
# company", "We") followed by what an organisation is or does in the present tense ("is a leading
# provider", "sells", "serves"). Resume lines about one's own work have no subject ("Sold
# plans door to door") or say "I".
_EMPLOYER = re.compile(
    r"^\W*(?:(?i:we\s+(?:are|were|have|provide|offer|sell|serve|deliver|help|build|make|design|develop|operate|specialize|specialise)\b"
    r"|(?:(?:the|our|this|its)\s+)?(?:company|organi[sz]ation|firm|agency|business|group|employer|client|charity|council|"
    r"institute|foundation|bank|store|hospital|university|startup|provider|brand)\b[^.;:]{0,60}?\s(?:is|are|was|has been|provides|offers|sells|serves|delivers|operates|specializes|specialises|helps|builds|designs|develops|manufactures|works)\b)"
    r"|[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|for|the|&)){0,6}\s+(?:is|are)\s+(?:a|an|the|one|its|their|our)\b"
    r"|[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|for|the|&)){0,6}\s+(?:provides|offers|sells|serves|delivers|operates|specializes|specialises|manufactures)\b)",
)
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
            unknown = set(pattern) - {"verbs", "objects", "sections", "tools"}
            if unknown:
                raise ValueError(f"activities.yaml: {skill_id}: unknown fields {sorted(unknown)}")
            objects = [str(o) for o in pattern.get("objects") or []]
            tools = bool(pattern.get("tools"))
            if not objects and not tools:
                raise ValueError(f"activities.yaml: {skill_id}: a pattern needs objects or tools")
            if tools and not pattern.get("verbs"):
                raise ValueError(f"activities.yaml: {skill_id}: a tools pattern needs verbs")
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
                "tools": tools,
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
        tools = _tools_at_words(text, words, mentions, start, end)
        about_employer = {n for n in set(sentence) if describes_employer(_sentence_text(text, words, sentence, n))}
        shown: dict[str, tuple[int, int]] = {}
        for number, (verb_at, object_at) in _line_matches(by_verb, patterns, lower, keys, sentence, line_skills, section, tools).items():
            skill_id = patterns[number]["skill"]
            if skill_id not in shown and sentence[verb_at] not in about_employer:
                shown[skill_id] = (verb_at, object_at)
        for skill_id, (verb_at, object_at) in shown.items():
            skill = taxonomy[skill_id]
            clause = evidence_clause(text, words, sentence, verb_at, object_at)
            # the words that do it, not the whole line: in a resume whose line breaks were lost the
            # line is the whole text, name and contact details included (analyse drops evidence
            # that overlaps those)
            first, last = min(verb_at, object_at), max(verb_at, object_at)
            found.append(ActivityEvidence(skill.id, skill.name, skill.category, clause, words[first][1], words[last][2], section))
    return found


def employer_sentences(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the evidence sections that describes the employer."""
    spans = []
    text = document.text
    for start, end, _ in evidence_lines(document):
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        sentence = _sentence_numbers(text, words)
        for number in sorted(set(sentence)):
            inside = [w for w, n in zip(words, sentence) if n == number]
            if describes_employer(_sentence_text(text, words, sentence, number)):
                spans.append((inside[0][1], inside[-1][2]))
    return spans


def clip_around(text: str, at: int, limit: int = EVIDENCE_CHARS) -> str:
    """At most ``limit`` characters of ``text`` (whitespace collapsed) around offset ``at``, cut at
    word boundaries: the quote of a long sentence a reader can check."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if not words:
        return ""
    if words[-1][1] - words[0][0] <= limit:
        return " ".join(text.split())
    centre = next((i for i, (a, b) in enumerate(words) if b > at), len(words) - 1)
    low = high = centre
    while True:
        grew = False
        if high + 1 < len(words) and words[high + 1][1] - words[low][0] <= limit:
            high, grew = high + 1, True
        if low > 0 and words[high][1] - words[low - 1][0] <= limit:
            low, grew = low - 1, True
        if not grew:
            return " ".join(text[words[low][0] : words[high][1]].split())


def describes_employer(sentence: str) -> bool:
    """Whether a sentence describes the employer (what it is, sells or serves), not the work."""
    return bool(_EMPLOYER.match(sentence))


def _sentence_text(text: str, words, sentence: list[int], number: int) -> str:
    inside = [w for w, n in zip(words, sentence) if n == number]
    return _BULLET.sub("", text[inside[0][1] : inside[-1][2]]) if inside else ""


def evidence_clause(text: str, words, sentence: list[int], verb_at: int, object_at: int, limit: int = EVIDENCE_CHARS) -> str:
    """The sentence that does the work, from the line's words; when it is longer than ``limit``
    characters, the words around the verb and its object, cut at word boundaries."""
    members = [i for i, n in enumerate(sentence) if n == sentence[verb_at]]
    first, last = members[0], members[-1]

    def span(a: int, b: int) -> str:
        end = words[b][2]
        while end < len(text) and text[end] in ".!?;:)\"'’”":  # the sentence's own closing marks
            end += 1
        return " ".join(_BULLET.sub("", text[words[a][1] : end]).split())

    if len(span(first, last)) <= limit:
        return span(first, last)
    low, high = verb_at, max(object_at, verb_at)
    while len(span(low, high)) > limit and high > low:  # verb and object alone too long: keep the verb's side
        high -= 1
    grown = True
    while grown:
        grown = False
        if high < last and len(span(low, high + 1)) <= limit:
            high, grown = high + 1, True
        if low > first and len(span(low - 1, high)) <= limit:
            low, grown = low - 1, True
    return span(low, high)


def _line_matches(by_verb, patterns, lower, keys, sentence, line_skills, section, tools=frozenset()) -> dict[int, tuple[int, int]]:
    """The patterns one line matches, in pattern order: number -> (verb word, object word).
    ``tools``: the words that name a tool; a ``tools`` pattern takes "in/with/using <tool>" as
    its object ("documented assessments in Epic")."""

    def usable(pattern: dict) -> bool:
        if section is None:
            return bool(pattern["verbs"])  # a list of languages means something only under Languages
        return section in pattern["sections"]

    def object_at(pattern: dict, j: int) -> bool:
        if pattern["targets"] & line_skills.get(j, set()):
            return True
        if pattern.get("tools") and j in tools and j > 0 and lower[j - 1] in _TOOL_PREPOSITIONS:
            return True
        return any(keys[j : j + len(o)] == o for o in pattern["by_first"].get(keys[j], ()))

    matched: dict[int, tuple[int, int]] = {}
    for i, word in enumerate(lower):
        for number, verb in by_verb.get(word, ()):
            if number in matched or lower[i : i + len(verb)] != verb or not usable(patterns[number]):
                continue
            after = i + len(verb)
            for j in range(after, min(len(keys), after + WINDOW)):
                if sentence[j] != sentence[i]:
                    break
                if object_at(patterns[number], j):
                    matched[number] = (i, j)
                    break
    for number, pattern in enumerate(patterns):
        if not pattern["verbs"] and usable(pattern):
            j = next((j for j in range(len(keys)) if object_at(pattern, j)), None)
            if j is not None:
                matched[number] = (j, j)
    return dict(sorted(matched.items()))


# "charted in Epic", "reconciled with QuickBooks", "analysed churn using Power BI".
_TOOL_PREPOSITIONS = frozenset({"in", "into", "with", "using", "on", "via", "through"})
_NOT_TOOLS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday english i the a an".split()
)


def _tools_at_words(text: str, words, mentions, start: int, end: int) -> set[int]:
    """Word indexes that name a tool: a mention of a tool of the taxonomy, or a capitalised name
    inside a sentence ("Epic", "Kronos"), which is what a product's name looks like there."""
    starts = {s: i for i, (_, s, _) in enumerate(words)}
    out = {starts[m.start] for m in mentions if start <= m.start < end and m.start in starts and m.category == "tool"}
    for i, (word, s, _) in enumerate(words):
        if i and word[:1].isupper() and word.lower() not in _NOT_TOOLS and not _SENTENCE_END.search(text[words[i - 1][2] : s + 1]):
            out.add(i)
    return out


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
