"""Scoring: the sanity properties a user relies on, the settings, and the TF-IDF model."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from resumematch import parse
from resumematch.jobs import load_job
from resumematch.scoring import MatchSettings, match, tfidf_model

ROOT = Path(__file__).resolve().parent.parent

STRONG = """Dana Ruiz
dana.ruiz@example.com | (503) 555-0150
Summary
Network technician with five years at a regional ISP.
Experience
Network Technician, Valley Broadband
• Configured VLANs, DHCP and DNS on Cisco routers and switches for 60 business customers.
• Troubleshot connectivity issues on DOCSIS and GPON networks, fixing 90% on the first visit.
• Logged every change in the ticketing system and helped customers with patience.
Education
Associate of Applied Science, Network Administration
Certifications
CompTIA Network+
Skills
TCP/IP, routing and switching, Wireshark, Wi-Fi, customer service
"""


def score(text: str, job: str = "network-technician", **kwargs) -> float:
    return match(parse(text.encode(), name="resume.txt"), load_job(job), **kwargs).score


def test_strong_sample_outscores_weak_sample(samples):
    job = load_job("network-technician")
    strong = match(parse(samples / "network-technician.pdf"), job)
    weak = match(parse(samples / "weak-match.pdf"), job)
    assert strong.score > 60 > 10 > weak.score
    assert strong.score > weak.score + 50


@pytest.mark.parametrize("stem, job", [("network-technician", "network-technician"), ("isp-installer", "isp-technician"),
                                        ("technical-support", "technical-support-specialist"), ("sales-representative", "sales-representative")])
def test_same_resume_as_pdf_and_docx_scores_within_two_points(samples, stem, job):
    target = load_job(job)
    from_pdf = match(parse(samples / f"{stem}.pdf"), target).score
    from_docx = match(parse(samples / f"{stem}.docx"), target).score
    assert abs(from_pdf - from_docx) <= 2, (from_pdf, from_docx)


def test_adding_a_missing_required_skill_raises_the_score():
    before = match(parse(STRONG.encode(), name="r.txt"), load_job("network-technician"))
    assert "structured-cabling" in {m.id for m in before.missing}
    improved = STRONG.replace("• Logged every change", "• Ran structured cabling for new sites.\n• Logged every change")
    assert score(improved) > before.score


def test_evidence_in_experience_beats_a_bare_list():
    shown = "Experience\n• Spliced fiber and ran OTDR tests on FTTH drops every day.\nSkills\nCustomer service"
    listed = "Experience\n• Worked on many jobs every day.\nSkills\nFiber splicing, OTDR, FTTH, customer service"
    assert score(shown, "isp-technician") > score(listed, "isp-technician")


def test_a_narrower_skill_counts_for_the_broader_one():
    result = match(parse(b"Certifications\nCCNP Enterprise\n", name="r.txt"), load_job("network-technician"))
    routing = next(m for m in result.matched if m.id == "routing-and-switching")
    assert routing.how == "implied" and routing.evidence == "CCNP Enterprise"
    assert result.components["certifications"] == 100  # CCNP implies the CCNA the job lists


def test_alias_matches_say_how():
    result = match(parse(b"Experience\n- Cisco Certified Network Associate, configured VLAN trunks", name="r.txt"), load_job("network-engineer"))
    assert not [m for m in result.missing if m.id == "ccna"]


def _stuffed_pdf(visible: str, hidden: str) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    text = c.beginText(72, 720)
    text.setFont("Helvetica", 10)
    for line in visible.splitlines():
        text.textLine(line)
    c.drawText(text)
    c.setFillColorRGB(1, 1, 1)
    hidden_text = c.beginText(72, 300)
    hidden_text.setFont("Helvetica", 8)
    for line in hidden.splitlines():
        hidden_text.textLine(line)
    c.drawText(hidden_text)
    c.save()
    return buffer.getvalue()


def test_posting_pasted_in_white_text_does_not_beat_a_real_resume(samples):
    job = load_job("network-technician")
    weak_text = parse(samples / "weak-match.pdf").text
    posting = (ROOT / "job_descriptions" / "network-technician.md").read_text().split("---", 2)[2]
    stuffed = parse(_stuffed_pdf(weak_text, posting), name="stuffed.pdf")
    assert stuffed.layout.hidden_chars > 500
    real = match(parse(samples / "network-technician.pdf"), job)
    assert match(stuffed, job).score < real.score
    assert match(stuffed, job).score < 10


def test_repeated_keywords_do_not_beat_a_real_resume(samples):
    job = load_job("network-technician")
    keywords = "TCP/IP, DNS, DHCP, VLANs, routing and switching, network troubleshooting, network configuration, DOCSIS, GPON"
    stuffed_text = parse(samples / "weak-match.pdf").text + "\nSkills\n" + "\n".join([keywords] * 25)
    stuffed = match(parse(stuffed_text.encode(), name="stuffed.txt"), job)
    real = match(parse(samples / "network-technician.pdf"), job)
    assert stuffed.score < real.score
    assert any("keyword stuffing" in w for w in stuffed.warnings)
    # The same keywords said once, honestly, are not penalised.
    once = match(parse((parse(samples / "weak-match.pdf").text + "\nSkills\n" + keywords).encode(), name="once.txt"), job)
    assert not any("keyword stuffing" in w for w in once.warnings)


def test_score_is_deterministic_and_components_are_shown(samples):
    document = parse(samples / "isp-installer.pdf")
    job = load_job("isp-technician")
    first, second = match(document, job), match(document, job)
    assert first.to_dict() == second.to_dict()
    assert set(first.components) == {"skills", "similarity", "certifications", "education", "title"}
    assert all(0 <= v <= 100 for v in first.components.values()) and 0 <= first.score <= 100


def test_components_the_job_does_not_ask_for_are_left_out(tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text("Installer\nRequirements:\n- Fiber splicing\n- Customer service\n")
    result = match(parse(STRONG.encode(), name="r.txt"), load_job(posting))
    assert set(result.components) == {"skills", "similarity", "title"}


def test_settings_validate_and_change_the_score():
    with pytest.raises(ValueError):
        MatchSettings(required_weight=-1)
    with pytest.raises(ValueError):
        MatchSettings(evidence_listed=1.5)
    with pytest.raises(ValueError):
        MatchSettings(skills_weight=0, similarity_weight=0, title_weight=0)
    with pytest.raises(TypeError):
        MatchSettings.resolve(3)
    assert MatchSettings.resolve({"title_weight": 0}).title_weight == 0
    only_title = {"skills_weight": 0, "similarity_weight": 0, "certifications_weight": 0, "education_weight": 0}
    assert score(STRONG, settings=only_title) == 100.0  # "Network technician" is in the summary


def test_other_keywords_count_when_found(tmp_path):
    posting = tmp_path / "co-tech.txt"
    # (A capital at the start of a line is not taken as a term of art: "Basic", "Strong"...)
    posting.write_text("Central Office Technician\nMust have:\n- NEBS grounding experience\n- Follow Telcordia practices\n- DC power plants\n")
    job = load_job(posting)
    assert {"NEBS", "Telcordia practices"} <= set(job.other_keywords)
    with_terms = match(parse(b"Experience\n- Installed DC power plants to NEBS and Telcordia practices", name="r.txt"), job)
    without = match(parse(b"Experience\n- Installed DC power plants", name="r.txt"), job)
    assert {m.name for m in with_terms.matched if m.importance == "other keyword"} >= {"NEBS", "Telcordia practices"}
    assert with_terms.score > without.score


# --- the TF-IDF model ----------------------------------------------------------------------------


def test_tfidf_vectors_equal_scikit_learns():
    from resumematch.build_model import background_documents

    model = tfidf_model()
    vectorizer = model.sklearn_vectorizer(model.stop_words_)
    vectorizer.vocabulary_ = model.vocabulary_
    vectorizer.idf_ = __import__("numpy").array(model.idf_)
    for text in background_documents()[:10]:
        ours = model.vector(text, max_term_repeats=0)
        row = vectorizer.transform([text])
        theirs = {term: row[0, index] for term, index in model.vocabulary_.items() if row[0, index]}
        assert ours.keys() == theirs.keys()
        assert all(abs(ours[t] - theirs[t]) < 1e-9 for t in ours)


def test_tfidf_caps_repetition_and_keeps_unseen_terms():
    model = tfidf_model()
    assert model.vector("dhcp " * 4) == model.vector("dhcp " * 30)  # counts past 3 are capped
    assert "clli" in model.vector("CLLI codes")
    assert abs(model.similarity("fiber splicing and OTDR", "fiber splicing and OTDR") - 1.0) < 1e-9
    assert model.similarity("fiber splicing and OTDR", "pastry and bread") == 0.0


def test_tfidf_model_is_current_and_not_pickled():
    from resumematch.build_model import background_documents, tfidf_inputs_hash

    data = json.loads((ROOT / "models" / "tfidf.json").read_text())
    assert data["inputs_sha256"] == tfidf_inputs_hash(background_documents()), (
        "models/tfidf.json is stale: run `python -m resumematch.build_model` and commit models/"
    )
    assert len(data["terms"].split("\n")) == len(data["df"].split(" ")) > 1000


def test_tfidf_rebuild_gives_the_committed_model(tmp_path):
    from resumematch.build_model import build_tfidf

    assert build_tfidf(tmp_path / "tfidf.json").read_bytes() == (ROOT / "models" / "tfidf.json").read_bytes()


def test_a_posting_without_known_skills_says_what_the_score_rests_on(tmp_path):
    posting = tmp_path / "vague.txt"
    posting.write_text("Team Member\nWe want you to join us and do your best every day.\n")
    result = match(parse(STRONG.encode(), name="r.txt"), load_job(posting))
    assert result.components["skills"] == 0
    assert any("rests on text similarity and title alone" in w for w in result.warnings)
