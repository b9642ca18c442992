"""Scans and photos of our own documents, for the OCR tests and benchmarks/ocr_speed.py.

A PDF page is drawn by pdfium at a chosen resolution and then made to look like what people
send: grain (a scanner's noise), a slight turn (paper fed askew), a phone photo's perspective
(the page nearer the camera at the bottom), JPEG compression. Every picture is made from the
repository's own sample PDFs; nothing here is a real person's document.
"""

from __future__ import annotations

import io
import random

import pypdfium2
from PIL import Image, ImageFilter


def page_images(pdf: bytes | str, dpi: int, pages: int | None = None) -> list[Image.Image]:
    """The pages of a PDF drawn at ``dpi``, in gray."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document) if pages is None else min(pages, len(document))
        return [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(count)]
    finally:
        document.close()


def noisy(image: Image.Image, amount: float = 18.0, seed: int = 7) -> Image.Image:
    """Scanner grain: gaussian noise and a slight blur."""
    import numpy

    rng = numpy.random.default_rng(seed)
    pixels = numpy.asarray(image, dtype=numpy.float32)
    pixels = pixels + rng.normal(0.0, amount, pixels.shape)
    grainy = Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8), "L")
    return grainy.filter(ImageFilter.GaussianBlur(0.6))


def turned(image: Image.Image, degrees: float = 1.5) -> Image.Image:
    """A page fed askew: turned about its centre, the corners filled with paper."""
    return image.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=255)


def photographed(image: Image.Image, tilt: float = 0.04) -> Image.Image:
    """A phone photo held a little off square: the top of the page further away (narrower)
    than the bottom, on a darker desk."""
    width, height = image.size
    inset = tilt * width
    # Where each corner of the page lands: top-left, top-right, bottom-right, bottom-left.
    corners = [(inset, 0.02 * height), (width - inset, 0.02 * height), (width, height), (0, height)]
    coefficients = _perspective(corners, [(0, 0), (width, 0), (width, height), (0, height)])
    photo = image.transform(image.size, Image.PERSPECTIVE, coefficients, Image.BICUBIC, fillcolor=90)
    shade = Image.linear_gradient("L").resize(image.size).point(lambda v: 255 - v // 6)
    return Image.composite(photo, Image.new("L", image.size, 0), shade)


def jpeg(image: Image.Image, quality: int = 70) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def image_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """A PDF whose pages are only pictures, as a scanner or "export as image" writes it."""
    buffer = io.BytesIO()
    first, *rest = [im.convert("L") for im in images]
    first.save(buffer, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return buffer.getvalue()


def _perspective(source, target) -> list[float]:
    """The eight coefficients PIL's PERSPECTIVE transform takes, mapping target to source points."""
    import numpy

    rows = []
    values = []
    for (x, y), (u, v) in zip(source, target):
        rows.append([u, v, 1, 0, 0, 0, -x * u, -x * v])
        rows.append([0, 0, 0, u, v, 1, -y * u, -y * v])
        values += [x, y]
    return list(numpy.linalg.solve(numpy.array(rows, dtype=float), numpy.array(values, dtype=float)))


def variants(image: Image.Image, seed: int = 7) -> dict[str, bytes]:
    """The ways a resume arrives as a picture, as image files."""
    rng = random.Random(seed)
    return {
        "clean png": png(image),
        "noisy jpeg": jpeg(noisy(image, seed=seed)),
        "turned png": png(turned(noisy(image, 10.0, seed), rng.choice((-1.5, 1.5)))),
        "photo jpeg": jpeg(photographed(noisy(image, 10.0, seed))),
    }
