"""The ranking development set: real resumes, relevance labels per shipped role, a seeded split,
the two lexical baselines (TF-IDF and BM25 over the raw text) and the measures (average
precision, nDCG@10, bootstrap intervals). Used by ``ranking_quality.py`` and by the weight fit
(``scripts/fit_ranking.py``).

The resumes are ``../shared/corpus/ranking-dev/resumes.jsonl`` (1,962 real livecareer resumes,
each with the search keyword it was found under; see that folder's SOURCES.md and labels.md).
They are real people's resumes: they are read from ../shared/corpus and never copied here. What
lives here is which of them count as relevant for which role, and why:

- ``CATEGORY_GRADES``: where a category is a usable label (labels.md: SALES is fairly clean,
  DIGITAL-MEDIA mostly digital marketing, BPO is *not* customer service, INFORMATION-TECHNOLOGY a
  mix of help desk, administrators and mostly managers, so only ever grade 1);
- ``ranking_dev_labels.json``: resumes labelled one by one by reading them (headline, summary and
  first jobs) with the role the person holds. Those labels decide the IT, network, NOC,
  installer, field and customer-service roles, whose categories say little.

Grade 2 is relevant, grade 1 a neighbouring role. Average precision counts grade 2 only; nDCG@10
uses both grades.
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "ranking-dev"
HAND_LABELS = Path(__file__).resolve().parent / "ranking_dev_labels.json"
SPLIT_FILE = Path(__file__).resolve().parent / "ranking_dev_split.json"
SPLIT_SEED = 2028  # chosen once, before any tuning; never changed to make a figure look better

# Category -> grade, per role. Only categories labels.md found usable; everything else comes from
# the hand labels.
CATEGORY_GRADES = {
    "sales-representative": {"SALES": 2, "BUSINESS-DEVELOPMENT": 1},
    "marketing-specialist": {"DIGITAL-MEDIA": 2},
    "customer-service-representative": {"BPO": 1},
    "technical-support-specialist": {"INFORMATION-TECHNOLOGY": 1},
    "systems-administrator": {"INFORMATION-TECHNOLOGY": 1},
    "network-engineer": {"INFORMATION-TECHNOLOGY": 1},
}
# Hand-label role -> grade, per shipped role (the labels' roles are in ranking_dev_labels.json).
ROLE_GRADES = {
    "sales-representative": {"sales": 2},
    "marketing-specialist": {"marketing": 2},
    "customer-service-representative": {"customer-service": 2},
    "technical-support-specialist": {"help-desk": 2, "network-technician": 1, "systems-administrator": 1},
    "systems-administrator": {"systems-administrator": 2, "it-manager": 1, "network-engineer": 1},
    "network-engineer": {"network-engineer": 2, "noc": 1, "network-technician": 1, "systems-administrator": 1},
    "network-technician": {"network-technician": 2, "network-engineer": 2, "noc": 1, "isp-installer": 1, "help-desk": 1},
    "noc-technician": {"noc": 2, "network-engineer": 1, "network-technician": 1},
    "isp-technician": {"isp-installer": 2, "network-technician": 1},
    "field-supervisor": {"field-supervisor": 2},
    "network-project-manager": {"network-project-manager": 2, "it-manager": 1},
}
# A headline that names the customer-service job (labels.md: the cleaner label for that role).
_CUSTOMER_HEADLINE = re.compile(r"customer (?:service|care|support)|contact cent|call cent|member services", re.I)


@dataclass(frozen=True)
class DevResume:
    id: str
    category: str
    text: str

    @property
    def headline(self) -> str:
        return self.text.split("\n", 1)[0].strip()


def available() -> bool:
    return (DEV / "resumes.jsonl").is_file()


def load() -> list[DevResume]:
    with (DEV / "resumes.jsonl").open(encoding="utf-8") as handle:
        return [DevResume(r["id"], r["category"], r["text"]) for r in map(json.loads, handle)]


def hand_labels() -> dict[str, str]:
    """id -> role read by hand: ours (ranking_dev_labels.json) over the corpus's it_roles.json."""
    labels = {}
    it_roles = DEV / "it_roles.json"
    if it_roles.is_file():
        labels.update(json.loads(it_roles.read_text(encoding="utf-8")))
    if HAND_LABELS.is_file():
        ours = json.loads(HAND_LABELS.read_text(encoding="utf-8"))
        labels.update({k: v["role"] if isinstance(v, dict) else v for k, v in ours.get("labels", ours).items()})
    return {k: v for k, v in labels.items() if not k.startswith("_")}


def grades(resumes: list[DevResume], role: str, labels: dict[str, str] | None = None) -> list[int]:
    """0, 1 or 2 for each resume against a shipped role: the higher of its category's grade and
    its hand label's grade. A hand label of another role also overrides a category grade of 1
    (an IT-category developer is not a neighbour of the help desk)."""
    labels = hand_labels() if labels is None else labels
    by_category, by_role = CATEGORY_GRADES.get(role, {}), ROLE_GRADES.get(role, {})
    out = []
    for resume in resumes:
        grade = by_category.get(resume.category, 0)
        label = labels.get(resume.id)
        if label is not None:
            grade = by_role.get(label, 0) if grade < 2 else max(grade, by_role.get(label, 0))
        if role == "customer-service-representative" and _CUSTOMER_HEADLINE.search(resume.headline):
            grade = 2
        out.append(grade)
    return out


def split(resumes: list[DevResume], labels: dict[str, str] | None = None) -> tuple[list[DevResume], list[DevResume]]:
    """(tuning half, reporting half), once and for all: the halves are the ids frozen in
    ranking_dev_split.json, so labels added later move no resume between halves. A resume the
    file does not list (a corpus grown since) goes through the original seeded, stratified draw."""
    frozen = json.loads(SPLIT_FILE.read_text(encoding="utf-8")) if SPLIT_FILE.is_file() else {}
    tune_ids, report_ids = set(frozen.get("tune", ())), set(frozen.get("report", ()))
    tune = [r for r in resumes if r.id in tune_ids]
    report = [r for r in resumes if r.id in report_ids]
    unlisted = [r for r in resumes if r.id not in tune_ids and r.id not in report_ids]
    if unlisted:
        more_tune, more_report = seeded_split(unlisted, labels)
        tune, report = tune + more_tune, report + more_report
    return tune, report


def seeded_split(resumes: list[DevResume], labels: dict[str, str] | None = None) -> tuple[list[DevResume], list[DevResume]]:
    """The draw the frozen split was made with: within each (category, hand label, customer
    headline) group, a seeded shuffle alternates the two halves, so each half has its share of
    every category and of the few network and field people."""
    labels = hand_labels() if labels is None else labels
    groups: dict[tuple, list[DevResume]] = {}
    for resume in resumes:
        key = (resume.category, labels.get(resume.id, ""), bool(_CUSTOMER_HEADLINE.search(resume.headline)))
        groups.setdefault(key, []).append(resume)
    rng = random.Random(SPLIT_SEED)
    tune, report = [], []
    turn = 0  # the odd one out of each group goes to the halves in turn
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: int(r.id) if r.id.isdigit() else r.id)
        rng.shuffle(members)
        for resume in members:
            (tune if turn % 2 == 0 else report).append(resume)
            turn += 1
    return tune, report


# -- measures ----------------------------------------------------------------------------------

def average_precision(scores, relevant) -> float:
    """AP of the order by score (ties broken by position, i.e. input order) for a 0/1 list."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    total_relevant = sum(relevant)
    if not total_relevant:
        return 0.0
    hits, total = 0, 0.0
    for position, i in enumerate(order, start=1):
        if relevant[i]:
            hits += 1
            total += hits / position
    return total / total_relevant


def ndcg_at(scores, graded, k: int = 10) -> float:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
    dcg = sum((2 ** graded[i] - 1) / math.log2(p + 2) for p, i in enumerate(order))
    ideal = sorted(graded, reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(p + 2) for p, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def bootstrap(systems: dict[str, list[float]], graded: list[int], *, reps: int = 1000, seed: int = 7) -> dict:
    """95% intervals of each system's AP and of each system's AP minus the first system's, by
    resampling resumes with replacement (positives and others apart, so every sample has both)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    graded_a = np.asarray(graded)
    positives, others = np.flatnonzero(graded_a == 2), np.flatnonzero(graded_a != 2)
    names = list(systems)
    arrays = {n: np.asarray(s, dtype=float) for n, s in systems.items()}
    samples = {n: [] for n in names}
    for _ in range(reps):
        pick = np.concatenate([rng.choice(positives, len(positives)), rng.choice(others, len(others))])
        relevant = graded_a[pick] == 2
        for name in names:
            scores = arrays[name][pick]
            order = np.lexsort((np.arange(len(pick)), -scores))
            hits = np.cumsum(relevant[order])
            precision = hits / np.arange(1, len(pick) + 1)
            samples[name].append(float((precision * relevant[order]).sum() / relevant.sum()))
    first = np.asarray(samples[names[0]])
    out = {}
    for name in names:
        values = np.asarray(samples[name])
        out[name] = (float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5)))
        if name != names[0]:
            diff = first - values
            out[f"{names[0]}-{name}"] = (float(np.percentile(diff, 2.5)), float(np.percentile(diff, 97.5)))
    return out


# -- the baselines: what a user gets from a ten-line script ---------------------------------------

def job_text(job) -> str:
    return f"{job.title}\n{job.summary}\n{job.text}"


def tfidf_scores(texts: list[str], query: str) -> list[float]:
    """Plain TF-IDF cosine (scikit-learn, English stop words, sublinear tf) fitted on the pile and
    the job, as the issue's naive script does."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform(list(texts) + [query])
    return [float(s) for s in cosine_similarity(matrix[len(texts)], matrix[: len(texts)]).ravel()]


def bm25_scores(texts: list[str], query: str, k1: float = 1.2, b: float = 0.75) -> list[float]:
    """Okapi BM25 of the job's words (English stop words out) over the pile, idf from the pile."""
    from collections import Counter

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    token = re.compile(r"(?u)\b\w\w+\b")
    docs = [Counter(t for t in token.findall(text.lower()) if t not in ENGLISH_STOP_WORDS) for text in texts]
    lengths = [sum(d.values()) for d in docs]
    average = sum(lengths) / len(lengths)
    frequency = Counter(t for d in docs for t in d)
    n = len(docs)
    query_terms = Counter(t for t in token.findall(query.lower()) if t not in ENGLISH_STOP_WORDS)
    idf = {t: math.log(1 + (n - frequency[t] + 0.5) / (frequency[t] + 0.5)) for t in query_terms}
    scores = []
    for d, length in zip(docs, lengths):
        score = 0.0
        for term, q in query_terms.items():
            f = d.get(term, 0)
            if f:
                score += q * idf[term] * f * (k1 + 1) / (f + k1 * (1 - b + b * length / average))
        scores.append(score)
    return scores
