"""The local engines: the work in this process (one worker), or in a pool of worker processes.

The pool keeps a watch on its workers. A worker that dies (out of memory, a crash in pdfium)
breaks the pool: it is replaced, and the files that were in flight are run again one at a time,
so a file that kills its worker a second time is found and becomes an error row while the others
get their results. A worker stuck on one file past the time budget (in native code no alarm
reaches) is handled the same way. On any interruption the workers are stopped, not left running.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from ..limits import ParseLimits
from . import work
from .engine import Task

# Tasks in flight per worker: enough to keep every worker busy, few enough to hold little memory.
TASKS_PER_WORKER = 4


class InProcess:
    """One worker: the work runs here, one file after the other."""

    reads_paths = False

    def __init__(self, state: tuple) -> None:
        self.state = state  # passed to each call, not kept in work._WORKER: runs in threads stay apart

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, dict]]:
        first = next(tasks, None)
        if first is None:
            return  # every file settled without reading (cached): no skill pipeline
        from ..skills import load_pipeline

        load_pipeline()  # before the first file's time budget starts, which is the file's alone
        for task in itertools.chain([first], tasks):
            yield task, work.analyse(*task.args(), state=self.state)


def stuck_after(limits: ParseLimits) -> float | None:
    """How long a worker may spend on one file before it is killed: the time budget, which the
    worker enforces itself wherever Python runs, plus a margin for what it cannot interrupt
    (a call inside pdfium). None when the budget is off."""
    if not limits.timeout_seconds:
        return None
    return limits.timeout_seconds + min(10.0, max(2.0, limits.timeout_seconds))


class LocalPool:
    """Worker processes on this machine, started with the first task (a re-rank whose files are
    all cached starts none). Where workers are forked, the skill pipeline is loaded here once,
    before they are, and each starts with it; otherwise each loads it once."""

    reads_paths = False

    def __init__(self, workers: int, state: tuple) -> None:
        self.workers, self.state = workers, state
        self.limits: ParseLimits = state[1]
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self.pool is None:
            return
        if exc_type is None:
            self.pool.shutdown(wait=True)
        else:
            stop(self.pool)
        self.pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        if multiprocessing.get_start_method() == "fork":
            from ..skills import load_pipeline

            load_pipeline()  # once here rather than once in every worker: forked, they share it
            gc.collect()
            gc.freeze()  # the workers' garbage collectors leave the model's objects (and their pages) alone
        try:
            pool = ProcessPoolExecutor(max_workers=self.workers, initializer=work.init_worker, initargs=self.state)
            with work.worker_signals():
                pool.submit(int)  # forks the workers now, with the signal handling workers need
        finally:
            gc.unfreeze()
        return pool

    def _replace_pool(self) -> None:
        stop(self.pool)
        self.pool = self._new_pool()

    def _run_alone(self, task: Task) -> dict:
        """A task that was in flight when a worker died or stuck, run with nothing else beside it."""
        limit = stuck_after(self.limits)
        try:
            return self.pool.submit(work.run_task_alone, task.args()).result(timeout=limit)
        except BrokenProcessPool:
            self._replace_pool()
            return {"error": f"{task.label}: {work.CRASHED_TWICE}"}
        except FutureTimeout:  # alone, and still past the budget: this file is the one
            self._replace_pool()
            return {"error": f"{task.label}: {work.timeout_message(self.limits)}"}

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, dict]]:
        try:
            first = next(tasks, None)
            if first is None:
                return  # nothing to read: no worker is started
            if self.pool is None:
                self.pool = self._new_pool()
            yield from self._run(itertools.chain([first], tasks))
        except BaseException:
            stop(self.pool)
            raise

    def _run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, dict]]:
        running: dict = {}  # future -> task
        suspects: deque[Task] = deque()  # in flight when a worker died or stuck: re-run alone
        seen_running: dict = {}  # future -> when it was first seen running
        limit = stuck_after(self.limits)
        exhausted = False
        while running or suspects or not exhausted:
            if suspects and not running:
                task = suspects.popleft()
                yield task, self._run_alone(task)
                continue
            while not suspects and not exhausted and len(running) < self.workers * TASKS_PER_WORKER:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                running[self.pool.submit(work.run_task, task.args())] = task
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
                task = running.pop(future)
                seen_running.pop(future, None)  # a finished future holds its result: let it go
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    suspects.append(task)
                    continue
                yield task, outcome
            if broken or stuck:
                # A dead pool fails every other future too, and a stuck worker holds its file
                # (and the ones queued behind it) for ever: replace the pool, and run what was
                # in flight again, one at a time, to find the file to blame.
                suspects.extend(running.values())
                running.clear()
                seen_running.clear()
                self._replace_pool()


def stop(pool: ProcessPoolExecutor | None) -> None:
    """Cancel what has not started and end the workers now (a stuck worker would never return)."""
    if pool is None:
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # the executor's own workers
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
