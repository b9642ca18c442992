"""CPU-bound work (a check, a ranking, an export) run off the event loop.

The server answers every request on one event loop: work done on it freezes every other request
and the server's own signal handling (SIGTERM, Ctrl-C). So the work runs in a thread of its own,
and that thread is a daemon: a server told to stop stops, even while a large export is being
built, instead of waiting for it at exit (the thread pool starlette lends does not let go).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def off_loop(work: Callable[..., T], *args, **kwargs) -> T:
    """``work(*args, **kwargs)`` in a daemon thread; its result (or exception) here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future = loop.create_future()

    def settle(result, error) -> None:
        if future.done():  # the request was cancelled (the client left, the server is stopping)
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            result, error = work(*args, **kwargs), None
        except BaseException as caught:  # handed to the awaiting request, which decides
            result, error = None, caught
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:  # the loop has closed: the server stopped meanwhile
            pass

    threading.Thread(target=run, name="resumematch-work", daemon=True).start()
    return await future
