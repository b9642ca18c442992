"""Skill extraction speed: pipeline load, one resume at a time, and nlp.pipe batches.

    python benchmarks/skills_speed.py [--repeat N] [--against ../base]

Texts come from samples/ and, when present, ../shared/corpus (parsed once, outside the timing).
Prints, side by side: the time to import spaCy and load models/skills, and milliseconds per
resume for extract_skills one by one and for extract_skills_batch over all of them.
``--against DIR`` also times another checkout (its own .venv and code, same texts) in the same
run and prints both columns, before and after.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def measure(repeat: int) -> dict:
    start = time.perf_counter()
    import spacy  # noqa: F401

    imported = time.perf_counter()
    from resumematch import parse
    from resumematch.skills import extract_skills, extract_skills_batch, load_pipeline

    load_pipeline()
    loaded = time.perf_counter()

    paths = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    if CORPUS.is_dir():
        paths += sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "docx").glob("*.docx"))
    documents = [parse(p) for p in paths]
    words = statistics.median(len(d.text.split()) for d in documents)
    extract_skills(documents[0])  # warm-up

    single, batch = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        for document in documents:
            extract_skills(document)
        single.append((time.perf_counter() - t) / len(documents))
        t = time.perf_counter()
        for _ in extract_skills_batch(documents):
            pass
        batch.append((time.perf_counter() - t) / len(documents))
    return {
        "import_ms": (imported - start) * 1000,
        "load_ms": (loaded - imported) * 1000,
        "resumes": len(documents),
        "words": words,
        "single_ms": min(single) * 1000,
        "batch_ms": min(batch) * 1000,
    }


def main() -> None:
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout to time beside this one (its .venv)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.root:  # timing another checkout: its texts are the same (samples, corpus)
        ROOT = args.root.resolve()
    figures = measure(args.repeat)
    if args.json:
        print(json.dumps(figures))
        return
    columns = {"this checkout": figures}
    if args.against:
        other = args.against.resolve()
        run = subprocess.run(
            [
                str(other / ".venv" / "bin" / "python"),
                __file__,
                "--json",
                "--root",
                str(other),
                "--repeat",
                str(args.repeat),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=other,
        )
        columns = {str(args.against): json.loads(run.stdout.splitlines()[-1]), **columns}
    print(f"{figures['resumes']} resumes, median {figures['words']:.0f} words each")
    print(f"{'':34}" + "".join(f"{name:>18}" for name in columns))
    for key, label in (
        ("import_ms", "import spacy (ms)"),
        ("load_ms", "load models/skills (ms)"),
        ("single_ms", "extract_skills one at a time (ms)"),
        ("batch_ms", "extract_skills_batch (ms/resume)"),
    ):
        print(f"{label:34}" + "".join(f"{c[key]:>18.2f}" for c in columns.values()))


if __name__ == "__main__":
    sys.exit(main())
