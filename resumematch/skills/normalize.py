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


def spelling_variants(form: str) -> list[str]:
    """The form itself plus its hyphen variants: "Wi-Fi" -> ["Wi-Fi", "WiFi", "Wi Fi"]."""
    variants = [form]
    if _HYPHEN_BETWEEN.search(form):
        variants += [_HYPHEN_BETWEEN.sub("", form), _HYPHEN_BETWEEN.sub(" ", form)]
    return variants


def unhyphenate(text: str) -> str:
    """A hyphen between two letters read as a space, one character for one, so that tag lists
    ("amazon-web-services", "java-ee") and compounds ("Spanish-language") meet the names written
    with spaces. Every hyphenated name has its spaced variant (``spelling_variants``)."""
    return _LETTER_HYPHEN.sub(" ", text) if "-" in text else text


_LETTER_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def is_acronym(form: str) -> bool:
    """A single all-caps word of letters, like "SIP" or "AD"."""
    return bool(re.fullmatch(r"[A-Z]{2,6}", form))
