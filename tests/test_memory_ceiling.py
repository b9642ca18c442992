"""A memory ceiling that holds inside the readers (issue 22): bombs past the pre-check, drawings
that draw themselves. The ceiling is forced low here (a few hundred MB at most), so a bomb is
caught in seconds and the tests are safe on a shared machine."""

from __future__ import annotations

import base64
import faulthandler
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from builders import pdf_from_objects

from resumematch import load_job, parse
from resumematch.errors import DocumentTooLargeError, ParseTimeoutError, UnsafeDocumentError
from resumematch.parsers.isolated import parse_isolated
from resumematch.screening.rank import rank

CEILING_MB = 150
LIMITS = {"max_memory_bytes": CEILING_MB * 2**20, "max_unzipped_bytes": 1 << 40}  # the pre-checks out of the way
RESUME = "Ana Ruiz\nExperience\n- Spliced fiber and tested drops with an OTDR for {n} homes.\n"


@pytest.fixture(autouse=True)
def _a_deliberate_crash_is_captured():
    """A reading child stopped at the ceiling aborts on purpose. pytest's fault handler writes
    its dump ("Fatal Python error: Aborted" and every module's name) to a copy of the terminal
    that no capture reaches, so a passing run would print it. During these tests the handler
    writes to file descriptor 2 instead, which pytest captures (in the forked child too): the
    dump is shown only with a failing test's output."""
    if not faulthandler.is_enabled():
        yield
        return
    faulthandler.enable(file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.enable(file=sys.__stderr__)


def test_a_passing_run_prints_no_crash_dump():
    """The test whose child aborts, run as CI runs it: a passing run says nothing of the crash."""
    test = "test_a_self_drawing_form_the_pre_check_cannot_see_is_stopped_by_the_ceiling_or_the_budget"
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{test}"],
                            capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "Fatal Python error" not in result.stdout + result.stderr


def stream(dictionary: bytes, body: bytes, length: int | None = None) -> bytes:
    return dictionary[:-2] + b" /Length %d >>\nstream\n" % (len(body) if length is None else length) + body + b"\nendstream"


def one_page(contents: bytes, resources: bytes = b"<< >>", extra: list[bytes] = ()) -> bytes:
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + resources + b" >>",
        contents,
        *extra,
    ])


def _zeros(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MB of "0", built from one compressed megabyte repeated (a
    block ended by a full flush refers to nothing before it), so it costs milliseconds to make."""
    chunk = b"0" * (1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    header, block = first[:2], first[2:]
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    return header + block * megabytes + b"\x03\x00" + checksum.to_bytes(4, "big")  # an empty final block


@pytest.fixture(scope="session")
def small_bomb() -> bytes:
    return _zeros(20)  # 20 MB of text in ~20 KB: past a 10 MB pre-check limit


@pytest.fixture(scope="session")
def big_bomb() -> bytes:
    return _zeros(2 * CEILING_MB)  # twice the forced ceiling


@pytest.fixture(scope="session")
def bomb_under_the_pre_check() -> bytes:
    return _zeros(90)  # under the 100 MB the pre-check allows, over a ceiling of 40 MB


# --- the pre-check reads the bytes, not the spelling -----------------------------------------------

SPELLINGS = {
    "a name with #xx escapes": lambda bomb: one_page(stream(b"<< /Filter /Fl#61te#44ecode >>", bomb)),
    "a long entry before stream": lambda bomb: one_page(
        stream(b"<< /Filter /FlateDecode /Pad (" + b"x" * 20_000 + b") >>", bomb)),
    "the filter held in another object": lambda bomb: one_page(stream(b"<< /Filter 5 0 R >>", bomb),
                                                              extra=[b"/FlateDecode"]),
    "an ASCII85 layer over Flate": lambda bomb: one_page(
        stream(b"<< /Filter [/A85 /FlateDecode] >>", base64.a85encode(bomb) + b"~>")),
    "an escaped abbreviation in an array": lambda bomb: one_page(stream(b"<< /Filter [/F#6C] >>", bomb)),
}


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_flate_bomb_is_refused_however_its_filter_is_spelled(spelling, small_bomb):
    with pytest.raises(DocumentTooLargeError, match="inflates past 10 MB"):
        parse(SPELLINGS[spelling](small_bomb), name="bomb.pdf", limits={"max_unzipped_bytes": 10 * 2**20})


# --- the ceiling holds what the pre-check lets through -----------------------------------------------

def test_a_content_stream_that_calls_itself_an_image_is_counted_as_content(big_bomb):
    with pytest.raises(DocumentTooLargeError, match="page content that inflates past 100 MB"):
        parse(_image_labelled_bomb(big_bomb), name="bomb.pdf")


def _image_labelled_bomb(bomb: bytes) -> bytes:
    """A page whose content stream calls itself an image: the pre-check leaves images alone
    (text readers never inflate them), but a page's contents are inflated whatever they say."""
    return one_page(stream(b"<< /Subtype /Image /Filter /FlateDecode >>", bomb))


def test_a_bomb_past_the_pre_check_is_one_line_from_check_under_the_ceiling(tmp_path, bomb_under_the_pre_check):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_image_labelled_bomb(bomb_under_the_pre_check))
    result = subprocess.run(
        [sys.executable, "-m", "resumematch", "check", str(path), "--job", "isp-technician"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "RESUMEMATCH_MEMORY_LIMIT_MB": "40"},
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"Error: {path}: too large to read safely "
                                                  "(its content needs more memory than a resume can); export it again"]


def test_a_bomb_past_the_pre_check_is_one_error_row_and_every_other_row_is_kept(tmp_path, big_bomb):
    folder = tmp_path / "pool"
    folder.mkdir()
    for n in range(3):
        (folder / f"cv{n}.txt").write_text(RESUME.format(n=n))
    (folder / "bomb.pdf").write_bytes(_image_labelled_bomb(big_bomb))
    with zipfile.ZipFile(folder / "more.zip", "w") as archive:  # the same bomb inside a zip
        archive.writestr("inside/bomb.pdf", _image_labelled_bomb(big_bomb))
        archive.writestr("inside/cv9.txt", RESUME.format(n=9))
    outcome = rank([str(folder)], load_job("isp-technician"), workers=2, limits=LIMITS)
    rows = {Path(r.source.split("!")[-1]).name: r for r in outcome.rows}
    assert sorted(rows) == ["bomb.pdf", "cv0.txt", "cv1.txt", "cv2.txt", "cv9.txt"] and len(outcome.rows) == 6
    errors = [r for r in outcome.rows if r.status == "error"]
    assert len(errors) == 2 and all("too large to read safely" in r.error for r in errors)


def test_the_library_reads_under_the_ceiling_too(big_bomb):
    with pytest.raises(DocumentTooLargeError, match="too large to read safely"):
        parse_isolated(_image_labelled_bomb(big_bomb), name="bomb.pdf", limits=LIMITS)
    text = parse_isolated(RESUME.format(n=1).encode(), name="ok.txt", limits=LIMITS).text
    assert "OTDR" in text


# --- drawings that draw themselves ------------------------------------------------------------------

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Configured BGP and OSPF) Tj ET "


def _form(body: bytes, xobjects: bytes) -> bytes:
    return stream(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject " + xobjects + b" >> >>", body)


SELF_DRAWING = {
    "a form that paints itself twice": (b"/X1 Do", [_form(b"/X1 Do /X1 Do", b"<< /X1 5 0 R >>")]),
    "two forms that paint each other": (b"/X1 Do", [_form(b"/X2 Do", b"<< /X2 6 0 R >>"), _form(b"/X1 Do", b"<< /X1 5 0 R >>")]),
    "a self-reference through an escaped name": (b"/X#31 Do", [_form(b"/#581 Do", b"<< /X1 5 0 R >>")]),
}


@pytest.mark.parametrize("case", SELF_DRAWING)
@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_a_drawing_that_draws_itself_is_refused_before_it_is_drawn(case, engine):
    painting, forms = SELF_DRAWING[case]
    resources = b"<< /Font << /F1 7 0 R >> /XObject << /X1 5 0 R >> >>"
    forms = forms + [b"<< >>"] * (2 - len(forms))
    data = one_page(stream(b"<< >>", TEXT + painting), resources, [*forms, HELVETICA])
    with pytest.raises(UnsafeDocumentError, match="draws itself"):
        parse(data, name="loop.pdf", limits={"timeout_seconds": 10}, pdf_engine=engine)


def test_forms_nested_two_by_two_forty_deep_are_refused():
    # No cycle, but 2**40 drawings: form n paints form n+1 twice.
    depth = 40
    forms = [_form(b"/N Do /N Do", b"<< /N %d 0 R >>" % (7 + n)) for n in range(depth)] + [_form(b"", b"<< >>")]
    data = one_page(stream(b"<< >>", TEXT + b"/N Do"), b"<< /Font << /F1 5 0 R >> /XObject << /N 6 0 R >> >>",
                    [HELVETICA, *forms])
    with pytest.raises(DocumentTooLargeError, match="nested drawings"):
        parse(data, name="fan.pdf", limits={"timeout_seconds": 10})


def test_a_page_that_paints_a_form_of_text_reads_normally():
    form = stream(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> >>",
                  b"BT /F1 12 Tf 72 700 Td (Installed fiber drops) Tj ET")
    data = one_page(stream(b"<< >>", TEXT + b"/F Do"), b"<< /Font << /F1 6 0 R >> /XObject << /F 5 0 R >> >>",
                    [form, HELVETICA])
    assert "Installed fiber drops" in parse(data, name="form.pdf").text


def test_a_self_drawing_form_the_pre_check_cannot_see_is_stopped_by_the_ceiling_or_the_budget():
    # A wrong /Length hides the form from pdfminer; pdfium draws it anyway, without end.
    form = _form(b"/X1 Do /X1 Do", b"<< /X1 5 0 R >>").replace(b"/Length 13", b"/Length 40")
    data = one_page(stream(b"<< >>", TEXT + b"/X1 Do"), b"<< /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >>",
                    [form, HELVETICA])
    with pytest.raises((DocumentTooLargeError, ParseTimeoutError, UnsafeDocumentError)):
        parse_isolated(data, name="hidden-loop.pdf", limits={**LIMITS, "timeout_seconds": 2})
