"""Postings in other languages read like English ones: headings, required vs preferred, titles."""

from __future__ import annotations

import pytest

from resumematch.jobs import load_posting

# (title line, description heading, requirements heading, preferred line, benefits heading, perk)
POSTINGS = {
    "de": ("Netzwerkadministrator (m/w/d)", "Beschreibung", "Anforderungen", "Kenntnisse in Python wünschenswert",
           "Wir bieten", "30 Tage Urlaub und ein Jobticket"),
    "de2": ("Netzwerktechniker (m/w/d)", "Ihre Aufgaben", "Ihr Profil", "Erfahrung mit Python von Vorteil",
            "Was wir bieten", "Flexible Arbeitszeiten"),
    "es": ("Técnico de redes (h/m)", "Descripción del puesto", "Requisitos", "Se valorará experiencia con Python (deseable)",
           "Ofrecemos", "Contrato indefinido y formación continua"),
    "pt": ("Analista de redes", "Descrição da vaga", "Requisitos", "Conhecimento de Python desejável",
           "Benefícios", "Vale-refeição e plano de saúde"),
    "fr": ("Administrateur réseaux (H/F)", "Description du poste", "Profil recherché", "Connaissance de Python souhaitée",
           "Nous offrons", "Tickets restaurant et mutuelle"),
    "it": ("Amministratore di rete", "Descrizione del ruolo", "Requisiti", "Conoscenza di Python gradita",
           "Offriamo", "Buoni pasto e assicurazione sanitaria"),
    "nl": ("Netwerkbeheerder", "Functieomschrijving", "Functie-eisen", "Kennis van Python is een pré",
           "Wat bieden wij", "Een goed salaris en een leaseauto"),
}


def _posting(title, about, needs, preferred, offer, perk) -> str:
    return "\n".join([
        title, "", about, "Beheer van het netwerk / Betrieb des Netzes / Gestión de la red.", "",
        needs, "- Linux", "- Cisco", "- OSPF", f"- {preferred}", "", offer, f"- {perk}", "",
    ])


@pytest.mark.parametrize("code", POSTINGS)
def test_posting_in_another_language(code):
    title, *_ = POSTINGS[code]
    job = load_posting(_posting(*POSTINGS[code]).encode(), f"posting-{code}.txt")
    assert job.title == title.split(" (")[0]  # the gender mark is no part of the title
    levels = {s.skill_id: s.importance for s in job.skills}
    assert levels["linux"] == levels["ospf"] == "required"
    assert levels["python"] == "preferred"
    assert not any(w in " ".join(job.other_keywords).lower() for w in ("urlaub", "salaris", "mutuelle"))


def test_german_capitals_and_phrases_are_no_keywords():
    text = (
        "Netzwerkadministrator (m/w/d)\n\nBeschreibung\nZur Optimierung der Netze suchen wir Verstärkung. "
        "Der Einsatz IST VOR ORT beim Kunden.\n\nAnforderungen\n- Erfahrung mit Linux und BGP\n"
        "- Optimierung der Netzwerke im Betrieb\n- Der Einsatz ist vor Ort\n"
    )
    job = load_posting(text.encode(), "netzwerk.txt")
    assert job.title == "Netzwerkadministrator"
    words = {w.lower() for k in job.other_keywords for w in k.split()}
    assert not words & {"ist", "vor", "der", "optimierung"}
