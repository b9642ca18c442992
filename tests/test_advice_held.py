"""The advice reads a resume the way the matcher does: a language or credential held in any usual
form is never told missing, and a posting outside ISP work gets examples that name no ISP trade.
(A posting and a resume written here.)"""

from __future__ import annotations

import re

import pytest

from resumematch.api import check
from resumematch.jobs import load_posting
from resumematch.parsers import parse_text
from resumematch.suggestions import RESULTS, SOFT_EXAMPLE, role_family

POSTING = """Staff Nurse, Cardiac Step-Down Unit
Lakeside Regional Medical Center, Modesto, CA

About the role
You will care for 4-5 patients a shift, give medications and chart care in Epic.

Requirements
- Active RN license
- Current BLS and ACLS certifications
- Fluency in Spanish strongly preferred
- Experience charting in Epic EHR
- Two years of acute care nursing

Lakeside Benefits:
- Meal vouchers
- Fitness club card
- Pension plan
"""

RESUME = """Ana Ruiz
ana.ruiz@example.org | 209-555-0134 | Modesto, CA

Summary
Registered nurse with four years of acute care nursing. Bilingual in English and Spanish.

Experience
Registered Nurse, Valley Heart Hospital, Modesto, CA (2020 - present)
- Care for 5 patients a shift and document assessments in Epic.
- Teach patients and families about their medications and discharge plans.

Licenses and Certifications
RN, California Board of Registered Nursing
BLS/ACLS, American Heart Association
"""

# Words of the ISP examples: a nurse is never shown them.
_ISP_WORDS = re.compile(r"\b(?:fiber|truck rolls?|backbone|tickets?|subscribers?|first-contact|quota|outage|callers?)\b", re.I)


@pytest.fixture(scope="module")
def report():
    job = load_posting(POSTING.encode(), "nurse.txt")
    return check(parse_text(RESUME), job, all_suggestions=True)


def test_a_language_held_inside_bilingual_is_held(report):
    missing = {m.name.lower() for m in report.result.missing}
    assert "spanish" not in missing
    advice = " ".join(s.message for s in report.suggestions)
    assert "Spanish" not in advice


def test_credentials_and_tools_in_their_usual_forms_are_held(report):
    missing = {m.name.lower() for m in report.result.missing}
    assert not missing & {"epic", "bls", "acls", "epic ehr", "rn"}
    advice = " ".join(s.message for s in report.suggestions)
    for held in ("'Epic", "'BLS", "'ACLS", "'RN'"):
        assert held not in advice


def test_no_manner_or_act_is_a_keyword(report):
    keywords = {k.lower() for k in report.job.other_keywords}
    assert not keywords & {"strongly", "charting", "fluency", "documenting"}


def test_a_benefits_list_under_a_company_named_heading_gives_no_keyword(report):
    keywords = " ".join(report.job.other_keywords).lower()
    assert "voucher" not in keywords and "pension" not in keywords and "club" not in keywords


def test_a_posting_outside_isp_work_gets_no_isp_example(report):
    assert role_family(report.job) == "general"
    for suggestion in report.suggestions:
        assert not _ISP_WORDS.search(suggestion.message), suggestion.message


def test_soft_skills_and_languages_do_not_make_a_posting_an_isp_family():
    text = (
        "Patient Services Representative\nRequirements\n- Customer service\n- Bilingual English/Spanish\n"
        "- Communication skills\n- Phlebotomy certification\n- Medical terminology\n- Insurance verification\n"
    )
    job = load_posting(text.encode(), "front-desk.txt")
    assert role_family(job) == "general"
    for family in ("technical", "customer", "sales/marketing"):
        assert RESULTS[family] != RESULTS["general"] and SOFT_EXAMPLE[family] != SOFT_EXAMPLE["general"]
