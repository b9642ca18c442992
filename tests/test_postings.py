"""A user's posting: what it asks for, what it sets aside, and which other keywords it yields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import load_job
from resumematch.cli import cli
from resumematch.jobs.sections import posting_parts

POSTINGS = Path(__file__).parent / "data" / "postings"
FULL_STACK = POSTINGS / "full-stack-developer.txt"


def kinds_of(text: str) -> list[str]:
    return [p.kind for p in posting_parts(text) if p.kind != "heading"]


def test_a_real_style_posting_sets_aside_everything_that_does_not_describe_the_job():
    job = load_job(FULL_STACK)
    assert {part["kind"] for part in job.set_aside} == {"header", "company", "benefits", "salary", "legal", "apply"}
    found = set(job.required + job.preferred)
    # Words of the blurb, perks, legal lines and the company's own name give no skill.
    for cue in ("military-experience", "creativity", "mentoring", "access", "adaptability", "work-ethic",
                "teamwork", "budgeting", "fiber-optics", "isp-operations", "broadband"):
        assert cue not in found, cue
    set_aside_text = " ".join(part["text"] for part in job.set_aside).lower()
    assert not [k for k in job.other_keywords if k.lower() in set_aside_text]


def test_a_software_posting_at_an_isp_is_matched_on_its_skills():
    job = load_job(FULL_STACK)
    # "React, Node.js and Express in production" under Requirements: Express joined by "and" to
    # Node.js is the framework, and required.
    assert {"react", "nodejs", "express", "mongodb", "git", "javascript", "typescript", "sql"} <= set(job.required)
    assert {"rest-api", "ci-cd", "github-actions", "aws", "docker", "kubernetes", "postgresql"} <= set(job.preferred)


def test_set_aside_text_weighs_nothing_in_the_tfidf_job_vector():
    job = load_job(FULL_STACK)
    relevant = job.relevant_text()
    assert "401(k)" not in relevant and "equal opportunity" not in relevant and "Founded in 2014" not in relevant
    assert "React front ends" in relevant


def test_jobs_show_json_reports_what_was_set_aside():
    result = CliRunner().invoke(cli, ["jobs", "show", str(FULL_STACK), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    text = FULL_STACK.read_text(encoding="utf-8")
    legal = next(part for part in data["set_aside"] if part["kind"] == "legal")
    assert legal["why"] and "without regard to race" in legal["text"]
    assert " ".join(text[legal["start"] : legal["end"]].split()) == legal["text"]
    shown = CliRunner().invoke(cli, ["jobs", "show", str(FULL_STACK)])
    assert "Set aside (no skills or keywords taken from them): apply, benefits, company, header, legal, salary" in shown.stdout


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("We offer a 401(k) match, dental insurance and a gym membership.", "benefits"),
        ("Acme Broadband is an equal opportunity employer.", "legal"),
        ("The pay range is $22 to $28 per hour.", "salary"),
        ("To apply, send your resume to jobs@acme.example.", "apply"),
        ("Founded in 1998, Acme serves 40,000 homes in three states.", "company"),
        ("We are a family-owned company with deep roots in the valley.", "company"),
        ("We are looking for a technician with a CCNA and a driver's license.", "other"),
        ("You will configure routers and answer tier 2 tickets.", "other"),
    ],
)
def test_typical_sentences_are_recognised_without_a_heading(sentence, kind):
    assert kinds_of(f"Network Technician\n\n{sentence}") == ["other", kind] if kind != "other" else ["other", "other"]


def test_a_legal_statement_wrapped_over_lines_is_set_aside_whole():
    text = (
        "Network Technician\n\nRequirements\n- CCNA\n\nAcme is an equal opportunity employer and considers applicants\n"
        "without regard to race, color, military service or disability.\n"
    )
    job = _job(text)
    assert "military-experience" not in job.required + job.preferred
    assert job.required == ["ccna"]


def test_a_requirement_under_requirements_stays_even_with_legal_words_nearby():
    job = _job("NOC Technician\n\nRequirements\n- Ability to pass a background check\n- Valid driver's license\n")
    assert {"background-check", "drivers-license"} <= set(job.required)


def test_lines_under_the_title_are_a_letterhead_not_requirements():
    job = _job("Splicing Technician\nSplice Fiber Co, Tulsa, OK\n\nRequirements\n- Fusion splicing\n")
    assert job.required == ["fiber-splicing"]
    assert "fiber-optics" not in job.preferred  # "Splice Fiber Co" is the company


def test_a_short_requirement_under_the_title_is_not_a_letterhead():
    job = _job("Field Technician\nCCNA required\nBucket truck experience\n")
    assert {"ccna", "bucket-truck"} <= set(job.required + job.preferred)


def test_other_keywords_hold_no_heading_fragment_generic_word_company_or_place():
    text = (
        "Central Office Technician\n"
        "About Copper Ridge\n"
        "Copper Ridge is a regional provider based in Tulsa.\n\n"
        "Requirements\n"
        "- Experience with CLLI codes and NEBS for our first Full\n"
        "Stack Engineer team in Tulsa\n"
        "- Senior level knowledge of CLLI codes at Copper Ridge\n"
        "- Work near Oklahoma City with Telcordia practices\n"
        "Description\n"
        "- Keep CLLI codes current\n"
    )
    keywords = [k.lower() for k in _job(text).other_keywords]
    assert "clli codes" in keywords and "nebs" in keywords and "telcordia practices" in keywords
    for junk in ("stack", "stack engineer", "senior", "engineer", "copper", "ridge", "tulsa", "oklahoma", "description", "full"):
        assert not any(junk == k or junk in k.split() for k in keywords), (junk, keywords)


def test_a_skill_name_is_never_an_other_keyword():
    # "Express" without list evidence is not matched as the skill, and must not come back as a keyword.
    keywords = _job("Web Developer\n\nRequirements\n- React, Node.js and Express in production\n").other_keywords
    assert "Express" not in keywords


def _job(text: str):
    from resumematch import parse
    from resumematch.jobs.posting import job_from_posting
    from resumematch.skills import extract_skills, taxonomy

    document = parse(text.encode(), name="posting.txt")
    return job_from_posting(document, extract_skills(document.text), taxonomy())
