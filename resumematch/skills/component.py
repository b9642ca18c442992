"""The ``isp_skills`` spaCy component: finds taxonomy skills in a Doc.

Three kinds of patterns, built from the taxonomy by ``resumematch.build_model``:

- ``fuzzy``: matched on match keys (case- and inflection-insensitive), the common case;
- ``exact``: matched on the exact characters (acronyms that are also words: "IT", "SIP");
- ``ambiguous``: exact characters AND evidence that a skill is meant ("Excel", "Go", "Teams"):
  the name is an item of a list (commas, pipes, slashes, bullets, "and"/"or" around it, or alone
  on its line), follows "in", "with", "using" or "including", or sits in the resume's Skills section;
- ``listed``: match keys (any case) AND list or Skills-section evidence, or a following "skills", "abilities"
  or "experience" ("communication and leadership skills", "grounding experience"): one-word soft skills ("Leadership", "Collaboration")
  that in prose are more often the company's words than a claim about the person.

Overlapping candidates are resolved to the longest ("CompTIA Network+" over "Network+"). The
result is ``doc.spans["skills"]``, each span labelled with the skill id.
"""

from __future__ import annotations

import json
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .normalize import match_key

SPANS_KEY = "skills"
_LIST_BEFORE = {",", ";", "|", "/", "•", "·", "●", "▪", "-", "–", "—", "*", "(", ":", "&", "and", "or", "+"}
# Not ":" after a name: "Outlook: cautiously optimistic" is a label, not a list item.
_LIST_AFTER = {",", ";", "|", "/", ")", ".", "&", "and", "or", "(", "·", "•"}
# Not "of": "a grade of C".
_QUALIFYING_WORDS = {"in", "with", "using", "including"}
# "communication, teamwork and leadership skills": the list ends in a word that says skills.
_SKILL_NOUNS = {"skills", "skill", "abilities", "ability", "experience", "expertise"}
_SKILL_NOUN_REACH = 6
_JOINERS = {",", "and", "or", "&", "/"}

if not Doc.has_extension("skill_sections"):
    # Character ranges of the resume's Skills section(s), set by extract_skills, so that an
    # ambiguous name in a skills list counts even without list punctuation around it.
    Doc.set_extension("skill_sections", default=())
if not Doc.has_extension("line_text"):
    # extract_skills matches on the text with newlines turned into spaces, so that a name
    # wrapped across two lines ("Fiber\noptic testing") still matches; the text with its
    # newlines is kept here to tell where lines start and end.
    Doc.set_extension("line_text", default=None)


@Language.factory("isp_skills")
def make_skill_matcher(nlp: Language, name: str) -> SkillMatcher:
    return SkillMatcher(nlp, name)


class SkillMatcher:
    def __init__(self, nlp: Language, name: str = "isp_skills") -> None:
        self.nlp = nlp
        self.name = name
        self.patterns: list[dict] = []  # {"id", "text", "kind", "tokens", "keys"}
        self.taxonomy: list[dict] = []  # compiled taxonomy entries
        self.build_info: dict = {}
        self.lemmas: Table = Table("lemma_lookup")
        self._reset_matchers()

    # -- building ------------------------------------------------------------------------------
    def _reset_matchers(self) -> None:
        self.fuzzy = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.ambiguous = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.listed = PhraseMatcher(self.nlp.vocab, attr="NORM")

    def set_data(self, *, patterns: list[dict], taxonomy: list[dict], lemmas: Table | dict, build_info: dict) -> None:
        # A spaCy Table stores hashed keys and hashes on lookup, so it is queried with words.
        lemmas = lemmas if isinstance(lemmas, Table) else Table.from_dict(lemmas, name="lemma_lookup")
        self.patterns, self.taxonomy, self.lemmas, self.build_info = patterns, taxonomy, lemmas, build_info
        self._reset_matchers()
        matchers = {"fuzzy": self.fuzzy, "exact": self.exact, "ambiguous": self.ambiguous, "listed": self.listed}
        grouped: dict[tuple[str, str], list[Doc]] = {}
        vocab = self.nlp.vocab
        for pattern in patterns:
            # Patterns were tokenised by this pipeline's tokenizer at build time; building the
            # Docs from those tokens keeps loading fast (no tokenizer run per pattern).
            doc = Doc(vocab, words=pattern["tokens"])
            if pattern["kind"] in ("fuzzy", "listed"):
                for token, key in zip(doc, pattern["keys"]):
                    token.norm_ = key
            grouped.setdefault((pattern["kind"], pattern["id"]), []).append(doc)
        for (kind, skill_id), docs in grouped.items():
            matchers[kind].add(skill_id, docs)

    def set_keys(self, doc: Doc) -> Doc:
        lemmas = self.lemmas
        for token in doc:
            token.norm_ = match_key(token.text, lemmas)
        return doc

    # -- matching ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.set_keys(doc)
        candidates = [Span(doc, s, e, label=match_id) for match_id, s, e in self.fuzzy(doc)]
        candidates += [Span(doc, s, e, label=match_id) for match_id, s, e in self.exact(doc)]
        candidates += [
            Span(doc, s, e, label=match_id) for match_id, s, e in self.ambiguous(doc) if self._has_evidence(doc, s, e)
        ]
        candidates += [
            Span(doc, s, e, label=match_id)
            for match_id, s, e in self.listed(doc)
            if self._has_evidence(doc, s, e, qualifiers=False) or _skill_noun_follows(doc, e)
        ]
        doc.spans[SPANS_KEY] = sorted(filter_spans(candidates), key=lambda span: span.start)
        return doc

    def _has_evidence(self, doc: Doc, start: int, end: int, *, qualifiers: bool = True) -> bool:
        """A list item, a Skills-section entry, or (``qualifiers``) a name after "in", "with"...
        Listed soft skills do without the last: "in collaboration with" names no teamwork."""
        begin = doc[start].idx
        if any(a <= begin < b for a, b in doc._.skill_sections):
            return True
        text = doc._.line_text or doc.text
        before = _neighbour(doc, start, -1, text)
        after = _neighbour(doc, end - 1, +1, text)
        if qualifiers and before is not None and before.lower_ in _QUALIFYING_WORDS:
            return True
        opens = before is None or before.text in _LIST_BEFORE or before.lower_ in _LIST_BEFORE
        closes = after is None or after.text in _LIST_AFTER or after.lower_ in _LIST_AFTER
        return opens and closes

    # -- serialisation (JSON and msgpack only: nothing is ever unpickled) ------------------------
    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns)
        srsly.write_json(path / "taxonomy.json", self.taxonomy)
        srsly.write_json(path / "build_info.json", self.build_info)
        lookups = Lookups()
        lookups.add_table("lemma_lookup", self.lemmas)
        lookups.to_disk(path)

    def from_disk(self, path, *, exclude=()) -> SkillMatcher:
        path = Path(path)
        lookups = Lookups().from_disk(path)
        lemmas = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}
        self.set_data(
            patterns=json.loads((path / "patterns.json").read_text(encoding="utf-8")),
            taxonomy=json.loads((path / "taxonomy.json").read_text(encoding="utf-8")),
            lemmas=lemmas,
            build_info=json.loads((path / "build_info.json").read_text(encoding="utf-8")),
        )
        return self


def _skill_noun_follows(doc: Doc, end: int) -> bool:
    """The name is one item of a list that ends in "skills" on the same line:
    "leadership and communication skills", "teamwork, patience and listening skills"."""
    text = doc._.line_text or doc.text
    for token in doc[end : end + _SKILL_NOUN_REACH]:
        if "\n" in text[doc[end - 1].idx : token.idx]:
            return False
        if token.lower_ in _SKILL_NOUNS:
            return True
        if token.lower_ in _JOINERS or token.text == "-":  # "and", commas, the hyphen of "decision-making"
            continue
        if token.is_punct or token.is_stop:
            return False
    return False


def _neighbour(doc: Doc, index: int, step: int, text: str):
    """The nearest word before/after token ``index`` on the same line; None at a line edge."""
    here = doc[index]
    i = index + step
    while 0 <= i < len(doc):
        token = doc[i]
        if not token.is_space:
            if step < 0:
                between = text[token.idx + len(token) : here.idx]
            else:
                between = text[here.idx + len(here) : token.idx]
            return None if "\n" in between else token
        i += step
    return None
