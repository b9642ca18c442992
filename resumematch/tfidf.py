"""TF-IDF similarity between a resume and a job, with IDF weights fitted on background text.

The background is our own paragraphs, the shipped job descriptions and the word statistics of
about a thousand O*NET occupations (``onet_vocabulary.py``): enough working life that a word
every resume uses weighs little and a word of one trade weighs a lot. A shipped job's side of
the comparison is its text plus its occupation's profile (the terms that occupation's titles,
tasks and tools use), weighted ``PROFILE_WEIGHT`` against the text.

Follows scikit-learn's estimator conventions: no logic in ``__init__``, learned state in
attributes ending in ``_``, ``fit`` returns ``self``. Fitting uses scikit-learn's
``TfidfVectorizer`` (word unigrams and bigrams, English stop words, sublinear tf, smoothed idf);
the fitted vocabulary and idf are stored as JSON in ``models/tfidf.json``, never pickled.

Transforming a text at run time does not import scikit-learn (its import alone takes about a
second, most of a ``check``'s budget): the analyzer below reproduces the vectorizer's, and a
test checks that the vectors agree. Two deliberate differences: a term repeated more than
``max_term_repeats`` times counts as that many (keyword stuffing does not pay), and a term the
background never saw gets the idf of a term in no document (it is rare, not worthless), so a
posting's own jargon still counts.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

TOKEN_PATTERN = r"(?u)\b[a-z0-9][a-z0-9+#]*(?:[./][a-z0-9+#]+)*"


# How much a shipped job's occupation profile weighs beside its own text (chosen on the tuning
# half of the ranking development set; see docs/scoring.md).
PROFILE_WEIGHT = 0.5
PROFILE_TERMS = 400  # the profile's strongest terms: the rest add little and cost loading time


def _idf(df: list[int], n: int) -> list[float]:
    """Smoothed idf, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1."""
    return [math.log((1 + n) / (1 + d)) + 1.0 for d in df]


class TfidfModel:
    def __init__(self, *, ngram_range: tuple[int, int] = (1, 2), max_term_repeats: int = 3) -> None:
        self.ngram_range = ngram_range
        self.max_term_repeats = max_term_repeats

    @classmethod
    def with_english_stop_words(cls) -> TfidfModel:
        """An unfitted model that can ``analyze`` text (for counting terms elsewhere)."""
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        model = cls()
        model.stop_words_ = sorted(ENGLISH_STOP_WORDS)
        return model

    # -- fitting (build time) --------------------------------------------------------------------
    def fit(self, documents: list[str], *, more_df: dict[str, int] | None = None, more_documents: int = 0,
            profiles: dict[str, dict[str, int]] | None = None) -> TfidfModel:
        """Idf over ``documents`` plus, when given, document frequencies counted elsewhere
        (``more_df`` over ``more_documents``), smoothed as scikit-learn smooths them. ``profiles``
        (name -> term counts) become stored, normalised vectors."""
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        vectorizer = self.sklearn_vectorizer(stop_words=sorted(ENGLISH_STOP_WORDS))
        counts = vectorizer.fit_transform(documents)
        self.stop_words_ = sorted(ENGLISH_STOP_WORDS)
        df = Counter({term: int(n) for term, n in zip(vectorizer.get_feature_names_out(), (counts > 0).sum(axis=0).A1)})
        df.update(more_df or {})
        n = len(documents) + more_documents
        self.vocabulary_ = {term: index for index, term in enumerate(sorted(df))}
        self.df_ = [df[term] for term in sorted(df)]
        self.idf_ = _idf(self.df_, n)
        self.n_documents_ = n
        self.profiles_ = {}
        for name, terms in sorted((profiles or {}).items()):
            weights = self._weights(terms, self.max_term_repeats)
            strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS]
            norm = math.sqrt(sum(w * w for _, w in strongest))
            self.profiles_[name] = {t: round(w / norm, 6) for t, w in sorted(strongest)}
        return self

    def sklearn_vectorizer(self, stop_words):
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(
            lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=stop_words,
            ngram_range=tuple(self.ngram_range), sublinear_tf=True, smooth_idf=True, norm="l2",
        )

    # -- persistence -------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "ngram_range": list(self.ngram_range),
            "max_term_repeats": self.max_term_repeats,
            "n_documents": self.n_documents_,
            "stop_words": self.stop_words_,
            # the terms in index order, with their idf: the vocabulary is rebuilt from the order
            # the terms in index order as one string, with their document frequencies: about 80,000
            # terms load in a few milliseconds this way (a list of strings and floats took 80 ms)
            "terms": "\n".join(sorted(self.vocabulary_, key=self.vocabulary_.__getitem__)),
            "df": " ".join(map(str, self.df_)),
            "profiles": self.profiles_,
        }

    @classmethod
    def from_dict(cls, data: dict) -> TfidfModel:
        model = cls(ngram_range=tuple(data["ngram_range"]), max_term_repeats=data["max_term_repeats"])
        model.n_documents_ = data["n_documents"]
        model.stop_words_ = data["stop_words"]
        terms = data["terms"].split("\n")
        model.vocabulary_ = dict(zip(terms, range(len(terms))))
        model.df_ = [int(d) for d in data["df"].split(" ")]
        model.idf_ = _idf(model.df_, model.n_documents_)
        model.profiles_ = data.get("profiles", {})
        return model

    @classmethod
    def load(cls, path: Path) -> TfidfModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    # -- transforming (run time) --------------------------------------------------------------------
    def analyze(self, text: str) -> list[str]:
        """Tokens and n-grams exactly as the fitted ``TfidfVectorizer`` builds them."""
        stop = self._stop_set
        tokens = [t for t in self._pattern.findall(text.lower()) if t not in stop]
        low, high = self.ngram_range
        terms: list[str] = []
        for n in range(low, high + 1):
            terms.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return terms

    def vector(self, text: str, *, max_term_repeats: int | None = None) -> dict[str, float]:
        """The L2-normalised tf-idf weights of a text, term by term.

        The last few vectors are kept: role fit compares one resume with every job, and bulk
        screening compares every resume with one job.
        """
        cap = self.max_term_repeats if max_term_repeats is None else max_term_repeats
        cache = self.__dict__.setdefault("_vectors", {})
        key = (text, cap)
        if key not in cache:
            if len(cache) >= 32:
                cache.pop(next(iter(cache)))
            cache[key] = self._vector(text, cap)
        return cache[key]

    def _vector(self, text: str, cap: int) -> dict[str, float]:
        weights = self._weights(Counter(self.analyze(text)), cap)
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}

    def _weights(self, counts, cap: int) -> dict[str, float]:
        unseen_idf = math.log(1 + self.n_documents_) + 1.0
        weights = {}
        for term, count in counts.items():
            index = self.vocabulary_.get(term)
            idf = self.idf_[index] if index is not None else unseen_idf
            weights[term] = (1.0 + math.log(min(count, cap) if cap else count)) * idf
        return weights

    def job_vector(self, text: str, profile: str | None = None) -> dict[str, float]:
        """A job's side of the comparison: its text, plus its occupation's profile when it has one."""
        vector = self.vector(text)
        terms = self.profiles_.get(profile) if profile else None
        if not terms:
            return vector
        key = ("profile", text, profile)
        cache = self.__dict__.setdefault("_vectors", {})
        if key not in cache:
            merged = dict(vector)
            for term, weight in terms.items():
                merged[term] = merged.get(term, 0.0) + PROFILE_WEIGHT * weight
            norm = math.sqrt(sum(w * w for w in merged.values()))
            cache[key] = {t: w / norm for t, w in merged.items()}
        return cache[key]

    def similarity(self, a: str, b: str, *, profile: str | None = None) -> float:
        """Cosine similarity of two texts, 0 to 1; ``b`` is a job's text, with its occupation
        ``profile`` (a shipped job's id) when it has one."""
        va, vb = self.vector(a), self.job_vector(b, profile)
        if len(vb) < len(va):
            va, vb = vb, va
        return sum(w * vb.get(term, 0.0) for term, w in va.items())

    @property
    def _stop_set(self) -> frozenset:
        cached = getattr(self, "_stop_cache", None)
        if cached is None:
            cached = self._stop_cache = frozenset(self.stop_words_)
        return cached

    _pattern = re.compile(TOKEN_PATTERN)
