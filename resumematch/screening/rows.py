"""The rows of a ranking: one :class:`RankRow` per input, built from its outcome, then placed.

A row is built from what an engine returned for one file (``work.analyse``'s outcome dict) and
holds only small things (names, counts, hashes), never the document, so a run's memory does not
grow with the text of its inputs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..types import Document, Job
from ..identity import candidate_name, name_key, personal_email, real_phone
from .kinds import Skipped
from .requirements import Requirements
from .why import why_line

STATUSES = ("ok", "rejected", "duplicate", "error")


@dataclass
class RankRow:
    source: str
    status: str
    rank: int | None = None
    score: float | None = None
    matched: list[str] = field(default_factory=list)  # required skills the resume shows
    missing: list[str] = field(default_factory=list)  # required skills it does not
    error: str | None = None
    rejected_by: list[str] = field(default_factory=list)
    not_stated: list[str] = field(default_factory=list)  # must-haves the resume does not state (no knock-out)
    duplicate_of: str | None = None
    shortlisted: bool | None = None  # None: no shortlist was asked for (no --top, no --min-score)
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    sha256: str | None = None
    words_hash: str | None = None  # same resume in another format: same words
    why: str = ""  # one line on why the row ranks where it does
    years: float | None = None  # years of dated roles in Experience (a note: never in the score)
    possible_duplicate_of: str | None = None  # shares an email or phone with this row, under another name
    possible_duplicate_reason: str = ""  # what the two share ("contact details", "most of their words")
    word_keys: frozenset = frozenset()  # the resume's distinct words, hashed (never output): one person's PDF and DOCX
    name_key: str = ""  # the name folded for comparison (never output)
    email_key: str | None = None  # a personal email, folded; None for placeholders and role mailboxes
    phone_key: str | None = None  # the last ten digits of a real number; None for placeholders
    explanation: dict | None = None  # with rank(explain=True): the facts behind the score (see explain.py)
    ocr: dict | None = None  # read from a picture: {"pages", "confidence", "low_confidence_pages"}

    def to_dict(self, *, blind: bool = False) -> dict:
        data = {
            "source": self.source,
            "status": self.status,
            "rank": self.rank,
            "score": self.score,
            "matched": list(self.matched),
            "missing": list(self.missing),
            "error": self.error,
            "rejected_by": list(self.rejected_by),
            "not_stated": list(self.not_stated),
            "duplicate_of": self.duplicate_of,
            "possible_duplicate_of": self.possible_duplicate_of,
            **({"possible_duplicate_reason": self.possible_duplicate_reason} if self.possible_duplicate_of else {}),
            "why": self.why,
            "read_by_ocr": bool(self.ocr),
            "ocr": self.ocr,
            "years": self.years,
        }
        if self.shortlisted is not None:
            data["shortlisted"] = self.shortlisted
        if not blind:
            data.update(name=self.name, email=self.email, phone=self.phone)
        return data


@dataclass
class RankOutcome:
    job: Job
    rows: list[RankRow]
    skipped: list[Skipped]
    blind: bool = False
    warnings: list[str] = field(default_factory=list)  # about the run, not a row (an unusable cache)
    knockouts: list[str] = field(default_factory=list)  # skill ids a ranked resume must hold
    shortlist: dict | None = None  # {"top", "min_score"} when a shortlist was asked for, else None

    def counts(self) -> dict[str, int]:
        return {status: sum(1 for r in self.rows if r.status == status) for status in STATUSES}

    def to_dict(self) -> dict:
        return {
            "job": {"id": self.job.id, "title": self.job.title},
            "results": [row.to_dict(blind=self.blind) for row in self.rows],
            "skipped": [] if self.blind else [s.to_dict() for s in self.skipped],
            **({"shortlist": dict(self.shortlist)} if self.shortlist else {}),
            "summary": {"inputs": len(self.rows), **self.counts(), "skipped": len(self.skipped)},
        }


# Words for "the same words" (content twins): ASCII words as before, and words of scripts other
# than Latin (Chinese, Hangul, Arabic, Greek, Cyrillic...), so that two resumes that differ only in
# a name written in one of them differ. Accented Latin letters stay out: a PDF whose font lacks
# "ễ" and its DOCX twin still read as the same words.
_WORD = re.compile(r"[a-z0-9]+|[^\W\d_a-z\u00c0-\u024f\u1e00-\u1eff]+")


def build_row(label: str, outcome: dict, requirements: Requirements, known, job: Job) -> RankRow:
    """The row for one input from its outcome, held to the run's must-haves and knock-outs."""
    if "error" in outcome:
        return RankRow(source=label, status="error", error=outcome["error"])
    document: Document = outcome["document"]
    result = outcome["result"]
    held = outcome["held"]
    rejected_by, not_stated = requirements.judge(label, held, known)
    distinct = set(_WORD.findall(document.text.lower()))
    words = " ".join(sorted(distinct))
    name = candidate_name(document)
    return RankRow(
        source=label,
        status="rejected" if rejected_by else "ok",
        score=result.score,
        matched=[m.name for m in result.matched if m.importance == "required"],
        missing=[m.name for m in result.missing if m.importance == "required"],
        rejected_by=rejected_by,
        not_stated=not_stated,
        name=name,
        email=document.contact.email,
        phone=document.contact.phone,
        email_key=personal_email(document.contact.email),
        phone_key=real_phone(document.contact.phone),
        sha256=document.sha256,
        words_hash=hashlib.sha256(words.encode()).hexdigest(),
        word_keys=frozenset(hash(w) for w in distinct),
        why=why_line(result, job, held, known),
        years=(getattr(result, "facts", None) or {}).get("experience", {}).get("years"),
        name_key=name_key(name),
        ocr={k: document.ocr.get(k) for k in ("pages", "confidence", "low_confidence_pages")} if document.read_by_ocr else None,
    )


def place(rows: list[RankRow], top: int | None, min_score: float | None) -> None:
    """Sort rows (ranked first, best first) and number the ranked ones; mark the shortlist, only
    when one was asked for (otherwise ``shortlisted`` stays None: every row "on" a shortlist
    nobody asked for tells a reader nothing)."""
    order = {"ok": 0, "rejected": 1, "duplicate": 2, "error": 3}
    rows.sort(key=lambda r: (order[r.status], -(r.score or 0.0), r.source))
    for position, row in enumerate((r for r in rows if r.status == "ok"), start=1):
        row.rank = position
        if top is not None or min_score is not None:
            row.shortlisted = (top is None or position <= top) and (min_score is None or row.score >= min_score)


def shortlist_rule(shortlist: dict | None) -> str:
    """What the shortlist mark means, in the words of what was asked: "within the top 3"."""
    if not shortlist:
        return ""
    parts = []
    if shortlist.get("top") is not None:
        parts.append(f"within the top {shortlist['top']} (--top {shortlist['top']})")
    if shortlist.get("min_score") is not None:
        parts.append(f"a score of {shortlist['min_score']:g} or more (--min-score {shortlist['min_score']:g})")
    return " and ".join(parts)


def blind(rows: list[RankRow]) -> None:
    """Drop what identifies a person: names, contact details, and file names (often a name)."""
    aliases = {}
    for row in rows:
        aliases[row.source] = f"candidate-{row.sha256[:10]}" if row.sha256 else f"candidate-error-{len(aliases) + 1}"
    for row in rows:
        original = row.source
        row.source = aliases[original]
        if row.duplicate_of:
            row.duplicate_of = aliases.get(row.duplicate_of, row.duplicate_of)
        if row.error:
            row.error = row.error.replace(original, row.source)
        if row.possible_duplicate_of:
            row.possible_duplicate_of = aliases.get(row.possible_duplicate_of, row.possible_duplicate_of)
        row.name = row.email = row.phone = row.email_key = row.phone_key = None
