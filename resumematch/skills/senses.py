"""Sense before match: a form that is both a product and a word counts only with its own evidence.

"Teams" is Microsoft Teams in "Outlook, Teams and SharePoint" and a group of people in "small,
cross-functional teams"; "UPS" is backup power beside batteries and a parcel service beside a
driver. Being an item of a list is not enough for these forms (people list teams, perks and
meetings too), so each one in ``senses.yaml`` needs one of:

- a spelling its table allows ("Excel", not "excel"), and then
- a prefix ("Microsoft Access", "MS Word"), a cue word of its own nearby ("Access database",
  "UPS batteries"), another tool or technology named beside it ("Chef, Puppet or Ansible"), or a
  Skills section or a line labelled as a list of tools ("Tools: Chef, Puppet").

The table is data; this module is the one rule that reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

_TABLE = Path(__file__).with_name("senses.yaml")
_REACH = 8  # tokens either side in which a cue or another tool counts
_TOOL_LINE = re.compile(
    r"^\W*(?:[\w&/ -]{0,30}\b)?(?:skills?|tools?|technolog(?:y|ies)|tech stack|stack|software|systems|platforms?|"
    r"proficien\w*|applications|programs|languages)\s*:",
    re.I,
)
_TECHNICAL = frozenset({"tool", "technical"})


@dataclass(frozen=True)
class Sense:
    form: str
    skill: str
    case: frozenset[str]
    prefix: frozenset[str]
    cues: frozenset[str]
    never_after: frozenset[str]
    never_before: frozenset[str] = frozenset()
    not_in_name: bool = False  # "Apache Cordova": before another capitalised word, part of another product's name


@cache
def senses() -> dict[str, Sense]:
    """The table of ``senses.yaml``, by the form's lower-case text."""
    from ..resources import load_yaml

    table = load_yaml(_TABLE.read_text(encoding="utf-8")) or {}
    return {
        form: Sense(
            form,
            entry["skill"],
            frozenset(entry.get("case", ())),
            frozenset(w.lower() for w in entry.get("prefix", ())),
            frozenset(w.lower() for w in entry.get("cues", ())),
            frozenset(w.lower() for w in entry.get("never_after", ())),
            frozenset(w.lower() for w in entry.get("never_before", ())),
            bool(entry.get("not_in_name", False)),
        )
        for form, entry in table.items()
    }


def keep_senses(doc: Doc, spans: list[Span], categories: dict[str, str]) -> list[Span]:
    """The spans without the ambiguous forms that have no evidence of the product sense."""
    table = senses()
    if not any(span.text.lower() in table for span in spans):
        return spans
    text = doc._.line_text or doc.text
    kept = []
    for span in spans:
        sense = table.get(span.text.lower())
        if sense is None or sense.skill != span.label_ or _meant(doc, text, span, sense, spans, categories, table):
            kept.append(span)
    return kept


def _meant(doc: Doc, text: str, span: Span, sense: Sense, spans, categories, table) -> bool:
    if span.text not in sense.case:
        return False
    start_char = span.start_char
    written = doc._.hyphenated or text
    if start_char > 1 and written[start_char - 1] == "-" and written[start_char - 2].isalpha():
        return False  # "stand-ups", "follow-ups": part of another word
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in sense.never_after:
        return False
    if sense.not_in_name and after is not None and after.text[:1].isupper() and after.is_alpha and not after.is_sent_start:
        if not any(other.start == after.i for other in spans):  # "Apache Cordova"; not "Apache Nginx"
            return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in sense.never_before:
        return False  # "fiber node", "HFC node": the ordinary word
    if before is not None and before.lower_ in sense.prefix:
        return True
    line_start = text.rfind("\n", 0, start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    if any(a <= start_char < b for a, b in doc._.skill_sections) or _TOOL_LINE.match(text[line_start:line_end]):
        return True
    window = doc[max(0, span.start - _REACH) : span.end + _REACH]
    if any(t.lower_ in sense.cues and line_start <= t.idx < line_end for t in window if not (span.start <= t.i < span.end)):
        return True
    own = categories.get(sense.skill)
    wanted = _TECHNICAL if own in _TECHNICAL else {own}
    for other in spans:
        if other is span or not (line_start <= other.start_char < line_end):
            continue
        if abs(other.start - span.start) > _REACH or categories.get(other.label_) not in wanted:
            continue
        other_sense = table.get(other.text.lower())
        if other_sense is None or (other_sense.skill == other.label_ and other.text in other_sense.case):
            return True
    return False
