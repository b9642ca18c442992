"""Key skills found in public ISP and telecom postings, labelled by hand before the tool was run.

    python benchmarks/public_postings.py [--quiet]

The postings are excerpts of real pages as published, boilerplate included
(tests/data/public_postings/, addresses in labels.json). Each is read the way ``jobs show`` reads
a posting a user brings. Printed per posting and overall:

- key skills found: the labelled skills (a name, or alternatives "A|B") the posting's job has,
  named directly or implied by a narrower skill it names; a label the taxonomy cannot resolve
  counts as missed;
- junk: a word labelled "must not come out" that does come out, as a skill mention or an other
  keyword;
- requirements set aside: a labelled requirement sentence that landed in a set-aside part.

Then every miss and every skill the tool found beyond the labels, to read one by one, and the
SkillSpan dev figures beside (when ../shared/corpus is present).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTINGS = ROOT / "tests" / "data" / "public_postings"


@dataclass
class PostingResult:
    name: str
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # skills found beyond the labels, to read


def labels() -> dict[str, dict]:
    data = json.loads((POSTINGS / "labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def measure() -> list[PostingResult]:
    from resumematch.jobs import load_job
    from resumematch.jobs.sections import posting_parts
    from resumematch.skills import extract_skills, taxonomy

    known = taxonomy()
    results = []
    for name, label in labels().items():
        path = POSTINGS / name
        text = path.read_text(encoding="utf-8")
        job = load_job(path)
        named = {s.skill_id for s in job.skills}
        held = named | {broader for skill_id in named for broader in known.implied(skill_id)}
        result = PostingResult(name)
        wanted: set[str] = set()
        for key in label["key_skills"]:
            resolved = [known.resolve(alternative) for alternative in key.split("|")]
            ids = {skill.id for skill in resolved if skill}
            wanted |= ids
            (result.found if ids & held else result.missed).append(key)
        mentions = [m.text.lower() for m in extract_skills(text) if m.skill_id in named]
        outputs = mentions + [k.lower() for k in job.other_keywords]
        for word in label["must_not"]:
            hits = [o for o in outputs if re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", o)]
            if hits:
                result.junk.append(f"{word!r} in {hits[0]!r}")
        parts = posting_parts(text)
        for sentence in label["requirements"]:
            at = text.find(sentence)
            part = next((p for p in parts if p.start <= at < p.end), None)
            if at < 0 or part is None or part.set_aside:
                result.set_aside.append(sentence)
        result.extra = sorted(known[s].name for s in named - wanted)
        results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    results = measure()
    found = sum(len(r.found) for r in results)
    total = found + sum(len(r.missed) for r in results)
    print(f"{len(results)} public postings, {total} key skills labelled by hand")
    print(f"key skills found: {found / total:.3f} ({found}/{total})")
    print(f"junk (must-not words that came out): {sum(len(r.junk) for r in results)}")
    print(f"requirement sentences set aside: {sum(len(r.set_aside) for r in results)}")
    if not args.quiet:
        for r in results:
            print(f"\n{r.name}: {len(r.found)}/{len(r.found) + len(r.missed)}")
            for key in r.missed:
                print(f"  missed: {key}")
            for junk in r.junk:
                print(f"  junk:   {junk}")
            for sentence in r.set_aside:
                print(f"  set aside: {sentence}")
            if r.extra:
                print(f"  also found: {', '.join(r.extra)}")
    sys.path.insert(0, str(Path(__file__).parent))
    from skills_external import SKILLSPAN, evaluate, load_postings, posting_mentions

    if SKILLSPAN.is_dir():
        postings = load_postings("dev")
        figures = evaluate(postings, posting_mentions(postings))
        print(
            f"\nSkillSpan dev beside: precision {figures['precision']['all']:.3f}, "
            f"knowledge recall {figures['knowledge_recall']:.3f} of {figures['knowledge_spans']} spans"
        )


if __name__ == "__main__":
    main()
