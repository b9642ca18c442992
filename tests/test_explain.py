"""An explanation per candidate: `rank --explain DIR` and a link per row on the web shortlist."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from builders import finished_shortlist, folder_of
from click.testing import CliRunner

from resumematch.cli import cli

JOB = "network-technician"
RESUMES = {
    "ana.txt": "Ana Ruiz\nana.ruiz@prairie-mail.net\nNetwork Technician\n\nExperience\n"
               "- Configured VLANs and DHCP on Cisco switches for a regional ISP.\n"
               "- Troubleshot DOCSIS modems with Wireshark.\n\nCertifications\nCCNA\nValid driver's license\n",
    "ben.txt": "Ben Okoye\nField Technician\n\nExperience\n- Installed coaxial cable and Wi-Fi routers for customers.\n"
               "\nLicenses\nValid driver's license\n",
}


@pytest.fixture
def folder(tmp_path):
    return folder_of(tmp_path / "applicants", RESUMES)


def test_rank_explain_writes_a_plain_words_report_per_candidate(tmp_path, folder):
    out = tmp_path / "why"
    result = CliRunner().invoke(cli, ["rank", str(folder), "--job", JOB, "--require", "CCNA", "--no-cache", "--workers", "1",
                                      "--quiet", "--no-log", "--explain", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert files == ["0001-ana.md", "rejected-ben.md"]

    ana = (out / "0001-ana.md").read_text(encoding="utf-8")
    assert re.search(r"Result: ranked 1 of 1, score [\d.]+ out of 100\.", ana)
    for component in ("skills", "similarity", "title"):
        assert re.search(rf"^- {component} [\d.]+ of 100: ", ana, re.M), component
    assert re.search(r"## Required skills: \d+ of \d+ found", ana)
    assert "- found: VLANs, named in experience" in ana
    assert "- not found: DNS" in ana
    assert "## Preferred skills" in ana and "- found: Wireshark, named in experience" in ana
    assert "Knock-outs asked for" in ana and "this resume shows them all" in ana
    assert "does not consider: the candidate's name, email" in ana and "a person decides" in ana

    ben = (out / "rejected-ben.md").read_text(encoding="utf-8")
    assert "Result: not ranked" in ben and "requires CCNA" in ben
    assert "- found: Wi-Fi" in ben and "- not found: VLANs" in ben


def test_every_row_gets_an_explanation_even_an_error(tmp_path, folder):
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    out = tmp_path / "why"
    result = CliRunner().invoke(cli, ["rank", str(folder), "--job", JOB, "--no-cache", "--workers", "1", "--quiet",
                                      "--no-log", "--explain", str(out)])
    assert result.exit_code == 0, result.output
    files = list(out.iterdir())
    assert len(files) == 3
    broken = next(p for p in files if "broken" in p.name).read_text(encoding="utf-8")
    assert "Result: could not be read" in broken


def test_the_web_shortlist_links_each_row_to_its_explanation(folder):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from resumematch.web import create_app

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    client = TestClient(create_app(), base_url="http://127.0.0.1:8000")
    page = finished_shortlist(client, buffer.getvalue(), JOB)
    links = re.findall(r'href="(/shortlist/[^"]+/explain/\d+)"', page)
    assert len(links) == len(RESUMES)
    first = client.get(links[0])
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/plain")
    assert "## What the score is made of" in first.text and "a person decides" in first.text
    assert client.get(links[0].rsplit("/", 1)[0] + "/99").status_code == 404
