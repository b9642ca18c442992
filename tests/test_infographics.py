"""Infographic resumes (issue 30, part 7): a sidebar's skill bars, rating rows, tags and icons
read with their own rows, each skill phrase whole and in the skills section, and the main
column's sentences whole around them.

The documents are drawn by tests/infographics.py in reading order; the measure of wholeness is
benchmarks/phrase_integrity.py, which takes that drawing order as the truth."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import infographics  # noqa: E402
import layouts  # noqa: E402
import phrase_integrity  # noqa: E402

from resumematch.parsers import parse  # noqa: E402
from resumematch.parsers.pdf_layout import group_lines, order_blocks  # noqa: E402

ENGINES = ["auto", "pdfplumber"]
_CACHE: dict[tuple[str, str], tuple[bytes, object]] = {}


def _read(name: str, engine: str):
    if (name, engine) not in _CACHE:
        data = infographics.INFOGRAPHICS[name]()
        _CACHE[name, engine] = (data, parse(data, name=f"{name}.pdf", pdf_engine=engine))
    return _CACHE[name, engine]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _section(document, name: str) -> str:
    return "".join(document.text[s.start:s.end] for s in document.sections if s.name == name)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", list(infographics.INFOGRAPHICS))
def test_infographic_reads_at_0_95_phrase_integrity_or_better(name, engine):
    data, document = _read(name, engine)
    wanted = phrase_integrity.phrases(phrase_integrity.drawn_lines(data))
    text = phrase_integrity._letters(phrase_integrity._tokens(document.text))
    broken = [" ".join(t) for _, t in wanted if phrase_integrity._letters(t) not in text]
    assert len(wanted) >= 40
    assert 1 - len(broken) / len(wanted) >= 0.95, broken


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", list(infographics.INFOGRAPHICS))
def test_each_skill_label_comes_out_whole_in_the_skills_section(name, engine):
    _, document = _read(name, engine)
    skills = _squeeze(_section(document, "skills"))
    assert [p for p in infographics.SKILL_PHRASES if _squeeze(p) not in skills] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", list(infographics.INFOGRAPHICS))
def test_no_sidebar_label_lands_in_the_experience(name, engine):
    _, document = _read(name, engine)
    experience = _section(document, "experience")
    assert experience
    leaked = [p for p in infographics.SKILL_PHRASES + ["Spanish"] if p in experience]
    assert not leaked, leaked
    assert "Spanish" in _section(document, "languages")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", list(infographics.INFOGRAPHICS))
def test_the_main_columns_wrapped_sentences_stay_whole(name, engine):
    _, document = _read(name, engine)
    text = _squeeze(document.text)
    assert _squeeze(layouts.SUMMARY) in text
    for _, _, _, _, bullets in layouts.JOBS:
        for bullet in bullets:
            assert _squeeze(bullet) in text, bullet


@pytest.mark.parametrize("rows", [2, 3])
def test_a_list_set_in_two_columns_is_read_item_by_item_in_its_section(rows):
    # Two rows (three lines, too few for a column) were read across the page, cutting every
    # wrapped item; three rows took the Experience heading into the list's left column, so the
    # right column's items fell into the experience. The rows are told by their bullets, which
    # pdfminer reads from reportlab's standard fonts as "(cid:127)" and drops: the default engine only.
    data = infographics.two_column_list(rows)
    document = parse(data, name=f"two-column-list-{rows}.pdf")
    items = infographics.LIST_ITEMS[: 2 * rows]
    skills, experience = _squeeze(_section(document, "skills")), _squeeze(_section(document, "experience"))
    assert [item for item in items if _squeeze(item) not in skills] == []
    assert not [item for item in items if _squeeze(item) in experience]
    assert _squeeze(layouts.KEY_BULLET) in experience


# --- the geometry alone ------------------------------------------------------------------------


def _word(text, x, top, width=40, size=10):
    return {"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size}


def _sentence(x, top, words, width=45):
    """A line of running text that fills its column (a wrapped sentence), ``words`` words long."""
    return [_word(f"w{top}_{i}", x + i * (width + 5), top, width) for i in range(words)]


def _texts(blocks):
    return [[w["text"] for line in block for w in line if w["text"][0] not in "w\u2022"] for block in blocks]


def test_labels_on_the_main_grid_beside_a_wrapped_sentence_stay_a_sidebar():
    # A label every other grid line (its bar, a shape, on the line between), each on the
    # baseline of a line of the main column that continues the sentence above it: a sidebar.
    words = []
    for i in range(12):
        words += _sentence(150, 13 * i, 8)
    for i in range(5):
        words.append(_word(f"Skill{i}", 20, 26 * i + 13, width=60))
    blocks = order_blocks(group_lines(words), 0, 560)
    assert _texts(blocks) == [[f"Skill{i}" for i in range(5)], []]


def test_labels_beside_a_list_running_on_stay_a_sidebar():
    words = []
    for i in range(12):
        words += [_word("\u2022", 150, 13 * i, width=4)] + _sentence(161, 13 * i, 4 + i % 3)  # one-line items
    for i in range(5):
        words.append(_word(f"Skill{i}", 20, 26 * i + 13, width=60))
    blocks = order_blocks(group_lines(words), 0, 560)
    assert _texts(blocks)[0] == [f"Skill{i}" for i in range(5)]
    assert all("Skill" not in w for block in _texts(blocks)[1:] for w in block)


def test_row_labels_beside_the_first_line_of_each_block_stay_rows():
    # The same labels where each stands beside a block that opens after white space: rows.
    words, top = [], 0
    for label in ("Profile", "Experience", "Education", "Skills"):
        words.append(_word(label, 20, top, width=60))
        for i in range(3):
            words += _sentence(150, top + 13 * i, 8 - 2 * (i == 2))
        top += 13 * 3 + 12
    blocks = order_blocks(group_lines(words), 0, 560)
    assert [b for b in _texts(blocks) if b] == [["Profile"], ["Experience"], ["Education"], ["Skills"]]
