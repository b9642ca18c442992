"""Propose taxonomy entries from O*NET 29.2 and ESCO that the taxonomy does not cover yet.

    python scripts/import_taxonomy_sources.py [--corpus ../shared/corpus] [--write]

Prints candidate YAML lines; ``--write`` appends them to resumematch/taxonomy/skills.yaml under
a dated heading, for a person to review like any other change. Only the vocabulary is taken
(product and skill names, abbreviations), with credit in NOTICE.

O*NET: technology skills listed for the ISP occupations (SOC codes below) that O*NET flags as
"hot technology" or lists for two or more of those occupations; its generic category rows
("Antivirus software") are skipped. "Border Gateway Protocol BGP" becomes the name "Border
Gateway Protocol" with the alias "BGP".

ESCO: transversal and cross-sector skills whose label names a theme of ISP work. The copy in
the corpus has rows whose alternative labels belong to a neighbouring concept, so a row is used
only when its alternative labels include its own preferred label.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY = ROOT / "resumematch" / "taxonomy" / "skills.yaml"
ISP_SOC_PREFIXES = ("15-1241", "15-1231", "49-2022", "49-9052", "15-1244", "43-4051", "15-1232", "41-4011", "41-3091", "13-1161")
ESCO_THEMES = re.compile(
    r"\b(customer|client|communicat|team|sales|sell|market|network|problem|listen|empath|negotiat|"
    r"troubleshoot|cabl|telecom|broadband|fibre|fiber|ICT|computer|time management|"
    r"complaint|patien|stress)\w*", re.I,
)


def key(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", " ", text.lower()).strip()


def known_keys(entries: list[dict]) -> set[str]:
    keys = set()
    for entry in entries:
        for name in [entry["name"], *entry.get("aliases", []), *entry.get("exact", []), *entry.get("ambiguous", [])]:
            keys.add(key(name))
    return keys


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_abbreviation(example: str) -> tuple[str, list[str]]:
    """ "Border Gateway Protocol BGP" -> ("Border Gateway Protocol", ["BGP"])."""
    words = example.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9/+&-]{1,9}", words[-1]) and not words[-2].isupper():
        return " ".join(words[:-1]), [words[-1]]
    return example, []


def onet_candidates(corpus: Path, known: set[str]) -> list[dict]:
    socs: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    with (corpus / "taxonomies" / "onet-29.2" / "Technology_Skills.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["O*NET-SOC Code"].startswith(ISP_SOC_PREFIXES):
                socs[row["Example"]].add(row["O*NET-SOC Code"][:7])
                if row["Hot Technology"] == "Y":
                    hot.add(row["Example"])
    out = []
    for example in sorted(socs):
        if example.lower().endswith(" software") or (example not in hot and len(socs[example]) < 2):
            continue
        name, aliases = split_abbreviation(example)
        if {key(example), key(name), *map(key, aliases)} & known or len(key(name)) < 3:
            continue
        entry = {"id": slug(name), "name": name, "category": "tool", "source": "onet"}
        if aliases:
            entry["aliases"] = aliases
        out.append(entry)
        known.update({key(name), *map(key, aliases)})
    return out


def esco_candidates(corpus: Path, known: set[str]) -> list[dict]:
    out = []
    with (corpus / "taxonomies" / "esco-skills-transversal" / "skills_en.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = row["preferredLabel"].strip()
            alternatives = [a.strip() for a in row["altLabels"].split("\n") if a.strip()]
            if label not in alternatives or not ESCO_THEMES.search(label) or key(label) in known:
                continue  # misaligned row, off-theme, or already there
            aliases = [a for a in alternatives if a != label and key(a) not in known and len(a) <= 60][:8]
            category = "soft" if row["reuseLevel"] == "transversal" else "domain"
            out.append({"id": slug(label), "name": label, "category": category, "aliases": aliases, "source": "esco"})
            known.update({key(label), *map(key, aliases)})
    return out


def as_yaml_line(entry: dict) -> str:
    return "- " + yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, width=10_000).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--write", action="store_true", help="append the candidates to the taxonomy")
    args = parser.parse_args()
    entries = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    known = known_keys(entries)
    ids = {e["id"] for e in entries}
    candidates = [c for c in onet_candidates(args.corpus, known) + esco_candidates(args.corpus, known) if c["id"] not in ids]
    lines = [as_yaml_line(c) for c in candidates]
    for line in lines:
        yaml.safe_load(line)  # every emitted line must itself be valid YAML
    if args.write and lines:
        with TAXONOMY.open("a", encoding="utf-8") as handle:
            handle.write("\n# --- imported by scripts/import_taxonomy_sources.py, then reviewed --------------------\n")
            handle.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"{len(lines)} candidates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
