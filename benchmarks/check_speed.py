"""Wall time of one `resumematch check`, interpreter start and model loading included.

    python benchmarks/check_speed.py [--repeat N] [--against CHECKOUT]

Runs the installed command as a user would, N times per case, and prints the median and the
best wall time and the median CPU time (the command and the child that reads the resume), for a
PDF and a DOCX, with one job and with role fit over every job; beside them, the floor: a process
that only extracts the same file's text with pypdfium2 (python-docx for a DOCX). With
``--against`` (another checkout with its own ``.venv``, e.g. the code before a change), the same
cases run there too, the order of the two swapped every round so that a busy machine slows both
alike, and the reports are compared (the same output, byte for byte, or DIFFERENT is printed).

Both run with Python's bytecode cache on, as an installed package has it (an environment that
sets PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every run),
after one untimed run of each case to fill it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = """
import sys
if sys.argv[1].endswith(".pdf"):
    import pypdfium2
    document = pypdfium2.PdfDocument(sys.argv[1])
    print("".join(page.get_textpage().get_text_range() for page in document))
else:
    import docx
    print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))
"""


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one whole command (the children it waited for included), and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout, run with its own .venv")
    args = parser.parse_args()
    beside = Path(sys.executable).with_name("resumematch")
    command = str(beside) if beside.exists() else (shutil.which("resumematch") or "resumematch")
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
    print(f"{'case':34}" + "".join(f" {name + ' median':>15} {name + ' best':>13} {name + ' CPU':>12}" for name, _, _ in runs)
          + f" {'floor median':>13}  (seconds; wall, CPU median)")
    for label, extra in cases:
        times: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in runs}
        floor = []
        outputs: dict[str, bytes] = {}
        for name, program, cwd in runs:  # untimed: fills the bytecode cache
            subprocess.run([program, "check", *extra], cwd=cwd, env=env, check=True, capture_output=True)
        for round_number in range(args.repeat):
            floor.append(timed([sys.executable, "-c", FLOOR, extra[0]], ROOT, env)[0])
            for name, program, cwd in runs if round_number % 2 == 0 else runs[::-1]:
                wall, cpu, outputs[name] = timed([program, "check", *extra], cwd, env)
                times[name].append((wall, cpu))
        line = f"{label:34}" + "".join(
            f" {statistics.median(w for w, _ in t):15.2f} {min(w for w, _ in t):13.2f} {statistics.median(c for _, c in t):12.2f}"
            for t in times.values()
        ) + f" {statistics.median(floor):13.2f}"
        if len(outputs) > 1:
            line += "  same report" if len(set(outputs.values())) == 1 else "  DIFFERENT report"
        print(line)


if __name__ == "__main__":
    main()
