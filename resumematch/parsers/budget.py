"""A wall-time budget per document, so one hostile file cannot hang a bulk run.

Two mechanisms, because neither alone is enough: readers call :meth:`Deadline.check` between
pages (works in any thread), and in the main thread a ``SIGALRM`` timer interrupts a single
page that spins inside pdfminer. The signal only sets a flag and raises; if library code
swallows that exception, the next ``check()`` raises again. The timer keeps firing every
:data:`REPEAT_SECONDS` after the budget until the document is left: closing a hostile PDF can
re-enter the loop that used the budget up (a stream /Length that refers to itself), and that
cleanup must be stopped too.

One budget covers the whole document: reading, contact finding and skill matching. A caller
that does all three (``check``, a ``rank`` worker) opens the budget around them; ``parse`` inside
it joins the budget already running in that thread instead of starting its own.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from ..errors import ParseTimeoutError

REPEAT_SECONDS = 0.5
_active = threading.local()  # the budget running in this thread, if any


class Deadline:
    def __init__(self, seconds: float, source: str) -> None:
        self.seconds = seconds
        self.source = source
        self.expires = time.monotonic() + seconds if seconds > 0 else float("inf")
        self.expired = False

    def error(self) -> ParseTimeoutError:
        return ParseTimeoutError(
            self.source,
            f"reading and matching it took longer than {self.seconds:g} s and was stopped; "
            "export the file again (print to PDF) or raise the time budget",
        )

    def check(self) -> None:
        if self.expired or time.monotonic() > self.expires:
            self.expired = True
            raise self.error()


def running() -> Deadline | None:
    """The budget running in this thread, if any."""
    return getattr(_active, "deadline", None)


def forget_running() -> None:
    """In a forked child: the parent's budget is not this process's (its timer did not follow)."""
    _active.deadline = None


@contextmanager
def time_budget(seconds: float, source: str) -> Iterator[Deadline]:
    running = getattr(_active, "deadline", None)
    if running is not None:
        yield running  # inside a document's budget already: one deadline for all of it
        return
    deadline = Deadline(seconds, source)
    _active.deadline = deadline
    try:
        with _alarm(deadline, seconds):
            yield deadline
    finally:
        _active.deadline = None


@contextmanager
def _alarm(deadline: Deadline, seconds: float) -> Iterator[None]:
    use_alarm = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        # Leave a timer someone else (a test runner, a host program) set alone.
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not use_alarm:
        yield
        return

    def on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
        deadline.expired = True
        raise deadline.error()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
