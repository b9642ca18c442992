"""Ranking quality, smoke-tested on the small labelled pool (tests/data/ranking_labels.json).

The evidence lives in `benchmarks/ranking_quality.py`: the 1,962-resume development set, its
reporting half, with bootstrap intervals (docs/benchmarks.md). Forty-two resumes cannot tell a
better ranker from a luckier one, so this test asks only what any sound ranker must do here: each
role's one relevant resume on top, and `rank` no worse than plain TF-IDF on average. Skipped when
../shared/corpus is absent (the pool would be the samples alone)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import ranking_quality  # noqa: E402

pytestmark = pytest.mark.skipif(not ranking_quality.CORPUS.is_dir(), reason="../shared/corpus is absent")


@pytest.fixture(scope="module")
def measured():
    return ranking_quality.measure()


def test_rank_is_no_worse_than_plain_tfidf_on_average(measured):
    rows = [r for r in measured if r["relevant"] >= 2]
    assert len(rows) >= 3
    assert sum(r["rank"] for r in rows) / len(rows) >= sum(r["tfidf"] for r in rows) / len(rows)


def test_the_one_relevant_resume_tops_its_role(measured):
    for row in measured:
        if row["relevant"] == 1:
            assert row["positions"][0] == [1], row
