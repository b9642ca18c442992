"""The report explains itself (issue 21): title match by role, quiet role fit, components with
their weights and meaning, suggestions strictly by points, the guides named."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from resumematch import check, parse
from resumematch.cli import cli
from resumematch.jobs import load_job
from resumematch.scoring import MatchSettings
from resumematch.titles import role_phrases, title_match

NURSE_POSTING = "Registered Nurse - Medical/Surgical Unit\n\nRequirements\n- Current RN license\n- BLS certification\n- Acute care experience\n"


def _resume(text: str):
    return parse(text.encode(), name="resume.txt")


# --- part 3: title match means the role --------------------------------------------------------


def test_issue_21_a_hospital_in_the_company_name_is_not_a_nursing_title():
    engineer = _resume("Marcus Lee\nExperience\nSystems Engineer, Northwest Medical Center - Chicago, IL\n2019 - Present\n"
                       "- Administer 120 Windows and Linux servers.\n")
    found = title_match(engineer, "Registered Nurse - Medical/Surgical Unit")
    assert found.score == 0
    assert "Systems Engineer" in found.why and "Nurse" in found.why


def test_the_same_role_scores_full_and_the_same_head_noun_partly():
    nurse = _resume("Dana\nExperience\nStaff Nurse, St. Agnes Hospital\n- Cared for patients.\n")
    registered = _resume("Dana\nExperience\nRegistered Nurse II, St. Agnes Hospital\n- Cared for patients.\n")
    title = "Registered Nurse - Medical/Surgical Unit"
    assert title_match(registered, title).score == 100 and "Registered Nurse II" in title_match(registered, title).why
    assert 0 < title_match(nurse, title).score < 100


def test_role_phrases_are_the_main_title_and_its_alternatives():
    assert role_phrases("ISP Technician (Installer / Field Technician)") == [["isp", "technician"], ["installer"], ["field", "technician"]]
    assert role_phrases("Registered Nurse - Medical/Surgical Unit") == [["registered", "nurse"]]


def test_a_goal_in_the_headline_is_found_and_called_a_goal():
    aspiring = _resume("Sam\nAspiring Network Technician\nExperience\nStore Manager, HomeWorks\n- Ran the store.\n")
    found = title_match(aspiring, "Network Technician")
    assert found.score == 100 and "as the goal (not as a job held)" in found.why


def test_the_report_says_why_the_title_scored_what_it_did(tmp_path):
    posting = tmp_path / "nurse.txt"
    posting.write_text(NURSE_POSTING)
    resume = tmp_path / "engineer.txt"
    resume.write_text("Marcus Lee\nExperience\nSystems Engineer, Northwest Medical Center\n- Ran servers.\n")
    text = CliRunner().invoke(cli, ["check", str(resume), "--job", str(posting)]).stdout
    title_line = next(line for line in text.splitlines() if line.strip().startswith("title"))
    assert title_line.split()[1] == "0"
    assert "why: no title on the resume ('Systems Engineer'" in text


# --- part 4: role fit is quiet when nothing fits --------------------------------------------------


def test_issue_21_a_pastry_chef_gets_no_career_path_and_no_contradiction(samples):
    report = check(samples / "weak-match.pdf")
    said = " ".join(s.message for s in report.suggestions)
    assert report.next_step is None and "career-path" not in {s.kind for s in report.suggestions}
    assert "What it takes" not in said and "next step" not in said
    assert report.suggestions[0].message.startswith("No shipped ISP role fits this resume yet")


def test_much_better_needs_a_real_margin(samples):
    report = check(samples / "network-technician.pdf", "sales-representative")
    first = report.suggestions[0]
    assert first.kind == "role-fit" and "much better" in first.message  # 81 against 9
    close = check(_resume("Ana\nExperience\nClerk, Shop\n- Answered customer calls about billing.\n- Sold phone plans to walk-in customers.\n"),
                  "sales-representative")
    assert not any("much better" in s.message for s in close.suggestions)


def test_issue_21_one_bullet_is_not_a_role_fit():
    engineer = _resume(
        "Lee Park\nExperience\nSoftware Engineer, Appworks\n- Built Java services for the checkout team.\n"
        "- Ran A/B testing on the signup page.\n- Wrote unit tests for the payment code.\n"
    )
    report = check(engineer)
    assert not any(s.message.startswith("Best-fitting role") for s in report.suggestions)
    assert report.next_step is None


def test_a_real_fit_names_the_role_and_what_it_still_asks_for(samples):
    report = check(samples / "network-technician.pdf")
    first = report.suggestions[0]
    assert first.message.startswith("Best-fitting role: Network Technician (") and "it still asks for Driver's license" in first.message
    assert report.next_step is not None


# --- part 6: the report explains itself ----------------------------------------------------------


def test_suggestions_are_strictly_by_points(samples):
    for sample in ("career-changer.pdf", "isp-installer.pdf", "weak-match.pdf", "customer-service.pdf"):
        for role in ("network-technician", "isp-technician", "customer-service-representative"):
            points = [s.points for s in check(samples / sample, role, all_suggestions=True).suggestions if s.points]
            assert points == sorted(points, reverse=True), (sample, role, points)


def test_every_component_has_its_weight_and_meaning_in_text_and_json(samples, tmp_path):
    result = CliRunner().invoke(cli, ["check", str(samples / "network-technician.pdf"), "--job", "network-technician", "--format", "json"])
    payload = json.loads(result.stdout)
    details = {d["name"]: d for d in payload["component_details"]}
    assert set(details) == {"skills", "similarity", "certifications", "education", "title"}
    assert sum(d["weight"] for d in details.values()) == pytest.approx(1.0, abs=0.01)
    assert all(d["meaning"] for d in details.values())
    assert payload["components"] == {name: d["score"] for name, d in details.items()}  # the old field unchanged
    text = CliRunner().invoke(cli, ["check", str(samples / "network-technician.pdf"), "--job", "network-technician"]).stdout
    from resumematch.scoring import MatchSettings

    weights = MatchSettings()
    assert "skills          " in text and f"weight {weights.skills_weight:.2f}" in text
    assert f"weight {weights.title_weight:.2f}" in text


def test_components_a_posting_does_not_ask_for_are_shown_with_weights_respread(tmp_path, samples):
    posting = tmp_path / "tech.txt"
    posting.write_text("Network Technician\n\nRequirements\n- DNS and DHCP\n- VLANs\n- Network troubleshooting\n")
    report = check(samples / "network-technician.pdf", posting)
    details = {d["name"]: d for d in report.result.component_details()}
    assert not details["certifications"]["asked"] and details["certifications"]["weight"] == 0
    defaults = MatchSettings()
    asked = defaults.skills_weight + defaults.similarity_weight + defaults.title_weight
    assert details["skills"]["weight"] == pytest.approx(defaults.skills_weight / asked, abs=0.001)
    text = CliRunner().invoke(cli, ["check", str(samples / "network-technician.pdf"), "--job", str(posting)]).stdout
    assert "certifications not asked for (its weight is spread over the others)" in text
    assert "education      not asked for" in text


def test_the_guides_are_named_where_advice_follows_them(samples):
    report = check(samples / "career-changer.pdf", "network-technician")
    guided = [s for s in report.suggestions if s.guide]
    assert guided and all(s.guide in ("isp-jobs", "isp-technician") for s in guided)
    text = CliRunner().invoke(cli, ["check", str(samples / "career-changer.pdf"), "--job", "network-technician"]).stdout
    assert "(follows the ISP jobs guide)" in text and "The ISP jobs guide: 'Jobs at Internet Service Providers'" in text
    assert "the guides recommend" not in text
