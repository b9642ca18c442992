"""Skill extraction: the only module that knows spaCy.

``extract_skills(document_or_text)`` returns :class:`~resumematch.types.SkillMention` objects
with offsets into the text. The pipeline in ``models/skills`` is loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..resources import data_dir
from ..taxonomy import Taxonomy
from ..types import EVIDENCE_SECTIONS, AnalysedResume, Document, HeldSkill, SkillMention
from .normalize import unhyphenate
from .textfold import Folded, fold

PIPELINE_NAME = "skills"


def import_spacy():
    """spaCy, without its command line. Importing the package imports ``spacy.cli`` (typer and
    every command: about 0.4 s of each ``check``) only to offer ``spacy.info``; we use neither.
    While spaCy is first imported, ``spacy.cli`` is a stand-in whose ``info`` imports the real
    one when called; then the stand-in is removed, so ``import spacy.cli`` still gets the real
    package. A spaCy already imported is returned as it is."""
    import importlib.util
    import os
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    spec = importlib.util.find_spec("spacy")
    stand_in = types.ModuleType("spacy.cli")
    stand_in.__path__ = [os.path.join(os.path.dirname(spec.origin), "cli")]
    info = types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = real_info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = stand_in, info
    try:
        import spacy
    finally:
        if sys.modules.get("spacy.cli") is stand_in:
            del sys.modules["spacy.cli"]
        if sys.modules.get("spacy.cli.info") is info:
            del sys.modules["spacy.cli.info"]
    return spacy


@cache
def load_pipeline():
    """The saved spaCy pipeline (tokenizer + ``isp_skills``), loaded once per process."""
    spacy = import_spacy()

    from . import component, tokenizer  # noqa: F401 - register the component and the tokenizer

    nlp = spacy.load(data_dir("models") / PIPELINE_NAME)
    # spaCy's 1,000,000-character limit guards the memory of parsers and NER; this pipeline is a
    # tokenizer and a phrase matcher (about 50 MB per million characters), so a long plain text
    # given to extract_skills is matched whole. Files are held to ParseLimits.max_chars anyway.
    nlp.max_length = 50_000_000
    return nlp


# A run of this many characters without a space is no word of a resume (a URL is shorter); the
# tokenizer's affix rules are quadratic in a token's length, so such a run is struck out. It
# becomes a dot every 64 characters rather than all spaces: one long whitespace token is as slow
# as one long word, and a token per character slows the matcher.
MAX_TOKEN_CHARS = 200
_STRUCK = "." + " " * 63
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS},}}")


def _tokenizable(text: str) -> str:
    """The text the tokenizer sees: lines joined, runs past MAX_TOKEN_CHARS struck out (same length)."""
    text = text.replace("\n", " ")
    if len(text) <= MAX_TOKEN_CHARS:
        return text
    return _LONG_RUN.sub(lambda m: (_STRUCK * (len(m.group()) // len(_STRUCK) + 1))[: len(m.group())], text)


def skill_matcher():
    return load_pipeline().get_pipe("isp_skills")


@cache
def taxonomy() -> Taxonomy:
    """The taxonomy compiled into the pipeline (what the matcher actually uses).

    Read from the pipeline's JSON file, so code that only needs skill names (job descriptions,
    reports) does not pay for loading spaCy.
    """
    return Taxonomy.compiled()


def extract_skills(source: Document | str) -> list[SkillMention]:
    """Every skill mention in a parsed document or a plain text, in reading order."""
    return next(extract_skills_batch([source]))


def extract_skills_batch(sources: Iterable[Document | str], batch_size: int = 32) -> Iterator[list[SkillMention]]:
    """``extract_skills`` for many documents at once, through ``nlp.pipe``."""
    nlp = load_pipeline()
    known = taxonomy()
    pending = list(sources) if not isinstance(sources, list) else sources

    folds: list[Folded] = []

    def docs():
        for source in pending:
            text = source.text if isinstance(source, Document) else source
            folded = fold(text)
            folds.append(folded)
            text = unhyphenate(folded.text)  # same length: offsets stay valid
            doc = nlp.make_doc(_tokenizable(text))  # same length again
            doc._.line_text = text
            doc._.hyphenated = folded.text
            doc._.language = _language(source, text)
            if isinstance(source, Document):
                doc._.skill_sections = tuple(
                    (folded.folded_offset(s.start), folded.folded_offset(s.end)) for s in source.sections if s.name == "skills"
                )
            yield doc

    for index, (source, doc) in enumerate(zip(pending, nlp.pipe(docs(), batch_size=batch_size))):
        document = source if isinstance(source, Document) else None
        folded = folds[index]
        text = folded.source
        mentions = []
        for span in doc.spans["skills"]:
            skill = known[span.label_]
            start, end = folded.source_start(span.start_char), folded.source_end(span.end_char)
            mentions.append(
                SkillMention(
                    skill_id=skill.id,
                    name=skill.name,
                    category=skill.category,
                    text=text[start:end],
                    start=start,
                    end=end,
                    section=document.section_at(start) if document else None,
                    matched_as="name" if span.text.lower() == skill.name.lower() else "alias",
                )
            )
        yield mentions


def _language(source: Document | str, text: str) -> str:
    """The language a source is written in: a parsed document's own, detected for a plain text
    (a posting). English documents stop at the function-word count and load no model."""
    if isinstance(source, Document):
        return source.language
    from ..parsers.language import detect_language

    return detect_language(text)


def analyse(document: Document, mentions: list[SkillMention] | None = None) -> AnalysedResume:
    """Every skill a resume holds and how, worked out once: by name or alias (the mentions), by
    an Experience line that does it (activity evidence), or implied by a narrower skill held.

    Pass ``mentions`` when they are already extracted (``rank`` keeps them in its cache).
    """
    from ..redact import blank, inside, private_spans
    from .activities import employer_sentences, find_activities
    from .name_words import find_name_words

    if mentions is None:
        mentions = extract_skills(document)
    # A skill named only in the name, an email, a link or an address is no skill the person shows;
    # a skill line that merely looks like a name stays (redact.py).
    private = private_spans(document, mentions)
    mentions = [m for m in mentions if not inside(private, m.start, m.end)]
    known = taxonomy()
    held: dict[str, HeldSkill] = {}
    by_skill: dict[str, list[SkillMention]] = {}
    for mention in mentions:
        by_skill.setdefault(mention.skill_id, []).append(mention)
    for inner in _languages_inside(mentions, known):
        by_skill.setdefault(inner.skill_id, []).append(inner)
    for skill_id, found in by_skill.items():
        skill = known[skill_id]
        sections = tuple(sorted({m.section or "other" for m in found}))
        shown = next((m for m in found if m.section in EVIDENCE_SECTIONS), found[0])
        how = "name" if any(m.matched_as == "name" for m in found) else "alias"
        held[skill_id] = HeldSkill(skill_id, skill.name, skill.category, how, sections, shown.text)
    activities = [a for a in find_activities(document, mentions, known) if not inside(private, a.start, a.end)]
    line_of = lambda offset: document.text.rfind("\n", 0, offset) + 1  # noqa: E731 - one skill once per line
    done = {(a.skill_id, line_of(a.start)) for a in activities}
    activities += [
        a for a in find_name_words(document, known)
        if (a.skill_id, line_of(a.start)) not in done and not inside(private, a.start, a.end)
    ]
    # A bullet of Experience is better evidence to quote than a line of the Summary.
    for activity in sorted(activities, key=lambda a: EVIDENCE_SECTIONS.index(a.section) if a.section in EVIDENCE_SECTIONS else 9):
        holding = held.get(activity.skill_id)
        if holding is None:
            held[activity.skill_id] = HeldSkill(
                activity.skill_id, activity.name, activity.category, "activity", (activity.section or "other",), activity.text
            )
        elif not holding.shown:  # listed under Skills and done in a bullet: named and shown
            sections = tuple(sorted({*holding.sections, activity.section or "other"}))
            held[activity.skill_id] = HeldSkill(holding.skill_id, holding.name, holding.category, holding.how, sections, holding.evidence)
    # A skill named only where the resume describes the employer ("Acme sells CRM software") is
    # listed, but implies nothing broader: "through" quotes the candidate's own work only.
    about_employer = employer_sentences(document)
    own_work = {m.skill_id for m in mentions if not inside(about_employer, m.start, m.end)} | {a.skill_id for a in activities}
    for skill_id, holding in list(held.items()):
        if skill_id not in own_work:
            continue
        for broader in sorted(known.implied(skill_id)):
            if broader not in held:
                skill = known[broader]
                held[broader] = HeldSkill(
                    broader, skill.name, skill.category, "implied", holding.sections, holding.evidence, via=skill_id
                )
            elif holding.shown and not held[broader].shown:
                # Listed under Skills, and shown in a bullet through a narrower skill ("a managed
                # switch with three VLANs" shows Computer networking): shown, never "show it".
                b = held[broader]
                sections = tuple(sorted({*b.sections, *(s for s in holding.sections if s in EVIDENCE_SECTIONS)}))
                held[broader] = HeldSkill(b.skill_id, b.name, b.category, b.how, sections, b.evidence, b.via)
    return AnalysedResume(document, mentions, activities, held, scoring_text=blank(document.text, private))


def _spoken_names(known: Taxonomy) -> dict[str, str]:
    """A language's written name -> its skill id ("Spanish" -> "spanish")."""
    return {form: skill.id for skill in known.skills.values() for form in skill.spoken}


_WORD = re.compile(r"[A-Z][a-z]+")


def _languages_inside(mentions: list[SkillMention], known: Taxonomy) -> list[SkillMention]:
    """Languages named inside a longer name: "Bilingual in English and Spanish" is read as
    Bilingual (the longest name wins), and it holds English and Spanish as well."""
    longer = [m for m in mentions if " " in m.text or "/" in m.text]
    if not longer:
        return []
    names = _spoken_names(known)
    out = []
    for mention in longer:
        for word in _WORD.finditer(mention.text):
            skill_id = names.get(word.group())
            if skill_id and skill_id != mention.skill_id:
                skill = known[skill_id]
                start = mention.start + word.start()
                out.append(SkillMention(skill.id, skill.name, skill.category, word.group(), start, start + len(word.group()),
                                        mention.section, "name"))
    return out


def with_named(analysed: AnalysedResume, skill_ids, known: Taxonomy | None = None) -> AnalysedResume:
    """The resume as if an Experience bullet named these skills (what a suggestion's points are
    measured on): the same as analysing the changed text, without reading it again."""
    known = known or taxonomy()
    held = dict(analysed.held)
    mentions = list(analysed.mentions)
    for skill_id in skill_ids:
        skill = known[skill_id]
        mentions.append(SkillMention(skill_id, skill.name, skill.category, skill.name, -1, -1, "experience", "name"))
        held[skill_id] = HeldSkill(skill_id, skill.name, skill.category, "name", ("experience",), skill.name)
        for broader in sorted(known.implied(skill_id)):
            if broader not in held:
                b = known[broader]
                held[broader] = HeldSkill(broader, b.name, b.category, "implied", ("experience",), skill.name, via=skill_id)
    return AnalysedResume(analysed.document, mentions, analysed.activities, held, scoring_text=analysed.scoring_text)


def group_by_skill(mentions: list[SkillMention]) -> list[dict]:
    """The ``skills`` list of the JSON contract: one entry per skill, its mentions inside."""
    grouped: dict[str, dict] = {}
    for mention in mentions:
        entry = grouped.setdefault(
            mention.skill_id,
            {"id": mention.skill_id, "name": mention.name, "category": mention.category, "mentions": []},
        )
        entry["mentions"].append(
            {"text": mention.text, "start": mention.start, "end": mention.end, "section": mention.section}
        )
    return list(grouped.values())
