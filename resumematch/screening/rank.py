"""Bulk screening: rank many resumes against one job, lose none, and say why each row is what it is.

``rank(paths, job)`` returns one :class:`RankRow` per input, always: ``ok`` rows ranked by
score, ``rejected`` rows (a knock-out skill missing), ``duplicate`` rows (pointing at the copy
kept) and ``error`` rows (with the one-line reason). Parsing, skill extraction and scoring run
in worker processes that each load the spaCy pipeline once; the main process reads files,
keeps the parse cache, and holds only small rows, so memory does not grow with the pool size.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..errors import ResumeMatchError
from ..limits import ParseLimits
from ..types import Document, Job
from .duplicates import mark_duplicates
from .identity import candidate_name, name_key, personal_email, real_phone
from .inputs import Collection, Input, collect

STATUSES = ("ok", "rejected", "duplicate", "error")


@dataclass
class RankRow:
    source: str
    status: str
    rank: int | None = None
    score: float | None = None
    matched: list[str] = field(default_factory=list)  # required skills the resume shows
    missing: list[str] = field(default_factory=list)  # required skills it does not
    error: str | None = None
    rejected_by: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    shortlisted: bool = False
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    sha256: str | None = None
    words_hash: str | None = None  # same resume in another format: same words
    why: str = ""  # one line on why the row ranks where it does
    possible_duplicate_of: str | None = None  # shares an email or phone with this row, under another name
    name_key: str = ""  # the name folded for comparison (never output)
    email_key: str | None = None  # a personal email, folded; None for placeholders and role mailboxes
    phone_key: str | None = None  # the last ten digits of a real number; None for placeholders

    def to_dict(self, *, blind: bool = False) -> dict:
        data = {
            "source": self.source,
            "status": self.status,
            "rank": self.rank,
            "score": self.score,
            "matched": list(self.matched),
            "missing": list(self.missing),
            "error": self.error,
            "rejected_by": list(self.rejected_by),
            "duplicate_of": self.duplicate_of,
            "possible_duplicate_of": self.possible_duplicate_of,
            "shortlisted": self.shortlisted,
            "why": self.why,
        }
        if not blind:
            data.update(name=self.name, email=self.email, phone=self.phone)
        return data


@dataclass
class RankOutcome:
    job: Job
    rows: list[RankRow]
    skipped: list[str]
    blind: bool = False
    warnings: list[str] = field(default_factory=list)  # about the run, not a row (an unusable cache)

    def counts(self) -> dict[str, int]:
        return {status: sum(1 for r in self.rows if r.status == status) for status in STATUSES}

    def to_dict(self) -> dict:
        return {
            "job": {"id": self.job.id, "title": self.job.title},
            "results": [row.to_dict(blind=self.blind) for row in self.rows],
            "skipped": [] if self.blind else list(self.skipped),
            "summary": {"inputs": len(self.rows), **self.counts(), "skipped": len(self.skipped)},
        }


def rank(
    paths: list[str] | Collection,
    job: Job,
    *,
    require: list[str] = (),
    workers: int | None = None,
    cache_path: str | os.PathLike | None = None,
    top: int | None = None,
    min_score: float | None = None,
    blind: bool = False,
    limits: ParseLimits | dict | None = None,
    settings=None,
    progress: Callable[[int, int], None] | None = None,
    scheduler: str | None = None,
    paths_shared: bool = False,
) -> RankOutcome:
    """Rank every resume under ``paths`` against ``job``. ``cache_path`` None disables the cache.

    ``scheduler`` runs the per-file work on Dask (see cluster.py): a scheduler address
    ("tcp://host:8786"), or "local" for a LocalCluster of ``workers`` processes on this machine.
    ``paths_shared`` lets Dask workers read file paths themselves (shared storage)."""
    from ..skills import taxonomy

    if scheduler:
        from .cluster import check_available

        check_available()
    limits = ParseLimits.resolve(limits)
    known = taxonomy()
    knockouts = _knockouts(job, require, known)
    collection = paths if isinstance(paths, Collection) else collect(list(paths), limits)
    inputs = collection.problems + collection.inputs
    warnings: list[str] = []
    cache = _open_cache(cache_path, warnings)
    order = {id(item): index for index, item in enumerate(inputs)}
    placed: list[tuple[int, RankRow]] = []
    try:
        if scheduler:
            analysed = _analyse_on_dask(inputs, job, limits, settings, scheduler, workers, cache, paths_shared)
        else:
            analysed = _analyse_all(inputs, job, limits, settings, workers, cache)
        for item, outcome in analysed:
            placed.append((order[id(item)], _row(item, outcome, knockouts, known, job)))
            if progress:
                progress(len(placed), len(inputs))
    finally:
        collection.close()
        if cache is not None:
            cache.close()
    # Input order, not the order workers finished in: every decision below is deterministic.
    rows = [row for _, row in sorted(placed, key=lambda pair: pair[0])]
    mark_duplicates(rows)
    _rank_rows(rows, top, min_score)
    if blind:
        _blind(rows)
    return RankOutcome(job, rows, list(collection.skipped), blind, warnings)


# -- knock-outs ------------------------------------------------------------------------------------


def _knockouts(job: Job, require, known) -> list[str]:
    ids = list(job.must_have)
    for name in require:
        skill = known.resolve(name)
        if skill is None:
            raise ResumeMatchError(None, f"unknown skill {name!r} in --require; give a taxonomy id, name or alias (see resumematch skills)")
        if skill.id not in ids:
            ids.append(skill.id)
    return ids


# -- analysis (in workers) -------------------------------------------------------------------------

_WORKER: dict = {}


def _init_worker(job: Job, limits: ParseLimits, settings) -> None:
    import signal

    from ..skills import load_pipeline

    if multiprocessing.parent_process() is not None:
        # Ctrl-C reaches the whole process group: the main process stops the workers itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    load_pipeline()  # once per worker process
    _WORKER.update(job=job, limits=limits, settings=settings)


def _analyse(label: str, data: bytes, cached: tuple | None = None, state: tuple | None = None) -> dict:
    """Parse (unless cached), extract skills and score one resume. Never raises for bad input.
    ``state`` is (job, limits, settings); by default the worker's, set by ``_init_worker``."""
    from ..parsers import parse
    from ..scoring import match
    from ..skills import analyse, extract_skills

    job, limits, settings = state or (_WORKER["job"], _WORKER["limits"], _WORKER["settings"])
    try:
        if cached is not None:
            document, mentions = cached
            document.source = label
        else:
            document = parse(data, name=label, limits=limits)
            mentions = extract_skills(document)
        analysed = analyse(document, mentions)
        result = match(analysed, job, settings=settings)
    except ResumeMatchError as error:
        return {"error": str(error)}
    except Exception as error:  # one strange file must never stop the batch
        return {"error": f"{label}: could not be processed ({type(error).__name__}); check the file"}
    return {"document": document, "mentions": mentions, "held": set(analysed.held), "result": result, "fresh": cached is None}


def _analyse_all(inputs: list[Input], job, limits, settings, workers, cache) -> Iterator[tuple[Input, dict]]:
    """(input, outcome) for every input, in completion order; at most a few files in flight."""
    workers = max(1, workers or os.cpu_count() or 1)
    pending = iter(inputs)
    if workers == 1:
        from ..skills import load_pipeline

        load_pipeline()
        state = (job, limits, settings)  # passed, not kept in _WORKER: runs in threads stay apart
        for item in pending:
            outcome = _prepare(item, limits, cache)
            if "task" in outcome:
                outcome = _analyse(*outcome["task"], state=state)
            _store(cache, outcome)
            yield item, outcome
        return
    yield from _analyse_in_pool(pending, job, limits, settings, workers, cache)


def _analyse_on_dask(inputs, job, limits, settings, scheduler, workers, cache, paths_shared):
    from .cluster import analyse_on_cluster, connect

    with connect(scheduler, workers) as client:
        yield from analyse_on_cluster(iter(inputs), job, limits, settings, client, cache, paths_shared,
                                      own_cluster=scheduler == "local")


CRASHED_TWICE = "the file crashed the parser twice; check the file or export it again"


def _stuck_after(limits: ParseLimits) -> float | None:
    """How long a worker may spend on one file before it is killed: the time budget, which the
    worker enforces itself wherever Python runs, plus a margin for what it cannot interrupt
    (a call inside pdfium). None when the budget is off."""
    if not limits.timeout_seconds:
        return None
    return limits.timeout_seconds + min(10.0, max(2.0, limits.timeout_seconds))


def _analyse_in_pool(pending, job, limits, settings, workers, cache) -> Iterator[tuple[Input, dict]]:
    """The pool version of ``_analyse_all``. A worker that dies (out of memory, a crash in
    pdfium) breaks the pool: it is replaced, and the files that were in flight are run again one
    at a time, so a file that kills its worker a second time is found and becomes an error row
    while the others get their results. On any interruption the workers are stopped, not left
    running."""

    def new_pool() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(job, limits, settings))
        with _worker_signals():
            pool.submit(int)  # forks the workers now, with the signal handling workers need
        return pool

    pool = new_pool()
    running: dict = {}  # future -> (input, task)
    suspects: deque = deque()  # (input, task) in flight when a worker died or stuck: re-run alone
    seen_running: dict = {}  # future -> when it was first seen running
    limit = _stuck_after(limits)
    exhausted = False
    try:
        while running or suspects or not exhausted:
            if suspects and not running:
                item, task = suspects.popleft()
                try:
                    outcome = pool.submit(_run_task, task).result(timeout=limit)
                except BrokenProcessPool:
                    _stop(pool)
                    pool = new_pool()
                    outcome = {"error": f"{item.label}: {CRASHED_TWICE}"}
                except FutureTimeout:  # alone, and still past the budget: this file is the one
                    _stop(pool)
                    pool = new_pool()
                    outcome = {"error": f"{item.label}: {_timeout_message(limits)}"}
                _store(cache, outcome)
                yield item, outcome
                continue
            while not suspects and not exhausted and len(running) < workers * 4:
                item = next(pending, None)
                if item is None:
                    exhausted = True
                    break
                outcome = _prepare(item, limits, cache)
                if "task" in outcome:
                    running[pool.submit(_run_task, outcome["task"])] = (item, outcome["task"])
                else:
                    yield item, outcome
            if not running:
                continue
            finished, _ = wait(running, timeout=1.0 if limit else None, return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for future in running:
                if future.running():
                    seen_running.setdefault(future, now)
            stuck = limit is not None and any(
                now - seen_running.get(f, now) > limit for f in running if f not in finished
            )
            broken = False
            for future in finished:
                item, task = running.pop(future)
                seen_running.pop(future, None)  # a finished future holds its result: let it go
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    suspects.append((item, task))
                    continue
                _store(cache, outcome)
                yield item, outcome
            if broken or stuck:
                # A dead pool fails every other future too, and a stuck worker holds its file
                # (and the ones queued behind it) for ever: replace the pool, and run what was
                # in flight again, one at a time, to find the file to blame.
                suspects.extend(running.values())
                running.clear()
                seen_running.clear()
                _stop(pool)
                pool = new_pool()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _timeout_message(limits: ParseLimits) -> str:
    return (f"parsing took longer than {limits.timeout_seconds:g} s and was stopped; "
            "export the file again (print to PDF) or raise the time budget")


def _run_task(task: tuple) -> dict:
    # Looked up by name in the worker, so the worker runs its module's _analyse.
    return _analyse(*task)


@contextmanager
def _worker_signals():
    """While workers are forked: Ctrl-C ignored (the main process stops them itself) and SIGTERM
    at its default (the command's own handler must not be inherited: a worker told to stop
    stops). Only the main thread can set signal handlers."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN), signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (a stuck worker would never return)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # the executor's own workers
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _prepare(item: Input, limits: ParseLimits, cache) -> dict:
    """Read the bytes; a cache hit or a read error is settled here, the rest becomes a task."""
    try:
        data = item.read(limits)
    except ResumeMatchError as error:
        return {"error": str(error)}
    except OSError as error:
        return {"error": f"{item.label}: cannot be read ({error.strerror}); check the file"}
    if cache:
        hit = cache.get(hashlib.sha256(data).hexdigest())
        if hit is not None:
            return {"task": (item.label, b"", hit)}
    return {"task": (item.label, data)}


def _store(cache, outcome: dict) -> None:
    if cache and outcome.get("fresh"):
        cache.put(outcome["document"], outcome["mentions"])


class _SafeCache:
    """The parse cache, or nothing once it fails: one warning, and the run goes on without it."""

    def __init__(self, cache, warnings: list[str]) -> None:
        self.cache, self.warnings = cache, warnings

    def __bool__(self) -> bool:
        return self.cache is not None

    def _give_up(self, error) -> None:
        self.warnings.append(f"the parse cache cannot be used ({error}); ranking without it")
        self.close()

    def get(self, sha256: str):
        from .cache import CacheUnavailable

        try:
            return self.cache.get(sha256)
        except CacheUnavailable as error:
            self._give_up(error)
            return None

    def put(self, document, mentions) -> None:
        from .cache import CacheUnavailable

        try:
            self.cache.put(document, mentions)
        except CacheUnavailable as error:
            self._give_up(error)

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None


def _open_cache(cache_path, warnings: list[str]):
    if cache_path is None:
        return None
    from .cache import CacheUnavailable, ParseCache, cache_version

    try:
        return _SafeCache(ParseCache(cache_path, cache_version()), warnings)
    except CacheUnavailable as error:
        warnings.append(f"the parse cache cannot be used ({error}); ranking without it")
        return None


# -- rows ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def _row(item: Input, outcome: dict, knockouts: list[str], known, job: Job) -> RankRow:
    if "error" in outcome:
        return RankRow(source=item.label, status="error", error=outcome["error"])
    document: Document = outcome["document"]
    result = outcome["result"]
    held = outcome["held"]
    missing_knockouts = [known[k].name for k in knockouts if k not in held]
    words = " ".join(sorted(set(_WORD.findall(document.text.lower()))))
    name = candidate_name(document)
    return RankRow(
        source=item.label,
        status="rejected" if missing_knockouts else "ok",
        score=result.score,
        matched=[m.name for m in result.matched if m.importance == "required"],
        missing=[m.name for m in result.missing if m.importance == "required"],
        rejected_by=[f"requires {name}" for name in missing_knockouts],
        name=name,
        email=document.contact.email,
        phone=document.contact.phone,
        email_key=personal_email(document.contact.email),
        phone_key=real_phone(document.contact.phone),
        sha256=document.sha256,
        words_hash=hashlib.sha256(words.encode()).hexdigest(),
        why=why_line(result, job, held, known),
        name_key=name_key(name),
    )


def why_line(result, job: Job, held=frozenset(), known=None) -> str:
    """ "7/9 required, 2/4 preferred; CCNA; title match": what the score rests on, in one line."""
    parts = []
    for importance in ("required", "preferred"):
        matched = sum(1 for m in result.matched if m.importance == importance)
        total = matched + sum(1 for m in result.missing if m.importance == importance)
        if total:
            parts.append(f"{matched}/{total} {importance}")
    line = ", ".join(parts)
    extras = [known[c].name if known else c for c in job.certifications if c in held][:2]
    if result.components.get("title") == 100.0:
        extras.append("title match")
    return "; ".join(p for p in [line, *extras] if p)


def _rank_rows(rows: list[RankRow], top: int | None, min_score: float | None) -> None:
    order = {"ok": 0, "rejected": 1, "duplicate": 2, "error": 3}
    rows.sort(key=lambda r: (order[r.status], -(r.score or 0.0), r.source))
    for position, row in enumerate((r for r in rows if r.status == "ok"), start=1):
        row.rank = position
        row.shortlisted = (top is None or position <= top) and (min_score is None or row.score >= min_score)


def _blind(rows: list[RankRow]) -> None:
    """Drop what identifies a person: names, contact details, and file names (often a name)."""
    aliases = {}
    for row in rows:
        aliases[row.source] = f"candidate-{row.sha256[:10]}" if row.sha256 else f"candidate-error-{len(aliases) + 1}"
    for row in rows:
        original = row.source
        row.source = aliases[original]
        if row.duplicate_of:
            row.duplicate_of = aliases.get(row.duplicate_of, row.duplicate_of)
        if row.error:
            row.error = row.error.replace(original, row.source)
        if row.possible_duplicate_of:
            row.possible_duplicate_of = aliases.get(row.possible_duplicate_of, row.possible_duplicate_of)
        row.name = row.email = row.phone = row.email_key = row.phone_key = None
