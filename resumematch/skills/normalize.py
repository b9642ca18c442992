"""Match keys and spelling variants: what makes "VLANs" match "VLAN" and "Wi Fi" match "Wi-Fi".

A token's match key is its lower-case lemma ("troubleshooting" -> "troubleshoot", "routers" ->
"router"), from the English lookup table copied into the pipeline at build time. Acronyms keep
their letters: an all-caps token is only lower-cased (so "IS" is not read as "be"), and a
plural acronym loses its "s" ("VLANs" -> "vlan", "ONTs" -> "ont").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ACRONYM_PLURAL = re.compile(r"([A-Z0-9][A-Z0-9.+/-]*[A-Z0-9])s")
_HYPHEN_BETWEEN = re.compile(r"(?<=\w)-(?=\w)")


def match_key(text: str, lemmas: Mapping[str, str]) -> str:
    plural = _ACRONYM_PLURAL.fullmatch(text)
    if plural:
        return plural.group(1).lower()
    if len(text) > 1 and text.isupper():
        return text.lower()
    lower = text.lower()
    return lemmas.get(lower, lower)


def spelling_variants(form: str, *, english: bool = True) -> list[str]:
    """The form itself plus its hyphen variants ("Wi-Fi" -> "WiFi", "Wi Fi") and, for an English
    form, its other English spelling ("data visualization" -> "data visualisation", "data
    modelling" -> "data modeling")."""
    variants = [form]
    if _HYPHEN_BETWEEN.search(form):
        variants += [_HYPHEN_BETWEEN.sub("", form), _HYPHEN_BETWEEN.sub(" ", form)]
    for variant in list(variants) if english else ():
        other = _other_spelling(variant)
        if other != variant and other not in variants:
            variants.append(other)
    return variants


# British and American spellings of the same word: -isation/-ization, -ise/-ize (on stems of four
# letters or more, so "size" and "prize" stay), -yse/-yze, -elling/-eling, -our/-or, -re/-er.
_US_TO_UK = [
    (re.compile(r"(?<=[a-z]{4})iz(?=e\b|es\b|ed\b|ing\b|ation|er\b|ers\b)"), "is"),
    (re.compile(r"(?<=[a-z]{3})yz(?=e\b|es\b|ed\b|ing\b)"), "ys"),
    (re.compile(r"\b(mod|lab|trav|chann|tunn|fu)el(?=ing\b|ed\b|er\b|ers\b)"), r"\1ell"),
    (re.compile(r"\b(colo|behavio|labo|favo|hono)r(?=s?\b|ed\b|ing\b)"), r"\1ur"),
    (re.compile(r"\b(cent|fib|met|theat)er(?=s?\b)"), r"\1re"),
]
_UK_TO_US = [
    (re.compile(r"(?<=[a-z]{4})is(?=e\b|es\b|ed\b|ing\b|ation|er\b|ers\b)"), "iz"),
    (re.compile(r"(?<=[a-z]{3})ys(?=e\b|es\b|ed\b|ing\b)"), "yz"),
    (re.compile(r"\b(mod|lab|trav|chann|tunn|fu)ell(?=ing\b|ed\b|er\b|ers\b)"), r"\1el"),
    (re.compile(r"\b(colo|behavio|labo|favo|hono)ur(?=s?\b|ed\b|ing\b)"), r"\1r"),
    (re.compile(r"\b(cent|fib|met|theat)re(?=s?\b)"), r"\1er"),
]
# Words the -ise rule would wrongly change: they are spelled with -ise in both Englishes.
_ISE_ALWAYS = re.compile(
    r"(?i)\b(?:advertis|advis|apprais|chastis|comprom|compris|concis|demis|despis|devis|disguis|enterpris|"
    r"excis|exercis|expertis|franchis|improvis|incis|merchandis|precis|premis|promis|revis|supervis|"
    r"surmis|surpris|televis|treatis|wis)\w*"
)


def _other_spelling(form: str) -> str:
    if not any(c.islower() for c in form):
        return form  # acronyms and all-caps names keep their letters
    lower = form.lower()
    rules = _UK_TO_US if any(rule.search(lower) for rule, _ in _UK_TO_US) else _US_TO_UK
    words = form.split(" ")
    out = []
    for word in words:
        if word[:1].isupper() and not word.istitle() or _ISE_ALWAYS.match(word):
            out.append(word)  # "SolarWinds", "Enterprise": a product's own spelling, a word with -ise everywhere
            continue
        for rule, repl in rules:
            word = rule.sub(repl, word)
        out.append(word)
    return " ".join(out)


def unhyphenate(text: str) -> str:
    """A hyphen between two letters read as a space, one character for one, so that tag lists
    ("amazon-web-services", "java-ee") and compounds ("Spanish-language") meet the names written
    with spaces. Every hyphenated name has its spaced variant (``spelling_variants``)."""
    return _LETTER_HYPHEN.sub(" ", text) if "-" in text else text


_LETTER_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def is_acronym(form: str) -> bool:
    """A single all-caps word of letters, like "SIP" or "AD"."""
    return bool(re.fullmatch(r"[A-Z]{2,6}", form))
