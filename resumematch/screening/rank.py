"""Bulk screening: rank many resumes against one job, lose none, and say why each row is what it is.

``rank(paths, job)`` returns one :class:`RankRow` per resume, always: ``ok`` rows ranked by
score (flagged with the must-haves they do not state), ``rejected`` rows (a knock-out the
recruiter asked for), ``duplicate`` rows (pointing at the copy kept) and ``error`` rows (with
the one-line reason). Inputs that are no resume are listed as skipped, with the reason.

This module is the orchestration, the same whichever engine runs the per-file work (engine.py):
it reads the inputs and settles cache hits, hands the rest to the engine, stores fresh parses in
the cache, and turns every outcome into a row, in input order, so every decision after that
(duplicates, ranks) is deterministic. The main process holds only small rows, so memory does not
grow with the pool size.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator

from ..errors import ResumeMatchError
from ..limits import ParseLimits
from ..types import Job
from .cache import open_safe
from .duplicates import mark_duplicates
from .engine import Engine, Task
from .explain import explanation_facts
from . import work
from .inputs import Collection, Input, collect, collect_archive
from .kinds import Skipped, skip_reason_by_content
from .requirements import Answers, Requirements
from .rows import STATUSES, RankOutcome, RankRow, blind as blind_rows, build_row, place
from .why import why_line
from .work import CRASHED_TWICE

__all__ = ["CRASHED_TWICE", "STATUSES", "RankOutcome", "RankRow", "rank", "why_line"]


def rank(
    paths: list[str] | Collection,
    job: Job,
    *,
    require: list[str] = (),
    must_haves_knock_out: bool = False,
    answers: Answers | None = None,
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
    log: str | os.PathLike | bool | None = True,
    explain: bool = False,
) -> RankOutcome:
    """Rank every resume under ``paths`` against ``job``. ``cache_path`` None disables the cache.

    ``scheduler`` runs the per-file work on Dask (see cluster.py): a scheduler address
    ("tcp://host:8786"), or "local" for a LocalCluster of ``workers`` processes on this machine.
    ``paths_shared`` lets Dask workers read file paths themselves (shared storage).

    ``require`` adds knock-outs; ``must_haves_knock_out`` makes the job's must-haves knock-outs
    too (by default they only flag rows, ``not_stated``); ``answers`` (see requirements.py)
    decides requirements from the candidates' screening answers.

    ``log``: every run is logged (see runlog.py) in the user's data folder (True), in that file
    (a path), or not at all (False or None). ``explain`` keeps on each row the facts its
    explanation needs (explain.py, render/explanation.py)."""
    from ..skills import taxonomy

    limits = ParseLimits.resolve(limits)
    state = (job, limits, settings)
    engine = make_engine(state, workers, scheduler, paths_shared)
    known = taxonomy()
    requirements = Requirements.for_run(job, known, require, must_haves_knock_out, answers)
    collection = paths if isinstance(paths, Collection) else collect(list(paths), limits)
    inputs = collection.problems + collection.inputs
    warnings: list[str] = []
    cache = open_safe(cache_path, warnings)
    placed: list[tuple[tuple[int, int], RankRow]] = []
    skipped = list(collection.skipped)
    done = 0

    def take(item: Input, position: tuple[int, int], outcome: dict) -> None:
        """One input's outcome, as soon as it is known: kept as a small row, the document let go."""
        nonlocal done
        if cache and outcome.get("fresh"):
            cache.put(outcome["document"], outcome["mentions"], outcome.get("analysed"))
        if "skipped" in outcome:  # no resume after all, by its content
            skipped.append(Skipped(item.label, outcome["skipped"]))
        else:
            row = build_row(item.label, outcome, requirements, known, job)
            if explain and "result" in outcome:
                row.explanation = explanation_facts(outcome["result"])
            placed.append((position, row))
        done += 1
        if progress:
            progress(done, len(inputs))

    try:
        with engine:
            _run(engine, inputs, limits, cache, state, take, collection, skipped)
    finally:
        collection.close()
        if cache is not None:
            cache.close()
    # Input order, not the order workers finished in: every decision below is deterministic.
    rows = [row for _, row in sorted(placed, key=lambda pair: pair[0])]
    mark_duplicates(rows)
    place(rows, top, min_score)
    if blind:
        blind_rows(rows)
    asked = {"top": top, "min_score": min_score} if top is not None or min_score is not None else None
    outcome = RankOutcome(job, rows, skipped, blind, warnings, list(requirements.knockouts), shortlist=asked)
    if log:
        from .runlog import record_run

        record_run(outcome, log, {
            "require": list(require), "must_haves_knock_out": must_haves_knock_out,
            "answers": answers is not None, "top": top, "min_score": min_score, "blind": blind,
            "engine": "dask" if scheduler else "local", "cache": cache_path is not None,
            "limits": limits, "match_settings": settings,
        })
    return outcome


def make_engine(state: tuple, workers: int | None, scheduler: str | None = None, paths_shared: bool = False) -> Engine:
    """The engine for a run; ``state`` is (job, limits, settings), what every file's work needs."""
    if scheduler:
        from .cluster import DaskEngine

        return DaskEngine(scheduler, workers, state, paths_shared)
    from .local import InProcess, LocalPool

    workers = max(1, workers or os.cpu_count() or 1)
    return InProcess(state) if workers == 1 else LocalPool(workers, state)


# -- the work, wherever it runs ------------------------------------------------------------------


def _run(engine: Engine, inputs: list[Input], limits: ParseLimits, cache, state: tuple, take,
         collection: Collection, skipped: list[Skipped]) -> None:
    """Every input's outcome, handed to ``take`` as it is known. Each file is read once, when its
    turn comes, so only a few are held at once. What is settled without the engine (unreadable,
    no resume, a cache hit) is settled here: a cache hit is scored in this process, so a re-rank
    whose files are all cached starts no worker and loads no skill pipeline."""
    places: dict[int, tuple[int, int]] = {}

    def tasks() -> Iterator[Task]:
        for index, item in enumerate(inputs):
            for position, entry, work_or_outcome in _settle(item, (index, 0), limits, cache, engine.reads_paths, collection, skipped):
                if not isinstance(work_or_outcome, Task):
                    take(entry, position, work_or_outcome)
                elif work_or_outcome.cached is not None:
                    take(entry, position, work.analyse(*work_or_outcome.args(), state=state))
                else:
                    places[id(work_or_outcome)] = position
                    yield work_or_outcome

    for task, outcome in engine.run(tasks()):
        take(task.item, places.pop(id(task)), outcome)


def _settle(item: Input, position: tuple[int, int], limits: ParseLimits, cache, reads_paths: bool,
            collection: Collection, skipped: list[Skipped]) -> Iterator[tuple[tuple[int, int], Input, Task | dict]]:
    """(position, input, its task or its outcome when it is settled before any work). The file
    is read here, once: its bytes decide whether it is a resume, give the cache key, and go to
    the engine. A zip archive not named .zip (``collect`` opens only those) is found here by
    its bytes and stands for its entries, each in a place of its own after it."""
    if reads_paths and item.path and not cache:
        yield position, item, Task(item)  # the engine's workers read the file; nothing to look up here
        return
    try:
        data = item.read(limits)
    except ResumeMatchError as error:
        yield position, item, {"error": str(error)}
        return
    except OSError as error:
        yield position, item, {"error": f"{item.label}: cannot be read ({error.strerror}); check the file"}
        return
    reason = skip_reason_by_content(item.name, data)
    if reason:
        yield position, item, {"skipped": reason}
        return
    if cache:
        hit = cache.get(hashlib.sha256(data).hexdigest())
        if hit is not None:  # parsed before as a document: no archive
            yield position, item, Task(item, cached=hit)
            return
    archive = collect_archive(item.path, data, limits) if item.path is not None else None
    if archive is None:
        yield position, item, Task(item, data=data)
        return
    collection.archives.extend(archive.archives)
    skipped.extend(archive.skipped)
    for number, entry in enumerate(archive.problems + archive.inputs, start=1):
        yield from _settle(entry, (position[0], number), limits, cache, reads_paths, collection, skipped)
