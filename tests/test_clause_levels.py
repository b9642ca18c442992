"""Issue 29: each skill gets the level of its own clause when one line asks for two things at two
levels (postings written here)."""

from __future__ import annotations

import pytest

from resumematch.jobs import load_posting
from resumematch.jobs.levels import clause_level


def levels(text: str) -> dict[str, str]:
    return {s.skill_id: s.importance for s in load_posting(text.encode("utf-8"), "posting.txt").skills}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("CCNA required; CCNP is a plus.", {"ccna": "required", "ccnp": "preferred"}),
        ("Must have Python, Kubernetes preferred.", {"python": "required", "kubernetes": "preferred"}),
        ("Linux and Bash are required, Terraform is a plus.", {"linux": "required", "bash": "required", "terraform": "preferred"}),
        ("Required: SQL and Tableau, nice to have: Snowflake.", {"sql": "required", "tableau": "required", "snowflake": "preferred"}),
        ("Docker is nice to have but Git is a must.", {"docker": "preferred", "git": "required"}),
        ("A valid driver's license is mandatory - OSHA 10 is an advantage.", {"drivers-license": "required", "osha-10": "preferred"}),
    ],
)
def test_each_skill_takes_its_own_clauses_level(line, expected):
    found = levels(f"Network Engineer\nAbout the role\n{line}\n")
    assert {k: found.get(k) for k in expected} == expected


def test_a_clause_without_a_cue_takes_its_parts_level():
    found = levels("Network Engineer\nRequirements\n- BGP and OSPF; MPLS is a plus\nNice to have\n- Python and Ansible\n")
    assert found["bgp"] == found["ospf"] == "required"
    assert found["mpls"] == found["python"] == found["ansible"] == "preferred"


def test_an_abbreviation_does_not_end_a_clause():
    line = "Nice to have: scripting (e.g. Python) skills"
    assert clause_level(line, line.index("Python"), "required") == "preferred"


def test_a_posting_outside_the_taxonomy_reads_its_phrases_by_clause_too():
    text = (
        "Pastry Cook\nRequirements\n- Food handler card required; cake decorating is a plus\n"
        "- Two years in a bakery kitchen\n- Laminated dough experience\n- Sourdough starters\n"
        "- Weekend shifts\n- Early mornings\n"
    )
    job = load_posting(text.encode("utf-8"), "posting.txt")
    required = {k.lower() for k in job.required_keywords}
    keywords = {k.lower() for k in job.other_keywords}
    assert any("food handler" in k for k in required), required
    assert any("cake decorating" in k for k in keywords - required), keywords
