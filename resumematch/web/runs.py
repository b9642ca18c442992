"""Shortlists and reports the web page made, kept in memory for a while so that their pages and
downloads can be fetched again. Nothing is written to disk; the oldest go first."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

# Enough for one person's session: the page links to a result only right after making it.
KEEP = 32
KEEP_SECONDS = 3600
# Up to this many resumes are ranked in the server's process (the pipeline is loaded already);
# more go to rank's worker pool, which also keeps a file that crashes its parser away from the server.
IN_PROCESS = 4


class Store:
    """Results by random id, most recent last; at most KEEP, none older than KEEP_SECONDS."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, item) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._items[key] = (time.monotonic(), item)
            self._trim()
        return key

    def get(self, key: str):
        with self._lock:
            self._trim()
            found = self._items.get(key)
        return found[1] if found else None

    def _trim(self) -> None:
        now = time.monotonic()
        while self._items and (len(self._items) > KEEP or now - next(iter(self._items.values()))[0] > KEEP_SECONDS):
            self._items.popitem(last=False)


@dataclass
class Shortlist:
    """A rank running in a thread: progress while it works, then the outcome (or the error)."""

    total: int
    job_title: str
    done: int = 0
    outcome: object | None = None
    error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event)

    def to_dict(self) -> dict:
        return {"done": self.done, "total": self.total, "finished": self.finished.is_set(), "error": self.error}


def start_shortlist(collection, job, *, require=(), blind=False, top=None, min_score=None) -> Shortlist:
    from ..errors import ResumeMatchError
    from ..screening.rank import rank

    inputs = len(collection.inputs) + len(collection.problems)
    shortlist = Shortlist(total=inputs, job_title=job.title)

    def progress(done: int, total: int) -> None:
        shortlist.done, shortlist.total = done, total

    def work() -> None:
        try:
            shortlist.outcome = rank(
                collection, job, require=list(require), blind=blind, top=top, min_score=min_score,
                workers=1 if inputs <= IN_PROCESS else None, cache_path=None, progress=progress, explain=True,
            )
        except ResumeMatchError as error:
            shortlist.error = str(error)
        except Exception as error:  # the page must say something, never hang on "working"
            shortlist.error = f"the shortlist could not be made ({type(error).__name__})"
        finally:
            shortlist.finished.set()

    threading.Thread(target=work, name="resumematch-shortlist", daemon=True).start()
    return shortlist
