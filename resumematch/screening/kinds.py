"""Which inputs are resumes. Only resumes are ranked; everything else is skipped with a reason.

A folder of applicants, or a downloaded template, holds more than resumes: LaTeX sources and
classes, BibTeX, JSON, licences, source code, images, macOS metadata, rank's own earlier outputs.
Ranking those would put a ``main.tex`` among the candidates (and make a template's PDF the
"duplicate" of its source). The decision takes the file name and the content together:

- by name (before reading): a resume extension (PDF, DOCX, TXT, Markdown) is a candidate; a
  document a resume could be saved as (.doc, .rtf, .odt, .pages) is kept too, so the recruiter
  sees "save it as PDF" for that person instead of losing them; a known other kind is skipped;
- by content (once the bytes are read): a text file that is LaTeX, BibTeX, JSON, a licence,
  source code or a resumematch output is skipped; a file with no or an unknown extension is a
  candidate only when its bytes are a PDF or a DOCX.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

RESUME_EXTENSIONS = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".text"})
# Resumes in a format we cannot read: ranked as error rows that say how to export them.
CONVERTIBLE_EXTENSIONS = frozenset({".doc", ".rtf", ".odt", ".pages", ".wpd", ".docm", ".dotx"})
_TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text"})
# Scans and photos of resumes: candidates where the OCR engine is installed (parsers/ocr.py).
IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# A picture smaller than this on both sides is a logo, an icon or a photo of a face, not a page.
_MIN_PAGE_PIXELS = 500

_BY_EXTENSION = {
    **dict.fromkeys((".tex", ".cls", ".sty", ".ltx", ".dtx", ".ins", ".bst", ".bbx", ".cbx", ".lbx"), "LaTeX source"),
    **dict.fromkeys((".bib", ".bbl"), "BibTeX bibliography"),
    **dict.fromkeys((".json", ".jsonl", ".geojson"), "JSON data"),
    **dict.fromkeys((".aux", ".log", ".out", ".toc", ".synctex", ".fls", ".fdb_latexmk", ".gz"), "LaTeX build file"),
    **dict.fromkeys(
        (".py", ".js", ".mjs", ".ts", ".jsx", ".tsx", ".java", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".go",
         ".rs", ".rb", ".php", ".pl", ".swift", ".kt", ".scala", ".lua", ".r", ".sh", ".bash", ".zsh", ".ps1",
         ".bat", ".cmd", ".sql", ".vue", ".css", ".scss", ".less", ".mk", ".cmake", ".gradle", ".ipynb"),
        "source code",
    ),
    **dict.fromkeys((".html", ".htm", ".xml", ".xsl", ".svg"), "web page or markup"),
    **dict.fromkeys((".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".lock", ".env", ".properties"), "configuration file"),
    **dict.fromkeys((".csv", ".tsv", ".xls", ".xlsx", ".ods"), "spreadsheet"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".heic", ".eps"), "image"),
    **dict.fromkeys((".ttf", ".otf", ".woff", ".woff2", ".pfb", ".afm", ".tfm"), "font"),
    **dict.fromkeys((".ppt", ".pptx", ".key", ".odp"), "presentation"),
    **dict.fromkeys((".exe", ".dll", ".so", ".dylib", ".o", ".pyc", ".class", ".jar", ".whl"), "program or library"),
    **dict.fromkeys((".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar"), "archive rank cannot open (only zip)"),
    **dict.fromkeys((".mp3", ".mp4", ".mov", ".wav", ".avi"), "audio or video"),
}
_LICENCE_NAMES = re.compile(r"^(?:licen[cs]e|copying|copyright|notice|authors|contributors|unlicense)(?:[.\-_].*)?$", re.I)
_PROJECT_NAMES = re.compile(r"^(?:readme|changelog|changes|history|contributing|makefile|dockerfile|code_of_conduct)(?:\..*)?$", re.I)


# What resumematch itself writes, so that a ranking or report left in the input folder is no
# candidate the next time: the CSV header, a JSON ranking or check, a JSON Lines row, the HTML report.
_OWN_OUTPUTS = (b"rank,score,status,source,", b'{\n  "job": {', b'{\n  "resume": ')
OWN_OUTPUT = "a resumematch output (an earlier ranking or report)"


def looks_like_own_output(head: bytes) -> bool:
    head = head[:512].removeprefix(b"\xef\xbb\xbf")
    if head.startswith(_OWN_OUTPUTS):
        return True
    if head.startswith(b'{"source": ') and b'"status": ' in head:  # a JSON Lines ranking
        return True
    return head.lstrip().startswith(b"<!DOCTYPE html>") and b'<meta name="generator" content="resumematch">' in head


@dataclass
class Skipped:
    """An input that is not a resume, and why it was left out."""

    source: str
    reason: str

    def to_dict(self) -> dict:
        return {"source": self.source, "reason": self.reason}


def skip_reason_by_name(name: str) -> str | None:
    """Why a file is no resume, judged from its path alone; None when it may be one."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in (".", "..")]
    if "__MACOSX" in parts[:-1]:
        return "macOS metadata (__MACOSX)"
    if any(part.startswith(".") for part in parts[:-1]):
        return "inside a hidden folder"
    base = parts[-1] if parts else name
    if base in ("Thumbs.db", "desktop.ini") or base.startswith(("~$", "._")):
        return "temporary or system file"
    if base.startswith(".") or base.startswith("~") or base.endswith(("~", ".tmp", ".bak", ".swp")):
        return "hidden or temporary file"
    suffix = _suffix(base)
    if _LICENCE_NAMES.match(base) and suffix not in (".pdf", ".docx"):
        return "licence file"
    if _PROJECT_NAMES.match(base) and suffix not in (".pdf", ".docx"):
        return "project file (README, Makefile...)"
    if suffix in RESUME_EXTENSIONS or suffix in CONVERTIBLE_EXTENSIONS or suffix == ".zip":
        return None
    if suffix in IMAGE_EXTENSIONS:
        return None if _ocr_available() else _NO_OCR
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    return None  # no or an unknown extension: the content decides


def skip_reason_by_content(name: str, data: bytes) -> str | None:
    """Why bytes read for ``name`` are no resume; None when they may be one."""
    if looks_like_own_output(data[:512]):
        return OWN_OUTPUT
    suffix = _suffix(PurePosixPath(name.replace("\\", "/")).name)
    if suffix in (".pdf", ".docx") or suffix in CONVERTIBLE_EXTENSIONS:
        return None  # the parser says what is wrong with a damaged one
    head = data[:1024]
    if b"%PDF-" in head or data.startswith(b"PK\x03\x04"):
        return None  # a PDF or DOCX with a wrong or missing extension
    if data.startswith(_IMAGE_MAGIC):
        return _image_kind(data) if _ocr_available() else _NO_OCR
    if suffix not in _TEXT_EXTENSIONS:
        return f"not a resume file ({suffix or 'no extension'}; rank reads PDF, DOCX, TXT and Markdown)"
    text = data[:16384].decode("utf-8", errors="replace")
    return _text_kind(text)


_LATEX = re.compile(r"\\(?:documentclass|usepackage|begin\{document\}|ProvidesClass|ProvidesPackage|NeedsTeXFormat)\b")
_BIBTEX = re.compile(r"^\s*@(?:article|book|inproceedings|misc|online|techreport|phdthesis|mastersthesis|incollection|string|preamble)\s*\{", re.I | re.M)
_LICENCE_TEXT = re.compile(
    r"permission is hereby granted|gnu (?:general|lesser|affero) public license|apache license,? version|"
    r"the software is provided \"as is\"|creative commons (?:legal code|attribution)|redistribution and use in source and binary forms",
    re.I,
)
_CODE_LINE = re.compile(
    r"^\s*(?:(?:from\s+[\w.]+\s+)?import\s+[\w.{}*, ]+;?$|def\s+\w+\s*\(|class\s+\w+[\s(:{]|#include\s*[<\"]|"
    r"(?:public|private|protected|static)\s+[\w<>\[\]]+\s+\w+\s*\(|function\s*\w*\s*\(|(?:const|let|var)\s+\w+\s*=|"
    r"package\s+[\w.]+;?$|#!\s*/|[}\]);]+\s*$|.*[=(].*[;{]\s*$|(?:if|for|while)\s*\(.*\)\s*\{|"
    r".*\):\s*$|(?:return|elif|raise|except|try:|else:|self\.)\b.*$|\w+(?:\.\w+)*\s*=\s*[\w\[{(\"'].*$|"
    r"\"[^\"]*\"\s*:\s*.*[,{\[(]\s*$|[\]}),]+,?\s*$|\"[^\"]*\"(?:,\s*\"[^\"]*\")*,\s*$)"
)


def _text_kind(text: str) -> str | None:
    if _LATEX.search(text):
        return "LaTeX source"
    if len(_BIBTEX.findall(text)) >= 1 and text.lstrip().startswith(("@", "%")):
        return "BibTeX bibliography"
    stripped = text.strip()
    if stripped[:1] in ("{", "[") and _is_json(stripped):
        return "JSON data"
    if _LICENCE_TEXT.search(text[:3000]):
        return "licence text"
    lines = [line for line in text.splitlines() if line.strip()][:200]
    code = sum(1 for line in lines if _CODE_LINE.match(line))
    if lines and code >= 5 and code >= 0.3 * len(lines):
        return "source code"
    return None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        # Cut off at the sample's end: still JSON when it opens like an object or array of them.
        return bool(re.match(r'^[\[{]\s*(?:"[^"]*"\s*:|\{|\[|")', text))
    return True


def _suffix(base: str) -> str:
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


_NO_OCR = "image (install resumematch[ocr] to read scanned resumes)"


def _ocr_available() -> bool:
    from ..parsers.ocr import available

    return available()


def _image_kind(data: bytes) -> str | None:
    """Why a picture is no page of a resume (a logo, an icon), or None. A picture whose header
    cannot be read is a candidate: its row says what is wrong with it."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:
        return None
    if width < _MIN_PAGE_PIXELS and height < _MIN_PAGE_PIXELS:
        return f"image too small to be a page ({width} x {height} pixels)"
    return None
