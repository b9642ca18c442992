"""Ranking quality on labelled resumes (tests/data/ranking_labels.json): `rank` at or above plain
TF-IDF for every shipped role with two or more relevant resumes, and above it on average.
Skipped when ../shared/corpus is absent (the pool would be the samples alone)."""

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


def test_rank_is_at_or_above_plain_tfidf_for_every_measurable_role(measured):
    rows = [r for r in measured if r["relevant"] >= 2]
    assert len(rows) >= 3
    for row in rows:
        print(f"\n{row['role']}: rank {row['rank']:.3f}, tf-idf {row['tfidf']:.3f}")
        assert row["rank"] >= row["tfidf"] - 1e-9, row
    assert sum(r["rank"] for r in rows) / len(rows) >= sum(r["tfidf"] for r in rows) / len(rows) + 0.05


def test_the_one_relevant_resume_tops_its_role(measured):
    for row in measured:
        if row["relevant"] == 1:
            assert row["positions"][0] == [1], row
