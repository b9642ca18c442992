"""Plain text and Markdown resumes."""

from __future__ import annotations

import re

from ..errors import CorruptDocumentError


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CorruptDocumentError(source, "could not be read as UTF-16 text; save it as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
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


def markdown_to_text(markdown: str) -> tuple[str, list[str]]:
    """Strip Markdown syntax, keeping the words; return the text and the link targets."""
    links: list[str] = []
    out: list[str] = []
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
