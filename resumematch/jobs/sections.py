"""The parts of a job posting: what it asks for, and everything else it says.

Real postings carry much more than requirements: a company blurb, benefits and perks, a salary
line, an equal-opportunity statement, how to apply, and (when saved from a job board) a header
of labels such as "Job type: Full-time". None of that describes the person wanted, so it gives
no skills, no other keywords and no weight in the TF-IDF job vector.

``posting_parts(text)`` makes one pass over the text and returns a :class:`PostingPart` for
every sentence (a line, a sentence within a long line, or a sentence wrapped over several lines),
with its kind:

- ``required``, ``preferred``: under a heading that says so ("Requirements", "Nice to have");
- ``duties``, ``other``: responsibilities and everything not recognised (kept, counted as preferred);
- ``heading``: a heading line itself;
- set aside (:data:`SET_ASIDE`): ``header`` (job-board labels and their values), ``company``,
  ``benefits``, ``salary``, ``legal``, ``apply``, recognised by their heading or, without one,
  by typical sentences ("We offer...", "... without regard to race, color ...").
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .. import lang
from ..parsers.sections import normalise_heading

SET_ASIDE = ("header", "company", "benefits", "salary", "legal", "apply")
KEPT = ("required", "preferred", "duties", "other")

_HEADINGS: dict[str, tuple[str, ...]] = {
    "required": (
        "requirements", "requirement", "required", "required qualifications", "required skills",
        "minimum qualifications", "minimum requirements", "basic qualifications", "must have",
        "must haves", "what you need", "what you will need", "what you ll need", "what we need",
        "you have", "you must have", "qualifications", "job requirements", "essential skills",
        "essential requirements", "essentials", "knockout requirements", "skills and experience",
        "who you are", "key requirements", "required experience", "your profile", "profile",
        "about you", "what we re looking for", "what we are looking for", "we are looking for",
        "what you bring", "what you ll bring", "what you will bring", "your skills", "skills",
        "technical skills", "requirements and qualifications", "qualifications and requirements",
        "your qualifications", "your experience", "skills required", "key skills", "competencies",
        "who we are looking for", "we expect", "what we expect", "ideal candidate", "the ideal candidate",
        "who we re looking for", "minimum job requirements", "basic requirements", "minimum requirements",
        "essential qualifications", "you will need", "you ll need", "education", "experience",
        "education and experience", "experience and education", "certifications", "licenses and certifications",
        "certifications and licenses", "physical requirements", "required skills abilities", "required skills and abilities",
        "required skills experience", "required skills and experience", "job qualifications", "minimum job qualifications",
        "knowledge skills and abilities", "skills and abilities", "requirements and skills",
    ),
    "preferred": (
        "preferred qualifications", "preferred", "preferred skills", "preferred experience",
        "nice to have", "nice to haves", "bonus", "bonus points", "bonus skills", "pluses", "a plus",
        "desired", "desired skills", "desired qualifications", "additional qualifications",
        "good to have", "it would be great if", "extra credit", "technologies", "tech stack",
        "our stack", "our tech stack", "the stack", "tools we use", "advantages", "advantage", "an advantage",
        "it s an advantage", "it is an advantage", "assets", "an asset", "plus", "desirable", "desired skills experience",
        "desired skills and experience", "preferred skills experience", "preferred skills and experience",
        "preferred qualifications and skills", "nice to haves", "would be a plus", "extra points",
    ),
    "duties": (
        "responsibilities", "duties", "key responsibilities", "what you ll do", "what you will do",
        "your tasks", "tasks", "your role", "the role", "about the role", "about the job",
        "about the position", "the position", "role description", "job description", "description",
        "what you will be doing", "what you ll be doing", "day to day", "a day in the life",
        "your responsibilities", "your mission", "the opportunity", "overview", "summary",
        "job summary", "position summary", "role overview", "in this role", "in this role you will",
        "position overview", "job overview", "role summary",
        "job duties", "essential duties", "essential functions", "principal duties",
    ),
    "company": (
        "about us", "who we are", "about the company", "company overview", "our company", "the company",
        "our story", "our mission", "our culture", "our values", "why us", "company description",
        "about the team", "the team", "our team", "company profile", "about the employer",
    ),
    "benefits": (
        "benefits", "perks", "perks and benefits", "benefits and perks", "what we offer", "we offer",
        "what we can offer", "what we can offer you", "what s in it for you", "why join us",
        "why work with us", "why work here", "our offer", "what you get", "what you ll get",
        "rewards", "total rewards", "compensation and benefits", "benefits package", "we provide",
    ),
    "salary": ("compensation", "salary", "pay", "pay range", "salary range", "base salary", "wage", "rate of pay"),
    "legal": (
        "equal opportunity", "equal opportunity employer", "eeo", "eeo statement", "diversity and inclusion",
        "diversity", "diversity equity and inclusion", "our commitment to diversity", "accessibility",
        "accommodations", "disclaimer", "legal", "privacy", "privacy notice", "data privacy notice",
        "notice to agencies", "note to agencies", "recruitment agencies", "to recruitment agencies",
    ),
    "apply": (
        "how to apply", "to apply", "application", "applications", "application process", "apply",
        "next steps", "interested", "contact", "contact information", "questions", "additional information",
        "practical information", "recruitment process", "hiring process", "the process", "apply now",
    ),
}
_HEADING_KIND = {variant: kind for kind, variants in _HEADINGS.items() for variant in variants}
# Job-board labels: the label and its value (on the same line or the next) are the header.
_LABELS = frozenset(
    """date posted|posted|likes|job type|experience level|role|industry|company size|company type|location options|
    location|locations|job location|employment type|schedule|start date|job id|req id|requisition id|reference|
    department|reports to|travel|shift|work location|job category|category|seniority level|employment|contract type|
    remote|work model|closing date|application deadline|deadline|visa sponsorship|official title|job area|country|
    countries|auto req id|job function|function|hours|working hours""".replace("\n", "").split("|")
)
_LABELS = frozenset(" ".join(label.split()) for label in _LABELS)

# Typical sentences, recognised wherever they stand (outside required/preferred lists).
_LEGAL = re.compile(
    r"equal (?:employment )?opportunit|without regard to|regardless of (?:race|gender|age|religion|sex|their)|"
    r"race,? colou?r|sexual orientation|gender identity|protected (?:veteran|characteristic|class|status)|"
    r"veteran status|disability status|affirmative action|reasonable accommodation|e-verify|"
    r"unsolicited (?:resumes|résumés|cvs|applications)|recruitment agenc|staffing agenc|"
    r"(?:we|it) (?:do|does) not discriminate|all qualified applicants|diverse (?:and inclusive )?(?:workforce|workplace)|"
    r"privacy (?:policy|notice)|in accordance with (?:applicable )?(?:law|gdpr)|personal data|data protection authority|"
    r"supervisory authority|lodge a complaint|right to (?:object|erasure|access your)",
    re.I,
)
# A data-protection law named alone is a privacy notice ("we handle applications under the GDPR")
# or the hire's work ("you will lead our GDPR implementation", "experience with HIPAA and GDPR").
_PRIVACY_LAW = re.compile(r"\bgdpr\b|data protection (?:act|law|regulation)", re.I)
_HIRE_WORK = re.compile(
    r"\byou(?:'ll| will| would)\b|\byour (?:\w+ )?(?:focus|role|task|tasks|responsibilit\w*|job|work)\b|"
    r"\b(?:experience|knowledge|familiarity|understanding) (?:with|of|in)\b",
    re.I,
)
_BENEFITS = re.compile(
    r"\b(?:we offer|we can offer|we provide you|you(?:'ll| will) (?:get|receive|enjoy|have access)|you get|"
    r"our benefits|benefits (?:package|include)|competitive (?:salary|pay|compensation|benefits)|"
    r"health(?:care)? (?:insurance|benefits|plan)|medical,? dental|dental(?: and|,) vision|401\s?\(?k|pension|"
    r"paid time off|\bPTO\b|paid (?:holidays|vacation|leave)|vacation days|parental leave|maternity|paternity|"
    r"stock options|employee stock|equity (?:package|grant)|gym|wellness (?:program|allowance)|"
    r"free (?:lunch|snacks|coffee|breakfast|parking)|(?:training|learning|education|conference) budget|"
    r"remote-first|work from home|flexible (?:working )?(?:hours|schedule)|hybrid work|company car|"
    r"relocation (?:package|assistance|support)|tuition (?:reimbursement|assistance)|employee discount|"
    r"work[/-]life balance|social events|team events|fruit basket|rewards|job benefits|generous|discounted|"
    r"sick (?:leave|days|pay)|overtime pay|career coaching|career (?:growth|development) opportunit|"
    r"employee (?:assistance|discounts?|referral)|discounts? on|life insurance|disability insurance|retirement (?:plan|savings)|"
    r"access to (?:\w+ ){0,4}program|perks)",
    re.I,
)
_SALARY = re.compile(
    r"(?:[$£€]\s?\d|\b\d[\d,.]*\s?(?:k|K)?\s?(?:USD|EUR|GBP|DKK|SEK|NOK|CHF)\b|\b(?:USD|EUR|GBP|DKK)\s?\d|"
    r"\bsalary\b|\bper hour\b|/\s?(?:hr|hour|year|yr|annum)\b|\bhourly rate\b|\bpay (?:range|rate)\b|"
    r"\bcompensation range\b|\bOTE\b|\bper annum\b)",
    re.I,
)
_APPLY = re.compile(
    r"\b(?:to apply|apply (?:now|today|online|here|via|through|by|at|on our)|please apply|click apply|"
    r"send (?:us )?your (?:cv|resume|résumé|application)|submit your (?:cv|resume|résumé|application)|"
    r"application deadline|deadline for applications|applications? (?:will be|are) (?:reviewed|processed|accepted)|"
    r"we look forward to (?:receiving|hearing|your)|questions (?:about|regarding) the (?:position|job|role)|"
    r"for (?:further|more) information,? (?:please )?(?:contact|reach)|interviews will (?:be held|take place)|"
    r"no later than|reference number|upload your|for more information (?:on|about)|"
    r"(?:click|tap) (?:here|below|the (?:link|button))|reach (?:out to )?(?:us|the \w+ (?:team|department))|"
    r"questions\?|contact (?:us|the \w+ (?:team|department))|invited (?:to|for) (?:an? )?interview|"
    r"interviews? (?:will|may) be (?:held|conducted|done))",
    re.I,
)
_COMPANY = re.compile(
    r"^(?:we are (?:a|an|the|one of)\b|we're (?:a|an|the|one of)\b|we have (?:been|grown|offices|over|more than)|"
    r"(?:[A-Z<][\w&.<>-]*\s){1,4}(?:is|are) (?:a|an|the|one of) (?:leading|global|world|international|"
    r"fast|growing|market|successful|specialist|independent|award|innovative|young|family|european|american|"
    r"[a-z-]+ (?:company|provider|platform|startup|leader|firm|organi[sz]ation|business|group))|"
    r"founded in|since (?:the )?\d{4}|headquartered|our (?:mission|vision|values|story|history|culture|purpose)\b|"
    r"as (?:one of )?(?:the|a) (?:leading|largest|global|world)|(?:is|are) (?:the|a) (?:largest|leading|world)|"
    r"we are (?:developing|building|creating|making) (?:a|an|the)\b|"
    r"our (?:software|platform|products?|solutions?|technology|customers|clients)(?: \w+)? (?:is|are|helps?|monitors?|enables?|serves?|include|use)\b|"
    r"(?:in|with) (?:over |more than )?\d[\d,.]*\+? (?:technology hubs|countries|offices|employees|colleagues|people)\b|"
    r"at (?:[A-Z<][\w&.<>-]*\s?){1,4},? (?:we|our)\b|join (?:us|our team) (?:and|in|to|as)\b|"
    r"we (?:firmly |strongly |truly |deeply )?(?:believe|value|care about|pride ourselves)|we(?: are|'re) committed to|"
    r"our (?:clients|customers|partners) (?:include|are|range)|trusted by|(?:find|follow|like) us on|visit (?:us at|our website)|"
    r"(?:we|the company) (?:sells?|develops?|makes?|builds?) (?:\w+[ -]){0,4}(?:software|products|solutions|platforms?|services)\b)",
    re.I,
)
# A sentence that says itself what it asks for ("Wireshark experience is a plus").
# English cues, then every other language's (resumematch/lang/<code>/postings.py).
LINE_REQUIRED = re.compile(
    r"\b(required|requires|must|mandatory|essential|minimum|you (?:will |')?(?:ll )?need|you have|we require|"
    + lang.cue_pattern("required") + r")(?!\w)", re.I
)
LINE_PREFERRED = re.compile(
    r"\b(preferred|a plus|nice to have|bonus|desired|desirable|ideally|is a plus|advantage|advantageous|an asset|"
    + lang.cue_pattern("preferred") + r")(?!\w)", re.I
)
_ASKS_FOR = re.compile(
    r"\b(experience|knowledge|skills?|certifi\w*|degree|diploma|familiarity|proficien\w*|background in|licen[cs]e|"
    r"clearance|background check|able to|ability to)\b",
    re.I,
)
_ASKING = re.compile(r"\b(?:looking for|seeking|searching for|hiring|we need|we expect|we require|you (?:have|bring|will|are)|must|required)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z<\"'(])")
BULLET = re.compile(r"^\s*(?:[•·●▪*\-–—☞⌲►»]|\d+[.)])\s*")
_INLINE = re.compile(r"^\W*([A-Za-z][A-Za-z '&/\-]{1,40}?)\s*[:\u2013\u2014]\s*(\S.*)$")


@dataclass(frozen=True)
class PostingPart:
    """A sentence of a posting, as a character range ``[start, end)`` of its text, and its kind."""

    kind: str
    start: int
    end: int
    why: str = ""  # for a set-aside part: the heading or the kind of sentence that decided it

    @property
    def set_aside(self) -> bool:
        return self.kind in SET_ASIDE

    def to_dict(self) -> dict:
        return asdict(self)


_NAME = r"((?:\d*[A-Z][\w&.'-]*|<[A-Z]+>)(?:\s(?:[A-Z][\w&.'-]*|<[A-Z]+>)){0,3})"
_COMPANY_NAME_PATTERNS = (
    re.compile(rf"\bAbout {_NAME}"),
    re.compile(rf"\bAt {_NAME},? (?:we|our)\b"),
    re.compile(rf"\bJoin {_NAME}"),
    re.compile(rf"(?:^|[.!?]\s+){_NAME} (?:is|are) (?:a|an|the|one of|looking|hiring|seeking|searching)\b", re.M),
    re.compile(rf"\b{_NAME} (?:offers|provides|was founded|has been)\b"),
    re.compile(rf"\b{_NAME} and its (?:contractors|subsidiaries|affiliates|partners|customers|employees)\b"),
    re.compile(rf"\b{_NAME}['’]s (?:existing|own)\b"),
    re.compile(rf"\b{_NAME} (?:offered|provided) (?:services|products)\b"),
)
_NOT_NAMES = {"the role", "the job", "the position", "the team", "us", "you", "this role", "the company", "we", "it"}


def company_names(text: str) -> list[str]:
    """The posting's own company, from how postings speak of it: "About Acme", "At Acme, we",
    "Acme is a ...", "Join Acme"."""
    names: list[str] = []
    for pattern in _COMPANY_NAME_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group(1).strip()
            if name.lower() not in _NOT_NAMES and name not in names and not heading_kind(name):
                names.append(name)
    return names


def heading_kind(line: str) -> str | None:
    """The kind of part a heading line opens ("Benefits" -> "benefits"), if it is one."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    key = normalise_heading(stripped)
    if key in _HEADING_KIND:
        return _HEADING_KIND[key]
    if key in _LABELS:
        return "header"
    foreign = lang.posting_headings().get(lang.heading_key(stripped))
    if foreign:
        return foreign  # "Anforderungen", "Wir bieten", "Profil recherché"
    if key.startswith("about ") and len(key.split()) <= 5:
        return "company"  # "About Acme", "About <ORGANIZATION>": the blurb (the role's are listed above)
    words_only = [w for w in key.split() if w not in ("and", "amp")]
    if words_only and len(words_only) <= 4 and all(w in _LABEL_WORDS for w in words_only):
        return "header"  # "Location & Schedule", "Hours and Location"
    if _CULTURE_HEADING.match(stripped):
        return "company"  # "Life at Acme", "Working at Acme", "Careers with Acme"
    named = _named_heading_kind(stripped)
    if named:
        return named
    qualified = _FOR_WHOM.match(stripped)
    if qualified and not stripped.endswith((".", "!", ",", ";")) and not BULLET.match(line) and _title_like(stripped):
        # "Required Qualifications for Cable Technician at Acme", "Position Overview at Acme":
        # a heading said for the role or the company is the heading.
        return heading_kind(qualified.group(1))
    words = key.split()
    if len(words) <= 5 and (stripped.endswith(":") or stripped.istitle() or stripped.isupper()):
        # "Preferred Education and Experience", "MINIMUM JOB REQUIREMENTS:", "Desired Experience":
        # a short heading says its level in its words.
        folded = set(lang.heading_key(stripped).split())
        if _PREFERRED_WORDS & set(words) or lang.posting_words("preferred") & folded:
            return "preferred"
        if _REQUIRED_WORDS & set(words) or lang.posting_words("required") & folded:
            return "required"
    return None


def _title_like(line: str) -> bool:
    """Every word capitalised but the small ones: "Required Qualifications for Cable Technician"."""
    words = re.findall(r"[\w&+'-]+", line)
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


_SMALL_WORDS = {"for", "at", "with", "of", "the", "a", "an", "and", "in", "on", "to", "&"}
_LABEL_WORDS = {"location", "locations", "schedule", "hours", "shift", "shifts", "travel", "work", "remote", "type"}
_FOR_WHOM = re.compile(r"^\W*((?:\S+\s){1,4}?\S+)\s+(?:for|at|with|@)\s+\S.{0,60}$")
_CULTURE_HEADING = re.compile(
    r"^(?:life|careers?|working|work|culture|a day|who we are) (?:at|with|@|inside) [A-Z<][\w&.'<> -]{0,40}[:?!]?$", re.I
)
# "AT&T Benefits:", "Acme Perks", "Why Comcast?": the company's name around a heading word.
_NAMED_HEADING = re.compile(r"^(?:[A-Z<][\w&.'<>-]*\s){1,3}((?i:benefits|perks|rewards|culture|values|compensation|pay))\s*:?$")


def _named_heading_kind(line: str) -> str | None:
    found = _NAMED_HEADING.match(line)
    if found:
        return _HEADING_KIND.get(found.group(1).lower(), "company" if found.group(1).lower() in ("culture", "values") else None)
    return None


def heading_like(line: str) -> bool:
    """A short line that opens a part of its own, though no heading list knows it: "Why Acme?",
    "Acme Extras:". What it is is decided by its lines (``_blocks_by_lines``)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 50 or BULLET.match(line) or len(stripped.split()) > 6:
        return False
    return stripped.endswith(("?", ":")) and stripped[:1].isupper() and not _ASKS_FOR.search(stripped)


_PREFERRED_WORDS = {"preferred", "desired", "desirable", "bonus", "advantages", "advantage", "plus", "nice", "optional"}
_REQUIRED_WORDS = {"requirements", "required", "qualifications", "must", "minimum", "basic", "essential", "mandatory"}


def posting_parts(text: str) -> list[PostingPart]:
    """Every sentence of the posting with its kind, in reading order."""
    from ..skills.textfold import fold_in_place

    text = fold_in_place(text)  # "you’ll", "We’re": one spelling for the patterns, same offsets
    return _benefit_lists(text, _parts(text))


def _parts(text: str) -> list[PostingPart]:
    parts: list[PostingPart] = []
    kind, why = "other", ""
    label_value = False  # the line after a lone job-board label is its value
    offset = 0
    lines = text.split("\n")
    previous = ""
    before_first_heading = True
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            previous = line
            continue
        heading = heading_kind(stripped)
        if before_first_heading and parts and not heading:  # parts: the title is already read
            if len(parts) <= _LETTERHEAD_LINES and _letterhead(stripped):
                # Under the title: company, place, date lines, as job boards and letterheads print them.
                parts.append(PostingPart("header", start, end, "line under the title"))
                previous = line
                continue
            before_first_heading = False
        if heading:
            before_first_heading = False
        if not heading and heading_like(stripped):
            # "Why Acme?", "Acme Extras:": a heading no list knows ends the list above it; its
            # lines are judged by what they are (benefits lists, company sentences, requirements).
            kind, why = "other", ""
            parts.append(PostingPart("heading", start, end, f"heading '{stripped.rstrip(':?')}'"))
            before_first_heading = False
            previous = line
            continue
        inline = None if heading else _INLINE.match(stripped)
        inline_kind = heading_kind(inline.group(1)) if inline else None
        if heading:
            if heading == "header":
                label_value = True
                parts.append(PostingPart("header", start, end, f"label '{stripped.rstrip(':')}'"))
            else:
                kind, why = heading, f"heading '{stripped.rstrip(':')}'"
                parts.append(PostingPart("heading", start, end, why))
            previous = line
            continue
        if inline_kind == "header":
            parts.append(PostingPart("header", start, end, f"label '{inline.group(1)}'"))
            previous = line
            continue
        if label_value and BULLET.match(line):
            # "Role:" over a list of bullets heads the duties, not a job-board value.
            kind, why = "duties", ""
        elif label_value and len(stripped) <= 80:
            parts.append(PostingPart("header", start, end, "job-board label value"))
            label_value = False
            previous = line
            continue
        label_value = False
        if inline_kind:
            kind, why = inline_kind, f"heading '{inline.group(1)}'"
        if _continues(previous, stripped) and parts and parts[-1].end == start - 1 and parts[-1].kind not in ("heading", "header"):
            # A sentence wrapped onto this line keeps the kind of its first line.
            last = parts.pop()
            parts.extend(_sentences(text, last.start, end, kind, why, parts_kind=last.kind))
        else:
            parts.extend(_sentences(text, start, end, kind, why))
        previous = line
    return parts


_LETTERHEAD_LINES = 3

# Words of a perk: an item of a list in which at least half the items have one is a benefits
# list, heading or not ("Employee discounts", "Career Coaching", "Overtime pay", "Access to Arts
# and Entertainment Program").
_PERK = re.compile(
    r"\b(?:discounts?|insurance|401\s?\(?k|pension|retirement|PTO|paid (?:time|holidays?|leave|vacation|parental)|holidays?|"
    r"vacation|sick|overtime|bonus(?:es)?|tuition|reimburse\w*|wellness|gym|fitness|coaching|career (?:growth|development|"
    r"advancement|path)|perks?|benefits?|medical|dental|vision|disability|commuter|parking|childcare|stock|equity|allowance|"
    r"stipend|snacks|lunch|meals?|vouchers?|membership|(?:multisport|fitness|gym|sports?) (?:card|pass|club)|"
    r"HSA|FSA|flexible spending|time off|parental|maternity|paternity|"
    r"(?:entertainment|assistance|recognition|referral|wellbeing|well-being) program)\b",
    re.I,
)
_LIST_BLOCK = 3


def _benefit_lists(text: str, parts: list[PostingPart]) -> list[PostingPart]:
    """Lists of perks without a "Benefits" heading are benefits all the same."""
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    bulleted = headed = False
    offset = 0
    for line in [*text.split("\n"), ""]:
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        bullet = bool(stripped and BULLET.match(line))
        opens = heading_like(stripped) and not heading_kind(stripped)
        item = stripped and not opens and (bullet or (len(stripped.split()) <= 10 and not stripped.endswith((".", ":"))))
        if item and not (not bullet and bulleted):  # a plain line after bullets opens the next list
            block.append((start, end))
            bulleted = bulleted or bullet
            continue
        # Under a heading no list knows ("Why Acme?"), even a short list is judged by its lines.
        if len(block) >= _LIST_BLOCK or (headed and block):
            blocks.append(block)
        block, bulleted = ([(start, end)], False) if item else ([], False)
        headed = bool(opens)
    marked: list[tuple[int, int]] = []
    for block in blocks:
        items = [text[a:b] for a, b in block]
        perks = sum(1 for item in items if _PERK.search(item))
        if perks * 2 >= len(items):
            marked.append((block[0][0], block[-1][1]))
    if not marked:
        return parts
    out = []
    for part in parts:
        inside = any(a <= part.start < b for a, b in marked)
        if inside and part.kind in KEPT and not _asks(text[part.start : part.end]):
            part = PostingPart("benefits", part.start, part.end, "benefits list")
        out.append(part)
    return out


def _asks(sentence: str) -> bool:
    return bool(_ASKS_FOR.search(sentence) and (LINE_REQUIRED.search(sentence) or LINE_PREFERRED.search(sentence)))


def _letterhead(line: str) -> bool:
    """A short line with no sentence and no requirement in it: "Tallgrass Fiber, Wichita, KS"."""
    return (
        len(line.split()) <= 8
        and not line.rstrip().endswith((".", "!", "?", ":"))
        and not BULLET.match(line)
        and not (_ASKS_FOR.search(line) or LINE_REQUIRED.search(line) or LINE_PREFERRED.search(line))
    )


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` (a PDF or DOCX wrapped it)."""
    before = previous.rstrip()
    return bool(before) and not before.endswith((".", "!", "?", ":", ";")) and not BULLET.match(line) and line[:1].islower()


def _sentences(text: str, start: int, end: int, kind: str, why: str, parts_kind: str | None = None) -> list[PostingPart]:
    out = []
    cursor = start
    chunk = text[start:end]
    bounds = [m.start() for m in _SENTENCE_END.finditer(chunk)] + [len(chunk)]
    for bound in bounds:
        s, e = cursor, start + bound
        sentence = text[s:e]
        if sentence.strip():
            sentence_kind, sentence_why = _sentence_kind(sentence, kind, why)
            if parts_kind in SET_ASIDE and sentence_kind in KEPT:
                sentence_kind, sentence_why = parts_kind, why  # a wrapped set-aside sentence stays aside
            out.append(PostingPart(sentence_kind, s, e, sentence_why if sentence_kind in SET_ASIDE else ""))
        cursor = e
        while cursor < end and text[cursor].isspace():
            cursor += 1
    return out


def _sentence_kind(sentence: str, kind: str, why: str) -> tuple[str, str]:
    """A sentence's own kind: typical legal, benefits, salary, apply and company sentences are
    recognised under any heading but the required and preferred lists, where only the
    unmistakable legal statements are."""
    asks = _ASKS_FOR.search(sentence) and (LINE_REQUIRED.search(sentence) or LINE_PREFERRED.search(sentence))
    if _LEGAL.search(sentence) and not (asks and re.search(r"\b(?:must|required)\b", sentence, re.I)):
        return "legal", "equal-opportunity or legal statement"
    if _PRIVACY_LAW.search(sentence) and not (asks or _HIRE_WORK.search(sentence)):
        return "legal", "privacy notice"
    if asks and kind not in KEPT:
        # "Must have a valid driver's license" under "Additional information", a licence in the
        # salary line: a requirement sentence is never set aside, whatever heading it sits under.
        return ("preferred" if LINE_PREFERRED.search(sentence) else "required"), ""
    if _APPLY.search(sentence) and not asks and not _ASKING.search(re.sub(r"(?i)\bjoin us\b", "", sentence)):
        # "CLICK APPLY NOW": how to apply, even at the end of a requirements list.
        return "apply", "how-to-apply sentence"
    if kind in ("required", "preferred"):
        return kind, why
    if asks:
        return kind, why
    if _BENEFITS.search(sentence) and not _ASKING.search(sentence):
        return "benefits", "benefits sentence"
    if _SALARY.search(sentence) and not _ASKING.search(sentence):
        return "salary", "salary sentence"
    body = BULLET.sub("", sentence).strip()
    if _COMPANY.search(body) and not _ASKING.search(body):
        return "company", "company description"
    return kind, why


def kept_ranges(parts: list[PostingPart]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the parts that describe the job."""
    return [(p.start, p.end, p.kind) for p in parts if p.kind in KEPT]


def set_aside_summary(text: str, parts: list[PostingPart]) -> list[dict]:
    """Consecutive set-aside parts of one kind merged, for ``jobs show``: kind, why, where, and the text."""
    merged: list[dict] = []
    for part in parts:
        if not part.set_aside:
            continue
        last = merged[-1] if merged else None
        if last and last["kind"] == part.kind and not text[last["end"] : part.start].strip():
            last["end"] = part.end
        else:
            merged.append({"kind": part.kind, "why": part.why, "start": part.start, "end": part.end})
    for item in merged:
        item["text"] = " ".join(text[item["start"] : item["end"]].split())
    return merged
