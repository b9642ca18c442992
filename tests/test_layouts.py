"""Reading order on the layouts of public templates (issue 18 part 7): every pattern at a phrase
integrity of 0.9 or better, its headings found as sections, its columns kept apart.

The documents are drawn by tests/layouts.py, in reading order; the measure is
benchmarks/phrase_integrity.py, which takes that drawing order as the truth."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import layouts  # noqa: E402
import phrase_integrity  # noqa: E402

from resumematch.parsers import parse  # noqa: E402

ENGINES = ["auto", "pdfplumber"]

# The sections each layout shows a heading for.
SECTIONS = {
    "infographic": {"contact", "skills", "languages", "summary", "experience", "education", "certifications"},
    "right_sidebar": {
        "summary", "experience", "education", "skills", "certifications", "contact", "languages", "interests",
    },
    "classic": {"summary", "experience", "education", "certifications", "skills"},
    "rows": {"summary", "experience", "education", "skills", "certifications", "languages"},
    "two_column_lines": {"summary", "experience", "education", "skills", "certifications", "projects", "languages"},
}
# Text of another column (or of the heading column) that must stay out of the Experience section.
ELSEWHERE = {
    "infographic": ["Fiber splicing and OTDR", "marcus.delgado@example.com", "Spanish"],
    "right_sidebar": ["Fiber splicing and OTDR", "Cisco Certified Network Associate", "amateur radio"],
    "classic": ["Cisco Certified Network Associate"],
    "rows": ["Skills", "Education", "Cisco Certified Network Associate"],
    "two_column_lines": ["Coursework in routing", "OTDR traces", "Cisco Certified Network Associate"],
}

# Text each section must hold (beyond its heading), per section name.
CONTENT = {
    "summary": "seven years of experience keeping broadband subscribers online",
    "experience": layouts.KEY_BULLET,
    "education": "Associate of Applied Science",
    "skills": "Fiber splicing",
    "certifications": "CompTIA Network+",
    "contact": "marcus.delgado@example.com",
    "languages": "Spanish",
    "projects": "home lab",
    "interests": "amateur radio",
}

_CACHE: dict[tuple[str, str], object] = {}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(layout: str, engine: str):
    """(pdf bytes, parsed document) of one layout, built and parsed once per engine."""
    key = (layout, engine)
    if key not in _CACHE:
        data = layouts.LAYOUTS[layout]()
        _CACHE[key] = (data, parse(data, name=f"{layout}.pdf", pdf_engine=engine))
    return _CACHE[key]


def integrity(data: bytes, text: str) -> tuple[float, int, list[str]]:
    """phrase_integrity.integrity, on bytes and on text parsed by a chosen engine."""
    wanted = phrase_integrity.phrases(phrase_integrity.drawn_lines(data))
    parsed = phrase_integrity._letters(phrase_integrity._tokens(text))
    broken = [" ".join(tokens) for _, tokens in wanted if phrase_integrity._letters(tokens) not in parsed]
    return 1 - len(broken) / len(wanted), len(wanted), broken


def _section(document, name: str) -> str:
    return "".join(document.text[s.start:s.end] for s in document.sections if s.name == name)


def _experience(document) -> str:
    return _section(document, "experience")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_reads_at_0_9_phrase_integrity_or_better(layout, engine):
    data, document = _read(layout, engine)
    share, count, broken = integrity(data, document.text)
    print(f"\n{layout} [{engine}]: {share:.3f} of {count} phrases; broken: {broken}")
    assert count >= 40  # a full page of phrases to judge
    assert share >= 0.9, broken


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_headings_are_found_as_sections(layout, engine):
    _, document = _read(layout, engine)
    found = {s.name for s in document.sections}
    assert SECTIONS[layout] <= found, (SECTIONS[layout] - found, [(s.name, s.heading) for s in document.sections])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_sections_hold_their_own_content(layout, engine):
    # A heading read apart from what it heads (a column of row headings, a band read before the
    # sidebar) gives a section that is found but empty.
    _, document = _read(layout, engine)
    missing = {name: CONTENT[name] for name in SECTIONS[layout]
               if _squeeze(CONTENT[name]).lower() not in _squeeze(_section(document, name)).lower()}
    assert not missing, [(s.name, document.text[s.start:s.end][:60]) for s in document.sections]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_keeps_the_wrapped_summary_whole(layout, engine):
    # The summary is the main column's first paragraph, beside the sidebar's name and title.
    _, document = _read(layout, engine)
    assert _squeeze(layouts.SUMMARY) in _squeeze(document.text)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_keeps_a_wrapped_experience_bullet_whole(layout, engine):
    # A bullet wrapped over two or three lines comes out whole: no line of another column in it.
    _, document = _read(layout, engine)
    assert _squeeze(layouts.KEY_BULLET) in _squeeze(document.text)
    assert _squeeze(layouts.KEY_BULLET) in _squeeze(_experience(document))
    for title, _, _, _, bullets in layouts.JOBS:
        for bullet in bullets:
            assert _squeeze(bullet) in _squeeze(document.text), bullet


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
def test_layout_keeps_other_columns_out_of_experience(layout, engine):
    _, document = _read(layout, engine)
    experience = _experience(document)
    assert experience
    leaked = [text for text in ELSEWHERE[layout] if text in experience]
    assert not leaked, leaked


# --- the geometry alone ------------------------------------------------------------------------

from resumematch.parsers.pdf_layout import group_lines, order_blocks  # noqa: E402


def _word(text, x, top, width=40, size=10):
    return {"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size}


def _text_line(text, x, top, width):
    """A line of running text: ``text`` and filler words up to ``width`` points."""
    words = [_word(text, x, top)]
    while words[-1]["x1"] + 45 <= x + width:
        words.append(_word("and", words[-1]["x1"] + 5, top))
    return words


def _texts(blocks):
    return [[w["text"] for line in block for w in line if w["text"] != "and"] for block in blocks]


def test_a_column_of_row_labels_is_read_row_by_row():
    # Each label on the baseline of the first line of its row, content lines alone between them.
    words, top = [], 0
    for label in ("Profile", "Experience", "Education", "Skills"):
        words.append(_word(label, 20, top, width=60))
        for i in range(3):
            words += _text_line(f"{label[0]}{i}", 150, top + 13 * i, 380 - 60 * (i % 2))
        top += 13 * 3 + 12
    assert _texts(order_blocks(group_lines(words), 0, 600)) == [
        ["Profile", "P0", "P1", "P2"],
        ["Experience", "E0", "E1", "E2"],
        ["Education", "E0", "E1", "E2"],
        ["Skills", "S0", "S1", "S2"],
    ]


def test_a_sparse_sidebar_off_the_main_baselines_stays_a_column():
    # Sidebar lines spaced wider than the main column's, each beside a main line but not on its
    # baseline: a column of its own, read whole before the main column.
    words = []
    for i in range(12):
        words += _text_line(f"M{i}", 150, 13 * i, 380 - 60 * (i % 3))
    for i in range(4):
        words.append(_word(f"S{i}", 20, 39 * i + 4, width=60))
    assert _texts(order_blocks(group_lines(words), 0, 600)) == [
        ["S0", "S1", "S2", "S3"],
        [f"M{i}" for i in range(12)],
    ]


def test_a_timeline_inside_the_main_column_keeps_the_sidebar_whole():
    # The main column starts its lines at two x (dates, job text): still one column beside the
    # sidebar, and each date is read with its job.
    words, top = [], 0
    for i in range(16):
        words.append(_word(f"S{i}", 20, 13 * i + 6, width=110))  # sidebar, off the main baselines
    words += _text_line("Summary", 200, top, 350)
    words += _text_line("wrapped", 200, top + 13, 200)
    top += 30
    for job in ("A", "B", "C"):
        words += [_word(f"20{job}", 200, top), _word(f"to{job}", 200, top + 13)]  # a range on two lines
        for i in range(4):
            words += _text_line(f"{job}{i}", 290, top + 13 * i, 260 - 50 * (i % 2))
        top += 13 * 4 + 10
    assert _texts(order_blocks(group_lines(words), 0, 600)) == [
        [f"S{i}" for i in range(16)],
        ["Summary", "wrapped"],
        ["20A", "toA", "A0", "A1", "A2", "A3"],
        ["20B", "toB", "B0", "B1", "B2", "B3"],
        ["20C", "toC", "C0", "C1", "C2", "C3"],
    ]
