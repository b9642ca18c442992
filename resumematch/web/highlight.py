"""The resume and the posting as pieces of text, each marked as matched, missing or plain, for
the side-by-side view. Offsets come from the skill mentions the pipeline already found; the
template escapes every piece."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import CheckReport


@dataclass(frozen=True)
class Piece:
    text: str
    mark: str = ""  # "", "matched" or "missing"
    title: str = ""  # the skill's name, shown on hover


def resume_pieces(report: CheckReport) -> list[Piece]:
    """The resume's text with the words behind every matched skill marked."""
    result = report.result
    matched = {m.id: m.name for m in result.matched}
    evidence = {m.evidence.lower(): m.name for m in result.matched if m.evidence}
    spans = []
    for mention in report.mentions:
        name = matched.get(mention.skill_id) or evidence.get(mention.text.lower())
        if name:
            spans.append((mention.start, mention.end, "matched", name))
    text = report.document.text
    spans += _keyword_spans(text, [m for m in result.matched if m.importance == "other keyword"], "matched")
    return _pieces(text, spans)


def posting_pieces(report: CheckReport) -> list[Piece]:
    """The job's text: matched skills marked as matched, missing required ones as missing."""
    from ..jobs.posting import posting_skill_mentions
    from ..skills import extract_skills

    job, result = report.job, report.result
    text = job.text
    if not text:
        return []
    matched = {m.id: m.name for m in result.matched}
    missing = {m.id: m.name for m in result.missing if m.importance == "required"}
    mentions = posting_skill_mentions(text, extract_skills(text)) if job.source != "shipped" else extract_skills(text)
    spans = []
    for mention in mentions:
        if mention.skill_id in matched:
            spans.append((mention.start, mention.end, "matched", matched[mention.skill_id]))
        elif mention.skill_id in missing:
            spans.append((mention.start, mention.end, "missing", missing[mention.skill_id]))
    spans += _keyword_spans(text, [m for m in result.matched if m.importance == "other keyword"], "matched")
    return _pieces(text, spans)


def _keyword_spans(text: str, items, mark: str) -> list[tuple[int, int, str, str]]:
    spans = []
    for item in items:
        for found in re.finditer(rf"(?<!\w){re.escape(item.name)}(?!\w)", text, re.IGNORECASE):
            spans.append((found.start(), found.end(), mark, item.name))
    return spans


def _pieces(text: str, spans: list[tuple[int, int, str, str]]) -> list[Piece]:
    """Cut ``text`` at the spans; where spans overlap, the earlier (then longer) one wins."""
    pieces: list[Piece] = []
    cursor = 0
    for start, end, mark, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor or start >= end:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], mark, title))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_INLINE = re.compile(r"\*\*|__|`")


@dataclass(frozen=True)
class Line:
    kind: str  # "heading", "item" or "text"
    pieces: tuple[Piece, ...]


def as_lines(pieces: list[Piece]) -> list[Line]:
    """The pieces as formatted lines: a Markdown heading ("## Responsibilities") as a heading,
    a list item as an item, other lines as text, with the markup characters left out (the marks
    on skills kept), so the posting reads as formatted text, not as Markdown source."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        parts = piece.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, piece.mark, piece.title))
    out = []
    for line in lines:
        raw = "".join(p.text for p in line)
        if not raw.strip():
            continue
        kind, cut = "text", 0
        found = _HEADING.match(raw) or None
        if found:
            kind, cut = "heading", found.end()
        elif (found := _ITEM.match(raw)):
            kind, cut = "item", found.end()
        kept = []
        for piece in line:
            text = piece.text
            if cut:
                dropped = min(cut, len(text))
                text, cut = text[dropped:], cut - dropped
            text = _INLINE.sub("", text) if not piece.mark else text
            if text:
                kept.append(Piece(text, piece.mark, piece.title))
        out.append(Line(kind, tuple(kept)))
    return out
