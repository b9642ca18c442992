"""Wall time of one `resumematch check`, interpreter start and model loading included.

    python benchmarks/check_speed.py [--repeat N]

Runs the installed command as a user would, N times per case, and prints the median and the
best, side by side for a PDF and a DOCX, with one job and with role fit over every job.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    command = shutil.which("resumematch") or str(Path(sys.executable).with_name("resumematch"))
    cases = [
        ("PDF, --job network-technician", ["samples/network-technician.pdf", "--job", "network-technician"]),
        ("DOCX, --job network-technician", ["samples/network-technician.docx", "--job", "network-technician"]),
        ("PDF, role fit over every job", ["samples/network-technician.pdf"]),
        ("DOCX, --format html", ["samples/technical-support.docx", "--job", "technical-support-specialist", "--format", "html"]),
    ]
    print(f"{'case':34} {'median':>8} {'best':>8}  (seconds, wall time)")
    for label, extra in cases:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([command, "check", *extra], cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"{label:34} {statistics.median(times):8.2f} {min(times):8.2f}")


if __name__ == "__main__":
    main()
