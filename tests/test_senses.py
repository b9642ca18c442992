"""Sense before match: every form of skills/senses.yaml is the product in one sentence and an
ordinary word in another (sentences written here)."""

from __future__ import annotations

import pytest

from resumematch.skills import extract_skills
from resumematch.skills.senses import senses

# form -> (a sentence where it is the product, a sentence where it is not)
SENTENCES = {
    "teams": ("Set up channels and meetings in Teams for the field crews.", "You will join small, cross-functional teams, and teams."),
    "access": ("Kept the parts inventory in Microsoft Access and wrote the queries in Access.", "Easy access, free parking, lunch."),
    "excel": ("Built VLOOKUP reports in Excel.", "Excel in your role, grow with us, and learn."),
    "word": ("Wrote install guides in MS Word.", "Spread the word, and bring a friend."),
    "outlook": ("Managed the shared calendar and email in Outlook.", "A positive outlook, energy, and drive."),
    "ups": ("Replaced UPS batteries at four hub sites.", "Daily stand-ups, retros and planning with the squad."),
    "chef": ("Tools: Chef, Puppet, Ansible", "Our chef, a barista, and a gym on site."),
    "puppet": ("Configuration management with Puppet manifests.", "A puppet, a kite, and a ball."),
    "pr": ("Ran PR campaigns and press releases for the launch.", "Please open a PR, and wait for review."),
    "go": ("Backend services in Go, Rust and C++.", "Go, see, and win."),
    "swift": ("Built iOS apps in Swift.", "A swift reply, and a smile."),
    "ruby": ("Scripting in Ruby and Python.", "A ruby ring, a pearl, and a watch."),
    "budget": ("Scheduling, budget and forecasting for the build.", "Healthy training budget, gym, and lunch."),
    "budgets": ("Manage costs, budgets and schedules.", "Learning budgets, free lunch, and a gym."),
    # issue 29: tool names that are also common words, each read from its own context
    "spark": ("Batch jobs in Spark and Hadoop on a shared cluster.", "Bring the spark, the energy and the ideas."),
    "salt": ("Servers configured with Salt states and pillars.", "Salt, pepper, and olive oil for the canteen."),
    "travis": ("Builds run on Travis and Jenkins for every pull request.", "Travis, our crew lead, trains each new hire."),
    "aurora": ("Migrated the billing schema to Aurora and DynamoDB.", "Offices in Denver, Aurora and Boulder."),
    "apache": ("Hosted the portal on Apache and Nginx behind a load balancer.", "Mobile apps with Apache Cordova for the field crews."),
    "node": ("APIs written in Node and TypeScript.", "Swept the fiber node, and balanced the HFC node."),
    "chrome": ("Tested the portal in Chrome, Firefox and Safari.", "Chrome trim, leather seats, and a sunroof."),
    "safari": ("Checked the layout in Safari and Chrome.", "A safari, a beach, and a cruise."),
    "bootstrap": ("Front end in Bootstrap and Sass.", "Bootstrap the project, and plan, and ship."),
    "tailwind": ("Styled the pages with Tailwind and CSS modules.", "A tailwind, a calm sea, and sun."),
    "babel": ("Bundled the code with Webpack and Babel.", "A Babel of voices, a crowd, and noise."),
    "waterfall": ("Projects run in Waterfall or Agile.", "A waterfall, a lake, and a trail."),
    "rancher": ("Clusters managed in Rancher and Kubernetes.", "A rancher, a farmer, and a vet."),
    "oracle": ("Tuned queries in Oracle and PostgreSQL.", "Oracle, Redwood City, CA"),
}


def _skills(text: str) -> set[str]:
    return {m.skill_id for m in extract_skills(text)}


def test_every_form_has_a_sentence_of_each_sense():
    assert set(SENTENCES) == set(senses())


@pytest.mark.parametrize("form", sorted(SENTENCES))
def test_the_product_sense_is_matched(form):
    sense = senses()[form]
    assert sense.skill in _skills(SENTENCES[form][0])


@pytest.mark.parametrize("form", sorted(SENTENCES))
def test_the_word_sense_is_not(form):
    sense = senses()[form]
    assert sense.skill not in _skills(SENTENCES[form][1])


def test_a_skills_list_is_evidence_enough():
    assert {"excel", "word", "outlook", "teams"} <= _skills("Skills: Excel, Word, Outlook, Teams")


def test_a_hyphenated_word_is_never_the_product():
    found = [m.text for m in extract_skills("Rituals: stand-UPS, demos; UPS batteries and rectifiers")]
    assert found.count("UPS") == 1 and "stand-UPS" not in found


def test_an_acronym_defined_as_a_name_is_that_name():
    text = "The Institute for Cell Research (ICR) and the Centre for Plant Research (CPR) host the position. Visit CPR online."
    assert "first-aid-cpr" not in _skills(text)
    assert "first-aid-cpr" in _skills("Current CPR and First Aid certification.")
    assert "bgp" in _skills("Configure Border Gateway Protocol (BGP) sessions.")


def test_other_teams_list_is_not_the_persons_work():
    assert "sales" not in _skills("You will build dashboards for our internal teams: sales, support and finance.")
    assert "sales" in _skills("Experience in sales, support and retention.")


def test_a_nationality_is_not_a_language():
    assert "other-languages" not in _skills("The Danish Labour Council funds the position; the Danish population is small.")
    assert "other-languages" in _skills("Fluent Danish is required.")


@pytest.mark.parametrize(
    "sentence, skill",
    [
        # the same short name, read from the words around it (issue 29)
        ("Tools: Chef, Puppet, Salt", "saltstack"),
        ("Streaming jobs in Apache Spark.", "apache-spark"),
        ("ETL pipelines in Spark, with Kafka feeding them.", "apache-spark"),
        ("Backend services in Go, with Postgres behind them.", "go-language"),
        ("Cookbooks and recipes in Chef for every server.", "chef"),
    ],
)
def test_a_short_tool_name_is_the_tool_in_a_tool_context(sentence, skill):
    assert skill in _skills(sentence)


@pytest.mark.parametrize(
    "sentence, skill",
    [
        ("Replaced a spark plug on the bucket truck.", "apache-spark"),
        ("A pinch of Salt, then Pepper.", "saltstack"),
        ("Go to the depot, then Salt the driveway, then Spark the grill.", "go-language"),
        ("Chef, server, and dishwasher wanted for the staff canteen.", "chef"),
        ("A Puppet show, a Chef and a Juggler at the summer party.", "puppet"),
        ("Spliced fibre at each Node, and tested the drop.", "nodejs"),
    ],
)
def test_a_short_tool_name_in_ordinary_words_is_no_tool(sentence, skill):
    assert skill not in _skills(sentence)
