"""Evidence before advice (issue 21): no resume is told to add, or to show, a skill it shows.

Every bundled sample (PDF and DOCX) and every corpus resume (skipped when ../shared/corpus is
absent) is checked against every shipped role, each parsed once for the session. Two checks:
what the matcher holds is never asked for, and, read independently of the matcher, no skill is
called missing while its name or one of its aliases is written in the resume.
"""

from __future__ import annotations

import re

import pytest

from resumematch import check, parse
from resumematch.jobs import shipped_jobs
from resumematch.scoring import match
from resumematch.skills import analyse, taxonomy
from resumematch.suggestions import suggest

from conftest import CORPUS, every_resume

RESUMES = every_resume()
# Advice that asks for a skill ("add it") and advice that asks to show one ("no bullet shows it").
ASKS_TO_ADD = ("missing-keyword", "soft-skill", "low-fit")
ASKS_TO_SHOW = ("show-evidence",)


@pytest.fixture(scope="session")
def advised(analysed_resumes):
    """(resume name, role id) -> (analysed resume, result, every suggestion), one parse a resume."""
    out = {}
    roles = shipped_jobs()
    for path, resume in analysed_resumes.items():
        for role_id, role in roles.items():
            result = match(resume, role)
            out[(path.name, role_id)] = (resume, result, suggest(resume, role, result, limit=None))
    return out


def _asked(suggestions, kinds, words: str) -> list[str]:
    """Messages of these kinds whose request (the first sentence) names ``words``."""
    return [s.message for s in suggestions if s.kind in kinds and f"'{words}'" in s.message.split(". ")[0]]


def test_the_pool_is_every_sample_and_corpus_resume():
    assert len([p for p in RESUMES if p.parent.name == "samples"]) == 16
    if CORPUS.is_dir():
        assert len(RESUMES) >= 16 + 18


def test_no_suggestion_asks_for_a_skill_the_resume_holds(advised):
    roles = shipped_jobs()
    for (name, role_id), (resume, result, suggestions) in advised.items():
        for skill in roles[role_id].skills:
            words = skill.wording or skill.name
            holding = resume.held.get(skill.skill_id)
            if holding is not None:
                assert not _asked(suggestions, ASKS_TO_ADD, words), (name, role_id, skill.skill_id, holding.evidence)
            if holding is not None and holding.shown:
                assert not _asked(suggestions, ASKS_TO_SHOW, words), (name, role_id, skill.skill_id, holding.evidence)


def _written(resume, skill) -> str | None:
    """A name or alias of the skill written in the resume as whole words (any case), read without
    the matcher; forms that need context (one-word soft skills, common words) are left out, and
    so is a form inside the longer name of another skill ("Cloud Networking" is Cloud computing)."""
    text = resume.document.text
    needs_context = {f.lower() for f in (*skill.listed, *skill.exact, *skill.ambiguous)}
    longer = [(m.start, m.end) for m in resume.mentions if m.skill_id != skill.id]
    for form in (skill.name, *skill.aliases):
        if form.lower() in needs_context:
            continue  # "event routing" in a Kafka bullet is not network Routing: the matcher asks for context
        for found in re.finditer(rf"(?<![\w+#/.-]){re.escape(form)}(?![\w+#/-])", text, re.I):
            if not any(a <= found.start() and found.end() <= b and b - a > found.end() - found.start() for a, b in longer):
                return form
    return None


def test_no_skill_is_called_missing_while_the_resume_writes_its_name(advised):
    known = taxonomy()
    roles = shipped_jobs()
    for (name, role_id), (resume, result, suggestions) in advised.items():
        for skill in roles[role_id].skills:
            if not _asked(suggestions, ASKS_TO_ADD, skill.wording or skill.name):
                continue
            written = _written(resume, known[skill.skill_id])
            assert written is None, (name, role_id, skill.skill_id, written)


# --- the cases the issue names, each in the smallest document that shows it -----------------------


def test_issue_21_routing_and_customer_service_shown_by_the_network_technicians_bullets(advised):
    resume, result, suggestions = advised[("network-technician.pdf", "network-technician")]
    assert resume.held["routing-and-switching"].shown and resume.held["customer-service"].shown
    assert not _asked(suggestions, ASKS_TO_SHOW, "Routing and switching")
    assert not _asked(suggestions, ASKS_TO_SHOW, "Customer service")


def test_issue_21_analysed_and_visualised_data_shows_data_visualization():
    text = "Experience\nMachine Learning Engineer, Acme\n- Analyzed and visualized large data sets to find churn drivers.\n"
    resume = analyse(parse(text.encode(), name="ml.txt"))
    assert resume.held["tableau"].shown  # the taxonomy's Data visualization
    unrelated = analyse(parse(b"Experience\n- Visited data centers in three states.\n", name="x.txt"))
    assert "tableau" not in unrelated.held


def test_issue_21_credentials_written_another_way_are_held(tmp_path):
    posting = tmp_path / "nurse.txt"
    posting.write_text(
        "Registered Nurse\n\nRequirements\n- Current RN license\n- ACLS certification\n- BLS certification\n"
        "- Experience with Epic\n\nPreferred\n- Bilingual (English/Spanish)\n"
    )
    resume = parse(
        b"Dana Lee\nExperience\nStaff Nurse, General Hospital\n- Charted in Epic for six patients a shift.\n"
        b"Licenses and Certifications\nRegistered Nurse (RN), Illinois\nBLS, ACLS\nLanguages\nBilingual in English and Spanish\n",
        name="nurse.txt",
    )
    report = check(resume, posting, all_suggestions=True)
    missing = {m.name for m in report.result.missing}
    assert not {"RN", "ACLS", "BLS", "Epic", "Bilingual"} & missing, missing
    said = " ".join(s.message for s in report.suggestions)
    for held in ("'RN", "'ACLS", "'BLS", "'Epic", "'Bilingual"):
        assert held not in said, said
