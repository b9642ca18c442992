"""Bulk screening speed: resumes per second, side by side, on a pool of a few hundred resumes.

    python benchmarks/rank_speed.py [--copies N] [--workers N] [--samples-only]
    python benchmarks/rank_speed.py --against CHECKOUT [--repeat N] [--copies N] [--samples-only]

The pool: every sample (and ../shared/corpus PDF and DOCX when present), each copied N times
with distinct bytes (a PDF comment after %%EOF, a DOCX zip comment), so caches and duplicate
detection see distinct files. Printed, in resumes per second:

  naive           pdfplumber extract_text (python-docx paragraphs for DOCX) + scikit-learn
                  TF-IDF against the job, one process: what a quick script would do
  pdfium raw      pypdfium2 text extraction alone, the fastest engine installed (no scoring)
  rank cold       rank --no-cache (parse, skills, score, duplicates; all cores)
  rank warm       rank again with a filled cache, against a different job

With ``--against`` (another checkout with its own ``.venv``, e.g. the code before a change), the
installed ``resumematch rank --no-cache`` command runs on the same pool in both, as a user runs
it (interpreter start and model loading included), alternating run by run so that a busy
machine slows both alike; the median and best wall time of each are printed side by side.
Both run with Python's bytecode cache on, as an installed package has it, after one untimed
run each to fill it.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def build_pool(folder: Path, copies: int, samples_only: bool = False) -> list[Path]:
    originals = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    if CORPUS.is_dir() and not samples_only:
        originals += sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "docx").glob("*.docx"))
    paths = []
    for original in originals:
        data = original.read_bytes()
        for n in range(copies):
            target = folder / f"{original.stem}-{n}{original.suffix}"
            if original.suffix == ".pdf":
                target.write_bytes(data + f"\n% copy {n}\n".encode())
            else:
                buffer = io.BytesIO()
                with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
                    for info in source.infolist():
                        copy.writestr(info, source.read(info))
                    copy.comment = f"copy {n}".encode()
                target.write_bytes(buffer.getvalue())
            paths.append(target)
    return paths


def naive(paths: list[Path], job_text: str) -> None:
    import docx
    import pdfplumber
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = []
    for path in paths:
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                texts.append("\n".join(page.extract_text() or "" for page in pdf.pages))
        else:
            texts.append("\n".join(p.text for p in docx.Document(path).paragraphs))
    vectorizer = TfidfVectorizer(stop_words="english")
    matrix = vectorizer.fit_transform(texts + [job_text])
    scores = cosine_similarity(matrix[:-1], matrix[-1])
    sorted(zip(scores[:, 0], paths), reverse=True)


def pdfium_raw(paths: list[Path]) -> None:
    import pypdfium2

    for path in paths:
        if path.suffix == ".pdf":
            document = pypdfium2.PdfDocument(str(path))
            for page in document:
                page.get_textpage().get_text_range()
            document.close()
        else:
            import docx

            docx.Document(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--samples-only", action="store_true", help="leave ../shared/corpus out of the pool")
    parser.add_argument("--against", type=Path, help="another checkout, run with its own .venv")
    parser.add_argument("--repeat", type=int, default=5, help="with --against: runs of each")
    args = parser.parse_args()
    if args.against:
        side_by_side(args)
        return

    from resumematch.jobs import load_job
    from resumematch.screening.rank import rank

    folder = Path(tempfile.mkdtemp(prefix="rank-bench-"))
    cache = folder / "cache.sqlite3"
    try:
        pool = folder / "pool"
        pool.mkdir()
        paths = build_pool(pool, args.copies, args.samples_only)
        job, other = load_job("network-technician"), load_job("technical-support-specialist")
        timings = {}

        start = time.perf_counter()
        naive(paths, job.text)
        timings["naive (pdfplumber + sklearn, 1 process)"] = time.perf_counter() - start
        start = time.perf_counter()
        pdfium_raw(paths)
        timings["pdfium raw text only (1 process)"] = time.perf_counter() - start
        start = time.perf_counter()
        cold = rank([str(pool)], job, workers=args.workers, log=False)
        timings[f"rank --no-cache ({args.workers} workers)"] = time.perf_counter() - start
        rank([str(pool)], job, workers=args.workers, cache_path=cache, log=False)  # fills the cache
        start = time.perf_counter()
        warm = rank([str(pool)], other, workers=args.workers, cache_path=cache, log=False)
        timings[f"rank, warm cache, new job ({args.workers} workers)"] = time.perf_counter() - start
        assert len(cold.rows) == len(warm.rows) == len(paths)

        print(f"{len(paths)} resumes ({args.copies} copies of each original), {os.cpu_count()} cores")
        print(f"{'':48} {'seconds':>8} {'resumes/s':>10}")
        for label, seconds in timings.items():
            print(f"{label:48} {seconds:8.2f} {len(paths) / seconds:10.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def side_by_side(args) -> None:
    """Cold ``rank`` from the command line here and in another checkout, interleaved."""
    folder = Path(tempfile.mkdtemp(prefix="rank-bench-"))
    try:
        pool = folder / "pool"
        pool.mkdir()
        paths = build_pool(pool, args.copies, args.samples_only)
        command = shutil.which("resumematch") or str(Path(sys.executable).with_name("resumematch"))
        runs = {"this": (command, ROOT), "against": (str(args.against / ".venv" / "bin" / "resumematch"), args.against)}
        # Runs are not logged into the user's data folder.
        env = {**os.environ, "RESUMEMATCH_DATA_DIR": str(folder / "data")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for run in range(args.repeat + 1):  # the first, untimed, fills the bytecode cache
            for name, (program, cwd) in runs.items():
                start = time.perf_counter()
                subprocess.run(
                    [program, "rank", str(pool), "--job", "network-technician", "--no-cache", "--quiet",
                     "--workers", str(args.workers), "--format", "csv"],
                    cwd=cwd, env=env, check=True, capture_output=True,
                )
                if run:
                    times[name].append(time.perf_counter() - start)
        print(f"rank --no-cache, {len(paths)} resumes ({args.copies} copies of each original), "
              f"{args.workers} workers, {args.repeat} runs each, alternating")
        print(f"{'':10} {'median s':>9} {'best s':>8} {'resumes/s (median)':>19}")
        for name, seconds in times.items():
            median = statistics.median(seconds)
            print(f"{name:10} {median:9.2f} {min(seconds):8.2f} {len(paths) / median:19.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
