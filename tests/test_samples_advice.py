"""No bundled sample's report asks for what one of its bullets already does, against any shipped role.

The bullets' skills are labelled by hand in tests/data/sample_activities.json (read from the
samples as a recruiter would, not from the activity patterns).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resumematch.jobs import shipped_jobs
from resumematch.scoring import match
from resumematch.suggestions import suggest

ROOT = Path(__file__).resolve().parent.parent
LABELS = {k: v for k, v in json.loads((Path(__file__).parent / "data" / "sample_activities.json").read_text()).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def analysed_samples(analysed_resumes):
    return {slug: analysed_resumes[ROOT / "samples" / f"{slug}.pdf"] for slug in LABELS}


@pytest.mark.parametrize("slug", sorted(LABELS))
def test_a_bullet_that_does_a_skill_is_never_called_missing(analysed_samples, slug):
    resume = analysed_samples[slug]
    for role in shipped_jobs().values():
        wanted = {s.skill_id: s for s in role.skills}
        result = match(resume, role)
        missing = {m.id for m in result.missing}
        suggestions = suggest(resume, role, result)
        for skill_id, bullet in LABELS[slug].items():
            if skill_id not in wanted:
                continue
            assert skill_id not in missing, f"{slug} vs {role.id}: {skill_id} called missing although '{bullet}'"
            words = wanted[skill_id].wording or wanted[skill_id].name
            asks = [s.message for s in suggestions if s.kind in ("missing-keyword", "show-evidence") and f"'{words}'" in s.message]
            assert not asks, f"{slug} vs {role.id}: asks for {skill_id} although '{bullet}': {asks}"


@pytest.mark.parametrize("slug", sorted(LABELS))
def test_every_labelled_bullet_shows_its_skill(analysed_samples, slug):
    held = analysed_samples[slug].held
    for skill_id, bullet in LABELS[slug].items():
        assert skill_id in held and held[skill_id].shown, f"{slug}: {skill_id} not shown although '{bullet}'"


def test_the_labels_cover_skills_the_roles_ask_for():
    asked = {s.skill_id for role in shipped_jobs().values() for s in role.skills}
    labelled = {skill_id for skills in LABELS.values() for skill_id in skills}
    assert len(labelled & asked) >= 15  # the check above is about real requirements, not a handful
