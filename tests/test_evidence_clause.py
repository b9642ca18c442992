"""Evidence a person can check: implied and activity skills are quoted from the candidate's own
work, as the clause that does the work (at most about 200 characters, cut at word boundaries),
never from a paragraph describing the employer."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumematch.jobs import load_job
from resumematch.parsers import parse
from resumematch.scoring import match
from resumematch.skills import analyse
from resumematch.skills.activities import EVIDENCE_CHARS, describes_employer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

EMPLOYER = (
    "Harbour Arts Trust is the region's charity for music and theatre and sells tickets, courses and prospecting "
    "services to schools and councils across forty towns, working with partners to widen access every year."
)
LONG_BULLET = (
    "- Configured Cisco routers and switches with three VLANs for the regional office network, which served forty "
    "staff and visitors in two buildings across the city centre and had to stay up through the whole festival "
    "season without a single outage, while the team also moved to a new ticketing system."
)


def _resume(*lines: str) -> str:
    return "\n".join(["Robin Ames", "Experience", "Programme Manager, Harbour Arts Trust, 2015-2020", *lines, ""])


@pytest.mark.parametrize("sentence", [
    EMPLOYER,
    "Acme Broadband provides fibre to 200,000 homes.",
    "The company sells business internet plans.",
    "We are a fast-growing regional ISP.",
])
def test_a_sentence_about_the_employer_is_recognised(sentence):
    assert describes_employer(sentence)


@pytest.mark.parametrize("sentence", [
    "Sold business internet plans door to door.",
    "Provides first-line support to 300 users.",
    "Managed a team of 12 sales representatives.",
    "I configured VLANs for three offices.",
])
def test_a_line_about_ones_own_work_is_not_about_the_employer(sentence):
    assert not describes_employer(sentence)


def test_a_description_of_the_employer_implies_no_skill():
    analysed = analyse(parse(_resume(EMPLOYER).encode(), name="r.txt"))
    result = match(analysed, load_job("sales-representative"))
    implied_or_shown = {m.name for m in result.matched if m.how in ("implied", "activity")}
    assert "Sales" not in implied_or_shown


def test_quoted_evidence_is_a_clause_of_at_most_200_characters():
    text = _resume(LONG_BULLET)
    analysed = analyse(parse(text.encode(), name="r.txt"))
    quoted = [h.evidence for h in analysed.held.values() if h.how in ("activity", "implied")]
    assert quoted and all(len(q) <= EVIDENCE_CHARS for q in quoted)
    flat = " ".join(text.split())
    assert all(q in flat for q in quoted)  # the resume's own words, cut at word boundaries
    assert any(q.startswith("Configured") for q in quoted)


def _files() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    return files + (sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else [])


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_no_quoted_evidence_is_over_200_characters(path):
    from resumematch.jobs import shipped_jobs

    analysed = analyse(parse(path))
    for job in shipped_jobs().values():
        for item in match(analysed, job).matched:
            assert len(item.evidence or "") <= EVIDENCE_CHARS, (job.id, item.name, item.evidence)


def test_a_resume_without_line_breaks_keeps_the_work_its_lines_show():
    """In a resume that arrives as one line (scraped piles, some exports) the "line" is the whole
    text, name and email included: evidence is the words that do the work, so blanking the
    contact details does not throw away what the person did."""
    body = ("Field Supervisor Summary Fourteen years outdoors. Experience Crew Lead, Ridge Fiber, 2016-2024 "
            "Supervised a crew of six installers on aerial and underground builds. Trained new hires on "
            "ladder safety and splicing. Education Diploma 2009 ")
    lined = analyse(parse(("Robin Ames\nrobin.ames@mail.example.net\n" + body.replace(". ", ".\n")).encode(), name="r.txt"))
    flat = analyse(parse(("Robin Ames robin.ames@mail.example.net " + body).encode(), name="r.txt"))
    assert "\n" not in flat.document.text.strip()
    shown = {a.skill_id for a in lined.activities}
    assert shown and shown <= {a.skill_id for a in flat.activities}
    for activity in flat.activities:
        assert "robin" not in flat.document.text[activity.start : activity.end].lower()
