"""Headings, language detection and skill labels in every language of resumematch/lang."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumematch import lang, parse
from resumematch.parsers.sections import find_sections, heading_name

DOCS = Path(__file__).resolve().parent.parent / "docs" / "languages.md"

# One heading per language and canonical section, written as people write them.
HEADINGS = [
    ("BERUFSERFAHRUNG", "experience"), ("Beruflicher Werdegang:", "experience"), ("Ausbildung", "education"),
    ("Kenntnisse", "skills"), ("Sprachkenntnisse", "languages"), ("Aus- und Weiterbildung", "education"),
    ("Experiencia", "experience"), ("Formación académica", "education"), ("FORMACION", "education"),
    ("Aptitudes principales", "skills"), ("Experiência profissional", "experience"), ("Formação", "education"),
    ("Principais competências", "skills"), ("Expérience professionnelle", "experience"), ("Compétences", "skills"),
    ("Centres d'intérêt", "interests"), ("Esperienza", "experience"), ("Istruzione e formazione", "education"),
    ("Competenze", "skills"), ("Werkervaring", "experience"), ("Opleiding", "education"), ("Vaardigheden", "skills"),
    ("Опыт работы", "experience"), ("Образование", "education"), ("Навыки", "skills"),
]


@pytest.mark.parametrize("line, name", HEADINGS)
def test_headings_in_every_language(line, name):
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line, name",
    [
        ("E X P E R I E N C E", "experience"), ("e x p e r i e n c e", "experience"),
        ("W O R K   E X P E R I E N C E", "experience"), ("B E R U F S E R F A H R U N G", "experience"),
        ("F O R M A C I Ó N", "education"), ("Experiencia laboral ____________", "experience"),
        ("Kenntnisse:", "skills"), ("— Compétences —", "skills"), ("opleiding", "education"),
    ],
)
def test_heading_forms(line, name):
    assert heading_name(line) == name


def test_document_title_is_no_heading():
    assert heading_name("Resume") is None and heading_name("Résumé") is None and heading_name("Lebenslauf") is None


def test_one_table_no_heading_in_two_sections():
    table = lang.resume_headings()
    for code in lang.LANGUAGES:
        for section, variants in lang.module(code, "headings").HEADINGS.items():
            for variant in variants:
                assert table[lang.heading_key(variant)] == section, (code, variant)


def test_every_language_folder_has_the_same_tables():
    for code in lang.LANGUAGES:
        assert lang.module(code, "").NAME
        headings, postings = lang.module(code, "headings"), lang.module(code, "postings")
        assert set(headings.LINKEDIN) == set(lang.module("en", "headings").LINKEDIN)
        for name in ("HEADINGS", "CONNECTORS", "LINKEDIN_LABELS"):
            assert hasattr(headings, name)
        for name in ("HEADINGS", "PREFERRED_WORDS", "REQUIRED_WORDS", "LINE_PREFERRED", "LINE_REQUIRED"):
            assert hasattr(postings, name)


def test_the_headings_table_in_docs_is_current():
    assert lang.headings_markdown() in DOCS.read_text(encoding="utf-8")


RESUMES = {
    "de": ("Jonas Becker\nLeipzig\n\nBerufserfahrung\nNetzwerkadministrator bei einem Anbieter von Glasfaseranschlüssen. "
           "Ich betreue die Router und Switches und kümmere mich um die Überwachung des Netzes.\n\nAusbildung\n"
           "Fachinformatiker für Systemintegration\n\nKenntnisse\nGlasfasermontage, Netzwerktechnik, Linux, Cisco\n", "German"),
    "es": ("Lucía Fernández\nSevilla\n\nExperiencia\nAdministradora de redes en una operadora de fibra. Me ocupo de los routers "
           "y de la atención al cliente de las empresas.\n\nFormación\nGrado en Telecomunicación\n\nHabilidades\n"
           "cableado de redes, soporte técnico, Linux, Cisco\n", "Spanish"),
    "pt": ("João Carvalho\nCampinas\n\nExperiência profissional\nAnalista de redes em um provedor de internet. Cuido dos "
           "roteadores e do atendimento ao cliente das empresas.\n\nFormação acadêmica\nCiência da Computação\n\n"
           "Competências\nbancos de dados, redes, Linux, Cisco\n", "Portuguese"),
    "fr": ("Camille Lefèvre\nLyon\n\nExpérience professionnelle\nAdministratrice réseaux chez un opérateur de fibre. Je gère "
           "les routeurs et le support technique des entreprises clientes.\n\nFormation\nLicence professionnelle\n\n"
           "Compétences\nadministration réseau, fibre optique, Linux, Cisco\n", "French"),
    "it": ("Giulia Romano\nBologna\n\nEsperienza lavorativa\nAmministratrice di rete presso un operatore in fibra. Mi occupo "
           "dei router e del supporto tecnico ai clienti aziendali.\n\nIstruzione\nLaurea in ingegneria\n\n"
           "Competenze\namministrazione di rete, fibra ottica, Linux, Cisco\n", "Italian"),
    "nl": ("Sanne de Vries\nUtrecht\n\nWerkervaring\nNetwerkbeheerder bij een aanbieder van glasvezel. Ik beheer de routers "
           "en help zakelijke klanten met technische ondersteuning.\n\nOpleiding\nHBO-ICT\n\nVaardigheden\n"
           "netwerkbeheer, glasvezel, Linux, Cisco\n", "Dutch"),
    "ru": ("Иван Петров\nМосква\n\nОпыт работы\nСетевой администратор в компании, которая подключает дома к оптоволокну. "
           "Настраиваю маршрутизаторы и отвечаю за техническую поддержку клиентов. "
           "Веду документацию сети и обучаю новых сотрудников работе с оборудованием.\n\nОбразование\nМГТУ\n\nНавыки\n"
           "администрирование сетей, Linux, Cisco\n", "Russian"),
}


@pytest.mark.parametrize("code", RESUMES)
def test_resume_in_another_language(code):
    text, name = RESUMES[code]
    document = parse(text.encode(), name=f"cv-{code}.txt")
    assert document.language == code
    assert [s.name for s in document.sections] == ["contact", "experience", "education", "skills"]
    assert any(f"written in {name}" in w for w in document.warnings)
    assert document.to_dict()["language"] == code


def test_local_skill_names_are_the_same_skill_ids():
    from resumematch.skills import extract_skills

    found = {}
    for code in ("de", "es", "pt", "fr", "it", "nl", "ru"):
        document = parse(RESUMES[code][0].encode(), name=f"cv-{code}.txt")
        found[code] = {m.skill_id for m in extract_skills(document) if m.section == "skills"}
    assert {"ftth", "networking", "linux", "cisco"} <= found["de"]
    assert {"structured-cabling", "technical-support"} <= found["es"]
    assert {"databases", "networking"} <= found["pt"]
    assert {"network-administration", "fiber-optics"} <= found["fr"] & found["it"]
    assert {"network-administration", "fiber-optics"} <= found["nl"]
    assert "network-administration" in found["ru"]


def test_a_german_resume_matches_an_english_posting_and_back():
    from resumematch.jobs import load_posting
    from resumematch.skills import extract_skills

    german = parse(RESUMES["de"][0].encode(), name="cv-de.txt")
    english_posting = load_posting(b"Fiber Technician\n\nRequirements\n- Fiber installation\n- Computer networking\n- Linux\n", "fiber.txt")
    from resumematch.skills import analyse

    assert {s.skill_id for s in english_posting.skills} <= set(analyse(german).held)
    german_posting = load_posting("Glasfasertechniker (m/w/d)\n\nAnforderungen\n- Glasfasermontage\n- Netzwerktechnik\n".encode(), "glasfaser.txt")
    english = parse(b"Sam Reed\n\nExperience\nInstalled fiber to the home drops and worked on computer networking for a regional ISP.\n", name="cv.txt")
    asked = {s.skill_id for s in german_posting.skills}
    assert {"ftth", "networking"} <= asked & {m.skill_id for m in extract_skills(english)}


def test_advice_says_once_that_the_resume_is_in_another_language():
    from resumematch.api import check

    german = parse(RESUMES["de"][0].encode(), name="cv-de.txt")
    report = check(german, "network-technician")
    notes = [s.message for s in report.suggestions if s.kind == "language"]
    assert len(notes) == 1 and "written in German" in notes[0]
    assert "'Berufserfahrung' as Experience" in notes[0] and "'Glasfasermontage' as FTTH" in notes[0]
    assert not any("written in German" in w for w in report.result.warnings)
    english = parse(b"Sam Reed\n\nExperience\nInstalled fiber to the home drops and configured routers for the ISP.\n", name="cv.txt")
    assert not [s for s in check(english, "network-technician").suggestions if s.kind == "language"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Lebenslauf\nName: Jonas Becker\nLeipzig\n\nBerufserfahrung\nNetzwerkadministrator", "Jonas Becker"),
        ("CURRICULUM VITAE\nNombre y apellidos: Lucía Fernández Ortega\nSevilla\n\nExperiencia\nTécnica", "Lucía Fernández Ortega"),
        ("Nom : Camille Lefèvre\nLyon\n\nExpérience\nAdministratrice", "Camille Lefèvre"),
        ("ФИО: Иван Петров\nМосква\n\nОпыт работы\nАдминистратор", "Иван Петров"),
    ],
)
def test_a_name_after_its_label_in_any_language(text, name):
    from resumematch.parsers.names import find_name

    assert find_name(text) == name


def test_labels_typed_without_accents():
    from resumematch.skills import extract_skills

    text = "Ana Ruiz\n\nHabilidades\nsoporte tecnico, Atencion al cliente, administracion de redes, Storungsbehebung\n"
    found = {m.skill_id for m in extract_skills(parse(text.encode(), name="cv.txt"))}
    assert {"technical-support", "customer-service", "network-administration", "troubleshooting"} <= found


def test_the_report_names_the_language(tmp_path):
    from click.testing import CliRunner

    from resumematch.cli import cli

    path = tmp_path / "cv-de.txt"
    path.write_text(RESUMES["de"][0], encoding="utf-8")
    text = CliRunner().invoke(cli, ["check", str(path), "--job", "network-technician"]).stdout
    assert "Language: German" in text
    for fmt in ("md", "html"):
        assert "Language: German" in CliRunner().invoke(cli, ["check", str(path), "--job", "network-technician", "--format", fmt]).stdout
    assert '"language": "de"' in CliRunner().invoke(cli, ["parse", str(path), "--format", "json"]).stdout
