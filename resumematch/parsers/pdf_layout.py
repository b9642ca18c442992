"""Reading order for the words of one PDF page: lines, columns, letter-spaced headings.

Pure geometry over word boxes (dicts with ``text``, ``x0``, ``x1``, ``top``, ``bottom``,
``size``), so it can be tested without a PDF. The column finder looks for a vertical gutter:
an x position that no word crosses over a long run of consecutive lines, with text on both
sides and a left-aligned right-hand side. Right-aligned date columns do not count, so
"Network Technician ........ 2021 - Present" stays on one line. A column of row labels (a
table's row headings, a timeline's dates) is no reading column either: each label is read with
the row it heads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from statistics import median

Word = dict
Line = list  # of Word, left to right

# Points of white space a gutter needs on each side of its centre line: 12 pt in all, wider than
# the hanging indent between a bullet and its text (7 pt in reportlab, a little more in Word).
_GUTTER_MARGIN = 6.0
_GUTTER_STEP = 2.0
_MIN_COLUMN_LINES = 4
_MAX_DEPTH = 3


def group_lines(words: list[Word]) -> list[Line]:
    """Cluster words into lines: a word joins the line whose vertical band holds its middle."""
    lines: list[Line] = []
    band_top = band_bottom = None
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        if lines and band_top <= middle <= band_bottom:
            lines[-1].append(word)
            continue
        lines.append([word])
        band_top, band_bottom = word["top"], word["bottom"]
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def order_blocks(lines: list[Line], x_min: float, x_max: float, depth: int = 0) -> list[list[Line]]:
    """Split lines into blocks read one after another: above, left column, right column, below
    (or, for a column of row labels, above, each row with its label, below)."""
    if depth >= _MAX_DEPTH or len(lines) < _MIN_COLUMN_LINES:
        return [lines] if lines else []
    split = _find_gutter(lines, x_min, x_max)
    if split is None:
        return [lines]
    x, start, end = split
    rows = label_rows(lines[start:end], x)
    if rows is not None:
        middle = [block for row in rows for block in _read_row(row, x, x_max, depth)]
    else:
        left, right = _sides(lines[start:end], x)
        middle = order_blocks(left, x_min, x, depth + 1) + order_blocks(right, x, x_max, depth + 1)
    above = order_blocks(lines[:start], x_min, x_max, depth + 1)
    return above + middle + order_blocks(lines[end:], x_min, x_max, depth + 1)


def _centre(word: Word) -> float:
    return (word["x0"] + word["x1"]) / 2


def _sides(lines: list[Line], x: float) -> tuple[list[Line], list[Line]]:
    """The parts of the lines left and right of ``x``, lines with nothing on a side left out."""
    left = [part for line in lines if (part := [w for w in line if _centre(w) < x])]
    right = [part for line in lines if (part := [w for w in line if _centre(w) >= x])]
    return left, right


# A row label is a line or two (a heading that wraps, a date range set on two lines), a few words.
_MAX_LABEL_LINES = 3
_MAX_LABEL_WORDS = 5
# A label and the first line of its row share a baseline (or a top), within this fraction of the size.
_ROW_ALIGN = 0.2


def label_rows(lines: list[Line], x: float) -> list[list[Line]] | None:
    """The lines cut into rows, one per label left of ``x``, or None when the left side is a
    reading column of its own.

    A table of rows (a heading cell beside each section's content, a timeline's dates beside
    each job) leaves a white gutter like two columns do, but read as two columns all its labels
    come first and then all the content, so every section is empty but the last. Its labels are
    few and short, each stands beside a line of content on that line's baseline, and content
    lines stand alone between them. A sidebar's lines follow each other down the page, or drift
    off the baselines of the main column beside them."""
    labelled = [i for i, line in enumerate(lines) if any(_centre(w) < x for w in line)]
    groups = _consecutive(labelled)
    if len(groups) < 2 or any(len(group) > _MAX_LABEL_LINES for group in groups):
        return None
    if len(lines) - len(labelled) < len(labelled):
        return None  # labels are few: no more of their lines than lines of content alone
    for i in labelled:
        left, right = _sides([lines[i]], x)
        if not right or len(left[0]) > _MAX_LABEL_WORDS:
            return None
    if not all(_on_one_row(*_sides([lines[group[0]]], x)) for group in groups):
        return None
    if not all(_opens_a_row(lines, group[0], x) for group in groups):
        return None  # a label beside the middle of a paragraph or a list: a sidebar on the same grid
    cuts = [group[0] for group in groups]
    if cuts[0] != 0:
        cuts.insert(0, 0)  # content above the first label is a row of its own
    return [lines[a:b] for a, b in zip(cuts, cuts[1:] + [len(lines)])]


def _consecutive(indices: list[int]) -> list[list[int]]:
    """Runs of consecutive numbers: [2, 3, 7, 9, 10] -> [[2, 3], [7], [9, 10]]."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _on_one_row(left: list[Line], right: list[Line]) -> bool:
    """A label and the line beside it are set on one baseline, or hung from one top."""
    label, content = left[0][0], right[0][0]
    slack = _ROW_ALIGN * max(label["size"], content["size"])
    return abs(label["bottom"] - content["bottom"]) <= slack or abs(label["top"] - content["top"]) <= slack


def _opens_a_row(lines: list[Line], i: int, x: float) -> bool:
    """Whether the content beside the label on line ``i`` begins there, as a row's content does.

    A row label heads its content, so the line beside it opens something: the run, a block after
    white space, a heading or a title. An infographic's sidebar laid on the main column's grid
    (a skill's label, its bar drawn as a shape on the line below, the next label) puts short
    labels beside every other line of the main column whatever those lines say: one of them
    stands beside the middle of a sentence the layout wrapped, or of a list running on at the
    ordinary line distance, where no row begins."""
    if i == 0:
        return True
    _, above = _sides([lines[i - 1]], x)
    _, here = _sides([lines[i]], x)
    if not above:
        return True  # nothing of the content column just above: white space, a new block
    above, here = above[0], here[0]
    size = max(w["size"] for w in here)
    if min(w["top"] for w in here) - max(w["bottom"] for w in above) > 0.8 * size:
        return True  # a gap before it: a new block
    if here[0]["text"][:1] in BULLETS:
        # A list runs on when the line above is an item too, or an item's wrapped line (it starts
        # where the text after this bullet starts: the hanging indent).
        indent = here[1]["x0"] if len(here) > 1 else here[0]["x1"]
        return not (above[0]["text"][:1] in BULLETS or abs(above[0]["x0"] - indent) <= 2.5)
    right = max(w["x1"] for line in lines for w in line if _centre(w) >= x)
    return not _continues(above, here, right)


def _read_row(row: list[Line], x: float, x_max: float, depth: int) -> list[list[Line]]:
    """A row of a label column: its label on a line of its own, then its content in order."""
    label, content = _sides(row, x)
    blocks = order_blocks(content, x, x_max, depth + 1)
    if not label:
        return blocks
    return [label + blocks[0]] + blocks[1:] if blocks else [label]


def _find_gutter(lines: list[Line], x_min: float, x_max: float) -> tuple[float, int, int] | None:
    """The best gutter as (x, first line, end line), or None for a single column."""
    width = x_max - x_min
    lefts = [line[0]["x0"] for line in lines]
    rights = [line[-1]["x1"] for line in lines]
    xs = []
    x = x_min + 0.15 * width
    while x <= x_max - 0.15 * width:
        xs.append(x)
        x += _GUTTER_STEP
    # For each candidate x, the lines a word crosses there (x strictly inside a word's box widened
    # by the margin), found once per word by bisection rather than per x and word: the pages of
    # a two-column resume have a few hundred candidates and as many words.
    crossed: list[list[int]] = [[] for _ in xs]
    for i, line in enumerate(lines):
        for word in line:
            for k in range(bisect_right(xs, word["x0"] - _GUTTER_MARGIN), bisect_left(xs, word["x1"] + _GUTTER_MARGIN)):
                at = crossed[k]
                if not at or at[-1] != i:
                    at.append(i)
    # Lines that open with a bullet and hold another one further on (a row of a two-column
    # list), counted from the top, so a run is tried as a list only where it can be one.
    paired = [0]
    for line in lines:
        paired.append(paired[-1] + (line[0]["text"][:1] in BULLETS and any(w["text"][:1] in BULLETS for w in line[1:])))
    best: tuple[int, int, int, int] | None = None  # (lines, score, start, end)
    best_xs: list[float] = []
    for x, blocked in zip(xs, crossed):
        start = 0
        # Runs of consecutive lines no word crosses at x, each ended by a crossed line or the end.
        for blocked_at in (*blocked, len(lines)):
            i = blocked_at
            grid = paired[i] - paired[start] >= 2 and _list_grid(lines, start, i, x)
            if grid:
                # A list set in two columns ends with its last row: lines below it on one side
                # only (the next heading, a job's title) are no part of its left column.
                i = max(k for k in range(start, i) if any(_centre(w) >= x for w in lines[k])) + 1
            if i - start >= _MIN_COLUMN_LINES or grid:
                score = _score_run(lines, start, i, x, lefts, rights) or (grid and 2 * (i - start))
                # The gutter that runs furthest down the page wins: a column's own narrow column
                # (a timeline's dates beside its jobs) has a gutter too, but a shorter one.
                candidate = (i - start, score, start, i)
                if score and (best is None or candidate > best):
                    best, best_xs = candidate, [x]
                elif score and candidate == best:
                    best_xs.append(x)
            start = blocked_at + 1
    if best is None:
        return None
    return median(best_xs), best[2], best[3]


def _list_grid(lines: list[Line], start: int, end: int, x: float) -> bool:
    """A list set in two columns (a Skills block of two columns of bullets): on two lines or more,
    an item's bullet opens the text on each side of ``x``, and wherever both sides have text their
    items start side by side (a sidebar's bullets beside the main column's fall beside wrapped
    lines too). Its rows are few, fewer than a column needs, and its items wrap, so read across
    the page every wrapped item is cut in two."""
    rows = 0
    for i in range(start, end):
        left = [w for w in lines[i] if _centre(w) < x]
        right = [w for w in lines[i] if _centre(w) >= x]
        if left and right:
            opens = (left[0]["text"][:1] in BULLETS, right[0]["text"][:1] in BULLETS)
            if opens[0] != opens[1]:
                return False  # items that do not start side by side: two columns of text, not rows of a list
            rows += opens[0]
    return rows >= 2


def _score_run(lines, start, end, x, lefts, rights) -> int:
    """Lines with text on each side of ``x``, or 0 when the run is not a pair of columns."""
    # Bullets alone on the left are a list's markers, not a column (Word sets its bullet a
    # hanging indent of 18 pt before the text, wider than any gutter margin).
    left_lines = sum(1 for i in range(start, end) if any(w["x1"] < x and w["text"] not in BULLETS for w in lines[i]))
    right_starts = [min(w["x0"] for w in lines[i] if w["x0"] > x) for i in range(start, end) if rights[i] > x]
    if left_lines < _MIN_COLUMN_LINES or len(right_starts) < _MIN_COLUMN_LINES:
        return 0
    if not _left_aligned(right_starts):
        return 0
    # Right-aligned short fragments (dates, places) beside the text are not a column.
    right_ends = [rights[i] for i in range(start, end) if rights[i] > x]
    flush = sum(1 for r in right_ends if abs(r - max(right_ends)) <= 3)
    fragment_words = median(sum(1 for w in lines[i] if w["x0"] > x) for i in range(start, end) if rights[i] > x)
    if flush >= 0.8 * len(right_ends) and fragment_words <= 5:
        return 0
    return left_lines + len(right_starts)


def _left_aligned(starts: list[float]) -> bool:
    """A reading column is left-aligned: most of its lines start at one x, give or take the
    indent of a bullet or a wrapped line. A column that holds a narrow column of its own (a
    timeline's dates left of the job text) starts its lines at two: nearly all at one or the other."""
    first = _anchor(starts)
    aligned = sum(1 for s in starts if first - 3 <= s <= first + 14)
    if aligned >= 0.5 * len(starts):
        return True
    rest = [s for s in starts if not first - 3 <= s <= first + 14]
    second = _anchor(rest)
    return aligned + sum(1 for s in rest if second - 3 <= s <= second + 14) >= 0.8 * len(starts)


def _anchor(starts: list[float]) -> float:
    """Where most lines start: the first quartile of the starts, so that a stray line further
    left does not count."""
    return sorted(starts)[len(starts) // 4]


# Letters closer than this fraction of the font size belong to one word, whatever their colour,
# font or size: the same rule that builds words (pdf.WORD_GAP_RATIO), applied across runs.
_TOUCHING_GAP = 0.12
# ...provided they stand on one baseline, give or take this fraction of the size (small caps
# and a bigger initial share a baseline; a superscript does not).
_BASELINE_SLACK = 0.3


def join_touching(line: Line) -> Line:
    """Join words that touch but were drawn in different runs: an accent-coloured initial
    ("Sum" + "mary"), small caps ("S" + "UMMARY"), a bold first letter. Word builders split at
    every change of colour, font or size, which a reader does not see as a space."""
    out: Line = []
    for word in line:
        if out and _touches(out[-1], word):
            previous = out[-1]
            merged = dict(previous)
            merged["text"] = previous["text"] + word["text"]
            merged["x1"] = max(previous["x1"], word["x1"])
            merged["top"] = min(previous["top"], word["top"])
            merged["bottom"] = max(previous["bottom"], word["bottom"])
            merged["size"] = max(previous["size"], word["size"])
            out[-1] = merged
        else:
            out.append(word)
    return out


def _touches(previous: Word, word: Word) -> bool:
    size = min(previous["size"], word["size"])
    gap = word["x0"] - previous["x1"]
    if not -0.15 * size <= gap <= _TOUCHING_GAP * size:
        return False  # a space apart, or drawn over each other
    # Two letters that look like separate items: a bullet or a separator stays a word of its own.
    if not (previous["text"][-1:].isalnum() and (word["text"][:1].isalnum() or word["text"][:1] in ",.;:!?)")):
        return False
    return abs(previous["bottom"] - word["bottom"]) <= _BASELINE_SLACK * max(previous["size"], word["size"])


# Characters that open a list item when they stand first on a line.
BULLETS = frozenset("•·●○◦▪▫■□‣⁃∙–—-*➢➤►▶✓✔❖◆◇")
# A break between two lines is a wrap when the next line's first word would not have fitted at
# the end of the line before: the right edge is this close (points) to where it would end.
_WRAP_SLACK = 2.0


def join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """Join each line that only continues the one before it, as the layout program wrapped it.

    A PDF knows no paragraphs: a bullet that runs to two lines is two lines, and every per-line
    check would count two items, one of them cut mid-sentence. A line continues the one before
    when the first word of it could not have fitted there (the break was forced by the right
    edge), it starts no list item, it is set in the same size and weight, it follows at the
    ordinary line distance, and it starts where the text of the line before starts (or where
    that line's text begins after its bullet: a hanging indent). Lines with a wide gap inside
    them (a right-aligned date) are rows of a layout, not running text, and stay as they are.
    """
    if len(lines) < 2:
        return lines
    right = max(line[-1]["x1"] for line in lines)
    out: list[Line] = [lines[0]]
    for line in lines[1:]:
        previous = out[-1]
        if _continues(previous, line, right):
            out[-1] = previous + line
        else:
            out.append(line)
    return out


def _continues(previous: Line, line: Line, right: float) -> bool:
    first, last = line[0], previous[-1]
    size = first["size"]
    if first["text"][:1] in BULLETS or abs(size - last["size"]) > 0.5 or _weight(first) != _weight(last):
        return False
    if last["text"].endswith(("-", "\u00ad")):
        return False  # a hyphenated word: joined later, with the hyphen judged (cleanup.py)
    if len(previous) < 4 and not first["text"][:1].islower():
        return False  # a short line and a capital: items of a list, not a wrapped sentence
    if _detail(first) or _detail(last):
        return False  # stacked contact details (a phone, then an email, then a URL) are one per line
    space = 0.25 * size
    if last["x1"] + space + (first["x1"] - first["x0"]) < right - _WRAP_SLACK:
        return False  # the word would have fitted: the line was ended on purpose
    line_top = min(w["top"] for w in line)
    previous_bottom = max(w["bottom"] for w in previous)
    if not -0.2 * size <= line_top - previous_bottom <= 0.8 * size:
        return False  # a gap before it: a new paragraph
    text = previous[1:] if previous[0]["text"][:1] in BULLETS else previous  # a bullet's indent is no gap
    if any(b["x0"] - a["x1"] > 3 * space for a, b in zip(text, text[1:])):
        return False  # a row of a layout (title and right-aligned dates), not running text
    starts = [previous[0]["x0"]]
    if previous[0]["text"][:1] in BULLETS and len(previous) > 1:
        starts.append(previous[1]["x0"])  # a hanging indent lines up with the text, not the bullet
    return any(abs(first["x0"] - x) <= 2.5 for x in starts)


def _detail(word: Word) -> bool:
    """An email address, a URL or a phone number: not words a sentence wraps between."""
    text = word["text"]
    return "@" in text or "/" in text or "www." in text or sum(c.isdigit() for c in text) >= 5


def _weight(word: Word) -> bool:
    return "bold" in word.get("fontname", "").lower()


def join_letter_spacing(line: Line) -> Line:
    """Join runs of three or more spaced single letters ("J A R E D" -> "JARED").

    A gap clearly wider than the letter spacing inside the run separates two words
    ("J A N E  D O E" -> "JANE", "DOE").
    """
    out: Line = []
    run: Line = []
    for word in line + [None]:
        if word is not None and len(word["text"]) == 1 and word["text"].isalpha():
            run.append(word)
            continue
        if len(run) >= 3:
            gaps = [b["x0"] - a["x1"] for a, b in zip(run, run[1:])]
            typical = median(gaps)
            group = [run[0]]
            for gap, letter in zip(gaps, run[1:]):
                if gap > max(1.8 * typical, typical + 0.25 * letter["size"]):
                    out.append(_merge(group))
                    group = []
                group.append(letter)
            out.append(_merge(group))
        else:
            out.extend(run)
        run = []
        if word is not None:
            out.append(word)
    return out


def _merge(words: list[Word]) -> Word:
    merged = dict(words[0])
    merged["text"] = "".join(w["text"] for w in words)
    merged["x1"] = words[-1]["x1"]
    return merged


def display_lines(words: list[Word], box) -> list[tuple[str, float, float]]:
    """(text, size, top as a fraction of the page's height) of each line of a page, letter-spacing
    joined: what names.py looks through for the name, the largest text near the top."""
    top, height = box[1], (box[3] - box[1]) or 1.0
    out = []
    for line in group_lines(words):
        for piece in _pieces(join_letter_spacing(join_touching(line))):
            text = " ".join(w["text"] for w in piece).strip()
            if text:
                size = max(w["size"] for w in piece)
                out.append((text, round(size, 2), round((min(w["top"] for w in piece) - top) / height, 4)))
    return out


def _pieces(line: Line) -> list[Line]:
    """A line cut where a gap of several letters parts it: a sidebar's line and the main
    column's line beside it share a height, not a meaning."""
    pieces: list[Line] = []
    for word in line:
        if pieces and word["x0"] - pieces[-1][-1]["x1"] <= 2.5 * max(word["size"], pieces[-1][-1]["size"]):
            pieces[-1].append(word)
        else:
            pieces.append([word])
    return pieces
