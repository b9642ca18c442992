"""Word statistics of the world's occupations, from O*NET, for the TF-IDF background (build time).

    python -m resumematch.onet_vocabulary ../shared/corpus/taxonomies/onet-29.2

Our own background texts are a few dozen paragraphs: too few to say which words are common in
working life ("customer", "managed") and which name a line of work ("prospecting", "VLAN"). The
O*NET database describes about a thousand occupations (titles, alternate titles, tasks, the
software and tools each uses). This module reduces it to numbers and words, never sentences:

- ``df``: in how many occupations each term (word or two-word phrase, as ``tfidf.py`` cuts them)
  occurs, for words in at least two of them and phrases in at least five; the TF-IDF background adds these to its own counts;
- ``profiles``: for the occupations the shipped jobs name in their front matter (``onet:``), how
  often each term occurs in that occupation's titles, tasks, tools and technology. A shipped job's
  similarity is measured against its own text and this profile, so a resume in the words its
  occupation really uses ("merchandise", "quota", "ticketing system") is found though our job
  text, written short, does not use them.

The output, ``resumematch/background/onet.json``, is committed: the build of ``models/`` reads it
and never needs the O*NET files. Credit: O*NET 29.2 Database, U.S. Department of Labor, Employment
and Training Administration (CC BY 4.0), in NOTICE.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "background" / "onet.json"
JOBS = Path(__file__).resolve().parent.parent / "job_descriptions"
SOURCE = "O*NET 29.2 Database, U.S. Department of Labor, Employment and Training Administration (CC BY 4.0)"
TABLES = {  # table -> the column that holds its words
    "Occupation_Data.txt": ("Title", "Description"),
    "Task_Statements.txt": ("Task",),
    "Technology_Skills.txt": ("Example",),
    "Tools_Used.txt": ("Example",),
    "Alternate_Titles.txt": ("Alternate Title",),
}
# A term in one occupation only is that occupation's jargon, and a two-word phrase in under five
# is nearly so: the idf of an unseen term serves them, and leaving them out keeps the model small
# enough to load in milliseconds (80,000 terms took 50 ms; these 27,000 take a third of that).
MIN_OCCUPATIONS = 2
MIN_OCCUPATIONS_PHRASE = 5


def occupation_texts(folder: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    for table, columns in TABLES.items():
        with (folder / table).open(encoding="utf-8", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                texts[row["O*NET-SOC Code"]] += [row[c] for c in columns if row.get(c)]
    return texts


def shipped_codes() -> dict[str, list[str]]:
    """job id -> the O*NET codes its front matter names (``onet: [41-4011, ...]``)."""
    codes = {}
    for path in sorted(JOBS.glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---")[1]
        found = re.search(r"^onet:\s*\[([^\]]*)\]", front, re.M)
        if found:
            codes[path.stem] = [c.strip() for c in found.group(1).split(",") if c.strip()]
    return codes


def build(folder: Path, output: Path = OUTPUT) -> Path:
    from .tfidf import TfidfModel

    analyzer = TfidfModel.with_english_stop_words()
    texts = occupation_texts(folder)
    df: Counter = Counter()
    terms_of: dict[str, Counter] = {}
    for code, parts in texts.items():
        terms = Counter(analyzer.analyze("\n".join(parts)))
        terms_of[code] = terms
        df.update(terms.keys())
    wanted = sorted({c for codes in shipped_codes().values() for c in codes})
    profiles = {}
    for prefix in wanted:
        merged: Counter = Counter()
        for code, terms in terms_of.items():
            if code.startswith(prefix):
                merged.update(terms)
        if not merged:
            raise SystemExit(f"no O*NET occupation has the code {prefix}")
        profiles[prefix] = dict(sorted(merged.items()))
    data = {
        "source": SOURCE,
        "occupations": len(texts),
        "df": {t: n for t, n in sorted(df.items()) if n >= (MIN_OCCUPATIONS_PHRASE if " " in t else MIN_OCCUPATIONS)},
        "profiles": profiles,
    }
    output.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    return output


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m resumematch.onet_vocabulary ONET_FOLDER")
    print(f"wrote {build(Path(sys.argv[1]))}")
