"""Issue 34, part five: folders, zips and the run log under abuse.

Symbolic links in a pool are followed only inside the folder given, and every other one is a
skipped entry with its reason; a name with control characters is shown escaped in every format;
the run log writes only into its own files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile

import pytest
from click.testing import CliRunner

from resumematch.cli import cli
from resumematch.jobs import load_job
from resumematch.render.ranking import render
from resumematch.screening.inputs import LINK_AGAIN, LINK_BROKEN, LINK_OUTSIDE, collect
from resumematch.screening.rank import rank
from resumematch.screening.runlog import append_run, is_run_log, read_runs

RESUME = (
    "Casey Ndlovu\ncasey.ndlovu@mailbox.org\nField Technician\nExperience\n"
    "- Spliced fiber and tested each drop with an OTDR; configured DHCP on customer routers.\n"
    "Skills\nFiber splicing, OTDR, DHCP, customer service\n"
)


def _pool(tmp_path):
    pool = tmp_path / "pool"
    (pool / "real").mkdir(parents=True)
    (pool / "real" / "casey.txt").write_text(RESUME)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(RESUME.replace("Casey Ndlovu", "Robin Esposito"))
    return pool, outside


def _skipped(found) -> dict[str, str]:
    return {s.source.rstrip(os.sep): s.reason for s in found.skipped}


def test_a_symlinked_folder_inside_the_pool_is_read(tmp_path):
    pool, _ = _pool(tmp_path)
    other = tmp_path / "elsewhere-in-pool"
    (pool / "more").mkdir()
    (pool / "more" / "jo.txt").write_text(RESUME.replace("Casey Ndlovu", "Jo Tanaka"))
    os.symlink(pool / "more", pool / "linked")
    del other
    found = collect([str(pool)])
    names = sorted(os.path.basename(i.label) for i in found.inputs)
    assert names == ["casey.txt", "jo.txt"]  # the linked folder is read once, not twice
    assert _skipped(found) == {str(pool / "linked"): LINK_AGAIN}


@pytest.mark.parametrize("make, reason", [
    (lambda pool, outside: os.symlink(outside, pool / "sub"), LINK_OUTSIDE),
    (lambda pool, outside: os.symlink(outside / "secret.txt", pool / "sub"), LINK_OUTSIDE),
    (lambda pool, outside: os.symlink(pool / "gone", pool / "sub"), LINK_BROKEN),
    (lambda pool, outside: os.symlink(pool, pool / "sub"), LINK_AGAIN),
])
def test_a_symlink_leading_out_of_the_pool_is_skipped_with_its_reason(tmp_path, make, reason):
    pool, outside = _pool(tmp_path)
    make(pool, outside)
    found = collect([str(pool)])
    assert [os.path.basename(i.label) for i in found.inputs] == ["casey.txt"]
    assert _skipped(found) == {str(pool / "sub"): reason}


def test_the_skipped_link_is_in_the_ranking_output(tmp_path):
    pool, outside = _pool(tmp_path)
    os.symlink(outside, pool / "sub")
    result = CliRunner().invoke(cli, ["rank", str(pool), "--job", "isp-technician", "--format", "json", "--no-log"])
    assert result.exit_code == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert len(outcome["results"]) == 1
    assert {s["reason"] for s in outcome["skipped"]} == {LINK_OUTSIDE}


FORGED = "evil\n1      99     ok     Fake Person  good.txt  forged.txt"


@pytest.mark.parametrize("entry", [FORGED, "cr\rreturn.txt", "bidi\u202etxt.exe.txt", "tab\tand\x1b[31mred.txt"])
def test_a_zip_entry_name_with_control_characters_cannot_forge_a_row(tmp_path, entry):
    archive = tmp_path / "applicants.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(entry, RESUME)
    outcome = rank([str(archive)], load_job("isp-technician"), workers=1, log=False)
    table = render(outcome, "table", wide=True)
    rows = [line for line in table.splitlines() if line[:1].isdigit()]
    assert len(rows) == 1 and rows[0].split()[3:5] == ["Casey", "Ndlovu"]  # one row, the real one
    assert not any(ch in table for ch in "\r\x1b\u202e")
    csv_rows = list(csv.DictReader(io.StringIO(render(outcome, "csv"))))
    assert len(csv_rows) == 1
    source = csv_rows[0]["source"]
    assert source.isprintable() and "\\" in source
    jsonl = render(outcome, "jsonl").splitlines()
    assert len(jsonl) == 1 and json.loads(jsonl[0])["source"] == source


def test_a_file_name_with_a_newline_is_one_error_line(tmp_path):
    path = tmp_path / "a\nError: everything is fine.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "a\\nError" in result.stderr


# -- the run log -----------------------------------------------------------------------------------

RECORD = {"log_format": 1, "run_id": "abc123", "inputs": []}


def test_a_log_is_a_file_whose_first_line_is_a_run(tmp_path):
    log = tmp_path / "runs.jsonl"
    append_run(log, RECORD)
    append_run(log, {**RECORD, "run_id": "def456"})
    assert is_run_log(log.read_bytes())
    assert [r["run_id"] for r in read_runs(log)] == ["abc123", "def456"]
    assert not is_run_log(b"Call the plumber on Monday.\n" + log.read_bytes())
    assert not is_run_log(b'{"run_id": "abc"}\n')  # JSON of another program


@pytest.mark.parametrize("kind", ["notes", "symlink", "fifo"])
def test_the_run_log_writes_only_into_its_own_files(tmp_path, kind):
    notes = tmp_path / "notes.txt"
    notes.write_text("Call the plumber on Monday.\n")
    log = notes
    if kind == "symlink":
        log = tmp_path / "runs.jsonl"
        target = tmp_path / "target.jsonl"
        target.write_text(json.dumps(RECORD) + "\n")  # even a real log is not written through a link
        os.symlink(target, log)
        notes = target
    elif kind == "fifo":
        log = tmp_path / "pipe.jsonl"
        os.mkfifo(log)
    before = notes.read_bytes()
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "casey.txt").write_text(RESUME)
    result = CliRunner().invoke(cli, ["rank", str(tmp_path / "pool"), "--job", "isp-technician", "--log", str(log)])
    assert result.exit_code == 0  # the ranking is not lost
    assert "Casey Ndlovu" in result.stdout
    assert "run log" in result.stderr or "symbolic link" in result.stderr or "regular file" in result.stderr
    assert notes.read_bytes() == before


def test_rank_logs_into_the_default_log(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMEMATCH_DATA_DIR", str(tmp_path / "data"))
    pool = tmp_path / "pool"
    pool.mkdir()
    (pool / "casey.txt").write_text(RESUME)
    rank([str(pool)], load_job("isp-technician"), workers=1, log=True)
    rank([str(pool)], load_job("isp-technician"), workers=1, log=True)
    assert len(read_runs(tmp_path / "data" / "runs.jsonl")) == 2
