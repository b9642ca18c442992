"""One normalisation of text before matching, for resumes and postings alike.

Text pasted from the web or from Word carries curly apostrophes ("Driver’s license"), dashes of
every width, ligatures ("ﬁber"), soft hyphens and zero-width characters, full-width letters, and
sometimes mojibake ("Driverâ€™s license", UTF-8 read as Windows-1252). The matcher should see
"Driver's license" in all of these, while every offset it reports still points into the text the
user sees. :func:`fold` returns the folded text with a map back to the original characters.

Mojibake is repaired by ftfy (a library that knows the encodings involved), only on the lines
that show its marks; everything else is folded character by character: NFKC for letters, digits
and spaces (ligatures, full-width forms, no-break spaces), one ASCII form for quotes and dashes,
nothing for invisible characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = dict.fromkeys("‘’‚‛′ʼ`´", "'") | dict.fromkeys("“”„‟″«»", '"')
_DASHES = dict.fromkeys("‐‑‒–—―−", "-")
_INVISIBLE = dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")
# Windows-1252 punctuation read as Latin-1 leaves C1 control characters ("Master\x92s degree",
# "\x95 Python"): no text means them, so each is read as the character Windows meant.
_C1 = {chr(code): bytes([code]).decode("cp1252") for code in range(0x80, 0xA0) if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1 = {c1: _QUOTES.get(meant, _DASHES.get(meant, meant)) for c1, meant in _C1.items()}
_SIMPLE = _QUOTES | _DASHES | _INVISIBLE | _C1
# The marks UTF-8 leaves when it is read as Windows-1252 or Latin-1 ("â€™", "Ã©", "Â "), and
# the replacement character a lossy decoder leaves behind.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u2026\u20ac\u2122]|\ufffd"
)
# A replacement character between two letters stood for an apostrophe ("Driver�s").
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\ufffd(?=[A-Za-z])")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SIMPLE:
        return _SIMPLE[char]
    if unicodedata.category(char)[0] in "LNZ":  # letters, digits, spaces: ligatures, full width, NBSP
        folded = unicodedata.normalize("NFKC", char)
        return "".join(_SIMPLE.get(c, c) for c in folded)
    return char


@dataclass(frozen=True)
class Folded:
    """The folded ``text`` of ``source``, and for every character of it the source range it came from."""

    text: str
    source: str
    starts: tuple[int, ...] | None = None  # None: the text is the source, character for character
    ends: tuple[int, ...] | None = None

    def source_start(self, offset: int) -> int:
        if self.starts is None:
            return offset
        return self.starts[offset] if offset < len(self.starts) else len(self.source)

    def source_end(self, offset: int) -> int:
        if self.ends is None:
            return offset
        return self.ends[offset - 1] if offset > 0 else 0

    def folded_offset(self, source_offset: int) -> int:
        """The folded offset of a source offset (the first folded character at or after it)."""
        if self.starts is None:
            return source_offset
        return bisect_right(self.starts, source_offset - 1)


def fold(text: str) -> Folded:
    """``text`` folded for matching, with the way back to its characters."""
    if text.isascii():
        return Folded(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    if not _MOJIBAKE.search(text):
        changes = [(m.start(), out) for m in _NON_ASCII.finditer(text) if (out := _fold_char(m.group())) != m.group()]
        if not changes:
            return Folded(text, text)  # bullets and accents only: nothing to fold
        if all(len(out) == 1 for _, out in changes):  # quotes, dashes, spaces: one for one, same offsets
            chars = list(text)
            for i, out in changes:
                chars[i] = out
            return Folded("".join(chars), text)
        _fold_chars(text, 0, pieces, starts, ends)
    else:
        offset = 0
        for line in text.split("\n"):
            if _MOJIBAKE.search(line):
                _fold_repaired(line, offset, pieces, starts, ends)
            else:
                _fold_chars(line, offset, pieces, starts, ends)
            offset += len(line)
            if offset < len(text):  # the newline
                pieces.append("\n")
                starts.append(offset)
                ends.append(offset + 1)
                offset += 1
    return Folded("".join(pieces), text, tuple(starts), tuple(ends))


# The characters folding can change: quotes, dashes, invisible characters, no-break and other
# spaces, and the compatibility blocks (ligatures, full-width forms, superscripts, letterlike
# symbols). Bullets and accented letters, common in resumes, are left alone without a look.
_NON_ASCII = re.compile(
    "[\u0080-\u009f\u00a0\u00ad\u00b2\u00b3\u00b4\u00b9\u00bc-\u00be\u02bc\u2000-\u2015\u2018-\u201f\u2032\u2033\u2060"
    "\u2070-\u209f\u2100-\u214f\u2160-\u218f\u2212\u2460-\u24ff\u3000\ufb00-\ufb4f\ufeff\uff00-\uffef«»]"
)


def _fold_chars(segment: str, offset: int, pieces: list[str], starts: list[int], ends: list[int]) -> bool:
    """Fold ``segment`` character by character; whether anything changed. Runs of unchanged
    text are copied whole (a resume is mostly ASCII with a few bullets and dashes)."""
    changed = False
    cursor = 0
    for match in _NON_ASCII.finditer(segment):
        i = match.start()
        out = _fold_char(match.group())
        if out == match.group():
            continue
        changed = True
        pieces.append(segment[cursor:i])
        starts.extend(range(offset + cursor, offset + i))
        ends.extend(range(offset + cursor + 1, offset + i + 1))
        pieces.append(out)
        starts.extend([offset + i] * len(out))
        ends.extend([offset + i + 1] * len(out))
        cursor = i + 1
    pieces.append(segment[cursor:])
    starts.extend(range(offset + cursor, offset + len(segment)))
    ends.extend(range(offset + cursor + 1, offset + len(segment) + 1))
    return changed


def _fold_repaired(line: str, offset: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    """Repair a line's mojibake with ftfy, fold the result, and map it back through the changes."""
    from difflib import SequenceMatcher

    import ftfy

    repaired = ftfy.fix_text(_LOST_APOSTROPHE.sub("'", line), normalization="NFKC")
    repaired = "".join(_fold_char(c) if not c.isascii() else c for c in repaired)
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, line, repaired, autojunk=False).get_opcodes():
        pieces.append(repaired[b1:b2])
        if tag == "equal":
            starts.extend(range(offset + a1, offset + a2))
            ends.extend(range(offset + a1 + 1, offset + a2 + 1))
        else:  # each new character stands for the whole changed stretch of the source
            starts.extend([offset + a1] * (b2 - b1))
            ends.extend([offset + a2] * (b2 - b1))


def fold_in_place(text: str) -> str:
    """Quotes, dashes and invisible characters folded one for one, so offsets stay the same
    (for the posting-part patterns, which read "you’ll" as "you'll")."""
    if text.isascii():
        return text
    return text.translate(_IN_PLACE)


_IN_PLACE = str.maketrans({**{c1: m for c1, m in _C1.items() if len(m) == 1}, **_QUOTES, **_DASHES, **dict.fromkeys(_INVISIBLE, " "), "\u00a0": " "})
