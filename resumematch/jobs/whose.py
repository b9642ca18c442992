"""Whose skill is it: a posting's sentence gives the hire a skill only where it asks it of them.

A posting talks about many things besides the person wanted: what the company sells and builds,
its industry and customers ("we build the banking solutions of tomorrow", "the financial
services industry"), the perks it offers ("free Danish lessons", "healthy training budgets"),
the position itself ("the PhD student will...") and what it does NOT ask ("Danish is not
necessary"). ``sections.py`` sets whole parts aside; this module judges the mentions left in the
kept parts, sentence by sentence:

- a sentence whose subject is the company ("We", "Our platform", "Acme is", "At Acme") and that
  neither addresses the hire nor names the tools the team works with gives no skill;
- an industry named as a market ("the fintech industry", "the utilities sector") gives no skill
  unless the sentence asks for experience in it;
- a clause that says a thing is not needed gives nothing;
- a degree that names the position ("PhD student", "Master's thesis position") is no degree asked;
- a perk phrase around a name ("free German lessons", "training budget") is no skill asked.
"""

from __future__ import annotations

import re

from .sections import BULLET

# The hire is spoken to or asked of.
_TO_HIRE = re.compile(
    r"\b(?:you|your|you'll|you're|candidates?|applicants?|the hire|the successful|someone|somebody|the ideal|"
    r"we(?:'re| are)? (?:looking|seeking|searching|hiring)|hiring|we need|we expect|we require|looking for|seeking|"
    r"experience|experienced|knowledge|skills?|familiar\w*|proficien\w*|expertise|background|understanding|"
    r"ability|able to|must|required|requires?|preferred|a plus|nice to have|qualifications?|degree|certifi\w*)\b",
    re.I,
)
# The sentence is about the company: its subject is "we", "our ...", the company by name, "at X".
_COMPANY_SUBJECT = re.compile(
    r"^(?:(?i:we\b|we're\b|our\b|the company\b|the firm\b|together,? we\b)|at (?:[A-Z<][\w&.<>-]*\s?){1,4},?\s|"
    # "Acme is", "The Biological and Chemical Engineering Section has", "The <ORG> <ORG> group develops"
    r"(?:[A-Z<][\w&.'<>-]*\s(?:(?:and|&|of|for)\s)?){1,8}(?:(?:group|team|section|department|division|unit|lab|centre|center)\s)?"
    r"(?:is|are|was|has|have|builds?|develops?|makes?|sells?|provides?|offers?|helps?|"
    r"delivers?|serves?|inspires?|delights?|creates?|designs?|aligns?|comprises?|consists?|conducts?|specialises?|"
    r"specializes?|focuses|operates?|employs?|hosts?|houses?|combines?|aims?)\b)",
)
# "The Solutions Architect is...": the subject is the position, not the company.
_ROLE_SUBJECT = re.compile(
    r"\b(?:architect|engineer|developer|manager|specialist|analyst|technician|consultant|lead|role|position|"
    r"candidate|hire|administrator|designer|scientist|officer|director|coordinator|representative|agent)s?\b",
    re.I,
)
# What the team works with: a tech-stack sentence names tools of the job even when "we" say it.
_STACK = re.compile(
    r"\b(?:we (?:use|work with|rely on|run|deploy|write|code|track|host|ship|build (?:[\w-]+ ){0,8}(?:with|in|on|using))|"
    r"using|technologies|tools|of choice|"
    r"(?:is|are) (?:built|written|running|hosted|deployed) (?:with|in|on|using)|"
    r"(?:our|the) (?:tech(?:nology)? )?stack|tools we use|runs? on|powered by|based on|works? with|uses)\b",
    re.I,
)
# An industry or a market, not a skill: "the fintech industry", "the utilities sector".
_MARKET_AFTER = re.compile(r"^\s*(?:industry|industries|sector|sectors|market|markets|world|space|companies|clients|customers)\b", re.I)
_ASKS_IN = re.compile(r"\b(?:experience|background|knowledge|expertise|understanding|familiar\w*|worked|working)\b", re.I)
# "not necessary", "no ... needed", "you do not have to", "is not a requirement".
_NOT_NEEDED = re.compile(
    r"\b(?:(?:is|are) not (?:necessary|needed|required|a requirement|mandatory|essential|expected|a must)|"
    r"not (?:necessary|needed|required|mandatory)|no (?:\w+ ){0,3}(?:needed|required|necessary)|"
    r"(?:do|does|will|did) not (?:have|need) to|don't (?:have|need) to|doesn't (?:have|need) to|"
    r"(?:do|does) not need|don't need|doesn't need|no need (?:to|for)|without (?:any )?(?:prior )?(?:need|knowledge of))\b",
    re.I,
)
_CLAUSE = re.compile(r"[;,]|\s(?:but|while|whereas|although|however)\s|\s-\s|\s–\s", re.I)
# Nouns after a degree that make it the position: "PhD student", "Master's thesis position".
_POSITION_AFTER = re.compile(
    r"\s*(?:level\s+|degree\s+|research\s+)?(?:student|students|position|positions|stipend|stipends|fellowship|fellowships|scholarship|"
    r"scholarships|studentship|studentships|thesis|theses|project|projects|programme|programmes|program|programs|"
    r"course|courses|school|studies|study|candidate will|fellow|fellows|researcher|researchers)\b",
    re.I,
)
_TEACHING_BEFORE = re.compile(
    r"\b(?:teach\w*|lectur\w*|supervis\w*)\b[^.]{0,40}$|"
    r"\b(?:scholarships?|stipends?|fellowships?|rules|regulations?|regarding|enrol(?:l?ed|ment) in|admission to)\s+"
    r"(?:for\s+|to\s+|in\s+|on\s+)?(?:the\s+|a\s+)?$",
    re.I,
)
# A perk around a name: "free Danish lessons", "German classes", "a training budget".
_PERK_AFTER = re.compile(
    r"\s*(?:language\s+)?(?:lessons?|classes|class|courses?|tuition|lunch(?:es)?|vouchers?|allowance|stipend|"
    r"memberships?|subscriptions?|card)\b",
    re.I,
)
_PERK_BEFORE = re.compile(r"\b(?:free|paid|subsidi[sz]ed|complimentary|company-paid)\s*$", re.I)
_BUDGET_OF = re.compile(r"\b(?:training|learning|education|conference|development|travel|equipment)\s*$", re.I)


def hire_mentions(text: str, mentions: list, sentence_of) -> list:
    """The mentions that are the hire's to have. ``sentence_of(offset)`` gives the (start, end)
    of the sentence holding an offset."""
    kept = []
    judged: dict[tuple[int, int], bool] = {}
    for mention in mentions:
        bounds = sentence_of(mention.start)
        if bounds is None:
            kept.append(mention)
            continue
        start, end = bounds
        if bounds not in judged:
            judged[bounds] = _about_company(text[start:end])
        if judged[bounds] or _not_needed(text, start, end, mention) or _position(text, start, mention):
            continue
        if _market(text, mention, start, end) or _perk(text, start, mention) or _unit_name(text, start, mention):
            continue
        kept.append(mention)
    return kept


# "our analytical expertise", "has strong research expertise": the company's own, asked of nobody.
_COMPANY_HAS = re.compile(
    r"\b(?:our|its|their|has|have|comprises?|range of|wealth of)\s+(?:[\w-]+\s+){0,3}"
    r"(?:expertise|experience|knowledge|skills?|background|understanding)\b",
    re.I,
)


def _about_company(sentence: str) -> bool:
    body = BULLET.sub("", sentence).strip()
    subject = _COMPANY_SUBJECT.match(body)
    if not subject or _STACK.search(body) or _ROLE_SUBJECT.search(subject.group()):
        return False
    if subject.group()[:3].lower() in ("we ", "our") and _ROLE_SUBJECT.search(body[:40]):
        return False  # "Our technicians install fiber drops": what the hire's team does
    return not _TO_HIRE.search(_COMPANY_HAS.sub(" ", body))


def _not_needed(text: str, start: int, end: int, mention) -> bool:
    sentence = text[start:end]
    if not _NOT_NEEDED.search(sentence):
        return False
    at = mention.start - start
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= at < b:
            return bool(_NOT_NEEDED.search(sentence[a:b]))
    return False


def _position(text: str, start: int, mention) -> bool:
    if mention.category != "education":
        return False
    if _POSITION_AFTER.match(text, mention.end):
        return True
    return bool(_TEACHING_BEFORE.search(text[start : mention.start]))


# "between Service Strategic Procurement and ...", "the Global Service Supply Chain": a field
# capitalised into the name of a department of the company, not the hire's field.
_UNIT_BEFORE = re.compile(r"\b(?:the|our|their|its|between|towards|toward|within|of)\s+((?:[A-Z][a-z]+\s+){1,3})$")
_ROLE_AFTER = re.compile(
    r"\s+(?:engineer|developer|manager|specialist|analyst|consultant|lead|coordinator|officer|director|"
    r"representative|agent|assistant|administrator|planner|buyer|intern)s?\b",
    re.I,
)


def _unit_name(text: str, start: int, mention) -> bool:
    if mention.category not in ("domain", "soft") or not mention.text.istitle():
        return False
    found = _UNIT_BEFORE.search(text[max(start, mention.start - 60) : mention.start])
    return bool(found) and not _ROLE_AFTER.match(text, mention.end)


def _market(text: str, mention, start: int, end: int) -> bool:
    if mention.category != "domain" or not _MARKET_AFTER.match(text[mention.end : end]):
        return False
    return not _ASKS_IN.search(text[start:end])


def _perk(text: str, start: int, mention) -> bool:
    if _PERK_AFTER.match(text, mention.end) and mention.category in ("soft", "domain"):
        return True  # "Danish lessons", "German Language Classes"
    before = text[max(start, mention.start - 30) : mention.start]
    if mention.text.lower().startswith("budget") and _BUDGET_OF.search(before):
        return True  # "a healthy training budget": a perk, not the hire's budgeting
    return bool(_PERK_BEFORE.search(before)) and mention.category in ("domain", "soft")
