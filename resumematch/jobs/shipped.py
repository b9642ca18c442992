"""The job descriptions shipped in ``job_descriptions/``: Markdown with YAML front matter."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InvalidJobError
from ..resources import load_yaml
from ..taxonomy import Taxonomy
from ..types import Job, JobSkill

FAMILIES = ("technical", "customer", "sales/marketing")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
_REQUIRED_FIELDS = {"id", "title", "family", "summary", "required", "preferred"}
_KNOWN_FIELDS = _REQUIRED_FIELDS | {"certifications", "education", "experience_years", "career_path", "must_have", "onet"}
MIN_REQUIRED, MIN_PREFERRED = 6, 3


def read_job_file(path: Path, taxonomy: Taxonomy) -> Job:
    """Parse and validate one job description; every skill must resolve to the taxonomy."""
    import yaml

    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise InvalidJobError(str(path), "no YAML front matter between '---' lines at the top")
    try:
        meta = load_yaml(match.group(1))
    except yaml.YAMLError as error:
        raise InvalidJobError(str(path), f"front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise InvalidJobError(str(path), "front matter must be a mapping of fields")
    missing = sorted(_REQUIRED_FIELDS - set(meta))
    unknown = sorted(set(meta) - _KNOWN_FIELDS)
    if missing or unknown:
        problems = ([f"missing fields {missing}"] if missing else []) + ([f"unknown fields {unknown}"] if unknown else [])
        raise InvalidJobError(str(path), "; ".join(problems))
    if meta["id"] != path.stem:
        raise InvalidJobError(str(path), f"id {meta['id']!r} must match the file name {path.stem!r}")
    if meta["family"] not in FAMILIES:
        raise InvalidJobError(str(path), f"family must be one of {', '.join(FAMILIES)}")

    def skill_ids(field: str) -> list[str]:
        values = meta.get(field) or []
        if not isinstance(values, list):
            raise InvalidJobError(str(path), f"{field} must be a list")
        ids = []
        for value in values:
            skill = taxonomy.resolve(str(value))
            if skill is None:
                raise InvalidJobError(str(path), f"{field}: {value!r} is not in the skill taxonomy")
            if skill.id not in ids:
                ids.append(skill.id)
        return ids

    required, preferred, must_have = skill_ids("required"), skill_ids("preferred"), skill_ids("must_have")
    if len(required) < MIN_REQUIRED or len(preferred) < MIN_PREFERRED:
        raise InvalidJobError(
            str(path), f"needs at least {MIN_REQUIRED} required and {MIN_PREFERRED} preferred skills"
        )
    if set(required) & set(preferred):
        raise InvalidJobError(str(path), f"skills both required and preferred: {sorted(set(required) & set(preferred))}")
    years = meta.get("experience_years")
    if years is not None and (not isinstance(years, (int, float)) or isinstance(years, bool) or years < 0):
        raise InvalidJobError(str(path), "experience_years must be a number of years")
    career_path = meta.get("career_path") or []
    if not isinstance(career_path, list) or not all(isinstance(j, str) for j in career_path):
        raise InvalidJobError(str(path), "career_path must be a list of job ids")

    def job_skill(skill_id: str, importance: str) -> JobSkill:
        skill = taxonomy[skill_id]
        return JobSkill(skill.id, skill.name, skill.category, importance, must_have=skill_id in must_have)

    # A must-have is required by definition, even when the author listed it only as a must-have.
    skills = [job_skill(s, "required") for s in required + [m for m in must_have if m not in required]]
    skills += [job_skill(s, "preferred") for s in preferred if s not in must_have]
    body = match.group(2).strip()
    return Job(
        id=meta["id"],
        title=str(meta["title"]),
        family=meta["family"],
        summary=str(meta["summary"]),
        skills=skills,
        certifications=skill_ids("certifications"),
        education=skill_ids("education"),
        experience_years=years,
        career_path=list(career_path),
        text=body,
        source="shipped",
        # Our own descriptions hold no blurb, perks or legal text: nothing for the posting reader
        # to set aside (a test holds every shipped job to that), so it is not loaded for them.
        set_aside=[],
    )
