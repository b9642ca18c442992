"""The per-file work of ``rank``: parse (unless cached), extract skills, score. Runs wherever an
engine puts it (in this process, a local worker process, a Dask worker) and never raises for bad
input: every file comes back as an outcome dict, ``{"error": ...}`` or the analysis.

Also what a worker process needs before its first file: the signal handling and the skill
pipeline, loaded once per process.
"""

from __future__ import annotations

import multiprocessing
from contextlib import contextmanager

from ..errors import ResumeMatchError

CRASHED_TWICE = "the file crashed the parser twice; check the file or export it again"

# Per local worker process: (job, limits, settings), set once by ``init_worker``.
_WORKER: dict = {}


def analyse(label: str, data: bytes, cached: tuple | None = None, state: tuple | None = None) -> dict:
    """Parse, extract skills and analyse them (unless cached: ``cached`` is (document, mentions,
    analysed or None)), then score one resume. Never raises for bad input.
    ``state`` is (job, limits, settings); by default the worker's, set by ``init_worker``.

    A local worker process reads under its own memory ceiling; ``--workers 1`` and a file run
    again alone after it broke a worker read in a child process under the ceiling, so a runaway
    reader costs a row, not the run."""
    from ..parsers import parse
    from ..parsers.budget import time_budget
    from ..parsers.isolated import parse_isolated, too_large
    from ..scoring import match
    from ..skills import analyse as analyse_skills
    from ..skills import extract_skills

    job, limits, settings = state or (_WORKER["job"], _WORKER["limits"], _WORKER["settings"])
    try:
        # One budget for the whole document: reading, contact finding, skill matching, scoring.
        with time_budget(limits.timeout_seconds, label):
            if cached is not None:
                document, mentions, analysed = cached
                document.source = label
                if analysed is None:  # cached before the analysis was kept
                    analysed = analyse_skills(document, mentions)
            else:
                read = parse_isolated if _read_in_a_child() else parse
                document = read(data, name=label, limits=limits)
                mentions = extract_skills(document)
                analysed = analyse_skills(document, mentions)
            result = match(analysed, job, settings=settings)
    except ResumeMatchError as error:
        return {"error": str(error)}
    except MemoryError:
        return {"error": str(too_large(label))}
    except Exception as error:  # one strange file must never stop the batch
        return {"error": could_not_process(label, error)}
    outcome = {"document": document, "mentions": mentions, "held": set(analysed.held), "result": result, "fresh": cached is None}
    if cached is None:
        outcome["analysed"] = analysed  # what the cache keeps besides the parse: it holds for every job
    return outcome


def run_task(task: tuple) -> dict:
    """A local worker's entry point. ``analyse`` is looked up by name at call time, so a worker
    runs whatever this module's ``analyse`` is when the worker was forked."""
    return analyse(*task)


def _read_in_a_child() -> bool:
    """Where the reading forks a child: a file run alone after it broke a worker, and the main
    thread of a process without its own ceiling (``--workers 1``). Not a Dask worker's or a web
    server's threads: forking a busy threaded process is left to the processes made for it."""
    import threading

    if _WORKER.get("alone"):
        return True
    return not _WORKER.get("ceiling") and threading.current_thread() is threading.main_thread()


def run_task_alone(task: tuple) -> dict:
    """A file that was in flight when a worker died, run again with its reading in a child
    process: if it kills that too, the worker lives and the file is a "too large" row."""
    _WORKER["alone"] = True
    try:
        return analyse(*task)
    finally:
        _WORKER["alone"] = False


def could_not_process(label: str, error: BaseException) -> str:
    return f"{label}: could not be processed ({type(error).__name__}); check the file"


def timeout_message(limits) -> str:
    return (f"reading and matching it took longer than {limits.timeout_seconds:g} s and was stopped; "
            "export the file again (print to PDF) or raise the time budget")


def init_worker(job, limits, settings) -> None:
    """A local worker process's start: signals as a worker needs them, the pipeline, the job."""
    import signal

    from ..skills import load_pipeline

    if multiprocessing.parent_process() is not None:
        # Ctrl-C reaches the whole process group: the main process stops the workers itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    load_pipeline()  # once per worker process
    _WORKER.update(job=job, limits=limits, settings=settings)
    if multiprocessing.parent_process() is not None:
        from ..parsers.isolated import set_memory_ceiling

        # Every document this worker reads stays under the ceiling: a reader that runs away fails
        # its allocation (an error row) instead of drawing the machine into an OOM kill.
        _WORKER["ceiling"] = set_memory_ceiling(limits.max_memory_bytes)


@contextmanager
def worker_signals():
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
