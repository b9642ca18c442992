"""Rendering a ranking: a table that fits a terminal (``wide`` for every column), CSV (opens
cleanly in a spreadsheet), JSON or JSON Lines, and the one-line summary."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections import Counter
from pathlib import PurePosixPath

from ..screening.rank import RankOutcome
from ..screening.rows import shortlist_rule
from ..screening.why import WHY_LEGEND, years_legend
from . import FORMATS as _FORMATS
from . import job_label, spreadsheet_safe, terminal_safe

FORMATS = _FORMATS["rank"]
CSV_COLUMNS = (
    "rank", "score", "status", "source", "name", "email", "phone", "why", "matched_required", "missing_required",
    "rejected_by", "not_stated", "duplicate_of", "possible_duplicate_of", "error", "shortlisted", "read_by_ocr", "years",
)
TABLE_WIDTH = 100  # columns: fits a terminal without wrapping
_NAME_WIDTH, _FILE_WIDTH = 20, 24


def render(outcome: RankOutcome, fmt: str, *, wide: bool = False) -> str:
    if fmt == "json":
        return json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(row.to_dict(blind=outcome.blind), ensure_ascii=False) for row in outcome.rows)
    if fmt == "csv":
        return render_csv(outcome)
    if fmt == "table":
        return render_table(outcome, wide=wide)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _cells(outcome: RankOutcome) -> list[dict]:
    out = []
    for row in outcome.rows:
        data = row.to_dict(blind=outcome.blind)
        out.append(
            {
                "rank": data["rank"] if data["rank"] is not None else "",
                "score": f"{data['score']:g}" if data["score"] is not None else "",
                "status": data["status"],
                "source": data["source"],
                "name": data.get("name") or "",
                "email": data.get("email") or "",
                "phone": data.get("phone") or "",
                "matched_required": "; ".join(data["matched"]),
                "missing_required": "; ".join(data["missing"]),
                "rejected_by": "; ".join(data["rejected_by"]),
                "not_stated": "; ".join(data["not_stated"]),
                "duplicate_of": data["duplicate_of"] or "",
                "possible_duplicate_of": data["possible_duplicate_of"] or "",
                "possible_duplicate_reason": data.get("possible_duplicate_reason", ""),
                "why": data["why"],
                "error": data["error"] or "",
                "shortlisted": {True: "yes", False: "no"}.get(data.get("shortlisted"), ""),
                "read_by_ocr": ocr_flag(data["ocr"]),
                "years": "" if data.get("years") is None else f"{data['years']:g}",
            }
        )
    return out


def ocr_flag(ocr: dict | None) -> str:
    """"read by OCR (confidence 94)", and the pages read poorly; "" for a text layer."""
    if not ocr:
        return ""
    flag = f"read by OCR (confidence {ocr['confidence']:.0f})"
    low = ocr.get("low_confidence_pages") or []
    if low:
        flag += f", poorly read: {'page' if len(low) == 1 else 'pages'} {', '.join(str(p) for p in low)}"
    return flag


def render_csv(outcome: RankOutcome) -> str:
    columns = [c for c in CSV_COLUMNS if not (outcome.blind and c in ("name", "email", "phone"))]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in cell.items()} for cell in _cells(outcome))
    return buffer.getvalue()


def _reason(cell: dict, *, wide: bool, shared: str = "") -> str:
    """What the last column says: the why-line first (what tells this row from the others),
    then the row's own flags; a flag every ranked row shares (``shared``) is said once under
    the table instead. For a row not ranked, what its status means."""
    flags = []
    if cell["possible_duplicate_of"]:
        other = cell["possible_duplicate_of"] if wide else short_name(cell["possible_duplicate_of"])
        reason = f" ({cell['possible_duplicate_reason'] or 'shared details'})" if wide else ""  # the narrow table: --wide says why
        flags.append(f"possible duplicate of {other}{reason}")
    if cell["status"] == "rejected":
        return "; ".join(["rejected: " + cell["rejected_by"], *flags, cell["why"]])
    if cell["status"] == "duplicate":
        return "duplicate of " + (cell["duplicate_of"] if wide else short_name(cell["duplicate_of"]))
    if cell["status"] == "error":
        return "error: " + (cell["error"] if wide else _without_source(cell["error"], cell["source"]))
    if cell["not_stated"] and cell["not_stated"] != shared:
        flags.append(f"not stated: {cell['not_stated']}")
    if cell["read_by_ocr"]:
        flags.insert(0, cell["read_by_ocr"])
    parts = [cell["why"] or "-", *flags]
    stated = set(cell["not_stated"].split("; "))
    missing = [m for m in cell["missing_required"].split("; ") if m and m not in stated]
    if wide and missing:
        parts.append(f"missing {'; '.join(missing)}")  # a must-have not stated is said once, above
    return "; ".join(parts)


def shared_flag(cells: list[dict]) -> str:
    """The not-stated flag every ranked row carries (it tells no row apart), or ""."""
    ranked = [c for c in cells if c["status"] == "ok"]
    flags = {c["not_stated"] for c in ranked}
    return flags.pop() if len(ranked) > 1 and len(flags) == 1 else ""


def common_flag(cells: list[dict]) -> str:
    """A not-stated flag most ranked rows carry, counted once under the table."""
    ranked = [c for c in cells if c["status"] == "ok"]
    counts = Counter(c["not_stated"] for c in ranked if c["not_stated"])
    if not counts or len(ranked) < 2:
        return ""
    flag, count = counts.most_common(1)[0]
    if count == len(ranked):
        return f"Not stated on every ranked resume (a flag to ask about, not a rejection): {flag}."
    if 2 * count > len(ranked):
        return f"Not stated on {count} of {len(ranked)} ranked resumes (a flag to ask about, not a rejection): {flag}."
    return ""


def render_table(outcome: RankOutcome, *, wide: bool = False) -> str:
    """rank, score, name, file and why in at most 100 columns; ``wide``: status and full paths,
    nothing cut."""
    lines = [job_label(outcome.job.title, outcome.job.id), ""]
    # A star only when a shortlist was asked for, and only when it leaves some ranked rows out.
    marked = bool(outcome.shortlist) and any(r.status == "ok" and not r.shortlisted for r in outcome.rows)
    named = not outcome.blind
    if wide:
        header = ("rank", "score", "status", "name", "resume", "why / reason") if named else ("rank", "score", "status", "resume", "why / reason")
    else:
        header = ("rank", "score", "name", "file", "why") if named else ("rank", "score", "file", "why")
    rows = []
    cells = _cells(outcome)
    shared = shared_flag(cells)
    for cell in cells:
        mark = "*" if marked and cell["shortlisted"] else ""
        rank = f"{cell['rank']}{mark}" if cell["rank"] != "" else "-"
        name = cell["name"] or "-"
        if wide:
            row = (rank, cell["score"] or "-", cell["status"], *([name] if named else []), cell["source"], _reason(cell, wide=True, shared=shared))
        else:
            row = (rank, cell["score"] or "-", *([_cut(name, _NAME_WIDTH)] if named else []),
                   _cut(short_name(cell["source"]), _FILE_WIDTH), _reason(cell, wide=False, shared=shared))
        rows.append(tuple(terminal_safe(str(v)) for v in row))
    fixed = len(header) - 1
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(fixed)]
    room = TABLE_WIDTH - sum(widths) - 2 * fixed
    for row in [header] + rows:
        last = row[fixed] if wide else _cut(row[fixed], max(room, 20))
        lines.append(("  ".join(v.ljust(widths[i]) for i, v in enumerate(row[:fixed])) + "  " + last).rstrip())
    if any(c["status"] == "ok" for c in cells):
        lines += [""] + textwrap.wrap(" ".join(filter(None, [WHY_LEGEND + ".", years_legend(outcome.job)])), TABLE_WIDTH)
        lines += textwrap.wrap(terminal_safe(common_flag(cells)), TABLE_WIDTH)
    if marked:
        lines += ["", f"* shortlisted: {shortlist_rule(outcome.shortlist)}"]
    if outcome.skipped:
        lines += ["", f"Skipped {plural(len(outcome.skipped), 'file')} that {'is' if len(outcome.skipped) == 1 else 'are'} "
                      f"no resume: {skipped_summary(outcome.skipped)}."]
        if wide and not outcome.blind:
            lines += [terminal_safe(f"  {s.source}: {s.reason}") for s in outcome.skipped]
    if not wide and (outcome.rows or outcome.skipped):
        lines += ["", "Full paths, status, every reason and what was skipped: --wide, or --format csv/json."]
    return "\n".join(lines)


def ranking_legends(outcome: RankOutcome) -> dict:
    """What a page of the ranking says under its table, the same as the terminal table says:
    what the why column means, the flag most rows share, and the shortlist mark's rule."""
    cells = _cells(outcome)
    marked = bool(outcome.shortlist) and any(r.status == "ok" and r.shortlisted for r in outcome.rows)
    return {"why_legend": WHY_LEGEND + ".", "years_legend": years_legend(outcome.job), "shared": shared_flag(cells),
            "common_flag": common_flag(cells), "star_rule": shortlist_rule(outcome.shortlist) if marked else ""}


def short_name(source: str) -> str:
    """A file's own name: "applicants.zip!cv/jo.pdf" -> "jo.pdf", "a/b/jo.pdf" -> "jo.pdf"."""
    inner = source.rsplit("!", 1)[-1]
    return PurePosixPath(inner.replace("\\", "/")).name or source


def _without_source(error: str, source: str) -> str:
    return error[len(source) + 2:] if error.startswith(source + ": ") else error


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def summary(outcome: RankOutcome) -> str:
    counts = outcome.counts()
    parts = ", ".join(f"{counts[s]} {s}" for s in ("ok", "rejected", "duplicate", "error") if counts[s] or s == "ok")
    line = f"{plural(len(outcome.rows), 'resume')} against {outcome.job.title}: {parts}"
    if outcome.skipped:
        line += f"; {plural(len(outcome.skipped), 'other file')} skipped ({skipped_summary(outcome.skipped)})"
    return terminal_safe(line + ".")


def skipped_summary(skipped) -> str:
    """ "40 LaTeX sources, 1 licence file": every skipped input counted, by reason."""
    counts = Counter(s.reason for s in skipped)
    return ", ".join(f"{n} {_plural_reason(reason, n)}" for reason, n in counts.most_common())


_PLURAL_WORDS = {
    "source": "sources", "file": "files", "bibliography": "bibliographies", "image": "images", "font": "fonts",
    "spreadsheet": "spreadsheets", "presentation": "presentations", "page": "pages", "program": "programs",
    "library": "libraries", "text": "texts", "output": "outputs", "folder": "folders",
}


def _plural_reason(reason: str, count: int) -> str:
    """The reason as a count reads it: "3 LaTeX sources", "2 hidden folders"."""
    if count == 1:
        return reason
    head, bracket, rest = reason.partition(" (")
    if head.startswith("a ") or head.startswith("not a "):
        head = head.replace("not a ", "not ", 1).removeprefix("a ")
    words = head.split()
    words = [_PLURAL_WORDS.get(w, w) if i == len(words) - 1 or words[i + 1] == "or" else w for i, w in enumerate(words)]
    return " ".join(words) + bracket + rest
