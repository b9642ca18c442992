"""Which role fits me best: the order of one resume's scores across postings, against a person's.

    python benchmarks/role_order.py

tests/data/role_order_labels.json orders, for each of nine resumes (the samples and three
written for the job outside ISP work), four to seven postings from best fit to worst, by hand,
written before the tool was run on them. The postings are shipped roles and the postings in
tests/data/outside/ (a nursing and a data-analyst posting written like an employer's, and a
two-line help-desk posting in which few known skills are found). For each resume this prints
the Spearman correlation of the order of

- the scores `check` gives (coverage weighed by how much each posting asks for),
- the same scores with the asking weight turned off (``ask_confidence`` 0: the scoring before
  issue 21, where a posting that names two skills lets everyone cover it),
- plain TF-IDF cosine (scikit-learn, English stop words, sublinear tf, fitted on the resumes
  and postings)

with the hand order, and the mean over resumes, in one run.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "role_order_labels.json"
OUTSIDE = ROOT / "tests" / "data" / "outside"


def labels() -> dict[str, list[str]]:
    return {k: v for k, v in json.loads(LABELS.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def load_posting(posting_id: str):
    from resumematch.jobs import load_job

    path = OUTSIDE / f"{posting_id}-posting.txt"
    return load_job(path if path.exists() else posting_id)


def spearman(hand: list[str], scores: dict[str, float]) -> float:
    """Spearman's rho between the hand order (best first) and the scores (ties share a rank)."""
    from scipy.stats import spearmanr

    wanted = [-position for position in range(len(hand))]
    rho = spearmanr(wanted, [scores[p] for p in hand]).statistic
    return 0.0 if rho != rho else float(rho)  # constant scores: no order at all


def measure() -> list[dict]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from resumematch import parse
    from resumematch.scoring import match
    from resumematch.skills import analyse

    hand = labels()
    postings = {p: load_posting(p) for order in hand.values() for p in order}
    resumes = {key: analyse(parse(ROOT / key)) for key in hand}
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    names = list(resumes) + list(postings)
    matrix = vectorizer.fit_transform(
        [resumes[k].document.text for k in resumes] + [f"{j.title}\n{j.summary}\n{j.text}" for j in postings.values()]
    )
    cosine = cosine_similarity(matrix[: len(resumes)], matrix[len(resumes) :])
    rows = []
    for i, (key, order) in enumerate(hand.items()):
        ours = {p: match(resumes[key], postings[p]).score for p in order}
        before = {p: match(resumes[key], postings[p], settings={"ask_confidence": 0}).score for p in order}
        tfidf = {p: float(cosine[i, names.index(p) - len(resumes)]) for p in order}
        rows.append({
            "resume": key, "postings": len(order),
            "ours": spearman(order, ours), "before": spearman(order, before), "tfidf": spearman(order, tfidf),
            "best": (max(order, key=lambda p: ours[p]), max(order, key=lambda p: before[p]), max(order, key=lambda p: tfidf[p])),
        })
    return rows


def main() -> None:
    rows = measure()
    print("Spearman of each resume's scores across postings with the hand order (1 = the same order)")
    print(f"{'resume':46}{'n':>3}{'now':>8}{'before':>8}{'tf-idf':>8}   best posting now / before / tf-idf")
    for r in rows:
        print(f"{r['resume'][-45:]:46}{r['postings']:>3}{r['ours']:>8.2f}{r['before']:>8.2f}{r['tfidf']:>8.2f}   {' / '.join(r['best'])}")
    n = len(rows)
    print(f"{'mean':46}{'':>3}{sum(r['ours'] for r in rows) / n:>8.2f}{sum(r['before'] for r in rows) / n:>8.2f}"
          f"{sum(r['tfidf'] for r in rows) / n:>8.2f}")
    right = [sum(1 for r in rows if r["best"][k] == labels()[r["resume"]][0]) for k in range(3)]
    print(f"hand's best posting scored first: now {right[0]}/{n}, before {right[1]}/{n}, tf-idf {right[2]}/{n}")


if __name__ == "__main__":
    main()
