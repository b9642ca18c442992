"""Skill extraction measured on text nobody here wrote: SkillSpan's tagged job-posting sentences.

    python benchmarks/skills_external.py [--split dev|train] [--errors 30] [--sentences]

SkillSpan (Zhang et al., NAACL 2022; ../shared/corpus/skillspan) tags skill and knowledge spans
token by token in public job postings. Its sentences keep their posting's order, so each posting
is rebuilt as one document (a sentence per line) and read the way ``jobs show`` reads a posting a
user brings: company blurbs, benefits, legal and how-to-apply parts are set aside first.
``--sentences`` instead runs the extractor on each sentence alone, with no posting context.

A mention counts as right when it overlaps a tagged skill or knowledge span. SkillSpan leaves
titles, benefits and company blurbs untagged, so a correct skill in a title counts against
precision: read the false mentions printed at the end, do not chase the figure blindly.

Prints precision overall and per category; precision on the sentences in which the annotators
tagged at least one span (titles, tech-stack lists and company lines they skipped are left out);
the recall of knowledge spans (the spans a taxonomy can name: tools, standards, products); and
the most frequent false mentions with context.

Every false mention has been read by hand (``skillspan_dev_labels.tsv``: ids and labels only,
never the corpus text): ``error`` when no skill of the hire is named there (the company's
product or industry, a perk, another team, a name, a wrong sense), ``correct`` when it is a
skill of the job the annotators left untagged. The hand-read precision counts only the errors
(and any false mention not yet read, as an error) against all mentions. Both readings are
printed: whole postings as ``jobs show`` reads them, and each sentence alone through the
extractor (no posting context), the way earlier audits were made.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKILLSPAN = ROOT.parent / "shared" / "corpus" / "skillspan"
LABELS = Path(__file__).resolve().with_name("skillspan_dev_labels.tsv")


def hand_labels(path: Path = LABELS) -> dict[str, str]:
    """'posting:offset' -> 'error' | 'correct', as read by hand."""
    labels = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, label = line.split("\t")
                labels[key] = label
    return labels


@dataclass
class Posting:
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, "skill"|"knowledge")
    lines: list[tuple[int, int]] = field(default_factory=list)


def _spans(tags: list[str], offsets: list[tuple[int, int]], kind: str) -> list[tuple[int, int, str]]:
    spans, start, end = [], None, None
    for tag, (a, b) in zip(tags, offsets):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((start, end, kind))
            start, end = a, b
        elif tag.startswith("I"):
            end = b
        else:
            if start is not None:
                spans.append((start, end, kind))
            start = None
    if start is not None:
        spans.append((start, end, kind))
    return spans


def load_postings(split: str = "dev") -> list[Posting]:
    """SkillSpan sentences grouped into postings (consecutive sentences with one ``idx``)."""
    postings: list[Posting] = []
    key = None
    for line in (SKILLSPAN / f"{split}.json").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if (row["source"], row["idx"]) != key:
            key = (row["source"], row["idx"])
            postings.append(Posting(""))
        posting = postings[-1]
        if posting.text:
            posting.text += "\n"
        offsets = []
        for token in row["tokens"]:
            if offsets:
                posting.text += " "
            offsets.append((len(posting.text), len(posting.text) + len(token)))
            posting.text += token
        posting.lines.append((offsets[0][0], offsets[-1][1]) if offsets else (len(posting.text), len(posting.text)))
        posting.spans += _spans(row["tags_skill"], offsets, "skill") + _spans(row["tags_knowledge"], offsets, "knowledge")
    return postings


def posting_mentions(postings: list[Posting]) -> list[list]:
    """Mentions as a user's posting gets them: set-aside parts give none."""
    from resumematch.jobs.posting import posting_skill_mentions

    return [posting_skill_mentions(p.text) for p in postings]


def sentence_mentions(postings: list[Posting]) -> list[list]:
    """Mentions of each sentence on its own, shifted back to posting offsets."""
    from resumematch.skills import extract_skills_batch

    out = []
    for posting in postings:
        sentences = [posting.text[a:b] for a, b in posting.lines]
        found = []
        for (a, _), mentions in zip(posting.lines, extract_skills_batch(sentences)):
            for m in mentions:
                found.append(type(m)(**{**m.to_dict(), "start": m.start + a, "end": m.end + a}))
        out.append(found)
    return out


def evaluate(postings: list[Posting], mentions_per_posting: list[list], labels: dict[str, str] | None = None) -> dict:
    """Precision overall and by category, knowledge recall, the false mentions, and (with
    ``labels``) the hand-read precision."""
    labels = hand_labels() if labels is None else labels
    errors = unread = 0
    right: Counter = Counter()
    total: Counter = Counter()
    tagged_right = tagged_total = 0
    false: list[tuple[str, str, str]] = []
    knowledge_found = knowledge_total = 0
    for index, (posting, mentions) in enumerate(zip(postings, mentions_per_posting)):
        for m in mentions:
            hit = any(a < m.end and m.start < b for a, b, _ in posting.spans)
            for key in ("all", m.category):
                total[key] += 1
                right[key] += hit
            line = next(((a, b) for a, b in posting.lines if a <= m.start <= b), (0, 0))
            if any(line[0] <= a < line[1] for a, _, _ in posting.spans):
                tagged_total += 1
                tagged_right += hit
            if not hit:
                line = next((posting.text[a:b] for a, b in posting.lines if a <= m.start <= b), "")
                label = labels.get(f"{index}:{m.start}")
                errors += label != "correct"
                unread += label is None
                false.append((m.text, m.name, line, f"{index}:{m.start}", label))
        for a, b, kind in posting.spans:
            if kind == "knowledge":
                knowledge_total += 1
                knowledge_found += any(a < m.end and m.start < b for m in mentions)
    return {
        "precision": {k: right[k] / total[k] for k in total},
        "tagged_precision": tagged_right / tagged_total if tagged_total else 0.0,
        "tagged_mentions": tagged_total,
        "mentions": dict(total),
        "knowledge_recall": knowledge_found / knowledge_total if knowledge_total else 0.0,
        "knowledge_spans": knowledge_total,
        "false": false,
        "hand_precision": 1 - errors / total["all"] if total["all"] else 0.0,
        "hand_errors": errors,
        "unread": unread,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--errors", type=int, default=30, help="how many of the most frequent false mentions to print")
    parser.add_argument("--sentences", action="store_true", help="each sentence alone, without posting context")
    parser.add_argument("--unread", action="store_true", help="list the false mentions not yet read by hand (to label)")
    args = parser.parse_args()
    if not SKILLSPAN.is_dir():
        raise SystemExit(f"no SkillSpan data at {SKILLSPAN}")
    postings = load_postings(args.split)
    mentions = sentence_mentions(postings) if args.sentences else posting_mentions(postings)
    result = evaluate(postings, mentions)
    mode = "sentences alone" if args.sentences else "postings, set-aside parts excluded"
    print(f"SkillSpan {args.split}: {len(postings)} postings, {mode}")
    print(f"{'category':<18}{'mentions':>9}{'precision':>11}")
    for key in sorted(result["mentions"], key=lambda k: (k != "all", k)):
        print(f"{key:<18}{result['mentions'][key]:>9}{result['precision'][key]:>11.3f}")
    print(f"precision on sentences the annotators tagged: {result['tagged_precision']:.3f} of {result['tagged_mentions']} mentions")
    print(f"knowledge recall: {result['knowledge_recall']:.3f} of {result['knowledge_spans']} spans")
    print(
        f"hand-read precision: {result['hand_precision']:.3f} ({result['hand_errors']} real errors among "
        f"{result['mentions']['all']} mentions; {result['unread']} false mentions not yet read, counted as errors)"
    )
    if args.split == "dev" and not args.sentences:
        other = evaluate(postings, sentence_mentions(postings))
        print(
            f"sentences alone (extractor only): {other['mentions']['all']} mentions, raw precision "
            f"{other['precision']['all']:.3f}, hand-read {other['hand_precision']:.3f} ({other['hand_errors']} errors, "
            f"{other['unread']} unread), knowledge recall {other['knowledge_recall']:.3f}"
        )
    if args.unread:
        print("\nfalse mentions not yet read (id, text -> skill | line):")
        for text, name, line, key, label in result["false"]:
            if label is None:
                print(f"  {key}\t{text!r} -> {name} | {line[:120]}")
    by_text: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text, name, line, _, _ in result["false"]:
        by_text[(text.lower(), name)].append(line)
    print(f"\n{args.errors} most frequent false mentions (text -> skill: count, one context):")
    for (text, name), lines in sorted(by_text.items(), key=lambda kv: -len(kv[1]))[: args.errors]:
        print(f"  {text!r} -> {name}: {len(lines)}  | {lines[0][:110]}")


if __name__ == "__main__":
    main()
