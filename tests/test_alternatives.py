"""A posting's example and "or" lists ("such as Python, Ruby or Java") are one requirement each,
met by any one of the list; a list joined by "and" is a list of requirements."""

from __future__ import annotations

import pytest

from resumematch.jobs import load_job
from resumematch.jobs.alternatives import alternative_groups
from resumematch.parsers import parse
from resumematch.scoring import match
from resumematch.skills import extract_skills


def _groups(sentence: str) -> set[frozenset[str]]:
    mentions = extract_skills(sentence)
    by_label: dict[str, set[str]] = {}
    for skill_id, label in alternative_groups(sentence, mentions).items():
        by_label.setdefault(label, set()).add(skill_id)
    return {frozenset(ids) for ids in by_label.values()}


@pytest.mark.parametrize("sentence, group", [
    ("Fluency in a back-end language such as Python, Ruby or Java.", {"python", "ruby", "java"}),
    ("Hands-on with monitoring tools like Nagios, Zabbix, or SolarWinds.", {"nagios", "zabbix", "solarwinds"}),
    ("Routing protocols (e.g. BGP, OSPF) on carrier gear.", {"bgp", "ospf"}),
    ("Scripts in Python/Perl or PowerShell to automate tickets.", {"python", "perl", "powershell"}),
    ("Has run Juniper, Cisco, or Arista routers in a core network.", {"juniper", "cisco", "arista"}),
    ("Hands-on with one of the following: Nagios, Zabbix, SolarWinds.", {"nagios", "zabbix", "solarwinds"}),
])
def test_examples_and_or_lists_are_one_group(sentence, group):
    assert frozenset(group) in _groups(sentence)


@pytest.mark.parametrize("sentence", [
    "Strong Python and SQL skills are a must.",
    "You will write Python, Java and SQL every day.",
    "Has run Arista routers for years.",  # a maker and its product are one thing, not a list
])
def test_lists_joined_by_and_stay_separate_requirements(sentence):
    assert _groups(sentence) == set()


def test_the_list_after_a_cue_ends_where_a_phrase_starts():
    groups = _groups("Scripting such as Python or Bash, and deploying services to AWS and Azure in production.")
    assert groups == {frozenset({"python", "bash"})}


POSTING = """Backend Developer
Requirements
- Fluency in a back-end language such as Python, Ruby or Java.
- Experience with Docker and Kubernetes.
"""


def _posting(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return load_job(path)


def _resume(body: str):
    return parse(f"Robin Ames\nExperience\nBackend developer, Skyline Broadband, 2019-2024\n{body}\n".encode(), name="r.txt")


def test_one_language_of_the_list_meets_it_and_the_others_are_not_called_missing(tmp_path):
    job = _posting(tmp_path)
    result = match(_resume("- Built billing services in Python on Docker and Kubernetes."), job)
    missing = {m.id for m in result.missing}
    assert not {"ruby", "java"} & missing
    assert "any one of a list meets it" in result.notes["skills"]
    both = match(_resume("- Built billing services in Python and Java on Docker and Kubernetes."), job)
    assert both.components["skills"] == result.components["skills"]  # the list counts once


def test_none_of_the_list_held_names_each_as_a_way_to_meet_it(tmp_path):
    result = match(_resume("- Built billing services in Go on Docker and Kubernetes."), _posting(tmp_path))
    assert {"python", "ruby", "java"} <= {m.id for m in result.missing}
    with_one = match(_resume("- Built billing services in Ruby on Docker and Kubernetes."), _posting(tmp_path))
    assert with_one.components["skills"] > result.components["skills"]
