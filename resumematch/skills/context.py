"""Where a name stands: names that are no skill of the person or of the job.

- a place: "Palo Alto, CA", "Aurora, Colorado", "Vienna, Austria";
- a school's or a company's name: "Department of Electrical Engineering", "School of Business",
  "Fiber Networks Inc", "Salesforce.com, LLC";
- someone else's role: "join our DevOps engineers", "work hand in hand with UX, QA and Product
  Owner", "reports to the Network Supervisor".

The words are facts (state codes, country names, legal forms, role nouns), not sentences.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR ON BC AB QC MB SK NS NB NL PE".split()
)
_COUNTRIES = frozenset(
    """usa us uk u.s. u.s.a. america canada mexico brazil argentina chile colombia peru germany france spain
    portugal italy netherlands belgium denmark sweden norway finland iceland ireland england scotland wales
    poland austria switzerland czechia hungary romania greece turkey israel india china japan korea singapore
    philippines indonesia vietnam thailand malaysia pakistan egypt nigeria kenya australia zealand alabama
    alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming ontario quebec alberta""".split()
)
# Words before a name that make it the name of a school or a department.
_INSTITUTION_OF = frozenset(
    "department school faculty institute college center centre division university academy "
    "departments schools faculties institutes colleges centers centres divisions universities".split()
)
# Legal forms after a name: the name is a company's.
_LEGAL_FORMS = frozenset("inc inc. llc l.l.c. ltd ltd. corp corp. corporation gmbh ag plc s.a. a/s co. limited".split())
# Roles of people: a name right before one is that person's field, not a skill ("our DevOps engineer").
_ROLE_NOUNS = frozenset(
    """engineer engineers developer developers team teams department departments manager managers owner owners
    lead leads specialist specialists colleagues colleague experts expert architects architect analyst analysts
    supervisor supervisors staff people personnel group groups designers designer testers tester crew crews""".split()
)
# Words before such a role that make it someone else's: "with", "our", "join", "the".
_OTHERS = frozenset("our your the with join joining alongside other fellow partner partners to".split())
_WORD = re.compile(r"[a-z]+")
_LIST_JOINERS = frozenset({",", "and", "or", "&", "/", "-"})
_REACH = 6
_ROLE_CHARS = 60  # how far after a name a role noun is looked for


_STATE_AFTER = re.compile(r",[ \t]*([A-Z]{2})(?![\w-])[ \t]*(?:$|[\n\d(),.;|/]|-)")
_COUNTRY_AFTER = re.compile(r",[ \t]*([A-Z][a-z]+|USA|UK|U\.S\.A?\.?)\b")
_INSTITUTION_BEFORE = re.compile(r"\b(" + "|".join(sorted(_INSTITUTION_OF)) + r") of $", re.IGNORECASE)
_LEGAL_FORM_AFTER = re.compile(
    r",?[ \t]+(" + "|".join(re.escape(f) for f in sorted(_LEGAL_FORMS)) + r")(?!\w)", re.IGNORECASE
)
_LOOK = 40  # characters read around a name


def drop_out_of_context(doc: Doc, spans: list[Span]) -> list[Span]:
    if not spans:
        return spans
    text = doc._.line_text or doc.text  # read once: doc.text is rebuilt at every call
    names = _acronym_names(text, spans)
    return [
        span for span in spans
        if not _out_of_context(doc, text, span) and span.text not in names and not _others_team_list(text, span)
    ]


# "Center for Protein Research (CPR)": an acronym in brackets after the capitalised words whose
# initials it ends with is that name's short form, wherever it stands in the text.
_DEFINED = re.compile(r"((?:[A-Z][\w&'-]*\s+(?:(?:for|of|and|&|the)\s+)?){2,6})\(\s*([A-Z]{2,6})\s*\)")
_GLUE = frozenset({"for", "of", "and", "&", "the"})


def _acronym_names(text: str, spans: list[Span]) -> frozenset[str]:
    if not any(span.text.isupper() and 2 <= len(span.text) <= 6 for span in spans) or "(" not in text:
        return frozenset()
    names = set()
    for match in _DEFINED.finditer(text):
        acronym = match.group(2)
        initials = "".join(w[0] for w in match.group(1).split() if w.lower() not in _GLUE)
        if len(initials) < 2 or not acronym.endswith(initials[-min(len(initials), len(acronym)) :]):
            continue
        spelled = match.start(1), match.end(1)
        # "Border Gateway Protocol (BGP)": the words themselves are the skill, and so is its acronym.
        if any(s.text == acronym for s in spans) and not any(
            spelled[0] <= s.start_char < spelled[1] and s.label_ in {t.label_ for t in spans if t.text == acronym}
            for s in spans
        ):
            names.add(acronym)
    return frozenset(names)


# "tools for our internal teams: sales, support and finance": the list names other people's work.
_TEAMS_OF = re.compile(
    r"\b(?:our|other|internal|the company's|partner|business)\s+(?:[\w-]+\s+){0,2}(?:teams|departments|functions|units|groups)"
    r"\s*(?::|such as|like|including|e\.g\.?|,)\s*"
    r"((?:[\w&/.-]+(?:\s+[\w&/.-]+){0,2}\s*(?:,|and|&|/|or)\s*){0,8})$",
    re.I,
)


def _others_team_list(text: str, span: Span) -> bool:
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return _TEAMS_OF.search(text[max(line_start, span.start_char - 160) : span.start_char]) is not None


def _out_of_context(doc: Doc, text: str, span: Span) -> bool:
    start, end = span.start_char, span.end_char
    after = text[end : end + _LOOK]
    before = text[max(0, start - _LOOK) : start]
    return (
        _is_place(after) or _is_institution(before) or _is_company(after) or _is_others_role(doc, text, span, end)
        or _in_proper_name(span, after)
    )


# "the Embodied AI and Neurorobotics Lab", "the Chemical Engineering (BCE) Section", "Data Center
# East": a name capitalised into a longer proper name that ends in what the place is, or in a
# compass point, is that place's name. Not a foundation: "The Linux Foundation" certifies Linux
# (its name is the skill's).
_NAME_ENDS_AFTER = re.compile(
    r"^(?:\s+(?:and|&|of|for)?\s*[A-Z][\w-]*){0,3}(?:\s*\(\s*[A-Z]{2,6}\s*\))?\s+(?:Lab|Labs|Laboratory|Laboratories|Institute|"
    r"Centre|Center|Department|Faculty|Society|Council|Association|Museum|Hospital|Clinic|Programme|Consortium|Section)\b"
    r"|^\s+(?:East|West|North|South|Central|Nord|Syd)\b"
)


def _in_proper_name(span: Span, after: str) -> bool:
    if not span.text[:1].isupper() or span.text.isupper():
        return False
    return _NAME_ENDS_AFTER.match(after) is not None


def _is_place(after: str) -> bool:
    """ "Palo Alto, CA", "Vienna, Austria": the name is followed by a comma and a state or country."""
    state = _STATE_AFTER.match(after)
    if state and state.group(1) in _STATES:
        return True
    country = _COUNTRY_AFTER.match(after)
    return bool(country) and country.group(1).lower() in _COUNTRIES


def _is_institution(before: str) -> bool:
    """ "Department of Electrical Engineering", "School of Business"."""
    if not before.endswith(" of "):
        return False
    found = _INSTITUTION_BEFORE.search(before)
    return bool(found) and found.group(1)[:1].isupper()


def _is_company(after: str) -> bool:
    """ "Fiber Networks Inc", "Cloud Solutions, LLC"."""
    return _LEGAL_FORM_AFTER.match(after) is not None


def _is_others_role(doc: Doc, text: str, span: Span, end_char: int) -> bool:
    """ "join our DevOps engineers", "with UX, QA and Product Owner": the name, alone or in a
    short list, stands before a role noun, after a word that makes that role someone else's."""
    if not _ROLE_NOUNS.intersection(_WORD.findall(text[end_char : end_char + _ROLE_CHARS].lower())):
        return False
    i = span.end
    for _ in range(_REACH):
        if i >= len(doc) or doc[i].is_space:
            return False
        if doc[i].lower_ in _ROLE_NOUNS:
            break
        if doc[i].lower_ not in _LIST_JOINERS and not doc[i].text[:1].isupper():
            return False
        i += 1
    else:
        return False
    j = span.start - 1
    for _ in range(_REACH):
        if j < 0 or doc[j].is_space:
            return False
        if doc[j].lower_ in _OTHERS:
            return True
        if doc[j].lower_ not in _LIST_JOINERS and not doc[j].text[:1].isupper():
            return False
        j -= 1
    return False
