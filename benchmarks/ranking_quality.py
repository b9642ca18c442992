"""Ranking quality: `rank` beside plain TF-IDF and BM25 over the raw text, in one run.

    python benchmarks/ranking_quality.py                 # the development set's reporting half, then the pool
    python benchmarks/ranking_quality.py --half tune     # the tuning half (what the weights were chosen on)
    python benchmarks/ranking_quality.py --pool-only     # only the small labelled pool

**The development set** (``ranking_dev.py``): 1,962 real resumes from ../shared/corpus/ranking-dev,
split once (seeded) into a tuning half and a reporting half. For every shipped role with at least
five relevant resumes in the set it prints, on one half, the average precision (grade 2 relevant)
and nDCG@10 (grades 2 and 1) of `rank`'s order beside the two baselines a user could write in ten
lines, each with a 95% bootstrap interval, and the interval of `rank` minus the better baseline.
`rank` runs for real: the texts are written as .txt files to a temporary folder (never into the
repository) and ranked through the library's `rank()` with a temporary cache. Then, per role:
Spearman's correlation of score with length among the irrelevant resumes (length should not buy
score), and the score quartiles of relevant and irrelevant resumes (docs/scoring.md).

**The labelled pool** (tests/data/ranking_labels.json): the samples, the corpus PDFs and DOCX and
16 public resumes, labelled by reading: small (42 resumes), kept as a smoke test beside the above.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ranking_dev  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "tests" / "data" / "ranking_labels.json"
MIN_RELEVANT = 5


# -- the small labelled pool ----------------------------------------------------------------------

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


def rank_scores(paths: list[Path], job, cache: Path | None = None) -> dict[str, float]:
    """source -> `rank`'s score (0 for a row without one)."""
    from resumematch.screening.rank import rank

    outcome = rank([str(p) for p in paths], job, workers=2, log=False, cache_path=cache)
    return {row.source: (row.score or 0.0) for row in outcome.rows}


def rank_order(paths: list[Path], job) -> list[Path]:
    scores = rank_scores(paths, job)
    return sorted(paths, key=lambda p: (-scores.get(str(p), 0.0), str(p)))


def tfidf_order(texts: dict[Path, str], job) -> list[Path]:
    paths = list(texts)
    scores = ranking_dev.tfidf_scores([texts[p] for p in paths], ranking_dev.job_text(job))
    return [paths[i] for i in sorted(range(len(paths)), key=lambda i: (-scores[i], str(paths[i])))]


def measure() -> list[dict]:
    """The pool: one row per shipped role with relevant resumes: AP (or positions) for rank and TF-IDF."""
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


def print_pool() -> None:
    rows = measure()
    print(f"\nThe labelled pool: {len(labelled_pool())} resumes; average precision, rank beside plain TF-IDF (a smoke test)")
    print(f"{'role':34}{'relevant':>9}{'rank':>8}{'tf-idf':>8}")
    measured = [r for r in rows if r["relevant"] >= 2]
    for row in measured:
        print(f"{row['role']:34}{row['relevant']:>9}{row['rank']:>8.3f}{row['tfidf']:>8.3f}")
    if measured:
        mean_ours = sum(r["rank"] for r in measured) / len(measured)
        mean_base = sum(r["tfidf"] for r in measured) / len(measured)
        print(f"{'mean':34}{'':>9}{mean_ours:>8.3f}{mean_base:>8.3f}")
    print("roles with one relevant resume (its position: rank / tf-idf):")
    for row in rows:
        if row["relevant"] == 1:
            print(f"  {row['role']:32} {row['positions'][0][0]:>3} / {row['positions'][1][0]}")


# -- the development set ----------------------------------------------------------------------------

def measure_dev(half: str = "report", limit: int | None = None) -> list[dict]:
    """One row per shipped role with MIN_RELEVANT or more relevant resumes in the whole set."""
    from scipy.stats import spearmanr

    from resumematch.jobs import shipped_jobs

    resumes = ranking_dev.load()
    labels = ranking_dev.hand_labels()
    tune, report = ranking_dev.split(resumes, labels)
    chosen = tune if half == "tune" else report
    if limit:
        chosen = chosen[:limit]
    texts = [r.text for r in chosen]
    rows = []
    with tempfile.TemporaryDirectory(prefix="ranking-dev-") as folder:
        paths = []
        for resume in chosen:
            path = Path(folder) / f"{resume.id}.txt"
            path.write_text(resume.text, encoding="utf-8")
            paths.append(path)
        cache = Path(folder) / "cache.sqlite"
        for role_id, job in shipped_jobs().items():
            graded = ranking_dev.grades(chosen, role_id, labels)
            in_set = sum(g == 2 for g in ranking_dev.grades(resumes, role_id, labels))
            if in_set < MIN_RELEVANT:
                continue
            relevant = [g == 2 for g in graded]
            by_source = rank_scores(paths, job, cache)
            ours = [by_source.get(str(p), 0.0) for p in paths]
            query = ranking_dev.job_text(job)
            systems = {"rank": ours, "tfidf": ranking_dev.tfidf_scores(texts, query), "bm25": ranking_dev.bm25_scores(texts, query)}
            row = {"role": role_id, "relevant": sum(relevant), "in_set": in_set}
            for name, scores in systems.items():
                row[name] = ranking_dev.average_precision(scores, relevant) if any(relevant) else float("nan")
                row[f"{name}_ndcg"] = ranking_dev.ndcg_at(scores, graded)
            best = "tfidf" if row["tfidf"] >= row["bm25"] else "bm25"
            row["best"] = best
            if sum(relevant) >= 2:
                row["ci"] = ranking_dev.bootstrap({"rank": ours, best: systems[best]}, graded)
            irrelevant = [i for i, g in enumerate(graded) if g == 0]
            row["length_rho"] = float(spearmanr([ours[i] for i in irrelevant], [len(texts[i]) for i in irrelevant])[0])
            row["quartiles"] = {
                "relevant": _quartiles([ours[i] for i, g in enumerate(graded) if g == 2]),
                "irrelevant": _quartiles([ours[i] for i in irrelevant]),
            }
            rows.append(row)
    return rows


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    import numpy as np

    if not values:
        return (float("nan"),) * 3
    return tuple(float(v) for v in np.percentile(values, [25, 50, 75]))


def print_dev(half: str, limit: int | None) -> None:
    rows = measure_dev(half, limit)
    n = len(ranking_dev.split(ranking_dev.load())[0 if half == "tune" else 1])
    print(f"The development set, {half} half ({limit or n} real resumes; split seed {ranking_dev.SPLIT_SEED}).")
    print("AP: average precision, grade 2 relevant; nDCG@10 with grades 2 and 1; [95% bootstrap interval]")
    print(f"{'role':32}{'rel':>4}  {'rank AP':>22}  {'tf-idf':>6} {'bm25':>6}  {'rank - best [95%]':>22}  {'nDCG rank/tfidf/bm25':>21}")
    for row in rows:
        ci = row.get("ci", {})
        own = ci.get("rank", (float("nan"),) * 2)
        diff = ci.get(f"rank-{row['best']}", (float("nan"),) * 2)
        gain = row["rank"] - row[row["best"]]
        print(f"{row['role']:32}{row['relevant']:>4}  {row['rank']:>6.3f} [{own[0]:.3f}, {own[1]:.3f}]  "
              f"{row['tfidf']:>6.3f} {row['bm25']:>6.3f}  {gain:>+6.3f} [{diff[0]:+.3f}, {diff[1]:+.3f}]  "
              f"{row['rank_ndcg']:>6.2f}/{row['tfidf_ndcg']:.2f}/{row['bm25_ndcg']:.2f}")
    if rows:
        mean = lambda key: sum(r[key] for r in rows) / len(rows)  # noqa: E731
        best = sum(max(r["tfidf"], r["bm25"]) for r in rows) / len(rows)
        print(f"{'mean':32}{'':>4}  {mean('rank'):>6.3f}{'':16}  {mean('tfidf'):>6.3f} {mean('bm25'):>6.3f}  "
              f"{mean('rank') - best:>+6.3f} over the better baseline per role")
    print("\nLength is no merit: Spearman's rho of score with length among irrelevant resumes; score quartiles (25/50/75)")
    for row in rows:
        q_rel, q_irr = row["quartiles"]["relevant"], row["quartiles"]["irrelevant"]
        print(f"  {row['role']:32} rho {row['length_rho']:+.2f}   relevant {q_rel[0]:5.1f} {q_rel[1]:5.1f} {q_rel[2]:5.1f}"
              f"   irrelevant {q_irr[0]:5.1f} {q_irr[1]:5.1f} {q_irr[2]:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "report"), default="report")
    parser.add_argument("--limit", type=int, help="only the first N resumes of the half (a quick look)")
    parser.add_argument("--pool-only", action="store_true")
    args = parser.parse_args()
    if not args.pool_only:
        if ranking_dev.available():
            print_dev(args.half, args.limit)
        else:
            print(f"{ranking_dev.DEV} is absent: the development set cannot be measured here")
    print_pool()


if __name__ == "__main__":
    main()
