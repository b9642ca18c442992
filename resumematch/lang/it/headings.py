"""Italian resume headings (including the Europass ones)."""

CONNECTORS = ("e", "ed")

HEADINGS = {
    "contact": ("contatti", "contatto", "informazioni personali", "dati personali", "informazioni di contatto", "recapiti"),
    "summary": (
        "riepilogo", "profilo", "profilo professionale", "sommario", "chi sono", "su di me", "obiettivo", "obiettivi",
        "obiettivo professionale", "presentazione", "profilo personale",
    ),
    "experience": ("esperienza di lavoro", "esperienze di lavoro", 
        "esperienza", "esperienze", "esperienza professionale", "esperienze professionali", "esperienza lavorativa",
        "esperienze lavorative", "percorso professionale", "tirocini",
    ),
    "education": ("formazione professionale", "istruzione e formazione professionale", 
        "formazione", "istruzione", "istruzione e formazione", "titoli di studio", "percorso di studi", "studi",
        "formazione accademica", "titolo di studio",
    ),
    "skills": ("competenze personali", "capacità e competenze personali", "competenze comunicative", "competenze organizzative e gestionali", "competenze organizzative", "competenze professionali", "capacità e competenze informatiche", "competenze tecniche e informatiche", 
        "competenze", "competenze principali", "competenze tecniche", "capacità", "abilità", "conoscenze",
        "competenze informatiche", "capacità e competenze", "conoscenze informatiche",
        "capacità e competenze tecniche", "competenze professionali", "competenze digitali", "strumenti",
    ),
    "certifications": ("certificazioni", "certificati", "corsi", "licenze e certificazioni", "attestati", "corsi e certificazioni"),
    "projects": ("progetti", "progetti personali"),
    "awards": ("premi", "riconoscimenti", "premi e riconoscimenti", "riconoscimenti e premi", "onorificenze"),
    "languages": ("lingua madre", "madrelingua", "altre lingue", "altre lingue straniere", "lingue", "conoscenze linguistiche", "competenze linguistiche", "lingue straniere"),
    "interests": ("interessi", "hobby", "passioni", "interessi personali"),
    "volunteering": ("volontariato", "esperienze di volontariato"),
    "publications": ("pubblicazioni", "brevetti"),
    "references": ("referenze",),
}

LINKEDIN = {
    "contact": "Contatti", "skills": "Competenze principali", "languages": "Lingue",
    "certifications": "Certificazioni", "awards": "Riconoscimenti e premi", "publications": "Pubblicazioni",
    "patents": "Brevetti", "summary": "Riepilogo", "experience": "Esperienza", "education": "Formazione",
}
LINKEDIN_LABELS = ("Azienda", "Personale", "Portfolio", "Blog", "Altro", "Cellulare", "Casa", "Lavoro")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("nome", "nome e cognome", "cognome e nome")
