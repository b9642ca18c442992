"""Checking a logged run: rank the same files again and say whether the output is the same.

Kept apart from runlog.py (which rank.py uses to log each run) so that imports point one way:
this module uses both rank.py and runlog.py, neither of them uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .rank import rank
from .runlog import RunLogError, job_digest, output_digest


@dataclass
class Recheck:
    """Whether ranking the given files again reproduces a logged run, and if not, why."""

    run_id: str
    same: bool
    output_sha256: str
    differences: list[str] = field(default_factory=list)


def recheck(record: dict, paths: list[str], job=None, *, workers: int | None = None) -> Recheck:
    """Rank ``paths`` again with the logged run's settings and compare: tool and model version,
    job, the inputs' SHA-256s, and the output hash."""
    from .. import __version__
    from ..jobs import load_job
    from .cache import cache_version

    settings = record.get("settings", {})
    if job is None and not record["job"].get("shipped", True):
        raise RunLogError(None, f"run {record['run_id']} was against a posting file; give it with --job FILE")
    job = job if job is not None else load_job(record["job"]["id"])
    differences = []
    if record.get("tool_version") != __version__:
        differences.append(f"tool version {record.get('tool_version')} then, {__version__} now")
    if record.get("model") != cache_version():
        differences.append("the skill model has changed since")
    if record["job"]["sha256"] != job_digest(job):
        differences.append(f"the job {record['job']['id']} has changed since")
    if settings.get("answers"):
        differences.append("the run used screening answers (--answers), which the log does not keep")
    outcome = rank(paths, job, require=settings.get("require", []), must_haves_knock_out=bool(settings.get("must_haves_knock_out")),
                   top=settings.get("top"),
                   min_score=settings.get("min_score"), blind=bool(settings.get("blind")),
                   settings=settings.get("match_settings"), limits=settings.get("limits"),
                   workers=workers, cache_path=None, log=False)
    logged = sorted(i["sha256"] or "" for i in record["inputs"])
    seen = sorted(row.sha256 or "" for row in outcome.rows)
    if logged != seen:
        differences.append(f"other inputs: {len(set(logged) ^ set(seen))} file(s) differ from the logged run's")
    digest = output_digest(outcome)
    if digest != record["output_sha256"]:
        differences.append("the output differs from the logged run's")
    return Recheck(record["run_id"], not differences, digest, differences)
