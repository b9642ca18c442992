"""Title match: does the resume hold the role the posting names?

A title names a role by its head noun ("Nurse", "Technician", "Engineer") and the qualifiers in
front of it ("Registered", "Network", "Field"). Sharing a word is not enough: "Medical" in a
hospital's name ("Northwest Medical Center") says nothing about being a nurse. So the posting's
title is cut into role phrases (the main one, and alternatives in brackets or after a slash;
what follows " - " is the unit or place, not the role) and compared with the resume's own job
titles: the headline under the name, the role lines of Experience (split from the company and
place beside them) and the opening words of the Summary. Pure Python over the parsed text.

Titles of one line of work count too, with less than the posting's own role: a Sales Manager
is a sales person for a Sales Representative opening, a NOC Engineer a NOC person for a NOC
Technician opening. A line of work is the function a title names ("sales", "customer service",
"technical support"; the table below lists the words titles use for each), and a title's level
is its head noun's kind (staff, technical, lead). Same function and same kind: most of the
credit; same function, another level: a little less, and the why-line says the level differs.
A resume that arrives as one long line (scraped piles, some exports) has no role lines: there
titles are found as phrases in the running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .types import Document, Section

_WORD = re.compile(r"[^\W\d_][\w+#&'-]*|\d+")  # letters of any script: 'Técnico de informática'
# Seniority and grade words: "Network Technician II" is a Network Technician.
_LEVEL = {
    "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "senior", "junior", "sr", "jr", "lead", "principal", "staff",
    "level", "entry", "entry-level", "mid", "trainee", "intern", "associate", "chief", "head",
}
_GLUE = {"and", "or", "of", "the", "a", "an", "to", "&"}
# Words that end a title inside a line of prose ("Network technician with six years...").
_PROSE_BREAK = re.compile(
    r"\s(?:with|who|at|for|in|from|since|and|,|offering|bringing|seeking|having|specializing|skilled|experienced)\s", re.I
)
_SEGMENT_BREAK = re.compile(r"\s+[-–—|@·•]\s+|[,|–—(){}\[\];:•·]|\s+at\s+|\s+/\s+", re.I)
_BULLET = re.compile(r"^\s*(?:[•·●▪◦*\-–—►»]|\d+[.)])\s+")
_DATE_ONLY = re.compile(
    r"^(?:[\d\s/.\-–—']|present|current|now|today|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|january|february|march|april|june|july|august|september|october|november|december)*$", re.I
)
MAX_TITLE_WORDS = 6
# A headline that names the role as a goal: "Aspiring Network Technician" (matched, and said so).
_GOAL = re.compile(r"^\s*(?:aspiring|future|prospective|would-be|seeking|looking for|targeting|transitioning)\b", re.I)


# The function a title names, by the words titles use for it. A posting's title has a function
# when one of its qualifiers is among these words; a resume title is of that line of work when it
# names the same function in any of its words.
FUNCTIONS = {
    "sales": ("sales", "selling", "business development", "account executive", "account manager", "inside sales",
              "outside sales", "territory"),
    "customer service": ("customer service", "customer services", "customer care", "customer support", "client service",
                         "client services", "call center", "call centre", "contact center", "contact centre",
                         "member services", "customer success", "customer advocate", "customer relations",
                         "customer experience"),
    "technical support": ("technical support", "tech support", "it support", "help desk", "helpdesk", "service desk",
                          "desktop support", "user support", "end user support", "support technician",
                          "support specialist", "support analyst", "support engineer", "technical services",
                          "computer support", "pc support", "it specialist", "information technology specialist"),
    "network": ("network", "networks", "networking", "noc", "network operations", "telecom", "telecommunications",
                "lan", "wan"),
    "noc": ("noc", "network operations center", "network operations centre", "network operations"),
    # "systems" alone names no line of work (business systems analyst, health systems analyst,
    # weapon systems engineer): it takes administration or engineering of them, or the
    # infrastructure. Not "server": a restaurant's server is no systems person.
    "systems": ("systems administrator", "system administrator", "systems administration", "system administration",
                "systems admin", "system admin", "sysadmin", "systems engineer", "system engineer", "infrastructure",
                "it administrator", "information technology administrator", "windows administrator",
                "linux administrator", "unix administrator", "server administrator"),
    "marketing": ("marketing", "digital marketing", "brand", "campaign", "campaigns", "growth", "seo", "social media"),
    "field": ("field", "outside plant", "construction", "site"),
    "installer": ("installer", "installation", "install", "cable", "fiber", "fibre", "splicer"),
    "isp": ("isp", "broadband", "cable", "fiber", "fibre", "telecom"),
    "project": ("project", "projects", "program", "programme", "pmo"),
}
# The kinds of head noun: what level of work a title names.
HEAD_KINDS = {
    "staff": {"representative", "rep", "associate", "agent", "consultant", "advisor", "adviser", "clerk", "specialist",
              "executive", "officer", "advocate", "coordinator", "assistant", "professional", "seller", "salesperson"},
    "technical": {"technician", "tech", "engineer", "administrator", "admin", "analyst", "architect", "installer",
                  "specialist", "operator", "developer", "splicer", "lineman", "linesman"},
    "lead": {"manager", "director", "supervisor", "lead", "leader", "head", "foreman", "superintendent", "chief",
             "vp", "president", "coordinator", "officer", "owner"},
}
FAMILY_SAME_KIND = 80.0
FAMILY_OTHER_LEVEL = 65.0


@dataclass(frozen=True)
class TitleMatch:
    """The title component (0-100) and the one-line reason for it."""

    score: float
    why: str
    resume_title: str = ""


def _key(word: str) -> str:
    word = word.lower().strip("'")
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


# A label before the title in a posting's first line ("Job Description: Front End Engineer").
_LABEL = re.compile(r"^\s*(?:job\s+(?:description|title|posting|opening|ad)|position|role|title|vacancy|opening|"
                    r"we(?:'re|\s+are)\s+hiring)\s*[:\-–—]\s*", re.I)
_NOT_A_ROLE = re.compile(r"\d|\byears?\b|experience|remote|hybrid|on-?site|contract|full[- ]time|part[- ]time|"
                         r"\b[mfwd]\s*/\s*[mfwd]\b", re.I)


def _role_words(phrase: str) -> list[str]:
    return [_key(w) for w in _WORD.findall(phrase) if w.lower() not in _LEVEL and w.lower() not in _GLUE]


def role_phrases(title: str) -> list[list[str]]:
    """The roles a posting's title names, each as its words (head noun last).

    "ISP Technician (Installer / Field Technician)" -> [isp technician], [installer], [field technician];
    "Registered Nurse - Medical/Surgical Unit" -> [registered nurse] (the unit is not the role).
    """
    title = _LABEL.sub("", title)
    main, _, rest = title.partition("(")
    main = re.split(r"\s+[-–—|:]\s+|,|\s+[–—]\s*", main)[0]
    bracket = rest.split(")")[0]
    if _NOT_A_ROLE.search(bracket):  # "(2 Years of Experience)", "(m/w/d)", "(Remote)": not another role
        bracket = ""
    phrases = [main] + re.split(r"[/,]| or ", bracket) if bracket else [main]
    if "/" in main:
        phrases = main.split("/") + phrases[1:]
    out = []
    for phrase in phrases:
        words = _role_words(phrase)
        if words and words not in out:
            out.append(words[-MAX_TITLE_WORDS:])
    return out


def resume_titles(document: Document) -> list[str]:
    """The resume's own job titles: short segments of the headline, of Experience lines that
    are not bullets, and the opening words of the Summary; in a resume without line structure,
    the title phrases of its running text."""
    titles = _titles(document.text, tuple((s.name, s.start, s.end, s.heading) for s in document.sections))
    return _without_companies(list(titles), document.linkedin)


def _without_companies(titles: list[str], profile: dict | None) -> list[str]:
    """A LinkedIn export sets each job's company on a line of its own above the role line
    ("Sonoran Cable Installers" over "Dispatcher"): the role line is the title, the company never."""
    companies = {p["company"].lower() for p in (profile or {}).get("positions", ()) if p.get("company")}
    return [t for t in titles if t.lower() not in companies] if companies else titles


def _unstructured(text: str) -> bool:
    """One long line (or a few): a scraped or exported resume whose line breaks were lost."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(text) > 400 and (len(lines) <= 3 or len(text) / len(lines) > 250)


def _strip_head(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[:-1]) if len(words) > 1 and any(words[-1] in heads for heads in HEAD_KINDS.values()) else phrase


_HEAD_SET = frozenset(w for heads in HEAD_KINDS.values() for w in heads)
_HEAD_WORDS = sorted({w for heads in HEAD_KINDS.values() for w in heads}, key=len, reverse=True)
# A function phrase that ends in a head noun ("systems administrator") starts a title phrase with
# its first words ("systems"): the head noun follows in the pattern below.
_FUNCTION_WORDS = sorted({_strip_head(w) for words in FUNCTIONS.values() for w in words}, key=len, reverse=True)
# A title inside running text: a function word, up to two more words, a head noun ("Senior
# Technical Support Specialist", "NOC Engineer", "Sales Manager"); or a head noun "of" a function.
_TITLE_PHRASE = re.compile(
    r"(?<![\w-])(?:(?:senior|sr\.?|junior|jr\.?|lead|chief|head|associate|assistant)\s+)?"
    rf"(?:{'|'.join(map(re.escape, _FUNCTION_WORDS))})(?:\s+[A-Za-z&/-]+){{0,2}}?\s+(?:{'|'.join(_HEAD_WORDS)})s?(?![\w-])"
    rf"|(?<![\w-])(?:{'|'.join(_HEAD_WORDS)})\s+of\s+(?:{'|'.join(map(re.escape, _FUNCTION_WORDS))})(?![\w-])",
    re.I,
)


# a word right before a slash; the look-behind starts a try only at a word's start (a 400,000-letter
# token would otherwise be scanned from every letter: quadratic)
_SLASH_AFTER_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)/(?=[^\W\d_])")


def _segments(line: str) -> list[str]:
    """A line's title-sized pieces. A slash right after a head noun ends one title and starts the
    next ("Support Specialist/Database Administrator" is two jobs); a slash between qualifiers
    shares the head ("Sales/Marketing Manager" stays whole)."""
    out = []
    for segment in _SEGMENT_BREAK.split(line):
        start = 0
        for match in _SLASH_AFTER_WORD.finditer(segment):
            if _key(match.group(1)) in _HEAD_SET:
                out.append(segment[start : match.end() - 1])
                start = match.end()
        out.append(segment[start:])
    return out


_PROSE_BREAK_NOT_AND = re.compile(_PROSE_BREAK.pattern.replace("and|,|", ""), re.I)
_GOAL_INSIDE = re.compile(r"\b(?:seeking|looking for|aspiring|targeting|transitioning|to obtain|to secure|interested in|"
                          r"desire|wish(?:ing)? to|hoping to|pursuing)\b", re.I)


_FIRST_HEADING = re.compile(
    r"(?:^|\s)(?:professional\s+|career\s+|executive\s+)?(?:summary|profile|objective|experience|work\s+history|employment|"
    r"skills|skill\s+highlights|highlights|qualifications|education|core\s+competencies|accomplishments|overview)\b",
    re.I,
)


def _has_head_word(line: str) -> bool:
    return any(_key(w) in _HEAD_SET or w.lower() in _HEAD_SET for w in _WORD.findall(line))


def _phrase_titles(text: str, limit: int = 12) -> list[str]:
    out: list[str] = []
    for match in _TITLE_PHRASE.finditer(text):
        phrase = " ".join(match.group().split())
        if phrase.lower() not in (o.lower() for o in out):
            out.append(phrase)
            if len(out) == limit:
                break
    return out


@lru_cache(maxsize=64)  # one resume is matched against many jobs, and re-scored for every suggestion
def _titles(text: str, section_rows: tuple) -> tuple[str, ...]:
    sections = [Section(*row) for row in section_rows]
    document = Document("", "txt", 1, text, sections)
    candidates: list[tuple[int, str]] = []  # (0 Experience, 1 headline, 2 Summary, 3 running text; text)
    named = {s.name for s in document.sections}
    for section in document.sections:
        if section.name not in ("contact", "experience", "summary"):
            continue
        lines = text[section.start : section.end].split("\n")
        if section.name == "summary":
            body = " ".join(line.strip() for line in lines[1:3] if line.strip()) if section.heading else " ".join(lines[:2])
            opening = re.split(r"[.;:]", body)[0] if body else ""
            head = _PROSE_BREAK.split(f" {opening} ")[0].strip()
            if head:
                candidates.append((2, head))
            # The role inside the opening ("Quality-driven and practical Systems Administrator
            # with ..."), read up to the goal ("... seeking a Sales Representative role") and up to
            # what the person does or did ("... with five years managing Sales Representatives"
            # names whom they managed, not their role).
            held_part = _PROSE_BREAK_NOT_AND.split(f" {_GOAL_INSIDE.split(opening)[0]} ")[0]
            candidates += [(2, phrase) for phrase in _phrase_titles(held_part, 2)]
            continue
        if section.heading and section.name == "experience":
            lines = lines[1:]  # the heading
        elif section.name == "contact" and section.start == 0 and lines and not _has_head_word(lines[0]):
            lines = lines[1:]  # the name at the top of the page (a headline there is kept)
        for line in lines:
            if not line.strip() or _BULLET.match(line) or "@" in line and section.name == "contact":
                continue
            if len(line.split()) > 16 or line.rstrip().endswith((".", "!")):
                continue
            for segment in _segments(line):
                words = _WORD.findall(segment)
                if 0 < len(words) <= MAX_TITLE_WORDS and not _DATE_ONLY.match(segment):
                    candidates.append((0 if section.name == "experience" else 1, " ".join(segment.split())))

    if not named:  # no sections found: the first lines are the best guess of a headline
        candidates = [(1, line.strip()) for line in text.split("\n")[:3] if 0 < len(line.split()) <= MAX_TITLE_WORDS]
    if _unstructured(text):
        # The headline of a resume whose line breaks were lost: its opening words, up to the
        # first heading ("Construction Superintendent Summary Twenty years of ..."). A name
        # before it adds words, which take nothing from a match.
        opening = _FIRST_HEADING.split(text.lstrip()[:200], 1)
        if len(opening) > 1 and 0 < len(_WORD.findall(opening[0])) <= MAX_TITLE_WORDS + 3:  # none when it opens on a heading
            candidates.append((1, " ".join(opening[0].split())))
        candidates += [(3, phrase) for phrase in _phrase_titles(text)]
    seen, out = set(), []
    for _, candidate in sorted(candidates, key=lambda c: c[0]):  # role lines first: the why-line quotes them
        if candidate.lower() not in seen:
            seen.add(candidate.lower())
            out.append(candidate)
    return tuple(out)


def functions(title: str) -> frozenset[str]:
    """The lines of work a title names ("Customer Care Team Lead" -> customer service)."""
    words = " " + " ".join(w.lower() for w in _WORD.findall(title)) + " "
    return frozenset(name for name, said in FUNCTIONS.items() if any(f" {w} " in words for w in said))


def head_kinds(title: str) -> frozenset[str]:
    """The kinds of its head noun, the last word of the title that names a level of work."""
    for word in reversed(_WORD.findall(title)):
        kinds = frozenset(k for k, heads in HEAD_KINDS.items() if word.lower() in heads or _key(word) in heads)
        if kinds:
            return kinds
    return frozenset()


def title_match(document: Document, title: str, text: str | None = None) -> TitleMatch:
    """100 when a resume title has the posting's role (head noun and every qualifier); 30 plus
    a share of 70 for the qualifiers found when only the head noun matches; 0 when no resume
    title is that kind of role, whatever words it shares with the posting's title. ``text``, the
    scoring text (names and contact details blanked, same offsets), is read instead when given."""
    if text is not None and text != document.text:
        document = Document(document.source, document.format, document.pages, text, document.sections, linkedin=document.linkedin)
    phrases = role_phrases(title)
    if not phrases:
        return TitleMatch(0.0, "the posting's title names no role")
    titles = resume_titles(document)
    best = TitleMatch(0.0, "")
    family = []  # per role phrase: its lines of work, its head's kinds, and its qualifiers when no line is known
    for phrase in phrases:
        written = _as_written(title, phrase)
        named = functions(written)
        family.append((named, head_kinds(written), frozenset() if named else frozenset(phrase[:-1])))
    for candidate in titles:
        words = _role_words(_GOAL.sub("", candidate))
        if not words:
            continue
        head, qualifiers = words[-1], set(words[:-1])
        for phrase in phrases:
            if phrase[-1] != head:
                continue
            wanted = phrase[:-1]
            share = sum(1 for w in wanted if w in qualifiers) / len(wanted) if wanted else 1.0
            score = 100.0 if share == 1 else round(30 + 70 * share, 1)
            if score > best.score:
                best = TitleMatch(score, "", candidate)
        if best.score >= FAMILY_SAME_KIND:
            continue
        named, kinds = functions(candidate), head_kinds(candidate)
        for wanted, wanted_kinds, qualifiers in family:
            same_line = (wanted and wanted <= named) or (qualifiers and qualifiers <= set(words))
            if same_line and kinds:
                score = FAMILY_SAME_KIND if kinds & wanted_kinds else FAMILY_OTHER_LEVEL
                if score > best.score:
                    line = ", ".join(sorted(wanted)) if wanted else _as_written(title, sorted(qualifiers, key=list(words).index))
                    best = TitleMatch(score, f"family:{line}", candidate)
    role = " / ".join(_as_written(title, p) for p in phrases[:3])
    if _GOAL.match(best.resume_title):
        # An ATS title search finds the role in the headline all the same; the report says what it is.
        return TitleMatch(best.score, f"the headline '{best.resume_title}' names {role} as the goal (not as a job held)", best.resume_title)
    if best.score == 100:
        return TitleMatch(100.0, f"the resume's title '{best.resume_title}' is the posting's role ({role})", best.resume_title)
    if best.why.startswith("family:"):
        line = best.why.removeprefix("family:")
        level = "at the same level" if best.score == FAMILY_SAME_KIND else "at another level (a note, not a zero)"
        return TitleMatch(best.score, f"'{best.resume_title}' is the same line of work ({line}) as {role}, {level}", best.resume_title)
    if best.score:
        return TitleMatch(best.score, f"'{best.resume_title}' is the same kind of role as {role}, with other qualifiers", best.resume_title)
    if not titles:
        return TitleMatch(0.0, f"no job title found on the resume to compare with {role}")
    shown = ", ".join(f"'{t}'" for t in titles[:2])
    head = _as_written(title, phrases[0][-1:])
    return TitleMatch(0.0, f"no title on the resume ({shown}) is {'an' if head[:1] in 'AEIOU' else 'a'} {head} role like {role}")


def _as_written(title: str, words: list[str]) -> str:
    """A role phrase in the title's own spelling ("ISP Technician", not "Isp Technician")."""
    found = {_key(w): w for w in _WORD.findall(title)}
    return " ".join(found.get(w, w) for w in words)
