"""Reading order: how many phrases of each PDF come out of resumematch.parse whole.

    python benchmarks/phrase_integrity.py [FILE.pdf ...]

A phrase is what the document's author wrote together, taken from the order the PDF draws its
text in (pdfium's text in content-stream order, which word processors, browsers and TeX write
in reading order) and from the page geometry, not from our own reader:

  line     the words of one drawn line, between wide gaps (a right-aligned date is its own
           phrase), when they number three or more;
  bridge   the two last words of a line and the two first of the next, when the next is drawn
           straight after it, directly below, at the same left edge (or a hanging indent) and
           the line ends no sentence: a sentence wrapped inside one column.

A phrase is intact when its letters follow each other in the parsed text (case, spaces,
punctuation and line breaks aside). Columns read side by side break line phrases; columns interleaved line by
line break bridges; letters split off a word break both. Prints each document's integrity (intact
phrases / phrases), worst first, and the overall figure. Default documents: the corpus PDFs
(../shared/corpus/pdf), samples/, and the reproductions of template layouts in tests/layouts.py
(infographic, sidebars, classic, rows, two columns on shared baselines) and the infographics in
tests/infographics.py (skill bars, rating dots, tags, centred sidebars on the main column's grid),
drawn in reading order.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
_TOKEN = re.compile(r"[^\W_]+")
_SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass
class _Line:
    words: list[str]
    x0: float
    top: float
    bottom: float
    size: float
    indent: float | None  # where the text starts after a leading bullet


def drawn_lines(data: bytes) -> list[list[_Line]]:
    """Per page, the lines of text in the order the PDF draws them, split at wide gaps."""
    document = pypdfium2.PdfDocument(data)
    pages = []
    try:
        for page in document:
            textpage = page.get_textpage()
            raw = textpage.raw
            left, right, bottom, top = (pdfium.ctypes.c_double() for _ in range(4))
            lines: list[_Line] = []
            chars: list[tuple[str, float, float, float, float, float]] = []

            substituted = [False]  # pdfium replaced the line's glyphs by an /ActualText
            last_origin = [None]

            def flush():
                if chars and not substituted[0]:
                    lines.extend(_split(chars))
                chars.clear()
                substituted[0] = False

            origin_x, origin_y = pdfium.ctypes.c_double(), pdfium.ctypes.c_double()
            matrix = pdfium.FS_MATRIX()
            for i in range(pdfium.FPDFText_CountChars(raw)):
                char = chr(pdfium.FPDFText_GetUnicode(raw, i) or 32)
                generated = pdfium.FPDFText_IsGenerated(raw, i)
                if generated and char in "\r\n":
                    flush()  # a line break pdfium saw (one a font maps a space glyph to is no break)
                    continue
                if char.isspace() or generated:
                    chars.append((" ", 0.0, 0.0, 0.0, 0.0, 0.0))
                    continue
                pdfium.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
                pdfium.FPDFText_GetCharOrigin(raw, i, origin_x, origin_y)
                pdfium.FPDFText_GetMatrix(raw, i, matrix)
                size = pdfium.FPDFText_GetFontSize(raw, i) * (abs(matrix.d) or abs(matrix.b) or 1.0)
                baseline = origin_y.value
                previous = next((c for c in reversed(chars) if c[0] != " "), None)
                if previous is not None and abs(baseline - previous[4] + 0.2 * previous[5]) > 0.5 * max(size, previous[5]):
                    flush()  # a jump to another baseline without a line break in the text
                elif previous is not None and (origin_x.value, baseline) == last_origin[0]:
                    substituted[0] = True  # every letter of an /ActualText sits on its first glyph
                last_origin[0] = (origin_x.value, baseline)
                # (char, left, right, top, bottom, size) with top and bottom from the baseline
                chars.append((char, left.value, right.value, baseline + 0.8 * size, baseline - 0.2 * size, size))
            flush()
            textpage.close()
            page.close()
            pages.append(lines)
    finally:
        document.close()
    return pages


def _split(chars) -> list[_Line]:
    """One drawn line into phrases at gaps wider than two font sizes."""
    pieces, current, last_right = [], [], None
    for char in chars:
        if char[0].isspace():
            current.append(char)
            continue
        if last_right is not None and char[1] - last_right > 2 * max(char[5], 1):
            pieces.append(current)
            current = []
        current.append(char)
        last_right = char[2]
    pieces.append(current)
    lines = []
    for piece in pieces:
        visible = [c for c in piece if not c[0].isspace()]
        if not visible:
            continue
        text = "".join(c[0] for c in piece)
        words = text.split()
        indent = None
        if words and len(words[0]) == 1 and not words[0].isalnum() and len(words) > 1:
            second = next((c for c in visible[1:]), None)
            indent = second[1] if second else None
        lines.append(_Line(words, visible[0][1], max(c[3] for c in visible), min(c[4] for c in visible),
                           max(c[5] for c in visible), indent))
    return lines


def phrases(pages: list[list[_Line]]) -> list[tuple[str, list[str]]]:
    """(kind, tokens) of every phrase the PDF draws."""
    found = []
    for lines in pages:
        for index, line in enumerate(lines):
            tokens = _tokens(" ".join(line.words))
            if len(tokens) >= 3:
                found.append(("line", tokens))
            if index + 1 < len(lines):
                following = lines[index + 1]
                if _wraps_into(line, following):
                    bridge = _tokens(" ".join(line.words))[-2:] + _tokens(" ".join(following.words))[:2]
                    if len(bridge) == 4:
                        found.append(("bridge", bridge))
    return found


def _wraps_into(line: _Line, following: _Line) -> bool:
    text = " ".join(line.words)
    if not text or text.endswith(_SENTENCE_END) or text.endswith("-") or len(line.words) < 4:
        return False
    if abs(line.size - following.size) > 0.5 or not following.words[0][:1].isalnum():
        return False
    gap = line.bottom - following.top  # PDF space: y grows upwards
    if not -0.3 * line.size <= gap <= 0.9 * line.size:
        return False
    return any(abs(following.x0 - x) <= 2.5 for x in (line.x0, line.indent) if x is not None)


def _tokens(text: str) -> list[str]:
    from resumematch.parsers.cleanup import expand_ligatures

    return _TOKEN.findall(expand_ligatures(text).lower())


def _letters(tokens: list[str]) -> str:
    """Letters and digits only: where one reader sees a word break and another none ("for the"
    against "forthe", "high-impact" against "highimpact") is no matter of reading order."""
    return "".join(tokens)


def integrity(path: Path) -> tuple[float, int, list[str]]:
    """(intact share, number of phrases, the broken phrases) for one PDF."""
    from resumematch import parse

    data = path.read_bytes()
    wanted = phrases(drawn_lines(data))
    if not wanted:
        return 1.0, 0, []
    text = _letters(_tokens(parse(data, name=path.name).text))
    broken = [" ".join(tokens) for _, tokens in wanted if _letters(tokens) not in text]
    return 1 - len(broken) / len(wanted), len(wanted), broken


def default_files(scratch: Path) -> list[Path]:
    files = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else []
    return files + sorted((ROOT / "samples").glob("*.pdf")) + layout_files(scratch)


def layout_files(folder: Path) -> list[Path]:
    """The template layouts of tests/layouts.py and the infographics of tests/infographics.py,
    written into ``folder``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from infographics import INFOGRAPHICS
    from layouts import LAYOUTS

    paths = []
    for name, build in {**LAYOUTS, **INFOGRAPHICS}.items():
        path = folder / f"layout-{name}.pdf"
        path.write_bytes(build())
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=3, help="broken phrases to print per document")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in args.files or default_files(Path(scratch)):
            share, count, broken = integrity(path)
            results.append((share, count, broken, path))
    total = sum(count for _, count, _, _ in results)
    intact = sum(share * count for share, count, _, _ in results)
    print(f"{'integrity':>9}  {'phrases':>7}  document (worst first)")
    for share, count, broken, path in sorted(results, key=lambda r: r[0]):
        print(f"{share:9.3f}  {count:7d}  {path.name}")
        for phrase in broken[: args.show]:
            print(f"{'':20}broken: {phrase}")
    print(f"{intact / total if total else 1:9.3f}  {total:7d}  overall ({len(results)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
