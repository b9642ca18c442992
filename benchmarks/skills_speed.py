"""Skill extraction speed: pipeline load, one resume at a time, and nlp.pipe batches.

    python benchmarks/skills_speed.py [--repeat N]

Texts come from samples/ and, when present, ../shared/corpus (parsed once, outside the timing).
Prints, side by side: the time to import spaCy and load models/skills, and milliseconds per
resume for extract_skills one by one and for extract_skills_batch over all of them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

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
    for _ in range(args.repeat):
        t = time.perf_counter()
        for document in documents:
            extract_skills(document)
        single.append((time.perf_counter() - t) / len(documents))
        t = time.perf_counter()
        for _ in extract_skills_batch(documents):
            pass
        batch.append((time.perf_counter() - t) / len(documents))
    print(f"import spacy: {(imported - start) * 1000:.0f} ms; load models/skills: {(loaded - imported) * 1000:.0f} ms")
    print(f"{len(documents)} resumes, median {words:.0f} words each")
    print(f"{'extract_skills, one at a time':34} {min(single) * 1000:6.2f} ms per resume")
    print(f"{'extract_skills_batch (nlp.pipe)':34} {min(batch) * 1000:6.2f} ms per resume")


if __name__ == "__main__":
    main()
