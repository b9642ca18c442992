"""What ``rank`` reads: files, folders (recursive), glob patterns and zip archives.

Zip entries are read in memory, never extracted, so a hostile archive cannot write anywhere
(no zip-slip); entry counts and sizes are checked against the parse limits before inflating.
What is no resume (hidden and temporary files, "__MACOSX/", LaTeX sources, licences, rank's own
outputs...; see kinds.py) is skipped and reported with its reason.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NotAFileError,
    ResumeMatchError,
)
from ..limits import ParseLimits
from ..printable import shown
from .kinds import OWN_OUTPUT, Skipped, looks_like_own_output, skip_reason_by_name

MAX_ZIP_ENTRIES = 10_000


class OpenArchive:
    """One zip archive, opened once however many entries are read from it (reopening it for
    each entry re-reads its whole directory: quadratic in the number of entries)."""

    def __init__(self, path: str, data: bytes | None = None) -> None:
        self.path = path
        self.data = data  # an uploaded archive, held in memory
        self._zip: zipfile.ZipFile | None = None

    def open(self, info: zipfile.ZipInfo):
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.path if self.data is None else io.BytesIO(self.data))
        return self._zip.open(info)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None


@dataclass
class Input:
    """One resume to rank: where it came from, and how to get its bytes when its turn comes."""

    label: str
    path: str | None = None  # a file on disk
    archive: OpenArchive | None = None  # a zip archive, with the entry ``member`` inside it
    member: zipfile.ZipInfo | None = None
    error: ResumeMatchError | None = None  # known bad before reading (an oversized zip entry)
    data: bytes | None = None  # an upload, already in memory

    @property
    def name(self) -> str:
        """The file's own name (a zip entry's, without the label's "(entry 2)")."""
        return self.member.filename if self.member is not None else self.label

    def read(self, limits: ParseLimits) -> bytes:
        if self.error:
            raise self.error
        if self.archive:
            return self._read_entry(limits)
        if self.data is not None:
            if len(self.data) > limits.max_bytes:
                raise DocumentTooLargeError(self.label, "is larger than the file size limit; refusing it")
            return self.data
        from ..parsers import read_source

        return read_source(self.path, limits, self.label)[0]

    def _read_entry(self, limits: ParseLimits) -> bytes:
        """An entry's bytes; what a damaged or hostile entry raises becomes this row's error."""
        if self.member.flag_bits & 0x1:
            raise EncryptedDocumentError(self.label, "is encrypted inside the zip; zip it again without a password")
        try:
            with self.archive.open(self.member) as handle:
                data = handle.read(limits.max_bytes + 1)
        except NotImplementedError:
            raise CorruptDocumentError(self.label, "uses a compression method zip readers do not support; zip it again") from None
        except RuntimeError as exc:  # zipfile's word for "password required"
            raise EncryptedDocumentError(self.label, f"cannot be read from the zip ({exc}); zip it again without a password") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise CorruptDocumentError(self.label, f"is damaged inside the zip ({type(exc).__name__}); zip it again") from None
        if len(data) > limits.max_bytes:
            raise DocumentTooLargeError(self.label, "is larger than the file size limit; refusing it")
        return data


@dataclass
class Collection:
    inputs: list[Input] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # inputs that are no resume, with the reason
    problems: list[Input] = field(default_factory=list)  # paths that could not be read at all
    archives: list[OpenArchive] = field(default_factory=list)

    def close(self) -> None:
        for archive in self.archives:
            archive.close()


def is_own_output(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return looks_like_own_output(head)


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
            found.problems.append(Input(shown(raw), error=_missing(shown(raw), "matches no file")))
        for match in matches:
            yield from _expand(match, found)
        return
    if os.path.isdir(raw):
        yield from _walk(raw, found)
        return
    if not os.path.exists(raw):
        found.problems.append(Input(shown(raw), error=_missing(shown(raw), "no such file or folder; check the path")))
        return
    yield raw


# Why a symbolic link inside a folder is not followed.
LINK_OUTSIDE = "a symbolic link to something outside the folder given; not followed"
LINK_BROKEN = "a symbolic link to nothing (broken); not followed"
LINK_AGAIN = "a folder already read (through a symbolic link); not read twice"


def _walk(top: str, found: Collection) -> Iterator[str]:
    """The files of a folder, recursively. A symbolic link is followed only to a file or folder
    inside ``top`` (and a folder only once); any other is skipped with its reason, never left
    out in silence nor followed out of the folder the user gave."""
    inside = os.path.realpath(top)
    read = {inside}
    for root, directories, files in os.walk(top, followlinks=True):
        kept = []
        # Real folders before links, so that a link to a folder beside it is the one left out.
        for name in sorted(directories, key=lambda name: (os.path.islink(os.path.join(root, name)), name)):
            path = os.path.join(root, name)
            reason = skip_reason_by_name(name + "/x")
            if reason:  # one line for the folder, not one per file inside it
                found.skipped.append(Skipped(shown(path) + os.sep, reason.replace("inside a ", "")))
                continue
            real = os.path.realpath(path)
            reason = _link_reason(real, inside) if os.path.islink(path) else None
            if reason or real in read:
                found.skipped.append(Skipped(shown(path) + os.sep, reason or LINK_AGAIN))
                continue
            read.add(real)
            kept.append(name)
        directories[:] = kept
        for name in sorted(files):
            path = os.path.join(root, name)
            reason = _link_reason(os.path.realpath(path), inside) if os.path.islink(path) else None
            if reason:
                found.skipped.append(Skipped(shown(path), reason))
            else:
                yield path


def _link_reason(real: str, inside: str) -> str | None:
    if not os.path.exists(real):
        return LINK_BROKEN
    if real != inside and not real.startswith(inside.rstrip(os.sep) + os.sep):
        return LINK_OUTSIDE
    return None


def _missing(raw: str, reason: str) -> ResumeMatchError:
    from ..errors import InputNotFoundError

    return InputNotFoundError(raw, reason)


def _add_file(path: str, found: Collection, limits: ParseLimits) -> None:
    label = shown(path)
    reason = skip_reason_by_name(os.path.basename(path))
    if reason:
        found.skipped.append(Skipped(label, OWN_OUTPUT if _is_own_output_file(path) else reason))
        return
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        found.problems.append(Input(label, error=NotAFileError(label, f"cannot be read ({exc.strerror}); check the path")))
        return
    if not stat.S_ISREG(mode):  # a FIFO or a device would block the run at the first read
        found.problems.append(Input(label, error=NotAFileError(label, "is not a regular file (a pipe or a device?); give resume files")))
        return
    # Only a .zip is opened now. Every other file is read once, when its turn comes: its bytes
    # then say whether it is rank's own output or a zip archive after all (screening/rank.py).
    if path.lower().endswith(".zip"):
        if is_own_output(path):
            found.skipped.append(Skipped(label, OWN_OUTPUT))
            return
        if _is_zip_archive(path):
            _add_archive(path, found, limits)
            return
    found.inputs.append(Input(label, path=path))


def collect_archive(path: str, data: bytes, limits: ParseLimits) -> Collection | None:
    """The entries of a zip archive read whole into ``data`` (not a DOCX, which is a zip too),
    or None when the bytes are no such archive."""
    if data[:4] != b"PK\x03\x04" or not _is_archive(lambda: io.BytesIO(data)):
        return None
    found = Collection()
    _add_archive(path, found, limits, data)
    return found


def collect_uploads(files: list[tuple[str, bytes]], limits: ParseLimits | None = None) -> Collection:
    """Every input among uploaded files (name, bytes), in the order given; zip archives are
    opened in memory. Nothing is written to disk."""
    limits = ParseLimits.resolve(limits)
    found = Collection()
    for name, data in files:
        name = shown(name)
        reason = OWN_OUTPUT if looks_like_own_output(data[:512]) else skip_reason_by_name(name)
        if reason:
            found.skipped.append(Skipped(name, reason))
        elif data[:4] == b"PK\x03\x04" and _is_archive(lambda: io.BytesIO(data)):
            _add_archive(name, found, limits, data)
        else:
            found.inputs.append(Input(name, data=data))
    return found


def _is_own_output_file(path: str) -> bool:
    """Only for names that could be rank's outputs: say "an earlier ranking", not "JSON"."""
    return os.path.splitext(path)[1].lower() in (".json", ".jsonl", ".csv", ".html", ".md") and is_own_output(path)


def _entry_is_own_output(archive: OpenArchive, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as handle:
            return looks_like_own_output(handle.read(512))
    except Exception:  # a damaged entry is skipped anyway
        return False


def _is_zip_archive(path: str) -> bool:
    """A zip that is not itself a DOCX (a DOCX is a zip too, and a resume)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
    except OSError:
        return False
    return _is_archive(lambda: path)


def _is_archive(source) -> bool:
    try:
        with zipfile.ZipFile(source()) as archive:
            return "word/document.xml" not in archive.namelist() and "[Content_Types].xml" not in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _add_archive(path: str, found: Collection, limits: ParseLimits, data: bytes | None = None) -> None:
    """The entries of a zip archive (``path`` on disk, or ``data``: an upload named ``path``)."""
    name = shown(path)
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
    except (OSError, zipfile.BadZipFile):
        # Let the parser say what is wrong with it.
        found.inputs.append(Input(name, path=path) if data is None else Input(name, data=data))
        return
    if len(infos) > MAX_ZIP_ENTRIES:
        found.problems.append(
            Input(name, error=DocumentTooLargeError(name, f"holds {len(infos)} files, more than {MAX_ZIP_ENTRIES}; split it"))
        )
        return
    opened = OpenArchive(path, data)
    found.archives.append(opened)
    seen: dict[str, int] = {}
    for info in sorted(infos, key=lambda i: i.filename):
        seen[info.filename] = seen.get(info.filename, 0) + 1
        # Two entries with one name are two resumes: each keeps its own bytes and a label of its own.
        label = shown(f"{name}!{info.filename}") + (f" (entry {seen[info.filename]})" if seen[info.filename] > 1 else "")
        reason = skip_reason_by_name(info.filename)
        if reason:
            if reason.endswith(("JSON data", "spreadsheet", "web page or markup")) and _entry_is_own_output(opened, info):
                reason = OWN_OUTPUT
            found.skipped.append(Skipped(label, reason))
            continue
        entry = Input(label, archive=opened, member=info)
        if info.file_size > limits.max_bytes:
            entry.error = DocumentTooLargeError(label, "would inflate past the file size limit (a zip bomb?); refusing it")
        elif info.filename.lower().endswith(".zip"):
            entry.error = ResumeMatchError(label, "is a zip inside a zip; unpack the outer one first")
        found.inputs.append(entry)
