"""The parse command, the module entry point and the installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch.cli import cli
from resumematch.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent


def test_parse_json_has_the_contract_fields(samples):
    result = CliRunner().invoke(cli, ["parse", str(samples / "technical-support.docx"), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {"source", "format", "pages", "text", "sections", "warnings"} <= set(payload)
    assert payload["format"] == "docx" and payload["pages"] == 1
    for section in payload["sections"]:
        assert set(section) >= {"name", "start", "end"}
        assert payload["text"][section["start"] : section["end"]].strip()
    skills = next(s for s in payload["sections"] if s["name"] == "skills")
    assert "Zendesk" in payload["text"][skills["start"] : skills["end"]]
    assert payload["contact"]["email"] == "tomas.berg@example.com"
    assert payload["contact"]["name"] == "Tomas Berg"


def test_parse_text_prints_the_text_and_warnings_on_stderr(samples):
    result = CliRunner().invoke(cli, ["parse", str(samples / "technical-support.docx")])
    assert result.exit_code == 0
    assert result.stdout.startswith("Tomas Berg\nTechnical Support Specialist\n")
    assert "text boxes" in result.stderr and result.stderr.startswith("Warning: ")


def test_unknown_format_option_is_a_usage_error(samples):
    result = CliRunner().invoke(cli, ["parse", str(samples / "weak-match.pdf"), "--format", "xml"])
    assert result.exit_code == 2


def test_python_dash_m_runs_the_cli(samples):
    out = subprocess.run(
        [sys.executable, "-m", "resumematch", "parse", str(samples / "network-technician.pdf")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert out.returncode == 0 and out.stdout.startswith("Marisol Vega\n")


def test_python_api_is_reexported(samples):
    import resumematch

    document = resumematch.parse(samples / "network-technician.pdf")
    assert isinstance(document, resumematch.Document)
    assert document.to_dict()["format"] == "pdf"


def test_data_folders_are_found():
    assert data_dir("models").is_dir() and data_dir("job_descriptions").is_dir()
    with pytest.raises(ValueError):
        data_dir("secrets")


def test_wheel_carries_the_data_and_runs_from_another_folder(tmp_path, samples):
    """Build the wheel, install it into a fresh venv, run the CLI from elsewhere."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(wheel_dir)],
        check=True, capture_output=True,
    )
    (wheel,) = wheel_dir.glob("resumematch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("models", "job_descriptions"):
        expected = {f"resumematch/{folder}/{p.relative_to(ROOT / folder)}" for p in (ROOT / folder).rglob("*") if p.is_file()}
        assert expected and expected <= set(names), folder

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    # The runtime dependencies come from this environment, so the test needs no network.
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "outer-deps.pth").write_text("\n".join(ours) + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [venv / "bin" / "resumematch", "parse", str(samples / "network-technician.docx"), "--format", "json"],
        capture_output=True, text=True, cwd=elsewhere, env=env,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["contact"]["email"] == "marisol.vega@example.com"
    out = subprocess.run(
        [venv / "bin" / "resumematch", "skills", str(samples / "network-technician.docx"), "--format", "json"],
        capture_output=True, text=True, cwd=elsewhere, env=env,
    )
    assert out.returncode == 0, out.stderr
    assert {"ccna", "docsis", "otdr"} <= {s["id"] for s in json.loads(out.stdout)["skills"]}
    report = elsewhere / "report.html"
    out = subprocess.run(
        [venv / "bin" / "resumematch", "check", str(samples / "network-technician.pdf"), "--job", "network-technician",
         "--output", str(report)],
        capture_output=True, text=True, cwd=elsewhere, env=env,
    )
    assert out.returncode == 0, out.stderr
    assert "<svg" in report.read_text() and "Network Technician" in report.read_text()
    where = subprocess.run(
        [python, "-c", "from resumematch.resources import data_dir; print(data_dir('models')); print(data_dir('job_descriptions'))"],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=True,
    ).stdout.split()
    assert all(path.startswith(site) for path in where), where


def test_samples_are_what_the_committed_generator_writes(tmp_path, samples):
    """samples/ is reproducible: the script writes documents that read the same as the committed ones."""
    from resumematch import parse

    subprocess.run([sys.executable, str(samples / "generate.py"), str(tmp_path)], check=True, capture_output=True)
    committed = sorted(p.name for p in samples.glob("*.pdf")) + sorted(p.name for p in samples.glob("*.docx"))
    assert len(committed) >= 16
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(committed)
    for name in committed:
        assert parse(tmp_path / name).text == parse(samples / name).text, name


def test_skills_json_follows_the_contract(samples):
    result = CliRunner().invoke(cli, ["skills", str(samples / "isp-installer.pdf"), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    text = json.loads(CliRunner().invoke(cli, ["parse", str(samples / "isp-installer.pdf"), "--format", "json"]).stdout)["text"]
    assert payload["source"].endswith("isp-installer.pdf")
    by_id = {s["id"]: s for s in payload["skills"]}
    assert {"bicsi-cbi", "pole-climbing", "bucket-truck", "drivers-license", "ftth"} <= set(by_id)
    for skill in payload["skills"]:
        assert set(skill) == {"id", "name", "category", "mentions"}
        for mention in skill["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_skills_text_groups_by_category(samples):
    result = CliRunner().invoke(cli, ["skills", str(samples / "technical-support.docx")])
    assert result.exit_code == 0
    assert "certification:\n" in result.stdout and "CompTIA A+ (comptia-a-plus)" in result.stdout


def test_skills_on_a_bad_file_is_one_error_line(tmp_path):
    bad = tmp_path / "resume.pdf"
    bad.write_bytes(b"%PDF-1.7 truncated")
    result = CliRunner().invoke(cli, ["skills", str(bad)])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {bad}: could not be read as PDF")
