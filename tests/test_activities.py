"""Activity evidence: an Experience line that does a skill counts for it, a little below its name."""

from __future__ import annotations

import pytest

from resumematch import parse
from resumematch.api import check
from resumematch.scoring import match
from resumematch.skills import analyse
from resumematch.skills.activities import compile_activities, verb_forms


def analysed(text: str):
    return analyse(parse(text.encode(), name="resume.txt"))


@pytest.mark.parametrize(
    "bullet, skill_id",
    [
        ("Configured Cisco and Juniper routers and switches for 40 customers, including VLANs, static routing and OSPF.",
         "network-configuration"),
        ("Designed and deployed an MPLS core with BGP route reflectors.", "network-design"),
        ("Trained three junior technicians on TCP/IP basics.", "mentoring"),
        ("Supervised a crew of eight installers.", "leadership"),
        ("Walked customers through their new equipment.", "customer-education"),
        ("Handled 60 calls a day about billing and outages.", "call-center"),
        ("Processed payments and refunds for 300 accounts a week.", "billing"),
        ("Sold fiber internet plans to 40 households a month.", "sales"),
        ("Negotiated contract renewals with three carriers.", "negotiation"),
        ("Troubleshot connectivity problems on DOCSIS networks.", "network-troubleshooting"),
    ],
)
def test_an_experience_line_that_does_a_skill_shows_it(bullet, skill_id):
    resume = analysed(f"Experience\nTechnician, Acme Broadband\n- {bullet}\n")
    held = resume.held[skill_id]
    assert held.how == "activity" and held.sections == ("experience",)
    assert held.evidence == bullet


def test_a_listed_language_shows_bilingual():
    resume = analysed("Languages\nEnglish (native), Spanish (conversational)\n")
    assert resume.held["bilingual"].how == "activity"
    assert "bilingual" not in analysed("Interests\nSpanish cooking, hiking\n").held


def test_an_activity_counts_only_where_work_is_described():
    bullet = "Configured Cisco routers and VLANs for business customers."
    assert "network-configuration" not in analysed(f"Skills\n{bullet}\n").held
    assert "network-configuration" not in analysed("Experience\n- Read about routers that others configured.\n").held


def test_a_verb_far_from_its_object_or_in_another_sentence_is_not_an_activity():
    assert "network-configuration" not in analysed("Experience\n- Configured the schedule. Bought new routers.\n").held


def test_postings_get_no_activity_evidence():
    from resumematch.jobs.posting import job_from_posting
    from resumematch.skills import extract_skills, taxonomy

    document = parse(b"NOC Technician\n\nResponsibilities\n- Configure Cisco routers and VLANs\n", name="p.txt")
    job = job_from_posting(document, extract_skills(document.text), taxonomy())
    assert "network-configuration" not in job.required + job.preferred
    assert {"cisco", "vlan"} <= set(job.required + job.preferred)


def test_activity_credit_lies_between_the_name_in_experience_and_a_bare_list():
    from resumematch.types import Job, JobSkill

    job = Job("one-skill", "One skill", "technical", skills=[
        JobSkill("network-configuration", "Network configuration", "technical", "required"),
    ])
    only_skills = {"similarity_weight": 0, "title_weight": 0, "ask_confidence": 0}  # evidence credit alone

    def credit(text: str) -> tuple[str, float]:
        result = match(parse(text.encode(), name="r.txt"), job, settings=only_skills)
        return result.matched[0].how, result.components["skills"]

    assert credit("Experience\n- Network configuration for 60 business customers.\n") == ("exact", 100.0)
    assert credit("Experience\n- Configured Cisco routers for 60 business customers.\n") == ("activity", 85.0)
    assert credit("Experience\n- Worked for 60 business customers.\nSkills\nNetwork configuration\n") == ("exact", 70.0)


def test_the_report_says_name_it_instead_of_add_it():
    text = (
        "Sam Lee\nsam@example.org | (503) 555-0110\nExperience\nNetwork Technician, Acme Broadband\n"
        "- Configured Cisco and Juniper routers and switches for 40 business customers, including VLANs and OSPF.\n"
        "Skills\nTCP/IP\n"
    )
    report = check(parse(text.encode(), name="r.txt"), "network-technician", all_suggestions=True)
    missing = {m.id for m in report.result.missing}
    assert "network-configuration" not in missing
    assert not [s for s in report.suggestions if s.kind in ("missing-keyword", "show-evidence") and "Network configuration" in s.message]
    name_it = [s.message for s in report.suggestions if s.kind == "name-it" and "'Network configuration'" in s.message]
    assert name_it and "Configured Cisco and Juniper routers" in name_it[0]


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("configure", {"configure", "configures", "configured", "configuring"}),
        ("plan", {"plans", "planned", "planning"}),
        ("troubleshoot", {"troubleshoots", "troubleshot", "troubleshooting"}),
        ("set up", {"set up", "sets up", "setting up"}),
        ("lead", {"leads", "led", "leading"}),
        ("deploy", {"deploys", "deployed", "deploying"}),
        ("supply", {"supplies", "supplied", "supplying"}),
    ],
)
def test_verb_forms(verb, forms):
    assert forms <= set(verb_forms(verb))


def test_activity_patterns_are_checked_against_the_taxonomy():
    with pytest.raises(ValueError, match="not a skill"):
        compile_activities({"no-such-skill": [{"verbs": ["do"], "objects": ["it"]}]}, {"routing"})
    with pytest.raises(ValueError, match="'@nope'"):
        compile_activities({"routing": [{"verbs": ["do"], "objects": ["@nope"]}]}, {"routing"})
    with pytest.raises(ValueError, match="without verbs"):
        compile_activities({"routing": [{"objects": ["router"]}]}, {"routing"})


# --- issue 29: doing a thing in a tool shows the thing ---------------------------------------------
@pytest.mark.parametrize(
    "bullet, skill_id",
    [
        ("Documented patient assessments in Epic for five patients a shift.", "documentation"),
        ("Charted vitals and care plans in Cerner.", "documentation"),
        ("Reconciled vendor accounts in QuickBooks every month.", "accounting"),
        ("Analyzed churn by region using Power BI.", "reporting"),
    ],
)
def test_an_action_done_in_a_tool_shows_the_skill(bullet, skill_id):
    resume = analysed(f"Experience\nStaff member, Lakeside Clinic\n- {bullet}\n")
    held = resume.held[skill_id]
    assert held.how == "activity" and held.evidence == bullet


@pytest.mark.parametrize(
    "bullet, skill_id",
    [
        ("Recorded a training video in English for new hires.", "documentation"),  # a language is no tool
        ("Documented in March, then audited in June.", "documentation"),  # a month is no tool
        ("Charted a new course with the team.", "documentation"),  # no tool at all
        ("Reconciled with an old friend at the reunion.", "accounting"),
    ],
)
def test_an_action_with_no_tool_after_it_shows_nothing(bullet, skill_id):
    assert skill_id not in analysed(f"Experience\nStaff member, Lakeside Clinic\n- {bullet}\n").held


def test_a_tools_pattern_needs_verbs():
    with pytest.raises(ValueError, match="needs verbs"):
        compile_activities({"documentation": [{"tools": True}]}, {"documentation"})
