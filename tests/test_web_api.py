"""The web app's routes and API through FastAPI's test client (issue 13). The same pages in a real
browser are in test_web_browser.py."""

from __future__ import annotations

import html
import io
import json
import os
import re
import sys
import zipfile

import pytest
from click.testing import CliRunner

from resumematch.cli import cli

try:
    from fastapi.testclient import TestClient

    from resumematch.web import create_app
except ImportError:
    if os.environ.get("CI") == "true":  # CI installs every extra: a missing one is a failure there
        raise
    pytest.skip("needs the web extra: pip install -e '.[web,test]'", allow_module_level=True)

SCRIPT_RESUME = (
    "Ana Ruiz\nana@example.org\nExperience\n"
    "- Configured VLANs and DHCP for 40 sites <script>window.pwned = true</script>\n"
    "Skills\nDHCP, VLANs, <img src=x onerror=alert(1)>\n"
)


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), base_url="http://127.0.0.1:8000")


def _sample(samples, name: str) -> tuple[str, bytes, str]:
    return name, (samples / name).read_bytes(), "application/octet-stream"


def test_the_check_page_shows_the_score_and_marks_the_matched_words(client, samples):
    from resumematch import check

    response = client.post("/", files={"resume": _sample(samples, "network-technician.pdf")}, data={"job": "network-technician"})
    assert response.status_code == 200
    expected = check(samples / "network-technician.pdf", "network-technician").result
    assert re.search(rf'id="score"><span>{expected.score:g}</span>', response.text)
    resume_text = response.text.split('id="resume-text">', 1)[1].split("</pre>", 1)[0]
    marked = {html.unescape(t) for t in re.findall(r'<mark class="matched" title="([^"]+)">', resume_text)}
    assert {m.name for m in expected.matched if m.importance == "required"} & set(marked)
    posting_text = response.text.split('id="posting-text">', 1)[1].split("</pre>", 1)[0]
    missing_required = {m.name for m in expected.missing if m.importance == "required"}
    marked_missing = {html.unescape(t) for t in re.findall(r'<mark class="missing" title="([^"]+)">', posting_text)}
    assert missing_required and marked_missing and marked_missing <= missing_required


def test_every_page_forbids_inline_and_remote_scripts(client):
    for path in ("/", "/shortlist", "/docs", "/api/jobs", "/static/app.js"):
        header = client.get(path).headers["content-security-policy"]
        policy = {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}
        assert policy["script-src"] == ["'self'"] and policy["default-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"]
        assert policy["style-src"] == ["'self'"]  # the API page too: it is made here, no explorer's inline styles


def test_resume_text_with_markup_is_shown_as_text(client):
    response = client.post("/", files={"resume": ("x.txt", SCRIPT_RESUME.encode(), "text/plain")}, data={"job": "network-technician"})
    assert response.status_code == 200
    assert "<script>window.pwned" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;window.pwned = true&lt;/script&gt;" in response.text
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts and all(re.fullmatch(r'<script src="/static/\w+\.js" defer>', s) for s in scripts)  # the app's own files only


def test_the_api_check_returns_the_clis_json(client, samples, tmp_path):
    response = client.post("/api/check", files={"resume": _sample(samples, "isp-installer.docx")}, data={"job": "isp-technician"})
    cli_json = CliRunner().invoke(cli, ["check", str(samples / "isp-installer.docx"), "--job", "isp-technician", "--format", "json"])
    api, expected = response.json(), json.loads(cli_json.stdout)
    api["resume"] = expected["resume"] = None  # the CLI names the path, the API the uploaded name
    assert response.status_code == 200 and api == expected


def test_a_pasted_posting_and_role_fit(client, samples):
    posting = ("Network Technician\nRequirements\n- CompTIA Network+\n- Experience with VLANs and DHCP\n"
               "- Fiber splicing\nBenefits\n- Dental plan\n")
    pasted = client.post("/api/check", files={"resume": _sample(samples, "network-technician.pdf")}, data={"posting": posting}).json()
    required = {m["name"] for m in pasted["matched"] + pasted["missing"] if m["importance"] == "required"}
    assert {"CompTIA Network+", "VLANs", "DHCP"} <= required
    role_fit = client.post("/api/check", files={"resume": _sample(samples, "network-technician.pdf")}).json()
    assert role_fit["roles"] and role_fit["roles"][0]["score"] >= role_fit["roles"][-1]["score"]


@pytest.mark.parametrize("name, data, status, message", [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", 422, "broken.pdf: could not be read as PDF"),
    ("sheet.xlsx", b"PK\x03\x04" + b"\0" * 60, 422, "sheet.xlsx:"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, 415, "old.doc:"),
    ("empty.txt", b"", 422, "empty.txt:"),
])
def test_a_bad_file_is_the_clis_one_line_error_with_a_fitting_status(client, name, data, status, message):
    response = client.post("/api/check", files={"resume": (name, data, "application/octet-stream")}, data={"job": "isp-technician"})
    assert response.status_code == status and response.json()["error"].startswith(message)
    page = client.post("/", files={"resume": (name, data, "application/octet-stream")}, data={"job": "isp-technician"})
    assert page.status_code == status and "Traceback" not in page.text
    assert re.search(r'role="alert"><strong>Error:</strong> ' + re.escape(message), page.text)


def test_requests_without_a_file_or_with_an_unknown_job_are_400(client, samples):
    assert client.post("/api/check", files={"other": ("x.txt", b"x", "text/plain")}).status_code == 400
    unknown = client.post("/api/check", files={"resume": _sample(samples, "isp-installer.docx")}, data={"job": "../../etc/passwd"})
    assert unknown.status_code == 400 and "unknown job" in unknown.json()["error"]
    assert client.post("/api/check", data={"job": "isp-technician"}).status_code == 400  # a form, but no resume
    assert client.post("/api/check", json={"text": "Skills\nDHCP"}).status_code == 415  # not a form


def test_the_size_limit_is_enforced_while_streaming_and_nothing_touches_the_disk(monkeypatch):
    import tempfile

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was about to be written to disk")

    for name in ("SpooledTemporaryFile", "TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    small = TestClient(create_app(limits={"max_bytes": 100_000}), base_url="http://127.0.0.1")
    big = b"Experience\n" + b"Configured VLANs. " * 200_000  # 3.4 MB: Starlette would spool it to a temporary file
    response = small.post("/api/check", files={"resume": ("big.txt", big, "text/plain")})
    assert response.status_code == 413 and response.json()["error"].startswith("big.txt: is larger than the 97 KB limit")
    fits = small.post("/api/check", files={"resume": ("ok.txt", big[:50_000], "text/plain")}, data={"job": "network-technician"})
    assert fits.status_code == 200


def test_a_request_for_another_host_name_is_refused():
    from resumematch.web import allowed_hosts

    client = TestClient(create_app(allowed_hosts=allowed_hosts("127.0.0.1")), base_url="http://127.0.0.1:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    rebound = client.get("/", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400 and "score" not in rebound.text


def _zip(samples, broken: bytes = b"%PDF-1.4 nothing") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for sample in sorted(samples.glob("*.pdf")):
            archive.writestr(sample.name, sample.read_bytes())
        archive.writestr("broken.pdf", broken)
    return buffer.getvalue()


def test_the_api_rank_gives_every_input_a_row_as_the_cli_does(client, samples, tmp_path):
    archive = _zip(samples)
    response = client.post("/api/rank", files=[("files", ("pool.zip", archive, "application/zip")),
                                               ("files", ("notes.txt", b"", "text/plain"))],
                           data={"job": "network-technician", "require": "CompTIA Network+"})
    assert response.status_code == 200
    api = response.json()
    (tmp_path / "pool.zip").write_bytes(archive)
    (tmp_path / "notes.txt").write_bytes(b"")
    expected = json.loads(CliRunner().invoke(cli, ["rank", str(tmp_path / "pool.zip"), str(tmp_path / "notes.txt"), "--job",
                                                   "network-technician", "--require", "CompTIA Network+", "--format", "json",
                                                   "--no-cache", "--workers", "1"]).stdout)
    strip = re.compile(r"^" + re.escape(str(tmp_path)) + "/")
    for row in expected["results"]:
        for key in ("source", "duplicate_of", "possible_duplicate_of", "error"):
            if row[key]:
                row[key] = strip.sub("", row[key]).replace(" " + str(tmp_path) + "/", " ")
    assert api == expected
    assert api["summary"]["inputs"] == len(list(samples.glob("*.pdf"))) + 2 and api["summary"]["error"] == 2


def test_the_shortlist_page_runs_in_the_background_and_downloads_csv(client, samples):
    import time

    started = client.post("/shortlist", files=[("files", ("pool.zip", _zip(samples), "application/zip"))],
                          data={"job": "network-technician", "top": "2"}, follow_redirects=False)
    assert started.status_code == 303
    location = started.headers["location"]
    deadline = time.monotonic() + 60
    while not client.get(f"/api{location.replace('/shortlist', '/rank')}").json()["finished"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    page = client.get(location)
    assert page.status_code == 200 and page.text.count("<tr class=\"status-") == len(list(samples.glob("*.pdf"))) + 1
    csv_text = client.get(f"{location}/ranking.csv").text
    assert csv_text.startswith("\ufeffrank,score,status,source,") and "pool.zip!broken.pdf" in csv_text


def test_the_api_page_is_served_by_the_app_itself(client):
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sources and not re.findall(r'(?:src|href)="(?:https?:)?//', page.text)
    for source in sources:
        assert client.get(source).status_code == 200
    schema = client.get("/openapi.json").json()
    for path, methods in schema["paths"].items():  # every operation described, with its fields
        for method, spec in methods.items():
            assert f"<code>{method.upper()} {html.escape(path)}</code></h2>" in page.text
            for name in spec.get("requestBody", {}).get("content", {}).get("multipart/form-data", {}).get("schema", {}).get("properties", {}):
                assert f"<code>{name}</code>" in page.text
    assert "curl -s -F resume=@samples/career-changer.pdf -F job=network-technician http://127.0.0.1:8000/api/check" in page.text
    assert {"/api/check", "/api/rank", "/api/jobs"} <= set(schema["paths"])
    assert "resume" in schema["paths"]["/api/check"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]


def test_the_api_jobs_are_the_clis(client):
    assert client.get("/api/jobs").json() == json.loads(CliRunner().invoke(cli, ["jobs", "--format", "json"]).stdout)


def test_serve_says_how_to_install_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi", None)
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: the web page needs the web extra: pip install 'resumematch[web]'"


def test_serve_binds_to_this_machine_unless_told_and_warns_when_told(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))  # no server in this test
    local = CliRunner().invoke(cli, ["serve"])
    assert local.exit_code == 0 and "http://127.0.0.1:8000/ (this machine only)" in local.stderr
    shared = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8080"])
    assert shared.exit_code == 0 and "Resumes are personal data" in shared.stderr
    assert [(c["host"], c["port"], c["access_log"]) for c in calls] == [("127.0.0.1", 8000, False), ("0.0.0.0", 8080, False)]
