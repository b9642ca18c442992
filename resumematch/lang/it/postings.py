HEADINGS = {
    "required": (
        "requisiti", "requisiti richiesti", "profilo ricercato", "profilo", "il tuo profilo", "cosa cerchiamo",
        "competenze richieste", "requisiti minimi",
    ),
    "preferred": ("costituisce titolo preferenziale", "gradito", "graditi", "requisiti preferenziali", "titoli preferenziali", "un plus"),
    "duties": ("descrizione", "descrizione del ruolo", "mansioni", "responsabilità", "attività", "principali attività", "il ruolo"),
    "company": ("chi siamo", "l'azienda", "azienda"),
    "benefits": ("offriamo", "cosa offriamo", "si offre", "benefit", "vantaggi"),
    "salary": ("retribuzione", "stipendio"),
    "apply": ("come candidarsi", "candidatura"),
}
PREFERRED_WORDS = ("gradito", "gradita", "graditi", "gradite", "preferenziale", "preferibilmente", "apprezzata", "apprezzato")
REQUIRED_WORDS = ("requisiti", "richiesto", "richiesta", "richiesti", "indispensabile", "obbligatorio", "necessario", "minimo")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
