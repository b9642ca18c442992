"""Plain data passed between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .glossary import COMPONENT_NAMES, GLOSSARY  # the one definition of each word a report uses


@dataclass(frozen=True)
class Section:
    """A standard resume section, as a character range ``[start, end)`` of ``Document.text``."""

    name: str
    start: int
    end: int
    heading: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end, "heading": self.heading}


@dataclass(frozen=True)
class Contact:
    """Contact details found in the text (or in a document's hyperlinks)."""

    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    name: str | None = None  # the candidate's name as written (parsers/names.py)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Layout:
    """What the original file looked like, for the ATS-readiness advice given later.

    Counts, not flags, so a report can say how much text sits where an ATS may not look.
    """

    columns: int = 1
    tables: int = 0
    text_boxes: int = 0
    header_footer_chars: int = 0
    text_box_chars: int = 0
    images: int = 0
    hidden_chars: int = 0  # PDF text a reader cannot see (white on white, or too small), ignored

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SkillMention:
    """One place a taxonomy skill was found: offsets index into the parsed text."""

    skill_id: str
    name: str
    category: str
    text: str
    start: int
    end: int
    section: str | None = None
    matched_as: str = "alias"  # "name" when the text is the skill's display name

    def to_dict(self) -> dict:
        return asdict(self)


# The resume sections whose words show a skill in use rather than only list it: a skill named
# there earns full credit, and an action on its objects there is activity evidence.
EVIDENCE_SECTIONS = ("experience", "projects", "volunteering", "summary")


@dataclass(frozen=True)
class ActivityEvidence:
    """A resume line that does a skill without naming it ("Configured Cisco routers and VLANs"
    shows Network configuration): ``start``/``end`` index the words that do it (from the verb to
    its object; for a skill shown by the words of its name, their sentence) in the parsed text."""

    skill_id: str
    name: str
    category: str
    text: str
    start: int
    end: int
    section: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class HeldSkill:
    """A skill a resume holds, and how: by its ``name``, an ``alias``, an ``activity`` that shows
    it, or ``implied`` by a narrower skill (``via``). ``evidence`` is the resume's words."""

    skill_id: str
    name: str
    category: str
    how: str  # "name" | "alias" | "activity" | "implied"
    sections: tuple[str, ...] = ()
    evidence: str = ""
    via: str = ""

    @property
    def shown(self) -> bool:
        """Named or done in Experience, Projects, Volunteering or the Summary, not only listed."""
        return self.how == "activity" or any(s in EVIDENCE_SECTIONS for s in self.sections)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["sections"] = list(self.sections)
        return data


@dataclass
class Document:
    """A parsed resume (or job posting): its text and what we learned about its structure."""

    source: str
    format: str  # "pdf" | "docx" | "txt" | "md" | "png" | "jpg" | "tiff"
    pages: int
    text: str
    sections: list[Section] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    layout: Layout = field(default_factory=Layout)
    links: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    author: str = ""  # the file's author metadata, when it has one (often a name, often not)
    # Pages read from a picture by OCR: {"pages": [n], "confidence": 0-100, "page_confidence",
    # "low_confidence_pages", "engine"}; None when every word came from a text layer.
    ocr: dict | None = None

    @property
    def read_by_ocr(self) -> bool:
        return bool(self.ocr and self.ocr.get("pages"))
    language: str = ""  # ISO 639-1 code of the language it is written in ("en", "de"), "" if unknown
    linkedin: dict | None = None  # a LinkedIn "Save to PDF" export's fields (parsers/linkedin.py)

    def section_at(self, offset: int) -> str | None:
        """The name of the section holding character ``offset``, if any."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.name
        return None

    def section_text(self, name: str) -> str:
        """All text of the sections called ``name``, joined by blank lines."""
        return "\n\n".join(self.text[s.start : s.end] for s in self.sections if s.name == name)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "format": self.format,
            "pages": self.pages,
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "contact": self.contact.to_dict(),
            "layout": self.layout.to_dict(),
            "links": list(self.links),
            "warnings": list(self.warnings),
            "sha256": self.sha256,
            "author": self.author,
            "ocr": self.ocr,
            "language": self.language,
            "linkedin": self.linkedin,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        """The inverse of :meth:`to_dict` (the parse cache and the memory-limited reader use it)."""
        return cls(
            source=data["source"],
            format=data["format"],
            pages=data["pages"],
            text=data["text"],
            sections=[Section(**s) for s in data["sections"]],
            contact=Contact(**data["contact"]),
            layout=Layout(**data["layout"]),
            links=list(data["links"]),
            warnings=list(data["warnings"]),
            sha256=data["sha256"],
            author=data.get("author", ""),
            ocr=data.get("ocr"),
            language=data.get("language", ""),
            linkedin=data.get("linkedin"),
        )


@dataclass
class AnalysedResume:
    """A parsed resume and every skill it holds, worked out once in the skills stage and shared
    by scoring, suggestions, role fit and ``rank``."""

    document: Document
    mentions: list[SkillMention]
    activities: list[ActivityEvidence] = field(default_factory=list)
    held: dict[str, HeldSkill] = field(default_factory=dict)
    # The text every score component reads: ``document.text`` with the name, contact details and
    # address blanked out (see redact.py). Empty: not worked out yet.
    scoring_text: str = ""

    def holds(self, skill_id: str) -> bool:
        return skill_id in self.held


@dataclass(frozen=True)
class JobSkill:
    """A skill a job asks for, with how much it matters: "required" or "preferred"."""

    skill_id: str
    name: str
    category: str
    importance: str  # "required" | "preferred"
    must_have: bool = False  # a knock-out: a resume without it is rejected in bulk screening
    wording: str = ""  # how a posting wrote it ("Cisco Certified Network Associate"), for advice
    # the example list it belongs to ("Python / Ruby / Java"): any one of them meets it (jobs/alternatives.py)
    one_of: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Job:
    """A job description: one of ours from job_descriptions/, or a posting a user brought."""

    id: str
    title: str
    family: str  # "technical" | "customer" | "sales/marketing" ("" for user postings)
    summary: str = ""
    skills: list[JobSkill] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)  # skill ids
    education: list[str] = field(default_factory=list)  # skill ids
    experience_years: float | None = None
    career_path: list[str] = field(default_factory=list)  # job ids
    other_keywords: list[str] = field(default_factory=list)  # salient terms outside the taxonomy
    text: str = ""
    source: str = "shipped"  # "shipped" or the posting's path
    # Parts of a posting that do not describe the job (company blurb, benefits, salary, legal,
    # how to apply, job-board labels): {"kind", "why", "start", "end", "text"}, offsets into text.
    set_aside: list[dict] = field(default_factory=list)
    # A posting outside the taxonomy's field (few requirement lines name a known skill): its own
    # requirement phrases are its keywords, ``required_keywords`` those of its required lines,
    # and ``field_lines`` = (requirement lines naming a known skill, requirement lines).
    outside_taxonomy: bool = False
    # The fields a posting's degree must be in ("Associate Degree in Nursing" -> ["Nursing"]).
    education_fields: list[str] = field(default_factory=list)
    required_keywords: list[str] = field(default_factory=list)
    field_lines: tuple[int, int] = (0, 0)

    def relevant_text(self) -> str:
        """The job's text without its set-aside parts: what the TF-IDF job vector is made of."""
        if not self.set_aside:
            return self.text
        pieces, cursor = [], 0
        for part in self.set_aside:
            pieces.append(self.text[cursor : part["start"]])
            cursor = part["end"]
        pieces.append(self.text[cursor:])
        return "".join(pieces)

    @property
    def required(self) -> list[str]:
        return [s.skill_id for s in self.skills if s.importance == "required"]

    @property
    def preferred(self) -> list[str]:
        return [s.skill_id for s in self.skills if s.importance == "preferred"]

    @property
    def must_have(self) -> list[str]:
        return [s.skill_id for s in self.skills if s.must_have]

    def to_dict(self, *, with_text: bool = False) -> dict:
        data = {
            "id": self.id,
            "title": self.title,
            "family": self.family,
            "summary": self.summary,
            "required": self.required,
            "preferred": self.preferred,
            "must_have": self.must_have,
            "certifications": list(self.certifications),
            "education": list(self.education),
            "experience_years": self.experience_years,
            "career_path": list(self.career_path),
            "other_keywords": list(self.other_keywords),
            "skills": [s.to_dict() for s in self.skills],
            "source": self.source,
            "set_aside": [dict(part) for part in self.set_aside],
            "outside_taxonomy": self.outside_taxonomy,
            "required_keywords": list(self.required_keywords),
        }
        if with_text:
            data["text"] = self.text
        return data


@dataclass(frozen=True)
class MatchedItem:
    """A job requirement and what the resume shows of it.

    ``how`` is "exact" (the skill's name), "alias" (another of its names), "implied" (a
    narrower skill that includes it: CCNP for CCNA) or "keyword" (an other keyword, found as
    written); empty when missing. ``found_in`` lists the resume sections it appears in.
    """

    id: str
    name: str
    category: str
    importance: str  # "required" | "preferred" | "other keyword"
    how: str = ""
    found_in: tuple[str, ...] = ()
    evidence: str = ""  # the resume's words, for a matched item
    wording: str = ""  # the job's words for it

    def to_dict(self) -> dict:
        data = asdict(self)
        data["found_in"] = list(self.found_in)
        return data


# The score's components, in report order, with the one line a report shows for it.
COMPONENTS = {name: GLOSSARY[name] for name in COMPONENT_NAMES}


@dataclass
class MatchResult:
    """How well one resume matches one job: a 0-100 score and its parts."""

    resume: str
    job_id: str
    job_title: str
    score: float
    components: dict[str, float]
    matched: list[MatchedItem] = field(default_factory=list)
    missing: list[MatchedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Each component's share of the score (0 for one the job does not ask for: its weight is
    # spread over the others), and a line on why a component scored what it did.
    weights: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    # Credentials and titles named as in progress, planned or hoped for: {id: the resume's words}.
    in_progress: dict[str, str] = field(default_factory=dict)
    # Facts reported beside the score without changing it (years of experience; see experience.py).
    facts: dict = field(default_factory=dict)

    def component_details(self) -> list[dict]:
        """Every component, asked for or not: score (None when not asked), weight, meaning, why."""
        return [
            {
                "name": name,
                "score": self.components.get(name),
                "weight": self.weights.get(name, 0.0),
                "asked": name in self.components,
                "meaning": meaning,
                "why": self.notes.get(name, "" if name in self.components else "the job does not ask for it"),
            }
            for name, meaning in COMPONENTS.items()
            if name in self.components or self.weights
        ]

    def to_dict(self) -> dict:
        return {
            "resume": self.resume,
            "job": {"id": self.job_id, "title": self.job_title},
            "score": self.score,
            "components": dict(self.components),
            "component_details": self.component_details(),
            "matched": [m.to_dict() for m in self.matched],
            "missing": [m.to_dict() for m in self.missing],
            "warnings": list(self.warnings),
            "in_progress": [{"id": k, "words": v} for k, v in self.in_progress.items()],
            **({"experience": self.facts["experience"]} if "experience" in self.facts else {}),
        }


@dataclass(frozen=True)
class Suggestion:
    """One concrete change to make, most important first (priority 1 is highest)."""

    kind: str
    priority: int
    message: str
    points: float | None = None  # what making the change would add to the score (re-scored, not guessed)
    guide: str = ""  # the career guide this advice follows (a key of suggestions.GUIDES), if any

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RoleFit:
    id: str
    title: str
    family: str
    score: float

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "family": self.family, "score": self.score}


@dataclass
class CheckReport:
    analysed: AnalysedResume
    job: Job
    result: MatchResult
    suggestions: list[Suggestion]
    roles: list[RoleFit] | None = None  # set when no job was given: every shipped role, best first
    next_step: dict | None = None  # {"id", "title", "needs"} after the best role

    @property
    def document(self) -> Document:
        return self.analysed.document

    @property
    def mentions(self) -> list[SkillMention]:
        return self.analysed.mentions

    def to_dict(self) -> dict:
        data = self.result.to_dict()
        data["language"] = self.document.language
        data["suggestions"] = [s.to_dict() for s in self.suggestions]
        data["ocr"] = self.document.ocr  # pages read from a picture, and how well; None for a text layer
        if self.roles is not None:
            data["roles"] = [r.to_dict() for r in self.roles]
            data["next_step"] = self.next_step
        return data
