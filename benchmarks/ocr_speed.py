"""OCR: seconds per page and per resume, and what it reads against the text layer.

    python benchmarks/ocr_speed.py [--dpi 150,200,300] [--scan-dpi 200] [--variants] [--no-deskew]

Every sample PDF is turned into a picture of itself (tests/scans.py: drawn at ``--scan-dpi``,
then as is or with grain, a turn, a phone photo's perspective) and read by ``resumematch.parse``
as a PNG or JPEG and as an image-only PDF. For each resume it prints the seconds of the whole
parse per page and per resume, the mean word confidence, and the skills found against those of
the text layer of the same PDF: recall (share of the text layer's skills found in the picture)
and extra (skills the picture gives that the text layer lacks). ``--dpi`` sets the resolution an
image-only PDF page is drawn at for OCR (parsers/pdf_ocr.py RENDER_DPI), to choose it by
measurement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scans import image_pdf, page_images, png, variants  # noqa: E402

from resumematch import parse  # noqa: E402
from resumematch.parsers import pdf_ocr  # noqa: E402
from resumematch.skills import extract_skills  # noqa: E402


def skills(document) -> set[str]:
    return {m.skill_id for m in extract_skills(document)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", default="200", help="resolutions to draw image-only PDF pages at, comma-separated")
    parser.add_argument("--scan-dpi", type=int, default=200, help="resolution of the pictures made from the samples")
    parser.add_argument("--variants", action="store_true", help="also grain, turned and photographed pictures")
    args = parser.parse_args()
    samples = sorted((ROOT / "samples").glob("*.pdf"))
    parse(samples[0])  # imports and the OCR model loaded before anything is timed
    extract_skills("warm up")
    print(f"{'resume':28} {'kind':18} {'dpi':>4} {'pages':>5} {'s/page':>7} {'s/resume':>8} {'conf':>5} {'recall':>7} {'extra':>5}")
    rows = []
    for dpi in [int(d) for d in args.dpi.split(",")]:
        pdf_ocr.RENDER_DPI = dpi
        for sample in samples:
            truth = skills(parse(sample))
            images = page_images(str(sample), args.scan_dpi)
            kinds = {"image-only pdf": (image_pdf(images, args.scan_dpi), "scan.pdf")}
            if dpi == int(args.dpi.split(",")[0]):  # pictures do not depend on the PDF drawing dpi
                kinds["png"] = (png(images[0]), "scan.png")
                if args.variants:
                    for name, data in variants(images[0]).items():
                        if name != "clean png":
                            kinds[name] = (data, "scan.jpg" if "jpeg" in name else "scan.png")
            for kind, (data, name) in kinds.items():
                start = time.perf_counter()
                document = parse(data, name=name, limits={"timeout_seconds": 0})
                seconds = time.perf_counter() - start
                found = skills(document)
                recall = len(found & truth) / len(truth) if truth else 1.0
                extra = sorted(found - truth)
                conf = document.ocr["confidence"] if document.ocr else float("nan")
                rows.append((kind, dpi, seconds / document.pages, seconds, recall, len(extra)))
                print(f"{sample.stem:28} {kind:18} {dpi:>4} {document.pages:>5} {seconds / document.pages:>7.2f} "
                      f"{seconds:>8.2f} {conf:>5.0f} {recall:>7.0%} {len(extra):>5}  {' '.join(extra)}")
    print()
    print(f"{'kind':18} {'dpi':>4} {'s/page':>7} {'s/resume':>8} {'recall':>7} {'extra':>5}   (medians; extra summed)")
    for key in sorted({(r[0], r[1]) for r in rows}):
        group = [r for r in rows if (r[0], r[1]) == key]
        print(f"{key[0]:18} {key[1]:>4} {statistics.median(r[2] for r in group):>7.2f} "
              f"{statistics.median(r[3] for r in group):>8.2f} {statistics.mean(r[4] for r in group):>7.1%} "
              f"{sum(r[5] for r in group):>5}")


if __name__ == "__main__":
    main()
