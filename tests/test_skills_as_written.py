"""Issue 19: skills as people write them (every list, every spelling) and nothing from around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resumematch.skills import extract_skills
from resumematch.skills.textfold import fold, fold_in_place
from resumematch.taxonomy import Taxonomy

DATA = Path(__file__).parent / "data"
EXAMPLES = {
    k: v
    for k, v in json.loads((DATA / "taxonomy_examples.json").read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}


def ids(text: str) -> set[str]:
    return {m.skill_id for m in extract_skills(text)}


# --- one normalisation, offsets into the text the user sees --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Valid Driver’s license and a Bachelor’s degree",  # curly apostrophes (Word, the web)
        "Valid Driverâ€™s license and a Bachelorâ€™s degree",  # UTF-8 read as Windows-1252
        "Valid Driver�s license and a Bachelor�s degree",  # a lossy decoder's replacement character
        "Valid Driver\u2019s li\u00adcense and a Bachelor\u2019s de\u200bgree",  # soft hyphen, zero-width space
    ],
)
def test_apostrophes_and_mojibake_are_folded_before_matching(text):
    mentions = extract_skills(text)
    assert {m.skill_id for m in mentions} >= {"drivers-license", "bachelors-degree"}
    for mention in mentions:  # offsets point into the text as given
        assert text[mention.start : mention.end] == mention.text


def test_ligatures_and_full_width_letters_match_and_keep_offsets():
    text = "Experience with ﬁber splicing and ＯＴＤＲ traces"
    found = {m.skill_id: m for m in extract_skills(text)}
    assert {"fiber-splicing", "otdr"} <= set(found)
    assert found["fiber-splicing"].text == "ﬁber splicing"
    assert found["otdr"].text.startswith("ＯＴＤＲ")


def test_fold_maps_every_folded_character_back():
    source = "A “quoted” naïve ﬁber – café\nDriverâ€™s"
    folded = fold(source)
    assert folded.text == 'A "quoted" naïve fiber - café\nDriver\'s'
    start = folded.text.index("fiber")
    assert source[folded.source_start(start) : folded.source_end(start + 5)] == "ﬁber"
    assert folded.folded_offset(source.index("Driver")) == folded.text.index("Driver")
    assert fold("plain ascii").starts is None  # the common case costs nothing
    assert fold_in_place("you’ll — ok") == "you'll - ok"


# --- lists in any case, punctuation glued on; prose keeps needing the proper form ---------------
def test_lower_case_skills_line_finds_every_skill():
    found = ids("Skills: cold calling, sales, salesforce, ms office, python, java, docker")
    assert found >= {"cold-calling", "sales", "salesforce", "microsoft-office", "python", "java", "docker"}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("java spring java-ee", {"java", "spring-framework", "java-ee"}),
        ("python django docker", {"python", "django", "docker"}),
        ("cloud amazon-web-services azure devops", {"aws", "azure", "devops", "cloud-generic"}),
    ],
)
def test_tag_lines_of_postings(line, expected):
    assert ids(f"About the role\nWe build things.\n{line}\n") >= expected


def test_resume_builder_skill_table_with_glued_hyphens():
    text = (
        "Skill Details\nSales- Exprience - 36 months\nCold Calling- Exprience - 24 months\n"
        "Salesforce- Exprience - 12 months\nDirect sales- Exprience - 6 months"
    )
    assert ids(text) >= {"sales", "cold-calling", "salesforce"}


@pytest.mark.parametrize(
    "prose",
    [
        "We go to the customer site and teams access the spring catalogue to excel at service.",
        "The swift response of our teams impressed the customer.",
    ],
)
def test_common_words_in_prose_are_not_skills(prose):
    assert not ids(prose) & {"go-language", "teams", "access", "spring-framework", "excel", "swift-language"}


def test_a_name_line_is_no_tag_line():
    assert "swift-language" not in ids("Jane Swift\njane@example.com")


def test_upper_case_names_in_prose():
    assert ids("Strong BASH and/or Python scripting") >= {"bash", "python"}


@pytest.mark.parametrize(
    "sentence, skill_id",
    [
        ("Must be able to lift up to 50 lbs.", "physical-stamina"),
        ("Comfortable to work at heights.", "fall-protection"),
        ("Use basic hand tools.", "hand-tools"),
        ("Terminate low-voltage cable in customer homes.", "cable-termination"),
        ("Read schematics and blueprints.", "blueprint-reading"),
        ("Maintain inventory of the van stock.", "inventory-management"),
        ("Able to type 25 wpm.", "typing"),
        ("Enter customer data into the billing system.", "typing"),
        ("Scripting in BASH and/or Python.", "bash"),
        ("At least 1 year in sales.", "sales"),
        ("Source new business leads every week.", "lead-generation"),
        ("Spanish-language skills are a plus.", "spanish"),
        ("Knowledge of REST and Agile methods.", "rest-api"),
        ("Knowledge of REST and Agile methods.", "agile"),
        ("Experience with Spring and Hibernate.", "spring-framework"),
        ("Builds reports in Power BI.", "power-bi"),
        ("Owns escalation management for the support desk.", "escalation-management"),
        ("Experience with shift management in a 24/7 NOC.", "shift-management"),
        ("Sweep testing of the return path.", "sweep-testing"),
        ("Experience with session border controllers and MGCP.", "sbc"),
        ("JNCIA-Junos or JNCIS-SP certification.", "jncia"),
        ("ETA Fiber Optics Installer certification.", "foa-cfot"),
        ("Must pass a background check.", "background-check"),
    ],
)
def test_ordinary_wordings_of_the_issue(sentence, skill_id):
    assert skill_id in ids(sentence)


# --- taxonomy growth: every addition named in a sentence, and a hard negative --------------------
@pytest.mark.parametrize("skill_id", sorted(EXAMPLES))
def test_every_added_skill_has_a_sentence_and_a_hard_negative(skill_id):
    named, negative = EXAMPLES[skill_id]
    assert skill_id in ids(named), named
    assert skill_id not in ids(negative), negative


def test_every_added_skill_is_in_the_taxonomy():
    assert set(EXAMPLES) <= set(Taxonomy.load().skills)


# --- aliases that were not names, and words in the wrong sense ----------------------------------
@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Configured zsh on developer laptops.", "bash"),
        ("Queried LDAP for user groups.", "active-directory"),
        ("Ran A/B testing on landing pages.", "web-analytics"),
        ("Loaded data into Snowflake.", "data-engineering"),
        ("A strong customer focus in everything we do.", "customer-service"),
        ("It supports the design of new services.", "technical-support"),
        ("Reports to the Snr VP of Operations.", "rf"),
        ("Handles project billing for the architects.", "billing"),
        ("Keep backups of the drawing files.", "backup-recovery"),
        ("Performance monitoring of the team is done monthly.", "system-monitoring"),
        ("Overtime pay after 40 hours.", "availability"),
    ],
)
def test_aliases_that_are_not_names_and_wrong_senses(text, wrong):
    assert wrong not in ids(text)


def test_documentation_is_not_a_soft_skill():
    assert Taxonomy.load()["documentation"].category == "technical"


# --- context: places, schools and companies, other people's roles -------------------------------
@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Software Engineer, Acme Corp - Palo Alto, CA", "palo-alto"),
        ("Offices in Palo Alto, California and Austin", "palo-alto"),
        ("Spring, TX", "spring-framework"),
        ("The Department of Electrical Engineering invites applications.", "electrical-engineering"),
        ("You will work hand in hand with UX, QA and Product Owner.", "quality-assurance"),
        ("You will join our DevOps engineer who runs the platform.", "devops"),
        ("Former intern at Fiber Networks Inc in Denver.", "fiber-optics"),
    ],
)
def test_names_of_places_institutions_companies_and_roles_are_no_skills(text, wrong):
    assert wrong not in ids(text)


def test_a_skill_before_a_role_of_ones_own_still_counts():
    assert "devops" in ids("Worked as a DevOps engineer for three years.")
