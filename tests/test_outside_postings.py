"""Postings outside the ISP field (issue 21, part 2): a nursing and a data-analyst posting written
the way employers write them (tests/data/outside/), checked with their own requirements and
advice that names no ISP work."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumematch import check
from resumematch.jobs import load_job
from resumematch.suggestions import RESULTS, SOFT_EXAMPLE

OUTSIDE = Path(__file__).parent / "data" / "outside"
ISP_EXAMPLES = [RESULTS[f] for f in ("technical", "customer", "sales/marketing")] + [
    SOFT_EXAMPLE[f] for f in ("technical", "customer", "sales/marketing")
]
ISP_WORDS = ("truck roll", "fiber", "broadband", "subscriber", "tickets a day", "backbone", "quota")


@pytest.fixture(scope="module")
def nurse():
    return check(OUTSIDE / "nurse-resume.txt", OUTSIDE / "registered-nurse-posting.txt", all_suggestions=True)


@pytest.fixture(scope="module")
def analyst():
    return check(OUTSIDE / "data-analyst-resume.txt", OUTSIDE / "data-analyst-posting.txt", all_suggestions=True)


def test_the_nursing_posting_is_outside_the_taxonomy_and_keeps_its_own_requirements():
    job = load_job(OUTSIDE / "registered-nurse-posting.txt")
    assert job.outside_taxonomy
    keywords = set(job.other_keywords)
    assert {"Registered Nurse", "RN", "BLS", "ACLS", "Epic", "IV therapy", "wound care"} <= keywords, keywords
    assert {"RN", "BLS", "ACLS"} <= set(job.required_keywords)
    # Boilerplate gives nothing: the hospital, the town, the benefits, the legal line.
    said = " ".join(keywords).lower()
    for boilerplate in ("lakeshore", "springfield", "dental", "tuition", "veteran", "equal opportunity"):
        assert boilerplate not in said, boilerplate


def test_a_well_matched_nurse_is_told_so_and_never_asked_for_what_she_shows(nurse):
    matched = {m.name for m in nurse.result.matched}
    assert {"Registered Nurse", "RN", "BLS", "ACLS", "Epic", "Bilingual"} <= matched, matched
    assert nurse.result.score >= 60
    said = " ".join(s.message for s in nurse.suggestions)
    for held in ("'ACLS", "'RN'", "'BLS", "'Epic", "'Bilingual"):
        assert held not in said


def test_the_report_says_the_field_is_outside_the_isp_taxonomy(nurse):
    assert "outside the ISP taxonomy" in nurse.result.notes["skills"]
    from resumematch.render.check import render_text

    assert "Field:  outside the ISP taxonomy" in render_text(nurse)


@pytest.mark.parametrize("which", ["nurse", "analyst"])
def test_advice_for_work_outside_isp_uses_no_isp_examples(which, request):
    report = request.getfixturevalue(which)
    said = " ".join(s.message for s in report.suggestions)
    for example in ISP_EXAMPLES:
        assert example not in said
    for word in ISP_WORDS:
        assert word not in said.lower(), (which, word)


def test_the_data_analyst_posting_keeps_its_tools_and_the_analyst_matches_them(analyst):
    required = {m.id for m in analyst.result.matched if m.importance == "required"}
    assert {"sql", "tableau", "python"} <= required
    missing = {m.name for m in analyst.result.missing}
    assert not {"SQL", "Data visualization", "Python", "Microsoft Excel"} & missing
    assert analyst.result.score >= 60
