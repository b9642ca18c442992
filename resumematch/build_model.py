"""Build what lives in ``models/``: the skill pipeline and the TF-IDF background.

    python -m resumematch.build_model [--output models/skills] [--tfidf-output models/tfidf.json]

``models/skills`` is the spaCy pipeline built from the taxonomy; ``models/tfidf.json`` holds the
vocabulary and idf weights fitted on resumematch/background/documents.txt and the shipped job
descriptions (JSON, never pickle).

Needs the build-only dependency spacy-lookups-data (``pip install -e '.[build]'``): the English
lemma entries the patterns need are copied into the saved pipeline, so nothing is downloaded
or looked up at run time. The build records a hash of its inputs; a test compares it with the
taxonomy in the checkout, so a stale model fails CI.

The build refuses a taxonomy in which one written form would mean two skills.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

from .skills.activities import COMPILED_NAME as ACTIVITIES_NAME
from .skills.activities import SOURCE_FILE as ACTIVITIES_FILE
from .skills.activities import load_source as load_activities
from .taxonomy import SOURCE_FILE, Taxonomy, TaxonomyError

# Bump when the way patterns are derived changes, so existing models count as stale.
BUILD_VERSION = 9
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "models" / "skills"


def inputs_hash(taxonomy_path: Path = SOURCE_FILE, activities_path: Path = ACTIVITIES_FILE) -> str:
    digest = hashlib.sha256()
    digest.update(f"build-version:{BUILD_VERSION}\n".encode())
    digest.update(taxonomy_path.read_bytes())
    digest.update(activities_path.read_bytes())
    return digest.hexdigest()


def english_lemmas() -> dict[str, str]:
    """spacy-lookups-data's English lemma lookup table, word -> lemma, lower-cased.

    Read from the package's JSON file: a loaded spaCy ``Table`` keeps only hashes of its keys.
    """
    try:
        from importlib.resources import files

        import srsly

        raw = srsly.read_gzip_json(str(files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"))
    except (ImportError, FileNotFoundError) as error:
        raise SystemExit(f"the build needs spacy-lookups-data: pip install -e '.[build]' ({error})") from None
    lemmas: dict[str, str] = {}
    for word, lemma in raw.items():
        lemmas.setdefault(word.lower(), lemma.lower())
    return lemmas


def compile_patterns(taxonomy: Taxonomy, nlp, english: dict[str, str]) -> tuple[list[dict], dict[str, str]]:
    """Patterns for every written form, and the lemma entries their keys need.

    ``english`` is the full English lemma table. An all-caps form that is also an English word
    ("SIP", "LAG", "AD") is matched exactly, so "sip" and "lag" in prose do not count.
    """
    from .skills.normalize import is_acronym, match_key, spelling_variants, unhyphenate

    lemmas = plural_lemmas(english)
    english_words = set(english) | set(english.values()) | set(nlp.Defaults.stop_words)

    patterns: list[dict] = []
    owners: dict[tuple[str, tuple[str, ...]], str] = {}
    needed: set[str] = set()
    clashes: list[str] = []
    seen: set[tuple[str, str, str]] = set()

    def add(skill_id: str, text: str, kind: str, *, derived: bool = False) -> None:
        tokens = [t.text for t in nlp.make_doc(text)]
        keyed = kind in ("fuzzy", "listed")
        key = tuple(match_key(t, lemmas) for t in tokens) if keyed else tuple(tokens)
        owner = owners.setdefault(("fuzzy" if keyed else kind, key), skill_id)
        if owner != skill_id:
            if not derived:  # a derived short name gives way to any name written in the taxonomy
                clashes.append(f"{text!r} would match both {owner!r} and {skill_id!r}")
            return
        if keyed:
            needed.update(key)
        if (skill_id, text, kind) not in seen:
            seen.add((skill_id, text, kind))
            pattern = {"id": skill_id, "text": text, "kind": kind, "tokens": tokens}
            if keyed:
                pattern["keys"] = list(key)
            patterns.append(pattern)

    def add_listcase(skill_id: str, form: str) -> None:
        """Any case, in lists only: "java", "EXCEL". A form that is a function word or a single
        letter in lower case ("it", "go" stay exact) would match too much even in lists."""
        tokens = [t.text.lower() for t in nlp.make_doc(unhyphenate(form))]
        if len(tokens) == 1 and (len(tokens[0]) < 2 or tokens[0] in _LOWER_CASE_UNSAFE):
            return
        owner = owners.setdefault(("listcase", tuple(tokens)), skill_id)
        if owner == skill_id and (skill_id, form.lower(), "listcase") not in seen:
            seen.add((skill_id, form.lower(), "listcase"))
            patterns.append({"id": skill_id, "text": form.lower(), "kind": "listcase", "tokens": tokens})

    for skill in taxonomy.skills.values():
        special = set(skill.exact) | set(skill.ambiguous) | set(skill.listed) | set(skill.spoken)
        labels = {*skill.label_forms, *_unaccented(skill.label_forms)}
        for form in (skill.name, *skill.aliases, *skill.label_forms, *_unaccented(skill.label_forms)):
            if form in special:
                continue
            for variant in spelling_variants(form, english=form not in labels):
                if unhyphenate(variant) != variant:
                    continue  # never in the matched text, where such hyphens read as spaces
                words = variant.split()
                if len(words) > 1 and any(is_acronym(w) and w.lower() in english_words for w in words):
                    words = unhyphenate(variant).split()
                    # "IT support": the acronym keeps its capitals ("It supports the design" is no support).
                    for cased in _case_variants(words, english_words):
                        add(skill.id, cased, "exact")
                    add_listcase(skill.id, variant)
                    continue
                exact = is_acronym(variant) and variant.lower() in english_words
                add(skill.id, variant, "exact" if exact else "fuzzy")
                if exact:
                    add_listcase(skill.id, variant)
        for short in vendorless(skill):
            words = short.split()
            if not all(w.lower() in english_words for w in words):
                add(skill.id, short, "fuzzy", derived=True)  # "DynamoDB", "LoadRunner", "Hadoop"
            elif len(words) > 1:
                add(skill.id, short, "exact", derived=True)  # "Crystal Reports", "Visual Studio"
            # A single English word ("Spark", "Hive", "Project") needs its sense: senses.yaml.
        for form in skill.exact:
            if "-" in form:  # the text is matched with hyphens between letters read as spaces
                add(skill.id, unhyphenate(form), "exact")
            add(skill.id, form, "exact")
            if len(form) > 2 and form[1:].islower():
                add(skill.id, form.upper(), "exact")  # "BASH and/or Python", "JAVA JEE"
            add_listcase(skill.id, form)
        for form in skill.ambiguous:
            add(skill.id, unhyphenate(form), "ambiguous")
            add_listcase(skill.id, form)
        for form in skill.listed:
            for variant in spelling_variants(form):
                if unhyphenate(variant) == variant:
                    add(skill.id, variant, "listed")
        for form in skill.spoken:
            add(skill.id, unhyphenate(form), "spoken")
            add_listcase(skill.id, form)
    if clashes:
        raise TaxonomyError("; ".join(clashes) + "; keep each written form in one skill")
    # Keep only the lemma entries that can turn a word of the text into a pattern's key.
    kept = {form: lemma for form, lemma in lemmas.items() if lemma in needed and form != lemma}
    return patterns, kept


# Makers that O*NET writes before a product's name ("Apache Hadoop", "Amazon DynamoDB",
# "Hewlett Packard LoadRunner"); postings mostly write the product alone.
VENDORS = (
    "Adobe", "Amazon", "AWS", "Apache", "Atlassian", "Autodesk", "Citrix", "Dassault Systemes", "Google",
    "Hewlett Packard", "HP", "IBM", "Intuit", "LogMeIn", "Microsoft", "National Instruments", "NovaStor", "Oracle",
    "Quest", "Red Hat", "SAP", "Symantec", "Trimble", "Veritas", "Dartware",
)
_VENDOR = re.compile(r"^(?:" + "|".join(re.escape(v) for v in VENDORS) + r")\s+(?=\S)")


def vendorless(skill) -> list[str]:
    """The names of an O*NET product without its maker: "Apache Hadoop" -> "Hadoop". Only for
    entries imported from O*NET, whose names always carry the maker."""
    if skill.source != "onet":
        return []
    out = []
    for form in (skill.name, *skill.aliases):
        short = _VENDOR.sub("", form)
        if short != form and len(short) > 2 and short not in out:
            out.append(short)
    return out


def _unaccented(forms) -> list[str]:
    """Labels as people type them without accents ("soporte tecnico", "administracion de redes")."""
    import unicodedata

    out = []
    for form in forms:
        plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
        if plain != form and plain.isascii():
            out.append(plain)
    return out


# Lower-case words a name in a list may not be: function words and the like.
_LOWER_CASE_UNSAFE = frozenset({"it", "is", "as", "am", "be", "do", "go", "in", "on", "at", "or", "an", "us", "no", "so", "up", "we", "me", "my", "he", "ad", "pi"})


def _case_variants(words: list[str], english_words: set[str]) -> list[str]:
    """A form with an acronym in it, as people write it: the other words lower, title or upper case."""
    def cased(transform) -> str:
        return " ".join(w if w.isupper() else transform(w) for w in words)

    return list(dict.fromkeys([" ".join(words), cased(str.lower), cased(str.title), " ".join(w.upper() for w in words)]))


def plural_lemmas(lemmas: dict[str, str]) -> dict[str, str]:
    """The lemma entries that only drop an "-s" ending: "routers" -> "router", "switches" -> "switch".

    Other inflections change what a word names: "networking" is a skill, "network" a thing;
    "routing" is not "route", "reporting" is not "reported", "led" is not "lead". Skills that
    want a verb form list it as an alias ("troubleshoot", "troubleshooting"). A word in "-ics" names a
    field, not many of a thing: "economics" is not "economic", "robotics" not "robotic".
    """
    return {
        word: lemma
        for word, lemma in lemmas.items()
        if word.endswith("s") and not word.endswith(("ss", "ics")) and word.startswith(lemma[: max(1, len(lemma) - 1)])
    }


def build(output: Path = DEFAULT_OUTPUT, taxonomy_path: Path = SOURCE_FILE) -> Path:
    import spacy

    from .skills import (
        component,  # noqa: F401 - registers the factory
        tokenizer,  # noqa: F401 - registers the tokenizer
    )

    taxonomy = Taxonomy.load(taxonomy_path)
    try:
        activities = load_activities(set(taxonomy.skills))
    except ValueError as error:
        raise TaxonomyError(str(error)) from None
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "resumematch.skill_tokenizer.v1"}}})
    matcher = nlp.add_pipe("isp_skills")
    patterns, lemmas = compile_patterns(taxonomy, nlp, english_lemmas())
    build_info = {"inputs_sha256": inputs_hash(taxonomy_path), "build_version": BUILD_VERSION, "skills": len(taxonomy)}
    matcher.set_data(patterns=patterns, taxonomy=taxonomy.to_entries(), lemmas=lemmas, build_info=build_info)
    nlp.meta["name"] = "resumematch_skills"
    nlp.meta["description"] = "ISP skill matcher built from resumematch/taxonomy/skills.yaml"
    nlp.meta["resumematch"] = build_info
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    (output / "isp_skills" / ACTIVITIES_NAME).write_text(json.dumps(activities, indent=0) + "\n", encoding="utf-8")
    return output


TFIDF_OUTPUT = ROOT / "models" / "tfidf.json"
BACKGROUND = Path(__file__).resolve().parent / "background" / "documents.txt"


def background_documents() -> list[str]:
    """The TF-IDF background: resumematch/background/documents.txt and the shipped job descriptions."""
    documents = []
    for paragraph in BACKGROUND.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in paragraph.splitlines() if line.strip() and not line.startswith("#")]
        if lines:
            documents.append(" ".join(lines))
    for path in sorted((ROOT / "job_descriptions").glob("*.md")):
        documents.append(path.read_text(encoding="utf-8"))
    return documents


def tfidf_inputs_hash(documents: list[str] | None = None) -> str:
    """The hash of what the TF-IDF model is built from: the background documents, then the O*NET
    counts (background/onet.json)."""
    from .onet_vocabulary import OUTPUT as ONET

    if documents is None:
        documents = background_documents()
    digest = hashlib.sha256(f"tfidf-build-version:{BUILD_VERSION}\n".encode())
    for document in [*documents, ONET.read_text(encoding="utf-8")]:
        digest.update(hashlib.sha256(document.encode("utf-8")).digest())
    return digest.hexdigest()


def build_tfidf(output: Path = TFIDF_OUTPUT) -> Path:
    """Idf from our background documents and O*NET's occupation counts (background/onet.json,
    made by ``python -m resumematch.onet_vocabulary``), and each shipped job's occupation profile."""
    from .onet_vocabulary import OUTPUT as ONET, shipped_codes
    from .tfidf import TfidfModel

    documents = background_documents()
    onet = json.loads(ONET.read_text(encoding="utf-8"))
    profiles = {}
    for job_id, codes in shipped_codes().items():
        merged: dict[str, int] = {}
        for code in codes:
            for term, count in onet["profiles"][code].items():
                merged[term] = merged.get(term, 0) + count
        profiles[job_id] = merged
    model = TfidfModel().fit(documents, more_df=onet["df"], more_documents=onet["occupations"], profiles=profiles)
    data = {"inputs_sha256": tfidf_inputs_hash(documents), **model.to_dict()}
    output.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the skill pipeline and the TF-IDF background in models/.")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--taxonomy", type=Path, default=SOURCE_FILE)
    parser.add_argument("--tfidf-output", type=Path, default=TFIDF_OUTPUT)
    args = parser.parse_args(argv)
    try:
        path = build(args.output, args.taxonomy)
    except TaxonomyError as error:
        print(f"Error: {args.taxonomy}: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    print(f"wrote {build_tfidf(args.tfidf_output)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
