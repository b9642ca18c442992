"""A shortlist a recruiter can trust: no candidate hidden, names right, every row explained.

Each duplicate rule is shown with the smallest pair of documents that shows it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import load_job, parse
from resumematch.cli import cli
from resumematch.screening.duplicates import looks_original
from resumematch.identity import candidate_name, name_key, personal_email, real_phone
from resumematch.screening.rank import rank

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BODY = "Experience\n- Spliced fiber and tested drops with an OTDR.\n- Installed ONTs for {n} homes.\n"


def resumes(tmp_path: Path, *heads: str, same_body: bool = False) -> list[str]:
    paths = []
    for n, head in enumerate(heads):
        path = tmp_path / f"r{n}.txt"
        path.write_text(head + "\n" + BODY.format(n=0 if same_body else 100 + n), encoding="utf-8")
        paths.append(str(path))
    return paths


def statuses(tmp_path, *heads, **kwargs):
    rows = rank(resumes(tmp_path, *heads, **kwargs), load_job("isp-technician"), workers=1).rows
    return sorted(rows, key=lambda r: r.source)


def test_same_name_and_same_email_is_one_person(tmp_path):
    rows = statuses(tmp_path, "Ana Ruiz\nana.ruiz@prairie-mail.net", "ANA RUIZ\nAna.Ruiz@prairie-mail.net")
    assert [r.status for r in rows].count("duplicate") == 1


def test_same_name_and_same_phone_is_one_person_whatever_accents_initials_and_order(tmp_path):
    rows = statuses(tmp_path, "José A. García\n(316) 842-7719", "Garcia, Jose\n316.842.7719")
    assert [r.status for r in rows].count("duplicate") == 1


def test_different_names_sharing_a_phone_are_two_people_with_a_note(tmp_path):
    # A family phone, an agency's line: both stay ranked, the later one carries a note.
    rows = statuses(tmp_path, "Ana Ruiz\n(316) 842-7719", "Luis Ruiz\n(316) 842-7719")
    assert all(r.status in ("ok", "rejected") for r in rows)  # both still ranked or judged, neither hidden
    assert rows[1].possible_duplicate_of == rows[0].source and rows[0].possible_duplicate_of is None


def test_an_agency_sending_three_candidates_hides_none(tmp_path):
    agency = "\nTalentBridge Staffing | placements@talentbridge-staffing.net | (316) 555-2240"
    rows = statuses(tmp_path, "Ana Ruiz" + agency, "Ben Okoro" + agency, "Chen Wei" + agency)
    assert "duplicate" not in [r.status for r in rows]
    assert [r.possible_duplicate_of is not None for r in rows].count(True) == 2


def test_a_template_placeholder_phone_is_no_evidence(tmp_path):
    # Two resumes that say different things (the same name and most of the same words would be
    # one person by content: issue 33), sharing only a template's phone number.
    rows = statuses(tmp_path, "Ana Ruiz\n(123) 456-7890\nSummary\nCable installer from Tulsa, eleven years on ladders and poles.",
                    "Ana Ruiz\n(123) 456-7890\nSummary\nBilingual dispatcher who schedules crews and answers outage calls.")
    assert "duplicate" not in [r.status for r in rows]
    assert all(r.possible_duplicate_of is None for r in rows)


@pytest.mark.parametrize("placeholder", ["(503) 555-0142", "555-555-5555", "000-000-0000"])
def test_placeholder_phones(placeholder):
    assert real_phone(placeholder) is None
    assert real_phone("(316) 842-7719") == "3168427719"


@pytest.mark.parametrize("address", ["ana@example.com", "ana@mail.example.org", "john.doe@gmail.com", "your@email.com"])
def test_placeholder_emails_are_no_evidence(address):
    assert personal_email(address) is None


def test_a_shared_role_mailbox_is_not_personal():
    assert personal_email("jobs@talentbridge-staffing.net") is None
    assert personal_email("Ana.Ruiz@Prairie-Mail.net") == "ana.ruiz@prairie-mail.net"


def test_one_side_without_a_name_needs_the_same_personal_email(tmp_path):
    rows = statuses(tmp_path, "Ana Ruiz\nana.ruiz@prairie-mail.net", "Resume\nana.ruiz@prairie-mail.net")
    assert [r.status for r in rows].count("duplicate") == 1
    rows = statuses(tmp_path, "Ana Ruiz\n(316) 842-7719", "Resume\n(316) 842-7719")
    assert "duplicate" not in [r.status for r in rows]


def test_john_doe_is_no_evidence_of_one_person(tmp_path):
    assert name_key("John Doe") == ""
    rows = statuses(tmp_path, "John Doe\n(316) 842-7719", "John Doe\n(316) 842-7720")
    assert "duplicate" not in [r.status for r in rows]


def test_file_twins_and_content_twins_stay_duplicates(tmp_path):
    rows = statuses(tmp_path, "Ana Ruiz", "Ana Ruiz", same_body=True)  # same words, different files
    assert [r.status for r in rows].count("duplicate") == 1


def test_copies_keep_the_original_looking_file_then_the_first_in_input_order(tmp_path):
    data = (tmp_path / "src.txt")
    data.write_text("Ana Ruiz\n" + BODY.format(n=5))
    names = ["Copy of ana-ruiz.txt", "ana-ruiz (1).txt", "ana-ruiz.txt", "ana-ruiz-final.txt"]
    for name in names:
        (tmp_path / name).write_bytes(data.read_bytes())
    paths = [str(tmp_path / n) for n in names]
    for workers in (1, 2):
        rows = rank(paths, load_job("isp-technician"), workers=workers).rows
        kept = [r for r in rows if r.status != "duplicate"]
        assert [Path(r.source).name for r in kept] == ["ana-ruiz.txt"]
    assert looks_original("ana-ruiz-final.pdf") and not looks_original("Copy of ana.pdf")
    assert not looks_original("ana (2).docx") and not looks_original("ana - Copy.docx")


def test_two_runs_with_two_workers_give_the_same_csv(tmp_path, samples):
    paths = [str(p) for p in sorted(samples.glob("*.*")) if p.suffix in (".pdf", ".docx")]
    outputs = []
    for _ in range(2):
        result = CliRunner().invoke(cli, ["rank", *paths, "--job", "network-technician", "--format", "csv", "--workers", "2", "--no-cache"])
        assert result.exit_code == 0
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "head, name",
    [
        ("José García\nNetwork Engineer", "José García"),
        ("François Dubois | Technician | Lyon", "François Dubois"),
        ("Zoë O'Brien-Smith\n(316) 842-7719", "Zoë O'Brien-Smith"),
        ("JARED SMITH\nField Technician", "Jared Smith"),
        ("Education Details\nB.Sc. 2014", None),
        ("Sales Manager\nAcme Broadband, Tulsa", None),
        ("Devops Engineer\nSkills\nDocker", None),
        ("Chanchal\nSharma\nchanchal@prairie-mail.net", "Chanchal Sharma"),
        # A sidebar read first: its city and state code is no "Surname, Given" (the two-column sample).
        ("CONTACT\nAustin, TX\n(512) 555-0163\nSKILLS\n• BGP\n\nPriya Raman\nSenior Network Engineer\nSUMMARY\nBuilt networks.", "Priya Raman"),
    ],
)
def test_names_come_only_from_where_a_name_is(head, name):
    assert candidate_name(parse((head + "\n" + BODY.format(n=1)).encode(), name="r.txt")) == name


def test_author_metadata_decides_between_candidates_only_when_it_agrees():
    document = parse(b"Network Technician Resume\nMaria Lopez | Tulsa Fiber Co\nExperience\n- Spliced fiber.\n", name="r.txt")
    assert candidate_name(document) == "Maria Lopez"
    document.author = "Tobey Gossen"  # a template's author: ignored
    assert candidate_name(document) == "Maria Lopez"


def test_no_heading_or_title_is_ever_a_name(samples):
    files = sorted(samples.glob("*.pdf")) + sorted(samples.glob("*.docx"))
    if CORPUS.is_dir():
        files += sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "docx").glob("*.docx"))
    from resumematch.parsers.sections import heading_name

    truth = {}
    for path in (CORPUS / "truth").glob("*.truth.json") if CORPUS.is_dir() else []:
        truth[path.name.replace(".truth.json", "")] = json.loads(path.read_text())["contact"].get("full_name")
    named = 0
    for path in files:
        name = candidate_name(parse(path))
        if name is None:
            continue
        named += 1
        assert heading_name(name) is None, (path.name, name)
        words = {w.lower() for w in name.split()}
        assert not words & {"engineer", "technician", "manager", "representative", "specialist", "details", "resume"}, (path.name, name)
        key = path.stem.split("__", 1)[-1]
        if key in truth:
            assert name == truth[key], (path.name, name)
    assert named >= len(files) - 2  # and almost every real resume gets its name


def test_csv_and_json_carry_the_why_line_and_possible_duplicates(tmp_path):
    paths = resumes(tmp_path, "Ana Ruiz\n(316) 842-7719", "Luis Ruiz\n(316) 842-7719")
    result = CliRunner().invoke(cli, ["rank", *paths, "--job", "isp-technician", "--format", "csv", "--no-cache"])
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert {"why", "possible_duplicate_of"} <= set(rows[0])
    assert all(" req" in row["why"] for row in rows)
    assert [bool(row["possible_duplicate_of"]) for row in rows].count(True) == 1
    data = json.loads(CliRunner().invoke(cli, ["rank", *paths, "--job", "isp-technician", "--format", "json", "--no-cache"]).stdout)
    why = data["results"][0]["why"]
    assert why.split(",")[0].count("/") == 1 and " req" in why
    assert [r["possible_duplicate_of"] for r in data["results"]].count(None) == 1
    table = CliRunner().invoke(cli, ["rank", *paths, "--job", "isp-technician", "--no-cache"]).stdout
    assert "possible duplicate of" in table
    assert [r.get("possible_duplicate_reason") for r in data["results"]].count("same email or phone, another name") == 1


def test_why_line_names_certifications_and_a_title_match(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Ana Ruiz\nNetwork Technician\nCertifications\nCCNA, CompTIA Network+\nExperience\n- Configured VLANs.\n")
    row = rank([str(path)], load_job("network-technician"), workers=1).rows[0]
    assert "; title" in row.why and "Network+" in row.why
    assert row.why.startswith(tuple(f"{n}/" for n in range(20)))
