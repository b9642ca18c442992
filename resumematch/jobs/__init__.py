"""Job descriptions: the shipped ISP roles, and any posting a user brings.

``load_job(id_or_path)`` returns a :class:`~resumematch.types.Job` for a shipped id
("network-technician") or for a TXT, Markdown, PDF or DOCX posting, read with the same parsers
as resumes.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from ..errors import InputNotFoundError, InvalidJobError, UnknownJobError
from ..resources import data_dir
from ..types import Job

__all__ = ["load_job", "load_posting", "shipped_jobs", "Job"]


@cache
def shipped_jobs() -> dict[str, Job]:
    """Every job description in job_descriptions/, by id, in file-name order."""
    from ..skills import taxonomy
    from .shipped import read_job_file

    known = taxonomy()
    jobs: dict[str, Job] = {}
    for path in sorted(data_dir("job_descriptions").glob("*.md")):
        job = _shipped_job(path.stem) or read_job_file(path, known)
        jobs[job.id] = job
    for job in jobs.values():
        unknown = [step for step in job.career_path if step not in jobs]
        if unknown:
            raise InvalidJobError(job.id, f"career_path names unknown jobs {unknown}")
    return jobs


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@cache
def _shipped_job(key: str) -> Job | None:
    """The shipped job ``key`` read from its own file alone (``check --job`` needs no other
    role), or None when no file of that name holds that id."""
    from ..skills import taxonomy
    from .shipped import read_job_file

    if not _ID.fullmatch(key):
        return None
    path = data_dir("job_descriptions") / f"{key}.md"
    if not path.is_file():
        return None
    job = read_job_file(path, taxonomy())
    return job if job.id == key else None


def load_job(id_or_path: str | os.PathLike, *, keywords: int = 12) -> Job:
    """A shipped job by id, or a user's posting by path."""
    name = os.fspath(id_or_path)
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    # ids are case-insensitive: "Network-Technician", "network_technician"
    job = _shipped_job(key)
    if job is not None:
        return job
    jobs = shipped_jobs()
    if key in jobs:
        return jobs[key]
    path = Path(name)
    if path.exists():
        return _posting(path, keywords)
    if path.suffix or os.sep in name or "/" in name:
        raise InputNotFoundError(name, "no such job posting file; check the path, or give a job id (resumematch jobs)")
    import difflib

    raise UnknownJobError(name, difflib.get_close_matches(key, list(jobs), n=2, cutoff=0.6))


def _posting(path: Path | bytes, keywords: int, name: str | None = None) -> Job:
    from ..parsers import parse
    from ..skills import extract_skills, taxonomy
    from .posting import job_from_posting

    document = parse(path, name=name) if name else parse(path)
    return job_from_posting(document, extract_skills(document.text), taxonomy(), keywords=keywords)


def load_posting(data: bytes, name: str, *, keywords: int = 12) -> Job:
    """A user's posting from bytes (an upload, pasted text as UTF-8): PDF, DOCX, TXT or MD by
    its content and ``name``."""
    return _posting(data, keywords, name)
