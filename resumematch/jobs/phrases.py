"""A posting outside the taxonomy's field: its own requirement phrases become the keywords.

The taxonomy knows ISP work (and the software, data and office work ISPs also hire for). A
nursing posting's requirement lines ("Current Registered Nurse (RN) license", "ACLS
certification", "Experience with Epic electronic health records") mostly name nothing it
knows, and scoring on the two soft skills it does find would be no check at all. So when few
requirement lines name a known skill, the lines themselves are cut into the phrases a recruiter
would search for: noun phrases, credentials (an acronym, or a name before "license",
"certification"), tools. A phrase is cut at punctuation, conjunctions, prepositions and other
stop words; the imperative verb that opens a duty ("Write SQL queries...") and the verb after
"to" are dropped; so are generic words ("experience", "strong"), places and the company's name.
"""

from __future__ import annotations

import re

from .keywords import _GENERIC, _GENERIC_ACRONYMS, _PLACES, _company_words, _line_break_edges, _place_words, listed_places
from .levels import clause_level
from .sections import PostingPart

# Below this share of requirement lines naming a known skill, a posting is outside the field.
OUTSIDE_SHARE = 0.5
MIN_LINES = 3
_BULLET = re.compile(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s*")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#&'/.-]*[A-Za-z0-9+#]|[A-Za-z]|[(),;:\n]|\d+\+?")
_SOURCE = {"from", "within", "by"}
_CREDENTIAL_NOUNS = {"license", "licence", "licensure", "certification", "certifications", "certificate", "certified",
                     "credential", "credentials", "registration"}
# Words that open or qualify a requirement without naming it, on top of the generic posting words.
_FILLER = {
    "current", "valid", "active", "solid", "working", "demonstrated", "excellent", "basic", "advanced", "grasp",
    "proficiency", "proficient", "expertise", "familiar", "knowledge", "hands-on", "hire", "months", "month",
    "accredited", "program", "state", "related", "similar", "relevant", "preferably", "ideally", "least",
    "skills", "skill", "including", "etc", "e.g", "i.e", "ad", "hoc", "non-technical", "modern", "weekly",
    "daily", "monthly", "shift", "results", "questions", "definitions", "figures", "alongside", "safe", "near",
    # "different types of connectors", "various kinds", "on construction status": no term a candidate has.
    "different", "various", "types", "type", "kinds", "kind", "variety", "status",
    # "Additional certification", "Extensive experience", "Prior experience": how much, not what.
    "additional", "extensive", "prior", "primary", "secondary", "specialized", "specialised", "comprehensive",
    "neighboring", "neighbouring", "surrounding", "nearby", "other", "general", "overall", "previous",
}
# One-word phrases that are a manner or an act: "strongly (preferred)", "documenting", "Fluency".
_NO_TERM = re.compile(r"^(?:[a-z]+ly|[a-z]+ing|[Ff]luen(?:cy|t)|[Ff]luently|[Aa]bility|[Ww]illingness)$")
# Words after a product's name that say what kind of thing it is: "Epic EHR", "Kronos system".
_PRODUCT_TAILS = {"ehr", "emr", "system", "systems", "software", "platform", "application", "records", "charting",
                  "documentation"}
# Verbs that open a duty's clause ("... and document findings"): the object is the term, not the verb.
_DUTY_VERBS = {
    "assess", "administer", "perform", "educate", "delegate", "escalate", "document", "monitor", "manage", "maintain",
    "explain", "answer", "reshape", "clean", "build", "write", "run", "deliver", "ensure", "support", "provide",
    "help", "own", "pull", "lead", "track", "review", "prepare", "coordinate", "develop", "create", "design",
    "analyze", "analyse", "report", "plan", "evaluate", "handle", "process", "respond", "communicate", "collaborate",
}


def requirement_lines(text: str, parts: list[PostingPart]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each line that asks for something: the required and preferred
    lists, and the duties (counted as preferred)."""
    out = []
    for p in parts:
        line = text[p.start : p.end]
        if p.kind not in ("required", "preferred", "duties") or not line.strip():
            continue
        if p.kind == "duties" and not _BULLET.match(line):
            continue  # a paragraph about the role, not a listed duty: its words are prose, not terms
        out.append((p.start, p.end, p.kind))
    return out


def outside_field(text: str, parts: list[PostingPart], mentions) -> tuple[bool, int, int]:
    """Whether the posting is outside the taxonomy's field: (outside, lines naming a known
    skill, requirement lines). Soft skills do not count: every field asks for communication."""
    lines = [(s, e) for s, e, level in requirement_lines(text, parts) if level == "required"] or [
        (s, e) for s, e, _ in requirement_lines(text, parts)
    ]
    hard = sorted(m.start for m in mentions if m.category != "soft")
    mapped = sum(1 for s, e in lines if any(s <= offset < e for offset in hard))
    return (len(lines) >= MIN_LINES and mapped < OUTSIDE_SHARE * len(lines)), mapped, len(lines)


def requirement_phrases(text: str, parts: list[PostingPart], mentions=(), *, limit: int = 24) -> tuple[list[str], set[str]]:
    """The posting's own requirement phrases, required ones first, and which are required.
    Words inside a skill mention are left out: the skill is asked for already."""
    from spacy.lang.en.stop_words import STOP_WORDS

    masked = list(text)
    for m in mentions:
        masked[m.start : m.end] = ";" * (m.end - m.start)
    text = "".join(masked)
    # Places: known names, and the words of the job-board header lines ("Springfield, Illinois").
    header = " ".join(text[p.start : p.end] for p in parts if p.kind == "header")
    excluded = _company_words(text) | set(_PLACES) | {w.lower() for w in re.findall(r"[A-Z][a-z]+", header)}
    excluded |= {w for w in _place_words(text) - set(_PLACES) if _only_after_place_words(text, w)}
    excluded |= listed_places(text)  # "Additional locations: Loveland, Greeley", "in Boulder, Loveland and Erie"
    found: dict[str, str] = {}  # lower-case phrase -> as written
    level: dict[str, str] = {}
    open_starts, open_ends = _line_break_edges(text)
    for start, end, kind in requirement_lines(text, parts):
        line = _BULLET.sub("", text[start:end])
        line_level = "required" if kind == "required" else "preferred"
        first = re.search(r"\S", text[start:end])
        cut_start = bool(first) and start + first.start() in open_starts
        cut_end = start + len(text[start:end].rstrip()) in open_ends
        for phrase in _phrases(line, STOP_WORDS, excluded, opens_with_verb=kind == "duties", cut=(cut_start, cut_end)):
            key = phrase.lower()
            found.setdefault(key, phrase)
            at = line.lower().find(key)
            phrase_level = clause_level(line, at, line_level) if at >= 0 else line_level  # "RN required; ACLS a plus"
            if level.get(key) != "required":
                level[key] = phrase_level
    keys = sorted(found, key=lambda k: level[k] != "required")  # stable: the posting's order within a level
    kept: list[str] = []
    for key in keys:
        if any(f" {key} " in f" {other} " or f" {other} " in f" {key} " for other in kept) or len(key) < 2:
            continue
        kept.append(key)
        if len(kept) == limit:
            break
    return [found[k] for k in kept], {k for k in kept if level[k] == "required"}


def _phrases(line: str, stop_words, excluded: set[str], *, opens_with_verb: bool, cut=(False, False)) -> list[str]:
    """The phrases of one requirement line; ``cut`` says whether the line starts or ends in the
    middle of a sentence wrapped from or onto another line."""
    tokens = _TOKEN.findall(line.rstrip("\n")) + (["\n"] if cut[1] else [])
    phrases: list[list[str]] = []
    run: list[str] = []
    after_to = source = False
    cut = cut[0]
    for i, token in enumerate(tokens):
        lower = token.lower()
        if token == "\n":  # a sentence wrapped over lines: a phrase across it may be cut in two
            if run:
                run.append("\n")
                cut = True
            continue
        if cut and not run and token not in "(),;:" and lower not in stop_words:
            run = ["\n"]  # the other half of the cut phrase
        cut = False if run else cut
        skip_verb = (i == 0 and opens_with_verb and token[:1].isupper() and not token.isupper()) or after_to
        after_to = lower == "to"
        if token in "(),;:":
            source = False
        source = source or lower in _SOURCE  # "from the American Heart Association": who grants it, not what
        breaks = (
            token in "(),;:" or lower in stop_words or "/" in token and not token.isupper()
            or re.fullmatch(r"\d+\+?", token) or skip_verb or source
        )
        if breaks:
            if run:
                phrases.append(run)
            run = []
            if "/" in token and not token.isupper() and token not in "(),;:":
                phrases += [[part] for part in token.split("/") if part]
            continue
        run.append(token)
    if run:
        phrases.append(run)
    out = []
    for words in phrases:
        if "\n" in words:
            continue  # a phrase cut at a line break ("Full\nStack Engineer"): when unsure, left out
        if opens_with_verb and words and words[0].lower() in _DUTY_VERBS:
            words = words[1:]
        words = _trim(words, excluded)
        if opens_with_verb and len(words) == 1 and words[0].islower():
            continue  # a lone common noun of a duty ("patients") is no term a recruiter searches for
        if not words:
            continue
        credential = [w for w in words if w.lower() not in _CREDENTIAL_NOUNS]
        if credential != words:  # "ACLS certification" -> "ACLS": the credential is its name
            words = credential
        if not words or len(words) > 4:
            continue
        if len(words) == 1 and (words[0].lower() in _GENERIC or words[0] in _GENERIC_ACRONYMS):
            continue
        if len(words) == 1 and _NO_TERM.search(words[0]):
            continue  # "strongly", "documenting", "Fluency": a manner or an act, no term a resume holds
        while len(words) > 1 and words[0][:1].isupper() and words[-1].lower() in _PRODUCT_TAILS:
            words = words[:-1]  # "Epic EHR" -> "Epic": the product is the term, its kind is not
        out.append(" ".join(words))
    return out


def _only_after_place_words(text: str, word: str) -> bool:
    """Whether a capitalised word only ever follows "in", "near", "based in"... ("in Tulsa", but
    also "with Epic": Epic is a tool, not a place)."""
    found = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I))
    spots = [m.start() for m in found]
    before = re.compile(r"(?:\b(?:in|near|at|from|across|of)\s+(?:[A-Z][a-z]+\s+){0,2})$")
    # "in Epic EHR": a word followed by what kind of product it is names the product, not a place.
    kind_after = re.compile(r"\s+(?:[A-Z]{2,5}\b|(?i:" + "|".join(sorted(_PRODUCT_TAILS)) + r")\b)")
    if any(kind_after.match(text, m.end()) for m in found):
        return False
    return bool(spots) and all(before.search(text[max(0, s - 40) : s]) for s in spots)


def _trim(words: list[str], excluded: set[str]) -> list[str]:
    """Drop filler, generic and excluded words from both ends of a phrase, and phrases that are
    only such words."""

    def weak(word: str) -> bool:
        lower = word.lower()
        return lower in _FILLER or lower in _GENERIC or lower in excluded or word in _GENERIC_ACRONYMS

    while words and weak(words[0]):
        words = words[1:]
    while words and weak(words[-1]):
        words = words[:-1]
    return words
