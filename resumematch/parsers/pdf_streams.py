"""Refuse PDFs whose compressed streams inflate past what any resume needs, before a parser
inflates them (a 2 MB file of zeros compressed a thousand to one asks for gigabytes).

Every stream whose bytes are zlib data is inflated in bounded chunks and only counted, never
kept: the largest one and the sum of all must stay under ``ParseLimits.max_unzipped_bytes`` (the
same limit DOCX parts have). Whether a stream is Flate is read from its bytes, not from how its
dictionary spells the filter: a name may be written with ``#xx`` escapes (``/Fl#61teDecode``),
held in another object, or sit after a long entry, and the decoder inflates it all the same.
ASCIIHex and ASCII85 layers in front of Flate are undone first. Image streams are left out:
text readers never inflate them, unless a page draws one as its content: so
:func:`check_page_contents` counts every page's content streams again, found through the page
tree whatever they call themselves, before pdfium (which aborts the process when an allocation
fails) inflates them. These checks are fast, not complete: the memory ceiling (isolated.py) is
what holds whatever a reader does.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib

from ..errors import DocumentTooLargeError

_STREAM = re.compile(rb">>\s*stream\r?\n")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_ASCII_FILTERS = re.compile(rb"/(ASCIIHexDecode|AHx|ASCII85Decode|A85)\b")
_CHUNK = 1 << 16


def check_streams(data: bytes, source: str, max_inflated: int) -> None:
    headers = [m.start() for m in _OBJ.finditer(data)]
    total = 0
    previous_end = 0
    for match in _STREAM.finditer(data):
        # The stream's dictionary: from its "N 0 obj" (however far back) to "stream"; never
        # before the previous stream's end, so each byte is looked at once.
        before = bisect.bisect_right(headers, match.start()) - 1
        start_of_dictionary = max(headers[before] if before >= 0 else 0, previous_end)
        dictionary = decode_names(data[start_of_dictionary : match.start() + 2])
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        previous_end = end
        if _IMAGE.search(dictionary):
            continue
        total += _inflated_size(_undo_ascii(data[start:end], dictionary), max_inflated - total + 1)
        if total > max_inflated:
            raise DocumentTooLargeError(
                source,
                f"has content that inflates past {max_inflated // 2**20} MB (a compression bomb?); "
                "refusing it: export the resume to PDF again",
            )


def check_page_contents(streams, source: str, max_inflated: int) -> None:
    """``streams``: the pdfminer streams pages draw as their contents."""
    total = 0
    for stream in streams:
        filters = b" ".join(b"/" + str(getattr(f, "name", f)).encode("latin-1", "replace") for f in _filters(stream))
        total += _inflated_size(_undo_ascii(getattr(stream, "rawdata", None) or b"", filters), max_inflated - total + 1)
        if total > max_inflated:
            raise DocumentTooLargeError(
                source,
                f"has page content that inflates past {max_inflated // 2**20} MB (a compression bomb?); "
                "refusing it: export the resume to PDF again",
            )
    # Inflated here first, where running out of memory is a MemoryError (a "too large" answer),
    # rather than inside pdfium, where it aborts the process.
    for stream in streams:
        try:
            stream.get_data()
        except MemoryError:
            raise
        except Exception:  # a damaged stream: the readers will say what is wrong with it
            continue


def _filters(stream) -> list:
    try:
        return list(stream.get_filters() or [])
    except Exception:  # a damaged filter entry: the readers will say what is wrong with it
        return []


def decode_names(raw: bytes) -> bytes:
    """PDF names with their ``#xx`` escapes undone: ``/Fl#61teDecode`` is ``/FlateDecode``."""
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw) if b"#" in raw else raw


def _undo_ascii(stream: bytes, dictionary: bytes) -> bytes:
    """The bytes under ASCIIHex / ASCII85 layers named before any other filter (never larger)."""
    for name in _ASCII_FILTERS.findall(dictionary):
        try:
            if name in (b"ASCIIHexDecode", b"AHx"):
                digits = re.sub(rb"[^0-9A-Fa-f]", b"", stream.split(b">", 1)[0])
                stream = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
            else:
                body = re.sub(rb"\s", b"", stream.split(b"~>", 1)[0]).removeprefix(b"<~")
                stream = base64.a85decode(body)
        except (ValueError, binascii.Error):
            return b""
    return stream


def _looks_like_zlib(data: bytes) -> bool:
    """A zlib header: deflate method and a check value; what FlateDecode in every reader takes."""
    if len(data) < 2:
        return False
    cmf, flg = data[0], data[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf * 256 + flg) % 31 == 0


def _inflated_size(compressed: bytes, cap: int) -> int:
    """How many bytes ``compressed`` inflates to, counting at most ``cap`` (memory stays at a chunk)."""
    compressed = compressed.lstrip(b"\r\n")
    if not _looks_like_zlib(compressed):
        return 0
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
