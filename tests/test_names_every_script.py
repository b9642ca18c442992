"""Issue 34, part two: names of every origin, and a skill line is never a name.

Names are found in any script (Chinese, Korean, Arabic, Greek, Cyrillic), with particles,
hyphens and combining tone marks; two different names are never one person, whatever script
each is written in; a title-case skill line at the top ("Cold Calling") is never the name.
"""

from __future__ import annotations

import pytest

from resumematch import identity, parse
from resumematch.jobs import load_job
from resumematch.parsers.names import find_name, looks_like_skill_line, name_key
from resumematch.screening.rank import rank

BODY = (
    "Field Technician\n"
    "Summary\n"
    "Installs and repairs fiber and coaxial service for homes and small businesses.\n"
    "Experience\n"
    "Field Technician, Lakeside Broadband, 2019 - present\n"
    "- Spliced fiber drops and tested each line with an OTDR before handing it over.\n"
    "- Configured customer routers, DHCP and Wi-Fi, and explained the setup to the household.\n"
    "Skills\n"
    "Fiber splicing, OTDR testing, DHCP, Wi-Fi, customer service, safety procedures\n"
)
# An agency sends every candidate with its own contact line.
AGENCY = "Northgate Staffing · placements@northgate-staffing.org · +1 312 555 0199\n"

NAMES = [
    "李小龙",
    "김민준",
    "محمد عبد الله",
    "Γιώργος Παπαδόπουλος",
    "Алексей Смирнов",
    "Jean-Luc van der Berg",
    "Mohammed bin Rashid Al-Farsi",
    "Oluwaseun Adébáyọ̀",
    "山田 太郎",
    "Maria de la Cruz",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_is_found(name, tmp_path):
    assert find_name(f"{name}\n{BODY}") == name
    path = tmp_path / "resume.txt"
    path.write_text(f"{name}\n{AGENCY}{BODY}", encoding="utf-8")
    assert parse(path).contact.name == name


@pytest.mark.parametrize("first, second", [
    ("李小龙", "김민준"),
    ("李 小龙", "王 小龙"),
    ("Алексей Смирнов", "Aleksei Smirnov"),
    ("محمد عبد الله", "Γιώργος Παπαδόπουλος"),
])
def test_different_names_fold_to_different_keys(first, second):
    assert name_key(first) and name_key(second) and name_key(first) != name_key(second)


def test_the_same_name_folds_to_one_key_in_any_script():
    assert name_key("Oluwaseun Adébáyọ̀") == name_key("ADEBAYO, Oluwaseun")
    assert name_key("Алексей  Смирнов") == name_key("Смирнов Алексей")


def test_an_agencys_candidates_in_five_scripts_are_five_people(tmp_path):
    pool = tmp_path / "pool"
    pool.mkdir()
    for number, name in enumerate(["李小龙", "김민준", "محمد عبد الله", "Γιώργος Παπαδόπουλος", "Алексей Смирнов"]):
        (pool / f"candidate-{number}.txt").write_text(f"{name}\n{AGENCY}{BODY}", encoding="utf-8")
    outcome = rank([str(pool)], load_job("isp-technician"), workers=1)
    rows = outcome.rows
    assert len(rows) == 5
    assert [row.status for row in rows] == ["ok"] * 5, [(r.source, r.status, r.duplicate_of) for r in rows]
    assert {row.name for row in rows} == {"李小龙", "김민준", "محمد عبد الله", "Γιώργος Παπαδόπουλος", "Алексей Смирнов"}


@pytest.mark.parametrize("top, name", [
    ("Cold Calling", "Dana Whitfield"),
    ("Data Entry", "Marcus Oyelaran"),
    ("Cold Calling | Data Entry", "Priya Raman"),
    ("Conflict Resolution", "Tomás Herrera"),
])
def test_a_skill_line_at_the_top_is_never_the_name(top, name, tmp_path):
    text = f"{top}\n{name}\nSales Representative\n{name.split()[0].lower()}@mailbox.org\n{BODY}"
    assert find_name(text) == name
    path = tmp_path / "resume.txt"
    path.write_text(text, encoding="utf-8")
    document = parse(path)
    assert document.contact.name == name
    assert top in document.text  # the skill line is kept as text


@pytest.mark.parametrize("line, expected", [
    ("Cold Calling", True),
    ("Data Entry", True),
    ("Fiber Splicing, Customer Service", True),
    ("Lead Generation", True),
    ("Dana Whitfield", False),
    ("Grant Hill", False),
    ("Ruby Rose", False),
    ("李小龙", False),
])
def test_the_skill_line_rule_is_one_shared_predicate(line, expected):
    assert looks_like_skill_line(line) is expected
    assert identity.looks_like_skill_line is looks_like_skill_line  # the name blanker uses the same rule


@pytest.mark.parametrize("line", ["Curriculum Vitae", "简历", "이력서", "Резюме", "السيرة الذاتية"])
def test_a_resume_title_in_any_script_is_no_name(line):
    assert find_name(f"{line}\n{BODY}") is None


def test_names_that_differ_only_in_accented_letters_are_two_people(tmp_path):
    """"Lê Văn Anh" and "Lý Văn Anh" share every ASCII word of the same resume: still two people."""
    pool = tmp_path / "pool"
    pool.mkdir()
    for number, name in enumerate(["Lê Văn Anh", "Lý Văn Anh"]):
        (pool / f"candidate-{number}.txt").write_text(f"{name}\n{AGENCY}{BODY}", encoding="utf-8")
    rows = rank([str(pool)], load_job("isp-technician"), workers=1).rows
    assert sorted(row.status for row in rows) == ["ok", "ok"]
