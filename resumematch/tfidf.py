"""TF-IDF similarity between a resume and a job, with IDF weights fitted on background text.

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


class TfidfModel:
    def __init__(self, *, ngram_range: tuple[int, int] = (1, 2), max_term_repeats: int = 3) -> None:
        self.ngram_range = ngram_range
        self.max_term_repeats = max_term_repeats

    # -- fitting (build time) --------------------------------------------------------------------
    def fit(self, documents: list[str]) -> TfidfModel:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        vectorizer = self.sklearn_vectorizer(stop_words=sorted(ENGLISH_STOP_WORDS))
        vectorizer.fit(documents)
        self.stop_words_ = sorted(ENGLISH_STOP_WORDS)
        self.vocabulary_ = {term: int(index) for term, index in sorted(vectorizer.vocabulary_.items())}
        self.idf_ = [float(v) for v in vectorizer.idf_]
        self.n_documents_ = len(documents)
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
            "vocabulary": self.vocabulary_,
            "idf": self.idf_,
        }

    @classmethod
    def from_dict(cls, data: dict) -> TfidfModel:
        model = cls(ngram_range=tuple(data["ngram_range"]), max_term_repeats=data["max_term_repeats"])
        model.n_documents_ = data["n_documents"]
        model.stop_words_ = data["stop_words"]
        model.vocabulary_ = data["vocabulary"]
        model.idf_ = data["idf"]
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
        counts = Counter(self.analyze(text))
        unseen_idf = math.log(1 + self.n_documents_) + 1.0
        weights = {}
        for term, count in counts.items():
            index = self.vocabulary_.get(term)
            idf = self.idf_[index] if index is not None else unseen_idf
            weights[term] = (1.0 + math.log(min(count, cap) if cap else count)) * idf
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts, 0 to 1."""
        va, vb = self.vector(a), self.vector(b)
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
