"""Rendering a check: plain text (colour only when asked), JSON, Markdown and one HTML file.

The HTML report is a single self-contained file (no scripts, fonts or images from elsewhere)
rendered by Jinja2 with autoescaping, so no text from a resume or a posting can inject markup.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..lang import language_name
from ..types import CheckReport
from . import FORMATS as _FORMATS
from . import job_label, terminal_safe

FORMATS = _FORMATS["check"]
_ANSI = {"bold": "\033[1m", "green": "\033[32m", "red": "\033[31m", "yellow": "\033[33m", "dim": "\033[2m", "reset": "\033[0m"}


def render(report: CheckReport, fmt: str, *, colour: bool = False) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "text":
        return render_text(report, colour=colour)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{_ANSI[style]}{text}{_ANSI['reset']}" if colour else text


def _score_style(score: float) -> str:
    return "green" if score >= 70 else "yellow" if score >= 45 else "red"


def _language(report: CheckReport) -> str:
    """The resume's language, named in the report when it is not English (the tool's own)."""
    code = report.document.language
    return language_name(code) if code and code != "en" else ""


def render_text(report: CheckReport, *, colour: bool = False) -> str:
    """Plain text; colour codes are ours alone: every outside string (file name, posting and
    resume words) has its control characters shown as "?" before it is painted."""
    result = report.result
    safe = terminal_safe
    lines = [
        f"Resume: {safe(result.resume)}",
        f"Job:    {safe(job_label(result.job_title, result.job_id))}",
        *([f"Read:   {ocr_line(report.document)}"] if report.document.read_by_ocr else []),
        *([f"Language: {_language(report)}"] if _language(report) else []),
        *([f"Field:  outside the ISP taxonomy: the posting's own requirement phrases are the keywords"]
          if report.job.outside_taxonomy else []),
        "Score:  " + _paint(f"{result.score:g}/100", _score_style(result.score), colour),
    ]
    lines += ["        " + safe(line) for line in component_lines(result)]
    note = experience_note(result)
    if note:
        lines.append("Years:  " + safe(note))
    if report.roles:
        lines += ["", _paint("Role fit", "bold", colour)]
        lines += [f"  {role.score:5.1f}  {job_label(role.title, role.id)}" for role in report.roles]
    for label, items, style in (("Matched", result.matched, "green"), ("Missing", result.missing, "red")):
        if not items:  # no empty heading: say there is none
            lines += ["", _paint(f"{label}: none", "bold", colour)]
            continue
        lines += ["", _paint(f"{label} ({len(items)})", "bold", colour)]
        for importance in ("required", "preferred", "other keyword"):
            names = [safe(labelled(m)) for m in items if m.importance == importance]
            if names:
                lines.append(f"  {importance}: " + _paint(", ".join(names), style, colour))
        if items is result.matched:
            for m in (m for m in items if m.how == "activity"):
                lines.append(f"  {m.name}, shown by: {safe(m.evidence)}")
    partial = partial_lines(result)
    if partial:
        lines += ["", _paint("Partial credit (what each costs the score)", "bold", colour)]
        lines += [f"  {safe(line)}" for line in partial]
    if report.suggestions:
        lines += ["", _paint("Suggestions", "bold", colour)]
        also_at = _top_end(report) + 1
        for number, suggestion in enumerate(report.suggestions, start=1):
            if number == also_at and number > 1:
                lines.append("  " + _paint("Also:", "bold", colour))
            tag = _paint(f"[{suggestion.kind}]", "dim", colour)
            lines.append(f"  {number}. {tag}{_points(suggestion)} {safe(suggestion.message)}{_follows(suggestion)}")
        lines += [f"  {line}" for line in guide_lines(report)]
    if result.warnings:
        lines += ["", _paint("Warnings", "bold", colour)] + [f"  - {safe(w)}" for w in result.warnings]
    return "\n".join(lines)


def experience_note(result) -> str:
    """Years of dated roles against the posting's ask: a note beside the score, not in it."""
    fact = (getattr(result, "facts", None) or {}).get("experience")
    return f"{fact['note']} (a note; not part of the score)" if fact and fact.get("note") else ""


def partial_lines(result) -> list[str]:
    from ..partial import lines

    return lines(result)


def component_lines(result) -> list[str]:
    """One line per component: its score, its share of the total and what it measures (and, for
    the title and certifications, why it scored that); "not asked for" where the job lists none."""
    lines = []
    for part in result.component_details():
        if part["asked"]:
            lines.append(f"{part['name']:<14} {part['score']:>5g}  weight {part['weight']:.2f}  {part['meaning']}")
            if part["why"]:
                lines.append(f"{'':<35}why: {part['why']}")
        else:
            lines.append(f"{part['name']:<14} not asked for (its weight is spread over the others)")
    return lines


def labelled(item) -> str:
    """The skill's name, with the resume's words (matched) or the posting's (missing) beside it
    where they differ: "Physical stamina ← 'attics'"."""
    words = item.evidence if item.how and item.how != "activity" else (item.wording if not item.how else "")
    words = " ".join(words.split())
    if item.how == "implied" and words:
        return f"{item.name} (through '{words}')"
    if item.how == "in progress":
        return f"{item.name} (in progress: '{words}')" if words else f"{item.name} (in progress)"
    if words and words.lower() != item.name.lower() and len(words) <= 60:
        return f"{item.name} ← '{words}'"
    return item.name


def _top_end(report: CheckReport) -> int:
    """Where the block of biggest gains (priority 1 with points) ends; the rest is "Also"."""
    items = report.suggestions
    start = next((i for i, s in enumerate(items) if s.points), len(items))
    end = start
    while end < len(items) and end - start < 3 and items[end].priority == 1 and items[end].points:
        end += 1
    return end


def _follows(suggestion) -> str:
    from ..suggestions import GUIDE_SHORT

    return f" (follows the {GUIDE_SHORT[suggestion.guide]})" if suggestion.guide else ""


def guide_lines(report: CheckReport) -> list[str]:
    """What the guides named in the suggestions are, once each."""
    from ..suggestions import GUIDE_SHORT, GUIDES

    used = [key for key in GUIDES if any(s.guide == key for s in report.suggestions)]
    return [f"The {GUIDE_SHORT[key]}: {GUIDES[key]}." for key in used]


def _points(suggestion) -> str:
    if not suggestion.points:
        return ""
    return f" (+{suggestion.points:g} point{'' if suggestion.points == 1 else 's'})"


def _md(text: str) -> str:
    """Escape the characters that would turn resume text into Markdown markup."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def render_markdown(report: CheckReport) -> str:
    result = report.result
    out = [
        f"# {_md(result.job_title)}: {result.score:g}/100",
        "",
        f"Resume: {_md(result.resume)} · job {_md(result.job_id)}"
        + (f" · Language: {_language(report)}" if _language(report) else ""),
        *(["", f"Read: {ocr_line(report.document)}"] if report.document.read_by_ocr else []),
        "",
        "| component | score | weight | what it measures |",
        "|---|---:|---:|---|",
    ]
    for part in result.component_details():
        if part["asked"]:
            why = f": {part['why']}" if part["why"] else ""
            out.append(f"| {part['name']} | {part['score']:g} | {part['weight']:.2f} | {_md(part['meaning'] + why)} |")
        else:
            out.append(f"| {part['name']} | not asked for | 0 | {_md(part['meaning'])}; its weight is spread over the others |")
    if report.roles:
        out += ["", "## Role fit", "", "| role | family | score |", "|---|---|---:|"]
        out += [f"| {_md(r.title)} | {r.family} | {r.score:g} |" for r in report.roles]
    out += ["", "## Suggestions", ""]
    out += [f"{i}. **{s.kind}**{_points(s)}: {_md(s.message)}{_md(_follows(s))}" for i, s in enumerate(report.suggestions, 1)]
    guides = guide_lines(report)
    if guides:
        out += [""] + [_md(line) for line in guides]
    note = experience_note(result)
    if note:
        out += ["", f"Years: {_md(note)}"]
    out += ["", "## Matched", ""]
    if result.matched:
        out += ["| skill | importance | how | where |", "|---|---|---|---|"]
        out += [f"| {_md(labelled(m))} | {m.importance} | {m.how} | {', '.join(m.found_in)} |" for m in result.matched]
    else:
        out.append("None of the job's skills or keywords was found.")
    shown = [m for m in result.matched if m.how == "activity"]
    if shown:
        out += ["", "Shown in other words:", ""] + [f"- {_md(m.name)}, shown by: {_md(m.evidence)}" for m in shown]
    out += ["", "## Missing", ""]
    if result.missing:
        out += ["| skill | importance | category |", "|---|---|---|"]
        out += [f"| {_md(labelled(m))} | {m.importance} | {m.category} |" for m in result.missing]
    else:
        out.append("Nothing the job asks for is missing.")
    partial = partial_lines(result)
    if partial:
        out += ["", "## Partial credit", ""] + [f"- {_md(line)}" for line in partial]
    if result.warnings:
        out += ["", "## Warnings", ""] + [f"- {_md(w)}" for w in result.warnings]
    return "\n".join(out) + "\n"


CHART_FONT_PX = 15  # the chart's labels, as large as the report's text
_ROW_PX = 30


def chart_rows(report: CheckReport, *, bar_width: int = 260) -> dict:
    matched = Counter(m.category for m in report.result.matched)
    missing = Counter(m.category for m in report.result.missing)
    categories = sorted(set(matched) | set(missing))
    most = max((matched[c] + missing[c] for c in categories), default=1) or 1
    # A label column as wide as the longest label at about 0.6 em a character, so none is cut.
    left = max(130, round(0.6 * CHART_FONT_PX * max((len(c) for c in categories), default=0)) + 16)
    rows = []
    for i, category in enumerate(categories):
        rows.append(
            {
                "label": category,
                "y": 4 + i * _ROW_PX,
                "matched": matched[category],
                "missing": missing[category],
                "matched_width": round(bar_width * matched[category] / most, 1),
                "missing_width": round(bar_width * missing[category] / most, 1),
            }
        )
    return {"rows": rows, "left": left, "width": left + bar_width + 200, "height": 8 + _ROW_PX * max(len(rows), 1),
            "font": CHART_FONT_PX}


def render_html(report: CheckReport) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    result = report.result
    return environment.get_template("report.html").render(
        resume=result.resume,
        job={"id": result.job_id, "title": result.job_title},
        score=f"{result.score:g}",
        score_colour={"green": "#2e9d5b", "yellow": "#b07d00", "red": "#c0392b"}[_score_style(result.score)],
        components=list(result.components.items()),
        component_details=result.component_details(),
        chart=chart_rows(report),
        roles=report.roles,
        suggestions=report.suggestions,
        suggestion_rows=[(s, _follows(s)) for s in report.suggestions],
        guides=guide_lines(report),
        matched=result.matched,
        missing=result.missing,
        partial=partial_lines(result),
        years=experience_note(result),
        warnings=result.warnings,
        read_by=ocr_line(report.document) if report.document.read_by_ocr else "",
        language=_language(report),
    )


def ocr_line(document) -> str:
    """How a resume read from a picture was read: "by OCR from an image (page 1; mean word
    confidence 94/100)", the pages read poorly named."""
    ocr = document.ocr
    pages = ocr["pages"]
    where = ("page " if len(pages) == 1 else "pages ") + ", ".join(str(p) for p in pages)
    line = f"by OCR from an image ({where}; mean word confidence {ocr['confidence']:.0f}/100)"
    low = ocr.get("low_confidence_pages") or []
    if low:
        line += f"; read poorly: {'page' if len(low) == 1 else 'pages'} {', '.join(str(p) for p in low)}"
    return line
