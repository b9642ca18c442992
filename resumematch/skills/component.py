"""The ``isp_skills`` spaCy component: finds taxonomy skills in a Doc.

Three kinds of patterns, built from the taxonomy by ``resumematch.build_model``:

- ``fuzzy``: matched on match keys (case- and inflection-insensitive), the common case;
- ``exact``: matched on the exact characters (acronyms that are also words: "IT", "SIP");
- ``ambiguous``: exact characters AND evidence that a skill is meant ("Excel", "Go", "Teams"):
  the name is an item of a list (commas, pipes, slashes, bullets, "and"/"or" around it, or alone
  on its line), follows "in", "with", "using" or "including", or sits in the resume's Skills section;
- ``listed``: match keys (any case) AND list or Skills-section evidence, or a following "skills", "abilities"
  or "experience" ("communication and leadership skills", "grounding experience"): one-word soft skills ("Leadership", "Collaboration")
  that in prose are more often the company's words than a claim about the person;
- ``listcase``: the exact and ambiguous names in any case ("java", "EXCEL", "salesforce"), only as
  items of a list, of a Skills section or of a tag line ("python django docker"): in running prose
  a name that is also a word keeps needing its proper form;
- ``spoken``: names of languages ("English", "German"), where a word around them says a language is
  meant ("fluent English", "German (C1)", "English skills") or as list items.

Where a name stands decides the rest (``context.py``): a place ("Palo Alto, CA"), a school's or a
company's name ("Department of Electrical Engineering", "Fiber Networks Inc"), or someone else's
role ("join our DevOps engineers") is no skill.

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
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .context import drop_out_of_context
from .local_forms import LocalForms
from .senses import keep_senses
from .normalize import match_key

SPANS_KEY = "skills"
_LIST_BEFORE = {",", ";", "|", "/", "•", "·", "●", "▪", "-", "–", "—", "*", "(", ":", "&", "and", "or", "+"}
# Not ":" after a name: "Outlook: cautiously optimistic" is a label, not a list item.
# "-" after a name: "Sales - 36 months", "Cold Calling- Exprience" (a resume builder's skill table).
_LIST_AFTER = {",", ";", "|", "/", ")", ".", "&", "and", "or", "(", "·", "•", "-", "–", "—"}
# Not "of": "a grade of C".
_QUALIFYING_WORDS = {"in", "with", "using", "including", "within"}
# Words after a name that say a technology is meant: "the React framework", "Spring developers".
_TECH_AFTER = {"framework", "frameworks", "library", "libraries", "programming", "development", "codebase", "stack", "components"}
# "communication, teamwork and leadership skills": the list ends in a word that says skills.
_SKILL_NOUNS = {"skills", "skill", "abilities", "ability", "experience", "expertise"}
_SKILL_NOUN_REACH = 6
_JOINERS = {",", "and", "or", "&", "/"}

if not Doc.has_extension("skill_sections"):
    # Character ranges of the resume's Skills section(s), set by extract_skills, so that an
    # ambiguous name in a skills list counts even without list punctuation around it.
    Doc.set_extension("skill_sections", default=())
if not Doc.has_extension("hyphenated"):
    # The text as written, hyphens kept (the matcher reads "stand-ups" as "stand ups"), so that a
    # name glued into another word by a hyphen can be told apart (senses.py).
    Doc.set_extension("hyphenated", default=None)
if not Doc.has_extension("language"):
    # The document's language ("de"; "" when English or unknown), set by extract_skills: German
    # and Dutch compounds are split, and acronyms in other languages count only in capitals.
    Doc.set_extension("language", default="")
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
        self.categories: dict[str, str] = {}
        self.lemmas: Table = Table("lemma_lookup")
        self.local = LocalForms()
        self._reset_matchers()

    # -- building ------------------------------------------------------------------------------
    def _reset_matchers(self) -> None:
        self.fuzzy = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.ambiguous = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.listed = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.listcase = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.spoken = PhraseMatcher(self.nlp.vocab, attr="LOWER")

    def set_data(self, *, patterns: list[dict], taxonomy: list[dict], lemmas: Table | dict, build_info: dict) -> None:
        # A spaCy Table stores hashed keys and hashes on lookup, so it is queried with words.
        lemmas = lemmas if isinstance(lemmas, Table) else Table.from_dict(lemmas, name="lemma_lookup")
        self.patterns, self.taxonomy, self.lemmas, self.build_info = patterns, taxonomy, lemmas, build_info
        self.categories = {entry["id"]: entry["category"] for entry in taxonomy}
        self.local = LocalForms.build(taxonomy, patterns)
        self._reset_matchers()
        matchers = {
            "fuzzy": self.fuzzy, "exact": self.exact, "ambiguous": self.ambiguous, "listed": self.listed,
            "listcase": self.listcase, "spoken": self.spoken,
        }
        grouped: dict[tuple[str, str], list[list[int]]] = {}
        for pattern in patterns:
            grouped.setdefault((pattern["kind"], pattern["id"]), []).append(pattern_hashes(pattern))
        for (kind, skill_id), keywords in grouped.items():
            matchers[kind].add(skill_id, keywords)

    def set_keys(self, doc: Doc) -> Doc:
        lemmas = self.lemmas
        for token in doc:
            token.norm_ = match_key(token.text, lemmas)
        return doc

    # -- matching ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.set_keys(doc)
        found = [(m, s, e) for m, s, e in self.fuzzy(doc)] + [(m, s, e) for m, s, e in self.exact(doc)]
        ambiguous = self.ambiguous(doc)
        listed = self.listed(doc)
        listcase = self.listcase(doc)
        spoken = self.spoken(doc)
        tags = _TagLines(doc, [*found, *ambiguous, *listed, *listcase, *spoken])
        candidates = [Span(doc, s, e, label=m) for m, s, e in found]
        # A name written right beside a certain one is an item of a run of names: "jQuery React".
        beside = {i for _, s, e in found for i in (s - 1, e)}
        # A name in lower case with a certain name on one side and a list mark or another certain
        # name on the other is an item of a run of names: "C, C++ python)".
        run = ({e for _, _, e in found}, {s for _, s, _ in found})
        candidates += [
            Span(doc, s, e, label=m)
            for m, s, e in ambiguous
            if self._has_evidence(doc, s, e) or tags(s) or s in beside or e - 1 in beside or _tech_noun_follows(doc, e)
            or _coordinated(doc, s, e, run)
        ]
        candidates += [
            Span(doc, s, e, label=m)
            for m, s, e in listed
            if self._has_evidence(doc, s, e, qualifiers=False) or _skill_noun_follows(doc, e) or tags(s)
            or (self.categories.get(self.nlp.vocab.strings[m]) == "education"
                and (_field_follows(doc, e) or _held_degree(doc, s) or _field_of_degree(doc, s)))
        ]
        candidates += [
            Span(doc, s, e, label=m)
            for m, s, e in listcase
            if self._has_evidence(doc, s, e, qualifiers=False) or tags(s) or self._has_evidence(doc, s, e, qualifiers=False, run=run)
        ]
        # "German, Italian and French", "German Italian or French": names of languages in a run
        # say of each other that languages are meant.
        languages = _language_runs(doc, spoken)
        candidates += [
            Span(doc, s, e, label=m)
            for m, s, e in spoken
            if (self._has_evidence(doc, s, e, qualifiers=False) or _language_cue(doc, s, e) or tags(s) or s in languages)
            and not _nationality(doc, e, languages)
        ]
        if doc._.language not in ("", "en"):
            candidates = self._in_language(doc, candidates)
        # A form that is also a word ("teams", "Access", "UPS") needs its own evidence (senses.yaml).
        spans = drop_out_of_context(doc, keep_senses(doc, filter_spans(candidates), self.categories))
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda span: span.start)
        return doc

    def _in_language(self, doc: Doc, candidates: list[Span]) -> list[Span]:
        """The rules of a document in another language (local_forms.py): an acronym in lower case
        only as a list item, and compound words split against that language's labels."""
        code, local = doc._.language, self.local
        kept = [
            span for span in candidates
            if not (len(span) == 1 and local.lower_case_acronym(span.label_, span.text) and not self._list_item(doc, span))
        ]
        covered = {i for span in kept for i in range(span.start, span.end)}
        written = doc._.hyphenated or doc.text
        for token in doc:
            if not token.is_alpha:
                continue
            if token.i not in covered and (skill := local.compound_skill(token.text, code)):
                kept.append(Span(doc, token.i, token.i + 1, label=skill))
            following = token.nbor() if token.i + 1 < len(doc) else None
            end = token.idx + len(token)
            if following is not None and following.is_alpha and written[end : following.idx] == "-":
                # "Glasfaser-Montage": one compound written in two parts (the longer span wins).
                if skill := local.compound_skill(token.text + following.text, code, whole=True):
                    kept.append(Span(doc, token.i, token.i + 2, label=skill))
        return kept

    def _list_item(self, doc: Doc, span: Span) -> bool:
        """Between list marks on its line ("dns, dhcp, vlan"), or alone on it."""
        text = doc._.line_text or doc.text
        before = _neighbour(doc, span.start, -1, text)
        after = _neighbour(doc, span.end - 1, +1, text)
        opens = before is None or before.text in _LIST_BEFORE or before.lower_ in _LIST_BEFORE
        return opens and (after is None or after.text in _LIST_AFTER or after.lower_ in _LIST_AFTER)

    def _has_evidence(self, doc: Doc, start: int, end: int, *, qualifiers: bool = True, run=None) -> bool:
        """A list item, a Skills-section entry, or (``qualifiers``) a name after "in", "with"...
        Listed soft skills do without the last: "in collaboration with" names no teamwork.
        With ``run`` (the token ends and starts of certain names), a certain name beside it counts
        as a list mark on that side, as long as one side is such a name."""
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
        if run is not None:
            named_before = before is not None and before.i + 1 == start and start in run[0]
            named_after = after is not None and after.i == end and end in run[1]
            return (named_before or named_after) and (opens or named_before) and (closes or named_after)
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


def _field_follows(doc: Doc, end: int) -> bool:
    """ "a PhD in physics", "PhD degree": a degree's short name with its field or the word degree."""
    if end >= len(doc):
        return False
    after = doc[end]
    if after.lower_ in ("degree", "degrees", "diploma"):
        return True
    return after.lower_ in ("in", "within") and end + 1 < len(doc) and doc[end + 1].is_alpha


def _coordinated(doc: Doc, start: int, end: int, run) -> bool:
    """ "Travis and Jenkins", "Sales or Customer Service": joined by "and", "or" or "&" to a
    name that is certain on its own."""
    ends, starts = run
    after = end < len(doc) - 1 and doc[end].lower_ in _COORDINATORS and end + 1 in starts
    before = start > 1 and doc[start - 1].lower_ in _COORDINATORS and start - 1 in ends
    return after or before


_COORDINATORS = {"and", "or", "&"}


# "a PhD", "hold a Ph.D.": a degree's short name as the thing held or asked for.
_DEGREE_BEFORE = {"a", "an", "hold", "holds", "holding", "earned", "completed"}


def _held_degree(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in _DEGREE_BEFORE


# "a degree in Chemistry", "MSc in economics", "background in chemistry": a field of study.
_DEGREE_WORDS = {
    "degree", "degrees", "bachelor", "bachelor's", "bachelors", "master", "master's", "masters", "phd", "msc", "bsc",
    "ba", "bs", "ms", "ma", "diploma", "major", "majored", "studies", "background", "education",
}


def _field_of_degree(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and (doc[i].lower_ in _JOINERS or doc[i].is_title):  # "in Physics or Chemistry"
        i -= 1
    if i < 1 or doc[i].lower_ not in ("in", "of"):
        return False
    return any(t.lower_ in _DEGREE_WORDS for t in doc[max(0, i - 4) : i])


def _language_runs(doc: Doc, spoken) -> set[int]:
    """Starts of language names that stand in a run of two or more, joined by nothing, commas,
    slashes, "and" or "or" on one line."""
    if len(spoken) < 2:
        return set()
    text = doc._.line_text or doc.text
    spans = sorted({(s, e) for _, s, e in spoken})
    run: set[int] = set()
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        between = doc[e1:s2]
        if len(between) <= 1 and all(t.lower_ in _JOINERS for t in between) and "\n" not in text[doc[e1 - 1].idx : doc[s2].idx]:
            run.update((s1, s2))
    return run


def _tech_noun_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in _TECH_AFTER


# Words around a language's name that say the language is meant.
_LANGUAGE_CUES = {
    "fluent", "fluently", "fluency", "speak", "speaks", "speaking", "spoken", "written", "verbal", "oral", "orally",
    "language", "languages", "proficient", "proficiency", "command", "native", "bilingual", "skills", "level",
    "conversational", "mother", "tongue", "a1", "a2", "b1", "b2", "c1", "c2", "read", "write", "working",
}
_LANGUAGE_REACH = 6  # "an excellent command of written English"


# Nouns after a language's name that make it a nationality or an institution's name.
_NATION_NOUNS = {
    "population", "people", "government", "citizens", "citizenship", "nationals", "company", "companies", "market",
    "markets", "law", "laws", "authorities", "authority", "grading", "system", "society", "healthcare", "state",
    "university", "universities", "ministry", "agency", "krone", "kroner", "economy", "culture", "design", "cuisine",
}


def _nationality(doc: Doc, end: int, languages: set[int] = frozenset()) -> bool:
    """"the Danish Confederation of Trade Unions", "the Danish population": not a language."""
    if end >= len(doc) or end in languages:  # "German Italian and French": the next name is a language too
        return False
    after = doc[end]
    text = doc._.line_text or doc.text
    if "\n" in text[doc[end - 1].idx : after.idx] or not text[doc[end - 1].idx + len(doc[end - 1]) : after.idx].strip(" ") == "":
        return False  # the next line, or after punctuation: "Speak English\nFluent Danish", "English, Spanish"
    if after.lower_ in _NATION_NOUNS:
        return True
    return after.is_alpha and after.text[:1].isupper() and after.lower_ not in _LANGUAGE_CUES and after.lower_ not in (
        "and", "or", "language", "languages"
    ) and not after.is_sent_start


def _language_cue(doc: Doc, start: int, end: int) -> bool:
    """"fluent English", "English (C1)", "written and spoken German", "Spanish-language skills"."""
    text = doc._.line_text or doc.text
    line_start = text.rfind("\n", 0, doc[start].idx) + 1
    line_end = text.find("\n", doc[end - 1].idx)
    line_end = len(text) if line_end < 0 else line_end
    window = [*doc[max(0, start - _LANGUAGE_REACH) : start], *doc[end : end + _LANGUAGE_REACH]]
    return any(line_start <= t.idx < line_end and t.lower_ in _LANGUAGE_CUES for t in window)


# Words that never stand in a tag line ("python django docker", "java spring java-ee").
_FUNCTION_WORDS = frozenset(
    "a an the and or of to in on at for with by from as is are be was were we you our your will can "
    "have has this that who which not but if into all any etc e.g i.e i he she they it".split()
)


class _TagLines:
    """Lines that are only a run of names, no sentence: "python django docker", "Agile Software
    Development Banking". Every name in such a line is a list item, but only on a line with at
    least two candidate names (a name line like "Jane Swift" is not a tag line)."""

    def __init__(self, doc: Doc, matches) -> None:
        self.doc = doc
        self.text = doc._.line_text or doc.text
        self.counts: dict[int, int] = {}
        for s in {s for _, s, _ in matches}:  # two matchers on one name count once
            line = self._line_start(doc[s].idx)
            self.counts[line] = self.counts.get(line, 0) + 1
        self.known: dict[int, bool] = {}

    def _line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def __call__(self, start: int) -> bool:
        line = self._line_start(self.doc[start].idx)
        if line not in self.known:
            end = self.text.find("\n", line)
            self.known[line] = self.counts.get(line, 0) >= 2 and _is_tag_line(self.text[line : end if end >= 0 else len(self.text)])
        return self.known[line]


def _is_tag_line(line: str) -> bool:
    body = line.rsplit(":", 1)[-1].strip()  # "Skills: python django docker"
    # Commas and dashes make a list (judged item by item) or a "Title, Company - City" line.
    if not body or body.endswith((".", "!", "?")) or any(mark in body for mark in (",", " - ", "–", "—")):
        return False
    words = body.split()
    if not 2 <= len(words) <= 15 or (len(words) < 3 and not body.islower()):
        return False
    return not any(w.lower().strip("(),;") in _FUNCTION_WORDS or w.isdigit() for w in words)


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


def pattern_hashes(pattern: dict) -> list[int]:
    """A pattern as the PhraseMatcher keeps it: the hash of each token's matched attribute.

    Patterns were tokenised by this pipeline's tokenizer at build time. Handing the matcher the
    hashes, not a Doc per pattern, keeps loading fast: a Doc of five thousand patterns made a
    lexeme for every new word (most of a second of every ``check``). The attribute per matcher
    is the one ``_reset_matchers`` gives it: NORM (our match keys), ORTH (as written) or LOWER.
    A test checks that the matchers find what Doc-built ones find."""
    kind = pattern["kind"]
    if kind in ("fuzzy", "listed"):
        words = pattern["keys"]
    elif kind in ("listcase", "spoken"):
        words = [token.lower() for token in pattern["tokens"]]
    else:
        words = pattern["tokens"]
    return [get_string_id(word) for word in words]  # a symbol spaCy knows ("acl") has its own id
