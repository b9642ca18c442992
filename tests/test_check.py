"""The check: each suggestion kind, role fit, every output format, exit codes."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import docx
import pytest
from click.testing import CliRunner
from docbuild import add_text_box, para, pdf_bytes

from resumematch.api import check
from resumematch.cli import cli

GOOD = """Dana Ruiz
Network Technician
dana.ruiz@example.com | (503) 555-0150 | linkedin.com/in/dana-ruiz
Summary
Network technician with five years at a regional ISP, known for clear communication with customers.
Experience
Network Technician, Valley Broadband
• Configured VLANs, DHCP and DNS on Cisco routers and switches for 60 business customers.
• Troubleshot connectivity issues on DOCSIS and GPON networks, fixing 90% on the first visit.
• Handled network configuration and routing and switching for 12 new sites.
• Logged 1,200 changes in the ticketing system and kept customer service scores at 4.8/5.
• Tested 300 fiber runs and 40 Wi-Fi installs, with structured cabling to TIA standards.
Education
Associate of Applied Science, Network Administration
Certifications
CompTIA Network+, valid driver's license
Skills
TCP/IP, computer networking, network hardware, Wireshark, customer service
"""


def kinds(report) -> set[str]:
    return {s.kind for s in report.suggestions}


def messages(report, kind: str) -> list[str]:
    return [s.message for s in report.suggestions if s.kind == kind]


def run(text: str, job: str = "network-technician", name: str = "resume.txt"):
    return check(_doc(text, name), job)


def _doc(text: str, name: str):
    from resumematch import parse

    return parse(text.encode(), name=name)


# --- suggestions ---------------------------------------------------------------------------------


def test_a_well_tailored_resume_gets_few_suggestions():
    report = run(GOOD)
    assert report.result.score >= 80
    assert "missing-keyword" not in {s.kind for s in report.suggestions}
    assert all((s.points or 0) < 5 for s in report.suggestions)  # nothing big left to gain
    assert len(report.suggestions) <= 8


def test_missing_required_keyword_names_the_section():
    report = run(GOOD.replace("DOCSIS and GPON", "cable and fiber").replace("VLANs, ", ""))
    vlan = [m for m in messages(report, "missing-keyword") if "'VLANs'" in m]
    assert vlan and "Experience bullet" in vlan[0] and vlan[0].startswith("The job requires")
    assert any("'DOCSIS'" in m and "prefers" in m for m in messages(report, "missing-keyword"))


def test_never_suggests_what_the_resume_says_in_other_words():
    # "Cisco Certified Network Associate" is CCNA; "Domain Name System" is DNS.
    text = GOOD.replace("CompTIA Network+", "Cisco Certified Network Associate").replace("DHCP and DNS", "DHCP and Domain Name System")
    report = run(text)
    everything = " ".join(s.message for s in report.suggestions)
    assert "'DNS'" not in everything and "'CCNA'" not in everything
    assert "certification" not in kinds(report)


def test_missing_keyword_uses_the_postings_own_words(tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text("Fiber Tech\nRequirements:\n- Fusion splicing of single-mode fibre\n- Customer service\n")
    report = check(_doc(GOOD, "r.txt"), posting)
    assert any("'Fusion splicing'" in m for m in messages(report, "missing-keyword"))


def test_certification_suggestion_fits_the_role():
    no_certs = GOOD.replace("CompTIA Network+, ", "")
    assert any("CompTIA Network+" in m for m in messages(run(no_certs), "certification"))
    installer = messages(run(no_certs, "isp-technician"), "certification")
    assert installer and "BICSI Certified Broadband Installer" in installer[0]
    engineer = messages(run(no_certs, "network-engineer"), "certification")
    assert engineer and "CCNP" in engineer[0] and "CCNA" in engineer[0]


def test_soft_skills_the_role_needs():
    report = run(GOOD, "customer-service-representative")
    soft = messages(report, "soft-skill")
    assert soft and "'Patience'" in soft[0] and "'Empathy'" in soft[0]


def test_measurable_results():
    vague = GOOD.replace("for 60 business customers", "for customers").replace(", fixing 90% on the first visit", "")
    vague = vague.replace(" for 12 new sites", "").replace("Logged 1,200 changes", "Logged changes").replace(" and kept customer service scores at 4.8/5", "")
    vague = vague.replace("Tested 300 fiber runs and 40 Wi-Fi installs", "Tested fiber runs and Wi-Fi installs")
    assert "measurable-results" not in kinds(run(GOOD))
    assert messages(run(vague), "measurable-results")[0].startswith("5 of 5 Experience lines have no number")


def test_listed_but_not_shown():
    report = run(GOOD.replace("• Logged 1,200 changes in the ticketing system and kept customer service scores at 4.8/5.\n", ""))
    assert any("'customer service'" in m for m in messages(report, "show-evidence"))


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda t: t.replace("dana.ruiz@example.com | (503) 555-0150 | ", ""), "No email or phone number found"),
        (lambda t: t.replace(" | linkedin.com/in/dana-ruiz", ""), "LinkedIn"),
        (lambda t: t.replace("Experience\n", "What I did\n").replace("Skills\n", "Stuff\n"), "No standard heading found for experience and skills"),
        (lambda t: t, "Send the resume as DOCX or PDF"),
    ],
)
def test_ats_checks_on_text(change, expected):
    assert any(expected in m for m in messages(run(change(GOOD)), "ats"))


def test_ats_checks_on_layout(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Dana Ruiz | dana.ruiz@example.com | (503) 555-0150"
    for line in GOOD.splitlines()[3:]:
        document.add_paragraph(line)
    add_text_box(document.add_paragraph(), ["CCNA in progress"])
    document.add_table(rows=1, cols=2).cell(0, 0).text = "Wireshark"
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "resume.docx"
    path.write_bytes(buffer.getvalue())
    ats = " ".join(messages(check(path, "network-technician"), "ats"))
    assert "contact details are in the page header" in ats
    assert "Text boxes" in ats and "Tables" in ats
    columns = tmp_path / "two-column.pdf"
    sidebar = [para("SKILLS", "heading")] + [para(s) for s in ("TCP/IP", "DNS", "DHCP", "VLANs", "Wireshark", "Wi-Fi", "OSPF")]
    main = [para(line) for line in GOOD.splitlines() if line]
    columns.write_bytes(pdf_bytes(main, sidebar))
    assert any("Two-column" in m for m in messages(check(columns, "network-technician"), "ats"))


def test_cover_letter_line_names_top_matches():
    letter = messages(run(GOOD), "cover-letter")
    assert letter and letter[0].startswith("In your cover letter, lead with")


def test_suggestions_are_sorted_by_priority():
    priorities = [s.priority for s in run(GOOD.replace("CompTIA Network+, ", "")).suggestions]
    assert priorities == sorted(priorities)


# --- role fit ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sample, best",
    [("network-technician.pdf", "network-technician"), ("isp-installer.pdf", "isp-technician"),
     ("technical-support.docx", "technical-support-specialist"), ("customer-service.pdf", "customer-service-representative"),
     ("sales-representative.pdf", "sales-representative"), ("network-engineer.pdf", "network-engineer")],
)
def test_role_fit_ranks_the_samples_own_role_first(samples, sample, best):
    report = check(samples / sample)
    assert report.roles[0].id == best
    scores = [r.score for r in report.roles]
    assert scores == sorted(scores, reverse=True) and len(scores) >= 11
    assert report.job.id == best


def test_role_fit_names_the_next_career_step(samples):
    report = check(samples / "technical-support.docx")
    assert report.next_step["id"] in report.job.career_path
    nearest = messages(report, "role-fit")
    assert nearest and nearest[0].startswith("Best-fitting role: Technical Support Specialist (")
    career = messages(report, "career-path")
    assert career and career[0].startswith("After Technical Support Specialist, ")
    assert report.next_step["title"] in career[0]


# --- output formats and exit codes ----------------------------------------------------------------


def test_json_output_follows_the_contract(samples):
    result = CliRunner().invoke(cli, ["check", str(samples / "network-technician.pdf"), "--job", "network-technician", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {"resume", "job", "score", "components", "matched", "missing", "suggestions", "warnings"} <= set(payload)
    assert payload["job"] == {"id": "network-technician", "title": "Network Technician"}
    assert 0 <= payload["score"] <= 100 and all(0 <= v <= 100 for v in payload["components"].values())
    for item in payload["matched"] + payload["missing"]:
        assert {"id", "name", "category", "importance"} <= set(item)
    for suggestion in payload["suggestions"]:
        assert {"kind", "priority", "message"} <= set(suggestion) and set(suggestion) <= {"kind", "priority", "message", "points", "guide"}
    assert "roles" not in payload


def test_json_without_job_adds_roles(samples):
    payload = json.loads(CliRunner().invoke(cli, ["check", str(samples / "isp-installer.docx"), "--format", "json"]).stdout)
    assert payload["roles"][0] == {"id": "isp-technician", "title": payload["job"]["title"], "family": "technical", "score": payload["score"]}
    assert [r["score"] for r in payload["roles"]] == sorted((r["score"] for r in payload["roles"]), reverse=True)


def test_text_output_has_no_colour_when_not_a_terminal(samples):
    result = CliRunner().invoke(cli, ["check", str(samples / "network-technician.pdf"), "--job", "network-technician"])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert result.stdout.startswith("Resume: ") and "Score:  " in result.stdout and "Suggestions" in result.stdout


def test_text_colour_when_asked():
    from resumematch.render.check import render_text

    assert "\x1b[32m" in render_text(run(GOOD), colour=True)


def test_markdown_output(samples):
    result = CliRunner().invoke(cli, ["check", str(samples / "sales-representative.pdf"), "--job", "sales-representative", "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Sales Representative: ")
    assert "| component | score |" in result.stdout and "## Suggestions" in result.stdout


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_escaped(tmp_path):
    hostile = tmp_path / "posting.txt"
    hostile.write_text("<script>alert('job')</script> Fiber <b>Tech</b>\nRequirements:\n- Fiber splicing\n- Customer service\n")
    resume = tmp_path / "<img src=x onerror=alert(1)>.txt"
    resume.write_text(GOOD + "\nInterests\n<script>alert('resume')</script>\n")
    output = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", str(resume), "--job", str(hostile), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "Wrote " in result.stderr and result.stdout == ""
    html = output.read_text()
    collector = _Collector()
    collector.feed(html)
    assert "script" not in collector.tags and "img" not in collector.tags and "b" not in collector.tags
    assert "&lt;script&gt;alert(&#39;job&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not [v for k, v in collector.attributes if k in ("src", "href") and v and ("//" in v or v.startswith("http"))]
    assert {"svg", "rect", "table", "style"} <= set(collector.tags)
    assert any("Fiber splicing" in t for t in collector.text)


def test_output_format_follows_the_extension(tmp_path, samples):
    output = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["check", str(samples / "weak-match.pdf"), "--job", "network-technician", "--output", str(output)])
    assert result.exit_code == 0
    assert json.loads(output.read_text())["score"] < 10


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["check", "nope.pdf", "--job", "network-technician"], 1, "Error: nope.pdf: no such file"),
        (["check", "SAMPLE", "--job", "x"], 1, "Error: unknown job 'x'; try resumematch jobs"),
        (["check", "SAMPLE", "--job", "missing-posting.pdf"], 1, "Error: missing-posting.pdf: no such job posting file"),
        (["check", "SAMPLE", "--format", "pdf"], 2, "Invalid value for '--format'"),
        (["check"], 2, "Missing argument 'RESUME'"),
    ],
)
def test_exit_codes(samples, args, code, message):
    args = [str(samples / "weak-match.pdf") if a == "SAMPLE" else a for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code
    assert message in result.stderr
    if code == 1:
        assert len(result.stderr.splitlines()) == 1
