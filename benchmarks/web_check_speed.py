"""How long the web page takes to answer a check, beside the library's own check, in one run.

    python benchmarks/web_check_speed.py [--rounds 5]

Starts the app on uvicorn (loopback) as `resumematch serve` does, with the pipeline loaded
before the first request, then times, per sample resume (PDF and DOCX) against its role and
for role fit: `resumematch.check` in this process, and `POST /api/check` and `POST /` (the
page, highlights included) over HTTP. Prints the median milliseconds of each.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import httpx

    from resumematch import check

    samples = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    cases = [(path, "network-technician") for path in samples] + [(path, None) for path in samples[:4]]
    timings: dict[str, list[float]] = {"library check": [], "POST /api/check": [], "POST / (page)": []}
    with running_server() as url, httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(args.rounds):
            for path, job in cases:
                data = path.read_bytes()
                form = {"job": job} if job else {}
                start = time.perf_counter()
                check(path, job)
                timings["library check"].append(time.perf_counter() - start)
                for label, route in (("POST /api/check", "/api/check"), ("POST / (page)", "/")):
                    start = time.perf_counter()
                    response = client.post(route, files={"resume": (path.name, data)}, data=form)
                    timings[label].append(time.perf_counter() - start)
                    assert response.status_code == 200, response.text[:200]
    print(f"{len(cases)} checks x {args.rounds} rounds ({len(samples)} samples against one role, 4 for role fit over 11 roles)")
    print(f"{'':20} {'median ms':>10} {'max ms':>8}")
    for label, values in timings.items():
        print(f"{label:20} {1000 * statistics.median(values):10.0f} {1000 * max(values):8.0f}")


if __name__ == "__main__":
    main()
