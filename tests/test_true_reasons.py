"""Issue 34, part three: every command gives a bad file its true reason.

The README's bad-input table, row by row (the files test_bad_input.py builds), through ``parse``,
``check`` (which reads in a child process under a memory ceiling), ``rank`` and the web page:
the same words everywhere, and "too large to read safely" only where memory really ran out.
"""

from __future__ import annotations

import html
import json
import os

import pytest
from click.testing import CliRunner
from test_bad_input import CASES

from resumematch import api
from resumematch.cli import cli
from resumematch.errors import ResumeMatchError
from resumematch.screening.kinds import CONVERTIBLE_EXTENSIONS, RESUME_EXTENSIONS

TOO_LARGE = "too large to read safely"


def _reason(line: str, label: str) -> str:
    """The words after "<label>: " in an error line or message."""
    line = line.removeprefix("Error: ")
    assert line.startswith(f"{label}: "), line
    return line[len(label) + 2 :]


@pytest.fixture(scope="module")
def web():
    try:
        from fastapi.testclient import TestClient

        from resumematch.web import create_app
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("needs the web extra")
    return TestClient(create_app(), base_url="http://127.0.0.1:8000")


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_command_gives_the_same_reason(case, samples, tmp_path, web):
    file_name, make, error_type, words = CASES[case]
    path = tmp_path / file_name
    data = make(samples)
    path.write_bytes(data)
    runner = CliRunner()

    parsed = runner.invoke(cli, ["parse", str(path)])
    assert parsed.exit_code == 1
    expected = _reason(parsed.stderr.strip(), str(path))
    assert words in expected

    checked = runner.invoke(cli, ["check", str(path), "--job", "network-technician"])
    assert checked.exit_code == 1 and len(checked.stderr.splitlines()) == 1
    assert _reason(checked.stderr.strip(), str(path)) == expected

    with pytest.raises(error_type) as caught:  # the Python check(): the same typed error
        api.check(path, "network-technician")
    assert caught.value.reason == expected

    good = samples / "network-technician.pdf"  # a batch with one good file beside the bad one
    ranked = runner.invoke(cli, ["rank", str(good), str(path), "--job", "network-technician", "--format", "json",
                                 "--workers", "1", "--no-cache"])
    assert ranked.exit_code == 0, ranked.stderr
    outcome = json.loads(ranked.stdout)
    errors = [row["error"] for row in outcome["results"] if row["source"] == str(path)]
    skipped = [s["reason"] for s in outcome["skipped"] if s["source"] == str(path)]
    assert len(errors) + len(skipped) == 1
    if skipped:  # rank lists a file that is no resume by its name (an image, a spreadsheet) as skipped
        assert path.suffix not in RESUME_EXTENSIONS | CONVERTIBLE_EXTENSIONS and skipped[0]
    else:
        assert _reason(errors[0], str(path)) == expected

    response = web.post("/api/check", files={"resume": (file_name, data, "application/octet-stream")},
                        data={"job": "network-technician"})
    assert response.status_code >= 400
    assert _reason(response.json()["error"], file_name) == expected
    page = web.post("/", files={"resume": (file_name, data, "application/octet-stream")},
                    data={"job": "network-technician"})
    assert html.escape(expected, quote=False) in page.text or expected in html.unescape(page.text)


@pytest.mark.parametrize("name, data, words", [
    ("resume.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Network technician\\par}", "RTF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, "old Word .doc"),
    # a picture named .pdf is read as the picture it is (OCR): a damaged one says so
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), "could not be read as PNG"),
])
def test_a_small_unreadable_file_is_never_too_large(name, data, words, tmp_path):
    """The format error raised in the reading child reaches the parent as itself."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ResumeMatchError) as caught:
        api.check(path, "network-technician")
    assert words in caught.value.reason and TOO_LARGE not in caught.value.reason


def test_a_reader_that_really_runs_out_of_memory_is_still_too_large(tmp_path, monkeypatch):
    from resumematch.parsers import isolated

    def exhausts(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(isolated, "parse", exhausts)
    path = tmp_path / "resume.txt"
    path.write_text("Network technician with fiber splicing experience.\n")
    with pytest.raises(ResumeMatchError) as caught:
        isolated.parse_isolated(path)
    assert TOO_LARGE in caught.value.reason
