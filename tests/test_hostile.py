"""Hostile files and faults: each class with the smallest setup that shows it (issue 12, first part)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import pdf_from_objects
from click.testing import CliRunner

from resumematch import load_job
from resumematch.cli import cli
from resumematch.screening.rank import rank

RESUME = "Ana Ruiz\nExperience\n- Spliced fiber and tested drops with an OTDR for {n} homes.\n"


def _zip(path: Path, entries: list[tuple[str, bytes]], **info_kwargs) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name)
            for key, value in info_kwargs.get(name, {}).items():
                setattr(info, key, value)
            archive.writestr(info, data)
    return path


def _patch_entry(archive: Path, name: str, local_offset: int, central_offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of ``name``'s local header and central directory record."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as reading:
        info = reading.getinfo(name)
    struct.pack_into(fmt, data, info.header_offset + local_offset, value)
    start = data.index(b"PK\x01\x02")
    while start != -1:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name.encode():
            struct.pack_into(fmt, data, start + central_offset, value)
        start = data.find(b"PK\x01\x02", start + 46)
    archive.write_bytes(bytes(data))


def statuses(paths, **kwargs) -> dict[str, str]:
    outcome = rank([str(p) for p in paths], load_job("isp-technician"), workers=1, **kwargs)
    return {Path(r.source).name if "!" not in r.source else r.source.split("!", 1)[1]: (r.status, r.error) for r in outcome.rows}


# --- inputs that would block or crash a run -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_among_inputs_is_an_error_row_not_a_hang(tmp_path):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    os.mkfifo(tmp_path / "pipe.pdf")
    rows = statuses([tmp_path])
    assert rows["ana.txt"][0] != "error"
    assert rows["pipe.pdf"][0] == "error" and "not a regular file" in rows["pipe.pdf"][1]
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "pipe.pdf")])
    assert result.exit_code == 1 and "is not a regular file" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="no /proc on this system")
def test_parse_proc_self_mem_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "resumematch", "parse", "/proc/self/mem"], capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.startswith("Error: /proc/self/mem: ") and "Traceback" not in result.stderr


# --- zip archives ---------------------------------------------------------------------------------


def test_zip_entry_marked_encrypted_is_a_row(tmp_path):
    archive = _zip(tmp_path / "a.zip", [("ok.txt", RESUME.format(n=1).encode()), ("locked.txt", b"x" * 200)])
    _patch_entry(archive, "locked.txt", 6, 8, "<H", 0x1)  # general purpose flag bit 0: encrypted
    rows = statuses([archive])
    assert rows["ok.txt"][0] != "error" and rows["locked.txt"][0] == "error" and "encrypted" in rows["locked.txt"][1]


def test_zip_entry_failing_its_crc_is_a_row(tmp_path):
    archive = _zip(tmp_path / "a.zip", [("ok.txt", RESUME.format(n=1).encode()), ("bad.txt", RESUME.format(n=2).encode())])
    data = bytearray(archive.read_bytes())
    at = data.index(b"for 2 homes")  # the stored bytes of the second entry
    data[at] ^= 0x01
    archive.write_bytes(bytes(data))
    rows = statuses([archive])
    assert rows["ok.txt"][0] != "error" and rows["bad.txt"][0] == "error" and "damaged" in rows["bad.txt"][1]


def test_zip_entry_with_an_unsupported_compression_is_a_row(tmp_path):
    archive = _zip(tmp_path / "a.zip", [("ok.txt", RESUME.format(n=1).encode()), ("odd.txt", RESUME.format(n=2).encode())])
    _patch_entry(archive, "odd.txt", 8, 10, "<H", 99)  # compression method 99: nobody supports it
    rows = statuses([archive])
    assert rows["ok.txt"][0] != "error" and rows["odd.txt"][0] == "error" and "compression" in rows["odd.txt"][1]


def test_two_zip_entries_with_one_name_are_two_rows_with_their_own_content(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name, which is the point
        archive = _zip(tmp_path / "a.zip", [("cv.txt", RESUME.format(n=1).encode()), ("cv.txt", b"Bo Lind\nExperience\n- Sold plans.\n")])
    outcome = rank([str(archive)], load_job("isp-technician"), workers=1)
    assert len(outcome.rows) == 2 and len({r.source for r in outcome.rows}) == 2
    assert len({r.words_hash for r in outcome.rows}) == 2 and "duplicate" not in {r.status for r in outcome.rows}


def test_a_zip_is_opened_once_however_many_entries(tmp_path, monkeypatch):
    archive = _zip(tmp_path / "many.zip", [(f"cv{n:03}.txt", RESUME.format(n=n).encode()) for n in range(60)])
    opened = []
    original = zipfile.ZipFile.__init__

    def counting(self, file, *args, **kwargs):
        opened.append(file)
        original(self, file, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting)
    outcome = rank([str(archive)], load_job("isp-technician"), workers=1)
    assert len(outcome.rows) == 60
    assert len([f for f in opened if str(f) == str(archive)]) <= 3  # sniffing, listing, reading: not once per entry


# --- the parse cache --------------------------------------------------------------------------------


def test_two_runs_at_once_on_one_cache(tmp_path, samples):
    cache = tmp_path / "cache.sqlite3"
    command = [sys.executable, "-m", "resumematch", "rank", str(samples), "--job", "isp-technician",
               "--cache", str(cache), "--format", "csv", "--workers", "1", "--quiet"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    for _, err in results:
        assert "database is locked" not in err and "Traceback" not in err, err
    assert results[0][0] == results[1][0]


def test_a_damaged_cache_is_a_warning_and_the_run_goes_on(tmp_path):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    result = CliRunner().invoke(cli, ["rank", str(tmp_path / "ana.txt"), "--job", "isp-technician", "--cache", str(cache)])
    assert result.exit_code == 0 and "ana.txt" in result.stdout
    assert result.stderr.count("Warning: the parse cache cannot be used") == 1


def test_a_database_that_is_not_a_cache_is_left_alone(tmp_path):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    other = tmp_path / "accounts.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    before = other.read_bytes()
    result = CliRunner().invoke(cli, ["rank", str(tmp_path / "ana.txt"), "--job", "isp-technician", "--cache", str(other)])
    assert result.exit_code == 0 and "not a resumematch parse cache" in result.stderr
    assert other.read_bytes() == before
    cleared = CliRunner().invoke(cli, ["cache", "clear", "--cache", str(other)])
    assert cleared.exit_code == 1 and "is not a resumematch parse cache; nothing was deleted" in cleared.stderr
    assert other.exists()


# --- output that a document must not steer -----------------------------------------------------------


def test_csv_cells_that_start_like_a_formula_are_written_as_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_text("=cmd|' /C calc'!A0\n@SUM(1)\nExperience\n- Fusion splicing.\n")
    result = CliRunner().invoke(cli, ["rank", "=HYPERLINK(1).txt", "--job", "isp-technician", "--format", "csv", "--no-cache"])
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["source"] == "'=HYPERLINK(1).txt"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_a_backtick_in_a_file_name_cannot_break_out_in_markdown(tmp_path):
    path = tmp_path / "x` <img src=x onerror=alert(1)> `.txt"
    path.write_text(RESUME.format(n=1))
    result = CliRunner().invoke(cli, ["check", str(path), "--job", "isp-technician", "--format", "md"])
    assert result.exit_code == 0
    import re

    assert not re.search(r"(?<!\\)<img", result.stdout)  # only escaped, so Markdown shows it as text
    assert "\\<img" in result.stdout and "\\`" in result.stdout


def test_terminal_escape_sequences_are_not_printed_raw(tmp_path):
    path = tmp_path / "ana\x1b]0;owned\x07\x1b[2J.txt"
    path.write_text(RESUME.format(n=1))
    for command in (["check", str(path), "--job", "isp-technician"], ["rank", str(path), "--job", "isp-technician", "--no-cache"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x1b" not in result.stderr
    missing = CliRunner().invoke(cli, ["parse", str(tmp_path / "gone\x1b[31m.pdf")])
    assert missing.exit_code == 1 and "\x1b" not in missing.stderr


def test_a_missing_output_folder_is_found_before_the_run(tmp_path, samples):
    result = CliRunner().invoke(cli, ["rank", str(samples), "--job", "isp-technician", "--output", str(tmp_path / "no" / "r.csv")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert "resumes against" not in result.stderr  # nothing was ranked


def test_the_tools_own_outputs_are_not_candidates_next_time(tmp_path):
    (tmp_path / "ana.txt").write_text(RESUME.format(n=1))
    for fmt, name in (("csv", "ranking.csv"), ("json", "ranking.json"), ("jsonl", "ranking.jsonl")):
        result = CliRunner().invoke(cli, ["rank", str(tmp_path / "ana.txt"), "--job", "isp-technician", "--format", fmt, "--no-cache"])
        (tmp_path / name).write_text(result.stdout)
    CliRunner().invoke(cli, ["check", str(tmp_path / "ana.txt"), "--job", "isp-technician", "--output", str(tmp_path / "report.html")])
    outcome = rank([str(tmp_path)], load_job("isp-technician"), workers=1)
    assert [Path(r.source).name for r in outcome.rows] == ["ana.txt"]
    assert {Path(s).name for s in (x.source for x in outcome.skipped)} == {"ranking.csv", "ranking.json", "ranking.jsonl", "report.html"}


# --- workers that die, and a run that is stopped -------------------------------------------------------


def _pool(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"cv{n:02}.txt"
        path.write_text(RESUME.format(n=n))
        paths.append(path)
    return paths


def test_a_file_that_kills_its_worker_twice_is_an_error_row_and_the_run_finishes(tmp_path, monkeypatch):
    from resumematch.screening import work as work_module

    paths = _pool(tmp_path / "pool", 12)
    poison = tmp_path / "pool" / "poison.txt"
    poison.write_text(RESUME.format(n=99))
    original = work_module.analyse

    def dies_on_poison(label, data, cached=None):  # the worker process exits, as a crash in pdfium would
        if label.endswith("poison.txt"):
            os._exit(1)
        return original(label, data, cached)

    monkeypatch.setattr(work_module, "analyse", dies_on_poison)  # workers are forked with it
    outcome = rank([str(tmp_path / "pool")], load_job("isp-technician"), workers=2)
    assert len(outcome.rows) == len(paths) + 1
    errors = [r for r in outcome.rows if r.status == "error"]
    assert [Path(r.source).name for r in errors] == ["poison.txt"]
    assert "crashed the parser twice" in errors[0].error


def test_a_worker_that_dies_once_costs_no_row(tmp_path, monkeypatch):
    from resumematch.screening import work as work_module

    _pool(tmp_path / "pool", 12)
    marker = tmp_path / "died-once"
    original = work_module.analyse

    def dies_once(label, data, cached=None):  # out of memory once: the next try succeeds
        if label.endswith("cv05.txt") and not marker.exists():
            marker.write_text("x")
            os._exit(1)
        return original(label, data, cached)

    monkeypatch.setattr(work_module, "analyse", dies_once)
    outcome = rank([str(tmp_path / "pool")], load_job("isp-technician"), workers=2)
    assert marker.exists() and len(outcome.rows) == 12
    assert "error" not in {r.status for r in outcome.rows}


@pytest.mark.parametrize("signal_name, code", [("SIGTERM", 143), ("SIGINT", 130)])
def test_stopping_rank_stops_its_workers_and_writes_nothing(tmp_path, samples, signal_name, code):
    import signal
    import time

    pool = tmp_path / "pool"
    pool.mkdir()
    for n in range(60):  # enough work to be stopped in the middle of
        for sample in sorted(samples.glob("*.pdf")):
            (pool / f"{sample.stem}-{n}.pdf").write_bytes(sample.read_bytes() + f"\n% copy {n}\n".encode())
    output = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "resumematch", "rank", str(pool), "--job", "isp-technician", "--workers", "2",
         "--no-cache", "--quiet", "--output", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:  # wait until the workers are running
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        workers = {int(p) for p in children.read_text().split()} if children.exists() else set()
        time.sleep(0.2)
    assert workers, "rank started no workers"
    time.sleep(1.5)
    os.killpg(process.pid, getattr(signal, signal_name)) if signal_name == "SIGINT" else process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert stdout == "" and not output.exists() and "Traceback" not in stderr
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert not alive, f"workers left running: {alive}"


# --- very long text ----------------------------------------------------------------------------------


def test_text_past_the_character_limit_is_a_one_line_error_everywhere(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("Experience\n" + "Configured routers and switches for customers. " * 25_000)  # about 1.2M characters
    small = tmp_path / "ana.txt"
    small.write_text(RESUME.format(n=1))
    for command in (["check", str(huge)], ["skills", str(huge)], ["check", str(small), "--job", str(huge)], ["jobs", "show", str(huge)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1, command
        assert result.stderr.startswith(f"Error: {huge}: holds 1,") and result.stderr.count("\n") == 1, result.stderr


def test_a_long_plain_text_given_to_the_library_is_matched_whole():
    from resumematch import extract_skills

    text = "Filler words about nothing in particular. " * 30_000 + "Configured BGP and OSPF."  # past spaCy's 1,000,000
    assert len(text) > 1_000_000
    assert {"bgp", "ospf"} <= {m.skill_id for m in extract_skills(text)}


# --- hidden text in DOCX ------------------------------------------------------------------------------


def _docx_with_hidden(path: Path, hidden: str, how: str) -> Path:
    import docx
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    document.add_paragraph("Ana Ruiz")
    document.add_heading("Experience", level=1)
    paragraph = document.add_paragraph("Installed ONTs for residential customers. ")
    if how.startswith("style"):
        # The run itself is plain; the formatting comes from a style, as Word lets one set it.
        from docx.enum.style import WD_STYLE_TYPE

        if how == "style-paragraph":  # a paragraph style based on a hidden one
            hidden_base = document.styles.add_style("Quiet", WD_STYLE_TYPE.PARAGRAPH)
            hidden_base.font.hidden = True
            style = document.styles.add_style("Quieter", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = hidden_base
            document.add_paragraph(hidden, style=style)
        else:  # a character style in white
            style = document.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER)
            style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            paragraph.add_run(hidden, style=style)
        document.save(path)
        return path
    run = paragraph.add_run(hidden)
    if how == "vanish":
        run.font.hidden = True
    elif how == "white":
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    else:
        run.font.size = Pt(1)
    document.save(path)
    return path


@pytest.mark.parametrize("how", ["vanish", "white", "tiny", "style-paragraph", "style-character"])
def test_hidden_docx_text_is_ignored_with_a_warning_and_changes_no_score(tmp_path, how):
    from resumematch import parse
    from resumematch.scoring import match

    stuffed = _docx_with_hidden(tmp_path / "stuffed.docx", "BGP OSPF MPLS CCNP network design ana.ruiz@hidden-mail.net", how)
    clean = _docx_with_hidden(tmp_path / "clean.docx", "", how)
    document = parse(stuffed)
    assert "BGP" not in document.text and document.contact.email is None  # no contact details from hidden text
    assert document.layout.hidden_chars > 40 and any("hidden text" in w for w in document.warnings)
    job = load_job("network-engineer")
    assert match(document, job).score == match(parse(clean), job).score


def test_a_run_that_undoes_its_styles_hidden_formatting_is_visible(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from resumematch import parse

    document = docx.Document()
    style = document.styles.add_style("Quiet", WD_STYLE_TYPE.PARAGRAPH)
    style.font.hidden = True
    paragraph = document.add_paragraph("Secret words. ", style=style)
    paragraph.add_run("Configured BGP on the backbone.").font.hidden = False
    document.save(tmp_path / "undone.docx")
    parsed = parse(tmp_path / "undone.docx")
    assert "Configured BGP" in parsed.text and "Secret" not in parsed.text


def test_white_text_on_dark_shading_is_visible_and_kept(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    from resumematch import parse

    document = docx.Document()
    document.add_heading("Experience", level=1)
    run = document.add_paragraph().add_run("Configured BGP on the backbone.")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "1F3864")
    run._r.get_or_add_rPr().append(shading)
    document.save(tmp_path / "banner.docx")
    parsed = parse(tmp_path / "banner.docx")
    assert "Configured BGP" in parsed.text and parsed.layout.hidden_chars == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_output_to_a_full_disk_is_a_one_line_error():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "resumematch", "jobs"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == "Error: cannot write the output (No space left on device); check the disk or the pipe\n"
    written = subprocess.run([sys.executable, "-m", "resumematch", "jobs", "show", "isp-technician", "--format", "json"],
                             capture_output=True, text=True)
    assert written.returncode == 0  # the ordinary path is untouched


# --- hangs ---------------------------------------------------------------------------------------------


def _looping_length_pdf() -> bytes:
    """The smallest PDF whose content stream /Length refers to an object that refers to itself:
    reading it loops, and so does closing it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf 72 720 Td (Configured BGP) Tj ET\nendstream",
        b"5 0 R",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_a_pdf_whose_stream_length_loops_is_stopped_by_the_budget_even_while_closing(engine):
    from resumematch import parse
    from resumematch.errors import ParseTimeoutError

    with pytest.raises(ParseTimeoutError):
        parse(_looping_length_pdf(), name="loop.pdf", limits={"timeout_seconds": 1}, pdf_engine=engine)


def test_a_worker_stuck_past_the_budget_is_killed_and_the_file_is_an_error_row(tmp_path, monkeypatch):
    from resumematch.screening import work as work_module

    _pool(tmp_path / "pool", 8)
    (tmp_path / "pool" / "stuck.txt").write_text(RESUME.format(n=99))
    original = work_module.analyse

    def stuck_in_native_code(label, data, cached=None):  # no alarm reaches a call inside pdfium
        if label.endswith("stuck.txt"):
            import signal
            import time

            signal.setitimer(signal.ITIMER_REAL, 0)
            time.sleep(600)
        return original(label, data, cached)

    monkeypatch.setattr(work_module, "analyse", stuck_in_native_code)
    outcome = rank([str(tmp_path / "pool")], load_job("isp-technician"), workers=2, limits={"timeout_seconds": 1})
    assert len(outcome.rows) == 9
    errors = {Path(r.source).name: r.error for r in outcome.rows if r.status == "error"}
    assert list(errors) == ["stuck.txt"] and "took longer than 1 s" in errors["stuck.txt"]


# --- hidden text in PDF --------------------------------------------------------------------------------


def _pdf_with(tmp_path: Path, name: str, hidden: str | None, how: str) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    page = canvas.Canvas(str(path), pagesize=letter)
    page.setFont("Helvetica", 11)
    page.drawString(72, 720, "Ana Ruiz")
    page.drawString(72, 700, "Experience")
    page.drawString(72, 684, "Installed ONTs for residential customers and tested fiber drops.")
    if hidden:
        if how == "invisible":
            text = page.beginText(72, 660)
            text.setTextRenderMode(3)
            text.textLine(hidden)
            page.drawText(text)
        elif how == "clipped":  # drawn, then cut away by a clipping path far from it
            page.saveState()
            clip = page.beginPath()
            clip.rect(300, 100, 40, 40)
            page.clipPath(clip, stroke=0, fill=0)
            page.drawString(72, 660, hidden)
            page.restoreState()
        elif how == "covered":  # painted over by a white box drawn after it
            page.drawString(72, 660, hidden)
            page.setFillColorRGB(1, 1, 1)
            page.rect(66, 654, 420, 20, stroke=0, fill=1)
        else:  # off the page, right of its edge
            page.drawString(700, 660, hidden)
    page.save()
    return path


# Render mode, clipping and drawing order come from pdfium whichever engine builds the words.
@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
@pytest.mark.parametrize("how", ["invisible", "off-page", "clipped", "covered"])
def test_hidden_pdf_text_is_ignored_with_a_warning_and_changes_no_score(tmp_path, how, engine):
    from resumematch import parse
    from resumematch.scoring import match
    stuffing = "BGP OSPF MPLS CCNP network design ana.ruiz@hidden-mail.net"
    stuffed = parse(_pdf_with(tmp_path, "stuffed.pdf", stuffing, how), pdf_engine=engine)
    clean = parse(_pdf_with(tmp_path, "clean.pdf", None, how), pdf_engine=engine)
    assert "BGP" not in stuffed.text and stuffed.contact.email is None
    assert stuffed.layout.hidden_chars >= 40 and any("hidden text" in w for w in stuffed.warnings)
    job = load_job("network-engineer")
    assert match(stuffed, job).score == match(clean, job).score


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_turned_by_rotate_is_read_as_drawn(tmp_path, rotation):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from resumematch import parse

    path = tmp_path / f"turned-{rotation}.pdf"
    page = canvas.Canvas(str(path), pagesize=letter)
    page.setPageRotation(rotation)  # /Rotate: how a viewer shows the page, not how it was written
    page.setFont("Helvetica", 11)
    # Inside the drawn box whichever way round it is (reportlab turns the MediaBox to match).
    for number, line in enumerate(["Ana Ruiz", "Experience", "Configured BGP and OSPF on Cisco routers.", "Skills", "Fusion splicing"]):
        page.drawString(72, 560 - 16 * number, line)
    page.drawString(72, 120, "Tested fiber drops with an OTDR near the bottom of the page.")
    page.save()
    document = parse(path)
    assert document.text.startswith("Ana Ruiz\nExperience\nConfigured BGP and OSPF on Cisco routers.")
    assert "Tested fiber drops with an OTDR" in document.text and document.layout.hidden_chars == 0


def test_shapes_behind_text_and_translucent_highlights_hide_nothing(tmp_path):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from resumematch import parse

    path = tmp_path / "designed.pdf"
    page = canvas.Canvas(str(path), pagesize=letter)
    page.setFillColorRGB(0.9, 0.9, 0.95)
    page.rect(60, 690, 400, 24, stroke=0, fill=1)  # a shaded heading band, drawn first
    page.setFillColorRGB(0, 0, 0)
    page.setFont("Helvetica", 11)
    page.drawString(72, 700, "Experience")
    page.drawString(72, 684, "Configured BGP and OSPF on Cisco routers.")
    page.setFillAlpha(0.3)
    page.setFillColorRGB(1, 1, 0)
    page.rect(66, 680, 300, 16, stroke=0, fill=1)  # a highlighter stroke over the line
    page.setFillAlpha(1)
    page.setFillColorRGB(0, 0, 0)
    page.line(72, 682, 300, 682)  # an underline
    page.save()
    for engine in ("auto", "pdfplumber"):
        document = parse(path, pdf_engine=engine)
        assert "Experience\nConfigured BGP and OSPF on Cisco routers." in document.text
        assert document.layout.hidden_chars == 0


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_turned_page_that_pdfplumber_must_read_is_read_as_drawn(tmp_path, rotation):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from resumematch import parse

    path = tmp_path / f"turned-banner-{rotation}.pdf"
    page = canvas.Canvas(str(path), pagesize=letter)
    page.setPageRotation(rotation)
    page.setFillColorRGB(0.1, 0.2, 0.4)
    page.rect(60, 550, 400, 24, stroke=0, fill=1)
    page.setFillColorRGB(1, 1, 1)  # white on the dark band: only pdfplumber, with the page's fills, can judge it
    page.setFont("Helvetica", 11)
    page.drawString(72, 560, "Ana Ruiz")
    page.setFillColorRGB(0, 0, 0)
    page.drawString(72, 530, "Experience")
    page.drawString(72, 514, "Configured BGP and OSPF on Cisco routers.")
    page.save()
    document = parse(path)
    assert document.text.startswith("Ana Ruiz\nExperience\nConfigured BGP and OSPF on Cisco routers.")
    assert document.layout.hidden_chars == 0


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs a font with Hebrew and Arabic glyphs (Debian's fonts-dejavu-core)")
def test_right_to_left_words_keep_their_last_letter_on_both_engines(tmp_path):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from resumematch import parse

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    path = tmp_path / "rtl.pdf"
    page = canvas.Canvas(str(path), pagesize=letter)
    page.setFont("DejaVuSans", 12)
    page.drawString(72, 720, "Languages")
    page.drawString(72, 700, "שלום עולם")
    page.drawString(72, 680, "مرحبا بالعالم")
    page.save()
    fast, plumber = parse(path).text, parse(path, pdf_engine="pdfplumber").text
    assert fast == plumber
    assert "שלום עולם" in fast and "مرحبا بالعالم" in fast


def test_a_pdf_whose_content_inflates_to_gigabytes_is_refused_before_parsing():
    import zlib

    from resumematch import parse
    from resumematch.errors import DocumentTooLargeError

    packer = zlib.compressobj(9)
    zeros = b"0" * (1 << 20)
    bomb = b"".join(packer.compress(zeros) for _ in range(300)) + packer.flush()  # 300 MB of text, ~300 KB
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length " + str(len(bomb)).encode() + b" /Filter /FlateDecode >>\nstream\n" + bomb + b"\nendstream",
    ]
    out = pdf_from_objects(objects)
    assert len(out) < 2 * 1024 * 1024
    with pytest.raises(DocumentTooLargeError, match="inflates past 100 MB"):
        parse(out, name="bomb.pdf")
