"""Rendering a bias audit: plain text, JSON, CSV (one row per group) and one HTML file with a chart.

The HTML file is self-contained (an inline SVG chart, no scripts or fonts from elsewhere) and
rendered by Jinja2 with autoescaping: group names come from the recruiter's file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..audit import FOUR_FIFTHS, SMALL_SHARE, Analysis, AuditReport
from . import FORMATS as _FORMATS
from . import spreadsheet_safe, terminal_safe

FORMATS = _FORMATS["audit"]
CSV_COLUMNS = (
    "method", "category", "group", "n", "share", "small", "hits", "rate", "impact_ratio", "four_fifths_flag", "p_value",
)
FEW = 5  # a group this small gets a small-sample mark: one person more or less moves its rate by 20% or more
TITLES = {"scoring-rate": "Scoring rate: share of each group scoring above the median",
          "selection-rate": "Selection rate: share of each group on the shortlist"}


def render(report: AuditReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "text":
        return render_text(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _analyses(report: AuditReport) -> list[Analysis]:
    return [a for a in (report.scoring, report.selection) if a is not None]


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _p(value: float | None) -> str:
    return "-" if value is None else ("<0.001" if value < 0.001 else f"{value:.3f}")


def render_text(report: AuditReport) -> str:
    lines = [
        f"Bias audit: {report.scoring.candidates} scored candidates, median score {report.median:g}",
        f"Flag: impact ratio under {FOUR_FIFTHS} (four-fifths rule). p: Fisher's exact test against the rest "
        "of the category (small p: unlikely to be chance).",
    ]
    groups = [g for a in _analyses(report) for gs in a.categories.values() for g in gs]
    if any(g.small for g in groups):  # the legend only where a mark is drawn
        lines.append(f"* group under {SMALL_SHARE:.0%} of the candidates: shown, never the reference, read with care.")
    if any(g.n < FEW for g in groups):
        lines.append(f"† a group of fewer than {FEW}: a rate from so few people says little; a flag there is a "
                     "prompt to look, not a finding.")
    for analysis in _analyses(report):
        lines += ["", TITLES[analysis.method]]
        hits = "above" if analysis.method == "scoring-rate" else "chosen"
        for name, groups in analysis.categories.items():
            header = ("group", "n", hits, "rate", "ratio", "flag", "p")
            rows = [
                (terminal_safe(g.group) + ("*" if g.small else "") + ("†" if g.n < FEW else ""), str(g.n), str(g.hits), _percent(g.rate),
                 _ratio(g.impact_ratio), "FLAG" if g.four_fifths_flag else "", _p(g.p_value))
                for g in groups
            ]
            widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
            lines += ["", f"  {name} (unknown: {analysis.unknown.get(name, 0)})"]
            for row in [header] + rows:
                cells = [row[0].ljust(widths[0])] + [v.rjust(widths[i]) for i, v in enumerate(row) if i]
                lines.append("    " + "  ".join(cells).rstrip())
    notes = []
    if report.not_scored:
        notes.append(f"{report.not_scored} resume(s) could not be read and have no score: in no figure above")
    if report.duplicates:
        notes.append(f"{report.duplicates} duplicate row(s) counted once, as the copy kept")
    notes += [terminal_safe(w) for w in report.warnings]
    if notes:
        lines += [""] + [f"Note: {n}" for n in notes]
    return "\n".join(lines)


def _records(report: AuditReport) -> list[dict]:
    out = []
    for analysis in _analyses(report):
        for name, groups in analysis.categories.items():
            for g in groups:
                out.append({
                    "method": analysis.method, "category": name, "group": g.group, "n": g.n,
                    "share": f"{g.share:.4f}", "small": "yes" if g.small else "", "hits": g.hits,
                    "rate": f"{g.rate:.4f}", "impact_ratio": "" if g.impact_ratio is None else f"{g.impact_ratio:.4f}",
                    "four_fifths_flag": "yes" if g.four_fifths_flag else "",
                    "p_value": "" if g.p_value is None else f"{g.p_value:.4g}",
                })
            out.append({"method": analysis.method, "category": name, "group": "(unknown)", "n": analysis.unknown.get(name, 0)})
    return out


def render_csv(report: AuditReport) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in r.items()} for r in _records(report))
    return buffer.getvalue()


def chart(analysis: Analysis, *, bar_width: int = 300) -> dict:
    """Bars of each group's rate, each with a tick at four-fifths of its category's reference rate."""
    rows, y, left = [], 4, 210
    for name, groups in analysis.categories.items():
        rows.append({"heading": name, "y": y + 14})
        y += 22
        reference = next((g.rate / g.impact_ratio for g in groups if g.impact_ratio), 0.0)
        for g in groups:
            rows.append({
                "label": g.group + (" *" if g.small else ""), "y": y, "width": round(bar_width * g.rate, 1),
                "text": f"{_percent(g.rate)} (n={g.n}, ratio {_ratio(g.impact_ratio)})",
                "colour": "#c0392b" if g.four_fifths_flag else "#2f6fdb",
                "tick": round(left + bar_width * reference * FOUR_FIFTHS, 1) if reference else None,
            })
            y += 22
        y += 6
    return {"rows": rows, "left": left, "bar_width": bar_width, "height": y + 4, "width": left + bar_width + 230}


def render_html(report: AuditReport) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    sections = [
        {"title": TITLES[a.method], "analysis": a, "chart": chart(a),
         "hits": "above median" if a.method == "scoring-rate" else "shortlisted"}
        for a in _analyses(report)
    ]
    return environment.get_template("audit.html").render(
        report=report, sections=sections, percent=_percent, ratio=_ratio, p=_p,
        four_fifths=FOUR_FIFTHS, small_share=f"{SMALL_SHARE:.0%}", few=FEW,
        any_small=any(g.small for a in _analyses(report) for gs in a.categories.values() for g in gs),
        any_few=any(g.n < FEW for a in _analyses(report) for gs in a.categories.values() for g in gs),
    )
