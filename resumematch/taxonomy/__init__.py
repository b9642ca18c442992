"""The skill taxonomy: loading, validating and querying ``skills.yaml``.

The YAML file is the human-edited source. The build (``python -m resumematch.build_model``)
validates it and stores a compiled copy inside the spaCy pipeline in ``models/``, which is what
the matcher reads at run time; :class:`Taxonomy` works the same from either.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

CATEGORIES = ("technical", "tool", "certification", "soft", "education", "license/physical", "domain")
SOURCE_FILE = Path(__file__).with_name("skills.yaml")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"id", "name", "category", "aliases", "exact", "ambiguous", "listed", "spoken", "implies", "source", "labels"}


class TaxonomyError(ValueError):
    """The taxonomy file breaks a rule; the message says which entry and why."""


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    listed: tuple[str, ...] = ()
    spoken: tuple[str, ...] = ()  # names of languages: "English" where a word says the language is meant
    implies: tuple[str, ...] = ()
    source: str = "resumematch"
    # The skill's common names in other languages: (language code, names) pairs, kept with the
    # skill so that a skill written in any language is the same skill id. Acronyms and product
    # names are the same in every language and have none.
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def label_forms(self) -> tuple[str, ...]:
        return tuple(form for _, forms in self.labels for form in forms)

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every written form: the name, aliases, exact and ambiguous names, labels in other languages."""
        return (self.name, *self.aliases, *self.exact, *self.ambiguous, *self.listed, *self.spoken, *self.label_forms)

    def to_dict(self) -> dict:
        data = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if k != "labels"}
        if self.labels:
            data["labels"] = {code: list(forms) for code, forms in self.labels}
        return data


@dataclass
class Taxonomy:
    skills: dict[str, Skill] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: list) -> Taxonomy:
        if not isinstance(entries, list):
            raise TaxonomyError("the taxonomy must be a YAML list of skills")
        skills: dict[str, Skill] = {}
        for number, entry in enumerate(entries, start=1):
            skill = _validate_entry(entry, number)
            if skill.id in skills:
                raise TaxonomyError(f"skill {skill.id!r} is defined twice")
            skills[skill.id] = skill
        for skill in skills.values():
            for target in skill.implies:
                if target not in skills:
                    raise TaxonomyError(f"skill {skill.id!r} implies unknown skill {target!r}")
                if target == skill.id:
                    raise TaxonomyError(f"skill {skill.id!r} implies itself")
        taxonomy = cls(skills)
        for skill_id in skills:
            if skill_id in taxonomy.implied(skill_id):
                raise TaxonomyError(f"skill {skill_id!r} implies itself through a cycle")
        return taxonomy

    @classmethod
    def load(cls, path: Path | str = SOURCE_FILE) -> Taxonomy:
        import yaml

        text = Path(path).read_text(encoding="utf-8")
        try:
            entries = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise TaxonomyError(f"{path}: not valid YAML: {error}") from None
        return cls.from_entries(entries)

    @classmethod
    def compiled(cls) -> Taxonomy:
        """The copy compiled into ``models/skills``: what the matcher uses, without loading spaCy."""
        import json

        from ..resources import data_dir

        path = data_dir("models") / "skills" / "isp_skills" / "taxonomy.json"
        return cls.from_built(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_built(cls, entries: list[dict]) -> Taxonomy:
        """The entries the build validated and wrote (``to_entries``), read back without checking
        them again: every command reads them at start, and the build refused any bad one."""
        skills = {}
        for entry in entries:
            fields = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items() if k != "labels"}
            labels = tuple((code, tuple(forms)) for code, forms in entry.get("labels", {}).items())
            skills[entry["id"]] = Skill(**fields, labels=labels)
        return cls(skills)

    def to_entries(self) -> list[dict]:
        return [skill.to_dict() for skill in self.skills.values()]

    def __len__(self) -> int:
        return len(self.skills)

    def __getitem__(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def implied(self, skill_id: str) -> set[str]:
        """Every broader skill ``skill_id`` implies, transitively (not including itself)."""
        seen: set[str] = set()
        stack = list(self.skills[skill_id].implies)
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.skills[current].implies)
        return seen

    @cached_property
    def _by_form(self) -> dict[str, str]:
        forms: dict[str, str] = {}
        for skill in self.skills.values():
            forms.setdefault(skill.id, skill.id)
            for form in skill.surface_forms:
                forms.setdefault(_fold(form), skill.id)
        return forms

    def resolve(self, name: str) -> Skill | None:
        """The skill an id, name or alias refers to (case and punctuation-space insensitive)."""
        if name in self.skills:
            return self.skills[name]
        skill_id = self._by_form.get(_fold(name))
        return self.skills[skill_id] if skill_id else None


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\s\-_]+", " ", text.lower()).split())


# "and Linux", "Windows or": half of a name YAML split at a comma.
_HALF_NAME = re.compile(r"(?i)^(?:and|or)\b|\b(?:and|or)$")


def _validate_entry(entry, number: int) -> Skill:
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise TaxonomyError(f"{where}: each skill must be a mapping, got {type(entry).__name__}")
    where = f"entry {number} ({entry.get('id', '?')})"
    unknown = set(entry) - _FIELDS
    if unknown:
        raise TaxonomyError(f"{where}: unknown fields {sorted(unknown)}")
    for required in ("id", "name", "category"):
        if not isinstance(entry.get(required), str) or not entry[required].strip():
            raise TaxonomyError(f"{where}: {required!r} must be a non-empty string")
    if not _ID.match(entry["id"]):
        raise TaxonomyError(f"{where}: id must be lower-case kebab-case")
    if entry["category"] not in CATEGORIES:
        raise TaxonomyError(f"{where}: category must be one of {', '.join(CATEGORIES)}")
    lists = {}
    for name in ("aliases", "exact", "ambiguous", "listed", "spoken", "implies"):
        values = entry.get(name, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise TaxonomyError(
                f"{where}: {name!r} must be a list of strings (quote values YAML would read as numbers, like \"802.11\")"
            )
        for value in values:
            if _HALF_NAME.search(value.strip()):
                raise TaxonomyError(
                    f"{where}: {value!r} in {name!r} looks like half of a name split at a comma; "
                    "quote names that contain commas"
                )
        lists[name] = tuple(v.strip() for v in values)
    return Skill(
        id=entry["id"], name=entry["name"].strip(), category=entry["category"],
        source=entry.get("source", "resumematch"), labels=_labels(entry.get("labels", {}), where), **lists,
    )


def _labels(value, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from ..lang import LANGUAGES

    if not isinstance(value, dict):
        raise TaxonomyError(f"{where}: 'labels' must map a language code to a list of names")
    out = []
    for code, forms in value.items():
        if code not in LANGUAGES or code == "en":
            raise TaxonomyError(f"{where}: 'labels' has {code!r}; use one of {', '.join(LANGUAGES[1:])}")
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise TaxonomyError(f"{where}: labels for {code!r} must be a list of strings")
        out.append((code, tuple(f.strip() for f in forms)))
    return tuple(out)
