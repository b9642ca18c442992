"""The run log: one JSON line per ``rank``, so a screening can be accounted for afterwards.

Each line says when the run was, with which version of the tool and skill model, against which
job (its id and a hash of its whole definition), with which settings and knock-outs, which inputs
it saw (each one's SHA-256, never its name or text) and what became of each (status, rank, score,
shortlisted), and a hash of the output. Nothing in it names a person: no resume text, no file
names, no names, emails or phone numbers. Given the same files, the same job and the same
version, ranking again gives the same output hash, which is how a past run is checked
(recheck.py; this module knows nothing of ranking, so rank.py can log without a cycle).

The log lives in the user's data folder (``$XDG_DATA_HOME/resumematch/runs.jsonl``, by default
``~/.local/share/resumematch/runs.jsonl``; ``RESUMEMATCH_DATA_DIR`` names another folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import uuid
from dataclasses import asdict, is_dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ResumeMatchError

LOG_FORMAT = 1
# Row fields that carry a file's name or path (an error message names its file): never logged,
# never hashed, so that the hash speaks of the resumes, not of where they were kept.
_PATH_FIELDS = ("source", "error", "duplicate_of", "possible_duplicate_of")


class RunLogError(ResumeMatchError, OSError):
    """The run log cannot be read or written."""


def default_log_path() -> Path:
    folder = os.environ.get("RESUMEMATCH_DATA_DIR")
    if not folder:
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
        folder = os.path.join(base, "resumematch")
    return Path(folder) / "runs.jsonl"


def resolve_log(log) -> Path | None:
    """``True``: the default log; ``None`` or ``False``: no log; a path: that file."""
    if log is True:
        return default_log_path()
    if not log:
        return None
    return Path(log)


def job_digest(job) -> str:
    return hashlib.sha256(json.dumps(job.to_dict(with_text=True), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def output_digest(outcome) -> str:
    """A hash of what the ranking says about each resume, in order: status, rank, score, skills,
    reasons, shortlist; resumes by their SHA-256, not by file name."""
    by_source = {row.source: row.sha256 for row in outcome.rows}
    # Hashed row by row, byte for byte the JSON of the whole list (so digests in older logs still
    # compare), without holding that list and its string: a 100,000-row run hashes at the pace
    # of a small one.
    digest = hashlib.sha256(b"[")
    for index, row in enumerate(outcome.rows):
        data = {k: v for k, v in row.to_dict(blind=True).items() if k not in _PATH_FIELDS}
        data["sha256"] = row.sha256
        data["duplicate_of"] = by_source.get(row.duplicate_of) if row.duplicate_of else None
        digest.update(((", " if index else "") + json.dumps(data, sort_keys=True, ensure_ascii=False)).encode())
    digest.update(b"]")
    return digest.hexdigest()


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    return value


def run_record(outcome, settings: dict) -> dict:
    """The log line of one run (a dict, written as one JSON line)."""
    from .. import __version__
    from .cache import cache_version

    by_source = {row.source: row.sha256 for row in outcome.rows}
    return {
        "log_format": LOG_FORMAT,
        "run_id": uuid.uuid4().hex[:12],
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tool_version": __version__,
        "model": cache_version(),
        "job": {"id": outcome.job.id, "title": outcome.job.title, "sha256": job_digest(outcome.job),
                "shipped": outcome.job.source == "shipped"},
        "settings": {name: _plain(value) for name, value in settings.items()},
        "knockouts": list(getattr(outcome, "knockouts", [])),
        "inputs": [
            {"sha256": row.sha256, "status": row.status, "rank": row.rank, "score": row.score,
             "shortlisted": row.shortlisted, "duplicate_of": by_source.get(row.duplicate_of) if row.duplicate_of else None}
            for row in outcome.rows
        ],
        "skipped": len(outcome.skipped),
        "counts": outcome.counts(),
        "output_sha256": output_digest(outcome),
    }


# The first line of a run log is a run, with its "log_format" and "run_id": what proves a file
# is one before a line is added to it.
_HEAD_BYTES = 1 << 16


def append_run(path: str | os.PathLike, record: dict) -> None:
    """Add one line to the log, creating its folder (yours only) and file (0600) if needed. Only a run log is written to: never through a symbolic link, never
    into a file that is not a regular file, never into a file whose first line is not a run
    log's (``--log notes.txt`` must not append to someone's notes)."""
    path = Path(path)
    line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.is_symlink():  # O_NOFOLLOW says so too, where the system has it
            raise RunLogError(str(path), "is a symbolic link; the run log is never written through one: give the file itself")
        descriptor = os.open(path, flags, 0o600)
    except RunLogError:
        raise
    except OSError as error:
        raise RunLogError(str(path), f"cannot write the run log ({error.strerror or error}); use --log FILE or --no-log") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise RunLogError(str(path), "is not a regular file; give a run log file (or a new one) with --log")
        head = os.pread(descriptor, _HEAD_BYTES, 0) if info.st_size else b""
        if head and not is_run_log(head):
            raise RunLogError(str(path), "is not a resumematch run log (its first line says otherwise); nothing was "
                                         "written: give a new file or an existing run log with --log")
        os.write(descriptor, line.encode("utf-8"))
    except OSError as error:
        raise RunLogError(str(path), f"cannot write the run log ({error.strerror or error}); use --log FILE or --no-log") from None
    finally:
        os.close(descriptor)


def is_run_log(head: bytes) -> bool:
    """Whether a file's first bytes are a run log's: its first line a logged run."""
    first = head.split(b"\n", 1)[0]
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and "run_id" in record and "log_format" in record


def record_run(outcome, log, settings: dict) -> dict | None:
    """Log ``outcome`` to ``log`` (see :func:`resolve_log`). A log that cannot be written is a
    warning on the outcome, not a lost ranking."""
    path = resolve_log(log)
    if path is None:
        return None
    record = run_record(outcome, settings)
    try:
        append_run(path, record)
    except RunLogError as error:
        outcome.warnings.append(str(error))
        return None
    return record


def read_runs(path: str | os.PathLike | None = None) -> list[dict]:
    """Every run in the log, oldest first; lines that are not a run are left out."""
    path = Path(path) if path else default_log_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise RunLogError(str(path), f"cannot read the run log ({getattr(error, 'strerror', None) or error})") from None
    runs = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "run_id" in record:
            runs.append(record)
    return runs


def find_run(runs: list[dict], run_id: str) -> dict:
    found = [r for r in runs if r["run_id"].startswith(run_id)] if run_id else []
    if len(found) != 1:
        raise RunLogError(None, f"no single run {run_id!r} in the log; see resumematch log")
    return found[0]
