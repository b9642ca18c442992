"""Skill extraction: each matching rule, the gold set, the saved pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from resumematch import extract_skills, parse
from resumematch.skills import load_pipeline, taxonomy

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def ids(text: str) -> list[str]:
    return [m.skill_id for m in extract_skills(text)]


# --- matching rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, skill_id",
    [
        ("Configured VLANs for each tenant", "vlan"),
        ("Configured a VLAN for each tenant", "vlan"),
        ("Replaced faulty ONTs", "ont"),
        ("troubleshooting modem faults", "troubleshooting"),
        ("able to troubleshoot modem faults", "troubleshooting"),
        ("Installed new routers", "network-hardware"),
        ("Installed a new router", "network-hardware"),
    ],
)
def test_case_and_inflection(text, skill_id):
    assert skill_id in ids(text)


def test_inflection_does_not_change_meaning():
    # "networking" is a skill; "network" alone is not. "switched careers" is not switching.
    assert "networking" in ids("Networking fundamentals")
    assert ids("Led a network of volunteers") == []
    assert ids("Switched careers in 2020") == []
    assert ids("Reported to the regional manager") == []


@pytest.mark.parametrize("text", ["Wi-Fi", "WiFi", "wi fi", "Wi Fi", "wifi"])
def test_hyphen_and_spacing_variants(text):
    assert ids(f"Installed {text} for homes") == ["wifi"]


@pytest.mark.parametrize(
    "text, skill_id",
    [("C++", "cpp"), ("TCP/IP", "tcp-ip"), (".NET", "csharp"), ("Node.js", "nodejs"), ("802.11ac", "wifi"),
     ("Network+", "comptia-network-plus"), ("Security+", "comptia-security-plus"), ("C#", "csharp")],
)
def test_punctuation_bearing_names_are_kept_whole(text, skill_id):
    mentions = extract_skills(f"Experience: {text}, and more.")
    assert [(m.text, m.skill_id) for m in mentions] == [(text, skill_id)]


def test_acronym_and_long_form_are_one_skill():
    mentions = extract_skills("Cisco Certified Network Associate (CCNA). BICSI Certified Broadband Installer, CBI.")
    assert [m.skill_id for m in mentions] == ["ccna", "ccna", "bicsi-cbi", "bicsi-cbi"]
    assert [m.matched_as for m in mentions][:2] == ["alias", "name"]


def test_overlapping_candidates_resolve_to_the_longest():
    assert [(m.text, m.skill_id) for m in extract_skills("CompTIA Network+ and Cisco Certified Network Professional")] == [
        ("CompTIA Network+", "comptia-network-plus"),
        ("Cisco Certified Network Professional", "ccnp"),
    ]
    assert ids("Microsoft Excel") == ["excel"]


@pytest.mark.parametrize(
    "text",
    [
        "I have a positive outlook and excel under pressure.",
        "She will access the building after hours.",
        "Our teams work in shifts.",
        "Give your word and keep it.",
        "A swift decision.",
        "Go above and beyond.",
        "Earned a grade of C in chemistry.",
        "Sales rose 20% after the remodel.",
        "Outlook: cautiously optimistic.",
    ],
)
def test_ambiguous_names_in_prose_are_not_skills(text):
    found = set(ids(text))
    assert not found & {"outlook", "excel", "access", "teams", "word", "swift-language", "go-language", "c-language", "sales"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Skills: Excel, Word, Outlook and Teams", ["excel", "word", "outlook", "teams"]),
        ("Proficient in Excel and Access", ["excel", "access"]),
        ("Languages: C, R, Go | Swift", ["c-language", "r-language", "go-language", "swift-language"]),
        ("MS Access and Microsoft Word", ["access", "word"]),
    ],
)
def test_ambiguous_names_with_evidence_are_skills(text, expected):
    assert ids(text) == expected


def test_ambiguous_name_counts_inside_the_skills_section():
    resume = "Jo Doe\nSummary\nI excel at service and Excel is my friend\nSkills\nExcel\nOutlook\n"
    document = parse(resume.encode(), name="resume.txt")
    mentions = extract_skills(document)
    assert [(m.skill_id, m.section) for m in mentions] == [("excel", "skills"), ("outlook", "skills")]


def test_case_sensitive_acronyms_and_product_names():
    assert ids("It was a sip of coffee; the lag was long.") == []
    assert ids("SIP trunking and LAG") == ["sip", "link-aggregation"]
    assert ids("a python in the zoo and slack rope") == []
    assert ids("Python, Slack") == ["python", "collaboration-tools"]


def test_name_wrapped_across_lines_still_matches():
    # Regression: a PDF wrapped "Fiber optic testing" after "Fiber"; the tail matched "optics".
    mentions = extract_skills("Ladder safety, Fiber\noptic testing, Wi-Fi setup")
    assert [(m.text, m.skill_id) for m in mentions] == [
        ("Ladder safety", "ladder-safety"), ("Fiber\noptic testing", "fiber-testing"), ("Wi-Fi setup", "wifi"),
    ]


def test_no_matches_inside_longer_words():
    assert ids("Gophers, Excellence, Accessibility, Teamsters, Wordsmith, Salesmanship") == []
    assert ids("CCNAcademy DOCSISx") == []


def test_offsets_index_into_the_parsed_text(samples):
    document = parse(samples / "network-technician.pdf")
    mentions = extract_skills(document)
    assert len(mentions) > 20
    for mention in mentions:
        assert document.text[mention.start : mention.end] == mention.text
        assert mention.section == document.section_at(mention.start)
    sections = {(m.skill_id, m.section) for m in mentions}
    assert {("ccna", "certifications"), ("otdr", "experience"), ("otdr", "skills")} <= sections


def test_batch_extraction_matches_single(samples):
    from resumematch.skills import extract_skills_batch

    documents = [parse(p) for p in sorted(samples.glob("*.docx"))]
    assert list(extract_skills_batch(documents)) == [extract_skills(d) for d in documents]


def test_pdf_and_docx_of_a_sample_give_the_same_skills(samples):
    for pdf in sorted(samples.glob("*.pdf")):
        from_pdf = {m.skill_id for m in extract_skills(parse(pdf))}
        from_docx = {m.skill_id for m in extract_skills(parse(pdf.with_suffix(".docx")))}
        assert from_pdf == from_docx, (pdf.name, from_pdf ^ from_docx)


def test_weak_match_sample_has_almost_no_isp_skills(samples):
    found = {m.skill_id for m in extract_skills(parse(samples / "weak-match.pdf"))}
    assert found <= {"budgeting", "mentoring", "leadership", "food-safety"}


# --- the gold set -----------------------------------------------------------------------------


def test_gold_set_precision_and_recall():
    gold = [json.loads(line) for line in (DATA / "skills_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(gold) >= 150
    assert sum(1 for g in gold if not g["skills"]) >= 20  # hard negatives
    known = taxonomy()
    counts: dict[str, Counter] = {}
    for example in gold:
        expected = set(example["skills"])
        assert expected <= set(known.skills), expected - set(known.skills)
        predicted = {m.skill_id for m in extract_skills(example["text"])}
        for skill_id, outcome in [(s, "tp") for s in predicted & expected] + [(s, "fp") for s in predicted - expected] + [
            (s, "fn") for s in expected - predicted
        ]:
            counts.setdefault(known[skill_id].category, Counter())[outcome] += 1
    total = sum(counts.values(), Counter())
    precision = total["tp"] / (total["tp"] + total["fp"])
    recall = total["tp"] / (total["tp"] + total["fn"])
    print(f"\nskill gold set ({len(gold)} sentences): precision {precision:.3f} recall {recall:.3f}")
    for category, c in sorted(counts.items()):
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        print(f"  {category:17} precision {p:.3f} recall {r:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    assert precision >= 0.95
    assert recall >= 0.90


# --- the saved pipeline -----------------------------------------------------------------------


def test_saved_model_is_built_from_the_current_taxonomy():
    from resumematch.build_model import inputs_hash

    info = load_pipeline().get_pipe("isp_skills").build_info
    assert info["inputs_sha256"] == inputs_hash(), (
        "models/skills is stale: run `python -m resumematch.build_model` and commit models/"
    )
    assert load_pipeline().meta["resumematch"]["inputs_sha256"] == info["inputs_sha256"]


def test_plain_spacy_load_opens_the_model():
    script = (
        "import spacy; nlp = spacy.load('models/skills'); doc = nlp('CCNA and DOCSIS 3.1'); "
        "print([s.label_ for s in doc.spans['skills']])"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "['ccna', 'docsis']"


def test_model_holds_no_pickles():
    for path in (ROOT / "models").rglob("*"):
        if path.is_file():
            assert path.suffix not in {".pkl", ".pickle", ".joblib"}
            assert not path.read_bytes()[:2] in (b"\x80\x04", b"\x80\x05", b"\x80\x03"), path


def test_rebuilding_gives_the_committed_model(tmp_path):
    from resumematch.build_model import build

    built = build(tmp_path / "skills")
    for name in ("patterns.json", "taxonomy.json", "build_info.json"):
        assert (built / "isp_skills" / name).read_bytes() == (ROOT / "models" / "skills" / "isp_skills" / name).read_bytes()


# --- aliases are names, not cues (docs/skills.md: "What an alias is") -----------------------------------


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Our patients come first.", "patience"),
        ("We reward innovation.", "creativity"),
        ("Flexible working hours.", "adaptability"),
        ("Integrity is one of our values.", "work-ethic"),
        ("Reps earn a commission on each sale.", "quota-attainment"),
        ("We are hiring in three cities.", "team-management"),
        ("Yearly audits of every van.", "quality-assurance"),
        ("She wrote proposals for the board.", "sales-presentations"),
        ("Win new customers in the metro area.", "prospecting"),
        ("Join a global organization.", "organization"),
        ("Access to the staff gym.", "access"),
        ("Veteran status is protected.", "military-experience"),
        ("Research in collaboration with partners.", "teamwork"),
        ("Engineering Leadership sets the roadmap.", "leadership"),
        ("As a communication interface to the client.", "communication"),
        ("Better alert routing and event routing in the service mesh.", "routing"),
    ],
)
def test_cue_words_are_not_skills(text, absent):
    assert absent not in ids(text)


@pytest.mark.parametrize(
    "text, present",
    [
        ("Communication, teamwork and leadership", {"communication", "teamwork", "leadership"}),
        ("Strong communication and collaboration skills.", {"communication", "teamwork"}),
        ("Patience and empathy", {"patience", "empathy"}),
        ("Stays calm with upset customers.", {"patience"}),
        ("Grounding experience on NEBS sites.", {"grounding-bonding"}),
    ],
)
def test_one_word_soft_skills_count_in_a_list_or_before_skills(text, present):
    assert present <= set(ids(text))


def test_one_word_soft_skills_count_inside_the_skills_section():
    document = parse(b"Experience\nDid things.\nSkills\nLeadership\nCreativity\n", name="r.txt")
    assert {"leadership", "creativity"} <= {m.skill_id for m in extract_skills(document)}


def test_patterns_loaded_as_hashes_are_what_docs_of_them_would_give():
    """The matchers are loaded from token hashes, not a Doc per pattern (load time): each hash is
    the attribute a Doc built from the pattern's tokens gives its matcher."""
    from spacy.tokens import Doc

    from resumematch.skills import load_pipeline
    from resumematch.skills.component import pattern_hashes

    nlp = load_pipeline()
    matcher = nlp.get_pipe("isp_skills")
    attribute = {"fuzzy": "norm", "listed": "norm", "exact": "orth", "ambiguous": "orth", "listcase": "lower", "spoken": "lower"}
    assert {p["kind"] for p in matcher.patterns} <= set(attribute)
    for pattern in matcher.patterns:
        doc = Doc(nlp.vocab, words=pattern["tokens"])
        for token, key in zip(doc, pattern.get("keys", ())):
            token.norm_ = key
        assert pattern_hashes(pattern) == [getattr(token, attribute[pattern["kind"]]) for token in doc], pattern["text"]


def test_loading_the_pipeline_leaves_spacys_command_line_unimported_but_importable():
    """``check`` loads the pipeline without spaCy's command line (typer and every command: start-up
    time); spaCy's CLI and ``spacy.info`` still work when asked for."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from resumematch.skills import load_pipeline\n"
        "load_pipeline()\n"
        "print('typer' in sys.modules, 'spacy.cli' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), isinstance(spacy.info(), dict))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False False" and out[1] == "True True"
