"""`resumematch audit`: scoring and selection rates, impact ratios, four-fifths flags and Fisher's
exact test by self-identified group, from a ranking's JSON or CSV."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from resumematch.audit import audit_files, read_ranking
from resumematch.cli import cli
from resumematch.render.audit import render
from resumematch.render.ranking import render as render_ranking
from resumematch.screening.rank import RankOutcome, RankRow
from resumematch.types import Job

JOB = Job(id="network-technician", title="Network Technician", family="technical")


def ranking_file(tmp_path, rows: list[tuple[str, str, float | None]], *, top: int | None = None, fmt: str = "json"):
    """A ranking written by rank's own renderer: (source, status, score) rows, best first."""
    ranked = []
    position = 0
    for source, status, score in rows:
        row = RankRow(source=source, status=status, score=score, name="Someone Else", email="x@y.org")
        if status == "ok":
            position += 1
            row.rank = position
            row.shortlisted = top is None or position <= top
        if status == "duplicate":
            row.duplicate_of = rows[0][0]
        ranked.append(row)
    path = tmp_path / f"ranking.{fmt}"
    path.write_text(render_ranking(RankOutcome(JOB, ranked, []), fmt), encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    return path


def groups_file(tmp_path, header: list[str], rows: list[list[str]]):
    path = tmp_path / "groups.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def by_group(groups: list[dict]) -> dict[str, dict]:
    return {g["group"]: g for g in groups}


# -- NYC's worked example --------------------------------------------------------------------------


def test_reproduces_the_nyc_dcwp_scoring_rate_example(tmp_path):
    """6 RCNY 5-301(c), the rules' scoring example: male 54.3% -> 1.00, female 44.7% -> 0.82.
    The rates give the counts: 50 of 92 men and 34 of 76 women score above the median, and
    84 of 168 is exactly half, as above a median it must be."""
    people = [("male", True)] * 50 + [("female", True)] * 34 + [("male", False)] * 42 + [("female", False)] * 42
    rows = [(f"r{i:03}.pdf", "ok", 100.0 - i * 0.5) for i in range(len(people))]  # best first, all different
    ranking = ranking_file(tmp_path, rows)
    groups = groups_file(tmp_path, ["source", "sex"], [[f"r{i:03}.pdf", sex.title()] for i, (sex, _) in enumerate(people)])

    report = json.loads(render(audit_files(ranking, groups), "json"))

    assert report["method"] == "scoring-rate"
    sex = by_group(report["categories"]["sex"])
    assert (sex["Male"]["n"], sex["Male"]["above_median"]) == (92, 50)
    assert (sex["Female"]["n"], sex["Female"]["above_median"]) == (76, 34)
    assert round(sex["Male"]["rate"], 3) == 0.543 and round(sex["Male"]["impact_ratio"], 2) == 1.00
    assert round(sex["Female"]["rate"], 3) == 0.447 and round(sex["Female"]["impact_ratio"], 2) == 0.82
    assert round(sex["Female"]["impact_ratio"], 3) == 0.823  # 34/76 over 50/92, to the third decimal
    assert sex["Female"]["four_fifths_flag"] is False and sex["Male"]["four_fifths_flag"] is False
    assert report["unknown"] == {"sex": 0}
    assert report["selection"] is None  # no --top or --min-score: no shortlist to audit


# -- a small case computed by hand -----------------------------------------------------------------

# source, score, sex, race_ethnicity, veteran ("-" = no row in the groups file)
SMALL = [
    ("a.pdf", 90, "Male", "White", "yes"),
    ("b.pdf", 80, "Female", "Black", "yes"),
    ("c.pdf", 70, "Male", "Black", "yes"),
    ("d.pdf", 60, "Female", "White", "no"),
    ("e.pdf", 50, "Male", "White", "no"),
    ("f.pdf", 40, "Female", "", "no"),
    ("g.pdf", 30, "Male", "Black", "no"),
    ("h.pdf", 20, "Prefer not to say", "White", "no"),
    ("i.pdf", 10, "Female", "Black", "no"),
    ("j.pdf", 5, "-", "-", "-"),
]


@pytest.fixture
def small_case(tmp_path):
    rows = [(source, "ok", float(score)) for source, score, *_ in SMALL]
    rows += [("a-copy.docx", "duplicate", 90.0), ("broken.pdf", "error", None)]
    groups = [[s, sex, race, vet] for s, _, sex, race, vet in SMALL if sex != "-"]
    return rows, groups_file(tmp_path, ["source", "sex", "race_ethnicity", "veteran"], groups)


@pytest.mark.parametrize("fmt", ["json", "csv", "jsonl"])
def test_hand_computed_case_with_intersection_and_unknowns(tmp_path, small_case, fmt):
    rows, groups = small_case
    report = audit_files(ranking_file(tmp_path, rows, top=3, fmt=fmt), groups).to_dict()

    # Median of the ten scores (5..90) is (40 + 50) / 2 = 45; five score above it.
    assert report["median"] == 45.0 and report["candidates"] == 10 and report["above_median"] == 5
    assert (report["not_scored"], report["duplicates"]) == (1, 1)
    # h answered "Prefer not to say" and j has no row: unknown sex; f and j: unknown race.
    assert report["unknown"] == {"sex": 2, "race_ethnicity": 2, "sex x race_ethnicity": 3, "veteran": 1}

    sex = by_group(report["categories"]["sex"])
    assert (sex["Male"]["n"], sex["Male"]["above_median"], sex["Male"]["rate"]) == (4, 3, 0.75)
    assert (sex["Female"]["n"], sex["Female"]["above_median"], sex["Female"]["rate"]) == (4, 2, 0.5)
    assert sex["Female"]["impact_ratio"] == pytest.approx(2 / 3, abs=1e-6) and sex["Female"]["four_fifths_flag"]
    assert sex["Male"]["impact_ratio"] == 1.0 and not sex["Male"]["four_fifths_flag"]
    # 3 of 4 against 2 of 4: every table with these margins is at least as likely, p = 1.
    assert sex["Male"]["p_value"] == pytest.approx(1.0)

    race = by_group(report["categories"]["race_ethnicity"])
    assert (race["White"]["above_median"], race["Black"]["above_median"]) == (3, 2)
    assert race["Black"]["impact_ratio"] == pytest.approx(2 / 3, abs=1e-6)

    both = by_group(report["categories"]["sex x race_ethnicity"])
    assert {g: (v["n"], v["above_median"]) for g, v in both.items()} == {
        "Male / White": (2, 2), "Male / Black": (2, 1), "Female / Black": (2, 1), "Female / White": (1, 1),
    }
    assert both["Male / Black"]["impact_ratio"] == 0.5 and both["Male / Black"]["four_fifths_flag"]
    assert both["Female / White"]["impact_ratio"] == 1.0

    # Veterans: 3 of 3 above against 2 of 6. Fisher: C(5,k)C(4,3-k)/C(9,3) = 4, 30, 40, 10 (/84)
    # for k = 0..3; the tables as unlikely as the one seen (k=3, 10/84) are k=3 and k=0: p = 14/84.
    veteran = by_group(report["categories"]["veteran"])
    assert veteran["no"]["rate"] == pytest.approx(1 / 3, abs=1e-6) and veteran["no"]["four_fifths_flag"]
    assert veteran["yes"]["p_value"] == pytest.approx(14 / 84, abs=1e-6)
    assert veteran["no"]["p_value"] == pytest.approx(14 / 84, abs=1e-6)

    # --top 3 shortlisted a, b, c: men 2 of 4, women 1 of 4.
    selection = report["selection"]
    assert selection["method"] == "selection-rate" and selection["selected"] == 3
    chosen = by_group(selection["categories"]["sex"])
    assert (chosen["Male"]["selected"], chosen["Female"]["selected"]) == (2, 1)
    assert chosen["Female"]["impact_ratio"] == 0.5 and chosen["Female"]["four_fifths_flag"]
    assert by_group(selection["categories"]["race_ethnicity"])["White"]["impact_ratio"] == 0.5


def test_a_group_under_two_percent_is_shown_marked_and_never_the_reference(tmp_path):
    rows = [(f"r{i:02}.pdf", "ok", 100.0 - i) for i in range(60)]
    sexes = ["Another"] + ["Female", "Male"] * 29 + ["Male"]  # the one "Another" scores best
    groups = groups_file(tmp_path, ["source", "sex"], [[f"r{i:02}.pdf", s] for i, s in enumerate(sexes)])
    sex = by_group(audit_files(ranking_file(tmp_path, rows), groups).to_dict()["categories"]["sex"])
    assert sex["Another"]["small"] and sex["Another"]["n"] == 1 and sex["Another"]["rate"] == 1.0
    assert not sex["Male"]["small"] and not sex["Female"]["small"]
    # The reference is the larger groups' best rate, so a lone top scorer cannot flag everyone.
    assert max(sex["Male"]["impact_ratio"], sex["Female"]["impact_ratio"]) == 1.0
    assert sex["Another"]["impact_ratio"] > 1.0


def test_groups_are_matched_by_file_name_when_the_ranking_has_folders(tmp_path):
    ranking = ranking_file(tmp_path, [("applicants/a.pdf", "ok", 80.0), ("pool.zip!b.pdf", "ok", 20.0)])
    groups = groups_file(tmp_path, ["source", "sex"], [["a.pdf", "Female"], ["b.pdf", "Male"], ["gone.pdf", "Male"]])
    report = audit_files(ranking, groups)
    assert report.scoring.unknown["sex"] == 0 and report.unmatched_groups == 1
    assert any("name no scored resume" in w for w in report.warnings)


# -- the command -----------------------------------------------------------------------------------


def test_cli_writes_every_format(tmp_path, small_case):
    rows, groups = small_case
    ranking = ranking_file(tmp_path, rows, top=3)
    runner = CliRunner()
    text = runner.invoke(cli, ["audit", str(ranking), "--groups", str(groups)])
    assert text.exit_code == 0, text.output
    assert "median score 45" in text.output and "FLAG" in text.output and "sex x race_ethnicity" in text.output

    out = tmp_path / "audit.csv"
    result = runner.invoke(cli, ["audit", str(ranking), "--groups", str(groups), "--output", str(out)])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    female = next(r for r in table if r["method"] == "scoring-rate" and r["category"] == "sex" and r["group"] == "Female")
    assert (female["n"], female["hits"], female["rate"], female["four_fifths_flag"]) == ("4", "2", "0.5000", "yes")
    assert {r["method"] for r in table} == {"scoring-rate", "selection-rate"}


def test_html_is_self_contained_with_a_chart_and_escapes_group_names(tmp_path):
    ranking = ranking_file(tmp_path, [("a.pdf", "ok", 80.0), ("b.pdf", "ok", 20.0)])
    groups = groups_file(tmp_path, ["source", "sex"], [["a.pdf", "<script>alert(1)</script>"], ["b.pdf", "Male"]])
    html = render(audit_files(ranking, groups), "html")
    assert "<svg" in html and "<rect" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html  # nothing fetched from elsewhere


@pytest.mark.parametrize(
    "ranking_text, groups_text, message",
    [
        ("not a ranking at all", "source,sex\na.pdf,Male\n", "is not a ranking"),
        ('{"job": {}, "results": [{"source": "a.pdf", "status": "ok", "score": 50}]}', "file,sex\na.pdf,Male\n", "no 'source' column"),
        ('{"job": {}, "results": [{"source": "a.pdf", "status": "error", "score": null}]}', "source,sex\na.pdf,Male\n", "no scored candidate"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path, ranking_text, groups_text, message):
    ranking, groups = tmp_path / "ranking.json", tmp_path / "groups.csv"
    ranking.write_text(ranking_text)
    groups.write_text(groups_text)
    result = CliRunner().invoke(cli, ["audit", str(ranking), "--groups", str(groups)])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_reading_a_ranking_keeps_no_personal_data(tmp_path):
    ranking = ranking_file(tmp_path, [("a.pdf", "ok", 80.0)], fmt="csv")
    (candidate,) = read_ranking(ranking)
    assert set(vars(candidate)) == {"source", "status", "score", "shortlisted"}
