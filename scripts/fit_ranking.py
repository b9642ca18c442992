"""Choose the score's weights and similarity curve on the tuning half of the ranking development set.

    python scripts/fit_ranking.py [--limit N]

Reads ../shared/corpus/ranking-dev (never copies it), computes every component of every resume
of the tuning half against every shipped role with five or more relevant resumes there, and runs
the grid search docs/scoring.md describes: component weights in steps of 0.05 (certifications
and education at 0 or 0.05 each) and the similarity curve's midpoint and spread, for the best mean
average precision over those roles. It prints the top settings and the shipped one's place among
them. The reporting half is never read here: `benchmarks/ranking_quality.py` reports on it.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import ranking_dev  # noqa: E402

COMPONENTS = ("skills", "title", "certifications", "education")


def ingredients(resumes, roles, jobs):
    """role -> (component arrays and the raw cosine, relevance) for the given resumes."""
    from resumematch.parsers import parse
    from resumematch.scoring import match, tfidf_model
    from resumematch.skills import analyse, extract_skills_batch

    documents = [parse(r.text.encode("utf-8"), name=f"{r.id}.txt") for r in resumes]
    analysed = [analyse(d, m) for d, m in zip(documents, extract_skills_batch(documents))]
    model = tfidf_model()
    out = {}
    for role in roles:
        job = jobs[role]
        job_text = f"{job.title}\n{job.summary}\n{job.relevant_text()}"
        rows = {name: [] for name in (*COMPONENTS, "cosine")}
        for a in analysed:
            result = match(a, job)
            for name in COMPONENTS:
                rows[name].append(result.components.get(name, 0.0))
            rows["cosine"].append(model.similarity(a.scoring_text, job_text, profile=role))
        out[role] = ({k: np.asarray(v) for k, v in rows.items()}, np.asarray(ranking_dev.grades(resumes, role)) == 2)
    return out


def average_precision(scores, relevant) -> float:
    order = np.lexsort((np.arange(len(scores)), -scores))
    hits = np.cumsum(relevant[order])
    return float((hits / np.arange(1, len(scores) + 1) * relevant[order]).sum() / relevant.sum())


def curve(cosine, midpoint, spread):
    with np.errstate(divide="ignore"):
        return np.where(cosine > 0, 100 / (1 + (midpoint / np.maximum(cosine, 1e-12)) ** (1 / spread)), 0.0)


def main() -> None:
    from resumematch.jobs import shipped_jobs
    from resumematch.scoring import MatchSettings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N resumes of the tuning half (a quick look)")
    args = parser.parse_args()
    resumes = ranking_dev.load()
    tune, _ = ranking_dev.split(resumes)
    tune = tune[: args.limit] if args.limit else tune
    jobs = shipped_jobs()
    roles = [r for r in jobs if sum(g == 2 for g in ranking_dev.grades(tune, r)) >= 5]
    data = ingredients(tune, roles, jobs)
    results = []
    for midpoint, spread in itertools.product((0.015, 0.02, 0.025, 0.03), (0.3, 0.4, 0.5, 0.6, 0.8)):
        similarity = {role: curve(d[0]["cosine"], midpoint, spread) for role, d in data.items()}
        for skills, sim, title in itertools.product(np.arange(0, 1.0001, 0.05), repeat=3):
            if abs(skills + sim + title - 1) > 1e-9:
                continue
            for extra in (0.0, 0.05):
                aps = [
                    average_precision(skills * c["skills"] + sim * similarity[role] + title * c["title"]
                                      + extra * (c["certifications"] + c["education"]), relevant)
                    for role, (c, relevant) in data.items()
                ]
                results.append((float(np.mean(aps)), midpoint, spread, round(skills, 2), round(sim, 2), round(title, 2), extra))
    results.sort(reverse=True)
    print(f"{len(tune)} resumes of the tuning half; roles: {', '.join(roles)}")
    print("mean AP  midpoint spread  skills similarity title  certifications+education each")
    for row in results[:12]:
        print(f"{row[0]:.4f}   {row[1]:<8} {row[2]:<6}  {row[3]:<6} {row[4]:<10} {row[5]:<5}  {row[6]}")
    shipped = MatchSettings()
    total = shipped.skills_weight + shipped.similarity_weight + shipped.title_weight + shipped.certifications_weight + shipped.education_weight
    similarity = {role: curve(d[0]["cosine"], shipped.similarity_midpoint, shipped.similarity_spread) for role, d in data.items()}
    aps = [
        average_precision((shipped.skills_weight * c["skills"] + shipped.similarity_weight * similarity[role]
                           + shipped.title_weight * c["title"] + shipped.certifications_weight * c["certifications"]
                           + shipped.education_weight * c["education"]) / total, relevant)
        for role, (c, relevant) in data.items()
    ]
    print(f"shipped settings: mean AP {np.mean(aps):.4f} ({', '.join(f'{r} {a:.3f}' for r, a in zip(roles, aps))})")


if __name__ == "__main__":
    main()
