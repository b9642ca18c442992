"""Job descriptions: the shipped roles, and postings users bring in any format."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docbuild import bullet, para, pdf_bytes

from resumematch import load_job
from resumematch.cli import cli
from resumematch.errors import InputNotFoundError, InvalidJobError, UnknownJobError
from resumematch.jobs import shipped_jobs
from resumematch.jobs.shipped import read_job_file
from resumematch.skills import taxonomy

POSTINGS = Path(__file__).parent / "data" / "postings"
ROLES = {
    "network-engineer", "network-technician", "isp-technician", "systems-administrator",
    "customer-service-representative", "technical-support-specialist", "sales-representative",
    "marketing-specialist", "field-supervisor", "noc-technician", "network-project-manager",
}


# --- shipped job descriptions -------------------------------------------------------------------


def test_every_role_of_the_guides_is_shipped():
    assert ROLES <= set(shipped_jobs())


@pytest.mark.parametrize("job_id", sorted(ROLES))
def test_shipped_job_is_valid(job_id):
    job = shipped_jobs()[job_id]
    known = taxonomy()
    assert job.title and job.summary and job.family in {"technical", "customer", "sales/marketing"}
    assert len(job.required) >= 6 and len(job.preferred) >= 3
    for skill_id in job.required + job.preferred + job.certifications + job.education:
        assert skill_id in known
    assert all(known[c].category == "certification" for c in job.certifications)
    assert all(known[e].category == "education" for e in job.education)
    assert set(job.must_have) <= set(job.required)
    assert all(step in shipped_jobs() for step in job.career_path)
    assert "## Responsibilities" in job.text and "## Qualifications" in job.text
    # the posting reader is not run on our own descriptions (start-up time): it would set nothing aside
    from resumematch.jobs.sections import posting_parts, set_aside_summary

    assert job.set_aside == [] and set_aside_summary(job.text, posting_parts(job.text)) == []


def test_career_paths_lead_somewhere():
    jobs = shipped_jobs()
    assert set(jobs["isp-technician"].career_path) == {"network-engineer", "field-supervisor", "network-project-manager"}
    assert "network-technician" in jobs["technical-support-specialist"].career_path


def test_the_guides_certifications_are_where_they_belong():
    jobs = shipped_jobs()
    assert "bicsi-cbi" in jobs["isp-technician"].certifications
    assert {"ccna", "ccnp"} <= set(jobs["network-engineer"].certifications)
    assert {"comptia-a-plus", "comptia-network-plus"} <= set(jobs["technical-support-specialist"].certifications)


def _write(tmp_path: Path, front_matter: str, body: str = "# Role\n") -> Path:
    path = tmp_path / "test-role.md"
    path.write_text(f"---\n{front_matter}\n---\n{body}", encoding="utf-8")
    return path


VALID = (
    "id: test-role\ntitle: Test\nfamily: technical\nsummary: s\n"
    "required: [dns, dhcp, bgp, ospf, vlan, mpls]\npreferred: [wifi, qos, vpn]"
)


@pytest.mark.parametrize(
    "front_matter, message",
    [
        (VALID.replace("dns,", "basket weaving,"), "'basket weaving' is not in the skill taxonomy"),
        (VALID.replace("id: test-role", "id: other"), "must match the file name"),
        (VALID.replace("family: technical", "family: legal"), "family must be one of"),
        (VALID.replace(", mpls]", "]"), "at least 6 required"),
        (VALID.replace("summary: s\n", ""), "missing fields ['summary']"),
        (VALID + "\nsalary: 10", "unknown fields ['salary']"),
        (VALID.replace("[wifi,", "[dns, wifi,"), "both required and preferred"),
        (VALID + "\nexperience_years: lots", "experience_years must be a number"),
        ("id: [unclosed", "not valid YAML"),
    ],
)
def test_front_matter_validation(tmp_path, front_matter, message):
    with pytest.raises(InvalidJobError, match=re.escape(message)):
        read_job_file(_write(tmp_path, front_matter), taxonomy())


def test_front_matter_accepts_skill_names_and_aliases(tmp_path):
    front = VALID.replace("[dns, dhcp,", "[Domain Name System, DHCP,")
    job = read_job_file(_write(tmp_path, front), taxonomy())
    assert job.required[:2] == ["dns", "dhcp"]


# --- user postings --------------------------------------------------------------------------------


def importance(job) -> dict[str, str]:
    return {s.skill_id: s.importance for s in job.skills}


def test_markdown_posting_sections_set_importance():
    job = load_job(POSTINGS / "fiber-installer.md")
    levels = importance(job)
    assert job.title == "Fiber Installation Technician"
    for skill_id in ("drivers-license", "customer-service", "networking", "ladder-safety"):
        assert levels[skill_id] == "required", skill_id
    for skill_id in ("fiber-splicing", "bicsi-cbi", "calix"):
        assert levels[skill_id] == "preferred", skill_id
    # Mentioned only under "What you'll do": counts as preferred.
    assert levels["ont"] == "preferred"
    assert job.certifications == ["bicsi-cbi"]


def test_text_posting_sections_and_line_markers():
    job = load_job(POSTINGS / "noc-analyst.txt")
    levels = importance(job)
    for skill_id in ("tcp-ip", "bgp", "ospf", "comptia-network-plus", "ccna", "ticketing-systems"):
        assert levels[skill_id] == "required", skill_id
    for skill_id in ("mpls", "juniper", "python", "itil"):
        assert levels[skill_id] == "preferred", skill_id
    # Under "Benefits", but the line itself says "is a plus".
    assert levels["wireshark"] == "preferred"
    assert job.experience_years == 2
    assert job.source.endswith("noc-analyst.txt")


def _posting_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("ISP Network Technician", level=0)
    document.add_paragraph("Join our field network team serving rural subscribers.")
    document.add_heading("Must have", level=1)
    for line in ("CCNA certification", "Experience configuring VLANs and DHCP", "3+ years in network support"):
        document.add_paragraph(line, style="List Bullet")
    document.add_heading("Bonus", level=1)
    for line in ("GPON and XGS-PON experience", "MikroTik RouterOS"):
        document.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _posting_pdf(path: Path) -> Path:
    story = [para("Customer Support Agent", "name"), para("Help our subscribers by phone and chat.")]
    story += [para("Minimum qualifications", "heading")]
    story += [bullet(t) for t in ("Excellent communication and patience", "Call center experience", "High school diploma")]
    story += [para("Preferred qualifications", "heading")]
    story += [bullet(t) for t in ("Bilingual English/Spanish", "Salesforce Service Cloud", "HDI certification")]
    path.write_bytes(pdf_bytes(story))
    return path


def test_docx_posting(tmp_path):
    job = load_job(_posting_docx(tmp_path / "isp-tech.docx"))
    levels = importance(job)
    assert job.title == "ISP Network Technician"
    assert {levels[s] for s in ("ccna", "vlan", "dhcp")} == {"required"}
    assert {levels[s] for s in ("gpon", "xgs-pon", "mikrotik")} == {"preferred"}
    assert job.experience_years == 3


def test_pdf_posting(tmp_path):
    job = load_job(_posting_pdf(tmp_path / "support.pdf"))
    levels = importance(job)
    assert {levels[s] for s in ("communication", "patience", "call-center", "high-school-diploma")} == {"required"}
    assert {levels[s] for s in ("bilingual", "salesforce", "hdi-certification")} == {"preferred"}
    assert job.education == ["high-school-diploma"]


def test_other_keywords_cover_terms_outside_the_taxonomy():
    job = load_job(POSTINGS / "central-office-technician.txt")
    keywords = [k.lower() for k in job.other_keywords]
    for term in ("clli codes", "nebs", "mops", "telcordia"):
        assert any(term in k for k in keywords), (term, keywords)
    # Taxonomy skills are not repeated as other keywords, and generic words are not keywords.
    assert not any(k in {"dwdm", "rectifiers", "experience", "ability"} for k in keywords)
    assert {"power-systems", "dwdm", "ciena"} <= set(job.required + job.preferred)


def test_unknown_job_id_is_an_error():
    with pytest.raises(UnknownJobError):
        load_job("x")
    with pytest.raises(InputNotFoundError):
        load_job("missing-posting.pdf")


def test_cli_unknown_job_message():
    result = CliRunner().invoke(cli, ["jobs", "show", "x"])
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown job 'x'; try resumematch jobs\n"


def test_cli_jobs_json_lists_every_role():
    result = CliRunner().invoke(cli, ["jobs", "--format", "json"])
    assert result.exit_code == 0
    roles = json.loads(result.stdout)
    assert ROLES <= {r["id"] for r in roles}
    for role in roles:
        assert {"id", "title", "family", "required", "preferred", "certifications"} <= set(role)


def test_cli_jobs_text_and_show():
    listing = CliRunner().invoke(cli, ["jobs"])
    assert listing.exit_code == 0 and "isp-technician" in listing.stdout
    shown = CliRunner().invoke(cli, ["jobs", "show", "network-engineer"])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("Network Engineer (network-engineer)\n")
    assert "Required: " in shown.stdout and "BGP" in shown.stdout
    posting = CliRunner().invoke(cli, ["jobs", "show", str(POSTINGS / "noc-analyst.txt"), "--format", "json"])
    assert posting.exit_code == 0 and "bgp" in json.loads(posting.stdout)["required"]
