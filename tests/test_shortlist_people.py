"""Issue 20: a shortlist of people. Only resumes are ranked (the rest is skipped with a reason),
a must-have a resume does not state is a flag unless the recruiter asks for knock-outs, names are
people's names, and the table fits 100 columns."""

from __future__ import annotations

import re

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from builders import finished_shortlist
from click.testing import CliRunner

from resumematch import parse
from resumematch.cli import cli
from resumematch.jobs import load_job
from resumematch.parsers.ocr import available as ocr_available
from resumematch.identity import candidate_name
from resumematch.screening.kinds import skip_reason_by_content, skip_reason_by_name
from resumematch.screening.rank import rank

LATEX = "\\documentclass[11pt]{article}\n\\usepackage{geometry}\n\\begin{document}\nJo Dunn\n\\end{document}\n"
CLASS = "\\NeedsTeXFormat{LaTeX2e}\n\\ProvidesClass{resume}\n\\LoadClass{article}\n"
BIBTEX = "@article{dunn2020,\n  title={Fiber},\n  author={Dunn, Jo},\n  year={2020}\n}\n"
LICENCE = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n"
CODE = "import os\n\n\ndef main():\n    path = os.getcwd()\n    for name in os.listdir(path):\n        print(name)\n    return 0\n"
RESUME = "Jo Dunn\njo.dunn@prairie-mail.net\nExperience\n- Spliced fiber and tested drops with an OTDR.\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory, samples) -> Path:
    """A downloaded resume template: one resume PDF among its sources, licence and metadata."""
    folder = tmp_path_factory.mktemp("template")
    shutil.copy(samples / "network-technician.pdf", folder / "resume.pdf")
    (folder / "resume.tex").write_text(LATEX)
    (folder / "awesome.cls").write_text(CLASS)
    (folder / "refs.bib").write_text(BIBTEX)
    (folder / "LICENSE").write_text(LICENCE)
    (folder / "meta.json").write_text('{"name": "template", "version": 2}')
    (folder / "notes.txt").write_text(LATEX)  # LaTeX under a resume extension: the content decides
    (folder / "build.txt").write_text(CODE)
    (folder / "__MACOSX").mkdir()
    (folder / "__MACOSX" / "._resume.pdf").write_bytes(b"\x00\x05\x16\x07")
    return folder


@pytest.fixture(scope="module")
def template_outcome(template):
    return rank([str(template)], load_job("network-technician"), workers=1)


def test_a_template_folder_ranks_only_its_resume(template_outcome):
    assert [Path(r.source).name for r in template_outcome.rows] == ["resume.pdf"]
    assert template_outcome.rows[0].status == "ok"  # never the "duplicate" of its own .tex source
    reasons = {Path(s.source.rstrip("/")).name: s.reason for s in template_outcome.skipped}
    assert reasons == {
        "resume.tex": "LaTeX source", "awesome.cls": "LaTeX source", "notes.txt": "LaTeX source",
        "refs.bib": "BibTeX bibliography", "LICENSE": "licence file", "meta.json": "JSON data",
        "build.txt": "source code", "__MACOSX": "macOS metadata (__MACOSX)",
    }
    payload = template_outcome.to_dict()
    assert {"source", "reason"} == set(payload["skipped"][0]) and payload["summary"]["skipped"] == 8


def test_the_table_and_summary_count_every_skipped_file(template):
    result = CliRunner().invoke(cli, ["rank", str(template), "--job", "network-technician", "--no-cache", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Skipped 8 files that are no resume: 3 LaTeX sources" in result.stdout
    assert "1 resume against Network Technician" in result.stderr and "8 other files skipped" in result.stderr
    wide = CliRunner().invoke(cli, ["rank", str(template), "--job", "network-technician", "--no-cache", "--workers", "1", "--wide"])
    assert f"{template}/LICENSE: licence file" in wide.stdout and " ok " in wide.stdout


def test_inside_a_zip_earlier_outputs_and_macos_metadata_are_skipped(tmp_path, samples):
    earlier = CliRunner().invoke(cli, ["rank", str(samples / "weak-match.pdf"), "--job", "noc-technician", "--format", "json", "--no-cache"])
    archive = tmp_path / "applicants.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(samples / "customer-service.docx", "cv/aisha.docx")
        z.writestr("out.json", earlier.stdout)
        z.writestr("ranking.txt", "rank,score,status,source,name\r\n1,50,ok,a.pdf,Ana\r\n")
        z.writestr("__MACOSX/cv/._aisha.docx", b"\x00\x05\x16\x07")
    outcome = rank([str(archive)], load_job("noc-technician"), workers=1)
    assert [r.source for r in outcome.rows] == [f"{archive}!cv/aisha.docx"]
    reasons = {s.source.split("!")[1]: s.reason for s in outcome.skipped}
    assert reasons["out.json"].startswith("a resumematch output") and reasons["ranking.txt"].startswith("a resumematch output")
    assert reasons["__MACOSX/cv/._aisha.docx"] == "macOS metadata (__MACOSX)"


def test_nothing_to_rank_exits_1_with_one_line(tmp_path):
    (tmp_path / "main.tex").write_text(LATEX)
    result = CliRunner().invoke(cli, ["rank", str(tmp_path), "--job", "network-technician", "--no-cache"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [f"Error: nothing to rank: no resume (PDF, DOCX, TXT or Markdown) in {tmp_path}; 1 LaTeX source"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(cli, ["rank", str(empty), "--job", "network-technician"]).exit_code == 1


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("cv", b"%PDF-1.7\n...", None),  # no extension, but a PDF: a resume
        ("cv.pdf", b"not really a pdf", None),  # claims to be a resume: the parser says what is wrong
        ("cv.doc", b"\xd0\xcf\x11\xe0", None),  # a resume in an old format: an error row with advice
        # A photo is a candidate where OCR can read it (its row says it is damaged), else skipped.
        ("photo.jpeg", b"\xff\xd8\xff", None if ocr_available() else "image (install resumematch[ocr] to read scanned resumes)"),
        ("logo.png", b"\x89PNG\r\n\x1a\n", None if ocr_available() else "image (install resumematch[ocr] to read scanned resumes)"),
        ("photo.gif", b"GIF89a", "image"),
        ("data.bin", b"\x00\x01", "not a resume file (.bin; rank reads PDF, DOCX, TXT and Markdown)"),
        ("cv.md", b"# Jo Dunn\n\n## Experience\n- Fiber splicing; OTDR testing;\n", None),
        ("cv.txt", BIBTEX.encode(), "BibTeX bibliography"),
        ("cv.txt", LICENCE.encode(), "licence text"),
        ("cv.txt", b'[{"source": "a.pdf"}, {"source": "b.pdf"}]', "JSON data"),
    ],
)
def test_the_content_decides_with_the_name(name, data, reason):
    assert (skip_reason_by_name(name) or skip_reason_by_content(name, data)) == reason


@pytest.fixture(scope="module")
def samples_table(samples, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache") / "parse.sqlite3"
    table = CliRunner().invoke(cli, ["rank", str(samples), "--job", "network-technician", "--cache", str(cache), "--workers", "1"])
    as_json = CliRunner().invoke(cli, ["rank", str(samples), "--job", "network-technician", "--cache", str(cache),
                                       "--workers", "1", "--format", "json"])
    return table, json.loads(as_json.stdout)


def test_the_network_technician_sample_ranks_first_with_a_not_stated_flag(samples_table):
    table, payload = samples_table
    first = payload["results"][0]
    assert Path(first["source"]).stem == "network-technician" and first["rank"] == 1 and first["status"] == "ok"
    assert first["not_stated"] == ["Driver's license"] and first["rejected_by"] == []
    assert all(r["status"] != "rejected" for r in payload["results"])
    row = table.stdout.splitlines()[3]
    assert row.startswith("1 ") and "Marisol Vega" in row and "10/11 req" in row
    # The flag most rows share is said once under the table (issue 33), not first on every row.
    assert re.search(r"Not stated on \d+ of \d+ ranked resumes .*: Driver's license", table.stdout)


def test_the_table_fits_100_columns_with_a_name_column(samples_table):
    table, payload = samples_table
    lines = table.stdout.splitlines()
    assert lines[2].split() == ["rank", "score", "name", "file", "why"]
    assert max(len(line) for line in lines) <= 100
    assert str(Path(payload["results"][0]["source"]).parent) not in table.stdout  # short file names
    assert {s["reason"] for s in payload["skipped"]} == {"source code"}  # samples/*.py never ranked


def test_plurals_and_one_resume(tmp_path):
    (tmp_path / "jo.txt").write_text(RESUME)
    result = CliRunner().invoke(cli, ["rank", str(tmp_path / "jo.txt"), "--job", "isp-technician", "--no-cache"])
    assert result.exit_code == 0 and "1 resume against" in result.stderr and "1 resumes" not in result.stderr


def test_require_suggests_a_spelling_and_the_list_command(tmp_path):
    (tmp_path / "jo.txt").write_text(RESUME)
    result = CliRunner().invoke(cli, ["rank", str(tmp_path), "--job", "isp-technician", "--require", "Kubernets"])
    assert result.exit_code == 1
    assert "did you mean Kubernetes" in result.stderr and "resumematch skills --list" in result.stderr


def test_knock_outs_happen_only_when_asked_and_show_in_every_format(tmp_path):
    (tmp_path / "jo.txt").write_text(RESUME)
    base = ["rank", str(tmp_path / "jo.txt"), "--job", "isp-technician", "--no-cache"]
    flagged = list(csv.DictReader(io.StringIO(CliRunner().invoke(cli, [*base, "--format", "csv"]).stdout.lstrip("\ufeff"))))
    assert flagged[0]["status"] == "ok" and flagged[0]["not_stated"] == "Driver's license"
    rejected = json.loads(CliRunner().invoke(cli, [*base, "--format", "json", "--knock-out-must-haves"]).stdout)["results"][0]
    assert rejected["status"] == "rejected" and rejected["rejected_by"] == ["requires Driver's license"]


def test_screening_answers_from_a_csv(tmp_path):
    (tmp_path / "jo.txt").write_text(RESUME)
    answers = tmp_path / "answers.csv"
    answers.write_text("jo.txt,Driver's license,no\n")
    base = ["rank", str(tmp_path / "jo.txt"), "--job", "isp-technician", "--no-cache", "--format", "json", "--answers"]
    row = json.loads(CliRunner().invoke(cli, [*base, str(answers)]).stdout)["results"][0]
    assert row["status"] == "rejected" and row["rejected_by"] == ["answered no: Driver's license"]
    answers.write_text("jo.txt,Driver's license,maybe\n")
    bad = CliRunner().invoke(cli, [*base, str(answers)])
    assert bad.exit_code == 1 and bad.stderr.strip() == f"Error: {answers}: line 1: answer 'maybe' is neither yes nor no"
    answers.write_text("jo.txt,Drivers licence,yes\njo.txt,Kubernets,yes\n")
    unknown = CliRunner().invoke(cli, [*base, str(answers)])
    assert unknown.exit_code == 1 and "line 2" in unknown.stderr and "did you mean Kubernetes" in unknown.stderr


@pytest.mark.parametrize(
    "head, name",
    [
        ("Denver, Colorado\n(720) 555-0188", None),
        ("Bremen, Germany", None),
        ("Gotham, USA", None),
        ("Disney Experiences\nOrlando, FL", None),
        ("Your Name Here\nyou@example.com", None),
        ("Jan Küster M.Sc.\nBremen, Germany", "Jan Küster"),
        ("Alfred Pennyworth alfred.pennyworth@email.com • (555) 010-2000", "Alfred Pennyworth"),
        ("Dr. Jane Smith, PhD\nNetwork Engineer", "Jane Smith"),
        ("García, José\nTechnician", "García, José"),
    ],
)
def test_names_are_people_not_places_companies_or_placeholders(head, name):
    document = parse((head + "\nExperience\n- Spliced fiber.\n").encode(), name="r.txt")
    assert document.contact.name == name  # found when the resume is read (check's child process)
    assert candidate_name(document) == name


def test_the_web_shortlist_shows_not_stated_and_what_was_skipped(samples):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from resumematch.web import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1:8000")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.write(samples / "network-technician.pdf", "network-technician.pdf")
        z.writestr("resume.tex", LATEX)
    page = finished_shortlist(client, buffer.getvalue(), "network-technician")
    assert "not stated: Driver&#39;s license" in page or "not stated: Driver's license" in page
    assert 'id="skipped"' in page and "pool.zip!resume.tex</span>: LaTeX source" in page
    assert "1 resume: 1 ok" in page
