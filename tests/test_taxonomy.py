"""The taxonomy file: coverage of ISP work, and the rules the build enforces."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from resumematch.taxonomy import CATEGORIES, Taxonomy, TaxonomyError


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def test_size_and_categories(taxonomy):
    assert len(taxonomy) >= 500
    counts = Counter(skill.category for skill in taxonomy.skills.values())
    assert set(counts) == set(CATEGORIES)
    assert all(counts[c] >= 8 for c in CATEGORIES), counts


# Names the issue and the guides ask for, written the way resumes write them.
REQUIRED = {
    "TCP/IP": "tcp-ip", "DNS": "dns", "DHCP": "dhcp", "BGP": "bgp", "OSPF": "ospf", "VLAN": "vlan", "MPLS": "mpls",
    "IPv6": "ipv6", "firewalls": "firewalls", "VPN": "vpn", "QoS": "qos", "routing and switching": "routing-and-switching",
    "DOCSIS": "docsis", "cable modem": "cable-modems", "coax": "coaxial-cable", "DSL": "dsl", "GPON": "gpon",
    "XGS-PON": "xgs-pon", "FTTH": "ftth", "FTTP": "ftth", "ONT": "ont", "fixed wireless": "fixed-wireless",
    "802.11": "wifi", "Wi-Fi": "wifi", "fiber splicing": "fiber-splicing", "OTDR": "otdr",
    "cable termination": "cable-termination", "cable testing": "cable-testing", "pole climbing": "pole-climbing",
    "ladder safety": "ladder-safety", "bucket truck": "bucket-truck", "driver's licence": "drivers-license",
    "Cisco": "cisco", "Juniper": "juniper", "Ubiquiti": "ubiquiti", "MikroTik": "mikrotik", "Nokia": "nokia",
    "Calix": "calix", "Linux": "linux", "Windows Server": "windows-server", "Active Directory": "active-directory",
    "virtualization": "virtualization", "scripting": "scripting", "Wireshark": "wireshark", "SolarWinds": "solarwinds",
    "ticketing system": "ticketing-systems", "CRM": "crm", "Microsoft Excel": "excel", "BICSI CBI": "bicsi-cbi",
    "Certified Broadband Installer": "bicsi-cbi", "CCNA": "ccna", "CCNP": "ccnp", "CompTIA A+": "comptia-a-plus",
    "Network+": "comptia-network-plus", "Security+": "comptia-security-plus", "FOA CFOT": "foa-cfot",
    "high school diploma": "high-school-diploma", "computer science": "computer-science",
    "communication": "communication", "customer service": "customer-service", "problem solving": "problem-solving",
    "patience": "patience", "empathy": "empathy", "teamwork": "teamwork", "sales": "sales",
    "market research": "market-research", "social media": "social-media-marketing", "cold calling": "cold-calling",
}


@pytest.mark.parametrize("written, skill_id", sorted(REQUIRED.items()))
def test_isp_vocabulary_resolves(taxonomy, written, skill_id):
    skill = taxonomy.resolve(written)
    assert skill is not None and skill.id == skill_id


def test_implied_skills_are_transitive(taxonomy):
    assert {"ccna", "routing-and-switching", "routing", "switching", "cisco"} <= taxonomy.implied("ccnp")
    assert "ccnp" not in taxonomy.implied("ccna")


def test_every_entry_credits_its_source(taxonomy):
    sources = Counter(skill.source for skill in taxonomy.skills.values())
    assert set(sources) <= {"resumematch", "onet", "esco"}
    assert sources["onet"] > 0


def _load(text: str) -> Taxonomy:
    return Taxonomy.from_entries(yaml.safe_load(text))


@pytest.mark.parametrize(
    "text, message",
    [
        ("- {id: a, name: A, category: tool}\n- {id: a, name: B, category: tool}", "defined twice"),
        ("- {id: a, name: A, category: tool, implies: [b]}", "unknown skill 'b'"),
        ("- {id: a, name: A, category: tool, implies: [b]}\n- {id: b, name: B, category: tool, implies: [a]}", "cycle"),
        ("- {id: a, name: A, category: gadget}", "category must be one of"),
        ("- {id: Not_Kebab, name: A, category: tool}", "kebab-case"),
        ("- {id: wifi, name: Wi-Fi, category: technical, aliases: [802.11]}", "quote values"),
        ("- {id: chat, name: Chat, category: domain, aliases: [phone, email, or chat]}", "split at a comma"),
        ("- {id: a, name: A, category: tool, colour: red}", "unknown fields"),
        ("- {id: a, category: tool}", "'name' must be"),
    ],
)
def test_invalid_taxonomies_are_refused_with_a_reason(text, message):
    with pytest.raises(TaxonomyError, match=message):
        _load(text)


def test_one_written_form_cannot_mean_two_skills():
    import spacy

    from resumematch.build_model import compile_patterns

    clash = _load(
        "- {id: switching, name: Switching, category: technical, aliases: [switches]}\n"
        "- {id: hardware, name: Network hardware, category: technical, aliases: [switch]}"
    )
    with pytest.raises(TaxonomyError, match="would match both"):
        compile_patterns(clash, spacy.blank("en"), {"switches": "switch"})


def test_acronyms_that_are_english_words_match_exactly():
    import spacy

    from resumematch.build_model import compile_patterns

    taxonomy = _load("- {id: sip, name: SIP, category: technical}\n- {id: dns, name: DNS, category: technical}")
    patterns, _ = compile_patterns(taxonomy, spacy.blank("en"), {"sip": "sip"})
    kinds = {p["text"]: p["kind"] for p in patterns}
    # In prose only "SIP"; in a list any case ("sip, rtp, webrtc"): the list-only pattern.
    assert kinds == {"SIP": "exact", "DNS": "fuzzy", "sip": "listcase"}


def test_the_built_taxonomy_reads_back_as_the_validated_one():
    """Commands read the build's copy without validating it again: it must be the same taxonomy."""
    import json

    from resumematch.resources import data_dir

    entries = json.loads((data_dir("models") / "skills" / "isp_skills" / "taxonomy.json").read_text(encoding="utf-8"))
    assert Taxonomy.from_built(entries).skills == Taxonomy.from_entries(entries).skills == Taxonomy.load().skills
