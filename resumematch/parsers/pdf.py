"""PDF resumes, read with pdfplumber one column at a time."""

from __future__ import annotations

import io
import re

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
    ResumeMatchError,
)
from ..limits import ParseLimits
from ..types import Layout
from .budget import Deadline
from .cleanup import ICON_FONT, join_hyphenated_breaks, normalize_text, strip_junk
from .extracted import Extracted
from .ocr import ocr_summary, picture_warnings
from .pdf_layout import BULLETS, display_lines, group_lines, join_letter_spacing, join_touching, join_wrapped_lines, order_blocks

# Word breaks at gaps wider than this fraction of the font size. pdfplumber's fixed 3 pt
# default runs LaTeX words together ("ConsultantandSoftwareDeveloper"): TeX draws no space
# characters, and its inter-word gap is about 0.2 em against about 0 inside a word.
WORD_GAP_RATIO = 0.12
# PDF producers that lay text out like a browser, which never hyphenates words on its own.
_BROWSER = re.compile(r"skia|chrom|weasyprint|cairo|wkhtmltopdf|headless|prince", re.I)
# Text below this size (points) cannot be read on a printed page: a way to hide keywords.
_MIN_VISIBLE_SIZE = 2.5
# Running headers and footers live in the top and bottom tenth of a page.
_MARGIN_ZONE = 0.1


def read_pdf(data: bytes, source: str, limits: ParseLimits, deadline: Deadline, engine: str = "auto") -> Extracted:
    """Read a PDF. ``engine`` "auto" reads pages through pdfium where it can be as faithful
    (see pdf_fast.py) and through pdfplumber otherwise; "pdfplumber" uses pdfplumber only."""
    from .pdf_streams import check_streams

    check_streams(data, source, limits.max_unzipped_bytes)
    deadline.check()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise _open_error(exc, source) from None
    with pdf:
        pages = _page_count(pdf, source)
        if pages > limits.max_pages:
            raise DocumentTooLargeError(
                source,
                f"has {pages} pages, more than the limit of {limits.max_pages}; "
                "a resume should be a few pages long",
            )
        from .pdf_forms import check_forms, page_contents
        from .pdf_streams import check_page_contents

        # Before any page is drawn: what each page draws, however its streams are labelled.
        check_page_contents(page_contents(pdf.pages), source, limits.max_unzipped_bytes)
        check_forms([page.page_obj for page in pdf.pages], source)
        deadline.check()
        metadata = pdf.metadata
        # pdfium is opened whichever engine builds the words: it alone sees drawing order,
        # clipping and render modes, which decide what is hidden (pdf_hidden.py).
        fast = _open_fast(data)
        from .pdf_ocr import PicturePages

        pictures = PicturePages(data, source, limits, deadline)
        if fast is not None:
            fast.judge = _judge(pdf, fast)
            if fast.judge.off_layers:
                from .pdf_fonts import annotations_off

                fast.off_annotations = annotations_off(pdf.pages, fast.judge.off_layers)
        blocks: list[str] = []
        links: list[str] = []
        seen_margin_lines: set[str] = set()
        columns = images = hidden = 0
        display: list[tuple[str, float, float]] = []
        try:
            for index, page in enumerate(pdf.pages):
                deadline.check()
                try:
                    page_words = (_fast_page(fast, index) if engine == "auto" else None) or _plumber_page(
                        page, _hidden_boxes(fast, index), fast.judge if fast is not None else None
                    )
                    words, page_links, page_images, fills, box, hidden_boxes = page_words
                    page_blocks, page_columns, page_hidden, kept = _layout_page(
                        words, box, seen_margin_lines, fills, hidden_boxes
                    )
                    if not kept and (read := pictures.words(fast, index)) is not None:
                        # No text a reader can see: the page is a picture, read by OCR.
                        ocr_words, ocr_box = read
                        page_blocks, page_columns, _, kept = _layout_page(ocr_words, ocr_box, seen_margin_lines, None)
                    page_links = _anchored_links(page_links, kept)
                    if index == 0:
                        display = display_lines(kept, box)
                except ResumeMatchError:
                    raise
                except Exception as exc:
                    if deadline.expired:  # pdfplumber wraps our timeout in its own exception
                        raise deadline.error() from None
                    raise CorruptDocumentError(
                        source, f"could not be read as PDF (page {page.page_number}: {type(exc).__name__}); export it again"
                    ) from None
                finally:
                    page.close()
                links.extend(page_links)
                images += page_images
                hidden += page_hidden
                blocks.extend(page_blocks)
                columns = max(columns, page_columns)
        finally:
            pictures.close()
            if fast is not None:
                hidden += fast.invisible_chars
                fast.close()
    hyphenated = not _BROWSER.search(f"{metadata.get('Producer', '')} {metadata.get('Creator', '')}")
    warnings: list[str] = []
    text = join_hyphenated_breaks(normalize_text("\n\n".join(blocks), soft_hyphen="-", notes=warnings), hyphenated=hyphenated)
    if not text.strip():
        raise NoTextLayerError(source, _no_text_reason(pictures))
    warnings += picture_warnings(pictures.read_pages, pictures.unread)
    if hidden:
        kinds = ", ".join(fast.judge.kinds) if fast is not None and fast.judge.kinds else (
            "invisible, white, tiny, off the page, clipped or covered")
        warnings.append(
            f"{hidden} characters of hidden text ({kinds}) were ignored; "
            "ATS software and recruiters treat hidden keywords as stuffing"
        )
    if fast is not None and fast.judge.any_lying:
        warnings.append(
            "a font's Unicode map contradicts the glyphs it draws (the text copied is not the text shown); "
            "that text was not read"
        )
    layout = Layout(columns=max(columns, 1), images=images, hidden_chars=hidden)
    author = str(metadata.get("Author") or "").strip() if isinstance(metadata.get("Author"), str) else ""
    return Extracted(
        text=text, pages=pages, layout=layout, links=links, warnings=warnings, author=author,
        ocr=ocr_summary(pictures.read_pages), display=display,
    )


def _no_text_reason(pictures) -> str:
    from .ocr import MISSING

    if pictures.unread:
        return f"no text layer (scanned image?): {MISSING}, or send the PDF your editor exports"
    if pictures.read_pages:
        return "no text layer (scanned image?), and OCR found no words on it: send the PDF your editor exports"
    return (
        "no text layer (scanned image?); ATS software cannot read it either: "
        "export the resume from your word processor as PDF, or send a DOCX"
    )


def _judge(pdf, fast):
    """What the catalog and the fonts say about which text is seen (pdf_fonts.py)."""
    from .pdf_fonts import lying_fonts, off_layers
    from .pdf_hidden import TextJudge

    try:
        lying, any_lying, shared = lying_fonts(pdf.pages)
    except Exception:
        lying, any_lying, shared = frozenset(), False, frozenset()
    judge = TextJudge(off_layers(pdf.doc), lying, shared)
    judge.any_lying = any_lying
    if shared:
        from .pdf_glyphs import GlyphWitness

        judge.witness = GlyphWitness(fast.document.raw)
    return judge


def _open_fast(data: bytes):
    from .pdf_fast import FastPDF

    try:
        return FastPDF(data)
    except Exception:
        return None  # pdfplumber reads every page, as before


def _fast_page(fast, index: int):
    """(words, links, images, fills) from pdfium, or None to read the page with pdfplumber."""
    if fast is None:
        return None
    try:
        result = fast.page_words(index, WORD_GAP_RATIO)
    except Exception:
        return None
    if result is None:
        return None
    words, links, images = result
    # No fills and no hidden boxes: pdfium judged colours against what is beneath them and left
    # hidden characters out itself. The box is pdfium's, in the page's own space, which is where its words are (a
    # /Rotate page included).
    return words, links, images, None, fast.last_box, ()


def _hidden_boxes(fast, index: int) -> list | None:
    """Boxes of the characters pdfium found hidden, or None when pdfium cannot judge the page."""
    if fast is None:
        return None
    try:
        return fast.hidden_boxes(index)
    except Exception:
        return None  # pdfium could not read the page; pdfplumber's own checks still apply


def _plumber_page(page, hidden_boxes, judge=None):
    if page.rotation:
        turned = _unrotated(page)
        try:
            return _plumber_page(turned, hidden_boxes, judge)
        finally:
            turned.close()
    words = page.extract_words(x_tolerance_ratio=WORD_GAP_RATIO, extra_attrs=["size", "fontname", "non_stroking_color"])
    links = [(link["uri"], (link["x0"], link["top"], link["x1"], link["bottom"])) for link in page.hyperlinks if link.get("uri")]
    if hidden_boxes is None:
        # Without pdfium, white text is judged by the filled shapes and pictures on the page,
        # whatever their drawing order.
        fills = [r for r in page.rects + page.curves if r.get("fill") and not _is_white(r.get("non_stroking_color"))]
        fills += page.images
        hidden_boxes = ()
    else:
        fills = None  # pdfium compared each letter's colour with what is beneath it
    blots = _collapsed(page.chars)
    if blots:
        hidden_boxes = [*hidden_boxes, *blots]
        if judge is not None:
            from .pdf_hidden import COLLAPSED

            judge.count(COLLAPSED, len(blots))
    # The visible area is the crop box (pdfplumber's bbox is the whole media box).
    box = _intersect_boxes(page.bbox, getattr(page, "cropbox", None) or page.bbox)
    return words, links, len(page.images), fills, box, hidden_boxes


# Letters of a run drawn this close to the one before (a share of the font size) are drawn on one
# spot: advances set to nothing (character spacing, a zero-width font) pile a phrase into a blot.
_SAME_SPOT = 0.05
_BLOT_LETTERS = 3


def _collapsed(chars: list[dict]) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom) of letters drawn in runs of three or more on one spot: an
    ink blot, not words a reader can see."""
    boxes: list[tuple[float, float, float, float]] = []
    run: list[dict] = []

    def close_run() -> None:
        if len(run) >= _BLOT_LETTERS:
            boxes.extend((c["x0"], c["top"], c["x1"], c["bottom"]) for c in run)

    for char in chars:
        if char.get("text", " ").isspace():
            continue
        previous = run[-1] if run else None
        size = char.get("size") or 1.0
        if previous is not None and abs(char["x0"] - previous["x0"]) <= _SAME_SPOT * size and abs(
                char["top"] - previous["top"]) <= _SAME_SPOT * size:
            run.append(char)
            continue
        close_run()
        run = [char]
    close_run()
    return boxes


def _intersect_boxes(a, b) -> tuple[float, float, float, float]:
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return tuple(float(v) for v in (box if box[0] < box[2] and box[1] < box[3] else a))


def _unrotated(page):
    """The same page read as drawn, ignoring /Rotate (how a viewer turns it for display).

    pdfplumber applies the turn to every character, so the text of a page turned 90 or 270 is
    no longer upright and 180 reads backwards; pdfium's boxes for hidden text are in the
    drawn space too."""
    page_obj = page.page_obj
    page_obj.attrs = {**page_obj.attrs, "Rotate": 0}
    page_obj.rotate = 0
    return pdfplumber.page.Page(page.pdf, page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _open_error(exc: Exception, source: str) -> Exception:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            return EncryptedDocumentError(source, "encrypted: remove the password and export again")
        cause = cause.__cause__ or cause.__context__
    return CorruptDocumentError(source, "could not be read as PDF: the file is truncated or damaged; export it again")


def _page_count(pdf, source: str) -> int:
    """Pages as the page tree declares them, read before any page is built."""
    try:
        tree = resolve1(pdf.doc.catalog["Pages"])
        count = int(resolve1(tree["Count"]))
    except Exception:
        count = -1
    if count < 0:
        raise CorruptDocumentError(source, "could not be read as PDF: it has no readable page tree; export it again")
    if count == 0:
        raise NoTextLayerError(source, "the PDF has no pages; export the resume again")
    return count


def _layout_page(
    words: list[dict], box, seen_margin_lines: set[str], dark_fills, hidden_boxes=()
) -> tuple[list[str], int, int, list[dict]]:
    """Filter one page's words, put them in reading order and join them into text blocks.

    ``hidden_boxes`` are characters pdfium judged hidden (clipped, painted over, render mode 3,
    the colour of what is beneath them) on a page whose words pdfplumber built. ``dark_fills``
    is None when pdfium judged colours, else the shapes white text may sit on."""
    kept = []
    hidden = 0
    for word in words:
        if not word.get("upright", True):
            continue  # rotated decorations; resumes keep their words horizontal
        if ICON_FONT.search(word["fontname"]):
            if word["text"] not in BULLETS:
                continue  # icons
            word["icon_bullet"] = True  # a bullet from Word's Symbol font, if it opens its line
        word["text"] = strip_junk(word["text"])
        if not word["text"]:
            continue
        if word["size"] < _MIN_VISIBLE_SIZE or _off_page(word, box) or (
            dark_fills is not None and _is_white(word.get("non_stroking_color")) and not _on_dark_fill(word, dark_fills)
        ) or _in_hidden_box(word, hidden_boxes):
            hidden += len(word["text"])  # keyword stuffing: text a reader cannot see
            continue
        kept.append(word)
    lines = [join_touching(_without_inner_icons(line)) for line in group_lines(kept)]
    lines = _drop_repeated_margin_lines(lines, box[3] - box[1], seen_margin_lines)
    blocks = order_blocks(lines, box[0], box[2])
    texts = [
        "\n".join(" ".join(w["text"] for w in join_letter_spacing(line)) for line in join_wrapped_lines(block))
        for block in blocks
    ]
    # order_blocks returns one block unless it found side-by-side columns.
    return texts, 2 if len(blocks) > 1 else 1, hidden, kept


def _anchored_links(links, words) -> list[str]:
    """The targets of links whose area holds visible text: a hyperlink over hidden (or no) text
    is no contact detail the reader was shown."""
    kept = []
    for target, (x0, top, x1, bottom) in links:
        if any(x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1 and top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1
               for w in words):
            kept.append(target)
    return kept


def _without_inner_icons(line: list) -> list:
    """A symbol-font mark is a bullet only first on its line; elsewhere it is a picture (a
    square drawn for a letter the font lacks, a separator icon)."""
    return [w for i, w in enumerate(line) if i == 0 or not w.get("icon_bullet")]


def _off_page(word: dict, box) -> bool:
    """Entirely outside the page's visible box: placed where no reader or printer shows it."""
    left, top, right, bottom = box
    return word["x1"] <= left or word["x0"] >= right or word["bottom"] <= top or word["top"] >= bottom


def _is_white(color) -> bool:
    """Gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0), give or take a little."""
    if color is None or isinstance(color, str):
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:
        return all(v <= 0.05 for v in values)
    return all(v >= 0.95 for v in values)


def _in_hidden_box(word, boxes) -> bool:
    """The word's middle falls on a character pdfium found hidden."""
    if not boxes:
        return False
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1 for x0, top, x1, bottom in boxes)


def _on_dark_fill(word, fills) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"] for r in fills)


_DIGITS = re.compile(r"\d+")


def _drop_repeated_margin_lines(lines: list[list], height: float, seen: set[str]) -> list[list]:
    """Keep a running header or footer (name, "Page 2 of 3") once, on the first page it appears."""
    kept = []
    for line in lines:
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        if top < _MARGIN_ZONE * height or bottom > (1 - _MARGIN_ZONE) * height:
            key = _DIGITS.sub("#", " ".join(w["text"] for w in line).lower())
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return kept
