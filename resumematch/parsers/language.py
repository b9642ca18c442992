"""The language a document is written in.

English is told without any model: English prose is made of its function words ("the", "and",
"of", "to", "with"), and a resume in English has them by the dozen. Only a text that lacks them
is handed to py3langid (a maintained fork of langid.py: a small naive Bayes model over byte
n-grams that ships inside the package, loaded from NumPy arrays without pickle, never downloaded;
see docs/languages.md for why this one), restricted to the languages ``resumematch/lang`` knows.
So an English resume costs a word count, and the model is loaded once per process, only for
documents in another language.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang import LANGUAGES

# How the warning for a resume in another language begins (check says it once, as advice).
LANGUAGE_WARNING = "the resume is written in "
_WORD = re.compile(r"[^\W\d_]+")
# Function words no other language here writes as words of its own ("in", "is", "a", "was",
# "over" are Dutch, German, Italian or Spanish words too, so they do not count).
_ENGLISH = frozenset(
    "the and of to for with are were has have had my our that this from your their using including "
    "which will been while through".split()
)
_ENGLISH_SHARE = 0.04
_MIN_WORDS = 20
_SAMPLE_CHARS = 6000


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in ("en", "de", ...), or "" when
    there are too few words to tell."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    if len(words) < _MIN_WORDS:
        return ""
    if sum(1 for w in words if w in _ENGLISH) >= _ENGLISH_SHARE * len(words):
        return "en"
    code, _ = _identifier().classify(text[:_SAMPLE_CHARS])
    return code


def english_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    return sum(1 for w in words if w in _ENGLISH) / len(words) if words else 0.0


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES))
    return identifier
