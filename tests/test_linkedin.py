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


def test_a_company_line_is_no_job_title():
    # The export sets the company on a line of its own above the role: a company named for a
    # trade ("Sonoran Cable Installers") is where the dispatcher worked, not what they were.
    from dataclasses import replace

    from linkedin_exports import PROFILES
    from resumematch.titles import resume_titles, title_match

    jobs = [("Sonoran Cable Installers", "Dispatcher", "March 2021 - Present (3 years 9 months)", "Tucson, Arizona",
             ["Scheduled the install crews and answered the customers' calls about their appointments."])]
    profile = replace(PROFILES["en"], headline="Dispatch and Scheduling", jobs=jobs)
    data, _ = export("en", profile=profile)
    document = parse(data, name="linkedin-dispatcher.pdf")
    assert [p["company"] for p in document.linkedin["positions"]] == ["Sonoran Cable Installers"]
    titles = resume_titles(document)
    assert "Dispatcher" in titles and "Sonoran Cable Installers" not in titles
    assert title_match(document, "Cable Installer").score == 0
    # The same through the scoring text (names blanked), which is a copy of the document.
    assert title_match(document, "Cable Installer", text=document.text.replace("Marisol", "       ")).score == 0
    assert title_match(document, "Dispatcher").score == 100


def test_role_lines_are_the_titles_in_every_interface_language(read):
    from resumematch.titles import resume_titles

    document, p = read
    titles = resume_titles(document)
    assert p.jobs[0][1] in titles
    assert not {job[0] for job in p.jobs} & set(titles)
