"""German resume headings (Lebenslauf)."""

CONNECTORS = ("und",)

HEADINGS = {
    "contact": ("kontakt", "kontaktdaten", "persönliche daten", "persönliche angaben", "kontaktinformationen", "angaben zur person"),
    "summary": (
        "zusammenfassung", "profil", "kurzprofil", "über mich", "berufsprofil", "persönliches profil",
        "zielsetzung", "berufsziel", "profil und ziele",
    ),
    "experience": ("erfahrungen", "berufliche erfahrungen", "praktische erfahrungen", "berufserfahrungen", "beruflicher werdegang und erfahrung", "tätigkeiten", 
        "berufserfahrung", "erfahrung", "berufspraxis", "beruflicher werdegang", "werdegang", "berufliche erfahrung",
        "praktische erfahrung", "praktika", "beschäftigungsverlauf", "berufliche laufbahn", "berufstätigkeit",
        "berufliche stationen", "berufliche tätigkeiten", "praxiserfahrung",
    ),
    "education": ("schul und berufsbildung", "hochschulbildung", "studium und ausbildung", "ausbildung und weiterbildung", "schule und ausbildung", "akademische ausbildung", 
        "ausbildung", "bildung", "bildungsweg", "schulbildung", "studium", "schulische ausbildung",
        "akademischer werdegang", "aus und weiterbildung", "ausbildung und studium", "schul und berufsausbildung",
        "berufsausbildung", "schulischer werdegang",
    ),
    "skills": ("persönliche fähigkeiten", "digitale kompetenz", "kommunikative fähigkeiten", "organisations und führungstalent", "jobbezogene fähigkeiten", "fachliche kenntnisse", "technische fähigkeiten", "software kenntnisse", "computerkenntnisse", "stärken", 
        "kenntnisse", "fähigkeiten", "kompetenzen", "top kenntnisse", "fachkenntnisse", "it kenntnisse",
        "edv kenntnisse", "technische kenntnisse", "fachliche kompetenzen", "kenntnisse und fähigkeiten",
        "qualifikationen", "besondere kenntnisse", "fertigkeiten", "fähigkeiten und kenntnisse",
        "kenntnisse und kompetenzen", "schwerpunkte", "sonstige kenntnisse",
    ),
    "certifications": (
        "zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen", "fortbildungen",
        "lizenzen und zertifizierungen", "kurse", "schulungen", "fort und weiterbildung", "bescheinigungen",
    ),
    "projects": ("projekte", "projekterfahrung", "ausgewählte projekte"),
    "awards": ("auszeichnungen", "ehrungen", "preise", "erfolge", "auszeichnungen und preise"),
    "languages": ("muttersprache", "weitere sprachen", "sprachen", "sprachkenntnisse", "fremdsprachen"),
    "interests": ("interessen", "hobbys", "hobbies", "freizeit", "freizeitaktivitäten", "interessen und hobbys"),
    "volunteering": ("ehrenamt", "ehrenamtliches engagement", "ehrenamtliche tätigkeiten", "soziales engagement"),
    "publications": ("veröffentlichungen", "publikationen", "patente"),
    "references": ("referenzen",),
}

LINKEDIN = {
    "contact": "Kontakt", "skills": "Top-Kenntnisse", "languages": "Sprachen",
    "certifications": "Bescheinigungen", "awards": "Auszeichnungen", "publications": "Veröffentlichungen",
    "patents": "Patente", "summary": "Zusammenfassung", "experience": "Berufserfahrung", "education": "Ausbildung",
}
LINKEDIN_LABELS = ("Unternehmen", "Persönlich", "Portfolio", "Blog", "Andere", "Sonstige", "Mobil", "Privat", "Arbeit")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("name", "vor und nachname", "vorname und nachname", "vollständiger name")
