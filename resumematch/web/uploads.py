"""Form uploads read in memory, never on disk, with their size limits enforced while streaming.

Starlette's own form parser spools files over 1 MB to a temporary file; resumes are personal
data, so this module feeds the request body to python-multipart's streaming parser and keeps
each part in memory, stopping at the first byte past a limit (413 before the rest is read).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header


class UploadError(Exception):
    """A request the page answers with a one-line message and an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Upload:
    name: str  # the form field
    filename: str | None  # None for a plain text field
    data: bytes


@dataclass
class Form:
    parts: list[Upload] = field(default_factory=list)

    def text(self, name: str, default: str = "") -> str:
        for part in self.parts:
            if part.name == name and part.filename is None:
                return part.data.decode("utf-8", "replace")
        return default

    def texts(self, name: str) -> list[str]:
        return [p.data.decode("utf-8", "replace") for p in self.parts if p.name == name and p.filename is None]

    def files(self, name: str) -> list[Upload]:
        """Uploaded files of a field; a browser sends an empty part when none was chosen."""
        return [p for p in self.parts if p.name == name and p.filename is not None and (p.filename or p.data)]

    def file(self, name: str) -> Upload | None:
        found = self.files(name)
        return found[0] if found else None


@dataclass
class Limits:
    file_bytes: int  # one uploaded file
    total_bytes: int  # the whole request
    text_bytes: int = 2 * 2**20  # one text field (a pasted posting)
    parts: int = 10_000


async def read_form(request, limits: Limits) -> Form:
    """The multipart form of ``request``, in memory. Raises UploadError (400, 413, 415)."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.total_bytes:
        raise UploadError(413, f"the upload is {_mb(int(declared))}, more than the {_mb(limits.total_bytes)} limit; send fewer or smaller files")
    if content_type == b"application/x-www-form-urlencoded":
        return await _read_urlencoded(request, limits)
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise UploadError(415, "send the form as multipart/form-data (a browser form with a file field does)")

    form = Form()
    state = {"headers": {}, "field": b"", "value": b"", "chunks": [], "size": 0, "error": None}

    def on_part_begin():
        state.update(headers={}, chunks=[], size=0)

    def on_header_field(data, start, end):
        state["field"] += data[start:end]

    def on_header_value(data, start, end):
        state["value"] += data[start:end]

    def on_header_end():
        state["headers"][state["field"].decode("latin-1").lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_part_data(data, start, end):
        if state["error"]:
            return
        state["size"] += end - start
        filename = _disposition(state["headers"])[1]
        cap = limits.file_bytes if filename is not None else limits.text_bytes
        if state["size"] > cap:
            label = filename or "a text field"
            state["error"] = UploadError(413, f"{label}: is larger than the {_mb(cap)} limit; send a smaller file")
            return
        state["chunks"].append(data[start:end])

    def on_part_end():
        if state["error"]:
            return
        name, filename = _disposition(state["headers"])
        if len(form.parts) >= limits.parts:
            state["error"] = UploadError(413, f"more than {limits.parts} files in one upload; send them in parts")
            return
        form.parts.append(Upload(name or "", filename, b"".join(state["chunks"])))

    parser = MultipartParser(options[b"boundary"], {
        "on_part_begin": on_part_begin, "on_part_data": on_part_data, "on_part_end": on_part_end,
        "on_header_field": on_header_field, "on_header_value": on_header_value, "on_header_end": on_header_end,
    })
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limits.total_bytes:
                raise UploadError(413, f"the upload is more than the {_mb(limits.total_bytes)} limit; send fewer or smaller files")
            parser.write(chunk)
            if state["error"]:
                raise state["error"]
        parser.finalize()
    except UploadError:
        raise
    except Exception:  # python-multipart's parse errors: a damaged or truncated request
        raise UploadError(400, "the upload was damaged or cut short; send the form again") from None
    if state["error"]:
        raise state["error"]
    return form


async def _read_urlencoded(request, limits: Limits) -> Form:
    """A form of text fields only (``curl -d text=...``): the resume's text, the job's fields."""
    from urllib.parse import parse_qsl

    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limits.total_bytes:
            raise UploadError(413, f"the request is more than the {_mb(limits.total_bytes)} limit; send less text")
    try:
        fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=limits.parts)
    except (UnicodeDecodeError, ValueError):
        raise UploadError(400, "the form could not be read; send it as UTF-8 (or as multipart/form-data)") from None
    form = Form()
    for name, value in fields:
        data = value.encode("utf-8")
        if len(data) > limits.text_bytes:
            raise UploadError(413, f"{name}: is larger than the {_mb(limits.text_bytes)} limit; send less text")
        form.parts.append(Upload(name, None, data))
    return form


def _disposition(headers: dict) -> tuple[str | None, str | None]:
    _, options = parse_options_header(headers.get("content-disposition", b""))
    name = options.get(b"name")
    filename = options.get(b"filename")
    return (
        name.decode("utf-8", "replace") if name is not None else None,
        _base_name(filename.decode("utf-8", "replace")) if filename is not None else None,
    )


def _base_name(filename: str) -> str:
    """A label, never a path to write to: some browsers send "C:\\Users\\ana\\cv.pdf"; a folder
    upload sends "applicants/ana.pdf", which is kept as written (relative, forward slashes)."""
    return filename.replace("\\", "/").rsplit(":", 1)[-1].lstrip("/")


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size // 1024} KB"
