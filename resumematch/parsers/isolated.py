"""Reading a document under a memory ceiling, so no reader can take the machine down with it.

The pre-checks (compressed sizes, zip directories, self-drawing forms) refuse the bombs we know
how to spot, but a reader written in C (pdfium, zlib under pdfminer) can still be led to ask for
gigabytes, and neither the time budget nor Python can interrupt it. So the reading runs where an
address-space limit (``RLIMIT_AS``) holds it: the process's current size plus
``ParseLimits.max_memory_bytes``. Past it an allocation fails: a Python reader raises
MemoryError, a C reader aborts, and either way the document is "too large to read safely".

:func:`parse_isolated` reads one document in a forked child with that limit (``check``,
``parse``, the web page); ``rank``'s workers set it on themselves (screening/rank.py). The
child is forked after the reader for the format is imported, so it costs milliseconds, and the
document comes back as JSON over a pipe: nothing is unpickled.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import select
import signal
import time
from collections.abc import Callable

from .. import errors
from ..errors import DocumentTooLargeError, ResumeMatchError
from ..limits import ParseLimits
from ..types import Document
from . import TOO_LARGE_TO_READ, budget, parse, read_source
from .sniff import IMAGE_FORMATS, sniff_format

__all__ = ["parse_isolated", "set_memory_ceiling"]

# Seconds the parent waits past the budget for a child stuck in native code before killing it.
_NATIVE_MARGIN = 3.0


def _address_space() -> int | None:
    """Bytes of address space this process holds now (Linux), or None where that is unknown."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def set_memory_ceiling(extra_bytes: int) -> bool:
    """Limit this process's address space to what it holds now plus ``extra_bytes``. False where
    that cannot be done (no ``resource`` module, no /proc): the pre-checks still apply."""
    if extra_bytes <= 0:
        return False
    try:
        import resource
    except ImportError:
        return False
    in_use = _address_space()
    if in_use is None:
        return False
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = in_use + extra_bytes
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    except (ValueError, OSError):
        return False
    return True


def too_large(label: str) -> DocumentTooLargeError:
    return DocumentTooLargeError(label, TOO_LARGE_TO_READ)


def parse_isolated(
    source: str | os.PathLike | bytes,
    *,
    name: str | None = None,
    limits: ParseLimits | dict | None = None,
    pdf_engine: str = "auto",
    meanwhile: Callable[[], object] | None = None,
) -> Document:
    """:func:`parse` in a child process under the memory ceiling; the same Document or error.
    ``meanwhile`` runs in this process while the child reads (``check`` loads the skill model
    then, on the other core); if it fails, the child is stopped.

    Where there is no ``fork`` (or the ceiling is 0) this is plain :func:`parse`."""
    # With work of its own to do meanwhile, this process leaves the reader's imports to the child.
    reading = Reading(source, name, ParseLimits.resolve(limits), pdf_engine, preload=meanwhile is None)
    if meanwhile is not None:
        try:
            meanwhile()
        except BaseException:
            reading.cancel()
            raise
    return reading.result()


class Reading:
    """A document being read in a child process: :meth:`result` waits for it. Meanwhile the
    caller's process is free (``check`` loads the skill model on the other core). ``preload``
    imports the format's reader here before forking, so that every later child starts with it
    (a server reads many documents); without it the child imports it."""

    def __init__(self, source, name, limits: ParseLimits, pdf_engine: str, preload: bool = True):
        self._pid = -1
        self._plain = None
        if not limits.max_memory_bytes or not hasattr(os, "fork"):
            self._plain = (source, name, limits, pdf_engine)
            return
        data, self._label = read_source(source, limits, name)
        if preload:
            _import_reader(sniff_format(data, self._label))
        running = budget.running()
        seconds = limits.timeout_seconds
        if running is not None and running.expires != float("inf"):
            seconds = max(0.01, running.expires - time.monotonic())
        self._seconds = seconds
        self._give_up = time.monotonic() + seconds + _NATIVE_MARGIN if seconds else None
        child_limits = dataclasses.replace(limits, timeout_seconds=seconds)
        read_end, write_end = os.pipe()
        pid = -1
        # The child's garbage collector must not walk (and so copy) every object the parent holds,
        # a loaded skill model included: frozen objects are left alone.
        gc.freeze()
        try:
            pid = os.fork()
        finally:
            if pid != 0:
                gc.unfreeze()
        if pid == 0:  # the child: read, answer, leave without running the parent's exit handlers
            code = 1
            try:
                os.close(read_end)
                code = _child(data, self._label, child_limits, pdf_engine, write_end)
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._read_end = pid, read_end

    def result(self) -> Document:
        if self._plain is not None:
            source, name, limits, pdf_engine = self._plain
            return parse(source, name=name, limits=limits, pdf_engine=pdf_engine)
        try:
            answer = _collect(self._read_end, self._pid, self._label, self._give_up, self._seconds)
        except BaseException:
            _end(self._pid)
            raise
        finally:
            self._close()
        return _answer(answer, self._label)

    def cancel(self) -> None:
        """Stop the child (the caller failed while it was reading)."""
        if self._plain is None and self._pid > 0:
            _end(self._pid)
            self._close()

    def _close(self) -> None:
        if self._pid > 0:
            self._pid = -1
            os.close(self._read_end)


def _import_reader(fmt: str) -> None:
    """Import the format's reader (and what every document is read with: contact details, the
    name) here, once, so each child starts with it loaded."""
    from . import contact, names  # noqa: F401
    from .names import load_name_parser

    load_name_parser()
    if fmt == "pdf":
        from . import pdf, pdf_fast, pdf_streams  # noqa: F401
    elif fmt == "docx":
        from . import docx  # noqa: F401
    elif fmt in IMAGE_FORMATS:
        from . import image, ocr, pdf  # noqa: F401
    else:
        from . import text  # noqa: F401


def _child(data: bytes, label: str, limits: ParseLimits, pdf_engine: str, out: int) -> int:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a child told to stop stops
    budget.forget_running()  # the parent's budget has no timer here: the child runs its own
    try:
        # Sniffing inside the try: a file that is not a format we read (RTF, a PNG named .pdf)
        # answers with its own typed error; only a child that dies without answering is "too large".
        _import_reader(sniff_format(data, label))  # loaded before the ceiling: it counts the document only
        set_memory_ceiling(limits.max_memory_bytes)
        answer = {"document": parse(data, name=label, limits=limits, pdf_engine=pdf_engine).to_dict()}
    except ResumeMatchError as error:
        answer = {"error": type(error).__name__, "source": error.source, "reason": error.reason}
    except MemoryError:
        answer = {"error": "DocumentTooLargeError", "source": label, "reason": TOO_LARGE_TO_READ}
    payload = json.dumps(answer).encode("utf-8")
    view = memoryview(payload)
    while view:
        view = view[os.write(out, view) :]
    os.close(out)
    return 0


def _collect(read_end: int, pid: int, label: str, give_up: float | None, seconds: float) -> dict | None:
    """The child's answer, or None when it died without one (out of memory inside C code).
    ``give_up`` is the monotonic time past which a silent child is stuck and killed."""
    chunks = []
    while True:
        timeout = None if give_up is None else max(0.0, give_up - time.monotonic())
        ready, _, _ = select.select([read_end], [], [], timeout)
        if not ready:  # stuck where no alarm reaches (a call inside pdfium)
            _end(pid)
            raise budget.Deadline(seconds, label).error()
        chunk = os.read(read_end, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not chunks:
        return None
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return None


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _answer(answer: dict | None, label: str) -> Document:
    if answer is None:
        raise too_large(label)
    if "document" in answer:
        return Document.from_dict(answer["document"])
    kind = getattr(errors, str(answer.get("error")), None)
    if not (isinstance(kind, type) and issubclass(kind, ResumeMatchError)) or kind is errors.UnknownJobError:
        kind = errors.CorruptDocumentError
    raise kind(answer.get("source") or label, str(answer.get("reason") or "could not be read; export it again"))

