"""Parse time per page: resumematch.parse against plain text extraction, side by side.

    python benchmarks/parse_speed.py [--repeat N] [--against CHECKOUT]

Columns, in ms per page (best of N runs, so a busy machine skews less):
  pdfium    pypdfium2's get_textpage().get_text_range(): the fastest engine installed, no layout work
  plumber   pdfplumber's extract_text(): the naive baseline
  parse     resumematch.parse(): words, columns, clean-up, sections, contact details
  against   the same parse() of another checkout (``--against``, run by its own .venv in a
            child process on the same files), for a before/after comparison in one run
Uses samples/ and, when present, ../shared/corpus/pdf and docx.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
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


# Run inside the other checkout's interpreter: best-of-N parse time (ms) for each file given.
_AGAINST = """
import json, sys, time
from resumematch import parse
repeat = int(sys.argv[1])
out = {}
for name in sys.argv[2:]:
    data = open(name, "rb").read()
    best = None
    for _ in range(repeat):
        start = time.perf_counter(); parse(data); spent = time.perf_counter() - start
        best = spent if best is None else min(best, spent)
    out[name] = best * 1000
print(json.dumps(out))
"""


def against_times(checkout: Path, paths: list[Path], repeat: int) -> dict[str, float]:
    python = checkout / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python), "-c", _AGAINST, str(repeat), *map(str, paths)], cwd=checkout, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout, with its own .venv, to time alongside")
    args = parser.parse_args()

    paths = sorted((ROOT / "samples").glob("*.pdf"))
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "pdf").glob("*.pdf"))
    docx_paths = sorted((ROOT / "samples").glob("*.docx")) + (sorted((CORPUS / "docx").glob("*.docx")) if CORPUS.is_dir() else [])
    other = against_times(args.against, paths + docx_paths, args.repeat) if args.against else {}
    extra = f" {'against':>8}" if other else ""
    print(f"{'file':58} {'pages':>5} {'pdfium':>8} {'plumber':>8} {'parse':>8}{extra}   (ms/page)")
    rows = []
    for path in paths:
        data = path.read_bytes()
        pages = parse(data).pages
        row = [best_of(args.repeat, lambda f=f: f(data)) * 1000 / pages for f in (pdfium_text, plumber_text, parse)]
        if other:
            row.append(other[str(path)] / pages)
        rows.append(row)
        print(f"{path.name[:58]:58} {pages:5d}" + "".join(f" {v:8.1f}" for v in row))
    medians = [statistics.median(column) for column in zip(*rows)]
    print(f"{'median over ' + str(len(rows)) + ' PDFs':58} {'':5}" + "".join(f" {v:8.1f}" for v in medians))

    docx_ms = [best_of(args.repeat, lambda d=p.read_bytes(): parse(d)) * 1000 for p in docx_paths]
    line = f"DOCX: median {statistics.median(docx_ms):.1f} ms per document over {len(docx_ms)} files"
    if other:
        line += f" (against: {statistics.median(other[str(p)] for p in docx_paths):.1f} ms)"
    print(line)


if __name__ == "__main__":
    main()
