"""Title by line of work, wherever it is written: a Sales Manager is a sales person for a Sales
Representative opening (with a note on the level), a NOC Engineer a NOC person for a NOC
Technician opening, and titles are found in resumes that arrive as one long line of text."""

from __future__ import annotations

import pytest

from resumematch.parsers import parse
from resumematch.titles import FAMILY_OTHER_LEVEL, FAMILY_SAME_KIND, title_match


def _title(text: str, posting_title: str):
    return title_match(parse(text.encode(), name="r.txt"), posting_title)


@pytest.mark.parametrize("held, posting, score", [
    ("Sales Manager", "Sales Representative", FAMILY_OTHER_LEVEL),
    ("Account Executive", "Sales Representative", FAMILY_SAME_KIND),
    ("SALES ASSOCIATE", "Sales Representative", FAMILY_SAME_KIND),
    ("NOC Engineer", "NOC Technician", FAMILY_SAME_KIND),
    ("Customer Care Team Lead", "Customer Service Representative", FAMILY_OTHER_LEVEL),
    ("Help Desk Analyst", "Technical Support Specialist", FAMILY_SAME_KIND),
    ("IT Administrator", "Systems Administrator", FAMILY_SAME_KIND),
    ("Linux Systems Engineer", "Systems Administrator", FAMILY_SAME_KIND),
])
def test_a_title_of_the_same_line_of_work_counts_with_a_why(held, posting, score):
    found = _title(f"Robin Ames\n{held}\nExperience\n{held}, Skyline Broadband, 2019-2023\n", posting)
    assert found.score == score
    assert "same line of work" in found.why and held in found.why
    if score == FAMILY_OTHER_LEVEL:
        assert "another level" in found.why


@pytest.mark.parametrize("held, posting", [
    ("Accountant", "Sales Representative"),
    ("Pastry Chef", "Network Technician"),
    ("Network Engineer", "NOC Technician"),  # a network person, but not of the operations centre
    ("Sales Tax Accountant", "Sales Representative"),  # the function word without a job of that line
    ("Server Assistant", "Systems Administrator"),  # a restaurant's server
    ("Business Systems Analyst", "Systems Administrator"),  # "systems" alone names no line of work
    ("Health Systems Analyst", "Systems Administrator"),
])
def test_a_title_of_another_line_of_work_scores_nothing(held, posting):
    assert _title(f"Robin Ames\n{held}\n", posting).score == 0


def test_the_exact_role_still_beats_its_family():
    assert _title("Robin Ames\nSales Representative\n", "Sales Representative").score == 100
    assert _title("Robin Ames\nSales Manager\n", "Sales Representative").score < 100


@pytest.mark.parametrize("phrase, posting", [
    ("NOC Engineer", "NOC Technician"),
    ("Senior Technical Support Specialist", "Technical Support Specialist"),
])
def test_titles_are_found_in_a_resume_without_line_structure(phrase, posting):
    filler = "handled escalations and wrote runbooks for the overnight shift " * 8
    text = f"Skills Python Linux Education B.Sc. 2015 Experience {filler} worked as {phrase} at Skyline Broadband {filler}"
    assert "\n" not in text
    assert _title(text, posting).score >= FAMILY_SAME_KIND


def test_a_slash_after_a_head_noun_separates_two_titles():
    # "Specialist/Database Administrator" is two jobs: the first's qualifiers are not the second's
    found = _title("Robin Ames\nSystem Staff Specialist/Database Administrator\n", "Systems Administrator")
    assert found.score < FAMILY_OTHER_LEVEL and found.resume_title == "Database Administrator"


def test_a_slash_between_qualifiers_shares_the_head():
    assert _title("Robin Ames\nSales/Marketing Manager\n", "Sales Manager").score == 100


def test_a_headline_on_the_first_line_is_a_title_and_a_name_there_is_not_quoted():
    found = _title("INFORMATION TECHNOLOGY ADMINISTRATOR\nProfessional Profile\nI keep a law school's servers running.\n",
                   "Systems Administrator")
    assert found.score == FAMILY_SAME_KIND and found.resume_title == "INFORMATION TECHNOLOGY ADMINISTRATOR"
    assert "Robin Ames" not in _title("Robin Ames\nProfessional Profile\nI bake bread.\n", "Systems Administrator").why


@pytest.mark.parametrize("summary, score", [
    ("Quality-driven and practical Systems Administrator with ten years of Windows and Linux servers.", 100),
    ("Office manager seeking a Systems Administrator role to use my Windows skills.", 0),  # the goal, not a job held
    ("Operations lead with five years coaching Systems Administrators on call rotas.", 0),  # whom they led
])
def test_the_role_inside_a_summary_opening_counts_but_not_a_goal_or_whom_they_led(summary, score):
    found = _title(f"Robin Ames\nSummary\n{summary}\n", "Systems Administrator")
    assert found.score == score, found.why


def test_the_headline_of_a_resume_without_line_structure_is_its_opening_words():
    filler = "ran the crews and the permits on fibre builds across three counties " * 8
    found = _title(f"CONSTRUCTION SUPERINTENDENT Summary Twenty years in the field {filler}", "Field Supervisor")
    assert found.score == FAMILY_SAME_KIND and found.resume_title == "CONSTRUCTION SUPERINTENDENT"
    # a resume that opens on a heading has no headline there
    assert _title(f"Skills Python Linux Education B.Sc. 2015 Experience {filler}", "Field Supervisor").score == 0


def test_a_title_with_letters_outside_ascii_is_one_title():
    from resumematch.titles import resume_titles

    document = parse("Ana Souza\nExperiência\nTécnico de informática voluntário, Escola Municipal, 2019-2023\n".encode(), name="r.txt")
    assert "Técnico de informática voluntário" in resume_titles(document)
