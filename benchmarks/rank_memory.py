"""Peak memory of `rank` for a small and a large pool: it should not grow with the pool.

    python benchmarks/rank_memory.py [--small 500] [--large 10000] [--workers 2]

Each pool is made of distinct short text resumes (distinct bytes, so nothing is a cache hit or
an exact duplicate of another file); each size runs in its own process, and the script prints
the peak resident memory of the main process and of the largest worker.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys
from resumematch.jobs import load_job
from resumematch.screening.rank import rank
outcome = rank([sys.argv[1]], load_job("network-technician"), workers=int(sys.argv[2]), log=False)
print(json.dumps({
    "rows": len(outcome.rows),
    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""

SKILLS = ["DOCSIS", "GPON", "VLANs", "OSPF", "BGP", "fiber splicing", "OTDR testing", "Wireshark", "DNS", "DHCP"]


def write_pool(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        skills = ", ".join(SKILLS[(n + k) % len(SKILLS)] for k in range(4))
        (folder / f"applicant-{n:05d}.txt").write_text(
            f"Applicant {n}\napplicant{n}@example.com\nExperience\nNetwork technician, ticket {n}: {skills}.\n"
            f"Skills\n{skills}, customer service\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'resumes':>8} {'rows':>8} {'main MB':>9} {'worker MB':>10}")
        for count in (args.small, args.large):
            folder = Path(tmp) / f"pool-{count}"
            write_pool(folder, count)
            out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(args.workers)],
                                 capture_output=True, text=True, check=True)
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{count:8d} {figures['rows']:8d} {figures['main_mb']:9.0f} {figures['worker_mb']:10.0f}")


if __name__ == "__main__":
    main()
