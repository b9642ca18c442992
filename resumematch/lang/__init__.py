"""Per-language data, one folder per language, shaped like spaCy's ``spacy/lang/<code>/``.

Every folder holds the same small tables under the same names:

- ``__init__.py``: ``NAME``, the language's English name ("German"), said in reports;
- ``headings.py``: ``HEADINGS`` (canonical resume section -> the headings that open it),
  ``CONNECTORS`` (the word for "and", left out when headings are compared), ``LINKEDIN`` (the
  headings LinkedIn's "Save to PDF" prints in that interface language) and ``LINKEDIN_LABELS``
  (the words it prints after a link in the sidebar);
- ``postings.py``: ``HEADINGS`` (posting part -> headings), ``PREFERRED_WORDS`` and
  ``REQUIRED_WORDS`` (words that say how much a line of a posting asks for).

Code reads the merged tables below and never branches on a language's name: a new language is
a new folder and a line in :data:`LANGUAGES`.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import cache

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "ru")


@cache
def module(code: str, part: str):
    return importlib.import_module(f"{__name__}.{code}.{part}" if part else f"{__name__}.{code}")


def language_name(code: str | None) -> str:
    """"de" -> "German"; an unknown code is returned as it is."""
    if code in LANGUAGES:
        return module(code, "").NAME
    return code or ""


def fold(text: str) -> str:
    """Case and accents off: "Expérience" and "EXPERIENCE" compare equal, so do "Educación"
    and "Educacion" (people drop accents in headings set in capitals)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORDS = re.compile(r"[^\W\d_]+")
_WORD_GAP = re.compile(r"\s{2,}|\s*[|/·•]\s*")


def unspace(text: str) -> tuple[str, bool]:
    """Letter-spaced text joined ("E X P E R I E N C E" -> "EXPERIENCE"; a wider gap, two
    spaces or more, still parts two words), and whether it was letter-spaced."""
    tokens = text.split()
    if len(tokens) < 3 or sum(1 for t in tokens if len(t) == 1) < 0.8 * len(tokens):
        return text, False
    return " ".join("".join(part.split()) for part in _WORD_GAP.split(text.strip()) if part.strip()), True


@cache
def connectors() -> frozenset[str]:
    return frozenset(fold(w) for code in LANGUAGES for w in module(code, "headings").CONNECTORS)


def heading_key(text: str) -> str:
    """A heading folded for comparison: letters only, case and accents off, letter-spacing
    joined, the word for "and" left out ("Aus- und Weiterbildung" -> "aus weiterbildung",
    "Skills & Abilities" -> "skills abilities")."""
    joined, _ = unspace(text)
    skip = connectors()
    return " ".join(w for w in _WORDS.findall(fold(joined)) if w not in skip)


@cache
def resume_headings() -> dict[str, str]:
    """Folded heading -> canonical section, over every language (the one table in docs/languages.md)."""
    table: dict[str, str] = {}
    for code in LANGUAGES:
        data = module(code, "headings")
        for section, variants in data.HEADINGS.items():
            for variant in variants:
                table.setdefault(heading_key(variant), section)
    return table


@cache
def compact_headings() -> dict[str, str]:
    """The same table without spaces: "WORKEXPERIENCE" as a letter-spaced line joins it."""
    return {key.replace(" ", ""): name for key, name in resume_headings().items()}


def singular(key: str) -> str:
    """A folded heading with the final "s" of its longer words off: "Expériences
    professionnelles", "Certifications" and "Experience professionnelle" meet."""
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in key.split())


@cache
def singular_headings() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, name in resume_headings().items():
        table.setdefault(singular(key), name)
    return table


# LinkedIn's sidebar blocks that are not resume sections of their own name.
_LINKEDIN_SECTION = {"patents": "publications"}


@cache
def linkedin_headings() -> dict[str, str]:
    """Folded LinkedIn heading (every interface language) -> canonical section."""
    table: dict[str, str] = {}
    for code in LANGUAGES:
        for section, heading in module(code, "headings").LINKEDIN.items():
            table[heading_key(heading)] = _LINKEDIN_SECTION.get(section, section)
    return table


@cache
def linkedin_labels() -> frozenset[str]:
    """The words in brackets after a link in LinkedIn's sidebar ("(LinkedIn)", "(Company)")."""
    return frozenset(fold(w) for code in LANGUAGES for w in module(code, "headings").LINKEDIN_LABELS)


@cache
def posting_headings() -> dict[str, str]:
    """Folded posting heading (every language but the English table in jobs/sections.py) -> part kind."""
    table: dict[str, str] = {}
    for code in LANGUAGES:
        for kind, variants in module(code, "postings").HEADINGS.items():
            for variant in variants:
                table.setdefault(heading_key(variant), kind)
    return table


@cache
def posting_words(kind: str) -> frozenset[str]:
    """Folded words that make a posting line ``kind`` ("preferred" or "required")."""
    name = {"preferred": "PREFERRED_WORDS", "required": "REQUIRED_WORDS"}[kind]
    return frozenset(fold(w) for code in LANGUAGES for w in getattr(module(code, "postings"), name))


@cache
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words of a language (its ``spacy/lang/<code>/stop_words.py``), English for an
    unknown code."""
    code = code if code in LANGUAGES else "en"
    return frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)


def capitalised_terms(code: str) -> bool:
    """Whether a capitalised word can be a term of the trade in this language (not in German,
    which capitalises every noun)."""
    return module(code if code in LANGUAGES else "en", "").CAPITALISED_TERMS


def cue_pattern(kind: str) -> str:
    """An alternation of every language's words that make a posting line ``kind`` ("preferred",
    "required"), longest first, for a case-insensitive regex."""
    name = {"preferred": "LINE_PREFERRED", "required": "LINE_REQUIRED"}[kind]
    words = {w for code in LANGUAGES for w in getattr(module(code, "postings"), name)}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def headings_markdown() -> str:
    """The one headings table as Markdown (docs/languages.md holds it; a test keeps it current):
    each canonical section and, per language, the headings that open it."""
    sections = list(module(LANGUAGES[0], "headings").HEADINGS)
    rows = ["| section | " + " | ".join(f"{language_name(c)} ({c})" for c in LANGUAGES) + " |",
            "|---|" + "---|" * len(LANGUAGES)]
    for section in sections:
        cells = [", ".join(module(c, "headings").HEADINGS.get(section, ())) for c in LANGUAGES]
        rows.append(f"| {section} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


@cache
def name_labels() -> frozenset[str]:
    """Folded labels that stand before a name on its line, in every language."""
    return frozenset(heading_key(w) for code in LANGUAGES for w in module(code, "headings").NAME_LABELS)
