"""Issue 19: a posting's levels (required, preferred), its boilerplate found by content, its other keywords."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resumematch.jobs import load_posting

POSTINGS = Path(__file__).parent / "data" / "public_postings"


def job_of(text: str):
    return load_posting(text.encode("utf-8"), "posting.txt")


def levels(text: str) -> dict[str, str]:
    return {s.skill_id: s.importance for s in job_of(text).skills}


# --- levels ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, skill_id, level",
    [
        (
            "Fiber Technician\nAdditional information\nMust have a valid driver’s license.",
            "drivers-license",
            "required",
        ),
        ("Installer\nSalary: $22/hour, a full driver's licence is required", "drivers-license", "required"),
        ("NOC Engineer\nAdvantages:\n- Experience with Wireshark", "wireshark", "preferred"),
        ("NOC Engineer\nDisclaimer\nEducation: Bachelor's Degree", "bachelors-degree", "required"),
        (
            "Network Engineer\nAbout Acme\nAcme is a leading regional ISP.\nWho we’re looking for\n- 3 years of experience with BGP",
            "bgp",
            "required",
        ),
        (
            "Splicer\nMinimum Job Requirements\n- Fiber splicing\n- OTDR testing\nPreferred\n- Python",
            "fiber-splicing",
            "required",
        ),
        (
            "Splicer\nMinimum Job Requirements\n- Fiber splicing\n- OTDR testing\nPreferred\n- Python",
            "otdr",
            "required",
        ),
        (
            "Splicer\nMinimum Job Requirements\n- Fiber splicing\n- OTDR testing\nPreferred\n- Python",
            "python",
            "preferred",
        ),
        ("Engineer\nYou will need a CCNA and solid Linux skills.", "ccna", "required"),
        ("Engineer\nBasic Qualifications:\n- Linux administration", "linux", "required"),
        ("Engineer\nNice to have\n- Ansible", "ansible", "preferred"),
        ("Engineer\nBonus: experience with Ansible", "ansible", "preferred"),
        ("Engineer\nDesired Experience:\n- Kubernetes", "kubernetes", "preferred"),
    ],
)
def test_posting_levels(text, skill_id, level):
    assert levels(text).get(skill_id) == level


def test_role_label_over_bullets_heads_duties():
    text = "Permitting Manager\nRole:\n  • Lead and mentor a team of permitting coordinators\n  • Track permits"
    assert "mentoring" in levels(text)


# --- boilerplate by content -----------------------------------------------------------------------
BENEFITS = """Field Technician
Responsibilities
- Install and repair fiber drops
- Terminate and test coax
Employee discounts
- AT&T internet (and fiber where available)
- Access to Arts and Entertainment Program
- Career Coaching
- Overtime pay
- Sick Leave
"""


def test_a_perks_list_without_a_heading_gives_no_skills():
    job = job_of(BENEFITS)
    found = {s.skill_id for s in job.skills}
    assert {"ftth", "coaxial-cable"} <= found  # the duties still count
    assert not found & {"access", "mentoring", "availability"}
    assert not {k.lower() for k in job.other_keywords} & {"sick leave", "career coaching", "overtime pay"}
    assert any(item["kind"] == "benefits" for item in job.set_aside)


@pytest.mark.parametrize(
    "sentence, wrong",
    [
        ("We firmly believe in teamwork and open doors.", "teamwork"),
        ("Find us on LinkedIn, Facebook and Instagram.", "facebook"),
        ("Our clients include fiber-to-the-home builders and call center operators.", "ftth"),
        ("Our clients include fiber-to-the-home builders and call center operators.", "call-center"),
        (
            "You may lodge a complaint with the supervisory authority about how your personal data and data security are handled.",
            "data-security",
        ),
        ("The company sells DNS-based security software to schools and libraries.", "dns"),
    ],
)
def test_company_blurbs_values_and_legal_text_give_no_skills(sentence, wrong):
    text = f"Support Technician\nResponsibilities\n- Answer customer calls\n{sentence}\n"
    assert wrong not in levels(text)


def test_a_requirement_under_a_blurb_heading_still_counts():
    text = "Installer\nAbout us\nWe are a growing fiber ISP.\nYou must have a valid driver's license and OSHA 10."
    assert levels(text).get("drivers-license") == "required"


# --- other keywords: only terms a candidate could have -------------------------------------------
def test_other_keywords_are_no_currency_weekday_place_company_or_fragment():
    text = """Network Engineer - Fort Collins, CO
Requirements
- Experience with Telcordia NMA and TIRKS
- Telcordia NMA alarms, TIRKS circuits
- Salary 60000 CZK, Monday-Friday
- Function: Engineering; Market Details: Fundamental
- Experience with Magyar Telekom Plc networks
Benefits
- Sick Leave, Career growth opportunities
"""
    keywords = {k.lower() for k in job_of(text).other_keywords}
    assert {"telcordia nma", "tirks"} & keywords
    junk = {
        "czk",
        "sick leave",
        "career growth opportunities",
        "function",
        "fundamental",
        "monday",
        "friday",
        "market details",
        "fort collins",
        "collins",
        "telekom",
        "magyar",
    }
    assert not keywords & junk, keywords & junk


# --- the public posting set ----------------------------------------------------------------------
def test_public_posting_set_key_skills_no_junk_no_requirement_set_aside():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from public_postings import measure

    results = measure()
    found = sum(len(r.found) for r in results)
    total = found + sum(len(r.missed) for r in results)
    assert len(results) >= 15
    assert found / total >= 0.85
    assert [j for r in results for j in r.junk] == []
    assert [s for r in results for s in r.set_aside] == []


def test_public_postings_carry_their_addresses():
    labels = json.loads((POSTINGS / "labels.json").read_text(encoding="utf-8"))
    for name, label in labels.items():
        if not name.startswith("_"):
            assert (POSTINGS / name).is_file()
            assert label["source"].startswith("http")
            assert label["key_skills"]
