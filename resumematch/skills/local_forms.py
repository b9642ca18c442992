"""Skill matching that depends on the language a document is written in.

Two rules, both off for English documents (and for documents too short to tell):

- **Compounds.** German and Dutch write nouns together: "Kundenservicemitarbeiter" is a
  customer service employee, "Netzwerkadministrationskenntnisse" knowledge of network
  administration, "Glasvezelmonteur" a fibre fitter. A word is split against the one-word skill
  labels of the document's language (``labels`` in the taxonomy): a label at its start followed
  by an inflection or by another word (after a linking letter such as the German "s"), or a
  label at its end after another word. Endings that make the label another word (the person,
  "Netzwerktechniker"; the adjective) are no compound. A compound names a kind of its last
  part, and another kind of licence or degree is another credential ("Gabelstaplerführerschein",
  a forklift licence, is no driving licence), so those labels are not read at a word's end.
  A compound written with a hyphen ("Glasfaser-Montage", "Netzwerk-Administration") is read
  as the one word. What splits, and how, is each language's table (``lang/<code>/__init__.py``).
- **Acronyms as written.** A taxonomy acronym is matched in any case in English ("ccna",
  "dns"), but in another language its lower-case letters are often a word of that language:
  Portuguese "sem" (without) is not SEM, French "ont" (have) is not an ONT, Italian "osi" not
  OSI. There an acronym counts only in capitals, or as an item of a list ("dns, dhcp, vlan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lang import LANGUAGES, fold, module

# A label shorter than this is never looked for inside a longer word ("Netz" is in too many).
_MIN_PART = 6
# Nor is a word read as a compound unless what is left beside the label is a word this long.
_MIN_OTHER = 4
_MIN_HEAD = 3
# Longer than any word a language writes (German's long compounds run to forty letters or so).
_MAX_WORD = 80
# Categories whose labels name one credential: another kind of it is another one.
_CREDENTIALS = frozenset({"license/physical", "education", "certification"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}")


@dataclass(frozen=True)
class _Compounding:
    links: tuple[str, ...]
    inflections: tuple[str, ...]
    derived: frozenset[str]


@cache
def compounding(code: str) -> _Compounding | None:
    """A language's compound table, or None where words are not written together."""
    if code not in LANGUAGES:
        return None
    data = module(code, "")
    links = getattr(data, "COMPOUND_LINKS", ())
    if not links:
        return None
    return _Compounding(
        tuple(links),
        tuple(getattr(data, "COMPOUND_INFLECTIONS", ())),
        frozenset(fold(w) for w in getattr(data, "COMPOUND_DERIVED", ())),
    )


@dataclass
class LocalForms:
    """What the language rules need from the compiled taxonomy and patterns."""

    # language code -> folded one-word label -> (skill id, whether it may end a compound)
    parts: dict[str, dict[str, tuple[str, bool]]] = field(default_factory=dict)
    # skill id -> its acronyms in lower case ("sem" for SEM)
    acronyms: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The longest label per language: no longer piece of a word is looked up.
        self.longest = {code: max(map(len, labels), default=0) for code, labels in self.parts.items()}

    @classmethod
    def build(cls, taxonomy: list[dict], patterns: list[dict]) -> LocalForms:
        parts: dict[str, dict[str, tuple[str, bool]]] = {}
        for entry in taxonomy:
            head_ok = entry.get("category") not in _CREDENTIALS
            for code, forms in (entry.get("labels") or {}).items():
                if compounding(code) is None:
                    continue
                for form in forms:
                    key = fold(form)
                    if key.isalpha() and len(key) >= _MIN_PART:
                        parts.setdefault(code, {}).setdefault(key, (entry["id"], head_ok))
        acronyms: dict[str, set[str]] = {}
        for pattern in patterns:
            # Only the patterns matched in any case: exact ones ("PYTHON" for Python) keep their case.
            if pattern["kind"] in ("fuzzy", "listed") and len(pattern["tokens"]) == 1 and _ACRONYM.fullmatch(pattern["text"]):
                acronyms.setdefault(pattern["id"], set()).add(pattern["text"].lower())
        return cls(parts, {k: frozenset(v) for k, v in acronyms.items()})

    # -- compounds --------------------------------------------------------------------------
    def compound_skill(self, word: str, code: str, *, whole: bool = False) -> str | None:
        """The skill id a compound word of language ``code`` holds, or None. ``whole``: the word
        was written in two parts with a hyphen ("Netzwerk-Administration"), and a label it
        spells whole counts too (one written in one word is the matcher's)."""
        rules = compounding(code)
        labels = self.parts.get(code)
        if rules is None or not labels:
            return None
        if len(word) > _MAX_WORD:
            return None  # no word of a language: a token run together (a URL, a hash, a stuffed line)
        key = fold(word)
        if whole and key in labels:
            return labels[key][0]
        if not key.isalpha() or len(key) < _MIN_PART + 1 or key in labels:
            return None
        longest = self.longest.get(code, 0)
        for size in range(min(len(key) - 1, longest), _MIN_PART - 1, -1):  # the longest label first
            found = labels.get(key[:size])
            if found and _tail_ok(key[size:], rules):
                return found[0]
        for inflection in ("", *rules.inflections):
            if inflection and not key.endswith(inflection):
                continue
            base = key[: len(key) - len(inflection)] if inflection else key
            for size in range(min(len(base) - _MIN_HEAD, longest), _MIN_PART - 1, -1):
                found = labels.get(base[-size:])
                if found and found[1]:
                    return found[0]
        return None

    # -- acronyms ---------------------------------------------------------------------------
    def lower_case_acronym(self, skill_id: str, text: str) -> bool:
        """Whether ``text`` is one of the skill's acronyms not written in capitals ("sem")."""
        return not text.isupper() and text.lower() in self.acronyms.get(skill_id, ())


def _tail_ok(tail: str, rules: _Compounding) -> bool:
    """What follows a label at a word's start makes a compound or an inflected label: an
    inflection ("Glasfaserinstallationen"), or a word after a linking letter ("Netzwerk-
    administration|s|kenntnisse", "Kundenservice|mitarbeiter"), not an ending that makes another
    word of the label ("Netzwerktechnik|er", the technician)."""
    if tail in rules.inflections:
        return True
    for link in rules.links:
        rest = tail[len(link):]
        if tail.startswith(link) and len(rest) >= _MIN_OTHER and rest not in rules.derived and tail not in rules.derived:
            return True
    return False
