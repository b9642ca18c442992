"""Issue 29: knowledge a posting asks for, in the forms postings write it (sentences written here).

Each test is one class of miss found by reading tagged posting sentences: a form of a name the
matcher did not know, or a place where a name stood that made it look like something else.
"""

from __future__ import annotations

import pytest

from resumematch.jobs.posting import posting_skill_mentions
from resumematch.skills import extract_skills
from resumematch.skills.normalize import spelling_variants


def ids(text: str) -> set[str]:
    return {m.skill_id for m in extract_skills(text)}


def hire_ids(text: str) -> set[str]:
    return {m.skill_id for m in posting_skill_mentions(text)}


# --- text as it arrives ----------------------------------------------------------------------------
def test_windows_punctuation_read_as_latin1_is_read_as_meant():
    # A cp1252 apostrophe and bullet decoded as Latin-1 leave C1 control characters.
    text = "A Master\x92s degree in physics\n\x95Project management of field crews"
    found = {m.skill_id: m for m in extract_skills(text)}
    assert {"masters-degree", "project-management"} <= set(found)
    assert text[found["masters-degree"].start : found["masters-degree"].end] == "Master\x92s degree"


def test_a_bullet_glued_to_a_word_is_not_part_of_it():
    assert {"python", "linux"} <= ids("•Python scripting\n▪Linux servers")


# --- names as postings write them ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, skill",
    [
        ("We store sessions in DynamoDB and logs in S3.", "amazon-dynamodb"),  # O*NET: "Amazon DynamoDB"
        ("Batch jobs on Hadoop with Hive queries.", "apache-hadoop"),  # O*NET: "Apache Hadoop"
        ("Load tests scripted in LoadRunner.", "hewlett-packard-loadrunner"),  # O*NET: "Hewlett Packard LoadRunner"
        ("Reports built in Crystal Reports for finance.", "sap-crystal-reports"),  # O*NET: "SAP Crystal Reports"
    ],
)
def test_a_product_is_found_without_its_makers_name(text, skill):
    assert skill in ids(text)


def test_a_makers_product_that_is_an_english_word_needs_more_than_its_word():
    # "Microsoft Project" and "Google Sites" do not make every "project" and "sites" a product.
    assert not {"microsoft-project", "google-sites"} & ids("The project covers three sites in the county.")


@pytest.mark.parametrize(
    "written, other",
    [("data visualisation", "data visualization"), ("data modelling", "data modeling"), ("digitalisation", "digitalization")],
)
def test_british_and_american_spellings_are_one_name(written, other):
    assert ids(f"Experience in {written}.") == ids(f"Experience in {other}.") != set()
    assert other in spelling_variants(written)


def test_a_word_spelled_with_ise_everywhere_keeps_its_spelling():
    assert spelling_variants("enterprise") == ["enterprise"]
    assert spelling_variants("advertising") == ["advertising"]


def test_a_field_in_ics_is_not_its_adjective():
    assert "robotics" in ids("A PhD in robotics.")
    assert "robotics" not in ids("Meet robotic challenges with a robotic arm.")
    assert "economics" not in ids("Economic growth in the region is strong.")


# --- where a name stands ---------------------------------------------------------------------------
def test_languages_in_a_run_are_languages():
    found = ids("Fluent English is a must, while German Italian and French are an advantage.")
    assert {"english", "german", "other-languages", "french"} <= found


def test_a_language_after_a_command_of_several_tools():
    assert "english" in ids("An excellent command of PowerPoint Excel and English is a must.")


def test_a_lower_case_name_in_a_run_of_names():
    assert {"c-language", "cpp", "python"} <= ids("Programming skills (e.g. C C++ python) are needed.")
    # A certain name beside a word that is no list item makes no list: "fiber slack loop".
    assert "collaboration-tools" not in ids("Leave a fiber slack loop at the pole.")


def test_a_name_joined_to_a_certain_name_by_and_or_or():
    assert "ci-cd" in ids("Builds run on Travis and Jenkins.")
    assert "sales" in ids("You have experience from Sales or Customer Service.")


@pytest.mark.parametrize("text", ["Level of qualification is a PhD.", "Candidates hold a PhD."])
def test_a_degree_held_or_asked_for(text):
    assert "doctorate" in ids(text)


def test_a_field_of_a_degree_and_the_same_word_in_prose():
    assert {"chemistry", "economics"} <= ids("A degree in Chemistry or Economics.")
    assert "chemistry" not in ids("Great team chemistry and a fun office.")


def test_a_unit_named_after_a_field_is_no_skill():
    assert "chemical-engineering" not in ids("The Biological and Chemical Engineering (BCE) Section invites applications.")
    assert "chemistry" not in ids("Close collaborations with the Departments of Chemistry and Physics.")


# --- whose knowledge: the posting's reading --------------------------------------------------------
def test_a_data_protection_law_as_the_hires_work_is_kept():
    posting = "Compliance Analyst\nDuties\nWe will be implementing the GDPR and you will play a central role in it."
    assert "data-security" in hire_ids(posting)
    aside = "Compliance Analyst\nPrivacy\nWe process the personal data of applicants under the GDPR."
    assert "data-security" not in hire_ids(aside)


def test_a_requirement_naming_compliance_standards_is_kept():
    posting = "Cloud Architect\nExperience with compliance standards (HIPAA FISMA GDPR FedRAMP) desired"
    assert {"security-compliance", "data-security"} <= hire_ids(posting)


@pytest.mark.parametrize(
    "sentence, skill",
    [
        ("We aim at improving our proteomics and bioinformatics platform.", "bioinformatics"),
        ("Our analytical expertise spans sequence analysis and genomics.", "bioinformatics"),
        ("The Center comprises a range of expertise from proteomics to protein production.", "proteomics"),
        ("The <ORGANIZATION> <ORGANIZATION> group develops products for open source software risk.", "open-source"),
    ],
)
def test_a_sentence_about_what_the_company_has_gives_no_skill(sentence, skill):
    assert skill not in hire_ids(f"Research Scientist\n{sentence}")


def test_our_team_doing_the_work_is_the_jobs_work():
    assert "ftth" in hire_ids("Fiber Technician\nOur technicians install FTTH drops every day.")
    assert "kubernetes" in hire_ids("DevOps Engineer\nOur team works with Kubernetes and Terraform.")


def test_a_phd_research_project_is_the_position():
    assert "doctorate" not in hire_ids("PhD position\nThe institute invites applications for a PhD research project on climate.")


def test_names_joined_by_a_slash_are_both_found():
    assert {"csharp", "cpp", "java", "scala"} <= ids("Hands-on C#/.NET, C++/Java and F#/Scala.")


def test_a_degree_keeps_its_level_when_its_field_follows():
    assert "bachelors-degree" in ids("Bachelor degree in Engineering or technical fields.")
