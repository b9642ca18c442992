"""What scoring reads of a resume: its text with who the person is blanked out.

A name, an email address, a phone number, a street address or city, and profile links say who
someone is, not what they can do, and they must never move a score: two people with the same
resume under different names get the same score and the same rank. ``scoring_text`` returns
the text with those parts replaced by spaces (same length, same lines, so every section offset
still holds); every score component reads that text, and skill mentions inside a blanked part
are dropped.

Blanked everywhere: email addresses, web and profile links, phone numbers, and the candidate's
full name wherever it is written. Blanked in the contact block (the lines above the first
section heading, and a sidebar's Contact section): the name line, the pieces of a line that are
a place (a city and state or country, a street, a postcode) or a label ("Phone:"). What stays
there is the headline ("Network Technician"), which is about the job. Only the first lines of a
contact section count as the contact block.

Nothing else is blanked, and fairness never costs a candidate a skill they wrote: what is found
by its shape (an address, a link, a number) is certain, but a piece blanked because it *looks*
like a name or a place ("Cold Calling- Experience - 1 year", "Requirement Gathering") is kept
where the skill matcher found a skill in it, unless it is a whole short line at the top of the
page that is the candidate's name.
"""

from __future__ import annotations

import re
import unicodedata

from .parsers.names import NOT_NAME_WORDS, candidate_name, looks_like_name
from .types import Document

# Bounded quantifiers, and matches start only where a run starts: linear on a long token.
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])")
_SEP = r"(?:\s?[.\u2013-]\s?|\s)?"
_PHONE = re.compile(
    rf"(?<![\w/.-])(?:\+\d{{1,3}}{_SEP})?(?:\(\d{{2,4}}\)|\d{{2,4}}){_SEP}\d{{3,4}}{_SEP}\d{{3,4}}(?![\w/-])"
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\D+(?:19|20)\d\d\b")
# A link with a scheme or www, or a domain followed by a path (linkedin.com/in/..., github.com/x).
_LINK = re.compile(
    r"(?<![\w./-])(?:https?://|www\.)[^\s|,;()<>]{1,2000}"
    r"|(?<![a-z0-9.-])(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}/[^\s|,;()<>]{0,2000}",
    re.I,
)
# In the contact block a bare domain is a personal site ("janedoe.dev").
_DOMAIN = re.compile(
    r"(?<![a-z0-9.-])(?:[a-z0-9-]{1,63}\.){1,8}(?:com|net|org|io|dev|me|co|info|app|page|site|xyz|tech|edu|us|uk|ca|de|fr|au|eu|in)\b(?!\.\w)", re.I
)
# A contact block is a few lines; past them a long "contact" section is text whose headings
# were not found, and is read as any other text.
_CONTACT_LINES = 8
_WRAPPED = re.compile(r"^\s*[\w./-]{1,12}\s*$")
_PIECES = re.compile(r"\s*(?:[|•·●▪◆■/]|\s[-–—]\s|\t|\s{3,})\s*")
_STREET = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[\w.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
    r"way|place|pl|terrace|parkway|pkwy|highway|hwy|circle|cir|square|sq|close|crescent)\b",
    re.I,
)
_POSTCODE = re.compile(r"\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s*\d[A-Z]\d\b")
_PLACE = re.compile(r"^[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3},\s*[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3}\.?$")
_CITY_STATE = re.compile(r"^[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3},\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$")
_LABELS = frozenset(
    "phone tel telephone mobile cell email e-mail mail address location linkedin github gitlab website web site "
    "portfolio contact home city".split()
)
_PARTICLES = frozenset("van von der den de del della da di du la le bin binti ibn al el dos das do ten ter y e st".split())


_RECENT: dict = {}  # a check re-scores one resume many times (the points of each suggestion)


def private_spans(document: Document, skills=()) -> list[tuple[int, int]]:
    """Where the text says who the person is: (start, end) ranges, sorted and merged. A piece
    that only looks like a name or place is left out where it holds one of ``skills`` (mentions
    with ``start`` and ``end``)."""
    key = (document.text, tuple(document.sections), document.author)
    found = _RECENT.get(key)
    if found is None:
        if len(_RECENT) >= 16:
            _RECENT.pop(next(iter(_RECENT)))
        found = _RECENT[key] = _private_spans(document)
    certain, name_lines, looks = found
    text = document.text
    # A name line at the top is the name unless it is a skill and nothing else ("Cold Calling").
    kept = [s for s in name_lines if not any(m.start <= s[0] + _lead(text[s[0] : s[1]]) and m.end >= s[1] - _trail(text[s[0] : s[1]])
                                             for m in skills)]
    kept += [s for s in looks if not any(s[0] < m.end and m.start < s[1] for m in skills)]
    return _merged(certain + kept)


def _lead(piece: str) -> int:
    return len(piece) - len(piece.lstrip(" :,.;"))


def _trail(piece: str) -> int:
    return len(piece) - len(piece.rstrip(" :,.;"))


def _private_spans(document: Document) -> tuple[list, list, list]:
    """(spans found by their shape, whole short lines at the top taken for the name, spans that
    look like a name or place)."""
    text = document.text
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):  # an address, a link or a number is on one line: look only where one can be
        if "@" in line:
            spans += [(offset + m.start(), offset + m.end()) for m in _EMAIL.finditer(line)]
        if "/" in line or "www." in line.lower():
            spans += [(offset + m.start(), offset + m.end()) for m in _LINK.finditer(line)]
        if sum(ch.isdigit() for ch in line) >= 10:
            for match in _PHONE.finditer(line):
                digits = re.sub(r"\D", "", match.group())
                if 10 <= len(digits) <= 15 and not _YEAR_RANGE.match(match.group()):
                    spans.append((offset + match.start(), offset + match.end()))
        offset += len(line) + 1
    name = candidate_name(document)
    looks: list[tuple[int, int]] = []
    name_lines: list[tuple[int, int]] = []
    if name:
        words = [re.escape(w) for w in name.split()]
        looks += [m.span() for m in re.finditer(r"(?<!\w)" + r"[\s,]+".join(words) + r"(?!\w)", text, re.I)]
    first_line = True
    for section in document.sections:
        if section.name != "contact":
            continue
        offset, seen, previous_end = section.start, 0, -1
        for line in text[section.start : section.end].split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            if seen == _CONTACT_LINES:
                break
            seen += 1
            if _WRAPPED.match(line) and any(e == previous_end for _, e in spans):
                spans.append((start, end))  # the end of an address or link wrapped onto its own line
            at_top = first_line and section.start == 0
            for piece in _contact_line(text, start, end, name, looks_like_name, at_top):
                whole_name_line = at_top and text[piece[0] : piece[1]].strip() == line.strip() and len(line.split()) <= 6
                (name_lines if whole_name_line else looks).append(piece)
            first_line = False
            previous_end = end
    return spans, name_lines, looks


def _contact_line(text: str, start: int, end: int, name: str | None, looks_like_name, first_line: bool) -> list[tuple[int, int]]:
    line = text[start:end]
    spans = [(start + m.start(), start + m.end()) for m in _DOMAIN.finditer(line)]
    spans += [(start + m.start(), start + m.end()) for m in _STREET.finditer(line)]
    spans += [(start + m.start(), start + m.end()) for m in _POSTCODE.finditer(line)]
    name_words = {_plain(w) for w in (name or "").split()}
    cursor = 0
    for piece in _PIECES.split(line):
        if not piece:
            continue
        at = line.index(piece, cursor)
        cursor = at + len(piece)
        clean = piece.strip(" :,.;")
        words = [_plain(w) for w in re.findall(r"[^\W\d_][\w'.-]*", clean)]
        if name_words:  # the name found: its words, in any order or form ("VEGA, Marisol")
            is_name = bool(words) and set(words) <= name_words | _PARTICLES
        else:  # none found: whatever looks like one
            is_name = bool(words) and (looks_like_name(clean) or _name_with_particles(clean))
        if (
            is_name
            or (first_line and _bare_name_line(clean))
            or _CITY_STATE.match(clean)
            or (_PLACE.match(clean) and not _title_like(words))
            or (words and all(w in _LABELS for w in words))
        ):
            spans.append((start + at, start + at + len(piece)))
    return spans


def _name_with_particles(text: str) -> bool:
    """ "Ludwig van Beethoven", "Ahmad bin Rashid": capitalised words with lower-case particles."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    capital = [w for w in words if w.lower() not in _PARTICLES]
    return len(capital) >= 2 and all(w[0].isupper() for w in capital) and not _title_like([_plain(w) for w in words])


def _bare_name_line(text: str) -> bool:
    """The document's first line, when it is a few words starting with a capital and naming no
    job: a name (even one whose letters the PDF's font could not show: "Nguy n Th Hoa")."""
    words = text.split()
    return 1 <= len(words) <= 6 and not any(ch.isdigit() or ch in "@/" for ch in text) and words[0][0].isupper() and (
        not _title_like([_plain(w) for w in words])
    )


def _title_like(words: list[str]) -> bool:
    return any(w in NOT_NAME_WORDS for w in words)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isalnum())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (line breaks kept)."""
    if not spans:
        return text
    pieces, cursor = [], 0
    for start, end in spans:
        pieces.append(text[cursor:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span."""
    return any(s < end and start < e for s, e in spans)


def scoring_text(document: Document, skills=()) -> str:
    return blank(document.text, private_spans(document, skills))
