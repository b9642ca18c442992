"""How long the editor's re-score takes: the text of an already analysed resume checked again
against the same job, as the report page asks after each pause in typing.

    python benchmarks/web_rescore_speed.py [--rounds 20]

Starts the app on uvicorn (loopback) as `resumematch serve` does, checks each sample resume
once (its file), then times `POST /api/check` with its text and one word added, against a
shipped role, a pasted posting (the first answer reads the posting; later ones use the cached
job: "first" and "cached" side by side), and for role fit. Also times the library's steps alone
(the text read, and the check). Prints the median and worst milliseconds of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from webdriver import running_server  # noqa: E402

POSTING = """Network Support Technician
About the role
Keep our fiber and cable subscribers online: install, configure and troubleshoot customer equipment.
Requirements
- CompTIA Network+ or CCNA
- DHCP, DNS, VLANs and TCP/IP
- Network troubleshooting with Wireshark
- A valid driver's license
Nice to have
- DOCSIS and GPON experience
- Ticketing systems (ServiceNow)
Benefits
- Dental and vision plans
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    import httpx

    from resumematch import check
    from resumematch.parsers import parse, parse_text

    samples = sorted((ROOT / "samples").glob("*.pdf"))
    texts = {path.name: parse(path).text for path in samples}
    timings: dict[str, list[float]] = {}

    def timed(label: str, call) -> None:
        start = time.perf_counter()
        call()
        timings.setdefault(label, []).append(time.perf_counter() - start)

    with running_server() as url, httpx.Client(base_url=url, timeout=60) as client:
        def post(**fields):
            response = client.post("/api/check", data=fields)
            assert response.status_code == 200, response.text[:200]

        for path in samples:
            timed("first check of the file", lambda: client.post("/api/check", files={"resume": (path.name, path.read_bytes())},
                                                                   data={"job": "network-technician"}))
        for n in range(args.rounds):
            for name, text in texts.items():
                edited = f"{text}\nDHCP {n}"
                timed("library: read the text", lambda: parse_text(edited))
                timed("library: check the text", lambda: check(parse_text(edited), "network-technician"))
                timed("re-score, shipped role", lambda: post(text=edited, job="network-technician"))
                posting = POSTING + f"\nRef {name} {n}\n" if n == 0 else POSTING + f"\nRef {name} 0\n"
                timed("re-score, posting (first)" if n == 0 else "re-score, posting (cached)", lambda: post(text=edited, posting=posting))
                if n < 3:
                    timed("re-score, role fit (11 roles)", lambda: post(text=edited))
    import os

    print(f"{len(samples)} sample resumes x {args.rounds} rounds; the server's pipeline loaded before the first request; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':32} {'median ms':>10} {'max ms':>8} {'n':>5}")
    for label, values in timings.items():
        print(f"{label:32} {1000 * statistics.median(values):10.1f} {1000 * max(values):8.1f} {len(values):5d}")


if __name__ == "__main__":
    main()
