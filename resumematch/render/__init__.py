"""Every renderer of the project, and the one list of formats each command offers.

``check.py`` renders a check (text, JSON, Markdown, one HTML file), ``ranking.py`` a ranking
(table, CSV, JSON, JSON Lines), ``documents.py`` what ``parse``, ``skills`` and ``jobs`` print.
The CLI (and a web page later) picks formats from :data:`FORMATS` and the format an ``--output``
file's extension names with :func:`format_for_output`.
"""

from __future__ import annotations

import re
from pathlib import Path

FORMATS: dict[str, tuple[str, ...]] = {
    "check": ("text", "json", "md", "html"),
    "rank": ("table", "csv", "json", "jsonl"),
    "parse": ("text", "json"),
    "skills": ("text", "json"),
    "jobs": ("text", "json"),
    "audit": ("text", "json", "csv", "html"),
    "log": ("text", "json"),
}
SUFFIX_FORMATS = {
    ".json": "json", ".jsonl": "jsonl", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".txt": "text", ".text": "text", ".csv": "csv",
}
# A table is plain text: a ranking written to a .txt file is the table.
_SAME = {("rank", "text"): "table"}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def job_label(title: str, job_id: str) -> str:
    """ "Network Technician (network-technician)"; a title with its own brackets gets the id after
    a colon, not a second pair: "ISP Technician (Installer / Field Technician): isp-technician"."""
    if not job_id or job_id == title:
        return title
    return f"{title}: {job_id}" if title.rstrip().endswith(")") else f"{title} ({job_id})"


def terminal_safe(text: str) -> str:
    """Text with control characters (escape sequences that recolour, move or retitle a terminal)
    shown as "?": file names and resume text come from strangers."""
    return _CONTROL.sub("?", text)


def spreadsheet_safe(value: str) -> str:
    """A CSV cell a spreadsheet reads as text, never as a formula (OWASP: prefix with ')."""
    return "'" + value if value.startswith(_FORMULA_START) else value


class OutputFormatError(ValueError):
    """``--output``'s extension names no format the command offers, or another than ``--format``."""


def format_for_output(command: str, fmt: str | None, output: str | None) -> str:
    """The format to write: ``fmt`` if given, else the one ``output``'s extension names, else the
    command's default. An extension that names no format of the command is an error."""
    choices = FORMATS[command]
    suffix = Path(output).suffix.lower() if output else ""
    named = SUFFIX_FORMATS.get(suffix)
    named = _SAME.get((command, named), named)
    if output and suffix and named not in choices:
        offered = ", ".join(sorted({s for s, f in SUFFIX_FORMATS.items() if _SAME.get((command, f), f) in choices}))
        raise OutputFormatError(f"{output}: '{suffix}' is not a format of this command; use one of {offered}")
    if fmt is not None:
        return fmt
    return named if named in choices else choices[0]
