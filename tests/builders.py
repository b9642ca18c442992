"""Documents the tests build themselves: minimal PDFs written byte by byte, and DOCX packages.

A hand-written PDF lets a test control exactly what the parser sees: glyph names that map to
ligatures, fonts without a Unicode map, words placed without space characters as TeX does.
"""

from __future__ import annotations

import io
import zipfile
import zlib

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def raw_pdf(
    pages: list[bytes],
    *,
    fonts: dict[str, bytes] | None = None,
    xobjects: dict[str, bytes] | None = None,
    compress: bool = False,
    size: tuple[int, int] = (612, 792),
) -> bytes:
    """A valid PDF whose pages draw the given content streams.

    ``fonts`` and ``xobjects`` map resource names to object bodies (dictionaries, or for
    xobjects a full ``<<...>> stream ... endstream``). Identical page streams share one object,
    so a thousand-page PDF stays small.
    """
    fonts = {"F1": HELVETICA} if fonts is None else fonts
    xobjects = xobjects or {}
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font_refs = {name: add(body) for name, body in fonts.items()}
    xobject_refs = {name: add(body) for name, body in xobjects.items()}
    resources = b"<< /Font << " + b" ".join(b"/%s %d 0 R" % (n.encode(), r) for n, r in font_refs.items()) + b" >>"
    if xobject_refs:
        resources += b" /XObject << " + b" ".join(b"/%s %d 0 R" % (n.encode(), r) for n, r in xobject_refs.items()) + b" >>"
    resources += b" >>"
    stream_refs: dict[bytes, int] = {}
    kids = []
    for content in pages:
        if content not in stream_refs:
            data = zlib.compress(content) if compress else content
            flate = b" /Filter /FlateDecode" if compress else b""
            stream_refs[content] = add(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), flate, data))
        kids.append(add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
            % (size[0], size[1], resources, stream_refs[content])
        ))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_stream(*lines: tuple[float, float, bytes], font: bytes = b"F1", size: float = 11) -> bytes:
    """Content drawing each (x, y, operand) with Tj, or TJ when the operand is an array."""
    ops = []
    for x, y, operand in lines:
        operator = b"TJ" if operand.startswith(b"[") else b"Tj"
        ops.append(b"BT /%s %g Tf %g %g Td %s %s ET" % (font, size, x, y, operand, operator))
    return b"\n".join(ops)


def docx_package(document_xml: str, extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX package around a ``word/document.xml``."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra_parts or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body_xml(inner: str, prolog: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog +
        f"<w:document {W_NS}><w:body>{inner}</w:body></w:document>"
    )


def w_p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file around numbered object bodies (1 0 obj is the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def folder_of(path, files: dict[str, str]):
    """A folder at ``path`` holding text files (name -> text): a batch of applicants."""
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def finished_shortlist(client, zip_bytes: bytes, job: str, timeout: float = 60.0) -> str:
    """Upload a zip of resumes to the web page's shortlist (``client``: a TestClient of the app),
    wait for the run to finish, and return the shortlist page's HTML."""
    import time

    started = client.post("/shortlist", files=[("files", ("pool.zip", zip_bytes, "application/zip"))],
                          data={"job": job}, follow_redirects=False)
    location = started.headers["location"]
    deadline = time.monotonic() + timeout
    while not client.get(f"/api{location.replace('/shortlist', '/rank')}").json()["finished"]:
        assert time.monotonic() < deadline, "the shortlist did not finish"
        time.sleep(0.1)
    return client.get(location).text
