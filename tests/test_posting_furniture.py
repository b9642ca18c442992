"""A posting's furniture is never a keyword or a skill: headings with the company's name or a
question, location lines, apply instructions, department names; and a requirement sentence is
never set aside for the heading above it or the salary beside it. (Postings written here.)"""

from __future__ import annotations

import pytest

from resumematch.jobs import load_posting
from resumematch.jobs.sections import posting_parts

POSTING = """Fiber Splicing Technician
Network Construction Department
Locations: Boulder | Loveland | Fort Collins

Summit Fiber is a fast-growing regional internet provider. Pay: $24-$31 per hour. You must hold a valid driver's license.

What you'll do
- Splice and test single-mode fiber with an OTDR.
- Install ONTs for customers in Boulder, Loveland and Fort Collins.
- Work with the Outside Plant Operations team on new builds.

What you bring
- Two years of fusion splicing experience.

Summit Fiber Benefits:
- Meal vouchers
- MultiSport card
- Pension plan with company match

Why Summit Fiber?
- Tuition help for courses
- A truck and tools provided

Life at Summit Fiber
Small crews, big goals, and a Friday cookout. Candidates must be able to work at heights.

Ready? CLICK APPLY NOW.
"""


@pytest.fixture(scope="module")
def job():
    return load_posting(POSTING.encode(), "splicer.txt")


def _kinds(text: str, phrase: str) -> set[str]:
    at = text.index(phrase)
    return {p.kind for p in posting_parts(text) if p.start <= at < p.end}


def test_headings_with_the_company_name_or_a_question_are_read_by_their_lines(job):
    keywords = " ".join(job.other_keywords).lower()
    for junk in ("voucher", "multisport", "pension", "tuition", "truck", "cookout", "goals"):
        assert junk not in keywords
    assert _kinds(POSTING, "Meal vouchers") == {"benefits"}
    assert _kinds(POSTING, "Tuition help") == {"benefits"}
    assert _kinds(POSTING, "Small crews") == {"company"}


def test_places_apply_instructions_and_department_names_are_never_keywords(job):
    keywords = {k.lower() for k in job.other_keywords}
    for junk in ("boulder", "loveland", "fort collins", "fort", "click", "ready", "outside plant operations", "operations"):
        assert junk not in keywords
    assert _kinds(POSTING, "CLICK APPLY NOW") == {"apply"}


def test_a_requirement_is_kept_beside_a_salary_and_under_any_heading(job):
    required = {s.skill_id for s in job.skills if s.importance == "required"}
    assert "drivers-license" in required  # shares a line with the blurb and the pay
    assert "fall-protection" in required  # under "Life at Summit Fiber"
    assert "fiber-splicing" in required


ROLE_HEADINGS = """Cable Technician
Northwind Networks builds campus networks for schools.

Required Qualifications for Cable Technician at Northwind Networks
- Two years of structured cabling work.
- Ability to lift 50 pounds and climb ladders.

Location & Schedule
- Primary location: Greenfield, CO.
- Additional locations: Ridgeway, Millbrook, Stonebridge and nearby towns.
- Schedule: full-time.
"""


def test_a_heading_said_for_the_role_or_company_keeps_its_level():
    job = load_posting(ROLE_HEADINGS.encode(), "cabler.txt")
    required = {s.skill_id for s in job.skills if s.importance == "required"}
    assert "structured-cabling" in required


def test_location_lines_give_no_keyword_and_quantity_words_no_phrase():
    job = load_posting(ROLE_HEADINGS.encode(), "cabler.txt")
    keywords = " ".join(job.other_keywords).lower()
    for junk in ("greenfield", "ridgeway", "millbrook", "stonebridge", "primary", "additional", "towns"):
        assert junk not in keywords
