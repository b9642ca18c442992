"""`rank` on Dask against the local engine: resumes per second side by side, the Dask per-file
overhead, and the client's memory per row for a large synthetic run.

    python benchmarks/rank_scaling.py [--copies 8] [--rows 100000] [--small N] [--skip-memory] [--skip-speed]

Needs the cluster extra (pip install -e '.[cluster]'). The pool is rank_speed.py's: every sample
(and ../shared/corpus PDF and DOCX when present), each copied N times with distinct bytes. No
cache, so every file is parsed. Printed:

  local, 1 / 2 workers    rank's own process pool
  dask, 1 / 2 workers     a LocalCluster on loopback started before the clock (startup printed
                          apart: a real cluster is already running)
  overhead                Dask seconds per file over local seconds per file, 1 worker each

First the client's bookkeeping alone (duplicates, ranking, the CSV, the run log's hash) on
synthetic rows at --small and --rows, in this process: rows per second that must not fall.
Then the client's peak memory and its own throughput for a synthetic run of short distinct text
resumes at --small (default a tenth of --rows) and at --rows (the client in its own process; a
`dask scheduler` and two `dask worker` processes on loopback, as a real cluster): the
difference in memory per row (what the client keeps per input), and the rows per second of the
client's own CPU time (reading each file, sending it, collecting its row, duplicates, ranking,
writing the CSV), which must not fall as the run grows. On a machine with few cores the wall
time is the workers'; the client's CPU time is what caps a client in front of a large cluster.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rank_memory import write_pool  # noqa: E402
from rank_speed import build_pool  # noqa: E402

CLIENT = """
import json, resource, sys, time
start = resource.getrusage(resource.RUSAGE_SELF)
from resumematch.jobs import load_job
from resumematch.render.ranking import render
from resumematch.screening.rank import rank
outcome = rank([sys.argv[1]], load_job("network-technician"), scheduler=sys.argv[2], log=sys.argv[3])
with open(sys.argv[4], "w", encoding="utf-8") as out:
    out.write(render(outcome, "csv"))
end = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rows": len(outcome.rows), "client_mb": end.ru_maxrss / 1024,
                  "client_cpu": end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime}))
"""


def speed(copies: int) -> None:
    import distributed

    from resumematch.jobs import load_job
    from resumematch.screening.rank import rank

    folder = Path(tempfile.mkdtemp(prefix="rank-scaling-"))
    try:
        pool = folder / "pool"
        pool.mkdir()
        paths = build_pool(pool, copies)
        job = load_job("network-technician")
        timings: dict[str, float] = {}
        for workers in (1, 2):
            start = time.perf_counter()
            reference = rank([str(pool)], job, workers=workers, log=False)
            timings[f"local, {workers} worker{'s' * (workers > 1)}"] = time.perf_counter() - start
        startups = {}
        for workers in (1, 2):
            start = time.perf_counter()
            with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                                          dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
                with distributed.Client(cluster, set_as_default=False) as client:
                    client.run(lambda: __import__("resumematch.skills").skills.load_pipeline() and None)
                startups[workers] = time.perf_counter() - start
                start = time.perf_counter()
                outcome = rank([str(pool)], job, scheduler=cluster.scheduler_address, log=False)
                timings[f"dask, {workers} worker{'s' * (workers > 1)}"] = time.perf_counter() - start
            assert [r.to_dict() for r in outcome.rows] == [r.to_dict() for r in reference.rows]
        print(f"{len(paths)} resumes ({copies} copies of each original), {os.cpu_count()} cores, no cache")
        print(f"{'':24} {'seconds':>8} {'resumes/s':>10} {'ms/file':>8}")
        for label, seconds in timings.items():
            print(f"{label:24} {seconds:8.2f} {len(paths) / seconds:10.1f} {1000 * seconds / len(paths):8.1f}")
        print(f"dask overhead, 1 worker: {timings['dask, 1 worker'] / timings['local, 1 worker']:.2f}x local seconds per file")
        print("cluster startup (not in the figures above): "
              + ", ".join(f"{w} worker{'s' * (w > 1)} {s:.1f} s" for w, s in startups.items()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def loopback_cluster(folder: Path, workers: int = 2):
    """A cluster shaped like a real one: `dask scheduler` and `dask worker` as their own
    processes on loopback, so the client process holds only what the client holds."""
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    address_file = folder / "scheduler.json"
    scheduler = subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--no-dashboard", "--scheduler-file", str(address_file)], **quiet)
    processes = [scheduler]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.2)
        time.sleep(0.5)
        processes.append(subprocess.Popen([sys.executable, "-m", "dask", "worker", "--scheduler-file", str(address_file),
                                           "--nworkers", str(workers), "--nthreads", "1", "--host", "127.0.0.1",
                                           "--no-dashboard"], **quiet))
        address = json.loads(address_file.read_text())["address"]
        import distributed

        with distributed.Client(address, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


def memory(rows: int, small: int | None = None) -> None:
    small = small or rows // 10
    with tempfile.TemporaryDirectory() as tmp:
        figures = {}
        for count in (small, rows):
            folder = Path(tmp) / f"pool-{count}"
            write_pool(folder, count)
            with loopback_cluster(Path(tmp)) as address:
                start = time.perf_counter()
                out = subprocess.run([sys.executable, "-c", CLIENT, str(folder), address, str(Path(tmp) / "runs.jsonl"),
                                      str(Path(tmp) / "ranking.csv")], capture_output=True, text=True, check=True)
                seconds = time.perf_counter() - start
            (Path(tmp) / "scheduler.json").unlink(missing_ok=True)
            figures[count] = json.loads(out.stdout.strip().splitlines()[-1]) | {"seconds": seconds}
            shutil.rmtree(folder)
        print(f"\n{'synthetic rows':>14} {'client peak MB':>15} {'seconds':>8} {'resumes/s':>10} {'client CPU s':>13} "
              f"{'rows per client CPU s':>22}   (scheduler and 2 workers in their own processes)")
        for count, figure in figures.items():
            assert figure["rows"] == count
            print(f"{count:14d} {figure['client_mb']:15.0f} {figure['seconds']:8.0f} {count / figure['seconds']:10.1f} "
                  f"{figure['client_cpu']:13.1f} {count / figure['client_cpu']:22.0f}")
        per_row = (figures[rows]["client_mb"] - figures[small]["client_mb"]) * 1024 / (rows - small)
        print(f"client memory per row: {per_row:.1f} KB")
        ratio = (rows / figures[rows]["client_cpu"]) / (small / figures[small]["client_cpu"])
        print(f"client rows per CPU second at {rows} over {small}: {ratio:.2f}")


def bookkeeping(rows: int, small: int) -> None:
    """What the client does with rows once they are back, whatever ran them: duplicates, ranking,
    the CSV and the run log's output hash, on synthetic rows of distinct people, in this process.
    Rows per second must not fall with the size of the run (it fell to nothing when every pair
    of rows was compared for one person's two resumes)."""
    from resumematch.jobs import load_job
    from resumematch.render.ranking import render
    from resumematch.screening.duplicates import mark_duplicates
    from resumematch.screening.rows import RankOutcome, RankRow, place
    from resumematch.screening.runlog import output_digest

    job = load_job("network-technician")
    print(f"\n{'rows':>8} {'CPU s':>7} {'rows/s':>9}   (client bookkeeping: duplicates, ranking, CSV, output hash)")
    for count in (small, rows):
        made = [RankRow(source=f"applicant-{n:06d}.txt", status="ok", score=float(n % 89), sha256=f"{n:064x}",
                        words_hash=f"{n:x}", name=f"Applicant {n}", name_key=f"applicant {n}",
                        email_key=f"applicant{n}@mail.example.net", phone_key=f"{5550000000 + n}", why="")
                for n in range(count)]
        start = time.process_time()
        mark_duplicates(made)
        place(made, 20, None)
        outcome = RankOutcome(job, made, [])
        render(outcome, "csv")
        output_digest(outcome)
        seconds = time.process_time() - start
        print(f"{count:8d} {seconds:7.2f} {count / seconds:9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=None, help="the smaller run (default: a tenth of --rows)")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    bookkeeping(args.rows, args.small or args.rows // 10)
    if not args.skip_speed:
        speed(args.copies)
    if not args.skip_memory:
        memory(args.rows, args.small)


if __name__ == "__main__":
    main()
