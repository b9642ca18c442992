"""Refuse PDFs whose compressed streams inflate past what any resume needs, before a parser
inflates them (a 2 MB file of zeros compressed a thousand to one asks for gigabytes).

Every ``/FlateDecode`` stream in the file is inflated in bounded chunks and only counted, never
kept: the largest one and the sum of all must stay under ``ParseLimits.max_unzipped_bytes`` (the
same limit DOCX parts have). Image streams are left out: text readers never inflate them.
"""

from __future__ import annotations

import re
import zlib

from ..errors import DocumentTooLargeError

_STREAM = re.compile(rb">>\s*stream\r?\n")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_DICT_REACH = 4096  # bytes before "stream" in which its dictionary is looked for
_CHUNK = 1 << 16


def check_streams(data: bytes, source: str, max_inflated: int) -> None:
    total = 0
    for match in _STREAM.finditer(data):
        # The stream's dictionary: from its "N 0 obj" to "stream" (a linear scan, no nesting).
        window = data[max(0, match.start() - _DICT_REACH) : match.start() + 2]
        opening = None
        for opening in _OBJ.finditer(window):
            pass
        dictionary = window[opening.end() :] if opening else window
        if b"/FlateDecode" not in dictionary and b"/Fl " not in dictionary and b"/Fl]" not in dictionary:
            continue
        if b"/Image" in dictionary:
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        total += _inflated_size(data[start:end], max_inflated - total + 1)
        if total > max_inflated:
            raise DocumentTooLargeError(
                source,
                f"has content that inflates past {max_inflated // 2**20} MB (a compression bomb?); "
                "refusing it: export the resume to PDF again",
            )


def _inflated_size(compressed: bytes, cap: int) -> int:
    """How many bytes ``compressed`` inflates to, counting at most ``cap`` (memory stays at a chunk)."""
    inflater = zlib.decompressobj()
    size = 0
    pending = compressed
    try:
        while pending and size < cap and not inflater.eof:
            produced = len(inflater.decompress(pending, _CHUNK))
            if not produced and len(inflater.unconsumed_tail) == len(pending):
                break  # no progress: truncated or not zlib after all
            size += produced
            pending = inflater.unconsumed_tail
        if size < cap:
            size += len(inflater.flush())
    except zlib.error:
        pass  # a damaged stream: the parser will say what is wrong with it
    return size
