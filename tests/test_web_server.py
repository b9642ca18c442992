"""Issue 34, part four: the server stays up under abuse, and stops when told.

Requests over a size limit (the whole request, or one field) are refused at once; the work a
request starts (a check, a ranking, an export) runs off the event loop, so other requests are
answered meanwhile; SIGTERM and Ctrl-C (SIGINT) stop a real ``resumematch serve`` even while
such work is in flight.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

import pytest

try:
    from fastapi.testclient import TestClient

    from resumematch.web import create_app
    from resumematch.web.app import EXPORT_BYTES, EXPORT_LINES
except ImportError:
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("needs the web extra: pip install -e '.[web,test]'", allow_module_level=True)


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), base_url="http://127.0.0.1:8000")


def _multipart(fields: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value + b"\r\n"
        for name, value in fields
    ) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("fields", [
    [("section", b"- a bullet line\n" * 65_000)] * 8,  # eight sections of a megabyte
    [("text", b"x" * (EXPORT_BYTES + 1))],  # one field past the limit
    [("text", b"- a line\n" * (EXPORT_LINES + 1))],  # small, but more lines than any resume
], ids=["request", "field", "lines"])
def test_an_export_over_a_limit_is_refused_at_once(client, fields):
    body, content_type = _multipart(fields)
    response = client.post("/api/export", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 413
    assert "limit" in response.json()["error"] or "more than" in response.json()["error"]


def test_an_export_within_the_limits_is_built(client):
    body, content_type = _multipart([("text", b"Ana Ruiz\nExperience\n- Configured VLANs\n"), ("format", b"txt")])
    response = client.post("/api/export", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 200 and "Configured VLANs" in response.text


def test_a_pasted_text_past_the_character_limit_is_refused(client):
    response = client.post("/api/check", data={"text": "word " * 120_000, "job": "isp-technician"})
    assert response.status_code == 413


# -- a real server ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 60) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status


@pytest.fixture
def server():
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "resumematch", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # the skill model loads first; a hang detector, not a speed test
    while True:
        try:
            if _get(f"{base}/api/jobs", timeout=5) == 200:
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the server did not start: {process.stderr.read().decode(errors='replace')}")
            time.sleep(0.3)
    yield process, base
    if process.poll() is None:
        process.kill()
        process.wait()


def _export(base: str, finished: list, lines: int) -> None:
    text = ("Ana Ruiz\nExperience\n" + "- Configured VLANs and DHCP for a regional ISP\n" * (lines - 2)).encode()
    body, content_type = _multipart([("text", text)])
    request = urllib.request.Request(f"{base}/api/export", data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
        finished.append("export")
    except OSError:
        finished.append("export stopped")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_the_server_answers_during_an_export_and_stops_when_told(server, stop):
    process, base = server
    finished: list[str] = []
    exports = [threading.Thread(target=_export, args=(base, finished, EXPORT_LINES - 1), daemon=True) for _ in range(3)]
    for thread in exports:
        thread.start()
    time.sleep(0.5)  # the exports are in flight
    assert _get(f"{base}/api/jobs") == 200
    finished.append("jobs")
    assert finished[0] == "jobs"  # answered while the exports were still being built
    process.send_signal(stop)
    try:
        code = process.wait(timeout=60)  # a hang detector: it stops within its few seconds' grace
    except subprocess.TimeoutExpired:
        pytest.fail("the server ignored the signal")
    assert code in (0, -stop, 128 + stop)
