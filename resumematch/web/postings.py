"""Postings the page has already read, by their content, so that the editor's re-score (the same
posting sent again with every pause in typing) does not parse and analyse the posting again.

A posting file is kept under its bytes and under the text it was read to: the editor sends that
text back as a pasted posting and gets the very job the first check used, so its scores match.
Kept in memory only, the most recent few.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

KEEP = 16


class PostingCache:
    def __init__(self, keep: int = KEEP) -> None:
        self._jobs: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self._keep = keep

    def job(self, data: bytes, name: str):
        """The Job of a posting's bytes (an uploaded file, or pasted text as UTF-8)."""
        from ..jobs import load_posting

        key = _key(data)
        with self._lock:
            found = self._jobs.get(key)
            if found is not None:
                self._jobs.move_to_end(key)
                return found
        job = load_posting(data, name)  # outside the lock: the other requests need not wait
        with self._lock:
            self._jobs[key] = job
            self._jobs.setdefault(_key(job.text.encode("utf-8")), job)
            while len(self._jobs) > 2 * self._keep:
                self._jobs.popitem(last=False)
        return job


def _key(data: bytes) -> str:
    # A browser sends a textarea's line ends as CRLF: the same posting either way.
    return hashlib.sha256(data.replace(b"\r\n", b"\n").strip()).hexdigest()
