"""Errors a user can act on.

Every failure the library reports is a subclass of :class:`ResumeMatchError`, whose message
already names the file and says what to do, so the CLI can print it on one line as is. Where a
caller would naturally catch a built-in exception, the subclass also derives from it (as
scikit-learn's ``NotFittedError`` does).
"""

from __future__ import annotations


class ResumeMatchError(Exception):
    """Base class: ``str(error)`` is ``"<file>: <what happened and what to do>"``."""

    def __init__(self, source: str | None, reason: str) -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.source = source
        self.reason = reason


class InputNotFoundError(ResumeMatchError, FileNotFoundError):
    """The path does not exist."""


class NotAFileError(ResumeMatchError, IsADirectoryError):
    """A folder (or something else that is not a regular file) was given as a file."""


class EmptyDocumentError(ResumeMatchError, ValueError):
    """The file is empty, or holds no text at all."""


class UnsupportedFormatError(ResumeMatchError, ValueError):
    """The bytes are not a format we read (PDF, DOCX, TXT, Markdown)."""


class CorruptDocumentError(ResumeMatchError, ValueError):
    """The bytes claim a format we read but are truncated or damaged."""


class EncryptedDocumentError(ResumeMatchError, PermissionError):
    """The document is protected by a password."""


class NoTextLayerError(ResumeMatchError, ValueError):
    """A PDF whose pages carry no text: most likely a scanned image."""


class DocumentTooLargeError(ResumeMatchError, ValueError):
    """Past a documented limit: file size, page count, uncompressed size."""


class UnsafeDocumentError(ResumeMatchError, ValueError):
    """The file carries constructs we refuse to process (XML DTDs and entities)."""


class ParseTimeoutError(ResumeMatchError, TimeoutError):
    """Parsing took longer than the per-document time budget."""


class UnknownJobError(ResumeMatchError, LookupError):
    """``--job`` names neither a shipped job description nor an existing file."""

    def __init__(self, job: str, close: list[str] | None = None) -> None:
        hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
        super().__init__(None, f"unknown job {job!r}; {hint}try resumematch jobs")
        self.job = job


class InvalidJobError(ResumeMatchError, ValueError):
    """A job description file breaks the schema (front matter, unknown skills)."""


class AuditInputError(ResumeMatchError, ValueError):
    """``audit`` was given a file that is not a ranking, or a groups file it cannot use."""
