"""Ranking quality on labelled resumes: `rank` beside plain TF-IDF over the text, in one run.

    python benchmarks/ranking_quality.py

The pool is the bundled samples and the resumes in ../shared/corpus, each labelled by reading it
with the shipped role it fits, or none (tests/data/ranking_labels.json). For every shipped role
with at least two relevant resumes it prints the average precision of the order of `rank`'s
scores (knock-outs aside: they are the recruiter's filter, the labels judge fit) beside that of a plain
TF-IDF baseline: scikit-learn's TfidfVectorizer (English stop words, sublinear tf) fitted on the
pool and the job text, resumes ordered by cosine to the job. Both read the same parsed text, so
the figures compare scoring, not parsing. Roles with one relevant resume show its position.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "tests" / "data" / "ranking_labels.json"


def labelled_pool() -> dict[Path, str | None]:
    """Path -> role id (or None) for every labelled resume present on this machine."""
    labels = {k: v for k, v in json.loads(LABELS.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    pool = {}
    for key, role in labels.items():
        path = CORPUS / key.removeprefix("corpus/") if key.startswith("corpus/") else ROOT / key
        if path.exists():
            pool[path] = role
    return pool


def average_precision(order: list[Path], relevant: set[Path]) -> float:
    hits, total = 0, 0.0
    for position, path in enumerate(order, start=1):
        if path in relevant:
            hits += 1
            total += hits / position
    return total / len(relevant) if relevant else 0.0


def rank_order(paths: list[Path], job) -> list[Path]:
    from resumematch.screening.rank import rank

    outcome = rank([str(p) for p in paths], job, workers=1, log=False)
    scored = sorted(outcome.rows, key=lambda row: (-(row.score or 0.0), row.source))
    return [Path(row.source) for row in scored]


def tfidf_order(texts: dict[Path, str], job) -> list[Path]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    paths = list(texts)
    job_text = f"{job.title}\n{job.summary}\n{job.text}"
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform([texts[p] for p in paths] + [job_text])
    scores = cosine_similarity(matrix[len(paths)], matrix[: len(paths)]).ravel()
    return [paths[i] for i in sorted(range(len(paths)), key=lambda i: (-scores[i], str(paths[i])))]


def measure() -> list[dict]:
    """One row per shipped role: relevant count, and AP (or position) for rank and the baseline."""
    from resumematch import parse
    from resumematch.jobs import shipped_jobs

    pool = labelled_pool()
    paths = sorted(pool)
    texts = {p: parse(p).text for p in paths}
    rows = []
    for role_id, job in shipped_jobs().items():
        relevant = {p for p, r in pool.items() if r == role_id}
        if not relevant:
            continue
        ours, baseline = rank_order(paths, job), tfidf_order(texts, job)
        rows.append({
            "role": role_id,
            "relevant": len(relevant),
            "rank": average_precision(ours, relevant),
            "tfidf": average_precision(baseline, relevant),
            "positions": ([ours.index(p) + 1 for p in relevant], [baseline.index(p) + 1 for p in relevant]),
        })
    return rows


def main() -> None:
    rows = measure()
    print(f"{len(labelled_pool())} labelled resumes; average precision, rank beside plain TF-IDF")
    print(f"{'role':34}{'relevant':>9}{'rank':>8}{'tf-idf':>8}")
    measured = [r for r in rows if r["relevant"] >= 2]
    for row in measured:
        print(f"{row['role']:34}{row['relevant']:>9}{row['rank']:>8.3f}{row['tfidf']:>8.3f}")
    if measured:
        mean_ours = sum(r["rank"] for r in measured) / len(measured)
        mean_base = sum(r["tfidf"] for r in measured) / len(measured)
        print(f"{'mean':34}{'':>9}{mean_ours:>8.3f}{mean_base:>8.3f}")
    print("\nroles with one relevant resume (its position: rank / tf-idf):")
    for row in rows:
        if row["relevant"] == 1:
            print(f"  {row['role']:32} {row['positions'][0][0]:>3} / {row['positions'][1][0]}")


if __name__ == "__main__":
    main()
