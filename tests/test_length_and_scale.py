"""Scores that mean something: length is no merit, and a clearly relevant resume lands in the
upper half of the scale (the similarity curve and the weights were fitted on real resumes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumematch.jobs import load_job
from resumematch.parsers import parse
from resumematch.scoring import match

ROOT = Path(__file__).resolve().parent.parent

FOCUSED = """Robin Ames
Sales Representative
Experience
Sales Representative, Skyline Broadband, 2019-2024
- Sold home internet plans door to door and by phone, 120% of quota for eight quarters
- Prospected new subscribers from referrals and online leads, tracked every follow-up in Salesforce CRM
- Negotiated business internet contracts and built lasting customer relationships
Education
High school diploma
"""

EVERYTHING = """Dana Roe
Cloud Solutions Architect
Experience
Principal Architect, Northwind Cloud, 2012-2024
""" + "\n".join(
    f"- {line}" for line in [
        "Designed AWS and Azure landing zones with Terraform, Kubernetes, Docker and Ansible for 40 product teams",
        "Ran pre-sales workshops, supported the sales team with customer demos and negotiated cloud contracts",
        "Built CI/CD pipelines in Jenkins and GitHub Actions; wrote Python and Go tooling; managed PostgreSQL and Redis",
        "Configured VPCs, BGP peering, VPNs, firewalls, load balancers and DNS for hybrid networks",
        "Led incident response, capacity planning, budgeting, vendor management and ITIL change management",
        "Mentored engineers, wrote documentation, presented at conferences and trained customers",
        "Set up monitoring with Prometheus, Grafana, Splunk and ServiceNow; handled customer escalations",
        "Migrated data warehouses to Snowflake and BigQuery; tuned Spark and Hadoop jobs",
        "Prospected partners, cold called resellers, negotiated quotas and kept customer relationships in the CRM",
        "Upsold support plans, generated leads at trade shows and knew every product in the catalogue",
    ] * 14
) + "\nEducation\nM.Sc. Computer Science\n"


def test_a_long_resume_that_says_everything_does_not_outrank_one_that_says_the_right_thing():
    job = load_job("sales-representative")
    assert len(EVERYTHING) > 20 * len(FOCUSED)
    focused = match(parse(FOCUSED.encode(), name="focused.txt"), job)
    everything = match(parse(EVERYTHING.encode(), name="everything.txt"), job)
    assert focused.score > everything.score + 10


def test_length_alone_lowers_coverage_of_a_very_long_resume():
    job = load_job("sales-representative")
    once = match(parse(FOCUSED.encode(), name="a.txt"), job)
    padded = FOCUSED + "\n".join(f"- Volunteered at the food bank, week {n}" for n in range(400)) + "\n"
    assert len(padded) > 12000
    assert match(parse(padded.encode(), name="b.txt"), job).components["skills"] < once.components["skills"]


@pytest.mark.parametrize("sample, job_id", [
    ("network-technician.pdf", "network-technician"),
    ("sales-representative.pdf", "sales-representative"),
    ("customer-service.pdf", "customer-service-representative"),
    ("technical-support.docx", "technical-support-specialist"),
    ("network-engineer.pdf", "network-engineer"),
])
def test_a_clearly_relevant_resume_lands_in_the_upper_half(sample, job_id):
    assert match(parse(ROOT / "samples" / sample), load_job(job_id)).score >= 50


def test_an_unrelated_resume_stays_in_the_lower_half():
    assert match(parse(ROOT / "samples" / "weak-match.pdf"), load_job("network-engineer")).score < 50
