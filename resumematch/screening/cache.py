"""The parse cache: one SQLite file holding each resume's parsed text, sections and skills.

Keyed by the SHA-256 of the file's bytes and a version that changes with the code and the
skill model, so re-ranking the same pool against another job re-parses nothing, and a changed
file (new bytes, new hash) is parsed again. Besides the parse and the skill mentions, an entry
keeps the resume's analysis (the skills it holds and how, the text the scores read), which is
the same for every job: a re-rank only scores. The cache holds personal data: its folder is created
readable by the user only (0700) and the file 0600.

The cache is an optimisation and never a reason for a run to fail: writes are committed one by
one in WAL mode with a busy timeout, so two runs can share a file; a damaged, read-only or
locked file makes :class:`ParseCache` raise :class:`CacheUnavailable`, and ``rank`` goes on
without it after one warning.

``--cache`` may name any file, so nothing is written to or deleted from a file until it has
proved it is ours: our ``application_id`` in the SQLite header and exactly our one table, column
for column (a user's ``documents(id, title, body)`` table is not ours). The warnings name the
file and the kind of failure, never a stored value: the cache holds resumes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import time
from functools import cache
from pathlib import Path

from ..types import ActivityEvidence, AnalysedResume, Document, HeldSkill, SkillMention

# "RMcC" in the SQLite header (PRAGMA application_id): this file was made by resumematch.
APPLICATION_ID = 0x524D6343
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    version TEXT NOT NULL,
    document TEXT NOT NULL,
    mentions TEXT NOT NULL,
    PRIMARY KEY (sha256, version)
)
"""
# The table as PRAGMA table_info describes it: (name, type, not null, primary key position).
_COLUMNS = [("sha256", "TEXT", 1, 1), ("version", "TEXT", 1, 2), ("document", "TEXT", 1, 0), ("mentions", "TEXT", 1, 0)]


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resumematch" / "cache.sqlite3"


def cache_version() -> str:
    """Changes whenever a cached entry could differ: a new release, a rebuilt skill model, OCR
    installed or removed."""
    from .. import __version__
    from ..resources import data_dir

    # Read from the model's files: the main process of rank need not load spaCy for this.
    info = json.loads((data_dir("models") / "skills" / "isp_skills" / "build_info.json").read_text(encoding="utf-8"))
    from ..parsers.ocr import available

    # A PDF's picture pages are read only where the OCR engine is installed: a reading made
    # without it is not the one made with it.
    return f"{__version__}:{info.get('inputs_sha256', '')[:16]}{':ocr' if available() else ''}"


@cache
def code_version() -> str:
    """A hash of the package's own code: an entry made by other code (a parser or an analysis
    changed, in development, without a new release) is never taken for this code's."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, root).encode() + b"\0")
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()[:16]


def entry_version() -> str:
    """What an entry is stored under: the release and skill model, and the code that made it."""
    return f"{cache_version()}:{code_version()}"


BUSY_TIMEOUT_SECONDS = 30


class CacheUnavailable(Exception):
    """The cache file cannot be used (damaged, read-only, not a cache, locked too long)."""


class ParseCache:
    def __init__(self, path: str | os.PathLike, version: str) -> None:
        self.path = Path(path)
        self.version = version
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fresh = not self.path.exists() or not self.path.stat().st_size
            if not fresh and _ownership(self.path) is None:
                raise CacheUnavailable(f"{self.path}: not a resumematch parse cache; give another --cache file")
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(self.path, 0o600)
            # Autocommit (isolation_level=None): each write is its own short transaction.
            self.connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            try:
                self._set_up(fresh)
            except BaseException:
                self.connection.close()
                raise
        except OSError as error:
            raise CacheUnavailable(f"{self.path}: {error.strerror or type(error).__name__}") from None
        except sqlite3.Error as error:
            raise CacheUnavailable(f"{self.path}: {_sqlite_reason(error)}") from None

    def _set_up(self, fresh: bool) -> None:
        """WAL mode, the marker and the table. Switching to WAL does not wait on the busy timeout,
        so two runs that start together on a new file retry here for a while instead of failing.
        The file is proved ours again once opened: another process may have made it meanwhile."""
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                if fresh:
                    self.connection.execute("BEGIN IMMEDIATE")
                    try:
                        if not _tables(self.connection):
                            self.connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                            self.connection.execute(SCHEMA)
                        self.connection.execute("COMMIT")
                    except BaseException:
                        self.connection.execute("ROLLBACK")
                        raise
                owned = _owned(self.connection)
                if owned is None:
                    raise CacheUnavailable(f"{self.path}: not a resumematch parse cache; give another --cache file")
                if owned == "legacy":  # made before the marker, and exactly our table: mark it
                    self.connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def get(self, sha256: str) -> tuple[Document, list[SkillMention], AnalysedResume | None] | None:
        """(document, mentions, analysis or None) stored for these bytes, or None."""
        try:
            row = self.connection.execute(
                "SELECT document, mentions FROM documents WHERE sha256 = ? AND version = ?", (sha256, self.version)
            ).fetchone()
            if row is None:
                return None
            document = document_from_dict(json.loads(row[0]))
            stored = json.loads(row[1])
            if isinstance(stored, list):  # mentions only
                return document, [SkillMention(**m) for m in stored], None
            analysed = _analysis_from_dict(document, stored["analysis"])
            return document, analysed.mentions, analysed
        except sqlite3.Error as error:
            raise CacheUnavailable(f"{self.path}: {_sqlite_reason(error)}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            # Never the error's own text: a JSON or constructor error quotes the stored resume.
            raise CacheUnavailable(f"{self.path}: a stored entry is damaged ({type(error).__name__})") from None

    def put(self, document: Document, mentions: list[SkillMention], analysed: AnalysedResume | None = None) -> None:
        # With the analysis, its mentions stand for the raw ones: a hit needs nothing else.
        stored = {"analysis": _analysis_to_dict(analysed)} if analysed is not None else [m.to_dict() for m in mentions]
        try:
            self.connection.execute(
                "INSERT OR REPLACE INTO documents (sha256, version, document, mentions) VALUES (?, ?, ?, ?)",
                (document.sha256, self.version, json.dumps(document.to_dict()), json.dumps(stored, separators=(",", ":"))),
            )
        except sqlite3.Error as error:
            raise CacheUnavailable(f"{self.path}: {_sqlite_reason(error)}") from None

    def close(self) -> None:
        try:
            self.connection.close()
        except sqlite3.Error:
            pass

    def __len__(self) -> int:
        return self.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def _sqlite_reason(error: sqlite3.Error) -> str:
    """SQLite's own message for the failures a user can act on; only the error's kind otherwise."""
    text = str(error)
    known = ("database is locked", "file is not a database", "database disk image is malformed",
             "attempt to write a readonly database", "unable to open database file", "disk I/O error",
             "database or disk is full")
    return next((k for k in known if k in text), f"the file cannot be used ({type(error).__name__})")


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def _owned(connection: sqlite3.Connection) -> str | None:
    """"ours" when the file carries our marker and exactly our table; "legacy" for exactly our
    table and no marker at all (caches made before the marker); None for anything else."""
    if _tables(connection) != {"documents"}:
        return None
    columns = [(name, kind.upper(), notnull, pk) for _, name, kind, notnull, _, pk in
               connection.execute("PRAGMA table_info(documents)")]
    if columns != _COLUMNS:
        return None
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id == APPLICATION_ID:
        return "ours"
    user_version = connection.execute("PRAGMA user_version").fetchone()[0]
    return "legacy" if application_id == 0 and user_version == 0 else None


def _ownership(path: Path) -> str | None:
    """:func:`_owned` for a file, read-only; None when the file is no SQLite database at all."""
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _owned(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def clear(path: str | os.PathLike) -> int:
    """Delete the cache file; returns how many entries it held. Refuses (raising
    ``ResumeMatchError``) a file that is not a resumematch cache: ``--cache`` might name anything."""
    from ..errors import ResumeMatchError

    path = Path(path)
    if not path.exists():
        return 0
    refusal = ResumeMatchError(str(path), "is not a resumematch parse cache; nothing was deleted")
    try:
        if _ownership(path) is None:
            raise refusal
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        raise refusal from None
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return count


def document_from_dict(data: dict) -> Document:
    return Document.from_dict(data)


def _analysis_to_dict(analysed: AnalysedResume) -> dict:
    """The job-independent part of an analysis (its document is stored beside it). Each object
    is a list of its dataclass fields' values, in order: half the JSON of a dict per object,
    and read back faster. The analysis's mentions are all a hit needs (no raw mentions)."""
    return {
        "mentions": [_values(m) for m in analysed.mentions],
        "activities": [_values(a) for a in analysed.activities],
        "held": [_values(h) for h in analysed.held.values()],
        "scoring_text": analysed.scoring_text,
    }


def _analysis_from_dict(document: Document, data: dict) -> AnalysedResume:
    held = [_revive(HeldSkill, h) for h in data["held"]]
    return AnalysedResume(
        document,
        [_revive(SkillMention, m) for m in data["mentions"]],
        [_revive(ActivityEvidence, a) for a in data["activities"]],
        {h.skill_id: h for h in held},
        scoring_text=data["scoring_text"],
    )


def _values(item) -> list:
    return [getattr(item, name) for name in _fields(type(item))[0]]


def _revive(kind: type, values: list):
    """A dataclass from :func:`_values` (JSON has made its tuples lists)."""
    for index in _fields(kind)[1]:
        if index < len(values) and isinstance(values[index], list):
            values[index] = tuple(values[index])
    return kind(*values)


@cache
def _fields(kind: type) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A dataclass's field names in order, and the positions of those that hold tuples."""
    fields = dataclasses.fields(kind)
    return tuple(f.name for f in fields), tuple(i for i, f in enumerate(fields) if str(f.type).startswith("tuple"))


class SafeCache:
    """The parse cache as ``rank`` uses it: once it fails, one warning, and the run goes on
    without it (the cache is an optimisation, never a reason for a run to fail)."""

    def __init__(self, cache: ParseCache, warnings: list[str]) -> None:
        self.cache, self.warnings = cache, warnings

    def __bool__(self) -> bool:
        return self.cache is not None

    def _give_up(self, error) -> None:
        self.warnings.append(f"the parse cache cannot be used ({error}); ranking without it")
        self.close()

    def get(self, sha256: str):
        try:
            return self.cache.get(sha256)
        except CacheUnavailable as error:
            self._give_up(error)
            return None

    def put(self, document: Document, mentions: list[SkillMention], analysed: AnalysedResume | None = None) -> None:
        try:
            self.cache.put(document, mentions, analysed)
        except CacheUnavailable as error:
            self._give_up(error)

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None


def open_safe(path: str | os.PathLike | None, warnings: list[str]) -> SafeCache | None:
    """The cache at ``path`` (None: no cache), or None with a warning when it cannot be opened."""
    if path is None:
        return None
    try:
        return SafeCache(ParseCache(path, entry_version()), warnings)
    except CacheUnavailable as error:
        warnings.append(f"the parse cache cannot be used ({error}); ranking without it")
        return None
