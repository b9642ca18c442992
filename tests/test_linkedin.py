"""LinkedIn "Save to PDF" exports in seven interface languages (reproduced in linkedin_exports.py)."""

from __future__ import annotations

import pytest

from linkedin_exports import LANGUAGE_CODES, export
from resumematch import parse
from resumematch.parsers.linkedin import is_export, tidy


@pytest.fixture(scope="module", params=LANGUAGE_CODES)
def read(request):
    data, profile = export(request.param)
    return parse(data, name=f"linkedin-{request.param}.pdf"), profile


def _section_text(document, name):
    return document.section_text(name)


def test_every_field_of_the_export(read):
    document, p = read
    fields = document.linkedin
    assert fields is not None, "recognised as a LinkedIn export"
    assert document.language == p.code
    assert (fields["name"], fields["headline"], fields["location"]) == (p.name, p.headline, p.location)
    assert document.contact.name == p.name
    assert fields["top_skills"] == p.top_skills
    assert [(x["company"], x["title"]) for x in fields["positions"]] == [(j[0], j[1]) for j in p.jobs]
    for position, job in zip(fields["positions"], p.jobs):
        dates, duration = job[2].rsplit(" (", 1)
        assert (position["dates"], position["duration"], position["location"]) == (dates, duration.rstrip(")"), job[3])
    assert [e["school"] for e in fields["education"]] == [school for school, _ in p.education]
    assert [e["degree"] for e in fields["education"]] == [degree for _, degree in p.education]


def test_sidebar_and_main_column_sections(read):
    document, p = read
    names = [s.name for s in document.sections]
    assert names == ["contact", "skills", "languages", "certifications", "contact", "summary", "experience", "education"]
    skills = _section_text(document, "skills")
    assert all(skill in skills for skill in p.top_skills)  # Top Skills is a skills section
    assert p.name not in _section_text(document, "certifications")  # the header is no sidebar block
    experience = _section_text(document, "experience")
    # Lines inside a job ("Summary:", "Achievements:", a volunteer's title) open no section.
    assert all(job[1] in experience and job[4][-1] in experience for job in p.jobs)


@pytest.mark.parametrize("email_link", [False, True])
def test_wrapped_email_and_profile_url_are_joined(email_link):
    for code in LANGUAGE_CODES:
        data, p = export(code, email_link=email_link)
        document = parse(data, name="profile.pdf")
        assert document.contact.email == p.email
        assert document.contact.linkedin == f"www.linkedin.com/in/{p.slug}"


def test_page_footer_is_dropped_between_two_jobs():
    document = parse(export("de")[0], name="profile.pdf")
    assert "Seite 1 von 2" not in document.text


def test_a_link_annotation_decides_a_wrap():
    text = "Contact\nwww.linkedin.com/in/ana-\nruiz (LinkedIn)\nana@example.\ncom\nTop Skills\nSQL"
    tidied = tidy(text, ["https://www.linkedin.com/in/ana-ruiz?trk=x"])
    assert "www.linkedin.com/in/ana-ruiz (LinkedIn)" in tidied and "ana@example.com" in tidied
    # Two details one under the other are not one detail.
    assert tidy("Contact\nana@example.com\nwww.example.org (Personal)", []).count("\n") == 2


def test_a_resume_that_only_mentions_linkedin_is_no_export():
    text = "Jane Roe\nContact\nlinkedin.com/in/janeroe\nExperience\nNetwork Technician"
    assert not is_export(text)
    assert not is_export("Contact\njane@example.com\nExperience\nTechnician")
    # A sidebar-first resume that starts with Contact and links a profile keeps its own headings.
    assert not is_export("CONTACT\njane@example.com\nlinkedin.com/in/janeroe\nWork History\nTechnician")


def test_top_skills_in_the_interface_language_are_taxonomy_skills(read):
    from resumematch.skills import extract_skills

    document, p = read
    in_skills = {m.skill_id for m in extract_skills(document) if m.section == "skills"}
    assert set(p.local_skills) <= in_skills
