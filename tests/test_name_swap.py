"""Names and contact details never score: the same resumes under other people's names get the
same scores, components and ranks, byte for byte."""

from __future__ import annotations

import json
import re
import unicodedata
from copy import deepcopy
from pathlib import Path

import pytest

from resumematch.jobs import load_job
from resumematch.parsers import parse
from resumematch.redact import scoring_text
from resumematch.scoring import match
from resumematch.identity import candidate_name
from resumematch.screening.rank import rank
from resumematch.skills import analyse

# Names of many origins and of women and men, in the forms people write them: accents,
# particles, hyphens, apostrophes, one-syllable family names, three and four words.
NAMES = [
    "Oluwaseun Adebayo", "Nguyễn Thị Hoa", "Siobhán Ní Bhriain", "Mohammed Al-Farsi", "Zhang Wei",
    "Priyanka Chaudhary", "Ludwig van der Berg", "Aroha Ngata", "José María García-López", "Keisha Washington",
    "Dmitri Volkov", "Fatima Zahra Benali", "Kwame Mensah", "Ingrid Johansson", "Haruto Tanaka",
    "Ana Lúcia Ferreira", "Liam O'Connor", "Yael Ben-David", "Chidinma Okonkwo", "Björn Ek",
]
JOB = "network-technician"


def ascii_slug(name: str, joiner: str = ".") -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return joiner.join(re.findall(r"[a-z]+", plain))


def renamed(persona: dict, name: str) -> dict:
    """A persona under another name, with the email and profile link that go with it."""
    other = deepcopy(persona)
    other["name"] = name
    other["email"] = f"{ascii_slug(name)}@example.com"
    if other.get("linkedin"):
        other["linkedin"] = f"linkedin.com/in/{ascii_slug(name, '-')}"
    return other


def outcome(folder: Path, job) -> dict:
    """Every row of a ranking (without the name and contact columns) and every file's components."""
    ranked = rank([str(folder)], job, workers=1, cache_path=None)
    rows = {}
    for row in ranked.rows:
        data = row.to_dict(blind=True)
        for key in ("source", "duplicate_of", "possible_duplicate_of"):
            data[key] = data[key] and Path(data[key]).name  # the folders differ, the files do not
        rows[data["source"]] = data
    components = {}
    for path in sorted(folder.iterdir()):
        result = match(analyse(parse(path)), job)
        components[path.name] = (result.score, result.components, [m.id for m in result.matched])
    return {"rows": json.dumps(rows, sort_keys=True, ensure_ascii=False), "components": components}


@pytest.fixture(scope="module")
def job():
    return load_job(JOB)


def test_swapping_names_across_the_samples_changes_no_score_or_rank(tmp_path, job):
    from generate import docx_for, pdf_for
    from personas import PERSONAS

    folders = {}
    for round_, offset in (("original", None), ("first", 0), ("second", len(PERSONAS))):
        folder = folders[round_] = tmp_path / round_
        folder.mkdir()
        for index, persona in enumerate(PERSONAS):
            person = persona if offset is None else renamed(persona, NAMES[(offset + index) % len(NAMES)])
            (folder / f"{persona['slug']}.pdf").write_bytes(pdf_for(person))
            (folder / f"{persona['slug']}.docx").write_bytes(docx_for(person))
    # The swap really happened: other names are read from the files.
    assert {candidate_name(parse(p)) for p in folders["first"].glob("*.pdf")} & set(NAMES)

    expected = outcome(folders["original"], job)
    for round_ in ("first", "second"):
        assert outcome(folders[round_], job) == expected, round_


# -- the corpus: resumes written by other people ---------------------------------------------------


def swap_name(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` wherever it names the person: the full name
    anywhere; its words in the first lines, in email addresses and in links."""
    old_words, new_words = old.split(), new.split()
    full = re.compile(r"(?<!\w)" + r"[\s,]+".join(re.escape(w) for w in old_words) + r"(?!\w)", re.I)
    text = full.sub(lambda m: new.upper() if m.group().isupper() else new, text)
    mapping = {old_words[0]: new_words[0], old_words[-1]: new_words[-1]}

    def words_in(piece: str, lower: bool) -> str:
        for before, after in mapping.items():
            after = ascii_slug(after, "") if lower else after
            piece = re.sub(rf"(?<![^\W\d_]){re.escape(before)}(?![^\W\d_])", after, piece, flags=re.I)
        return piece

    text = re.sub(r"[\w.%+-]+@[\w.-]+|\S+\.\w{2,}/\S*", lambda m: words_in(m.group(), True), text)
    lines = text.split("\n")
    return "\n".join([words_in("\n".join(lines[:8]), False), *lines[8:]])


@pytest.fixture(scope="module")
def corpus_texts(corpus) -> dict[str, tuple[str, str]]:
    """Each corpus resume's text as the parser reads it, and the name in it."""
    out = {}
    for path in sorted([*corpus.glob("pdf/*.pdf"), *corpus.glob("docx/*.docx")]):
        document = parse(path)
        name = candidate_name(document)
        if name:
            out[path.name + ".txt"] = (document.text, name)
    return out


def test_swapping_names_across_the_corpus_changes_no_score_or_rank(tmp_path, corpus_texts, job):
    assert len(corpus_texts) >= 15
    folders = {round_: tmp_path / round_ for round_ in ("original", "first", "second")}
    for folder in folders.values():
        folder.mkdir()
    people = sorted({name for _, name in corpus_texts.values()})  # one person's PDF and DOCX: one new name
    for file_name, (text, name) in corpus_texts.items():
        (folders["original"] / file_name).write_text(text, encoding="utf-8")
        for round_, offset in (("first", 3), ("second", 11)):
            other = NAMES[(people.index(name) + offset) % len(NAMES)]
            swapped = swap_name(text, name, other)
            assert swapped != text and other in swapped, file_name
            (folders[round_] / file_name).write_text(swapped, encoding="utf-8")

    expected = outcome(folders["original"], job)
    for round_ in ("first", "second"):
        assert outcome(folders[round_], job) == expected, round_


def test_contact_details_are_not_in_the_scoring_text(samples):
    document = parse(samples / "network-technician.pdf")
    text = scoring_text(document)
    for private in ("Marisol", "Vega", "555-0142", "marisol.vega@example.com", "linkedin.com", "Portland, OR\n"):
        assert private not in text.split("SUMMARY")[0]
    assert "Network Technician" in text.split("SUMMARY")[0]  # the headline is about the job: kept
    assert len(text) == len(document.text)  # same offsets: sections still apply


def test_a_skill_named_only_in_an_email_or_link_does_not_count(tmp_path, job):
    base = "Network Technician\n\nExperience\n- Installed cable modems for customers.\n"
    plain = tmp_path / "plain.txt"
    plain.write_text("Sam Reed\n" + base)
    tricky = tmp_path / "tricky.txt"
    tricky.write_text("Sam Reed | dhcp.wireshark@example.com | github.com/ospf-vlans\n" + base)
    assert match(analyse(parse(tricky)), job).to_dict()["matched"] == match(analyse(parse(plain)), job).to_dict()["matched"]
    assert match(analyse(parse(tricky)), job).score == match(analyse(parse(plain)), job).score
