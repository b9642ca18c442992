"""Refuse PDFs whose drawings draw themselves, before any reader draws a page.

A form XObject is a drawing a page (or another form) paints with ``/Name Do``. One that paints
itself, directly or through others, never ends; one that paints another twice, which paints
another twice, forty levels deep, asks for a trillion drawings. pdfium follows either until
memory runs out, inside C code the time budget cannot stop, and pdfminer until its recursion
gives up. So before a page is read, the forms each page reaches are walked once (each form's
content scanned for ``Do``, names decoded) and the document is refused when a form reaches
itself or a page would paint more than ``MAX_FORM_DRAWS`` forms.
"""

from __future__ import annotations

import re

from pdfminer.pdftypes import PDFStream, resolve1

from ..errors import DocumentTooLargeError, UnsafeDocumentError
from .pdf_streams import decode_names

MAX_FORM_DRAWS = 10_000  # forms painted on one page; a resume paints a handful
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")


class _Cycle(Exception):
    pass


def check_forms(pages, source: str) -> None:
    """``pages``: pdfminer PDFPage objects. Raises before anything is drawn."""
    draws: dict[int, int] = {}  # form -> forms it paints, all levels, capped past the limit
    for number, page in enumerate(pages, start=1):
        resources = resolve1(page.resources) or {}
        if not _has_forms(resources):
            continue  # most pages: nothing to walk, and the content is not inflated twice
        contents = b"".join(_data(stream) for stream in _streams(page.contents))
        try:
            total = _painted(contents, resources, draws, set())
        except _Cycle:
            raise UnsafeDocumentError(
                source,
                f"page {number} holds a drawing that draws itself (a self-referencing form XObject); "
                "refusing it: export the resume to PDF again",
            ) from None
        if total > MAX_FORM_DRAWS:
            raise DocumentTooLargeError(
                source,
                f"page {number} paints more than {MAX_FORM_DRAWS:,} nested drawings (form XObjects); "
                "refusing it: export the resume to PDF again",
            )


def _painted(content: bytes, resources, draws: dict[int, int], path: set[int]) -> int:
    """How many forms ``content`` paints, nested ones included (at most MAX_FORM_DRAWS + 1)."""
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return 0
    total = 0
    for raw_name in _DO.findall(content):
        name = decode_names(raw_name).decode("latin-1")
        form = resolve1(xobjects.get(name))
        if not isinstance(form, PDFStream) or _name(form.attrs.get("Subtype")) != "Form":
            continue
        key = form.objid if getattr(form, "objid", None) is not None else id(form)
        if key in path:
            raise _Cycle()
        if key not in draws:
            path.add(key)
            try:
                # A form without resources of its own uses those of what paints it.
                inner = resolve1(form.attrs.get("Resources")) or resources
                draws[key] = _painted(_data(form), inner, draws, path)
            finally:
                path.discard(key)
        total = min(total + 1 + draws[key], MAX_FORM_DRAWS + 1)
        if total > MAX_FORM_DRAWS:
            break
    return total


def page_contents(pages) -> list:
    """The content streams of pdfplumber ``pages``."""
    return [stream for page in pages for stream in _streams(page.page_obj.contents)]


def _has_forms(resources) -> bool:
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return False
    return any(isinstance(x := resolve1(v), PDFStream) and _name(x.attrs.get("Subtype")) == "Form"
               for v in xobjects.values())


def _streams(contents) -> list:
    contents = resolve1(contents)
    if isinstance(contents, list):
        return [resolve1(c) for c in contents]
    return [contents] if contents is not None else []


def _data(stream) -> bytes:
    if not isinstance(stream, PDFStream):
        return b""
    try:
        return stream.get_data() or b""
    except MemoryError:
        raise
    except Exception:  # a damaged stream: the readers will say what is wrong with it
        return b""


def _name(value) -> str:
    value = resolve1(value)
    return getattr(value, "name", str(value))
