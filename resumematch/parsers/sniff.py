"""Telling the format from the bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptDocumentError, EncryptedDocumentError, UnsupportedFormatError
from .text import utf16_order

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office stores a password-protected DOCX inside an OLE container with these streams.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_CLAIMED = {".pdf": "PDF", ".docx": "DOCX"}


# Pictures of a resume, read by OCR (parsers/image.py): magic numbers, and the format's name.
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
IMAGE_FORMATS = frozenset(fmt for _, fmt in _IMAGE_MAGIC)
_OTHER_IMAGES = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"II+\x00", "BigTIFF"), (b"MM\x00+", "BigTIFF"))


def sniff_format(data: bytes, source: str) -> str:
    """Return "pdf", "docx", "md", "txt", "png", "jpg" or "tiff", or raise an error saying what
    the file is instead."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, fmt in _IMAGE_MAGIC:
        if data.startswith(magic):
            return fmt
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise UnsupportedFormatError(source, "unsupported format (a WebP image): save it as PNG or PDF and try again")
    for magic, kind in _OTHER_IMAGES:
        if data.startswith(magic):
            raise UnsupportedFormatError(source, f"unsupported format (a {kind} image): save it as PNG or PDF and try again")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, source)
    if data.startswith(_OLE_MAGIC):
        if any(stream in data[:1 << 20] for stream in _ENCRYPTED_STREAMS):
            raise EncryptedDocumentError(source, "encrypted: remove the password and export again")
        raise UnsupportedFormatError(
            source, "unsupported format (an old Word .doc file?): save it as DOCX or PDF and try again"
        )
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(source, "unsupported format (RTF): save it as DOCX or PDF and try again")
    if _looks_like_text(data):
        return "md" if _looks_like_markdown(data, source) else "txt"
    claimed = _CLAIMED.get(_suffix(source))
    if claimed:
        raise CorruptDocumentError(
            source, f"could not be read as {claimed}: the file is damaged or is not a {claimed}; export it again"
        )
    raise UnsupportedFormatError(source, "unsupported format: give a PDF, DOCX, TXT, Markdown, PNG, JPEG or TIFF file")


def _suffix(source: str) -> str:
    dot = source.rfind(".")
    return source[dot:].lower() if dot > source.rfind("/") else ""


def _sniff_zip(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise CorruptDocumentError(
            source, "could not be read as DOCX: the file is truncated or damaged; save it again from Word"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names) or any(name.startswith("ppt/") for name in names):
        kind = "an Excel or PowerPoint file"
    elif "mimetype" in names or "content.xml" in names:
        kind = "an OpenDocument file"
    else:
        kind = "a zip archive"
    raise UnsupportedFormatError(source, f"unsupported format ({kind}): save the resume as DOCX or PDF")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_order(data):
        return True
    nuls = sample.count(b"\x00")
    if nuls > max(4, len(sample) // 200):  # a few stray NULs in text are removed (text.py); many mean binary
        return False
    sample = sample.replace(b"\x00", b"")
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text.
        if exc.start < len(sample) - 4:
            text = sample.decode("cp1252", errors="replace")
            if text.count("\ufffd") > len(text) // 100:
                return False
        else:
            text = sample[: exc.start].decode("utf-8")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= len(text) // 200


def _looks_like_markdown(data: bytes, source: str) -> bool:
    if _suffix(source) in (".md", ".markdown"):
        return True
    sample = data[:65536].decode("utf-8", errors="replace")
    lines = sample.splitlines()
    headings = sum(1 for line in lines if line.startswith(("# ", "## ", "### ")))
    emphasis = sample.count("**") + sample.count("](")
    return headings >= 1 and (headings + emphasis) >= 2
