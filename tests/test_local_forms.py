"""Skill matching by the document's language (issue 30): German and Dutch compounds split
against that language's skill labels, and acronyms in other languages only as written in
capitals (Portuguese "sem" is no SEM). Each document is built here, as a PDF (reportlab) or a
DOCX (python-docx), in its own language."""

from __future__ import annotations

import io

import pytest
from docx import Document as DocxDocument
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumematch import lang, parse
from resumematch.skills import extract_skills
from resumematch.skills.local_forms import LocalForms, compounding


def _pdf(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = 800
    for line in lines:
        pdf.setFont("Helvetica-Bold" if line.isupper() else "Helvetica", 12 if line.isupper() else 10)
        pdf.drawString(50, y, line)
        y -= 16
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _docx(lines: list[str]) -> bytes:
    document = DocxDocument()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _skills(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    document = parse(data, name=name)
    return document.language, {m.text: m.skill_id for m in extract_skills(document)}


GERMAN = [
    "Jonas Becker", "Leipzig",
    "BERUFSERFAHRUNG",
    "Kundenservicemitarbeiter bei einem regionalen Anbieter von Glasfaseranschlüssen, 2019 bis heute.",
    "Ich beantworte Anfragen der Kunden am Telefon und vereinbare Termine mit den Technikern vor Ort.",
    "Glasfasermontagearbeiten in Neubaugebieten und Mehrfamilienhäusern, gemeinsam mit einem Kollegen.",
    "AUSBILDUNG",
    "Fachinformatiker für Systemintegration, Berufsschule Leipzig",
    "KENNTNISSE",
    "Netzwerkadministrationskenntnisse, Störungsbehebung, Gabelstaplerführerschein, Linux",
]

DUTCH = [
    "Sanne de Vries", "Utrecht",
    "Werkervaring",
    "Klantenservicemedewerker bij een aanbieder van glasvezel in de regio Utrecht, sinds 2020.",
    "Ik help zakelijke klanten bij storingen en plan de afspraken voor de monteurs in de wijk.",
    "Daarnaast ben ik glasvezelmonteur geweest en deed ik netwerkbeheertaken voor het kantoor.",
    "Opleiding",
    "MBO ICT-beheer, ROC Midden Nederland",
    "Vaardigheden",
    "Netwerkbeheerder, Linux, Cisco",
]


@pytest.mark.parametrize("build, suffix", [(_pdf, "pdf"), (_docx, "docx")])
def test_a_german_compound_holds_the_skill_of_its_label(build, suffix):
    language, found = _skills(build(GERMAN), f"lebenslauf.{suffix}")
    assert language == "de"
    assert found["Kundenservicemitarbeiter"] == "customer-service"  # label + another word
    assert found["Glasfasermontagearbeiten"] == "ftth"
    assert found["Netzwerkadministrationskenntnisse"] == "network-administration"  # linked by an "s"
    # A forklift licence is another kind of licence, not a driving licence.
    assert "drivers-license" not in found.values()


@pytest.mark.parametrize("build, suffix", [(_pdf, "pdf"), (_docx, "docx")])
def test_a_dutch_compound_holds_the_skill_of_its_label(build, suffix):
    language, found = _skills(build(DUTCH), f"cv.{suffix}")
    assert language == "nl"
    assert found["Klantenservicemedewerker"] == "customer-service"
    assert found["glasvezelmonteur"] == "fiber-optics"
    assert found["netwerkbeheertaken"] == "network-administration"
    assert "Netwerkbeheerder" not in found  # the person who does it: a derived word, no compound


@pytest.mark.parametrize(
    "word, code, skill",
    [
        ("Kundenservicemitarbeiterin", "de", "customer-service"),
        ("Endkundenservice", "de", "customer-service"),  # the label at the word's end
        ("Netzwerksicherheitskonzepte", "de", "network-security"),
        ("Glasfaserinstallationen", "de", "ftth"),  # an inflection, no second word
        ("Führerscheinklasse", "de", "drivers-license"),  # a licence's class is about that licence
        ("Netzwerktechniker", "de", None),  # the technician, not the field
        ("Netzwerktechnikerin", "de", None),
        ("Gabelstaplerführerschein", "de", None),
        ("Netzwerkadministration", "de", None),  # a label on its own is the matcher's, not a compound
        ("klantenservicemedewerkers", "nl", "customer-service"),
        ("storingsanalyserapport", "nl", "troubleshooting"),
        ("Kundenservicemitarbeiter", "fr", None),  # French writes no compounds
        ("Kundenservicemitarbeiter", "en", None),
    ],
)
def test_compound_split(word, code, skill):
    from resumematch.skills import skill_matcher

    assert skill_matcher().local.compound_skill(word, code) == skill


def test_a_compound_written_with_a_hyphen_is_one_word():
    lines = GERMAN[:5] + ["Glasfaser-Montagearbeiten und Netzwerk-Administration für Geschäftskunden in ganz Sachsen."] + GERMAN[5:]
    language, found = _skills(_docx(lines), "lebenslauf.docx")
    assert language == "de"
    assert found["Glasfaser-Montagearbeiten"] == "ftth"  # not only "Glasfaser", the fibre itself
    assert found["Netzwerk-Administration"] == "network-administration"  # a label spelt in two parts


def test_a_long_run_of_letters_is_no_compound_and_costs_nothing():
    from resumematch.skills import skill_matcher

    local = skill_matcher().local
    assert local.compound_skill("Kundenservice" + "x" * 400_000, "de") is None  # returns at once
    assert local.compound_skill("y" * 60 + "kundenservice", "de") == "customer-service"  # within the length


def test_only_languages_that_write_compounds_split_them():
    assert compounding("de") and compounding("nl")
    assert all(compounding(code) is None for code in ("en", "es", "pt", "fr", "it", "ru", "xx"))
    for code in lang.LANGUAGES:  # the same table names in every language's folder
        assert all(hasattr(lang.module(code, ""), name) for name in ("COMPOUND_LINKS", "COMPOUND_INFLECTIONS", "COMPOUND_DERIVED"))


def test_a_label_below_the_minimum_length_is_never_looked_for_inside_words():
    forms = LocalForms.build([{"id": "x", "category": "technical", "labels": {"de": ["Netz"]}}], [])
    assert forms.compound_skill("Netzwerkadministration", "de") is None


def test_a_german_posting_asks_for_the_skill_inside_a_compound_and_an_english_resume_has_it():
    from resumematch.jobs import load_posting

    posting = load_posting(
        "Servicetechniker Glasfaser (m/w/d)\n\nIhre Aufgaben\nSie übernehmen Glasfasermontagearbeiten bei unseren Kunden "
        "und unterstützen das Team bei der Netzwerkadministration.\n\nIhr Profil\n- Kundenserviceerfahrung\n"
        "- Führerschein Klasse B\n".encode(), "stelle.txt")
    asked = {s.skill_id for s in posting.skills}
    assert {"ftth", "customer-service"} <= asked
    english = parse(b"Sam Reed\n\nExperience\nInstalled fiber to the home drops and gave friendly customer service "
                    b"to every household on the route.\n", name="cv.txt")
    assert {"ftth", "customer-service"} <= {m.skill_id for m in extract_skills(english)}


# --- acronyms in other languages ---------------------------------------------------------------

OTHER_LANGUAGES = {
    "pt": ["João Carvalho", "Campinas", "EXPERIÊNCIA PROFISSIONAL",
           "Técnico de campo em um provedor de internet, onde trabalhei sem supervisão direta na instalação de redes.",
           "Atendi clientes sem atraso e resolvi as falhas de conexão nas casas e nas empresas da cidade.",
           "FORMAÇÃO ACADÊMICA", "Curso técnico em redes de computadores",
           "COMPETÊNCIAS", "Marketing digital e SEM, dns, dhcp, Linux"],
    "fr": ["Camille Lefèvre", "Lyon", "EXPÉRIENCE PROFESSIONNELLE",
           "Technicienne chez un opérateur de fibre : les clients ont toujours reçu une visite à l'heure.",
           "Les équipes ont apprécié mon travail et mes collègues ont repris mes fiches de dépannage.",
           "FORMATION", "BTS Systèmes numériques, Lycée Ampère",
           "COMPÉTENCES", "Installation d'une ONT, OLT, Linux, Cisco"],
    "it": ["Giulia Romano", "Bologna", "ESPERIENZA LAVORATIVA",
           "Tecnica presso un operatore in fibra: nessuno osi dire che il servizio clienti sia lento.",
           "Mi occupo dei router e del supporto tecnico ai clienti aziendali della provincia di Bologna.",
           "ISTRUZIONE", "Diploma di perito informatico",
           "COMPETENZE", "modello OSI, TCP/IP, Linux, Cisco"],
}
# The lower-case word of each language that is one of the taxonomy's acronyms.
COLLISIONS = {"pt": ("sem", "sem"), "fr": ("ont", "ont"), "it": ("osi", "osi-model")}


@pytest.mark.parametrize("build, suffix", [(_pdf, "pdf"), (_docx, "docx")])
@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_a_word_of_another_language_is_no_acronym_but_the_acronym_in_capitals_is(code, build, suffix):
    word, skill_id = COLLISIONS[code]
    document = parse(build(OTHER_LANGUAGES[code]), name=f"cv-{code}.{suffix}")
    assert document.language == code
    mentions = extract_skills(document)
    assert word not in {m.text for m in mentions}  # the word, in lower case, in a sentence
    assert skill_id in {m.skill_id for m in mentions if m.text.isupper()}  # the acronym as written


def test_a_lower_case_acronym_as_an_item_of_a_list_still_counts_in_another_language():
    document = parse(_pdf(OTHER_LANGUAGES["pt"]), name="cv.pdf")
    found = {m.text: m.skill_id for m in extract_skills(document)}
    assert found["dns"] == "dns" and found["dhcp"] == "dhcp"


def test_english_keeps_lower_case_acronyms():
    found = {m.skill_id for m in extract_skills("Configured dns and dhcp for the branch offices, and ran ccna labs.")}
    assert {"dns", "dhcp"} <= found
