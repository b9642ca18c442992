"""How much a posting asks for a thing, clause by clause.

One line often asks for two things at two levels: "CCNA required; CCNP is a plus", "Must have
Python, Go preferred", "Required: SQL and Python, nice to have: Spark". Each skill takes the level
of its own clause:

- a line is cut into clauses at ";", a sentence end, "but", "while", "whereas" and a spaced dash;
- a clause with one kind of cue ("required", "must", "a plus", "preferred"...) gives that level to
  everything in it;
- a clause with both kinds is cut again at commas, "and" and "or" into items: a cue that opens a
  label ("Required:", "Nice to have:") carries forward to the items after it, any other cue ("X is
  required") back to the items before it that have none ("Python, Go and Rust are required");
- a clause with no cue takes the level of the part it stands in (a Requirements list: required).
"""

from __future__ import annotations

import re

from .sections import LINE_PREFERRED, LINE_REQUIRED

_CLAUSE_END = re.compile(
    r";|[!?](?=\s|$)|(?<!\be\.g)(?<!\bi\.e)(?<!\betc)\.(?=\s|$)|\s(?:but|while|whereas|although|however)\s|\s[-–—]\s", re.I
)
_ITEM_END = re.compile(r",|\s(?:and|or|&)\s", re.I)


def clause_level(line: str, at: int, default: str) -> str:
    """The level ("required" or "preferred") of whatever stands at offset ``at`` of ``line``."""
    start, end = _piece(line, at, _CLAUSE_END)
    clause = line[start:end]
    preferred, required = _cue(clause)
    if preferred and not required:
        return "preferred"
    if required and not preferred:
        return "required"
    if not preferred:
        return default
    return _item_level(clause, at - start, default)


def _cue(text: str) -> tuple[re.Match | None, re.Match | None]:
    return LINE_PREFERRED.search(text), LINE_REQUIRED.search(text)


def _item_level(clause: str, at: int, default: str) -> str:
    cuts = [0, *(m.end() for m in _ITEM_END.finditer(clause)), len(clause) + 1]
    items = [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]
    levels: list[str | None] = []
    forward: list[bool] = []
    for a, b in items:
        piece = clause[a:b]
        preferred, required = _cue(piece)
        cue = preferred or required
        levels.append(None if not cue else "preferred" if preferred else "required")
        forward.append(bool(cue) and piece[cue.end() :].lstrip().startswith(":"))
    resolved = list(levels)
    carry = None
    for i, level in enumerate(levels):  # "Required: SQL, Python": a label carries forward
        if level and forward[i]:
            carry = level
        elif level:
            carry = None
        elif carry:
            resolved[i] = carry
    carry = None
    for i in range(len(levels) - 1, -1, -1):  # "Python, Go and Rust are required": back to the list
        if levels[i] and not forward[i]:
            carry = levels[i]
        elif levels[i]:
            carry = None
        elif resolved[i] is None and carry:
            resolved[i] = carry
    index = next(i for i, (a, b) in enumerate(items) if a <= at < b or i == len(items) - 1)
    return resolved[index] or default


def _piece(text: str, at: int, boundary: re.Pattern) -> tuple[int, int]:
    start = 0
    for match in boundary.finditer(text):
        if match.start() >= at:
            return start, match.start()
        start = match.end()
    return start, len(text)
