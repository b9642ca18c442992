"""Text normalisation shared by every format.

Each rule removes something that would otherwise reach skill matching as junk: glyph ids that
had no Unicode mapping, icon fonts, control characters, presentation forms of ligatures.
"""

from __future__ import annotations

import re
import unicodedata

from .bidi import apply_overrides

# Fonts of pictures, not letters: their glyphs map to names ("HOUSE-CHIMNEY", "LINKEDIN") or
# emoji, not words.
ICON_FONT = re.compile(r"awesome|icon|glyph|dingbat|wingding|symbol|emoji|material", re.I)
# pdfminer writes "(cid:123)" for a glyph it could not map to Unicode.
_CID = re.compile(r"\(cid:\d+\)")
# Private-use code points are icon fonts (Font Awesome phone, envelope, LinkedIn logos...).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# Pictographs and dingbats drawn as contact icons (phone, envelope, house).
_ICONS = re.compile("[\u2300-\u23ff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]")
# C0/C1 controls except tab and newline; also zero-width and bidi marks that split words.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff\ufffe\uffff]")
# Ligature presentation forms (U+FB00..FB06): ff, fi, fl, ffi, ffl, long st, st.
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# A hyphen made of two hyphen-like characters ("555-\u00ad\u2010 5555" from Word's PDF export).
_DOUBLED_HYPHEN = re.compile(r"-{2,}(?=\w)")


def expand_ligatures(text: str) -> str:
    return _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)


def strip_junk(text: str) -> str:
    """Remove unmapped glyphs, icon-font characters and control characters."""
    text = _CID.sub("", text)
    text = _PRIVATE_USE.sub("", text)
    text = _ICONS.sub("", text)
    return _CONTROL.sub("", text)


BIDI_WARNING = ("{count} passage(s) in a right-to-left override (U+202E) were read as a reader sees them, reversed; "
                "text stored in one order and shown in another is a way of hiding words")


def normalize_text(text: str, *, soft_hyphen: str = "", notes: list[str] | None = None) -> str:
    """Clean a whole extracted text; lines stay lines, at most one blank line between blocks.

    ``soft_hyphen`` is what U+00AD becomes: invisible in Word and HTML (""), but a drawn hyphen
    in PDFs made by TeX, which uses that code point for its hyphen glyph ("-"). Bidi overrides
    are applied before control characters are stripped (bidi.py); ``notes`` gets the warning.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, overridden = apply_overrides(text)
    if overridden and notes is not None:
        notes.append(BIDI_WARNING.format(count=overridden))
    text = expand_ligatures(strip_junk(text.replace("\u00ad", soft_hyphen)))
    text = text.translate(_HYPHENS)
    text = _DOUBLED_HYPHEN.sub("-", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    return _BLANK_LINES.sub("\n\n", text)


_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-\n(?=[a-z])")


def join_hyphenated_breaks(text: str, *, hyphenated: bool = True) -> str:
    """Join words split across lines at a hyphen.

    Only when the next line starts in lower case. ``hyphenated`` says whether the program that
    laid the text out hyphenates words ("configur-\\ning" -> "configuring"): word processors and
    TeX do, browsers do not, so in a browser-made PDF a line-end hyphen belongs to a compound
    ("cross-\\nfunctional" -> "cross-functional"). A word that already holds a hyphen is a
    compound either way ("end-to-\\nend").
    """

    def join(match: re.Match) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        word = text[line_start : match.start()].rsplit(" ", 1)[-1]
        return "-" if "-" in word or not hyphenated else ""

    return _HYPHEN_BREAK.sub(join, text)
