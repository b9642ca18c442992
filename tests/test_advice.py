"""The job seeker's advice: right, specific to the role family, well written, in the right dose."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import parse
from resumematch.api import check
from resumematch.cli import cli
from resumematch.jobs import shipped_jobs
from resumematch.suggestions import RESULTS, SOFT_EXAMPLE, role_family

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
EXAMPLES = {family: [RESULTS[family], SOFT_EXAMPLE[family]] for family in RESULTS}
# "them"/"they"/"the ones" after a single quoted item, or "it" after several: wrong number.
_ONE_THEN_MANY = re.compile(r"for '[^']+'\. Show them|prefers '[^']+'\. Mention the ones|uses '[^']+'\. Where they|"
                            r"lead with (?:(?! and )[^,:])+: the job asks for them")
_MANY_THEN_ONE = re.compile(r"for '[^']+'(?:, '[^']+')* and '[^']+'\. Show it\b|prefers '[^']+'(?:, '[^']+')* and '[^']+'\. If you have it")


@pytest.fixture(scope="module")
def reports():
    out = {}
    for path in SAMPLES:
        document = parse(path)
        for role in shipped_jobs():
            out[(path.stem, role)] = check(document, role, all_suggestions=True)
    return out


def test_examples_fit_the_role_family_and_never_cross_families(reports):
    for (sample, role), report in reports.items():
        family = role_family(report.job)
        text = " ".join(s.message for s in report.suggestions)
        for other, examples in EXAMPLES.items():
            for example in examples:
                if other != family:
                    assert example not in text, (sample, role, other)
    # The three families' examples share nothing.
    flat = [e for examples in EXAMPLES.values() for e in examples]
    assert len(set(flat)) == len(flat)


def test_no_suggestion_asks_for_what_the_resume_has(reports):
    for (sample, role), report in reports.items():
        for s in report.suggestions:
            if s.kind in ("missing-keyword", "soft-skill", "show-evidence"):
                asked = s.message.split(". ")[0]
                for item in report.result.matched:
                    if item.how == "activity" or s.kind != "show-evidence":
                        assert f"'{item.wording or item.name}'" not in asked, (sample, role, item.id, s.message)


def test_grammar_agrees_for_one_and_for_many(reports):
    for (sample, role), report in reports.items():
        for s in report.suggestions:
            assert not _ONE_THEN_MANY.search(s.message), (sample, role, s.message)
            assert not _MANY_THEN_ONE.search(s.message), (sample, role, s.message)
            assert "1 points" not in s.message and "lines has" not in s.message


def test_one_and_many_read_right():
    resume = parse(b"Ana Ruiz\nExperience\n- Configured VLANs and DHCP on Cisco routers.\n- Set up DNS for 30 offices.\n", name="r.txt")
    one = [s.message for s in check(resume, "network-technician", all_suggestions=True).suggestions if s.kind == "soft-skill"]
    assert one == [one[0]] and one[0].startswith("The job looks for 'Customer service'. Show it with a result")
    many = [s.message for s in check(resume, "customer-service-representative", all_suggestions=True).suggestions
            if s.kind == "soft-skill"]
    assert many and "' and '" in many[0].split(".")[0] and ". Show them with a result" in many[0]


def test_the_three_biggest_gains_come_first_with_their_points(reports):
    for (sample, role), report in reports.items():
        if any(s.kind == "low-fit" for s in report.suggestions):
            continue
        scored = [s for s in report.suggestions if s.points]
        top = [s for s in report.suggestions if s.points][:3]
        assert [s.points for s in top] == sorted((s.points for s in scored), reverse=True)[:3], (sample, role)
        assert all(s.priority == 1 for s in top)


def test_points_are_what_making_the_change_adds():
    text = "Ana Ruiz\nana@prairie-mail.net | (316) 842-7719\nExperience\nTechnician, Acme Broadband\n- Configured VLANs and DHCP on Cisco routers.\nSkills\nTCP/IP\n"
    report = check(parse(text.encode(), name="r.txt"), "network-technician", all_suggestions=True)
    dns = next(s for s in report.suggestions if s.kind == "missing-keyword" and "'DNS'" in s.message)
    improved = text.replace("- Configured VLANs", "- Ran DNS for 40 business customers.\n- Configured VLANs")
    after = check(parse(improved.encode(), name="r.txt"), "network-technician")
    assert after.result.score - report.result.score == pytest.approx(dns.points, abs=1.0)


def test_at_most_eight_suggestions_unless_all_are_asked_for(samples):
    few = check(samples / "career-changer.pdf", "network-engineer")
    every = check(samples / "career-changer.pdf", "network-engineer", all_suggestions=True)
    assert len(few.suggestions) <= 8 < len(every.suggestions)
    result = CliRunner().invoke(cli, ["check", str(samples / "career-changer.pdf"), "--job", "network-engineer", "--all", "--format", "json"])
    assert len(__import__("json").loads(result.stdout)["suggestions"]) == len(every.suggestions)


def test_a_resume_that_fits_no_role_gets_an_honest_short_report(samples):
    for role in shipped_jobs():
        report = check(samples / "weak-match.pdf", role)
        kinds = [s.kind for s in report.suggestions]
        assert kinds[0] == "low-fit" and set(kinds) == {"low-fit"} and len(kinds) <= 3, (role, kinds)
        assert "does not match" in report.suggestions[0].message
    fit = check(samples / "weak-match.pdf")
    assert fit.suggestions[0].kind == "role-fit" and fit.suggestions[0].message.startswith("No shipped ISP role fits this resume yet")
    assert "low-fit" in {s.kind for s in fit.suggestions}
    assert "career-path" not in {s.kind for s in fit.suggestions} and fit.next_step is None


def test_a_stretch_job_for_a_resume_that_fits_another_role_says_so(samples):
    report = check(samples / "network-technician.pdf", "sales-representative")
    assert report.suggestions[0].kind == "role-fit" and "fits Network Technician" in report.suggestions[0].message
    assert "low-fit" not in {s.kind for s in report.suggestions}


def test_matched_and_missing_show_skill_names_with_the_posting_words_beside(tmp_path, samples):
    posting = tmp_path / "installer.txt"
    posting.write_text("Installer\n\nRequirements\n- Work in attics and crawl spaces\n- Fusion splicing\n")
    text = CliRunner().invoke(cli, ["check", str(samples / "weak-match.pdf"), "--job", str(posting)]).stdout
    assert "Physical stamina ← 'attics and crawl spaces'" in text and "Fiber splicing ← 'Fusion splicing'" in text
    shipped = CliRunner().invoke(cli, ["check", str(samples / "weak-match.pdf"), "--job", "isp-technician"]).stdout
    assert "←" not in shipped.split("Missing")[1].split("Suggestions")[0]  # shipped jobs speak in skill names


# --- the CLI as a person meets it ----------------------------------------------------------------


def test_help_examples_are_not_rewrapped():
    text = CliRunner().invoke(cli, ["check", "--help"], terminal_width=60).stdout
    assert "    resumematch check samples/network-technician.pdf --job network-technician\n" in text
    assert "network-\n" not in text


@pytest.mark.parametrize("written", ["Network-Technician", "NETWORK_TECHNICIAN", " network-technician "])
def test_job_ids_are_case_insensitive(written, samples):
    result = CliRunner().invoke(cli, ["check", str(samples / "weak-match.pdf"), "--job", written])
    assert result.exit_code == 0 and "(network-technician)" in result.stdout


def test_an_unknown_job_id_gets_a_did_you_mean():
    result = CliRunner().invoke(cli, ["jobs", "show", "network-tech"])
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown job 'network-tech'; did you mean 'network-technician' or 'network-engineer'? try resumematch jobs\n"


def test_the_taxonomy_can_be_listed():
    result = CliRunner().invoke(cli, ["skills", "--list", "--category", "certification"])
    assert result.exit_code == 0 and "ccna" in result.stdout and "[certification]" in result.stdout
    assert "[technical]" not in result.stdout
    data = __import__("json").loads(CliRunner().invoke(cli, ["skills", "--list", "--format", "json"]).stdout)
    assert {"id", "name", "category", "aliases"} <= set(data[0]) and len(data) > 500
    assert CliRunner().invoke(cli, ["skills"]).exit_code == 2


def test_no_color_is_honoured(monkeypatch):
    from resumematch import cli as cli_module

    monkeypatch.setattr(cli_module.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_module.use_colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli_module.use_colour()


@pytest.mark.parametrize("command", [["check", "samples/weak-match.pdf", "--job", "isp-technician"], ["rank", "samples/weak-match.pdf", "--job", "isp-technician", "--no-cache"]])
def test_an_output_extension_the_format_does_not_fit_is_a_usage_error(command, tmp_path):
    result = CliRunner().invoke(cli, [*command, "--output", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2 and "'.xlsx' is not a format" in result.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_rank_on_nothing_readable_is_an_error_row_and_a_non_zero_exit(tmp_path):
    result = CliRunner().invoke(cli, ["rank", str(tmp_path / "gone.pdf"), "--job", "isp-technician", "--format", "csv", "--no-cache"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["status"] == "error"
    assert result.stderr.strip().endswith("Error: no input could be read; check the paths and files above")


def test_the_shortlist_star_is_explained(samples):
    result = CliRunner().invoke(cli, ["rank", str(samples), "--job", "network-technician", "--top", "1", "--no-cache", "--workers", "1"])
    assert "1*" in result.stdout and "* shortlisted:" in result.stdout
    plain = CliRunner().invoke(cli, ["rank", str(samples), "--job", "network-technician", "--no-cache", "--workers", "1"])
    assert "* shortlisted" not in plain.stdout


def test_phone_numbers_are_shown_as_written(tmp_path):
    path = tmp_path / "ana.txt"
    path.write_text("Ana Ruiz\n+1 (316) 842-7719 | Ana.Ruiz@Prairie-Mail.net\nExperience\n- Fusion splicing.\n")
    result = CliRunner().invoke(cli, ["rank", str(path), "--job", "isp-technician", "--format", "csv", "--no-cache"])
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    # As written; the leading apostrophe (hidden by spreadsheets) keeps "+1 (316)..." from being a formula.
    assert row["phone"] == "'+1 (316) 842-7719" and row["email"] == "Ana.Ruiz@Prairie-Mail.net"


def test_the_readme_report_is_a_real_one(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("A real report, of the bundled career changer", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    result = CliRunner().invoke(cli, ["check", "samples/career-changer.pdf", "--job", "network-technician"])
    assert result.stdout.rstrip() == shown
