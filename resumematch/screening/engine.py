"""Where the per-file work of ``rank`` runs, behind one small interface.

An engine is told "run these tasks, give me the outcomes as they finish" (like
``concurrent.futures`` or Dask's ``Client.get_executor()``): ``run`` pulls tasks from an iterator
only as it has room, so however many inputs there are, only a few files' bytes are held at once,
and yields ``(task, outcome)`` pairs in completion order. Outcomes are the dicts of
:func:`work.analyse`: an engine never raises for one bad file, and a file that kills or hangs a
worker becomes an error outcome. Everything else (reading, the cache, order, duplicates, rows) is
the orchestration's, in rank.py, written once for every engine.

Engines: :class:`local.InProcess` (one worker: this process), :class:`local.LocalPool` (worker
processes with a watchdog), :class:`cluster.DaskEngine` (a Dask cluster).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from .inputs import Input


@dataclass
class Task:
    """One file's work: its bytes, or what the parse cache already holds for them. Neither, when
    the engine's workers read ``item.path`` themselves (shared storage)."""

    item: Input
    data: bytes | None = None
    cached: tuple | None = None  # (document, mentions, analysed or None): scored where it was read

    @property
    def label(self) -> str:
        return self.item.label

    def args(self) -> tuple:
        """The arguments of :func:`work.analyse`."""
        if self.cached is not None:
            return (self.label, b"", self.cached)
        return (self.label, self.data if self.data is not None else b"")


class Engine(Protocol):
    #: The engine's workers read a file path themselves, so the orchestration need not read it.
    reads_paths: bool

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc) -> None: ...

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, dict]]:
        """Every task's outcome, as each finishes."""
        ...
