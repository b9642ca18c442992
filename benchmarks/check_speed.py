"""Wall time of one `resumematch check`, interpreter start and model loading included.

    python benchmarks/check_speed.py [--repeat N] [--against CHECKOUT]

Runs the installed command as a user would, N times per case, and prints the median and the
best, side by side for a PDF and a DOCX, with one job and with role fit over every job. With
``--against`` (another checkout with its own ``.venv``, e.g. the code before a change), the same
cases run there too, interleaved run by run so that a busy machine slows both alike, and the
two are printed side by side.

Both run with Python's bytecode cache on, as an installed package has it (an environment that
sets PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every run),
after one untimed run of each case to fill it.
"""

from __future__ import annotations

import argparse
import os
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
    parser.add_argument("--against", type=Path, help="another checkout, run with its own .venv")
    args = parser.parse_args()
    command = shutil.which("resumematch") or str(Path(sys.executable).with_name("resumematch"))
    runs = [("this", command, ROOT)]
    if args.against:
        runs.append(("against", str(args.against / ".venv" / "bin" / "resumematch"), args.against))
    cases = [
        ("PDF, --job network-technician", ["samples/network-technician.pdf", "--job", "network-technician"]),
        ("DOCX, --job network-technician", ["samples/network-technician.docx", "--job", "network-technician"]),
        ("PDF, role fit over every job", ["samples/network-technician.pdf"]),
        ("DOCX, --format html", ["samples/technical-support.docx", "--job", "technical-support-specialist", "--format", "html"]),
    ]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"{'case':34}" + "".join(f" {name + ' median':>15} {name + ' best':>13}" for name, _, _ in runs) + "  (seconds, wall time)")
    for label, extra in cases:
        times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        for name, program, cwd in runs:  # untimed: fills the bytecode cache
            subprocess.run([program, "check", *extra], cwd=cwd, env=env, check=True, capture_output=True)
        for _ in range(args.repeat):
            for name, program, cwd in runs:
                start = time.perf_counter()
                subprocess.run([program, "check", *extra], cwd=cwd, env=env, check=True, capture_output=True)
                times[name].append(time.perf_counter() - start)
        print(f"{label:34}" + "".join(f" {statistics.median(t):15.2f} {min(t):13.2f}" for t in times.values()))


if __name__ == "__main__":
    main()
