"""DESIGN.md's bad-input table: every hostile or broken file gets a typed error and one line."""

from __future__ import annotations

import io
import os
import random
import struct
import subprocess
import sys
import zipfile

import pytest
from builders import body_xml, docx_package, raw_pdf, w_p
from click.testing import CliRunner
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from resumematch import parse
from resumematch.cli import cli
from resumematch.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputNotFoundError,
    NotAFileError,
    NoTextLayerError,
    ParseTimeoutError,
    ResumeMatchError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)


def _reportlab_pdf(text: str = "Network Technician with CCNA", encrypt=None) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=encrypt, invariant=1)
    c.drawString(72, 720, text)
    c.save()
    return buffer.getvalue()


def _sample_docx(samples) -> bytes:
    return (samples / "network-technician.docx").read_bytes()


def _zip_bomb_declared() -> bytes:
    """A DOCX with a 300 MB part of zeros: about 300 KB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body_xml(w_p("Resume")))
        with archive.open("word/media/bomb.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


def _zip_bomb_lying() -> bytes:
    """A part that declares 1 KB in the zip directory but inflates to 200 MB."""
    data = _zip_bomb_declared_small()
    # Patch the uncompressed size in the local header and the central directory entry.
    name = b"word/media/bomb.bin"
    out = bytearray(data)
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        position = 0
        while (position := out.find(signature, position)) != -1:
            name_length = struct.unpack_from("<H", out, position + (26 if signature == b"PK\x03\x04" else 28))[0]
            if out[position + name_offset : position + name_offset + name_length] == name:
                struct.pack_into("<I", out, position + size_offset, 1024)
            position += 4
    return bytes(out)


def _zip_bomb_declared_small() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body_xml(w_p("Resume")))
        archive.writestr("word/media/bomb.bin", b"\0" * (200 << 20))
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
EXTERNAL_ENTITY = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _image_only_pdf() -> bytes:
    image = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n" + bytes(range(64)) + b"\nendstream"
    return raw_pdf([b"q 400 0 0 500 100 100 cm /Im1 Do Q"], xobjects={"Im1": image})


def _ole(streams: list[str]) -> bytes:
    """An OLE compound-file header followed by directory names, as Office writes them."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    return head + b"".join(s.encode("utf-16-le").ljust(64, b"\0") for s in streams) + b"\0" * 1024


CASES = {
    # name: (file name, bytes factory taking the samples folder, error type, words the message must hold)
    "empty": ("empty.pdf", lambda s: b"", EmptyDocumentError, "empty"),
    "whitespace": ("blank.txt", lambda s: b"  \n\t\n", EmptyDocumentError, "empty"),
    "random-bytes": ("noise.bin", lambda s: random.Random(7).randbytes(4096), UnsupportedFormatError, "unsupported format"),
    "random-bytes-named-pdf": ("noise.pdf", lambda s: random.Random(7).randbytes(4096), CorruptDocumentError, "could not be read as PDF"),
    "truncated-pdf": ("cut.pdf", lambda s: (s / "network-technician.pdf").read_bytes()[:1500], CorruptDocumentError, "could not be read as PDF"),
    "truncated-docx": ("cut.docx", lambda s: _sample_docx(s)[: len(_sample_docx(s)) // 2], CorruptDocumentError, "could not be read as DOCX"),
    "encrypted-pdf": ("locked.pdf", lambda s: _reportlab_pdf(encrypt="secret"), EncryptedDocumentError, "remove the password"),
    "encrypted-docx": ("locked.docx", lambda s: _ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), EncryptedDocumentError, "remove the password"),
    "legacy-doc": ("old.doc", lambda s: _ole(["Root Entry", "WordDocument"]), UnsupportedFormatError, "save it as DOCX or PDF"),
    "scanned-pdf": ("scan.pdf", lambda s: _image_only_pdf(), NoTextLayerError, "no text layer (scanned image?)"),
    "webp-image": ("photo.webp", lambda s: b"RIFF\x00\x10\x00\x00WEBPVP8 " + bytes(200), UnsupportedFormatError, "unsupported format"),
    "rtf": ("resume.rtf", lambda s: b"{\\rtf1\\ansi Network technician}", UnsupportedFormatError, "RTF"),
    "spreadsheet": ("skills.xlsx", lambda s: docx_package("<x/>").replace(b"word/document.xml", b"xl/workbook.xml!!"), UnsupportedFormatError, "Excel"),
    "docx-without-text": ("blank.docx", lambda s: docx_package(body_xml("<w:p/>")), EmptyDocumentError, "no text"),
    "zip-bomb": ("bomb.docx", lambda s: _zip_bomb_declared(), DocumentTooLargeError, "zip bomb"),
    "zip-bomb-lying-sizes": ("liar.docx", lambda s: _zip_bomb_lying(), CorruptDocumentError, "could not be read as DOCX"),
    "billion-laughs": ("laughs.docx", lambda s: docx_package(body_xml(w_p("&lol9;"), BILLION_LAUGHS)), UnsafeDocumentError, "DTD"),
    "external-entity": ("xxe.docx", lambda s: docx_package(body_xml(w_p("&xxe;"), EXTERNAL_ENTITY)), UnsafeDocumentError, "DTD"),
    "thousands-of-pages": ("long.pdf", lambda s: raw_pdf([b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"] * 3000), DocumentTooLargeError, "3000 pages"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_raises_a_typed_error_naming_the_file(case, samples, tmp_path):
    file_name, make, error_type, words = CASES[case]
    path = tmp_path / file_name
    path.write_bytes(make(samples))
    with pytest.raises(error_type) as caught:
        parse(path)
    assert isinstance(caught.value, ResumeMatchError)
    assert str(caught.value).startswith(f"{path}: ")
    assert words in str(caught.value)


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_prints_one_error_line_and_exits_1(case, samples, tmp_path):
    file_name, make, _, words = CASES[case]
    path = tmp_path / file_name
    path.write_bytes(make(samples))
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ") and words in lines[0]


def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    prolog = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    with pytest.raises(UnsafeDocumentError) as caught:
        parse(docx_package(body_xml(w_p("&xxe;"), prolog)))
    assert "TOPSECRET" not in str(caught.value)


def test_owner_password_only_pdf_is_readable():
    # Encrypted with an empty user password: every reader opens it, so must we.
    encryption = pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0)
    assert parse(_reportlab_pdf("Fiber splicing and OTDR testing", encrypt=encryption)).text == "Fiber splicing and OTDR testing"


def test_folder_given_as_file(tmp_path):
    with pytest.raises(NotAFileError, match="is a folder"):
        parse(tmp_path)
    result = CliRunner().invoke(cli, ["parse", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {tmp_path}: is a folder")


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFoundError):
        parse(tmp_path / "nope.pdf")
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(DocumentTooLargeError, match="larger than the 20 MB limit"):
        parse(path)
    with pytest.raises(DocumentTooLargeError):
        parse(b"%PDF-1.4 " + b"x" * 2000, limits={"max_bytes": 1000})


def test_page_limit_is_configurable():
    pdf = raw_pdf([b"BT /F1 12 Tf 72 700 Td (Cable modems) Tj ET"] * 3)
    assert parse(pdf, limits={"max_pages": 3}).pages == 3
    with pytest.raises(DocumentTooLargeError):
        parse(pdf, limits={"max_pages": 2})


def _spinning_pdf() -> bytes:
    # 50,000 text operations in a 3 KB file: pdfminer needs about 20 s for it.
    ops = b"BT /F1 1 Tf 10 10 Td " + b"(ab) Tj 0.001 0 Td " * 50000 + b"ET"
    return raw_pdf([ops], compress=True)


def test_time_budget_stops_a_pdf_that_makes_the_parser_spin():
    # pdfium reads this file in a fraction of a second; pdfplumber, the fallback for pages pdfium
    # cannot read faithfully, spins on it.
    with pytest.raises(ParseTimeoutError, match="longer than 1 s"):
        parse(_spinning_pdf(), limits={"timeout_seconds": 1}, pdf_engine="pdfplumber")


def test_time_budget_also_works_off_the_main_thread():
    # No SIGALRM there: the between-pages check must stop a many-page document.
    import threading

    pdf = raw_pdf([b"BT /F1 1 Tf 10 10 Td " + b"(ab) Tj 0.001 0 Td " * 4000 + b"ET"] * 20, compress=True)
    outcome = {}

    def run():
        try:
            parse(pdf, limits={"timeout_seconds": 0.5}, pdf_engine="pdfplumber")
        except ResumeMatchError as error:
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert isinstance(outcome.get("error"), ParseTimeoutError)


def test_limits_validate_themselves():
    with pytest.raises(ValueError):
        parse(b"text", limits={"max_pages": 0})
    with pytest.raises(TypeError):
        parse(b"text", limits=5)


HOSTILE_MEMORY_SCRIPT = """
import resource, sys
sys.path[:0] = sys.argv[1:3]
from test_bad_input import CASES
from resumematch import parse
from resumematch.errors import ResumeMatchError
from pathlib import Path
for name, (file_name, make, error_type, words) in sorted(CASES.items()):
    try:
        parse(make(Path(sys.argv[2])), name=file_name)
    except ResumeMatchError:
        pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_memory_stays_bounded_over_every_hostile_file(samples):
    tests_dir = os.path.dirname(__file__)
    out = subprocess.run(
        [sys.executable, "-c", HOSTILE_MEMORY_SCRIPT, tests_dir, str(samples)],
        capture_output=True, text=True, check=True,
    )
    peak_kib = int(out.stdout.strip().splitlines()[-1])
    assert peak_kib < 1024 * 1024, f"peak RSS {peak_kib / 1024:.0f} MB"
