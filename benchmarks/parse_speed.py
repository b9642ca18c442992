"""Parse time per page: resumematch.parse against plain text extraction, side by side.

    python benchmarks/parse_speed.py [--repeat N]

Columns, in ms per page (best of N runs, so a busy machine skews less):
  pdfium    pypdfium2's get_textpage().get_text_range(): the fastest engine installed, no layout work
  plumber   pdfplumber's extract_text(): the naive baseline
  parse     resumematch.parse(): words, columns, clean-up, sections, contact details
Uses samples/ and, when present, ../shared/corpus/pdf and docx.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

import pdfplumber
import pypdfium2

from resumematch import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def best_of(repeat: int, func) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
    return min(timings)


def pdfium_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def plumber_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    paths = sorted((ROOT / "samples").glob("*.pdf"))
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "pdf").glob("*.pdf"))
    print(f"{'file':58} {'pages':>5} {'pdfium':>8} {'plumber':>8} {'parse':>8}   (ms/page)")
    rows = []
    for path in paths:
        data = path.read_bytes()
        pages = parse(data).pages
        row = [best_of(args.repeat, lambda f=f: f(data)) * 1000 / pages for f in (pdfium_text, plumber_text, parse)]
        rows.append(row)
        print(f"{path.name[:58]:58} {pages:5d} {row[0]:8.1f} {row[1]:8.1f} {row[2]:8.1f}")
    medians = [statistics.median(column) for column in zip(*rows)]
    print(f"{'median over ' + str(len(rows)) + ' PDFs':58} {'':5} {medians[0]:8.1f} {medians[1]:8.1f} {medians[2]:8.1f}")

    docx_paths = sorted((ROOT / "samples").glob("*.docx")) + (sorted((CORPUS / "docx").glob("*.docx")) if CORPUS.is_dir() else [])
    docx_ms = [best_of(args.repeat, lambda d=p.read_bytes(): parse(d)) * 1000 for p in docx_paths]
    print(f"DOCX: median {statistics.median(docx_ms):.1f} ms per document over {len(docx_ms)} files")


if __name__ == "__main__":
    main()
