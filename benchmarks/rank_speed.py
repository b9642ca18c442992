"""Bulk screening speed: resumes per second, side by side, on a pool of a few hundred resumes.

    python benchmarks/rank_speed.py [--copies N] [--workers N]

The pool: every sample (and ../shared/corpus PDF and DOCX when present), each copied N times
with distinct bytes (a PDF comment after %%EOF, a DOCX zip comment), so caches and duplicate
detection see distinct files. Printed, in resumes per second:

  naive           pdfplumber extract_text (python-docx paragraphs for DOCX) + scikit-learn
                  TF-IDF against the job, one process: what a quick script would do
  pdfium raw      pypdfium2 text extraction alone, the fastest engine installed (no scoring)
  rank cold       rank --no-cache (parse, skills, score, duplicates; all cores)
  rank warm       rank again with a filled cache, against a different job
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def build_pool(folder: Path, copies: int) -> list[Path]:
    originals = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    if CORPUS.is_dir():
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
    args = parser.parse_args()

    from resumematch.jobs import load_job
    from resumematch.screening.rank import rank

    folder = Path(tempfile.mkdtemp(prefix="rank-bench-"))
    cache = folder / "cache.sqlite3"
    try:
        pool = folder / "pool"
        pool.mkdir()
        paths = build_pool(pool, args.copies)
        job, other = load_job("network-technician"), load_job("technical-support-specialist")
        timings = {}

        start = time.perf_counter()
        naive(paths, job.text)
        timings["naive (pdfplumber + sklearn, 1 process)"] = time.perf_counter() - start
        start = time.perf_counter()
        pdfium_raw(paths)
        timings["pdfium raw text only (1 process)"] = time.perf_counter() - start
        start = time.perf_counter()
        cold = rank([str(pool)], job, workers=args.workers)
        timings[f"rank --no-cache ({args.workers} workers)"] = time.perf_counter() - start
        rank([str(pool)], job, workers=args.workers, cache_path=cache)  # fills the cache
        start = time.perf_counter()
        warm = rank([str(pool)], other, workers=args.workers, cache_path=cache)
        timings[f"rank, warm cache, new job ({args.workers} workers)"] = time.perf_counter() - start
        assert len(cold.rows) == len(warm.rows) == len(paths)

        print(f"{len(paths)} resumes ({args.copies} copies of each original), {os.cpu_count()} cores")
        print(f"{'':48} {'seconds':>8} {'resumes/s':>10}")
        for label, seconds in timings.items():
            print(f"{label:48} {seconds:8.2f} {len(paths) / seconds:10.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
