"""Bidi overrides applied: text is read in the order a reader sees it.

A right-to-left override (U+202E ... U+202C) shows the letters between them in reverse: stored
"FPSO PGB" inside one is seen as "BGP OSPF", and stored "BGP OSPF" is seen as "FPSO PGB". Dropping
the control characters would read the letters in stored order, the one order nobody sees; so the
override is applied (as the Unicode bidi algorithm does for explicit overrides: a left-to-right
override nested inside keeps its own order) and the document is warned about. Embeddings and
isolates (U+202A, U+202B, U+2066-U+2069) do not reorder Latin letters and are left to the
cleanup that strips them. Every line is its own paragraph: an override ends with it.
"""

from __future__ import annotations

RLO, LRO, PDF = "\u202e", "\u202d", "\u202c"
_OPENERS = {RLO: "R", LRO: "L"}
_OTHERS = "\u202a\u202b\u2066\u2067\u2068\u2069"  # embeddings and isolates: a level each, no reordering


def apply_overrides(text: str) -> tuple[str, int]:
    """The text with every override applied, and how many overridden passages reordered it."""
    if RLO not in text:
        return text, 0
    lines = text.split("\n")
    count = 0
    for index, line in enumerate(lines):
        if RLO in line:
            tree, _ = _group(line, 0, "L")
            lines[index] = _visual(tree)
            count += line.count(RLO)
    return "\n".join(lines), count


def _group(line: str, start: int, direction: str) -> tuple[list, int]:
    """Parse from ``start`` to the closing PDF (or the line's end): a list of characters and
    nested (direction, children) groups; returns it and where parsing stopped."""
    children: list = []
    position = start
    while position < len(line):
        ch = line[position]
        if ch in _OPENERS:
            inner, position = _group(line, position + 1, _OPENERS[ch])
            children.append((_OPENERS[ch], inner))
            continue
        if ch == PDF:
            return children, position + 1
        if ch not in _OTHERS:
            children.append(ch)
        position += 1
    return children, position


def _visual(children: list, direction: str = "L") -> str:
    """Characters are pieces of one; a nested group is one piece, in its own order. Under a
    right-to-left override the pieces are shown right to left."""
    pieces = [child if isinstance(child, str) else _visual(child[1], child[0]) for child in children]
    if direction == "R":
        pieces.reverse()
    return "".join(pieces)
