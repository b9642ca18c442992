"""How much work a ranking does: a warm re-rank only scores, each file is read once, and finding
one person's two resumes compares only rows that share a contact detail. Counted, not timed."""

from __future__ import annotations

import builtins
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from resumematch.jobs import load_job
from resumematch.screening import duplicates, local
from resumematch.screening.rank import rank
from resumematch.screening.rows import RankRow


@pytest.fixture
def applicants(tmp_path, samples) -> Path:
    folder = tmp_path / "applicants"
    folder.mkdir()
    for name in ("network-technician.pdf", "isp-installer.pdf", "technical-support.docx"):
        shutil.copy(samples / name, folder / name)
    return folder


def _outputs(outcome) -> list[dict]:
    return [row.to_dict() for row in outcome.rows]


def test_a_warm_re_rank_starts_no_worker_and_analyses_nothing_again(applicants, tmp_path, monkeypatch):
    cache = tmp_path / "cache.sqlite3"
    rank([str(applicants)], load_job("network-technician"), workers=2, cache_path=cache, log=False)
    cold = rank([str(applicants)], load_job("isp-technician"), workers=2, cache_path=None, log=False)

    def no_pool(self):
        raise AssertionError("a worker pool was started for cached files")

    def no_analysis(*args, **kwargs):
        raise AssertionError("a cached resume was analysed again")

    monkeypatch.setattr(local.LocalPool, "_new_pool", no_pool)
    monkeypatch.setattr("resumematch.skills.analyse", no_analysis)
    warm = rank([str(applicants)], load_job("isp-technician"), workers=2, cache_path=cache, log=False)
    assert _outputs(warm) == _outputs(cold) and len(warm.rows) == 3


def test_a_warm_re_rank_reads_each_file_once(applicants, tmp_path, monkeypatch):
    cache = tmp_path / "cache.sqlite3"
    rank([str(applicants)], load_job("network-technician"), workers=1, cache_path=cache, log=False)
    opened: list[str] = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        if str(file).startswith(str(applicants)):
            opened.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)  # what pathlib's Path.open calls
    rank([str(applicants)], load_job("isp-technician"), workers=1, cache_path=cache, log=tmp_path / "runs.jsonl")
    assert sorted(opened) == sorted(p.name for p in applicants.iterdir())


def test_a_warm_re_rank_loads_no_skill_pipeline(applicants, tmp_path):
    cache = tmp_path / "cache.sqlite3"
    rank([str(applicants)], load_job("network-technician"), workers=1, cache_path=cache, log=False)
    script = (
        "import json, sys\n"
        "from resumematch.jobs import load_job\n"
        "from resumematch.screening.rank import rank\n"
        f"outcome = rank([{str(applicants)!r}], load_job('isp-technician'), workers=2, cache_path={str(cache)!r}, log=False)\n"
        "print(json.dumps([len(outcome.rows), 'spacy' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [3, False]


def test_a_zip_archive_under_another_name_is_still_ranked_entry_by_entry(tmp_path, samples):
    folder = tmp_path / "applicants"
    folder.mkdir()
    with zipfile.ZipFile(folder / "batch-from-the-agency", "w") as archive:  # no .zip in its name
        archive.write(samples / "isp-installer.pdf", "one.pdf")
        archive.write(samples / "weak-match.pdf", "two.pdf")
    shutil.copy(samples / "network-technician.pdf", folder / "zz-last.pdf")
    outcome = rank([str(folder)], load_job("isp-technician"), workers=1, log=False)
    names = [Path(row.source.rsplit("!", 1)[-1]).name for row in sorted(outcome.rows, key=lambda r: r.source)]
    assert names == ["one.pdf", "two.pdf", "zz-last.pdf"]
    assert all(row.status in ("ok", "rejected") for row in outcome.rows)


def test_one_person_is_looked_for_only_among_rows_sharing_a_contact_detail(monkeypatch):
    rows = [RankRow(source=f"applicant-{n}.pdf", status="ok", score=50.0, sha256=f"{n:064x}", words_hash=f"w{n}",
                    name_key=f"person {n}", email_key=f"person{n}@mail.example.net", phone_key=None)
            for n in range(3000)]
    rows[2999].name_key, rows[2999].email_key = "person 7", "person7@mail.example.net"  # applied twice
    compared = []
    real = duplicates.same_person
    monkeypatch.setattr(duplicates, "same_person", lambda a, b: compared.append((a, b)) or real(a, b))
    duplicates.mark_duplicates(rows)
    assert len(compared) == 1  # not 4.5 million pairs
    assert rows[2999].status == "duplicate" and rows[2999].duplicate_of == "applicant-7.pdf"
