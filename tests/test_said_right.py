"""As people read it: the report, the shortlist and the words, said right (issue 33).

Credentials in progress are not held; one person's PDF and DOCX are one candidate; a shortlist
is marked only when asked for; the why line leads with what tells rows apart; a report accounts
for its points; years of experience are read and compared; one glossary; tests that say so."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import parse
from resumematch.cli import cli
from resumematch.scoring import match
from resumematch.skills import analyse

ROOT = Path(__file__).resolve().parent.parent
JOB = "network-technician"
IN_PROGRESS_CREDIT = 0.4  # credentials.IN_PROGRESS_CREDIT: part of the credit of holding it


def pending_spans(text: str):
    from resumematch.credentials import pending_spans

    return pending_spans(text)


def years_of(text: str, today):
    from resumematch.experience import years_of

    return years_of(text, today)

BASE = """Jordan Reyes
{headline}
Summary
Help desk analyst moving into network support. Built a home lab with a managed switch and VLANs.
Experience
Help Desk Analyst, Northgate Credit Union - Tucson, AZ
Jan 2019 - Present
- Resolved connectivity tickets and configured VLANs on a managed switch for branch offices.
Education
Associate of Applied Science in Network Technology, Pima Community College, 2018
Certifications
{certifications}
Skills
TCP/IP, DNS, DHCP, VLANs, Customer service
"""


def _resume(headline: str = "Help Desk Analyst", certifications: str = "CompTIA A+") -> str:
    return BASE.format(headline=headline, certifications=certifications)


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _match(text: str, job: str = JOB):
    from resumematch import load_job

    return match(analyse(parse(text.encode(), name="r.txt")), load_job(job))


# -- 1. in progress is not held ------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "CompTIA A+ (in progress)",
    "CompTIA A+ (in progress, expected 2026)",
    "CompTIA A+ - expected May 2027",
    "Currently studying for CompTIA A+",
    "Pursuing CompTIA A+",
    "CompTIA A+ (planned)",
])
def test_a_credential_in_progress_is_not_held_and_earns_part_of_the_credit(written):
    from resumematch.credentials import IN_PROGRESS_CREDIT as credit

    assert credit == IN_PROGRESS_CREDIT
    held, pending = _match(_resume(certifications="CompTIA A+")), _match(_resume(certifications=written))
    assert held.components["certifications"] == 100.0
    assert pending.components["certifications"] == pytest.approx(100 * IN_PROGRESS_CREDIT)
    assert "in progress" in pending.notes["certifications"] and "not held" in pending.notes["certifications"]
    assert "comptia-a-plus" in pending.in_progress or any("a+" in k.lower() or "a-plus" in k for k in pending.in_progress)
    assert held.score > pending.score  # the holder above the one working toward it, all else equal


def test_a_degree_in_progress_earns_part_of_the_education_credit():
    from resumematch import load_job

    job = next(j for j in ("network-engineer", "systems-administrator", "network-technician")
               if "bachelors-degree" in load_job(j).education)
    degree = "Bachelor of Science in Computer Science, Arizona State University"
    done = _match(_resume().replace("Associate of Applied Science in Network Technology, Pima Community College, 2018",
                                    degree + ", 2018"), job)
    going = _match(_resume().replace("Associate of Applied Science in Network Technology, Pima Community College, 2018",
                                     degree + " (expected May 2027)"), job)
    assert done.components["education"] > going.components["education"] > 0


def test_a_marker_reaches_only_its_own_item_on_a_line():
    text = "Certifications: CompTIA A+ (in progress, expected 2026), CompTIA Network+\n"
    spans = pending_spans(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "A+" in covered and "Network+" not in covered
    result = _match(_resume(certifications=text.split(": ", 1)[1]))
    assert result.components["certifications"] == 100.0  # Network+ is held
    assert any(m.how == "in progress" for m in result.matched) or result.in_progress


def test_a_heading_line_of_its_own_carries_to_the_lines_under_it():
    spans = pending_spans("In progress:\nCompTIA A+\nCCNA\n\nSkills\nLinux\n")
    assert len(spans) == 3  # the marker line and the two credentials; not the Skills


def test_an_aspiring_headline_is_a_goal_not_a_title_held():
    goal, held = _match(_resume(headline="Aspiring Network Technician")), _match(_resume(headline="Network Technician"))
    assert held.components["title"] == 100.0
    assert goal.components["title"] == pytest.approx(100 * IN_PROGRESS_CREDIT)
    assert "goal" in goal.notes["title"] and "in progress" in goal.notes["title"]


def test_the_report_the_row_and_the_explanation_say_in_progress(tmp_path):
    (tmp_path / "pending.txt").write_text(_resume(certifications="CompTIA A+ (in progress)"), encoding="utf-8")
    (tmp_path / "holder.txt").write_text(_resume(certifications="CompTIA A+").replace("Jordan Reyes", "Sam Ortiz"),
                                         encoding="utf-8")
    report = _run("check", str(tmp_path / "pending.txt"), "--job", JOB)
    assert re.search(r"why: CompTIA A\+ in progress", report)
    table = _run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--explain", str(tmp_path / "why"))
    rows = [line for line in table.splitlines() if re.match(r"\d+\s", line)]
    assert "Sam Ortiz" in rows[0] and "A+ in progress" in rows[1]  # the holder first
    explained = next((tmp_path / "why").glob("*pending*")).read_text(encoding="utf-8")
    assert "in progress" in explained and "not held yet" in explained


def test_the_advice_to_add_an_in_progress_entry_is_scored_as_one():
    from resumematch import check

    report = check(parse(_resume(certifications="First aid and CPR").encode(), name="r.txt"), JOB)
    advice = next(s for s in report.suggestions if s.kind == "certification")
    pending = float(re.search(r"adds ([\d.]+) to the score", advice.message).group(1))
    assert 0 < pending < advice.points  # in progress is worth part of holding it, and says so
    assert "not held" in advice.message


# -- 2. one person, one candidate ----------------------------------------------------------------


def _docx_of_the_two_column_person() -> bytes:
    from docx import Document as Docx

    import layouts

    document = Docx()
    for line in (layouts.NAME, layouts.TITLE, f"{layouts.PHONE} | {layouts.EMAIL} | {layouts.LOCATION}", "Summary",
                 layouts.SUMMARY, "Experience"):
        document.add_paragraph(line)
    for title, company, city, dates, bullets in layouts.JOBS:
        document.add_paragraph(f"{title}, {company} - {city}")
        document.add_paragraph(dates)
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_paragraph("Education")
    document.add_paragraph(", ".join(layouts.EDUCATION))
    document.add_paragraph("Certifications")
    for line in layouts.CERTIFICATIONS:
        document.add_paragraph(line, style="List Bullet")
    document.add_paragraph("Skills")
    document.add_paragraph(", ".join(name for name, _ in layouts.SKILLS))
    document.add_paragraph("Languages")
    document.add_paragraph(", ".join(name for name, _ in layouts.LANGUAGES))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_one_persons_two_column_pdf_and_docx_are_one_candidate(tmp_path):
    import layouts

    (tmp_path / "marcus.pdf").write_bytes(layouts.two_column_lines())
    (tmp_path / "marcus-delgado-resume.docx").write_bytes(_docx_of_the_two_column_person())
    data = json.loads(_run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--format", "json"))
    statuses = sorted(r["status"] for r in data["results"])
    assert statuses == ["duplicate", "ok"], data["results"]


def test_weaker_evidence_of_one_person_is_a_note_not_a_status(tmp_path):
    whole = _resume()
    half = "\n".join(whole.splitlines()[:9]) + "\nSkills\nTCP/IP, Wireshark, Fiber optics, Linux, Python, GPON, DOCSIS\n"
    (tmp_path / "a.txt").write_text(whole, encoding="utf-8")
    (tmp_path / "b.txt").write_text(half, encoding="utf-8")
    data = json.loads(_run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--format", "json"))
    rows = {Path(r["source"]).name: r for r in data["results"]}
    assert {r["status"] for r in rows.values()} == {"ok"}
    assert rows["b.txt"]["possible_duplicate_of"].endswith("a.txt")
    assert "same name" in rows["b.txt"]["possible_duplicate_reason"]


def test_the_samples_rank_each_person_once_and_the_audit_counts_people(samples, tmp_path):
    data = json.loads(_run("rank", str(samples), "--job", JOB, "--no-cache", "--format", "json"))
    ranked = [r for r in data["results"] if r["status"] == "ok"]
    names = [r["name"] for r in ranked]
    assert len(names) == len(set(names)) == 8
    (tmp_path / "ranking.json").write_text(json.dumps(data), encoding="utf-8")
    groups = "source,sex\n" + "".join(f"{r['source']},{'female' if i % 2 else 'male'}\n" for i, r in enumerate(data["results"]))
    (tmp_path / "groups.csv").write_text(groups, encoding="utf-8")
    audit = json.loads(_run("audit", str(tmp_path / "ranking.json"), "--groups", str(tmp_path / "groups.csv"),
                            "--format", "json"))
    assert sum(g["n"] for g in audit["categories"]["sex"]) + audit["unknown"]["sex"] == 8


# -- 3. a shortlist only when asked ---------------------------------------------------------------


def test_no_shortlist_is_marked_when_none_was_asked_for(tmp_path):
    for name, person in (("a", "Alex Kim"), ("b", "Sam Ortiz")):
        (tmp_path / f"{name}.txt").write_text(_resume().replace("Jordan Reyes", person)
                                              + ("Wireshark\n" if name == "a" else ""), encoding="utf-8")
    data = json.loads(_run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--format", "json"))
    assert all("shortlisted" not in r for r in data["results"]) and "shortlist" not in data
    rows = list(csv.DictReader(io.StringIO(_run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--format", "csv"))))
    assert {r["shortlisted"] for r in rows} == {""}
    table = _run("rank", str(tmp_path), "--job", JOB, "--no-cache")
    assert "*" not in table and "shortlisted" not in table
    top = _run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--top", "1")
    legend = [line for line in top.splitlines() if line.startswith("* shortlisted")]
    assert legend and "--top 1" in legend[0] and "--min-score" not in legend[0]


# -- 4. the why line -----------------------------------------------------------------------------


def test_the_why_column_leads_with_what_tells_rows_apart_within_100_columns(samples):
    table = _run("rank", str(samples), "--job", JOB, "--no-cache")
    assert max(len(line) for line in table.splitlines()) <= 100
    rows = [line for line in table.splitlines() if re.match(r"\d+\s", line)]
    whys = [line.split("  ")[-1].strip() for line in rows]
    assert not any(w.startswith("not stated") for w in whys)
    assert all(re.match(r"\d+/\d+ req", w) for w in whys)
    assert len(set(whys)) == len(whys)  # every row's line differs where the rows differ
    assert "Not stated on 8 of 8 ranked resumes" in table or "Not stated on every ranked resume" in table or \
        re.search(r"Not stated on \d+ of \d+ ranked resumes", table)
    wide = _run("rank", str(samples), "--job", JOB, "--no-cache", "--wide")
    for line in wide.splitlines():
        assert line.count("Driver's license") <= 1  # the licence said once a row


# -- 5. a report accounts for its points ----------------------------------------------------------


def test_a_report_with_nothing_missing_says_where_the_points_went(samples):
    text = _run("check", str(samples / "technical-support.docx"), "--job", "technical-support-specialist")
    assert "Missing: none" in text and "Missing (0)" not in text
    partial = text.split("Partial credit", 1)[1].split("\n\n", 1)[0]
    assert "listed only, not in an Experience bullet" in partial and "points" in partial
    html = _run("check", str(samples / "technical-support.docx"), "--job", "technical-support-specialist", "--format", "html")
    for table in re.findall(r"<table>(.*?)</table>", html, re.S):
        assert table.count("<tr>") > 1  # a header and at least one row: no empty table
    assert "Partial credit" in html
    md = _run("check", str(samples / "technical-support.docx"), "--job", "technical-support-specialist", "--format", "md")
    assert "Nothing the job asks for is missing." in md and "## Partial credit" in md


# -- 6. years of experience ----------------------------------------------------------------------


def test_years_are_read_from_dated_roles_with_overlaps_once_and_present_as_today():
    text = "Jan 2018 - Dec 2020\nJun 2020 - Present\n03/2016 - 12/2016\n"
    years, roles = years_of(text, today=date(2022, 7, 15))
    assert roles == 3 and years == pytest.approx((54 + 9) / 12, abs=0.05)  # Jan 2018-Jun 2022 and Mar-Dec 2016


def test_years_are_compared_with_the_ask_and_never_move_the_score(tmp_path):
    short = _resume().replace("Jan 2019 - Present", "Jan 2026 - Present")
    long = _resume().replace("Jan 2019 - Present", "Jan 2012 - Present")
    a, b = _match(short), _match(long)
    assert a.score == b.score  # a note beside the score, not in it
    assert a.facts["experience"]["meets"] is False and b.facts["experience"]["meets"] is True
    (tmp_path / "short.txt").write_text(short, encoding="utf-8")
    report = json.loads(_run("check", str(tmp_path / "short.txt"), "--job", JOB, "--format", "json"))
    assert report["experience"]["asked"] and "short" in report["experience"]["note"]
    text = _run("check", str(tmp_path / "short.txt"), "--job", JOB)
    assert re.search(r"Years: .*the posting asks \d+\+", text)
    row = _run("rank", str(tmp_path), "--job", JOB, "--no-cache")
    assert re.search(r"yrs \(under \d+\+\)", row)
    data = json.loads(_run("rank", str(tmp_path), "--job", JOB, "--no-cache", "--format", "json"))
    assert data["results"][0]["years"] == a.facts["experience"]["years"]


# -- 8. the words --------------------------------------------------------------------------------


def test_one_glossary_is_what_check_explain_and_the_docs_say(samples, tmp_path):
    from resumematch.glossary import GLOSSARY

    docs = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    for word, meaning in GLOSSARY.items():
        assert f"| {word} | {meaning} |" in docs, word
    check_text = _run("check", str(samples / "career-changer.docx"), "--job", JOB)
    _run("rank", str(samples / "career-changer.docx"), "--job", JOB, "--no-cache", "--explain", str(tmp_path))
    explained = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    for name in ("skills", "title", "certifications"):
        assert GLOSSARY[name] in check_text and GLOSSARY[name] in explained
    assert "counting twice" not in explained
    assert "implied: through 'DNS server'" in explained and "TCP/IP (through 'DNS server')" in check_text


def test_the_words_the_issue_names(samples, tmp_path):
    shown = _run("jobs", "show", "isp-technician")
    assert ") (isp-technician)" not in shown and "ISP Technician (Installer / Field Technician): isp-technician" in shown
    _run("rank", str(samples / "network-engineer.pdf"), str(samples / "network-engineer.docx"), "--job", JOB,
         "--no-cache", "--explain", str(tmp_path))
    names = sorted(p.name for p in tmp_path.glob("*.md"))
    assert any(n.endswith("-pdf.md") for n in names) and any(n.endswith("-docx.md") for n in names)
    fit = _run("check", str(samples / "network-technician.pdf"))
    assert "Best-fitting role: Network Technician" in fit and "Nearest role" not in fit
    log = CliRunner().invoke(cli, ["log"], env={"NO_COLOR": "1"}).stdout
    assert not re.search(r"\b1 inputs\b", log)


def test_the_audit_legend_only_where_a_mark_is_drawn_and_a_group_of_one_is_marked(tmp_path):
    from resumematch.audit import audit
    from resumematch.audit import RankedCandidate
    from resumematch.render.audit import render_text

    candidates = [RankedCandidate(f"r{i}.pdf", "ok", float(i), False) for i in range(10)]
    groups = {f"r{i}.pdf": {"sex": "female" if i < 5 else "male"} for i in range(10)}
    plain = render_text(audit(candidates, groups))
    assert "under 2%" not in plain and "†" not in plain
    groups["r9.pdf"] = {"sex": "non-binary"}
    marked = render_text(audit(candidates, groups))
    assert "non-binary†" in marked and "fewer than 5" in marked


# -- 9. the tests say what they need --------------------------------------------------------------


def test_the_readme_test_command_is_what_ci_runs_and_installs_axe():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if ".venv/bin/python -m pytest" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci and "npm ci --prefix tests/axe" in command
    assert not any("npm ci" in line for line in ci if line != command)
    assert readme.count("../shared/corpus") == 1
