"""What ``rank`` reads: files, folders (recursive), glob patterns and zip archives.

Zip entries are read in memory, never extracted, so a hostile archive cannot write anywhere
(no zip-slip); entry counts and sizes are checked against the parse limits before inflating.
Hidden and temporary files (".DS_Store", "~$resume.docx", "__MACOSX/") are skipped and reported.
"""

from __future__ import annotations

import glob
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..errors import DocumentTooLargeError, ResumeMatchError
from ..limits import ParseLimits

MAX_ZIP_ENTRIES = 10_000


@dataclass
class Input:
    """One resume to rank: where it came from, and how to get its bytes when its turn comes."""

    label: str
    path: str | None = None  # a file on disk
    archive: str | None = None  # a zip archive, with ``member`` inside it
    member: str | None = None
    error: ResumeMatchError | None = None  # known bad before reading (an oversized zip entry)

    def read(self, limits: ParseLimits) -> bytes:
        if self.error:
            raise self.error
        if self.archive:
            with zipfile.ZipFile(self.archive) as archive:
                info = archive.getinfo(self.member)
                with archive.open(info) as handle:
                    data = handle.read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                raise DocumentTooLargeError(self.label, "is larger than the file size limit; refusing it")
            return data
        from ..parsers import read_source

        return read_source(self.path, limits, self.label)[0]


@dataclass
class Collection:
    inputs: list[Input] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # hidden and temporary files
    problems: list[Input] = field(default_factory=list)  # paths that could not be read at all


def is_hidden_or_temporary(name: str) -> bool:
    # ".." and "." are path steps, not hidden folders ("../../cv.pdf" in a zip is still a resume;
    # it is never extracted, so its path is only a label).
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in (".", "..")]
    if any(part.startswith(".") or part == "__MACOSX" for part in parts[:-1]):
        return True
    base = parts[-1] if parts else name
    return base.startswith((".", "~$", "~")) or base.endswith(("~", ".tmp")) or base in ("Thumbs.db", "desktop.ini")


def collect(paths: list[str], limits: ParseLimits | None = None) -> Collection:
    """Every input named by ``paths``, in a stable order (folders and globs sorted)."""
    limits = ParseLimits.resolve(limits)
    found = Collection()
    for raw in paths:
        for path in _expand(raw, found):
            _add_file(path, found, limits)
    return found


def _expand(raw: str, found: Collection) -> Iterator[str]:
    if not os.path.exists(raw) and any(ch in raw for ch in "*?["):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            found.problems.append(Input(raw, error=_missing(raw, "matches no file")))
        for match in matches:
            yield from _expand(match, found)
        return
    if os.path.isdir(raw):
        for root, directories, files in os.walk(raw):
            directories[:] = sorted(d for d in directories if not is_hidden_or_temporary(d + "/x"))
            for name in sorted(files):
                yield os.path.join(root, name)
        return
    if not os.path.exists(raw):
        found.problems.append(Input(raw, error=_missing(raw, "no such file or folder; check the path")))
        return
    yield raw


def _missing(raw: str, reason: str) -> ResumeMatchError:
    from ..errors import InputNotFoundError

    return InputNotFoundError(raw, reason)


def _add_file(path: str, found: Collection, limits: ParseLimits) -> None:
    if is_hidden_or_temporary(os.path.basename(path)):
        found.skipped.append(path)
        return
    if _is_zip_archive(path):
        _add_archive(path, found, limits)
        return
    found.inputs.append(Input(path, path=path))


def _is_zip_archive(path: str) -> bool:
    """A zip that is not itself a DOCX (a DOCX is a zip too, and a resume)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" not in archive.namelist() and "[Content_Types].xml" not in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _add_archive(path: str, found: Collection, limits: ParseLimits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except (OSError, zipfile.BadZipFile):
        found.inputs.append(Input(path, path=path))  # let the parser say what is wrong with it
        return
    if len(infos) > MAX_ZIP_ENTRIES:
        found.problems.append(
            Input(path, error=DocumentTooLargeError(path, f"holds {len(infos)} files, more than {MAX_ZIP_ENTRIES}; split it"))
        )
        return
    for info in sorted(infos, key=lambda i: i.filename):
        label = f"{path}!{info.filename}"
        if is_hidden_or_temporary(info.filename):
            found.skipped.append(label)
            continue
        entry = Input(label, archive=path, member=info.filename)
        if info.file_size > limits.max_bytes:
            entry.error = DocumentTooLargeError(label, "would inflate past the file size limit (a zip bomb?); refusing it")
        elif info.filename.lower().endswith(".zip"):
            entry.error = ResumeMatchError(label, "is a zip inside a zip; unpack the outer one first")
        found.inputs.append(entry)
