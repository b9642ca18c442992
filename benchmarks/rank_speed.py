"""Bulk screening speed the way a recruiter waits for it: whole commands, process start to exit.

    python benchmarks/rank_speed.py [--copies N] [--docx-copies N] [--pool DIR] [--repeat N] [--workers N]
    python benchmarks/rank_speed.py --against CHECKOUT [...]

On one pool of resumes, each of these runs as its own process, timed from start to exit:

  floor    pypdfium2's bare text extraction of every PDF (python-docx opening every DOCX), one
           process: no layout, no skills, no score; the least any reader of these files costs
  naive    pdfplumber extract_text (python-docx paragraphs for DOCX) + scikit-learn TF-IDF against
           the job, one process: what a quick script would do
  cold     resumematch rank --no-cache (parse, skills, score, duplicates; --workers processes)
  warm     resumematch rank with the parse cache filled (by an untimed run against another job)

and the ratios are printed: warm / floor and cold / naive. With ``--against`` (another checkout
with its own ``.venv``, e.g. main before a change) its cold and warm run on the same pool too,
the order of the two swapped every round so that a busy machine slows both alike, and the two
rankings are compared (the same CSV, byte for byte, or the difference is printed). Wall seconds
are the median and best of ``--repeat`` rounds; CPU seconds (the process and the workers it
waited for) are the median, steadier than wall time on a shared machine.

The pool: every sample (and ../shared/corpus PDF and DOCX when present), each PDF copied
``--copies`` times and each DOCX ``--docx-copies`` times with distinct bytes (a PDF comment after
%%EOF, a DOCX zip comment), so caches and duplicate detection see distinct files; or ``--pool
DIR``, a folder of your own. Python's bytecode cache is on, as an installed package has it, after
one untimed run of each command to fill it.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import timed  # noqa: E402  (one way to time a whole command, for both benchmarks)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
JOB, OTHER_JOB = "network-technician", "technical-support-specialist"

FLOOR = """
import os, sys
import docx, pypdfium2
for folder, _, names in sorted(os.walk(sys.argv[1])):
    for name in sorted(names):
        path = os.path.join(folder, name)
        if name.lower().endswith(".pdf"):
            document = pypdfium2.PdfDocument(path)
            for page in document:
                page.get_textpage().get_text_range()
            document.close()
        elif name.lower().endswith(".docx"):
            docx.Document(path)
"""

NAIVE = """
import os, sys
import docx, pdfplumber
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
paths = sorted(os.path.join(f, n) for f, _, names in os.walk(sys.argv[1]) for n in names if n.lower().endswith((".pdf", ".docx")))
texts = []
for path in paths:
    if path.lower().endswith(".pdf"):
        with pdfplumber.open(path) as pdf:
            texts.append("\\n".join(page.extract_text() or "" for page in pdf.pages))
    else:
        texts.append("\\n".join(p.text for p in docx.Document(path).paragraphs))
with open(sys.argv[2], encoding="utf-8") as job:
    matrix = TfidfVectorizer(stop_words="english").fit_transform(texts + [job.read()])
scores = cosine_similarity(matrix[:-1], matrix[-1])[:, 0]
for score, path in sorted(zip(scores, paths), reverse=True):
    print(f"{score:.4f},{path}")
"""


def build_pool(folder: Path, copies: int, samples_only: bool = False, docx_copies: int | None = None) -> list[Path]:
    originals = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    if CORPUS.is_dir() and not samples_only:
        originals += sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "docx").glob("*.docx"))
    paths = []
    for original in originals:
        data = original.read_bytes()
        for n in range(copies if original.suffix == ".pdf" or docx_copies is None else docx_copies):
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


class Checkout:
    """One checkout's ``resumematch``, with a parse cache of its own for the warm runs."""

    def __init__(self, name: str, root: Path, folder: Path) -> None:
        self.name, self.root = name, root
        python = root / ".venv" / "bin" / "python"
        self.python = str(python) if python.exists() else sys.executable
        program = root / ".venv" / "bin" / "resumematch"
        self.program = str(program) if program.exists() else (shutil.which("resumematch") or "resumematch")
        self.cache = folder / f"cache-{name}.sqlite3"

    def rank(self, pool: Path, workers: int, *extra: str) -> list[str]:
        return [self.program, "rank", str(pool), "--quiet", "--workers", str(workers), "--format", "csv", *extra]

    def cold(self, pool: Path, workers: int) -> list[str]:
        return self.rank(pool, workers, "--job", JOB, "--no-cache")

    def fill(self, pool: Path, workers: int) -> list[str]:
        return self.rank(pool, workers, "--job", JOB, "--cache", str(self.cache))

    def warm(self, pool: Path, workers: int) -> list[str]:
        return self.rank(pool, workers, "--job", OTHER_JOB, "--cache", str(self.cache))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="copies of each PDF in the built pool")
    parser.add_argument("--docx-copies", type=int, default=None, help="copies of each DOCX (default: --copies)")
    parser.add_argument("--samples-only", action="store_true", help="leave ../shared/corpus out of the pool")
    parser.add_argument("--pool", type=Path, help="rank this folder instead of building a pool")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of each command")
    parser.add_argument("--against", type=Path, help="another checkout, run with its own .venv")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="rank-bench-"))
    try:
        if args.pool:
            pool = args.pool.resolve()
            count = sum(1 for path in pool.rglob("*") if path.suffix.lower() in (".pdf", ".docx"))
        else:
            pool = folder / "pool"
            pool.mkdir()
            count = len(build_pool(pool, args.copies, args.samples_only, args.docx_copies))
        run(args, pool, count, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args, pool: Path, count: int, folder: Path) -> None:
    # Runs are not logged into the user's data folder.
    env = {**os.environ, "RESUMEMATCH_DATA_DIR": str(folder / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    checkouts = [Checkout("this", ROOT, folder)]
    if args.against:
        checkouts.append(Checkout("against", args.against.resolve(), folder))
    job_file = str(ROOT / "job_descriptions" / f"{JOB}.md")
    python = checkouts[0].python
    plain = {"floor": [python, "-c", FLOOR, str(pool)], "naive": [python, "-c", NAIVE, str(pool), job_file]}
    times: dict[str, list[tuple[float, float]]] = {}
    outputs: dict[str, bytes] = {}

    def once(label: str, command: list[str], cwd: Path, keep: bool = True) -> None:
        wall, cpu, out = timed(command, cwd, env)
        if keep:
            times.setdefault(label, []).append((wall, cpu))
        outputs[label] = out

    for checkout in checkouts:  # untimed: fills the bytecode caches, and each checkout's parse cache
        once(f"{checkout.name} fill", checkout.fill(pool, args.workers), checkout.root, keep=False)
    once("floor", plain["floor"], ROOT, keep=False)
    for round_number in range(args.repeat):
        order = checkouts if round_number % 2 == 0 else checkouts[::-1]
        for name in ("floor", "naive"):
            once(name, plain[name], ROOT)
        for checkout in order:
            once(f"{checkout.name} cold", checkout.cold(pool, args.workers), checkout.root)
        for checkout in order:
            once(f"{checkout.name} warm", checkout.warm(pool, args.workers), checkout.root)

    print(f"{count} resumes in {pool if args.pool else 'the built pool'}; {args.workers} workers; {os.cpu_count()} cores; "
          f"{args.repeat} rounds" + (", the order of the checkouts swapped each round" if args.against else ""))
    print(f"{'':16} {'wall median':>11} {'wall best':>10} {'CPU median':>11} {'resumes/s':>10}")
    for label, runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{label:16} {statistics.median(walls):11.2f} {min(walls):10.2f} {statistics.median(cpus):11.2f} "
              f"{count / statistics.median(walls):10.1f}")

    def median(label: str, which: int = 0) -> float:
        return statistics.median(run[which] for run in times[label])

    print("ratios (wall medians; CPU medians in brackets)")
    for checkout in checkouts:
        name = checkout.name
        print(f"  {name:8} warm / floor {median(f'{name} warm') / median('floor'):5.2f}x "
              f"({median(f'{name} warm', 1) / median('floor', 1):.2f}x)   "
              f"cold / naive {median(f'{name} cold') / median('naive'):5.2f}x "
              f"({median(f'{name} cold', 1) / median('naive', 1):.2f}x)")
    if args.against:
        for kind in ("cold", "warm"):
            same = outputs[f"this {kind}"] == outputs[f"against {kind}"]
            print(f"  {kind} rankings of this and against: {'identical' if same else 'DIFFERENT'}")
            if not same:
                this, other = outputs[f"this {kind}"].splitlines(), outputs[f"against {kind}"].splitlines()
                shown = [f"    this:    {a.decode(errors='replace')}\n    against: {b.decode(errors='replace')}"
                         for a, b in zip(this, other) if a != b][:5]
                print("\n".join(shown) or f"    {len(this)} lines against {len(other)}")


if __name__ == "__main__":
    main()
