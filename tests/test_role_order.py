"""Scores comparable across postings (issue 21, part 5): one resume's scores order postings the way
a person does (tests/data/role_order_labels.json, ordered by hand before the tool ran), and a
posting that names two skills no longer lets everyone cover it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from resumematch import check
from resumematch.scoring import match
from resumematch.skills import analyse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_order  # noqa: E402


@pytest.fixture(scope="module")
def measured():
    return role_order.measure()


def test_the_hand_best_posting_scores_first_for_every_resume(measured):
    for row in measured:
        print(f"\n{row['resume']}: now {row['ours']:.2f}, before {row['before']:.2f}, tf-idf {row['tfidf']:.2f}")
        assert row["best"][0] == role_order.labels()[row["resume"]][0], row


def test_the_order_agrees_with_the_hand_order(measured):
    """Nine hand-ordered resumes are a smoke test: the order must agree well (Spearman 0.7 or more
    on average). Whether the asking weight helps is decided on larger sets; with the weights fitted
    on the ranking development set it moves this figure by less than 0.01 either way."""
    now = sum(r["ours"] for r in measured) / len(measured)
    assert now >= 0.7, now


def test_issue_21_a_posting_naming_two_skills_is_not_covered_by_everyone(samples):
    short = role_order.load_posting("help-desk-short")
    resume = analyse(check(samples / "customer-service.pdf", "customer-service-representative").document)
    covered = match(resume, short)
    before = match(resume, short, settings={"ask_confidence": 0})
    own = match(resume, role_order.load_posting("customer-service-representative"))
    assert covered.components["skills"] <= before.components["skills"] / 2 + 0.1  # three things asked, all shown: not a full fit
    assert own.score > 2 * covered.score
