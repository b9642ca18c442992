"""Whose skill is it: a posting's sentence gives a skill only where it asks it of the hire
(sentences written here)."""

from __future__ import annotations

import pytest

from resumematch.jobs.posting import posting_skill_mentions


def _skills(text: str) -> set[str]:
    return {m.skill_id for m in posting_skill_mentions(text)}


@pytest.mark.parametrize(
    "sentence, skill",
    [
        # what the company sells, builds, its industry and customers
        ("Northwind is a value driven financial technology and services company, and we build the banking apps of tomorrow.", "financial-services"),
        ("Northwind builds cloud-based e-commerce and SaaS solutions used by retailers.", "e-commerce"),
        ("We build e-commerce storefronts for small shops across Europe.", "e-commerce"),
        ("Our platform helps hospitals cut paperwork with artificial intelligence.", "artificial-intelligence"),
        ("Help us change the financial services industry for good.", "financial-services"),
        # perks
        ("A healthy training budget, and free Danish lessons for the whole family.", "budgeting"),
        ("Free Spanish lessons every Friday afternoon.", "spanish"),
        ("Join our Friday German Language Classes after work.", "german"),
    ],
)
def test_a_sentence_about_the_company_or_its_perks_gives_no_skill(sentence, skill):
    assert skill not in _skills(f"Field Technician\n{sentence}")


@pytest.mark.parametrize(
    "sentence, skill",
    [
        ("You have three years of experience in the financial services industry.", "financial-services"),
        ("We are looking for someone with e-commerce experience.", "e-commerce"),
        ("We use Python and Ansible to automate our network.", "python"),
        ("You will manage costs, budgets and schedules.", "budgeting"),
        ("Fluent Danish is required.", "other-languages"),
    ],
)
def test_a_sentence_to_the_hire_gives_the_skill(sentence, skill):
    assert skill in _skills(f"Field Technician\n{sentence}")


@pytest.mark.parametrize(
    "sentence, skill",
    [
        ("Danish skills are not necessary.", "other-languages"),
        ("No Python needed, we will teach you.", "python"),
        ("You do not have to speak German to apply.", "german"),
        ("Looking for a job where you do not have to speak Danish?", "other-languages"),
    ],
)
def test_what_is_not_needed_gives_nothing(sentence, skill):
    assert skill not in _skills(f"Field Technician\n{sentence}")


def test_only_the_negated_clause_is_not_needed():
    found = _skills("Field Technician\nDanish is not necessary, but fluent English is required.")
    assert "english" in found and "other-languages" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The PhD student will build models of radio propagation.",
        "This Master's thesis position suits a curious student.",
        "Limited teaching, mainly in terms of MSc courses.",
        "A Master's degree student will join us for a thesis.",
        "The scholarships for the PhD degree are funded for three years.",
    ],
)
def test_a_degree_that_names_the_position_is_no_degree_asked(sentence):
    assert not {"doctorate", "masters-degree"} & _skills(f"Research position\n{sentence}")


def test_a_degree_asked_of_the_hire_stays():
    assert "masters-degree" in _skills("Research position\nCandidates must hold an MSc in physics.")
    assert "doctorate" in _skills("Research position\nRequirements\n- PhD, electrical engineering")
    assert "doctorate" in _skills("Research position\nApplicants must hold a PhD degree in physics.")
    assert "doctorate" in _skills("Research position\nA PhD in radio engineering is required.")
