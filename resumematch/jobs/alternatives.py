"""Skills a posting names as examples or alternatives: met by any one of them.

"Proficiency with server-side languages such as Python, Ruby, Java or PHP" asks for one
server-side language, not for four; "experience with Juniper, Cisco, or Arista routers" asks for
routers of some maker. Each skill of such a list belongs to one group, and the skills component
counts the group as one requirement, met by the best-held member (scoring.py). Two forms:

- an example list: the skills after "such as", "e.g.", "for example", "like", "one of", "any of"
  and the like, up to the end of that clause;
- an "or" list: skills joined only by commas, slashes and "or" (at least one "or", no "and").

A list of skills joined by "and" is a list of requirements, each its own.
"""

from __future__ import annotations

import re

_CUE = re.compile(
    r"\b(?:such as|e\.\s?g\.|eg\.|for example|for instance|like|(?:(?:one or more|at least one|one|any) of)"
    r"(?:\s+the\s+following)?|either)\s*:?",
    re.I,
)
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[;)\]\n]|\s(?:and|with|to|in|for)\s+(?:experience|knowledge|ability|understanding|a)\b", re.I)
# Between two skills of an "or" list: a separator or "or", nothing else ("Arista routers" is one
# thing, not two list items), and no "and".
_OR_GAP = re.compile(r"\s*(?:[,/]\s*(?:(?:and/or|or)\s+)?|(?:and/or|or)\s+)", re.I)


def alternative_groups(text: str, mentions) -> dict[str, str]:
    """skill id -> its group's label ("Python / Ruby / Java / PHP"), for the skills a posting
    names as examples or alternatives. Mentions are the posting's own, in text order."""
    mentions = sorted(mentions, key=lambda m: m.start)
    groups: dict[str, str] = {}
    for members in _example_lists(text, mentions) + _or_lists(text, mentions):
        ids = list(dict.fromkeys(m.skill_id for m in members))
        if len(ids) < 2:
            continue
        label = " / ".join(dict.fromkeys(m.name for m in members))
        for skill_id in ids:
            groups.setdefault(skill_id, label)
    return groups


def _example_lists(text: str, mentions) -> list[list]:
    out = []
    for cue in _CUE.finditer(text):
        end = _CLAUSE_END.search(text, cue.end())
        stop = _list_end(text, cue.end(), end.start() if end else len(text))
        members = [m for m in mentions if cue.end() <= m.start < stop]
        if members:
            out.append(members)
    return out


_PHRASE_WORDS = frozenset({"to", "in", "for", "with", "on", "of", "at", "from", "into", "the", "your", "our"})
_ITEM_BREAK = re.compile(r"\s*(?:[,/&]|\band/or\b|\bor\b|\band\b)\s*", re.I)


def _list_end(text: str, start: int, stop: int) -> int:
    """Where the list after a cue ends: at the first item that reads as a phrase, not a name
    ("such as Python or Go, and deploying services to AWS" ends after Go)."""
    offset = start
    for item in _ITEM_BREAK.split(text[start:stop]):
        words = item.lower().split()
        if len(words) > 4 or words and (words[0].endswith("ing") or _PHRASE_WORDS.intersection(words)):
            return offset
        offset = text.find(item, offset) + len(item) if item else offset
    return stop


def _or_lists(text: str, mentions) -> list[list]:
    out, run = [], mentions[:1]
    for previous, mention in zip(mentions, mentions[1:]):
        gap = text[previous.end : mention.start]
        if _OR_GAP.fullmatch(gap) and "\n" not in gap:
            run.append(mention)
            continue
        out.append(run)
        run = [mention]
    out.append(run)
    return [r for r in out if len(r) > 1 and _joined_by_or(text, r)]


def _joined_by_or(text: str, run: list) -> bool:
    gaps = [text[a.end : b.start].lower() for a, b in zip(run, run[1:])]
    return any(re.search(r"\bor\b", gap) for gap in gaps) and not any(re.search(r"\band\b(?!/)", gap) for gap in gaps)
