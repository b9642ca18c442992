"""Bulk screening: every input kind, each status, knock-outs, duplicates, blind output, the cache."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch.cli import cli
from resumematch.errors import ResumeMatchError
from resumematch.jobs import load_job
from resumematch.screening.inputs import collect
from resumematch.screening.rank import rank

PERSONAS = ["network-technician", "isp-installer", "technical-support", "customer-service", "weak-match"]


@pytest.fixture
def pool(tmp_path, samples) -> Path:
    """A folder of applicants: five resumes, one as both PDF and DOCX, a corrupt file, junk files."""
    folder = tmp_path / "applicants"
    (folder / "batch2").mkdir(parents=True)
    for persona in PERSONAS:
        shutil.copy(samples / f"{persona}.pdf", folder / f"{persona}.pdf")
    shutil.copy(samples / "network-technician.docx", folder / "batch2" / "marisol.docx")
    (folder / "batch2" / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "~$draft.docx").write_bytes(b"lock")
    return folder


def by_source(outcome) -> dict:
    return {Path(row.source).name: row for row in outcome.rows}


def test_every_input_gets_exactly_one_row(pool):
    outcome = rank([str(pool)], load_job("technical-support-specialist"), workers=1)
    assert len(outcome.rows) == 7  # 5 PDFs + marisol.docx + broken.pdf
    assert sorted(Path(s.source).name for s in outcome.skipped) == [".DS_Store", "~$draft.docx"]
    rows = by_source(outcome)
    assert rows["broken.pdf"].status == "error" and "could not be read as PDF" in rows["broken.pdf"].error
    assert rows["technical-support.pdf"].rank == 1
    ranked = [r for r in outcome.rows if r.status == "ok"]
    assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert outcome.counts()["error"] == 1


def test_the_same_resume_as_pdf_and_docx_is_a_duplicate(pool):
    rows = by_source(rank([str(pool)], load_job("network-technician"), workers=1))
    pdf, docx = rows["network-technician.pdf"], rows["marisol.docx"]
    assert {pdf.status, docx.status} == {"ok", "duplicate"} or {pdf.status, docx.status} == {"rejected", "duplicate"}
    duplicate = pdf if pdf.status == "duplicate" else docx
    kept = docx if duplicate is pdf else pdf
    assert duplicate.duplicate_of == kept.source and kept.score >= duplicate.score


def test_the_same_file_twice_and_the_same_person_twice(pool, tmp_path):
    first = tmp_path / "tomas-berg.txt"
    first.write_text("Tomas Berg\ntomas.berg@northstar-mail.net\nExperience\nTier 2 technical support with Zendesk, DNS and DHCP.\n")
    other = tmp_path / "resubmitted.txt"
    other.write_text("Tomas Berg\ntomas.berg@northstar-mail.net\nExperience\nHelp desk technician with Zendesk.\n")
    inputs = [str(pool / "weak-match.pdf"), str(pool / "weak-match.pdf"), str(first), str(other)]
    rows = rank(inputs, load_job("technical-support-specialist"), workers=1).rows
    assert [r.status for r in rows].count("duplicate") == 2
    resubmitted = next(r for r in rows if r.source.endswith("resubmitted.txt"))
    assert resubmitted.status == "duplicate" and resubmitted.duplicate_of.endswith("tomas-berg.txt")


def test_knock_outs_reject_and_say_which_rule(pool):
    outcome = rank([str(pool)], load_job("technical-support-specialist"), require=["CCNA", "Zendesk"], workers=1)
    rows = by_source(outcome)
    assert rows["technical-support.pdf"].status == "rejected"
    assert rows["technical-support.pdf"].rejected_by == ["requires CCNA"]
    # Marisol's PDF and DOCX are one resume: whichever copy is kept is rejected for Zendesk.
    marisol = [rows["network-technician.pdf"], rows["marisol.docx"]]
    kept = [r for r in marisol if r.status != "duplicate"]
    assert len(kept) == 1 and kept[0].status == "rejected" and kept[0].rejected_by == ["requires Zendesk"]
    with pytest.raises(ResumeMatchError, match="unknown skill 'basket weaving'"):
        rank([str(pool)], load_job("noc-technician"), require=["basket weaving"], workers=1)


def test_a_must_have_not_stated_is_a_flag_not_a_rejection(pool):
    rows = by_source(rank([str(pool)], load_job("isp-technician"), workers=1))
    assert rows["isp-installer.pdf"].status == "ok" and rows["isp-installer.pdf"].not_stated == []
    silent = rows["customer-service.pdf"]
    assert silent.status == "ok" and silent.rank is not None and silent.rejected_by == []
    assert silent.not_stated == ["Driver's license"]
    assert silent.to_dict()["not_stated"] == ["Driver's license"]


def test_must_haves_reject_only_when_the_switch_asks(pool):
    rows = by_source(rank([str(pool)], load_job("isp-technician"), must_haves_knock_out=True, workers=1))
    assert rows["isp-installer.pdf"].status == "ok"
    assert rows["customer-service.pdf"].status == "rejected"
    assert rows["customer-service.pdf"].rejected_by == ["requires Driver's license"]
    assert rows["customer-service.pdf"].not_stated == []


def test_screening_answers_decide_knock_outs(pool, tmp_path):
    from resumematch.screening.requirements import load_answers
    from resumematch.skills import taxonomy

    answers = tmp_path / "answers.csv"
    answers.write_text("candidate,requirement,answer\ncustomer-service.pdf,Driver's license,yes\n"
                       "isp-installer.pdf,drivers-license,no\n", encoding="utf-8")
    rows = by_source(rank([str(pool)], load_job("isp-technician"), workers=1,
                          answers=load_answers(answers, taxonomy())))
    assert rows["customer-service.pdf"].status == "ok" and rows["customer-service.pdf"].not_stated == []
    assert rows["isp-installer.pdf"].status == "rejected"  # the resume says so, the candidate said no
    assert rows["isp-installer.pdf"].rejected_by == ["answered no: Driver's license"]


def test_zip_archives_are_read_in_memory(tmp_path, samples):
    archive = tmp_path / "applicants.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(samples / "isp-installer.pdf", "isp-installer.pdf")
        z.write(samples / "technical-support.docx", "folder/technical-support.docx")
        z.writestr("../../escape.txt", "Jo Doe\nExperience\nFiber splicing and OTDR testing.\n")
        z.writestr("__MACOSX/._isp-installer.pdf", b"\0\5\26\7")
        z.writestr("nested.zip", b"PK\3\4")
    before = set(os.listdir(tmp_path))
    outcome = rank([str(archive)], load_job("isp-technician"), workers=1)
    assert set(os.listdir(tmp_path)) == before  # nothing extracted anywhere
    rows = {r.source.split("!", 1)[1]: r for r in outcome.rows}
    assert set(rows) == {"isp-installer.pdf", "folder/technical-support.docx", "../../escape.txt", "nested.zip"}
    assert rows["isp-installer.pdf"].status == "ok"
    assert rows["nested.zip"].status == "error" and "zip inside a zip" in rows["nested.zip"].error
    assert any("__MACOSX" in s.source for s in outcome.skipped)


def test_zip_bomb_entry_is_an_error_row(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("huge.txt", "w", force_zip64=True) as member:
            for _ in range(25):
                member.write(b"a" * (1 << 20))
        z.writestr("ok.txt", "Jo Doe\nSkills\nDOCSIS, VLANs, customer service\n")
    rows = {r.source.split("!", 1)[1]: r for r in rank([str(archive)], load_job("network-technician"), workers=1).rows}
    assert rows["huge.txt"].status == "error" and "zip bomb" in rows["huge.txt"].error
    assert rows["ok.txt"].status in ("ok", "rejected")


def test_globs_and_missing_paths(pool, tmp_path):
    outcome = rank([str(pool / "*.pdf"), str(tmp_path / "nothing-here" / "*.pdf"), str(tmp_path / "gone.pdf")],
                   load_job("noc-technician"), workers=1)
    assert len(outcome.rows) == 5 + 2
    errors = [r for r in outcome.rows if r.status == "error"]
    assert {Path(r.source).name for r in errors} == {"*.pdf", "gone.pdf"}


def test_workers_give_the_same_ranking(pool):
    job = load_job("technical-support-specialist")
    single = rank([str(pool)], job, workers=1)
    several = rank([str(pool)], job, workers=2)
    assert [r.to_dict() for r in single.rows] == [r.to_dict() for r in several.rows]


def test_blind_output_drops_what_identifies_a_person(pool):
    outcome = rank([str(pool)], load_job("technical-support-specialist"), workers=1, blind=True)
    text = json.dumps(outcome.to_dict())
    for leak in ("Tomas", "Berg", "tomas.berg@example.com", "555", "technical-support.pdf", "marisol", "applicants"):
        assert leak not in text, leak
    assert all(r.source.startswith("candidate-") for r in outcome.rows)
    duplicate = next(r for r in outcome.rows if r.status == "duplicate")
    assert duplicate.duplicate_of.startswith("candidate-")


def test_top_and_min_score_shortlist_without_dropping_rows(pool):
    outcome = rank([str(pool)], load_job("technical-support-specialist"), workers=1, top=2, min_score=20)
    shortlisted = [r for r in outcome.rows if r.shortlisted]
    assert 1 <= len(shortlisted) <= 2 and all(r.score >= 20 for r in shortlisted)
    assert len(outcome.rows) == 7


def test_cache_hits_and_invalidation(pool, tmp_path):
    from resumematch.screening import work as work_module

    cache = tmp_path / "cache" / "parse.sqlite3"
    job = load_job("technical-support-specialist")
    first = rank([str(pool)], job, workers=1, cache_path=cache)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700

    parsed = []
    original = work_module.analyse

    def spy(label, data, cached=None, state=None):
        if cached is None:
            parsed.append(Path(label).name)
        return original(label, data, cached, state=state)

    work_module.analyse = spy
    try:
        again = rank([str(pool)], load_job("network-technician"), workers=1, cache_path=cache)
        assert parsed == ["broken.pdf"]  # errors are not cached; every resume came from the cache
        (pool / "weak-match.pdf").write_bytes((pool / "isp-installer.pdf").read_bytes())  # the file changes
        parsed.clear()
        rank([str(pool)], job, workers=1, cache_path=cache)
        assert sorted(parsed) == ["broken.pdf"]  # same bytes as a cached file: still a hit
        (pool / "weak-match.pdf").write_bytes(b"Evelyn Park\nSkills\nBaking, customer service\n")
        parsed.clear()
        rank([str(pool)], job, workers=1, cache_path=cache)
        assert sorted(parsed) == ["broken.pdf", "weak-match.pdf"]  # new bytes: parsed again
    finally:
        work_module.analyse = original
    assert len(first.rows) == len(again.rows)


def test_cache_clear_command(tmp_path, pool):
    cache = tmp_path / "c.sqlite3"
    rank([str(pool / "weak-match.pdf")], load_job("noc-technician"), workers=1, cache_path=cache)
    result = CliRunner().invoke(cli, ["cache", "clear", "--cache", str(cache)])
    assert result.exit_code == 0 and "1 cached resumes" in result.stdout and not cache.exists()


def test_cli_csv_opens_cleanly(pool, tmp_path):
    output = tmp_path / "ranking.csv"
    result = CliRunner().invoke(cli, ["rank", str(pool), "--job", "technical-support-specialist", "--no-cache",
                                      "--workers", "1", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "7 resumes against" in result.stderr and "1 error" in result.stderr
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 7
    assert rows[0]["rank"] == "1" and rows[0]["status"] == "ok"
    assert "; " in rows[0]["matched_required"]  # lists stay in one quoted cell
    broken = next(r for r in rows if r["source"].endswith("broken.pdf"))
    assert broken["status"] == "error" and broken["error"]


def test_cli_json_and_jsonl_follow_the_contract(pool):
    result = CliRunner().invoke(cli, ["rank", str(pool), "--job", "noc-technician", "--format", "json", "--no-cache", "--workers", "1"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["job"] == {"id": "noc-technician", "title": "NOC Technician"}
    for row in payload["results"]:
        assert {"source", "status", "rank", "score", "matched", "missing", "error", "not_stated"} <= set(row)
        assert row["status"] in ("ok", "error", "duplicate", "rejected")
    lines = CliRunner().invoke(cli, ["rank", str(pool), "--job", "noc-technician", "--format", "jsonl", "--no-cache", "--workers", "1"]).stdout.splitlines()
    assert len(lines) == 7 and all(json.loads(line)["source"] for line in lines)


def test_cli_bad_job_and_bad_require(pool):
    result = CliRunner().invoke(cli, ["rank", str(pool), "--job", "x", "--no-cache"])
    assert result.exit_code == 1 and result.stderr == "Error: unknown job 'x'; try resumematch jobs\n"
    result = CliRunner().invoke(cli, ["rank", str(pool), "--job", "noc-technician", "--require", "basket weaving", "--no-cache"])
    assert result.exit_code == 1 and "unknown skill 'basket weaving'" in result.stderr


def test_collect_reports_hidden_files(pool):
    found = collect([str(pool)])
    assert len(found.inputs) == 7 and len(found.skipped) == 2


def test_files_are_read_only_a_few_ahead_of_the_results(pool, monkeypatch):
    """Bounded memory: with 2 workers at most 8 files are in flight, whatever the pool size."""
    from resumematch.screening import inputs as inputs_module
    from resumematch.screening import rank as rank_module

    many = [str(pool / "weak-match.pdf")] * 40
    reads = []
    original_read = inputs_module.Input.read
    monkeypatch.setattr(inputs_module.Input, "read", lambda self, limits: reads.append(1) or original_read(self, limits))
    ahead = []
    original_row = rank_module.build_row

    def row(*args):
        ahead.append(len(reads) - len(ahead) - 1)
        return original_row(*args)

    monkeypatch.setattr(rank_module, "build_row", row)
    outcome = rank(many, load_job("noc-technician"), workers=2)
    assert len(outcome.rows) == 40
    assert max(ahead) <= 2 * 4


def test_progress_is_reported_for_every_input(pool):
    seen = []
    rank([str(pool)], load_job("noc-technician"), workers=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 7) for n in range(1, 8)]


def test_same_person_is_found_whatever_the_email_case(tmp_path):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Jo Dunn\nJo.Dunn@Prairie-Mail.net\nExperience\nFiber splicing and OTDR testing.\n")
    second.write_text("Jo Dunn\njo.dunn@prairie-mail.net\nExperience\nInstalled ONTs and tested fiber drops.\n")
    rows = rank([str(first), str(second)], load_job("isp-technician"), workers=1).rows
    assert sorted(r.status for r in rows) == ["duplicate", "ok"]  # the must-have (a licence) is only flagged
