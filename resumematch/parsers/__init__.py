"""``parse(path | bytes) -> Document``: one entry point for every format we read."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputNotFoundError,
    NotAFileError,
    ResumeMatchError,
)
from ..limits import ParseLimits
from ..printable import shown
from ..types import Document
from .budget import time_budget
from .cleanup import normalize_text
from .extracted import Extracted
from .sections import find_sections
from .sniff import IMAGE_FORMATS, sniff_format

__all__ = ["parse", "parse_text", "read_source"]

_FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX", "txt": "text", "md": "Markdown", "png": "a PNG image",
                 "jpg": "a JPEG image", "tiff": "a TIFF image"}
# What a reader that ran out of memory (or of recursion depth) becomes: one line, never a crash.
TOO_LARGE_TO_READ = "too large to read safely (its content needs more memory than a resume can); export it again"


def read_source(source: str | os.PathLike | bytes, limits: ParseLimits, name: str | None = None) -> tuple[bytes, str]:
    """The bytes of a path (checked for existence, type and size) or of a bytes object."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = shown(name or "<bytes>")
    else:
        path = Path(source)
        label = shown(name or str(source))
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputNotFoundError(label, "no such file; check the path") from None
        except OSError as exc:
            raise NotAFileError(label, f"cannot be opened ({exc.strerror}); check the path") from None
        if stat.S_ISDIR(info.st_mode):
            raise NotAFileError(label, "is a folder, not a file; give a resume file (rank takes folders)")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(label, "is not a regular file; give a resume file")
        if info.st_size > limits.max_bytes:
            raise _too_big(label, info.st_size, limits)
        try:
            with path.open("rb") as handle:
                data = handle.read(limits.max_bytes + 1)
        except PermissionError:
            raise NotAFileError(label, "permission denied; check the file's permissions") from None
        except OSError as exc:  # /proc/self/mem, a device that refuses reads, a vanished mount
            raise NotAFileError(label, f"cannot be read ({exc.strerror or type(exc).__name__}); give a resume file") from None
    if len(data) > limits.max_bytes:
        raise _too_big(label, len(data), limits)
    if not data.strip():
        raise EmptyDocumentError(label, "the file is empty; check that it is the right file")
    return data, label


def _too_big(label: str, size: int, limits: ParseLimits) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        label,
        f"is {size / 2**20:.1f} MB, larger than the {limits.max_bytes / 2**20:.0f} MB limit; "
        "export the resume without large images",
    )


def parse(
    source: str | os.PathLike | bytes,
    *,
    name: str | None = None,
    limits: ParseLimits | dict | None = None,
    pdf_engine: str = "auto",
) -> Document:
    """Read a PDF, DOCX, TXT or Markdown resume, or a PNG, JPEG or TIFF one by OCR (the ``ocr``
    extra; so are PDF pages with no text layer), into a :class:`Document`.

    The format is detected from the bytes. Failures raise a subclass of ``ResumeMatchError``
    whose message names the file and says what to do. ``name`` labels a bytes source in
    messages and in ``Document.source``. ``pdf_engine`` "auto" reads PDF pages through pdfium
    where that is as faithful and through pdfplumber otherwise; "pdfplumber" uses it only.
    """
    if pdf_engine not in ("auto", "pdfplumber"):
        raise ValueError(f"pdf_engine must be 'auto' or 'pdfplumber', not {pdf_engine!r}")
    limits = ParseLimits.resolve(limits)
    data, label = read_source(source, limits, name)
    fmt = sniff_format(data, label)
    with time_budget(limits.timeout_seconds, label) as deadline:
        try:
            extracted = _read(fmt, data, label, limits, deadline, pdf_engine)
        except ResumeMatchError:
            raise
        except (MemoryError, RecursionError):
            raise DocumentTooLargeError(label, TOO_LARGE_TO_READ) from None
        except Exception as exc:  # a parser bug on a strange file must not become a traceback
            if deadline.expired:
                raise deadline.error() from None
            raise CorruptDocumentError(
                label, f"could not be read as {_FORMAT_NAMES[fmt]} ({type(exc).__name__}); export it again"
            ) from None
        if len(extracted.text) > limits.max_chars:
            raise DocumentTooLargeError(
                label,
                f"holds {len(extracted.text):,} characters of text, more than the limit of {limits.max_chars:,}; "
                "a resume or a job posting is a few pages long",
            )
        # Contact finding and sections are part of reading the document: inside its budget.
        return _document(extracted, fmt, label, data)


def _read(fmt, data, label, limits, deadline, pdf_engine="auto") -> Extracted:
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, label, limits, deadline, pdf_engine)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, label, limits, deadline)
    if fmt in IMAGE_FORMATS:
        from .image import read_image

        return read_image(data, fmt, label, limits, deadline)
    from .text import markdown_to_text, read_text

    text, warnings = read_text(data, label)
    links: list[str] = []
    if fmt == "md":
        text, links = markdown_to_text(text, warnings)
    text = normalize_text(text, notes=warnings)
    if not text:
        raise EmptyDocumentError(label, "the file contains no text; check that it is the right file")
    return Extracted(text=text, links=links, warnings=warnings)


_WORD = re.compile(r"[^\W\d_]+")


def _document(extracted: Extracted, fmt: str, label: str, data: bytes) -> Document:
    # Imported here, not above: phonenumbers' metadata and nameparser are needed only where a
    # document is read (the child process of ``check``), not by every process importing parsers.
    from ..lang import language_name
    from . import linkedin
    from .contact import find_contact
    from .language import LANGUAGE_WARNING, detect_language
    from .names import find_name

    text = extracted.text
    warnings = list(extracted.warnings)
    is_linkedin = linkedin.is_export(text, extracted.links)
    if is_linkedin:
        text = linkedin.tidy(text, extracted.links)
    sections = find_sections(text, linkedin=is_linkedin, header_at=linkedin.header_offset(text) if is_linkedin else None)
    profile = linkedin.read_profile(text, sections) if is_linkedin else None
    words = _WORD.findall(text)
    language = detect_language(text)
    if len(words) < 30:
        warnings.append(f"very little text ({len(words)} words): check that the whole resume was read")
    elif language and language != "en":
        warnings.append(
            f"{LANGUAGE_WARNING}{language_name(language)}; its headings and the skills the taxonomy "
            "names in that language are read, and advice is given in English"
        )
    layout = extracted.layout
    if layout.text_box_chars:
        warnings.append(
            f"{layout.text_box_chars} characters are in text boxes, which some ATS software skips"
        )
    if layout.header_footer_chars:
        warnings.append(
            f"{layout.header_footer_chars} characters are in page headers or footers, which some ATS software skips"
        )
    name = linkedin.profile_name(profile) if profile else None
    return Document(
        source=label,
        format=fmt,
        pages=extracted.pages,
        text=text,
        sections=sections,
        contact=replace(find_contact(text, extracted.links), name=name or find_name(text, extracted.author[:200], extracted.display)),
        layout=layout,
        links=extracted.links,
        warnings=warnings,
        sha256=hashlib.sha256(data).hexdigest(),
        author=extracted.author[:200],
        ocr=extracted.ocr,
        language=language,
        linkedin=profile,
    )


def parse_text(text: str, *, name: str = "resume.txt", limits: ParseLimits | dict | None = None) -> Document:
    """A resume given as plain text (typed or edited in the web page), read exactly as a UTF-8
    .txt file of the same text is: never sniffed as another format, whatever it starts with."""
    limits = ParseLimits.resolve(limits)
    data, label = read_source(text.encode("utf-8"), limits, name)
    extracted = _read("txt", data, label, limits, None)
    if len(extracted.text) > limits.max_chars:
        raise DocumentTooLargeError(
            label, f"holds {len(extracted.text):,} characters of text, more than the limit of {limits.max_chars:,}"
        )
    return _document(extracted, "txt", label, data)
