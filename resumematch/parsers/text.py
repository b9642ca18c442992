"""Plain text and Markdown resumes."""

from __future__ import annotations

import codecs
import re

from ..errors import CorruptDocumentError


def decode_text(data: bytes, source: str) -> str:
    """The text of a plain-text file (see :func:`read_text`), without its warnings."""
    return read_text(data, source)[0]


def read_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode a text file as its author wrote it, and say what had to be repaired.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such; UTF-16 without a BOM
    is told by where its zero bytes fall. Stray NUL bytes in a UTF-8 file are removed (with a
    warning). A UTF-8 file with a few bytes from another encoding (a Windows-1252 apostrophe
    pasted in) keeps its UTF-8 and has only those bytes read as Windows-1252. A file with no
    UTF-8 at all is decoded as charset-normalizer judges it."""
    warnings: list[str] = []
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _strict(data, codec, source), warnings
    order = utf16_order(data)
    if order:
        return _strict(data, order, source).lstrip("\ufeff"), warnings
    nuls = data.count(b"\x00")
    if nuls:
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} stray NUL byte{'s' if nuls > 1 else ''} removed from the text file")
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError:
        pass
    if _has_utf8(data):
        # Mixed: UTF-8 with some bytes from a one-byte code page. Only the bytes that are not
        # UTF-8 are read as Windows-1252, so the UTF-8 accents around them stay as written.
        text = data.decode("utf-8-sig", errors=_CP1252_REPAIR)
        warnings.append("the text file mixes encodings: bytes that are not UTF-8 were read as Windows-1252")
        return text, warnings
    return _legacy(data), warnings


def utf16_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte-order mark, else None: in text
    written mostly in Latin letters, every other byte is zero, always on the same side."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise CorruptDocumentError(source, f"could not be read as {codec.upper()} text; save it as UTF-8") from None


# A valid multi-byte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8(data: bytes) -> bool:
    """Whether the bytes hold UTF-8 sequences of two bytes or more (evidence the file is UTF-8)."""
    return _UTF8_SEQUENCE.search(data) is not None


def _repair_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


_CP1252_REPAIR = "resumematch-cp1252"
codecs.register_error(_CP1252_REPAIR, _repair_cp1252)


def _legacy(data: bytes) -> str:
    """Text in a legacy code page: the one charset-normalizer finds when it reads as another
    script (Cyrillic in Windows-1251, say), else Windows-1252. For Latin letters its guesses
    among the Western and Central European pages are a coin toss on a short file, and
    Windows-1252 is what Windows writes in the countries our users are in."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
        if letters and sum(1 for ch in letters if ord(ch) > 0x24F) > len(letters) // 2:
            return text
    return data.decode("cp1252", errors="replace")


# Quantifiers are bounded and never run over the mark that opens them: an unclosed "[" or "<"
# repeated along a long line must not make each one scan the rest of it (quadratic time).
_MD_IMAGE = re.compile(r"!\[([^\[\]]{0,500})\]\([^()]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\[\]]{1,500})\]\(([^()\s]{1,2000})(?:\s[^()]{0,200})?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]{1,2000})>")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Emphasis never spans its own delimiter, so each opening mark scans only to the next one.
_MD_EMPHASIS = re.compile(
    r"\*\*(?=\S)((?:[^*]|\*(?!\*)){1,300}?)(?<=\S)\*\*"
    r"|__(?=\S)((?:[^_]|_(?!_)){1,300}?)(?<=\S)__"
    r"|\*(?=\S)([^*]{1,300}?)(?<=\S)\*"
    r"|`(?=\S)([^`]{1,300}?)(?<=\S)`"
)


# A link reference definition: "[label]: target" with an optional title; never rendered.
_MD_DEFINITION = re.compile(r"""^ {0,3}\[[^\[\]]{1,999}\]:[ \t]*\S{0,2000}(?:[ \t]+(?:"[^"]{0,2000}"|'[^']{0,2000}'|\([^()]{0,2000}\)))?[ \t]*$""")
_MD_TITLE_LINE = re.compile(r"""^[ \t]*(?:"[^"]{0,2000}"|'[^']{0,2000}'|\([^()]{0,2000}\))[ \t]*$""")
UNSEEN_MARKDOWN = ("{count} characters of Markdown that is never shown (HTML comments, link definitions and their "
                   "titles) were not read")


def without_unseen(markdown: str) -> tuple[str, int]:
    """Markdown without what a rendered page never shows: HTML comments (an unclosed one runs to
    the end, as in a browser) and link reference definitions with their titles. Returns the
    rest and how many characters were left out. Linear: each comment is found with str.find."""
    kept: list[str] = []
    dropped = 0
    position = 0
    while (start := markdown.find("<!--", position)) != -1:
        end = markdown.find("-->", start + 4)
        end = len(markdown) if end == -1 else end + 3
        kept.append(markdown[position:start])
        dropped += end - start
        position = end
    kept.append(markdown[position:])
    lines = "".join(kept).split("\n")
    out: list[str] = []
    after_definition = False
    for line in lines:
        if _MD_DEFINITION.match(line) or (after_definition and _MD_TITLE_LINE.match(line)):
            dropped += len(line)
            after_definition = True
            continue
        after_definition = False
        out.append(line)
    return "\n".join(out), dropped


def markdown_to_text(markdown: str, notes: list[str] | None = None) -> tuple[str, list[str]]:
    """Strip Markdown syntax, keeping the words a rendered page shows; return the text and the
    link targets. ``notes`` gets a warning when something never shown was left out."""
    links: list[str] = []
    out: list[str] = []
    markdown, unseen = without_unseen(markdown)
    if unseen and notes is not None:
        notes.append(UNSEEN_MARKDOWN.format(count=unseen))
    for line in markdown.splitlines():
        if _MD_RULE.match(line) or _MD_TABLE_SEPARATOR.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:  # "## Skills ##" -> "Skills", closing hashes and spaces cut without a regex
            line = line[heading.end() :].rstrip().rstrip("#").rstrip()
        line = _MD_BULLET.sub(r"\1• ", line)
        line = _MD_IMAGE.sub(r"\1", line)

        def link(match: re.Match) -> str:
            links.append(match.group(2))
            label, target = match.group(1), match.group(2)
            return label if target.removeprefix("mailto:") == label or target.startswith("#") else f"{label} ({target})"

        line = _MD_LINK.sub(link, line)
        line = _MD_AUTOLINK.sub(lambda m: links.append(m.group(1)) or m.group(1), line)
        line = _MD_HTML_TAG.sub("", line)
        line = _MD_EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), line)
        if line.lstrip().startswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(line)
    return "\n".join(out), links
