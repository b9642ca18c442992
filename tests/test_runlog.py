"""The run log: every rank appends one JSON line (settings, knock-outs, inputs' SHA-256 and
outcomes, the output's hash) and never anything personal; a logged run can be re-checked."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from builders import folder_of
from click.testing import CliRunner

from resumematch.cli import cli
from resumematch.jobs import load_job
from resumematch.screening.rank import rank
from resumematch.screening.recheck import recheck
from resumematch.screening.runlog import default_log_path, read_runs

JOB = "network-technician"
RESUMES = {
    "ana-ruiz.txt": "Ana Ruiz\nana.ruiz@prairie-mail.net | (316) 842-7719\nNetwork Technician\n\nExperience\n"
                    "- Configured VLANs, DHCP and DNS on Cisco switches for a regional ISP.\n"
                    "- Troubleshot DOCSIS modems and GPON faults with Wireshark.\n\nCertifications\nCCNA\nValid driver's license\n",
    "ben-okoye.txt": "Ben Okoye\nben.okoye@lakeside-mail.org\nField Technician\n\nExperience\n"
                     "- Installed coaxial cable and Wi-Fi routers for customers; valid driver's license.\n",
    "cleo-marsh.txt": "Cleo Marsh\ncleo@marsh-family.net\nPastry Chef\n\nExperience\n- Baked bread and laminated dough daily.\n",
}


@pytest.fixture
def folder(tmp_path):
    return folder_of(tmp_path / "applicants", RESUMES)


def test_rank_appends_one_line_with_no_personal_data(tmp_path, folder):
    log = tmp_path / "runs.jsonl"
    args = ["rank", str(folder), "--job", JOB, "--require", "CCNA", "--top", "1", "--no-cache", "--workers", "1",
            "--format", "json", "--log", str(log)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    run = json.loads(lines[0])
    assert set(run) >= {"run_id", "time", "tool_version", "model", "job", "settings", "knockouts", "inputs", "output_sha256"}
    assert run["job"]["id"] == JOB and len(run["job"]["sha256"]) == 64
    assert run["settings"]["require"] == ["CCNA"] and run["settings"]["top"] == 1
    assert "ccna" in run["knockouts"]
    digests = {hashlib.sha256(text.encode()).hexdigest() for text in RESUMES.values()}
    assert {i["sha256"] for i in run["inputs"]} == digests
    outcomes = {i["status"] for i in run["inputs"]}
    assert outcomes == {"ok", "rejected"}  # only Ana holds CCNA
    # Nothing that names a person or their file, and no resume text.
    for private in ("Ana", "Ruiz", "ana.ruiz", "842-7719", "Okoye", "Marsh", "applicants", ".txt", "laminated", "Wireshark"):
        assert private not in lines[0], private

    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and len(log.read_text(encoding="utf-8").splitlines()) == 2


def test_default_log_is_in_the_data_folder_and_no_log_writes_nothing(tmp_path, folder, monkeypatch):
    monkeypatch.setenv("RESUMEMATCH_DATA_DIR", str(tmp_path / "data"))
    assert default_log_path() == tmp_path / "data" / "runs.jsonl"
    base = ["rank", str(folder), "--job", JOB, "--no-cache", "--workers", "1", "--quiet"]
    assert CliRunner().invoke(cli, base + ["--no-log"]).exit_code == 0
    assert not default_log_path().exists()
    assert CliRunner().invoke(cli, base).exit_code == 0
    assert len(read_runs()) == 1

    listed = CliRunner().invoke(cli, ["log"])
    assert listed.exit_code == 0 and JOB in listed.output and "3 inputs" in listed.output
    as_json = json.loads(CliRunner().invoke(cli, ["log", "--format", "json"]).output)
    assert as_json[0]["run_id"] in listed.output


def test_a_logged_run_is_rechecked_from_the_same_files_wherever_they_are(tmp_path, folder):
    log = tmp_path / "runs.jsonl"
    job = load_job(JOB)
    outcome = rank([str(folder)], job, top=2, workers=1, cache_path=None, log=log)
    (record,) = read_runs(log)

    # The same files, copied elsewhere under other names: the same output hash.
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    for index, path in enumerate(sorted(folder.iterdir())):
        shutil.copy(path, moved / f"candidate-{index}.txt")
    same = recheck(record, [str(moved)], workers=1)
    assert same.same and same.output_sha256 == record["output_sha256"], same.differences
    assert outcome.rows[0].score is not None

    # One changed resume: not reproduced, and the reasons say why.
    (moved / "candidate-0.txt").write_text(RESUMES["ana-ruiz.txt"].replace("CCNA", "CompTIA Network+"))
    changed = recheck(record, [str(moved)], workers=1)
    assert not changed.same
    assert any("inputs" in d for d in changed.differences) and any("output" in d for d in changed.differences)

    runner = CliRunner()
    ok = runner.invoke(cli, ["log", "--log", str(log), "check", record["run_id"][:6], str(folder), "--workers", "1"])
    assert ok.exit_code == 0 and "reproduced" in ok.output
    bad = runner.invoke(cli, ["log", "--log", str(log), "check", record["run_id"], str(moved), "--workers", "1"])
    assert bad.exit_code == 1 and "not reproduced" in bad.output and "Traceback" not in bad.output


def test_a_log_that_cannot_be_written_is_a_warning_not_a_lost_ranking(tmp_path, folder):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = CliRunner().invoke(cli, ["rank", str(folder), "--job", JOB, "--no-cache", "--workers", "1", "--quiet",
                                      "--format", "csv", "--log", str(blocked / "runs.jsonl")])
    assert result.exit_code == 0
    assert "cannot write the run log" in result.stderr and "ana-ruiz.txt" in result.stdout


def test_the_output_digest_is_the_hash_of_the_rows_json_as_older_logs_made_it():
    """Hashed row by row (a large run holds no giant string), yet byte for byte the hash of the
    whole list's JSON, so a digest in an older log still compares."""
    import hashlib
    import json

    from resumematch.jobs import load_job
    from resumematch.screening.rows import RankOutcome, RankRow
    from resumematch.screening.runlog import _PATH_FIELDS, output_digest

    rows = [RankRow(source=f"folder/cv-{n}.txt", status="ok", score=float(n), sha256=f"{n:064x}", name=f"Zoë {n}", why="fits")
            for n in range(3)]
    rows[2].duplicate_of = "folder/cv-0.txt"
    outcome = RankOutcome(load_job("network-technician"), rows, [])
    whole = []
    for row in rows:
        data = {k: v for k, v in row.to_dict(blind=True).items() if k not in _PATH_FIELDS}
        data["sha256"], data["duplicate_of"] = row.sha256, rows[0].sha256 if row.duplicate_of else None
        whole.append(data)
    assert output_digest(outcome) == hashlib.sha256(json.dumps(whole, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
