"""PNG, JPEG and TIFF resumes: a scan, a screenshot or a phone photo, read by OCR.

Every image is measured from its header before a pixel is decoded: one past
``ParseLimits.max_image_pixels`` (a 50,000 x 50,000 PNG is a few hundred kilobytes) is refused
there. A multi-page TIFF is read page by page up to ``ParseLimits.max_ocr_pages``; an animated
PNG by its first frame. Colour, alpha, CMYK, 16-bit and palette images are turned into gray on
a white ground (a transparent background is white paper, not black), and a photo is turned as
its camera's orientation tag says. The file's DPI is never trusted: OCR judges the scale from
the text itself (ocr.py).
"""

from __future__ import annotations

import io
import math
import time

from ..errors import CorruptDocumentError, DocumentTooLargeError, NoTextLayerError, ResumeMatchError
from ..limits import ParseLimits
from ..types import Layout
from .budget import Deadline
from .extracted import Extracted

_NAMES = {"png": "PNG", "jpg": "JPEG", "tiff": "TIFF"}
# Tesseract reads a page best with capitals some 20-40 pixels high: a page at 200-300 dpi. A
# bigger picture (a 48-megapixel photo) is scaled down to this many pixels first, which costs
# nothing in letters and saves most of the time.
_OCR_PIXELS = 12_000_000
_ORIENTATION_TAG = 0x0112


def read_image(data: bytes, fmt: str, label: str, limits: ParseLimits, deadline: Deadline) -> Extracted:
    from .ocr import MISSING, available, ocr_summary, picture_warnings, recognize
    from .pdf import _layout_page  # the same layout stage as a PDF page's words

    name = _NAMES[fmt]
    if not available():
        raise NoTextLayerError(label, f"an image ({name}) has no text layer: {MISSING}, or send the PDF your editor exports")
    frames, animated = _frames(data, fmt, label, limits, deadline)
    blocks: list[str] = []
    read_pages: list[tuple[int, float, int]] = []
    columns = 1
    seen_margin_lines: set[str] = set()
    for number, image in enumerate(frames, start=1):
        deadline.check()
        seconds = None if deadline.expires == float("inf") else max(0.01, deadline.expires - time.monotonic())
        try:
            page = recognize(image, None, seconds)
        except TimeoutError:
            raise deadline.error() from None
        read_pages.append((number, page.confidence, len(page.words)))
        page_blocks, page_columns, _, _ = _layout_page(page.words, page.box, seen_margin_lines, None)
        blocks.extend(page_blocks)
        columns = max(columns, page_columns)
    from .cleanup import join_hyphenated_breaks, normalize_text

    text = join_hyphenated_breaks(normalize_text("\n\n".join(blocks), soft_hyphen="-"), hyphenated=True)
    if not text.strip():
        raise NoTextLayerError(label, f"an image ({name}), and OCR found no words in it: send the PDF your editor exports")
    warnings = picture_warnings(read_pages, [])
    if animated:
        warnings.append("an animated image: only its first frame was read")
    return Extracted(
        text=text,
        pages=len(read_pages),
        layout=Layout(columns=columns, images=len(read_pages)),
        warnings=warnings,
        ocr=ocr_summary(read_pages),
    )


def _frames(data: bytes, fmt: str, label: str, limits: ParseLimits, deadline: Deadline):
    """The pages of the image as gray PIL images ready for OCR, and whether it was animated."""
    from PIL import Image

    name = _NAMES[fmt]
    damaged = CorruptDocumentError(label, f"could not be read as {name}: the file is truncated or damaged; export it again")
    # Pillow's own guard would refuse a bomb at open without saying its size; ours, below, is
    # stricter and says it. Opening reads the header only.
    guard, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        image = Image.open(io.BytesIO(data), formats=[{"jpg": "JPEG"}.get(fmt, fmt.upper())])
    except Exception:  # UnidentifiedImageError, SyntaxError, struct.error...: a damaged header
        raise damaged from None
    finally:
        Image.MAX_IMAGE_PIXELS = guard
    frames = []
    animated = False
    try:
        for index in range(limits.max_ocr_pages + 1):
            if index:
                if fmt != "tiff":
                    animated = animated or getattr(image, "is_animated", False)
                    break  # an animated PNG: its first frame is the picture
                try:
                    image.seek(index)
                except EOFError:
                    break
                if index == limits.max_ocr_pages:
                    raise DocumentTooLargeError(
                        label,
                        f"has more than {limits.max_ocr_pages} pages, the limit for reading images by OCR; "
                        "send the PDF your editor exports",
                    )
            deadline.check()
            width, height = image.size
            if width * height > limits.max_image_pixels or width < 1 or height < 1:
                raise _too_many_pixels(label, (width, height), limits)
            frames.append(_gray(image))
    except (ResumeMatchError, MemoryError):
        raise
    except Image.DecompressionBombError:
        raise _too_many_pixels(label, None, limits) from None
    except Exception:  # a truncated stream, a broken palette, an unknown compression
        raise damaged from None
    finally:
        image.close()
    return frames, animated


def _too_many_pixels(label: str, size, limits: ParseLimits) -> DocumentTooLargeError:
    shown = f"{size[0]:,} x {size[1]:,} pixels" if size else "too many pixels"
    return DocumentTooLargeError(
        label,
        f"is an image of {shown}, more than the limit of {limits.max_image_pixels / 1e6:.0f} million; "
        "save it at a normal resolution (a page at 300 dpi is about 8 million)",
    )


def _gray(image):
    """One frame as 8-bit gray on white, turned upright, at most _OCR_PIXELS."""
    from PIL import Image

    orientation = image.getexif().get(_ORIENTATION_TAG, 1) if hasattr(image, "getexif") else 1
    width, height = image.size
    if image.format == "JPEG" and width * height > _OCR_PIXELS:
        image.draft("L", (width // 2, height // 2))  # decode at a reduced size: less memory and time
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # 16- and 32-bit gray: scale the used range to 8 bits (convert("L") would clip it to white).
        image = image.convert("F")
        low, high = image.getextrema()
        span = (high - low) or 1.0
        gray = image.point(lambda v: (v - low) * 255.0 / span).convert("L")
    elif mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in image.info) or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        gray = Image.alpha_composite(white, rgba).convert("L")
    elif mode == "L":
        gray = image.copy()
    elif mode == "1":
        gray = image.convert("L")
    else:  # RGB, CMYK, YCbCr, LAB, HSV, palette
        gray = image.convert("RGB").convert("L")
    if gray.width * gray.height > _OCR_PIXELS:
        factor = math.sqrt(_OCR_PIXELS / (gray.width * gray.height))
        gray = gray.resize((max(1, int(gray.width * factor)), max(1, int(gray.height * factor))), Image.LANCZOS)
    if orientation != 1:
        gray = _turn(gray, orientation)
    return gray


def _turn(image, orientation: int):
    from PIL import Image

    steps = {
        2: [Image.Transpose.FLIP_LEFT_RIGHT],
        3: [Image.Transpose.ROTATE_180],
        4: [Image.Transpose.FLIP_TOP_BOTTOM],
        5: [Image.Transpose.TRANSPOSE],
        6: [Image.Transpose.ROTATE_270],
        7: [Image.Transpose.TRANSVERSE],
        8: [Image.Transpose.ROTATE_90],
    }.get(orientation, [])
    for step in steps:
        image = image.transpose(step)
    return image
