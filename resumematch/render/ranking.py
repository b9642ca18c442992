"""Rendering a ranking: an aligned table, CSV (opens cleanly in a spreadsheet), JSON or JSON Lines."""

from __future__ import annotations

import csv
import io
import json

from ..screening.rank import RankOutcome
from . import FORMATS as _FORMATS
from . import spreadsheet_safe, terminal_safe

FORMATS = _FORMATS["rank"]
CSV_COLUMNS = (
    "rank", "score", "status", "source", "name", "email", "phone", "why", "matched_required", "missing_required",
    "rejected_by", "duplicate_of", "possible_duplicate_of", "error", "shortlisted",
)


def render(outcome: RankOutcome, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(row.to_dict(blind=outcome.blind), ensure_ascii=False) for row in outcome.rows)
    if fmt == "csv":
        return render_csv(outcome)
    if fmt == "table":
        return render_table(outcome)
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
                "duplicate_of": data["duplicate_of"] or "",
                "possible_duplicate_of": data["possible_duplicate_of"] or "",
                "why": data["why"],
                "error": data["error"] or "",
                "shortlisted": "yes" if data["shortlisted"] else "",
            }
        )
    return out


def render_csv(outcome: RankOutcome) -> str:
    columns = [c for c in CSV_COLUMNS if not (outcome.blind and c in ("name", "email", "phone"))]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in cell.items()} for cell in _cells(outcome))
    return buffer.getvalue()


def render_table(outcome: RankOutcome) -> str:
    lines = [f"{outcome.job.title} ({outcome.job.id})", ""]
    header = ("rank", "score", "status", "resume", "why / reason")
    # A star only means something when the shortlist leaves some ranked rows out.
    marked = any(r.status == "ok" and not r.shortlisted for r in outcome.rows)
    rows = []
    for cell in _cells(outcome):
        reason = cell["why"] or "-"
        if cell["missing_required"]:
            reason += f"; missing {cell['missing_required']}"
        if cell["status"] == "rejected":
            reason = cell["rejected_by"]
        elif cell["status"] == "duplicate":
            reason = f"duplicate of {cell['duplicate_of']}"
        elif cell["status"] == "error":
            reason = cell["error"]
        if cell["possible_duplicate_of"]:
            reason += f"; shares contact details with {cell['possible_duplicate_of']}"
        mark = "*" if marked and cell["shortlisted"] else ""
        rows.append((f"{cell['rank']}{mark}", cell["score"], cell["status"], cell["source"], reason))
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        lines.append(terminal_safe("  ".join(str(v).ljust(widths[i]) for i, v in enumerate(row[:4])) + "  " + str(row[4])))
    if marked:
        lines += ["", "* shortlisted: within --top and at or above --min-score"]
    return "\n".join(lines)


def summary(outcome: RankOutcome) -> str:
    counts = outcome.counts()
    parts = ", ".join(f"{counts[s]} {s}" for s in ("ok", "rejected", "duplicate", "error"))
    line = f"{len(outcome.rows)} rows for {len(outcome.rows)} inputs against {outcome.job.title}: {parts}"
    if outcome.skipped:
        line += f"; skipped {len(outcome.skipped)} hidden or temporary files"
        if not outcome.blind:
            line += " (" + ", ".join(outcome.skipped[:5]) + (", ..." if len(outcome.skipped) > 5 else "") + ")"
    return terminal_safe(line + ".")
