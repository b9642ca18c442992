"""A bias audit of a ranking: does the score (and the shortlist) favour one group over another?

``audit(rows, groups)`` follows the method New York City's rules for Local Law 144 set for a tool
that scores candidates: the median score of every scored candidate, each group's *scoring rate*
(the share of its members scoring above that median), and each group's *impact ratio* (its rate
divided by the highest group's rate). A ratio under 0.8 is flagged, after the US Uniform
Guidelines' four-fifths rule. Each group is also compared with the rest of its category by
Fisher's exact test: with a handful of candidates a low ratio is often chance, and the p-value
says how often. When the ranking has a shortlist, the same is done for *selection* (shortlisted
or not).

Groups come only from the recruiter's file of voluntary self-identification: nothing here looks
at a name, a photo or a resume's words. A candidate with no answer is counted as unknown, never
guessed. Groups under 2% of the candidates are kept and marked (the rules allow leaving them
out only with a reason), and they never serve as the highest-rate reference.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import AuditInputError

SEX, RACE = "sex", "race_ethnicity"
INTERSECTION = f"{SEX} x {RACE}"
FOUR_FIFTHS = 0.8
SMALL_SHARE = 0.02
# What a self-identification form records when the person gave no answer.
UNKNOWN_ANSWERS = frozenset({
    "", "unknown", "not stated", "not disclosed", "declined", "decline to state", "declined to state",
    "prefer not to say", "prefer not to answer", "i prefer not to say", "n/a", "na", "none given",
})
SCORED_STATUSES = ("ok", "rejected")  # duplicates are copies of another row; errors have no score


@dataclass(frozen=True)
class RankedCandidate:
    """What the audit needs of a ranking's row: never a name or contact detail."""

    source: str
    status: str
    score: float | None
    shortlisted: bool


@dataclass(frozen=True)
class GroupResult:
    group: str
    n: int
    hits: int  # above the median (scoring) or shortlisted (selection)
    rate: float
    impact_ratio: float | None  # None when every reference rate is 0
    four_fifths_flag: bool
    p_value: float | None  # None when the group is the whole category
    share: float  # of all candidates in the analysis
    small: bool  # under 2%: shown, marked, never the reference

    def to_dict(self, hits_name: str) -> dict:
        return {
            "group": self.group, "n": self.n, hits_name: self.hits, "rate": round(self.rate, 6),
            "impact_ratio": None if self.impact_ratio is None else round(self.impact_ratio, 6),
            "four_fifths_flag": self.four_fifths_flag,
            "p_value": None if self.p_value is None else round(self.p_value, 6),
            "share": round(self.share, 6), "small": self.small,
        }


@dataclass
class Analysis:
    """One outcome (above the median, or shortlisted) broken down by every category."""

    method: str  # "scoring-rate" | "selection-rate"
    candidates: int
    hits: int
    categories: dict[str, list[GroupResult]] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)

    @property
    def hits_name(self) -> str:
        return "above_median" if self.method == "scoring-rate" else "selected"

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "candidates": self.candidates,
            self.hits_name: self.hits,
            "categories": {name: [g.to_dict(self.hits_name) for g in groups] for name, groups in self.categories.items()},
            "unknown": dict(self.unknown),
        }


@dataclass
class AuditReport:
    scoring: Analysis
    median: float | None
    selection: Analysis | None = None  # when the ranking has a shortlist
    not_scored: int = 0  # error rows: no score, so in no analysis
    duplicates: int = 0  # copies of another row, counted once
    unmatched_groups: int = 0  # groups-file rows naming no resume of the ranking
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = self.scoring.to_dict()
        data["median"] = self.median
        data["selection"] = self.selection.to_dict() if self.selection else None
        data["not_scored"] = self.not_scored
        data["duplicates"] = self.duplicates
        data["unmatched_groups"] = self.unmatched_groups
        data["four_fifths"] = FOUR_FIFTHS
        data["small_share"] = SMALL_SHARE
        data["warnings"] = list(self.warnings)
        return data


# -- the computation -------------------------------------------------------------------------------


def audit(candidates: list[RankedCandidate], groups: dict[str, dict[str, str]]) -> AuditReport:
    """Audit a ranking's rows against self-identified ``groups`` ({source: {category: value}})."""
    scored = [c for c in candidates if c.status in SCORED_STATUSES and c.score is not None]
    if not scored:
        raise AuditInputError(None, "the ranking has no scored candidate; nothing to audit")
    lookup, unmatched = _match_sources([c.source for c in scored], groups)
    answers = [_answers(lookup.get(c.source, {}), _category_names(groups)) for c in scored]
    median = statistics.median(c.score for c in scored)
    report = AuditReport(
        scoring=_analyse("scoring-rate", [c.score > median for c in scored], answers),
        median=median,
        not_scored=sum(1 for c in candidates if c.status == "error" or (c.status in SCORED_STATUSES and c.score is None)),
        duplicates=sum(1 for c in candidates if c.status == "duplicate"),
        unmatched_groups=unmatched,
    )
    if has_shortlist(candidates):
        report.selection = _analyse("selection-rate", [c.status == "ok" and c.shortlisted for c in scored], answers)
    if unmatched:
        report.warnings.append(f"{unmatched} row(s) of the groups file name no scored resume of the ranking")
    missing = sum(1 for c in scored if c.source not in lookup)
    if missing:
        report.warnings.append(f"{missing} scored resume(s) have no row in the groups file: counted as unknown")
    return report


def has_shortlist(candidates: list[RankedCandidate]) -> bool:
    """A shortlist means something only when it leaves some ranked candidates out."""
    ranked = [c for c in candidates if c.status == "ok"]
    return any(c.shortlisted for c in ranked) and not all(c.shortlisted for c in ranked)


def _category_names(groups: dict[str, dict[str, str]]) -> list[str]:
    names: list[str] = []
    for answers in groups.values():
        names += [n for n in answers if n not in names]
    ordered = [n for n in (SEX, RACE) if n in names]
    return ordered + [n for n in names if n not in ordered]


def _answers(row: dict[str, str], names: list[str]) -> dict[str, str | None]:
    """One candidate's answer per category (None: unknown), with the sex x race/ethnicity pair."""
    out = {}
    for name in names:
        out[name] = _clean(row.get(name))
        if name == RACE and SEX in out:  # the intersection right after its two categories
            out[INTERSECTION] = None if out[SEX] is None or out[RACE] is None else f"{out[SEX]} / {out[RACE]}"
    return out


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return None if value.lower() in UNKNOWN_ANSWERS else value


def _analyse(method: str, hits: list[bool], answers: list[dict[str, str | None]]) -> Analysis:
    analysis = Analysis(method, len(hits), sum(hits))
    names = list(answers[0]) if answers else []
    for name in names:
        members: dict[str, list[bool]] = {}
        unknown = 0
        for hit, answer in zip(hits, answers):
            if answer[name] is None:
                unknown += 1
            else:
                members.setdefault(answer[name], []).append(hit)
        analysis.unknown[name] = unknown
        analysis.categories[name] = _groups(members, len(hits))
    return analysis


def _groups(members: dict[str, list[bool]], total: int) -> list[GroupResult]:
    from scipy.stats import fisher_exact

    known_n = sum(len(v) for v in members.values())
    known_hits = sum(sum(v) for v in members.values())
    rates = {group: sum(v) / len(v) for group, v in members.items()}
    small = {group: len(v) / total < SMALL_SHARE for group, v in members.items()}
    # The reference is the highest rate of a group large enough to stand for something.
    reference = max((rates[g] for g in members if not small[g]), default=max(rates.values(), default=0.0))
    results = []
    for group in sorted(members, key=lambda g: (-len(members[g]), g)):
        n, hit = len(members[group]), sum(members[group])
        rest_n, rest_hits = known_n - n, known_hits - hit
        p_value = None
        if rest_n:
            p_value = float(fisher_exact([[hit, n - hit], [rest_hits, rest_n - rest_hits]]).pvalue)
        ratio = rates[group] / reference if reference else None
        results.append(GroupResult(
            group=group, n=n, hits=hit, rate=rates[group], impact_ratio=ratio,
            four_fifths_flag=ratio is not None and ratio < FOUR_FIFTHS, p_value=p_value,
            share=n / total, small=small[group],
        ))
    return results


def _match_sources(sources: list[str], groups: dict[str, dict[str, str]]) -> tuple[dict[str, dict], int]:
    """Each ranked source's row of the groups file: by the same label, or else by the file name
    alone when that is unique on both sides ("applicants/ana.pdf" and "ana.pdf")."""
    lookup = {s: groups[s] for s in sources if s in groups}
    by_name: dict[str, list[str]] = {}
    for key in groups:
        by_name.setdefault(_file_name(key), []).append(key)
    ranked_names: dict[str, int] = {}
    for source in sources:
        ranked_names[_file_name(source)] = ranked_names.get(_file_name(source), 0) + 1
    used = set(lookup)
    for source in sources:
        if source in lookup:
            continue
        keys = by_name.get(_file_name(source), [])
        if len(keys) == 1 and ranked_names[_file_name(source)] == 1 and keys[0] not in used:
            lookup[source] = groups[keys[0]]
            used.add(keys[0])
    return lookup, len(set(groups) - used)


def _file_name(label: str) -> str:
    return PurePosixPath(label.replace("\\", "/").replace("!", "/").split(":")[-1]).name.lower()


# -- reading the inputs ----------------------------------------------------------------------------


def _read_text(path: Path, missing: str, unreadable: str) -> str:
    """A UTF-8 file's text (a byte-order mark dropped), or one line saying what to do instead."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AuditInputError(str(path), missing) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AuditInputError(str(path), f"{unreadable} ({getattr(error, 'strerror', None) or error})") from None


def read_ranking(path: str | Path) -> list[RankedCandidate]:
    """The rows of ``rank``'s JSON, JSON Lines or CSV output."""
    path = Path(path)
    text = _read_text(path, "no such file; give the file `resumematch rank --output` wrote", "cannot be read")
    stripped = text.lstrip()
    try:
        if stripped.startswith("{") and "\n{" not in stripped.rstrip():
            data = json.loads(text)
            rows = data.get("results", [data] if "source" in data else None) if isinstance(data, dict) else None
            if not isinstance(rows, list):
                raise ValueError("no results")
        elif stripped.startswith("{"):
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            rows = list(csv.DictReader(io.StringIO(text)))
            if not rows or "score" not in rows[0] or "source" not in rows[0]:
                raise ValueError("no score column")
        return [_candidate(row) for row in rows]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise AuditInputError(
            str(path), "is not a ranking; give the JSON or CSV that `resumematch rank --format json|csv` writes"
        ) from None


def _candidate(row: dict) -> RankedCandidate:
    score = row.get("score")
    if isinstance(score, str):
        score = float(score) if score.strip() else None
    shortlisted = row.get("shortlisted")
    if isinstance(shortlisted, str):
        shortlisted = shortlisted.strip().lower() in ("yes", "true", "1")
    source = str(row["source"])
    if source.startswith("'"):  # a CSV cell kept from being read as a formula
        source = source[1:]
    return RankedCandidate(source=source, status=str(row.get("status") or "ok"), score=score, shortlisted=bool(shortlisted))


def read_groups(path: str | Path) -> dict[str, dict[str, str]]:
    """The recruiter's self-identification file: a ``source`` column and one column per category."""
    path = Path(path)
    text = _read_text(
        path, "no such file; give a CSV with a source column and sex, race_ethnicity columns", "cannot be read as UTF-8 CSV"
    )
    reader = csv.DictReader(io.StringIO(text))
    columns = [(c or "").strip() for c in (reader.fieldnames or [])]
    if "source" not in columns:
        raise AuditInputError(str(path), "has no 'source' column; name each resume file as the ranking does")
    categories = [c for c in columns if c and c != "source"]
    if not categories:
        raise AuditInputError(str(path), "has no category column; add sex, race_ethnicity or others")
    groups: dict[str, dict[str, str]] = {}
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "") for k, v in raw.items() if isinstance(v, str) or v is None}
        source = row.get("source", "").strip()
        if not source:
            continue
        if source in groups:
            raise AuditInputError(str(path), f"line {line}: {source} appears twice; keep one row per resume")
        groups[source] = {name: row.get(name, "") for name in categories}
    return groups


def audit_files(ranking: str | Path, groups: str | Path) -> AuditReport:
    return audit(read_ranking(ranking), read_groups(groups))
