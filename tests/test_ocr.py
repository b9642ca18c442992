"""Scans and photos read by OCR (issue 31): only where needed, with the layout of a text PDF,
said so everywhere, and harmless when hostile.

The pictures are our own sample PDFs drawn by pdfium and then roughened (tests/scans.py): grain,
JPEG, a slight turn, a phone photo's perspective. The text layer of the same PDF is the truth.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zlib

import pytest
from builders import raw_pdf
from click.testing import CliRunner
from scans import image_pdf, jpeg, noisy, page_images, photographed, png, turned

from resumematch import parse
from resumematch.cli import cli
from resumematch.errors import CorruptDocumentError, DocumentTooLargeError, NoTextLayerError, UnsupportedFormatError
from resumematch.parsers import ocr
from resumematch.skills import extract_skills

# Under CI the engine is installed (the ocr extra): a missing engine fails there instead of skipping.
needs_ocr = pytest.mark.skipif(
    not ocr.available() and os.environ.get("CI", "").lower() not in ("1", "true"),
    reason="the OCR engine is not installed (pip install 'resumematch[ocr]')",
)
MISSING = "install resumematch[ocr] to read scanned resumes"
UNTIMED = {"timeout_seconds": 0}


def skill_ids(document) -> set[str]:
    return {m.skill_id for m in extract_skills(document)}


def section_names(document) -> list[str]:
    return [s.name for s in document.sections]


@pytest.fixture(scope="module")
def drawn(samples):
    """Each quality sample's first page drawn at 150, 200 and 300 dpi, once for the module."""
    return {(name, dpi): page_images(str(samples / f"{name}.pdf"), dpi)[0]
            for name in ("network-engineer", "technical-support") for dpi in (150, 200, 300)}


# (sample, dpi, how the picture was made, file name)
PICTURES = [
    ("network-engineer", 200, lambda im: jpeg(noisy(im)), "scan.jpg"),
    ("network-engineer", 200, lambda im: png(turned(noisy(im, 10.0), 1.5)), "askew.png"),
    ("network-engineer", 200, lambda im: jpeg(photographed(noisy(im, 10.0))), "photo.jpg"),
    ("technical-support", 200, lambda im: jpeg(noisy(im)), "scan.jpg"),
    ("technical-support", 200, lambda im: png(turned(noisy(im, 10.0), -1.5)), "askew.png"),
    ("technical-support", 200, lambda im: jpeg(photographed(noisy(im, 10.0))), "photo.jpg"),
    ("network-engineer", 150, png, "small.png"),
    ("technical-support", 300, png, "large.png"),
]


@pytest.fixture(scope="module")
def readings(samples, drawn):
    """(text-layer Document, picture Document) for each picture, read once for the module."""
    truth = {name: parse(samples / f"{name}.pdf") for name in ("network-engineer", "technical-support")}
    # No time budget here: these tests are about what is read, and a shared machine can be slow.
    return [(name, dpi, file_name, truth[name], parse(make(drawn[(name, dpi)]), name=file_name, limits=UNTIMED))
            for name, dpi, make, file_name in PICTURES]


@needs_ocr
def test_pictures_at_200_dpi_find_the_text_layers_skills_and_no_others(readings):
    """The issue's bar: at 200 dpi, at least 95% of the skills the text layer gives are found in
    the picture (grain, JPEG, a turn, a phone photo), and no skill the text layer lacks."""
    found = expected = 0
    for name, dpi, file_name, truth, picture in readings:
        if dpi != 200:
            continue
        want, got = skill_ids(truth), skill_ids(picture)
        assert not got - want, f"{name} {file_name}: skills the text layer lacks: {sorted(got - want)}"
        found += len(want & got)
        expected += len(want)
    assert found >= 0.95 * expected, f"{found} of {expected} text-layer skills found"


@needs_ocr
def test_pictures_at_other_resolutions_read_the_same_sections_in_the_same_order(readings):
    for name, dpi, file_name, truth, picture in readings:
        assert section_names(picture) == section_names(truth), f"{name} at {dpi} dpi ({file_name})"
        assert skill_ids(picture) <= skill_ids(truth), f"{name} at {dpi} dpi ({file_name})"


@needs_ocr
def test_pictures_say_how_they_were_read(readings):
    for _, _, file_name, _, picture in readings:
        assert picture.format == ("jpg" if file_name.endswith(".jpg") else "png")
        assert picture.ocr["pages"] == [1]
        assert 0 < picture.ocr["confidence"] <= 100
        assert any(w.startswith("read by OCR") for w in picture.warnings)


@needs_ocr
def test_a_two_column_scan_reads_column_by_column_like_its_pdf(samples, drawn):
    """The sidebar of the two-column sample comes whole, then the main column: the words of
    OCR go through the same layout stage as a PDF's."""
    truth = parse(samples / "network-engineer.pdf")
    scan = parse(image_pdf([drawn[("network-engineer", 200)]], 200), name="scan.pdf", limits=UNTIMED)
    assert scan.layout.columns == 2 == truth.layout.columns
    assert section_names(scan) == section_names(truth)
    # The sidebar's skills list ends before the summary of the main column starts, in both.
    for document in (truth, scan):
        assert document.text.index("Project management") < document.text.index("SUMMARY")
    assert scan.ocr["pages"] == [1]


@needs_ocr
def test_a_mixed_pdf_reads_its_text_page_and_ocrs_only_its_picture_page(samples, drawn):
    import pypdfium2

    mixed = pypdfium2.PdfDocument(str(samples / "weak-match.pdf"))
    scanned = pypdfium2.PdfDocument(image_pdf([_small_text_image("Senior Network Engineer\nBGP and MPLS")], 150))
    mixed.import_pages(scanned)
    buffer = io.BytesIO()
    mixed.save(buffer)
    document = parse(buffer.getvalue(), name="mixed.pdf", limits=UNTIMED)
    assert document.pages == 2
    assert document.ocr["pages"] == [2]  # page 1 has a text layer: never OCR'd
    text_layer = parse(samples / "weak-match.pdf").text
    assert document.text.startswith(text_layer[:200])
    assert "Senior Network Engineer" in document.text


def test_a_text_pdf_is_never_ocrd(samples, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("OCR ran on a page with a text layer")

    monkeypatch.setattr(ocr, "recognize", refuse)
    monkeypatch.setattr("resumematch.parsers.pdf_ocr.recognize", refuse)
    for path in sorted(samples.glob("*.pdf")):
        assert parse(path).ocr is None


# -- without the engine -------------------------------------------------------------------


def _no_engine(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)


def _small_text_image(words: str = "Network Technician\nCCNA certified, fiber splicing", size=(900, 260)):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).multiline_text((30, 30), words, fill="black", font=ImageFont.load_default(size=36))
    return image


def _save(image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def test_without_the_engine_a_picture_says_how_to_read_it_in_one_line(monkeypatch, tmp_path):
    _no_engine(monkeypatch)
    path = tmp_path / "photo.png"
    path.write_bytes(_save(_small_text_image(), "PNG"))
    with pytest.raises(NoTextLayerError, match="install resumematch\\[ocr\\] to read scanned resumes"):
        parse(path)
    monkeypatch.setenv("RESUMEMATCH_MEMORY_LIMIT_MB", "0")  # read in this process, where the patch holds
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and MISSING in result.stderr and "Traceback" not in result.stderr


def test_without_the_engine_a_scanned_pdf_says_how_to_read_it(monkeypatch, drawn):
    _no_engine(monkeypatch)
    with pytest.raises(NoTextLayerError, match="no text layer \\(scanned image\\?\\): install resumematch\\[ocr\\]"):
        parse(image_pdf([drawn[("network-engineer", 150)]], 150), name="scan.pdf")


def test_without_the_engine_rank_skips_pictures_saying_why(monkeypatch):
    from resumematch.screening.kinds import skip_reason_by_content, skip_reason_by_name

    _no_engine(monkeypatch)
    assert MISSING in skip_reason_by_name("applicants/ana.png")
    assert MISSING in skip_reason_by_content("ana", _save(_small_text_image(), "PNG"))


def test_rank_skips_a_logo_but_takes_a_page_sized_picture(monkeypatch):
    from PIL import Image

    from resumematch.screening.kinds import skip_reason_by_content

    monkeypatch.setattr(ocr, "available", lambda: True)
    assert "too small to be a page" in skip_reason_by_content("logo.png", _save(Image.new("RGB", (120, 60), "red"), "PNG"))
    assert skip_reason_by_content("scan.png", _save(Image.new("L", (1700, 2200), 255), "PNG")) is None


# -- hostile pictures -----------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _pixel_bomb_png(width: int = 50_000, height: int = 50_000) -> bytes:
    """A PNG whose header promises 2.5 billion pixels, in a few kilobytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * (width + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", rows) + _png_chunk(b"IEND", b"")


def _pdf_with_a_huge_image() -> bytes:
    """A page whose picture declares 50,000 x 50,000 pixels: a small Flate stream that would
    decode to gigabytes."""
    data = zlib.compress(b"\0" * 1_000_000, 9)
    image = (b"<< /Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)) + data + b"\nendstream"
    return raw_pdf([b"q 400 0 0 500 100 100 cm /Im1 Do Q"], xobjects={"Im1": image})


def _sixteen_bit(image) -> bytes:
    import numpy

    from PIL import Image

    return _save(Image.fromarray(numpy.asarray(image.convert("L"), dtype=numpy.uint16) * 257), "PNG")


def _transparent() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGBA", (900, 260), (0, 0, 0, 0))  # black where it is transparent
    ImageDraw.Draw(image).multiline_text((30, 30), "Network Technician\nCCNA certified, fiber splicing",
                                         fill=(0, 0, 0, 255), font=ImageFont.load_default(size=36))
    return _save(image, "PNG")


HOSTILE = {
    # name: (file name, bytes, error type or None when it reads, words of the message or text)
    "pixel-bomb-png": ("bomb.png", lambda: _pixel_bomb_png(), DocumentTooLargeError, "50,000 x 50,000 pixels"),
    "pdf-image-bomb": ("bomb.pdf", lambda: _pdf_with_a_huge_image(), DocumentTooLargeError, "50,000 x 50,000 pixels"),
    "truncated-png": ("cut.png", lambda: _save(_small_text_image(), "PNG")[:3000], CorruptDocumentError, "could not be read as PNG"),
    "truncated-jpeg": ("cut.jpg", lambda: _save(_small_text_image(), "JPEG")[:2000], CorruptDocumentError, "could not be read as JPEG"),
    "png-magic-only": ("photo.png", lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), CorruptDocumentError, "could not be read as PNG"),
    "gif": ("photo.gif", lambda: _save(_small_text_image(), "GIF"), UnsupportedFormatError, "GIF"),
    "too-many-tiff-pages": ("pages.tiff", lambda: _save(_small_text_image(), "TIFF", save_all=True,
                                                          append_images=[_small_text_image()] * 11), DocumentTooLargeError, "more than 10 pages"),
    "cmyk-jpeg": ("cmyk.jpg", lambda: _save(_small_text_image().convert("CMYK"), "JPEG"), None, "CCNA certified"),
    "palette-png": ("palette.png", lambda: _save(_small_text_image().convert("P"), "PNG"), None, "CCNA certified"),
    "transparent-png": ("alpha.png", _transparent, None, "CCNA certified"),
    "sixteen-bit-png": ("deep.png", lambda: _sixteen_bit(_small_text_image()), None, "CCNA certified"),
    "one-bit-fax-tiff": ("fax.tif", lambda: _save(_small_text_image().convert("1"), "TIFF", compression="group4"), None, "CCNA certified"),
    "absurd-dpi": ("dpi.png", lambda: _save(_small_text_image(), "PNG", dpi=(1, 1)), None, "CCNA certified"),
    "absurd-dpi-high": ("dpi.png", lambda: _save(_small_text_image(), "PNG", dpi=(10**7, 10**7)), None, "CCNA certified"),
}


@needs_ocr
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_picture_is_one_clear_error_or_read_as_it_shows(case, tmp_path):
    file_name, make, error_type, words = HOSTILE[case]
    path = tmp_path / file_name
    path.write_bytes(make())
    if error_type is None:
        document = parse(path)
        assert words in document.text
        assert document.read_by_ocr
        return
    with pytest.raises(error_type) as caught:
        parse(path)
    assert str(caught.value).startswith(f"{path}: ") and words in str(caught.value)


@needs_ocr
def test_a_multi_page_tiff_is_read_page_by_page_and_an_animated_png_by_its_first_frame():
    second = _small_text_image("Second page\nFiber optics")
    tiff = parse(_save(_small_text_image(), "TIFF", save_all=True, append_images=[second]), name="pages.tiff")
    assert tiff.format == "tiff" and tiff.pages == 2 and tiff.ocr["pages"] == [1, 2]
    assert "Fiber optics" in tiff.text
    animated = parse(_save(_small_text_image(), "PNG", save_all=True, append_images=[second]), name="moving.png")
    assert "Fiber optics" not in animated.text
    assert any("only its first frame" in w for w in animated.warnings)


@needs_ocr
def test_ocr_pages_past_the_limit_refuse_the_pdf(drawn):
    scan = image_pdf([_small_text_image()] * 2, 150)
    with pytest.raises(DocumentTooLargeError, match="more than 1 pages that are images"):
        parse(scan, name="scan.pdf", limits={"max_ocr_pages": 1})


@needs_ocr
def test_ocr_time_counts_in_the_time_budget(drawn):
    from resumematch.errors import ParseTimeoutError

    with pytest.raises(ParseTimeoutError):
        parse(png(drawn[("technical-support", 300)]), name="slow.png", limits={"timeout_seconds": 0.3})


@needs_ocr
def test_a_pixel_bomb_in_rank_is_one_error_row(tmp_path):
    (tmp_path / "bomb.png").write_bytes(_pixel_bomb_png())
    (tmp_path / "ok.png").write_bytes(_save(_small_text_image(size=(900, 600)), "PNG"))
    result = CliRunner().invoke(cli, ["rank", str(tmp_path), "--job", "network-technician", "--format", "json",
                                      "--no-cache", "--workers", "1", "--no-log"])
    assert result.exit_code == 0, result.output
    rows = {os.path.basename(r["source"]): r for r in json.loads(result.stdout)["results"]}
    assert rows["bomb.png"]["status"] == "error" and "pixels" in rows["bomb.png"]["error"]
    assert rows["ok.png"]["status"] == "ok" and rows["ok.png"]["read_by_ocr"] is True
    assert rows["ok.png"]["ocr"]["pages"] == [1]


# -- said so ----------------------------------------------------------------------------------


@needs_ocr
def test_parse_json_says_the_format_and_the_ocr(tmp_path):
    path = tmp_path / "resume.jpg"
    path.write_bytes(_save(_small_text_image(), "JPEG"))
    result = CliRunner().invoke(cli, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "jpg"
    assert data["ocr"]["pages"] == [1] and 0 < data["ocr"]["confidence"] <= 100


def test_a_text_pdf_says_ocr_null(samples):
    result = CliRunner().invoke(cli, ["parse", str(samples / "weak-match.pdf"), "--format", "json"])
    assert json.loads(result.stdout)["ocr"] is None


def _ocr_resume(confidence: float, low_pages: list[int]):
    from dataclasses import replace

    from resumematch.skills import analyse

    document = parse(b"Network Technician with CCNA. Experience: configured routers and DHCP for 300 homes.",
                     name="scan.png.txt")
    document = replace(document, format="png", ocr={"pages": [1], "confidence": confidence,
                                                    "low_confidence_pages": low_pages, "page_confidence": {"1": confidence}})
    return analyse(document)


def test_a_poorly_read_picture_gets_the_image_advice_first():
    from resumematch.jobs import load_job
    from resumematch.scoring import match
    from resumematch.suggestions import suggest

    job = load_job("network-technician")
    for confidence, first in ((41.0, True), (93.0, False)):
        resume = _ocr_resume(confidence, [1] if confidence < ocr.LOW_CONFIDENCE else [])
        advice = suggest(resume, job, match(resume, job))
        image = [s for s in advice if s.message.startswith("this file is an image: ATS software will not read it; "
                                                           "send the PDF your editor exports")]
        assert len(image) == 1
        assert (advice[0] is image[0]) is first


def test_the_rank_row_and_report_name_the_pages_read_poorly():
    from resumematch.render.check import ocr_line
    from resumematch.render.ranking import ocr_flag

    resume = _ocr_resume(52.0, [1])
    assert "read poorly: page 1" in ocr_line(resume.document)
    assert ocr_flag({"pages": [1, 2], "confidence": 52.0, "low_confidence_pages": [2]}) == \
        "read by OCR (confidence 52), poorly read: page 2"


@needs_ocr
def test_the_web_page_and_its_api_say_a_picture_was_read_by_ocr():
    if not os.environ.get("CI"):
        pytest.importorskip("fastapi.testclient")
    from fastapi.testclient import TestClient

    from resumematch.web import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1:8000")
    picture = _save(_small_text_image("Network Technician\nConfigured DHCP and VLANs", size=(900, 600)), "PNG")
    page = client.post("/", files={"resume": ("scan.png", picture, "image/png")}, data={"job": "network-technician"})
    assert page.status_code == 200
    assert "Read by OCR from an image (page 1; mean word confidence" in page.text
    assert "this file is an image: ATS software will not read it" in page.text
    api = client.post("/api/check", files={"resume": ("scan.png", picture, "image/png")}, data={"job": "network-technician"})
    assert api.status_code == 200 and api.json()["ocr"]["pages"] == [1]
